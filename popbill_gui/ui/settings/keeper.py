"""The window's settings and credentials: reading the keyring at start (and after a change of environment), the
settings dialog, and using what it returns (saved settings; credentials in the keyring or in memory); the
connection test's row in the log.

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
        message = self.tr("Connection works: a session token was issued, valid until %1.").replace(
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
            self.apply(dialog.result_settings(), dialog.result_credentials(), dialog.session_only())
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
        )

    def apply(self, settings: Settings, credentials: Credentials | None, session_only: bool) -> None:
        """Use new settings (saved unless in demo mode) and new credentials (keyring, or memory)."""
        session, service = self.session, self.service
        old_lang, old_env = session.settings.lang, session.settings.env
        # Values set by POPBILL_* variables hold for this run only: the file keeps its own for them.
        to_save = replace(settings, **{name: getattr(session.saved, name) for name in session.locked})
        if to_save != session.saved and not session.demo and self._save_settings is not None:
            try:
                self._save_settings(to_save)
                session.saved = to_save
            except OSError as exc:
                log.warning("settings not saved: %s", type(exc).__name__)
        service.configure(
            settings=settings_store.resolve({}, session.environ, to_save) if session.locked else settings
        )
        settings = session.settings
        changed = credentials is not None and credentials != service.credentials
        if changed and session.source is not Source.ENV:
            assert credentials is not None
            if session.demo or session_only or not session.keyring_available:
                service.configure(credentials=credentials, store=None)
                session.source = Source.DEMO if session.demo else Source.SESSION
            else:
                service.configure(credentials=credentials)  # used at once; kept in the keyring by a job

                def saved(_backend: str) -> None:
                    session.source = Source.KEYRING
                    self.changed.emit()

                def not_saved(error: Exception) -> None:  # usable in memory still, and the log says why
                    session.source = Source.SESSION
                    self.changed.emit()
                    self.logged.emit(failure_entry("keyring", "", error))

                self.jobs.submit(partial(service.save_credentials, credentials), saved, not_saved, key=KEYRING_SAVE)
        if settings.lang != old_lang:
            self.language_chosen.emit(settings.lang)
        if settings.env != old_env and not changed and session.source in (Source.KEYRING, Source.NONE):
            # Credentials are kept per environment: the old environment's are dropped at once (never sent to the
            # new one) and the other entry is read.
            service.configure(credentials=None, store=None)
            session.source = Source.PENDING
            self.load_keyring()
        self.changed.emit()
