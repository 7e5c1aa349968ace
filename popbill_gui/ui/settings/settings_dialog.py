"""The settings and connection dialog: where calls go, for which company, with which credentials.

A clerk's fields come first (environment, 사업자등록번호, sign-in, UserID, language); hosts, custom URLs, the CA file
and the timeout wait in a collapsed 고급 / Advanced section. The rows are built from one table (`_ROWS` here for the
layout, `SettingsTexts.rows()` in settings_texts.py for their words), so adding a setting is one line in each. Every
rule is the core's (`check_corp_num`, `check_user_id`, `check_url`, the credential checks), shown inline next to the
field; a problem disables OK and a line under the form says why; a failed CorpNum check digit only warns. Saved
secrets are never put into a widget: their fields stay empty with a "(saved)" placeholder, and leaving them empty
keeps what was saved. "Test connection" issues a token on the window's job runner from plain values captured before
it starts, and shows the token's expiry (local time) or the error's sentence; the token itself is never shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from typing import Final

from PySide6.QtCore import QEvent, Qt, QTimer
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
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.environments import check_url
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
from ...service import Credentials, LinkCredentials, PopbillError, Token, TokenCredentials, test_connection
from ...storage.settings import ENV_VARS, MAX_TIMEOUT, Settings
from ..shared import i18n
from ..shared.fields import Check, CheckedField
from ..shared.jobs import JobRunner
from ..shared.palette import text_style
from ..shared.screen_fit import FormScroll, fit_to_screen
from .settings_texts import SettingsTexts

TEST_KEY: Final = "settings-test"  # one connection test at a time (keeper.CONNECTION_TEST)
MIN_TIMEOUT: Final = 1.0
MIN_WIDTH: Final = 480
_ERROR: Final = "#b71c1c"  # made readable on the palette's background by palette.text_style (dark mode)
_WARNING: Final = "#8a5300"

# The form, top to bottom (the tab order follows it): (section, row name). "main" is always shown; "advanced" is
# the collapsed section. Row names are keys of `SettingsTexts.rows()` and of `SettingsDialog._row_widgets()`.
_ROWS: Final = (
    ("main", "env"),
    ("main", "corp_num"),
    ("main", "method"),
    ("main", "link_id"),
    ("main", "secret_key"),
    ("main", "token"),
    ("main", "user_id"),
    ("main", "lang"),
    ("advanced", "hosts"),
    ("advanced", "base_url"),
    ("advanced", "auth_url"),
    ("advanced", "ca_bundle"),
    ("advanced", "timeout"),
)
_ADVANCED: Final = tuple(name for section, name in _ROWS if section == "advanced")


def _url_check(field_name: str) -> Check:
    """A CheckedField check for an optional custom URL (https anywhere, plain http on loopback only)."""

    def check(value: str) -> list[Problem]:
        if not clean(value):
            return []
        try:
            check_url(value)
        except PopbillError as exc:
            # check_url words its refusals as error.<kind> with the URL; the Problem re-words them per language.
            return [Problem(field_name, f"error.{exc.kind.value}", {"url": clean(value).rstrip("/")})]
        return []

    return check


class SettingsDialog(QDialog):
    """Environment, CorpNum, credentials, UserID, language; advanced: hosts, URLs, CA file, timeout; a test."""

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
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._initial = settings
        self._credentials = credentials
        self._locked = set(locked)
        self._keyring_available = keyring_available
        self._jobs = jobs
        self._on_tested = on_tested
        self._testing = False
        self._outcome: tuple[str, object] | None = None  # last test outcome, kept so retranslate() can re-word it
        self._labels: dict[str, QLabel] = {}
        self.texts = SettingsTexts(self)
        self._build_inputs(settings, credentials)
        self._build_layout()
        self._apply_locks()
        self._connect()
        self._show_method_rows()
        # Open the advanced section when something in it is set, or must be fixed.
        self.set_advanced_shown(any(getattr(settings, name, None) != getattr(Settings(), name) for name in _ADVANCED))
        self.retranslate()
        fit_to_screen(self, self.form_scroll)  # now that every row has its words

    # -- building ---------------------------------------------------------------------------------------
    def _build_inputs(self, settings: Settings, credentials: Credentials | None) -> None:
        self.env = self._combo("settingsEnv", ("test", "production"), settings.env)
        self.env_note = self._message_label("settingsEnvNote", _WARNING)
        self.corp_num = CheckedField("settingsCorpNum", self._corp_num_problems, None, self)
        self.corp_num.edit.setText(settings.corp_num or "")
        self.corp_num_note = self._message_label("settingsCorpNumWarning")
        # Credentials: LinkID + SecretKey, or a pasted session token.
        self.link_radio = QRadioButton(self)
        self.link_radio.setObjectName("settingsUseLink")
        self.token_radio = QRadioButton(self)
        self.token_radio.setObjectName("settingsUseToken")
        self._method = QButtonGroup(self)
        self._method.addButton(self.link_radio)
        self._method.addButton(self.token_radio)
        (self.token_radio if isinstance(credentials, TokenCredentials) else self.link_radio).setChecked(True)
        self.link_id = QLineEdit(self)
        self.link_id.setObjectName("settingsLinkId")
        if isinstance(credentials, LinkCredentials):
            self.link_id.setText(credentials.link_id)  # a LinkID is not a secret
        self.secret_key = self._secret_edit("settingsSecretKey")
        self.token = self._secret_edit("settingsToken")
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
        self.hosts = self._combo("settingsHosts", ("default", "static", "ga"), settings.hosts)
        self.base_url = CheckedField("settingsBaseUrl", _url_check("base_url"), None, self)
        self.base_url.edit.setText(settings.base_url or "")
        self.auth_url = CheckedField("settingsAuthUrl", _url_check("auth_url"), None, self)
        self.auth_url.edit.setText(settings.auth_url or "")
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
        # The test and the buttons.
        self.test_button = QPushButton(self)
        self.test_button.setObjectName("settingsTest")
        self.test_button.setAutoDefault(False)  # Enter means OK, not "make a network call"
        self.test_result = self._message_label("settingsTestResult")
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
            (self.form if section == "main" else self.advanced_form).addRow(label, shown)
            if name == "token":  # what the credentials need, right under them
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
        extra: dict[QWidget, list[QWidget]] = {self.link_radio: [self.token_radio], self.token: [self.session_only_box]}
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
        return (self.corp_num, self.user_id, self.base_url, self.auth_url, self.ca_bundle)

    def _inputs(self) -> dict[str, QWidget]:
        """Setting name → its input, for the settings a POPBILL_* variable can fix."""
        return {
            "env": self.env,
            "hosts": self.hosts,
            "base_url": self.base_url.edit,
            "auth_url": self.auth_url.edit,
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

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.test_button.clicked.connect(self._start_test)
        self.advanced_button.toggled.connect(self.set_advanced_shown)
        self.env.currentIndexChanged.connect(self._refresh)
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
    def _credentials_state(self) -> tuple[Credentials | None, list[str]]:
        """The credentials the form stands for, and what is wrong with them (sentences, in the window's language).

        Empty secret fields keep the credentials passed in; a new LinkID needs its SecretKey with it.
        """
        saved = self._credentials
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
        fields.update({"user_id": self.user_id, "ca_bundle": self.ca_bundle})
        return [p.describe(i18n.lang()) for name, f in fields.items() if name not in self._locked for p in f.problems()]

    def _blockers(self) -> list[str]:
        _, credential_problems = self._credentials_state()
        blockers = self._settings_problems() + credential_problems
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
            env=str(self.env.currentData()),
            hosts=str(self.hosts.currentData()),
            base_url=optional(self.base_url),
            auth_url=optional(self.auth_url),
            corp_num=check_corp_num(self.corp_num.edit.text()).value or None,
            user_id=self.user_id.value() or None,
            lang=normalize_lang(str(self.lang.currentData())),
            timeout=float(self.timeout.value()),
            ca_bundle=clean_ca_path(self.ca_bundle.value()) or None,
        )
        return replace(chosen, **{name: getattr(self._initial, name) for name in self._locked if name in ENV_VARS})

    def result_credentials(self) -> Credentials | None:
        """New credentials when secrets were typed, else the ones passed in (None when there were none)."""
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
        self._testing = False
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_method_changed(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._show_method_rows()
            self.corp_num.recheck()  # whether CorpNum is required depends on the method
            self._refresh()

    def _on_credentials_edited(self) -> None:
        self.corp_num.recheck()
        self._refresh()

    def _show_method_rows(self) -> None:
        link = self.link_radio.isChecked()
        self.form.setRowVisible(self.link_id, link)
        self.form.setRowVisible(self.secret_key, link)
        self.form.setRowVisible(self.token, not link)

    def _refresh(self) -> None:
        production = self.env.currentData() == "production"
        self.env_note.setText(
            self.tr("Production: calls are real. Mail is really sent and document IDs are really assigned.")
            if production
            else ""
        )
        self.env_note.setVisible(production)

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
        if any(f.problems() for f in (self.base_url, self.auth_url, self.ca_bundle)) and not self.advanced.isVisible():
            self.set_advanced_shown(True)  # a problem in the closed section must be seen to be fixed
        self.test_button.setEnabled(not self._testing)

    # -- test connection ----------------------------------------------------------------------------------
    def _start_test(self) -> None:
        if self._testing:
            return
        credentials, credential_problems = self._credentials_state()
        problems = self._settings_problems() + credential_problems
        if credentials is None:
            self._show_outcome("blocked", self.tr("Enter the credentials first."))
            return
        if problems:
            self._show_outcome("blocked", problems[0])
            return
        # Plain values only: the job never reads a widget.
        settings = self.result_settings()
        if not self._jobs.submit(
            lambda: test_connection(settings, credentials), self._test_done, self._test_failed, key=TEST_KEY
        ):
            self._show_outcome("busy", None)
            return
        self._testing = True
        self._show_outcome("running", None)

    def _test_done(self, token: Token) -> None:
        if not self._testing:
            return
        self._testing = False
        self._show_outcome("ok", token.local_expiry_text() if token.expires_at is not None else None)
        if self._on_tested is not None and token.expires_at is not None:
            self._on_tested(token)

    def _test_failed(self, error: Exception) -> None:
        if not self._testing:
            return
        self._testing = False
        self._show_outcome("failed", error)

    def _show_outcome(self, kind: str, detail: object) -> None:
        self._outcome = (kind, detail)
        self._render_outcome()
        self._refresh()
        # On a short screen the result may land below the fold: bring it into sight once it is laid out.
        QTimer.singleShot(0, self, lambda: self.form_scroll.show_whole(self.test_result))

    def _render_outcome(self) -> None:
        message, error = self.texts.outcome(*(self._outcome or ("", None)))
        self.test_result.setText(message)
        self.test_result.setStyleSheet(text_style(_ERROR) if error else "")

    def retranslate(self) -> None:
        """Every visible text; called once at start and again when the application's language changes."""
        self.texts.apply(self)
        self._render_outcome()
        self._refresh()
