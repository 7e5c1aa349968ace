"""The settings and connection dialog: where calls go, for which company, with which credentials.

A clerk's fields come first (운영 or 테스트, 사업자등록번호, LinkID and SecretKey with what they are, UserID, language);
a pasted session token, hosts, custom URLs, the proxy script, the CA file and the timeout wait in a collapsed 고급 /
Advanced section. On a first start the environment is asked, never assumed (the combo box starts empty and OK waits
for it). The rows are built from one table (`_ROWS` here for the layout, `SettingsTexts.rows()` in settings_texts.py
for their words), so adding a setting is one line in each. Every rule is the core's (`check_corp_num`,
`check_user_id`, `check_url`, `check_pac_url`, the credential checks), shown inline next to the field, once; a
problem disables OK and a line under the form says so; a failed CorpNum check digit only warns. Saved secrets are
never put into a widget: their fields stay empty with a "(saved)" placeholder, and leaving them empty keeps what was
saved, for the environment they were saved for: another environment chosen, they are not offered, tested or handed
back (`entered_credentials` is only what was typed). "Test connection": `connection_test.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from typing import Final

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.messages import normalize_lang, text
from ...core.trust import check_ca_file, clean_ca_path
from ...core.validation import (
    Problem,
    check_corp_num,
    check_link_id,
    check_secret_key,
    check_token,
    check_user_id,
    clean,
)
from ...service import Credentials, LinkCredentials, Token, TokenCredentials
from ...storage.settings import ENV_VARS, MAX_TIMEOUT, Settings
from ..shared import i18n
from ..shared.fields import CheckedField
from ..shared.jobs import JobRunner
from ..shared.palette import text_style
from ..shared.screen_fit import FormScroll, fit_to_screen, free_area
from .connection_test import TEST_KEY, ConnectionTest
from .settings_checks import pac_check, url_check
from .settings_texts import SettingsTexts

__all__ = ["TEST_KEY", "SettingsDialog"]

MIN_TIMEOUT: Final = 1.0
MIN_WIDTH: Final = 480
WIDTH: Final = 600
_ERROR: Final = "#b71c1c"  # made readable on the palette's background by palette.text_style (dark mode)
_WARNING: Final = "#8a5300"

# The form, top to bottom (the tab order follows it): (section, row name). "main" is always shown; "advanced" is
# the collapsed section. Row names are keys of `SettingsTexts.rows()` and of `SettingsDialog._row_widgets()`.
_ROWS: Final = (
    ("main", "env"),
    ("main", "corp_num"),
    ("main", "link_id"),
    ("main", "secret_key"),
    ("main", "user_id"),
    ("main", "lang"),
    ("advanced", "method"),
    ("advanced", "token"),
    ("advanced", "hosts"),
    ("advanced", "base_url"),
    ("advanced", "auth_url"),
    ("advanced", "pac_url"),
    ("advanced", "ca_bundle"),
    ("advanced", "timeout"),
)
_ADVANCED_SETTINGS: Final = ("hosts", "base_url", "auth_url", "pac_url", "ca_bundle", "timeout")


class SettingsDialog(QDialog):
    """Environment, CorpNum, credentials, UserID, language; advanced: a pasted token, hosts, URLs, the proxy script,
    CA file, timeout; a connection test. `env_chosen` False: a first start, the environment asked. `demo`: the
    demo's own connection (its environment fixed, its loopback addresses no reason to open the advanced section)."""

    def __init__(
        self,
        settings: Settings,
        credentials: Credentials | None,
        *,
        locked: set[str],
        keyring_available: bool,
        jobs: JobRunner,
        on_tested: Callable[[Token], None] | None = None,
        parent: QWidget | None = None,
        env_chosen: bool = True,
        demo: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._initial = settings
        self._credentials = credentials
        self._locked = set(locked)
        self._keyring_available = keyring_available
        self._demo = demo
        self._labels: dict[str, QLabel] = {}
        self.texts = SettingsTexts(self)
        self.test = ConnectionTest(self, jobs, self.texts, on_tested=on_tested, changed=self._test_changed)
        self.test_button, self.test_result = self.test.button, self.test.result
        self._build_inputs(settings, credentials, env_chosen)
        self._build_layout()
        self._apply_locks()
        self._connect()
        self._show_method_rows()
        # Open the advanced section when something in it is set (a pasted token too), or must be fixed; the demo's
        # own addresses are not something the clerk set.
        changed = any(getattr(settings, name) != getattr(Settings(), name) for name in _ADVANCED_SETTINGS)
        self.set_advanced_shown(self.token_radio.isChecked() or (changed and not demo))
        self.retranslate()
        # Wider than its minimum where the screen allows: the notes then take fewer lines, the form less height.
        self.resize(min(WIDTH, free_area(self).width()), self.height())
        fit_to_screen(self, self.form_scroll)  # now that every row has its words

    # -- building ---------------------------------------------------------------------------------------
    def _build_inputs(self, settings: Settings, credentials: Credentials | None, env_chosen: bool) -> None:
        self.env = self._combo("settingsEnv", ("test", "production"), settings.env)
        if not env_chosen:
            self.env.setCurrentIndex(-1)  # its placeholder asks: 운영 or 테스트, never a silent default
        self.env_note = self._message_label("settingsEnvNote", _WARNING)
        self.corp_num = CheckedField("settingsCorpNum", self._corp_num_problems, None, self)
        self.corp_num.edit.setText(settings.corp_num or "")
        self.corp_num_note = self._message_label("settingsCorpNumWarning")
        # Credentials: LinkID + SecretKey (or, in the advanced section, a pasted session token). Widgets are made in
        # the form's order: the focus chain starts out that way (a field's inner parts follow it there).
        self.keys_note = self._message_label("settingsKeysNote")
        self.link_id = QLineEdit(self)
        self.link_id.setObjectName("settingsLinkId")
        if isinstance(credentials, LinkCredentials):
            self.link_id.setText(credentials.link_id)  # a LinkID is not a secret
        self.secret_key = self._secret_edit("settingsSecretKey")
        self.credentials_message = self._message_label("settingsCredentialsMessage", _ERROR)
        self.keyring_warning = self._message_label("settingsKeyringWarning", _WARNING)
        self.session_only_box = QCheckBox(self)
        self.session_only_box.setObjectName("settingsSessionOnly")
        self.user_id = CheckedField("settingsUserId", check_user_id, None, self)
        self.user_id.edit.setText(settings.user_id or "")
        self.lang = self._combo("settingsLang", ("ko", "en"), settings.lang)
        # Advanced.
        self.advanced_button = QToolButton(self)
        self.advanced_button.setObjectName("settingsAdvanced")
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.link_radio = QRadioButton(self)
        self.link_radio.setObjectName("settingsUseLink")
        self.token_radio = QRadioButton(self)
        self.token_radio.setObjectName("settingsUseToken")
        self._method = QButtonGroup(self)
        self._method.addButton(self.link_radio)
        self._method.addButton(self.token_radio)
        (self.token_radio if isinstance(credentials, TokenCredentials) else self.link_radio).setChecked(True)
        self.token = self._secret_edit("settingsToken")
        self.hosts = self._combo("settingsHosts", ("default", "static", "ga"), settings.hosts)
        self.base_url = CheckedField("settingsBaseUrl", url_check("base_url"), None, self)
        self.base_url.edit.setText(settings.base_url or "")
        self.auth_url = CheckedField("settingsAuthUrl", url_check("auth_url"), None, self)
        self.auth_url.edit.setText(settings.auth_url or "")
        self.pac_url = CheckedField("settingsPacUrl", pac_check, None, self, trim=False)
        self.pac_url.edit.setText(settings.pac_url or "")
        # Checked as soon as the path is typed or pasted (with or without the quotes of Windows' "Copy as path").
        self.ca_bundle = CheckedField("settingsCaBundle", check_ca_file, None, self, trim=False)
        self.ca_bundle.edit.setText(settings.ca_bundle or "")
        self.timeout = QDoubleSpinBox(self)
        self.timeout.setObjectName("settingsTimeout")
        self.timeout.setRange(MIN_TIMEOUT, MAX_TIMEOUT)
        self.timeout.setDecimals(1)
        self.timeout.setSingleStep(5.0)
        self.timeout.setValue(min(max(settings.timeout, MIN_TIMEOUT), MAX_TIMEOUT))
        for field in self._checked_fields():
            # Messages may quote what was typed: never let it be read as rich text.
            field.message.setTextFormat(Qt.TextFormat.PlainText)
        # The buttons.
        self.test_result.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding)
        self.ok_reason = self._message_label("settingsOkReason", _ERROR)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("settingsButtons")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _row_widgets(self) -> dict[str, tuple[QWidget, QWidget]]:
        """Row name → (what the row shows, the label's buddy)."""
        methods = QWidget(self)
        column = QVBoxLayout(methods)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.link_radio)
        column.addWidget(self.token_radio)
        return {
            "env": (self._stack(self.env, self.env_note), self.env),
            "corp_num": (self._stack(self.corp_num, self.corp_num_note), self.corp_num.edit),
            "method": (methods, self.link_radio),
            "link_id": (self.link_id, self.link_id),
            "secret_key": (self.secret_key, self.secret_key),
            "token": (self.token, self.token),
            "user_id": (self.user_id, self.user_id.edit),
            "lang": (self.lang, self.lang),
            "hosts": (self.hosts, self.hosts),
            "base_url": (self.base_url, self.base_url.edit),
            "auth_url": (self.auth_url, self.auth_url.edit),
            "pac_url": (self.pac_url, self.pac_url.edit),
            "ca_bundle": (self.ca_bundle, self.ca_bundle.edit),
            "timeout": (self.timeout, self.timeout),
        }

    def _build_layout(self) -> None:
        self.form = QFormLayout()
        self.advanced_form = QFormLayout()
        for form in (self.form, self.advanced_form):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            # Long labels (Korean or English) go above their field rather than squeezing it.
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        widgets = self._row_widgets()
        for section, name in _ROWS:
            shown, buddy = widgets[name]
            label = QLabel(self)
            label.setWordWrap(True)
            label.setBuddy(buddy)
            self._labels[name] = label
            if name == "link_id":  # what LinkID and SecretKey are, above them
                self.form.addRow(self.keys_note)
            (self.form if section == "main" else self.advanced_form).addRow(label, shown)
            if name == "secret_key":  # what the credentials need, right under them
                for message in (self.credentials_message, self.keyring_warning, self.session_only_box):
                    self.form.addRow(message)
        self.advanced = QWidget(self)
        self.advanced.setObjectName("settingsAdvancedSection")
        self.advanced_form.setContentsMargins(16, 0, 0, 0)
        self.advanced.setLayout(self.advanced_form)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_result, 1)
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.form)
        column.addWidget(self.advanced_button)
        column.addWidget(self.advanced)
        column.addLayout(test_row)
        column.addStretch(1)
        # The form scrolls only when the screen is shorter than it; OK, Cancel and why OK waits stay in sight.
        self.form_scroll = FormScroll(content, self)
        self.form_scroll.grew.connect(lambda: fit_to_screen(self, self.form_scroll, grow_only=True))
        outer = QVBoxLayout(self)
        outer.addWidget(self.form_scroll, 1)
        outer.addWidget(self.ok_reason)
        outer.addWidget(self.buttons)
        self.setMinimumWidth(MIN_WIDTH)
        self.form.setRowVisible(self.keyring_warning, not self._keyring_available)
        self.form.setRowVisible(self.session_only_box, not self._keyring_available)
        # The tab order follows the form; inside a row, its extra inputs (the second radio button, the box under
        # the credentials) follow the row's own.
        extra: dict[QWidget, list[QWidget]] = {
            self.link_radio: [self.token_radio],
            self.secret_key: [self.session_only_box],
        }
        order: list[QWidget] = []
        for section, name in _ROWS:
            if section == "advanced" and self.advanced_button not in order:
                order.append(self.advanced_button)
            buddy = widgets[name][1]
            order += [buddy, *extra.get(buddy, [])]
        order += [self.test_button, self.ok_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _combo(self, object_name: str, values: tuple[str, ...], current: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(object_name)
        for value in values:
            combo.addItem("", value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def _secret_edit(self, object_name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(object_name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _message_label(self, object_name: str, color: str = "") -> QLabel:
        label = QLabel(self)
        label.setObjectName(object_name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # server messages and typed values are shown as text
        label.setStyleSheet(text_style(color) if color else "")
        # Grows in height with its words instead of being cut (or drawn over its neighbours).
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding)
        return label

    def _stack(self, top: QWidget, below: QLabel) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(top)
        column.addWidget(below)
        box.setFocusProxy(top)
        return box

    def _checked_fields(self) -> tuple[CheckedField, ...]:
        return (self.corp_num, self.user_id, self.base_url, self.auth_url, self.pac_url, self.ca_bundle)

    def _inputs(self) -> dict[str, QWidget]:
        """Setting name → its input, for the settings a POPBILL_* variable can fix."""
        return {
            "env": self.env,
            "hosts": self.hosts,
            "base_url": self.base_url.edit,
            "auth_url": self.auth_url.edit,
            "pac_url": self.pac_url.edit,
            "corp_num": self.corp_num.edit,
            "user_id": self.user_id.edit,
            "lang": self.lang,
            "timeout": self.timeout,
            "ca_bundle": self.ca_bundle.edit,
        }

    def _apply_locks(self) -> None:
        for name, widget in self._inputs().items():
            if name not in self._locked:
                continue
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(True)
            elif isinstance(widget, QAbstractSpinBox):
                widget.setReadOnly(True)
                widget.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            else:
                widget.setEnabled(False)  # a combo box has no read-only mode; Qt still shows its tooltip
        if self._demo:
            self.env.setEnabled(False)  # the demo stays the demo: its simulator, its credentials

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.test_button.clicked.connect(self._start_test)
        self.advanced_button.toggled.connect(self.set_advanced_shown)
        self.env.currentIndexChanged.connect(self._on_env_changed)
        self._method.buttonToggled.connect(self._on_method_changed)
        for edit in (self.link_id, self.secret_key, self.token):
            edit.textChanged.connect(self._on_credentials_edited)
        for field in self._checked_fields():
            field.changed.connect(self._refresh)
        self.session_only_box.toggled.connect(self._refresh)

    def set_advanced_shown(self, shown: bool) -> None:
        """Open or close the 고급 / Advanced section."""
        self.advanced_button.setChecked(shown)
        self.advanced_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.advanced.setVisible(shown)
        fit_to_screen(self, self.form_scroll)

    # -- reading the form ---------------------------------------------------------------------------------
    def _saved(self) -> Credentials | None:
        """The credentials passed in, while the environment they belong to is the one chosen; else None (they are
        never offered to, tested on or handed back for the other environment's server)."""
        return self._credentials if self.env.currentData() in (None, self._initial.env) else None

    def _credentials_state(self) -> tuple[Credentials | None, list[str]]:
        """The credentials the form stands for, and what is wrong with them (sentences, in the window's language).

        Empty secret fields keep the credentials passed in; a new LinkID needs its SecretKey with it.
        """
        saved = self._saved()
        if self.token_radio.isChecked():
            pasted = self.token.text()
            if not pasted:
                return saved, []
            problems = check_token(pasted)
            return TokenCredentials(pasted.strip()), [p.describe(i18n.lang()) for p in problems]
        link_id = clean(self.link_id.text())
        secret = self.secret_key.text()
        saved_link_id = saved.link_id if isinstance(saved, LinkCredentials) else None
        if not secret:
            if link_id == (saved_link_id or ""):
                return saved, []
            if not link_id:
                return saved, [text("link_id.required", i18n.lang())]
            return saved, [text("secret_key.required", i18n.lang())]
        problems = check_link_id(link_id) + check_secret_key(secret)
        return LinkCredentials(link_id, secret.strip()), [p.describe(i18n.lang()) for p in problems]

    def _secrets_typed(self) -> bool:
        edit = self.token if self.token_radio.isChecked() else self.secret_key
        return bool(edit.text())

    def _corp_num_problems(self, value: str) -> list[Problem]:
        # Linkhub issues the token for a CorpNum; a pasted token already belongs to one company.
        if not clean(value) and not isinstance(self._credentials_state()[0], LinkCredentials):
            return []
        return check_corp_num(value).problems

    def _settings_problems(self) -> list[str]:
        """What blocks OK among the settings; a value fixed by an environment variable cannot be fixed here."""
        fields = {"base_url": self.base_url, "auth_url": self.auth_url, "corp_num": self.corp_num}
        fields.update({"user_id": self.user_id, "pac_url": self.pac_url, "ca_bundle": self.ca_bundle})
        return [p.describe(i18n.lang()) for name, f in fields.items() if name not in self._locked for p in f.problems()]

    def _blockers(self) -> list[str]:
        """What keeps OK from being pressed, each said once: what is marked at its field is not said again."""
        _, credential_problems = self._credentials_state()
        blockers = self._settings_problems() + credential_problems
        if blockers:
            blockers = [self.tr("fix what is marked above.")]
        if self.env.currentIndex() < 0:
            blockers.insert(0, self.tr("choose Production or Test."))
        if not self._keyring_available and self._secrets_typed() and not self.session_only_box.isChecked():
            blockers.append(self.tr("Tick “Keep secrets for this session only” to use the secrets you typed."))
        return blockers

    # -- what the user chose ------------------------------------------------------------------------------
    def result_settings(self) -> Settings:
        """The settings as chosen (CorpNum without dashes); settings fixed by a variable are as passed in."""

        def optional(field: CheckedField) -> str | None:
            return field.value().rstrip("/") or None

        chosen = replace(
            self._initial,
            env=str(self.env.currentData() or self._initial.env),
            hosts=str(self.hosts.currentData()),
            base_url=optional(self.base_url),
            auth_url=optional(self.auth_url),
            pac_url=self.pac_url.value().strip('"') or None,  # checked: check_pac_url, as "Copy as path" quotes
            corp_num=check_corp_num(self.corp_num.edit.text()).value or None,
            user_id=self.user_id.value() or None,
            lang=normalize_lang(str(self.lang.currentData())),
            timeout=float(self.timeout.value()),
            ca_bundle=clean_ca_path(self.ca_bundle.value()) or None,
        )
        return replace(chosen, **{name: getattr(self._initial, name) for name in self._locked if name in ENV_VARS})

    def entered_credentials(self) -> Credentials | None:
        """The credentials typed here (a SecretKey, or a token pasted); None when none were typed: never the ones
        passed in handed back (`Service.switch_settings` decides what happens to those)."""
        if not self._secrets_typed():
            return None
        credentials, _ = self._credentials_state()
        return credentials

    def session_only(self) -> bool:
        """True when no keyring is usable: secrets can then be kept in memory for this session only."""
        return not self._keyring_available

    # -- behaviour ----------------------------------------------------------------------------------------
    def accept(self) -> None:
        if self._blockers():
            self._refresh()
            return
        super().accept()

    def done(self, result: int) -> None:
        # A test still running reports to nobody: its result must not reach a dialog that was closed.
        self.test.stop()
        super().done(result)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Laid out for real now: a note that wraps into one more line than guessed gets its room at once, and once
        # the words have settled, no more than it needs.
        fit_to_screen(self, self.form_scroll, grow_only=True)
        QTimer.singleShot(0, self, lambda: fit_to_screen(self, self.form_scroll))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_method_changed(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._show_method_rows()
            self.corp_num.recheck()  # whether CorpNum is required depends on the method
            self._refresh()

    def _on_env_changed(self) -> None:
        # The saved credentials belong to the environment they were saved for: their LinkID is not offered for the
        # other one (nothing typed then reads the other environment's own entry), and comes back with it.
        saved_link = self._credentials.link_id if isinstance(self._credentials, LinkCredentials) else ""
        here = self._saved()
        if not self.secret_key.text() and self.link_id.text() in ("", saved_link):
            self.link_id.setText(here.link_id if isinstance(here, LinkCredentials) else "")
        self.texts.placeholders(self)
        self._on_credentials_edited()

    def _on_credentials_edited(self) -> None:
        self.corp_num.recheck()
        self._refresh()

    def _show_method_rows(self) -> None:
        link = self.link_radio.isChecked()
        self.form.setRowVisible(self.keys_note, link)
        self.form.setRowVisible(self.link_id, link)
        self.form.setRowVisible(self.secret_key, link)
        self.advanced_form.setRowVisible(self.token, not link)

    def _refresh(self) -> None:
        self.env_note.setText(self.texts.env_note(self.env.currentData()))
        self.env_note.setStyleSheet(text_style(_WARNING) if self.env.currentData() == "production" else "")
        self.env_note.setVisible(bool(self.env_note.text()))

        check = check_corp_num(self.corp_num.edit.text())
        problems = self.corp_num.problems()
        note, style = "", ""
        if problems and not self.corp_num.message.text():
            # CheckedField waits for typing before it shows a problem; a required, empty CorpNum is said at once.
            note, style = "⚠ " + problems[0].describe(i18n.lang()), _ERROR
        elif not problems and check.warnings:
            note = self.tr("Warning (you can still save): {0}").format(check.warnings[0].describe(i18n.lang()))
            style = _WARNING
        self.corp_num_note.setText(note)
        self.corp_num_note.setStyleSheet(text_style(style) if style else "")
        self.corp_num_note.setVisible(bool(note))
        self.corp_num.edit.setAccessibleDescription(note or self.corp_num.message.text())

        _, credential_problems = self._credentials_state()
        message = "\n".join("⚠ " + p for p in credential_problems)
        self.credentials_message.setText(message)
        self.credentials_message.setVisible(bool(message))
        active = self.token if self.token_radio.isChecked() else self.secret_key
        active.setAccessibleDescription(message)

        blockers = self._blockers()
        self.ok_button.setEnabled(not blockers)
        self.ok_reason.setText(self.tr("OK is not available yet: %1").replace("%1", blockers[0]) if blockers else "")
        self.ok_reason.setVisible(bool(blockers))
        advanced = (self.base_url, self.auth_url, self.pac_url, self.ca_bundle)
        if any(f.problems() for f in advanced) and not self.advanced.isVisible():
            self.set_advanced_shown(True)  # a problem in the closed section must be seen to be fixed
        self.test_button.setEnabled(not self.test.testing)

    # -- test connection ----------------------------------------------------------------------------------
    def _start_test(self) -> None:
        credentials, credential_problems = self._credentials_state()
        self.test.start(self.result_settings, credentials, self._settings_problems() + credential_problems)

    def _test_changed(self) -> None:
        self._refresh()
        # On a short screen the result may land below the fold: bring it into sight once it is laid out.
        QTimer.singleShot(0, self, lambda: self.form_scroll.show_whole(self.test_result))

    def retranslate(self) -> None:
        """Every visible text; called once at start and again when the application's language changes."""
        self.texts.apply(self)
        self.test.render()
        self._refresh()
