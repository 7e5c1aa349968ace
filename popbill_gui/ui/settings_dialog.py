"""The settings and connection dialog: where calls go, for which company, with which credentials.

Every rule is the core's (`check_corp_num`, `check_user_id`, `check_url`, the SecretKey and token checks), shown
inline in words next to the field; a problem disables OK, a failed CorpNum check digit only warns. Saved secrets
are never put into a widget: their fields stay empty with a "(saved)" placeholder, and leaving them empty keeps
what was saved. "Test connection" issues a token on a worker thread (`Dispatcher`) from plain values captured
before it starts, and shows the token's expiry or the error's sentence; the token itself is never shown.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from PySide6.QtCore import QEvent, Qt
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
    QVBoxLayout,
    QWidget,
)

from ..core.auth import PastedToken, decode_secret
from ..core.client import Credentials, LinkCredentials, TokenCredentials
from ..core.environments import check_url
from ..core.errors import PopbillError
from ..core.messages import Lang, normalize_lang, text
from ..core.models import Token
from ..core.validation import Problem, check_corp_num, check_user_id, clean
from ..storage.connection import open_configured_client
from ..storage.settings import ENV_VARS, MAX_TIMEOUT, Settings
from .fields import Check, CheckedField
from .workers import Dispatcher

TEST_KEY = "settings-test"
MIN_TIMEOUT = 1.0
_ERROR_STYLE = "color: #b71c1c;"
_WARNING_STYLE = "color: #8a5300;"


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
    """Environment, hosts, custom URLs, CorpNum, UserID, credentials, language, timeout, and a connection test."""

    def __init__(
        self,
        settings: Settings,
        credentials: Credentials | None,
        *,
        locked: set[str],
        keyring_available: bool,
        dispatcher: Dispatcher,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._initial = settings
        self._credentials = credentials
        self._locked = set(locked)
        self._keyring_available = keyring_available
        self._dispatcher = dispatcher
        # The language the window speaks now; the core's sentences (problems, errors) are worded in it.
        self._lang: Lang = settings.lang
        self._testing = False
        self._outcome: tuple[str, object] | None = None  # last test outcome, kept so retranslate() can re-word it

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: dict[str, QLabel] = {}

        # Credentials come first in code: the CorpNum check asks which sign-in method is in use.
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
        self.credentials_message = self._message_label("settingsCredentialsMessage")
        self.credentials_message.setStyleSheet(_ERROR_STYLE)

        self.env = QComboBox(self)
        self.env.setObjectName("settingsEnv")
        for value in ("test", "production"):
            self.env.addItem("", value)
        self.env.setCurrentIndex(max(0, self.env.findData(settings.env)))
        self.env_note = self._message_label("settingsEnvNote")
        self.env_note.setStyleSheet(_WARNING_STYLE)
        self.hosts = QComboBox(self)
        self.hosts.setObjectName("settingsHosts")
        for value in ("default", "static", "ga"):
            self.hosts.addItem("", value)
        self.hosts.setCurrentIndex(max(0, self.hosts.findData(settings.hosts)))
        self.base_url = CheckedField("settingsBaseUrl", _url_check("base_url"), None, self)
        self.base_url.edit.setText(settings.base_url or "")
        self.auth_url = CheckedField("settingsAuthUrl", _url_check("auth_url"), None, self)
        self.auth_url.edit.setText(settings.auth_url or "")
        self.corp_num = CheckedField("settingsCorpNum", self._corp_num_problems, None, self)
        self.corp_num.edit.setText(settings.corp_num or "")
        self.corp_num_note = self._message_label("settingsCorpNumWarning")
        self.user_id = CheckedField("settingsUserId", check_user_id, None, self)
        self.user_id.edit.setText(settings.user_id or "")
        for field in (self.base_url, self.auth_url, self.corp_num, self.user_id):
            # Messages may quote what was typed: never let it be read as rich text.
            field.message.setTextFormat(Qt.TextFormat.PlainText)

        self.keyring_warning = self._message_label("settingsKeyringWarning")
        self.keyring_warning.setStyleSheet(_WARNING_STYLE)
        self.session_only_box = QCheckBox(self)
        self.session_only_box.setObjectName("settingsSessionOnly")

        self.lang = QComboBox(self)
        self.lang.setObjectName("settingsLang")
        for value in ("ko", "en"):
            self.lang.addItem("", value)
        self.lang.setCurrentIndex(max(0, self.lang.findData(settings.lang)))
        self.timeout = QDoubleSpinBox(self)
        self.timeout.setObjectName("settingsTimeout")
        self.timeout.setRange(MIN_TIMEOUT, MAX_TIMEOUT)
        self.timeout.setDecimals(1)
        self.timeout.setSingleStep(5.0)
        self.timeout.setValue(min(max(settings.timeout, MIN_TIMEOUT), MAX_TIMEOUT))

        self.test_button = QPushButton(self)
        self.test_button.setObjectName("settingsTest")
        self.test_button.setAutoDefault(False)  # Enter means OK, not "make a network call"
        self.test_result = self._message_label("settingsTestResult")
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("settingsButtons")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        # The form, top to bottom (the tab order follows it).
        self._row("env", self._stack(self.env, self.env_note), self.env)
        self._row("hosts", self.hosts, self.hosts)
        self._row("base_url", self.base_url, self.base_url.edit)
        self._row("auth_url", self.auth_url, self.auth_url.edit)
        self._row("corp_num", self._stack(self.corp_num, self.corp_num_note), self.corp_num.edit)
        self._row("user_id", self.user_id, self.user_id.edit)
        methods = QWidget(self)
        methods_layout = QVBoxLayout(methods)
        methods_layout.setContentsMargins(0, 0, 0, 0)
        methods_layout.addWidget(self.link_radio)
        methods_layout.addWidget(self.token_radio)
        self._row("method", methods, self.link_radio)
        self._row("link_id", self.link_id, self.link_id)
        self._row("secret_key", self.secret_key, self.secret_key)
        self._row("token", self.token, self.token)
        self.form.addRow(self.credentials_message)
        self.form.addRow(self.keyring_warning)
        self.form.addRow(self.session_only_box)
        self._row("lang", self.lang, self.lang)
        self._row("timeout", self.timeout, self.timeout)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        self.form.addRow(test_row)
        outer = QVBoxLayout(self)
        outer.addLayout(self.form)
        outer.addStretch(1)
        outer.addWidget(self.buttons)
        self._tab_order(
            self.env, self.hosts, self.base_url.edit, self.auth_url.edit, self.corp_num.edit, self.user_id.edit,
            self.link_radio, self.token_radio, self.link_id, self.secret_key, self.token, self.session_only_box,
            self.lang, self.timeout, self.test_button, self.ok_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        )  # fmt: skip

        self.form.setRowVisible(self.keyring_warning, not keyring_available)
        self.form.setRowVisible(self.session_only_box, not keyring_available)
        self._apply_locks()

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.test_button.clicked.connect(self._start_test)
        self.env.currentIndexChanged.connect(self._refresh)
        self._method.buttonToggled.connect(self._on_method_changed)
        for edit in (self.link_id, self.secret_key, self.token):
            edit.textChanged.connect(self._on_credentials_edited)
        for field in (self.base_url, self.auth_url, self.corp_num, self.user_id):
            field.changed.connect(self._refresh)
        self.session_only_box.toggled.connect(self._refresh)
        dispatcher.succeeded.connect(self._on_test_succeeded)
        dispatcher.failed.connect(self._on_test_failed)

        self._show_method_rows()
        self.retranslate()

    # -- building ---------------------------------------------------------------------------------------

    def _secret_edit(self, object_name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(object_name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _message_label(self, object_name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(object_name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # server messages and typed values are shown as text
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

    def _row(self, name: str, widget: QWidget, buddy: QWidget) -> None:
        label = QLabel(self)
        label.setBuddy(buddy)
        self._labels[name] = label
        self.form.addRow(label, widget)

    @staticmethod
    def _tab_order(*widgets: QWidget) -> None:
        for first, second in pairwise(widgets):
            QWidget.setTabOrder(first, second)

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
            try:
                PastedToken(pasted, self._lang)
            except PopbillError as exc:
                return TokenCredentials(pasted.strip()), [exc.message]
            return TokenCredentials(pasted.strip()), []
        link_id = clean(self.link_id.text())
        secret = self.secret_key.text()
        saved_link_id = saved.link_id if isinstance(saved, LinkCredentials) else None
        if not secret:
            if link_id == (saved_link_id or ""):
                return saved, []
            if not link_id:
                return saved, [text("link_id.required", self._lang)]
            return saved, [text("secret_key.required", self._lang)]
        credentials = LinkCredentials(link_id, secret.strip())
        problems = [] if link_id else [text("link_id.required", self._lang)]
        try:
            decode_secret(secret, self._lang)
        except PopbillError as exc:
            problems.append(exc.message)
        return credentials, problems

    def _secrets_typed(self) -> bool:
        edit = self.token if self.token_radio.isChecked() else self.secret_key
        return bool(edit.text())

    def _corp_num_required(self) -> bool:
        # Linkhub issues the token for a CorpNum; a pasted token already belongs to one company.
        credentials, _ = self._credentials_state()
        return isinstance(credentials, LinkCredentials)

    def _corp_num_problems(self, value: str) -> list[Problem]:
        if not clean(value) and not self._corp_num_required():
            return []
        return check_corp_num(value).problems

    def _settings_problems(self) -> list[str]:
        """What blocks OK among the settings; a value fixed by an environment variable cannot be fixed here."""
        fields = {"base_url": self.base_url, "auth_url": self.auth_url, "corp_num": self.corp_num}
        fields["user_id"] = self.user_id
        return [p.describe(self._lang) for name, f in fields.items() if name not in self._locked for p in f.problems()]

    def _blockers(self) -> list[str]:
        _, credential_problems = self._credentials_state()
        blockers = self._settings_problems() + credential_problems
        if not self._keyring_available and self._secrets_typed() and not self.session_only_box.isChecked():
            blockers.append(self.tr("Tick “Keep secrets for this session only” to use the secrets you typed."))
        return blockers

    # -- what the user chose ------------------------------------------------------------------------------

    def result_settings(self) -> Settings:
        """The settings as chosen (CorpNum without dashes); settings fixed by a variable are as passed in."""

        def url(field: CheckedField) -> str | None:
            value = field.value()
            return value.rstrip("/") or None

        chosen = replace(
            self._initial,
            env=str(self.env.currentData()),
            hosts=str(self.hosts.currentData()),
            base_url=url(self.base_url),
            auth_url=url(self.auth_url),
            corp_num=check_corp_num(self.corp_num.edit.text()).value or None,
            user_id=self.user_id.value() or None,
            lang=normalize_lang(str(self.lang.currentData())),
            timeout=float(self.timeout.value()),
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
            self.corp_num.set_lang(self._lang)  # re-checks: whether CorpNum is required depends on the method
            self._refresh()

    def _on_credentials_edited(self) -> None:
        self.corp_num.set_lang(self._lang)
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
            note, style = "⚠ " + problems[0].describe(self._lang), _ERROR_STYLE
        elif not problems and check.warnings:
            note = self.tr("Warning (you can still save): {0}").format(check.warnings[0].describe(self._lang))
            style = _WARNING_STYLE
        self.corp_num_note.setText(note)
        self.corp_num_note.setStyleSheet(style)
        self.corp_num_note.setVisible(bool(note))
        self.corp_num.edit.setAccessibleDescription(note or self.corp_num.message.text())

        _, credential_problems = self._credentials_state()
        message = "\n".join("⚠ " + p for p in credential_problems)
        self.credentials_message.setText(message)
        self.credentials_message.setVisible(bool(message))
        active = self.token if self.token_radio.isChecked() else self.secret_key
        active.setAccessibleDescription(message)

        self.ok_button.setEnabled(not self._blockers())
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
        # Plain values only: the worker never reads a widget.
        s = self.result_settings()

        def issue_token() -> Token:
            client = open_configured_client(s, credentials)
            try:
                return client.issue_token()
            finally:
                client.close()

        if not self._dispatcher.submit(TEST_KEY, issue_token):
            self._show_outcome("busy", None)
            return
        self._testing = True
        self._show_outcome("running", None)

    def _on_test_succeeded(self, key: object, result: object, _seconds: float) -> None:
        if key != TEST_KEY or not self._testing:
            return
        self._testing = False
        expiry = result.expires_at if isinstance(result, Token) else None
        self._show_outcome("ok", result.expiry_text() if isinstance(result, Token) and expiry is not None else None)

    def _on_test_failed(self, key: object, error: object, _seconds: float) -> None:
        if key != TEST_KEY or not self._testing:
            return
        self._testing = False
        self._show_outcome("failed", error)

    def _show_outcome(self, kind: str, detail: object) -> None:
        self._outcome = (kind, detail)
        self._render_outcome()
        self._refresh()

    def _render_outcome(self) -> None:
        kind, detail = self._outcome or ("", None)
        style = ""
        if kind == "running":
            message = self.tr("Testing the connection…")
        elif kind == "busy":
            message = self.tr("A connection test is still running. Try again in a moment.")
        elif kind == "blocked":
            message, style = str(detail), _ERROR_STYLE
        elif kind == "ok" and detail is None:
            message = self.tr(
                "The pasted token is used as it is: its expiry is unknown, and it is checked by the first call."
            )
        elif kind == "ok":
            message = self.tr("✔ Connection works. A session token was issued, valid until {0}.").format(detail)
        elif kind == "failed" and isinstance(detail, PopbillError):
            message = self.tr("✖ Connection failed: {0}").format(f"[{detail.code}] {detail.message}")
            if detail.hint:
                message += "\n→ " + detail.hint
            style = _ERROR_STYLE
        elif kind == "failed":
            # Not one of ours: name its type only, its text might quote anything.
            message = self.tr("✖ The test failed unexpectedly ({0}).").format(type(detail).__name__)
            style = _ERROR_STYLE
        else:
            message = ""
        self.test_result.setText(message)
        self.test_result.setStyleSheet(style)

    # -- words --------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every visible text; called once at start and again when the application's language changes."""
        self.setWindowTitle(self.tr("Settings and connection"))
        labels = {
            "env": self.tr("&Environment"),
            "hosts": self.tr("&Hosts"),
            "base_url": self.tr("Custom &API URL"),
            "auth_url": self.tr("Custom token &service URL"),
            "corp_num": self.tr("&Business registration number (CorpNum)"),
            "user_id": self.tr("POPBiLL &user ID"),
            "method": self.tr("Sign-in &method"),
            "link_id": self.tr("Link&ID"),
            "secret_key": self.tr("Secret&Key"),
            "token": self.tr("Session &token"),
            "lang": self.tr("&Language"),
            "timeout": self.tr("&Read timeout"),
        }
        for name, label in self._labels.items():
            label.setText(labels[name])

        for index, name in enumerate((self.tr("테스트 (Test)"), self.tr("운영 (Production)"))):
            self.env.setItemText(index, name)
        hosts = {
            "default": self.tr("Default hosts"),
            "static": self.tr("Fixed-IP hosts (static)"),
            "ga": self.tr("GA hosts"),
        }
        for index in range(self.hosts.count()):
            self.hosts.setItemText(index, hosts[str(self.hosts.itemData(index))])
        # Each language is named in itself, so anyone can find their own.
        self.lang.setItemText(0, self.tr("한국어", "the Korean language, named in Korean"))
        self.lang.setItemText(1, self.tr("English", "the English language, named in English"))

        rules: dict[str, tuple[QWidget, str, str]] = {
            "env": (
                self.env,
                self.tr("Environment"),
                self.tr(
                    "Test (연동 테스트) for trying things out; Production (운영) sends real mail and assigns real IDs."
                ),
            ),
            "hosts": (
                self.hosts,
                self.tr("Host set"),
                self.tr(
                    "Which POPBiLL hosts to use: the default ones, or the fixed-IP (static) or GA hosts for "
                    "firewalls that allow fixed addresses only."
                ),
            ),
            "base_url": (
                self.base_url.edit,
                self.tr("Custom API URL"),
                self.tr(
                    "Optional. Replaces the host set for API calls. Must start with https://; plain http:// "
                    "only for this computer (the simulator)."
                ),
            ),
            "auth_url": (
                self.auth_url.edit,
                self.tr("Custom token service URL"),
                self.tr(
                    "Optional. Replaces the token service host. Must start with https://; plain http:// only "
                    "for this computer (the simulator)."
                ),
            ),
            "corp_num": (
                self.corp_num.edit,
                self.tr("Business registration number (CorpNum)"),
                self.tr(
                    "10 digits; dashes are removed. Required when signing in with LinkID and SecretKey. A "
                    "check digit that does not match is only a warning."
                ),
            ),
            "user_id": (
                self.user_id.edit,
                self.tr("POPBiLL user ID"),
                self.tr("Optional. Up to 50 ASCII characters, no control characters."),
            ),
            "lang": (
                self.lang,
                self.tr("Language"),
                self.tr("The language of this program's sentences and of POPBiLL's messages."),
            ),
            "timeout": (
                self.timeout,
                self.tr("Read timeout in seconds"),
                self.tr("How long to wait for an answer: 1 to 600 seconds. Connecting waits at most 10 seconds."),
            ),
        }
        for name, (widget, accessible, rule) in rules.items():
            widget.setAccessibleName(accessible)
            if name in self._locked:
                override = self.tr("Set by the environment variable {0}, which overrides this setting here.").format(
                    ENV_VARS[name]
                )
                widget.setToolTip(override + "\n" + rule)
            else:
                widget.setToolTip(rule)
        self.base_url.edit.setPlaceholderText(self.tr("(from the host set)"))
        self.auth_url.edit.setPlaceholderText(self.tr("(from the host set)"))
        self.corp_num.edit.setPlaceholderText("000-00-00000")
        self.user_id.edit.setPlaceholderText(self.tr("(optional)"))
        self.timeout.setSuffix(self.tr(" s", "seconds"))

        self.link_radio.setText(self.tr("LinkI&D and SecretKey"))
        self.link_radio.setAccessibleName(self.tr("Sign in with LinkID and SecretKey"))
        self.link_radio.setToolTip(
            self.tr("The LinkID and SecretKey POPBiLL gave your company; tokens are issued as needed.")
        )
        self.token_radio.setText(self.tr("&Pasted session token"))
        self.token_radio.setAccessibleName(self.tr("Sign in with a pasted session token"))
        self.token_radio.setToolTip(self.tr("A ready session token; it is used as it is and never renewed."))
        saved = self._credentials
        self.link_id.setAccessibleName(self.tr("LinkID"))
        self.link_id.setToolTip(self.tr("The LinkID POPBiLL gave your company: letters and digits, no spaces."))
        self.secret_key.setAccessibleName(self.tr("SecretKey"))
        self.secret_key.setToolTip(
            self.tr(
                "Paste the SecretKey exactly as POPBiLL issued it (base64 text). It is never shown. "
                "Leave it empty to keep the saved one."
            )
        )
        self.secret_key.setPlaceholderText(self.tr("(saved)") if isinstance(saved, LinkCredentials) else "")
        self.token.setAccessibleName(self.tr("Session token"))
        self.token.setToolTip(
            self.tr("Paste the session token: no spaces. It is never shown. Leave it empty to keep the saved one.")
        )
        self.token.setPlaceholderText(self.tr("(saved)") if isinstance(saved, TokenCredentials) else "")

        self.keyring_warning.setText(
            self.tr(
                "No keyring (the system's password store) is usable on this computer, so secrets cannot be saved. "
                "They can be kept for this session only: they are forgotten when the program closes."
            )
        )
        self.session_only_box.setText(self.tr("Keep secrets for this session onl&y"))
        self.session_only_box.setAccessibleName(self.tr("Keep secrets for this session only"))
        self.session_only_box.setToolTip(
            self.tr("Required to use a typed SecretKey or token when no keyring is usable. Nothing is written to disk.")
        )

        self.test_button.setText(self.tr("Test co&nnection"))
        self.test_button.setAccessibleName(self.tr("Test the connection"))
        self.test_button.setToolTip(
            self.tr("Issues a session token with these settings and shows until when it is valid.")
        )
        self.test_result.setAccessibleName(self.tr("Connection test result"))

        for field in (self.base_url, self.auth_url, self.corp_num, self.user_id):
            field.set_lang(self._lang)
        self._render_outcome()
        self._refresh()
