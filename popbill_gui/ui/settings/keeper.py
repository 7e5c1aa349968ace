"""The main window's settings and credentials: reading the keyring at start (and after a change of environment),
the settings dialog, and using what it returns (saved settings; credentials in the keyring or in memory).

A mixin of `MainWindow`. What the keyring could not give is said by the setup bar (`setup_bar.py`), not as a
failure in the log: no keyring, or a locked one, is a state to get out of, not an error of the start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QDialog

from ...service import Credentials, PopbillError
from ...storage import settings as settings_store
from ...storage.settings import Settings
from ..shared.session import Session, Source

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ...core.messages import Lang
    from ...service import Service, Token
    from ..shared.jobs import JobRunner
    from .settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

KEYRING_LOAD = ("keyring", "load")
KEYRING_SAVE = ("keyring", "save")


class WindowSettings:
    """Keyring, Settings… and applying its choices, for the main window."""

    if TYPE_CHECKING:  # what the window provides
        session: Session
        service: Service
        jobs: JobRunner
        _keyring_problem: str | None
        _save_settings: Callable[[Settings], None] | None

        def refresh_status(self) -> None: ...
        def set_language(self, lang: Lang, *, install: bool = True) -> None: ...
        def _log_failure(self, operation: str, keys: str, error: Exception) -> None: ...
        def log_connection_test(self, token: Token) -> None: ...

    # -- keyring --------------------------------------------------------------------------------------
    def _load_keyring(self) -> None:
        self.jobs.submit(self.service.read_keyring, self._keyring_loaded, self._keyring_failed, key=KEYRING_LOAD)

    def _keyring_loaded(self, available: bool) -> None:
        # No keyring is not a failure: the setup bar says how to go on without one.
        self.session.keyring_available = available
        self.session.source = Source.KEYRING if self.service.credentials is not None else Source.NONE
        self._keyring_problem = None
        self.refresh_status()

    def _keyring_failed(self, error: Exception) -> None:
        # The service has dropped the credentials: none are used that the status bar does not show. The setup bar
        # says why, and how to go on.
        self.session.keyring_available = False
        self.session.source = Source.NONE
        if isinstance(error, PopbillError):
            self._keyring_problem = error.message
            log.warning("the keyring could not be read (%s)", error.kind.value)
            self.refresh_status()
        else:
            self._keyring_problem = None
            self.refresh_status()
            self._log_failure("keyring", "", error)

    # -- settings -------------------------------------------------------------------------------------
    def open_settings(self) -> None:
        dialog = self.settings_dialog()
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted:
            self.apply_settings(dialog.result_settings(), dialog.result_credentials(), dialog.session_only())
        dialog.deleteLater()  # not kept for the window's life (nor retranslated on every language change)

    def settings_dialog(self) -> SettingsDialog:
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
            parent=cast("QWidget", self),
        )

    def apply_settings(self, settings: Settings, credentials: Credentials | None, session_only: bool) -> None:
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
                    self.refresh_status()

                def not_saved(error: Exception) -> None:  # usable in memory still, and the log says why
                    session.source = Source.SESSION
                    self.refresh_status()
                    self._log_failure("keyring", "", error)

                self.jobs.submit(partial(service.save_credentials, credentials), saved, not_saved, key=KEYRING_SAVE)
        if settings.lang != old_lang:
            self.set_language(settings.lang)
        if settings.env != old_env and not changed and session.source in (Source.KEYRING, Source.NONE):
            # Credentials are kept per environment: the old environment's are dropped at once (never sent to the
            # new one) and the other entry is read.
            service.configure(credentials=None, store=None)
            session.source = Source.PENDING
            self._load_keyring()
        self.refresh_status()
