"""The window's settings and credentials: reading the keyring at start (and after a change of environment), the
settings dialog, and using what it returns (saved settings; credentials in the keyring or in memory); the
connection test's row in the log.

Credentials follow the environment: the dialog hands back only what was typed, and `Service.switch_settings` drops
whatever was in use (from the keyring, kept for this session only, a pasted token) the moment the environment
changes, so nothing is ever sent to the other server with them; the new environment's own keyring entry is read. A
settings file that cannot be written is said in the log (the settings still hold until the program closes).

Composed into the main window, which hands it what it uses and listens: `changed` (the status bar and the setup bar
say it again), `language_chosen`, `logged`. What the keyring could not give is said by the setup bar
(`window/setup_bar.py`), not as a failure in the log: no keyring, or a locked one, is a state to get out of, not an
error of the start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from ...service import Credentials, PopbillError, Token
from ...storage import settings as settings_store
from ...storage.settings import Settings
from ..log.entries import failure_entry, note
from ..shared.advice import settings_path
from ..shared.jobs import JobRunner
from ..shared.session import Session, Source

if TYPE_CHECKING:
    from .settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

KEYRING_LOAD = ("keyring", "load")
KEYRING_SAVE = ("keyring", "save")
CONNECTION_TEST = "settings-test"  # settings_dialog.TEST_KEY: one connection test at a time, dialog or window


class SettingsKeeper(QObject):
    """Keyring, Settings… and applying its choices. `save_settings`: where chosen settings are kept (None: nowhere,
    the demo); `parent` is the window the dialog opens over."""

    changed = Signal()  # the session changed (settings, credentials or where they came from)
    language_chosen = Signal(str)  # the language the settings now ask for
    logged = Signal(object)  # LogEntry

    def __init__(
        self,
        session: Session,
        jobs: JobRunner,
        save_settings: Callable[[Settings], None] | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.service = session.service
        self.jobs = jobs
        self._save_settings = save_settings
        self._window = parent
        self.keyring_problem: str | None = None  # why the keyring could not be read (the setup bar says it)

    # -- keyring --------------------------------------------------------------------------------------
    def load_keyring(self) -> None:
        self.jobs.submit(self.service.read_keyring, self._keyring_loaded, self._keyring_failed, key=KEYRING_LOAD)

    def _keyring_loaded(self, available: bool) -> None:
        # No keyring is not a failure: the setup bar says how to go on without one.
        self.session.keyring_available = available
        self.session.source = Source.KEYRING if self.service.credentials is not None else Source.NONE
        self.keyring_problem = None
        self.changed.emit()

    def _keyring_failed(self, error: Exception) -> None:
        # The service has dropped the credentials: none are used that the status bar does not show. The setup bar
        # says why, and how to go on.
        self.session.keyring_available = False
        self.session.source = Source.NONE
        if isinstance(error, PopbillError):
            self.keyring_problem = error.message
            log.warning("the keyring could not be read (%s)", error.kind.value)
            self.changed.emit()
        else:
            self.keyring_problem = None
            self.changed.emit()
            self.logged.emit(failure_entry("keyring", "", error))

    # -- the connection test ----------------------------------------------------------------------------
    def test_connection(self) -> bool:
        """Issue a token with the settings in use (Test connection, from the window); the outcome is logged."""
        return self.jobs.submit(
            self.service.issue_token,
            self.log_connection_test,
            lambda error: self.logged.emit(failure_entry("connection", "", error)),
            key=CONNECTION_TEST,
        )

    def log_connection_test(self, token: Token) -> None:
        """A connection test that issued a token (the settings dialog's too)."""
        message = self.tr("Connection works: POPBiLL accepted the keys. Signed in until %1.").replace(
            "%1", token.expiry_text()
        )
        self.logged.emit(replace(note("connection", True, message), code=1))

    # -- settings -------------------------------------------------------------------------------------
    def open(self) -> None:
        """Settings…: the dialog, and what it returns applied."""
        self.session.prepare()
        dialog = self.dialog()
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted:
            self.apply(dialog.result_settings(), dialog.entered_credentials(), dialog.session_only())
        dialog.deleteLater()  # not kept for the window's life (nor retranslated on every language change)

    def dialog(self) -> SettingsDialog:
        """The settings dialog for the session as it is now, not yet shown."""
        from .settings_dialog import SettingsDialog

        session = self.session
        return SettingsDialog(
            session.settings,
            session.credentials,
            locked=session.locked,
            # The demo's credentials are the demo's: no keyring to warn about.
            keyring_available=bool(session.keyring_available) or session.demo,
            jobs=self.jobs,
            on_tested=self.log_connection_test,
            parent=self._window,
            env_chosen=session.env_chosen,
            demo=session.demo,
        )

    def apply(self, settings: Settings, entered: Credentials | None, session_only: bool) -> None:
        """Use new settings (saved unless in demo mode) and the credentials typed with them, `entered` (None: none
        typed), kept in the keyring or in memory. A change of environment drops the credentials in use at once."""
        session, service = self.session, self.service
        old_lang = session.settings.lang
        if session.demo:
            settings = replace(settings, env=session.settings.env)  # the demo stays the demo
        # Values set by POPBILL_* variables hold for this run only: the file keeps its own for them.
        to_save = replace(settings, **{name: getattr(session.saved, name) for name in session.locked})
        first_choice = not session.env_chosen  # saved even if it is the default: it was chosen now
        session.env_chosen = True
        if (to_save != session.saved or first_choice) and not session.demo and self._save_settings is not None:
            self._save(to_save)
        chosen = settings_store.resolve({}, session.environ, to_save) if session.locked else settings
        if session.source is Source.ENV and chosen.env == service.settings.env:
            entered = None  # the variables' credentials hold for this run
        read_keyring = service.switch_settings(chosen, entered)
        if entered is not None:
            self._use(entered, session_only)
        elif read_keyring:
            # Credentials are kept per environment: the old environment's were dropped (never sent to the new one,
            # whatever they were), and the other entry is read.
            session.source = Source.PENDING
            self.load_keyring()
        if session.settings.lang != old_lang:
            self.language_chosen.emit(session.settings.lang)
        self.changed.emit()

    def _save(self, settings: Settings) -> None:
        """Write the settings file; a failure is said in the window, and the settings hold until the program
        closes (the file keeps what it had)."""
        assert self._save_settings is not None
        try:
            self._save_settings(settings)
        except OSError as exc:
            log.warning("settings not saved: %s", type(exc).__name__)
            reason = exc.strerror or type(exc).__name__
            message = self.tr(
                "The settings could not be saved (%1). They apply until the program closes; open %2 again to save "
                "them once the cause is gone."
            )
            self.logged.emit(note("settings", False, message.replace("%1", reason).replace("%2", settings_path())))
            return
        self.session.saved = settings

    def _use(self, credentials: Credentials, session_only: bool) -> None:
        """Credentials typed in Settings: in memory (the demo, no keyring, or the clerk's choice), else used at once
        and kept in the keyring by a job."""
        session, service = self.session, self.service
        if session.demo or session_only or not session.keyring_available:
            service.configure(credentials=credentials, store=None)
            session.source = Source.DEMO if session.demo else Source.SESSION
            return

        def saved(_backend: str) -> None:
            session.source = Source.KEYRING
            self.changed.emit()

        def not_saved(error: Exception) -> None:  # usable in memory still, and the log says why
            session.source = Source.SESSION
            self.changed.emit()
            self.logged.emit(failure_entry("keyring", "", error))

        self.jobs.submit(partial(service.save_credentials, credentials), saved, not_saved, key=KEYRING_SAVE)
