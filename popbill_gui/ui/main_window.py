"""The main window: environment strip, the tabs, the log pane and the status bar.

Data flows one way: a tab submits a typed request → the service (`service.Service.call`) runs it on the job runner
(`jobs.JobRunner`) → the job's own callback gets the result on the GUI thread → a row in the log. Keyring reads and
writes and the history go through the same runner, so nothing that can block (network, an unlock prompt, a locked
database) runs on the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.messages import Lang
from ..service import AssignRequest, CallResult, Credentials, Kind, PopbillError, Request, Token
from ..storage import settings as settings_store
from ..storage.settings import Settings
from . import i18n
from .forms import AssignTab, ResendTab
from .invoice_finder import InvoiceFinder
from .jobs import JobRunner
from .log_model import LogEntry, LogModel
from .log_pane import LogPane, error_entry
from .session import Session, Source

if TYPE_CHECKING:
    from ..service.batches import BatchReport
    from ..service.records import BatchInfo, CallRecord
    from .batch_tab import BatchTab

log = logging.getLogger(__name__)

KEYRING_LOAD = ("keyring", "load")
KEYRING_SAVE = ("keyring", "save")
RECENT_ON_START = 200  # calls from the history shown in the log pane at start
STARTUP_WORK_DELAY_MS = 150
CONNECTION_TEST = "settings-test"  # settings_dialog.TEST_KEY: one connection test at a time, dialog or window

Confirm = Callable[[str, str], bool]


def history_shortcut(platform: str = sys.platform) -> QKeySequence:
    """Ctrl+H, except on macOS, where Qt's Ctrl is ⌘ and ⌘H hides the application: ⌘Y there (Safari's History)."""
    return QKeySequence("Ctrl+Y" if platform == "darwin" else "Ctrl+H")


_STRIP_STYLES = {
    "test": "background: #e3f2fd; color: #0d47a1;",
    "production": "background: #c62828; color: white; font-weight: bold;",
    "demo": "background: #fff3e0; color: #e65100; font-weight: bold;",
}


def _dropped_file(mime: QMimeData) -> str | None:
    """The one local .csv/.xlsx file being dropped, if that is what it is."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) == 1 and urls[0].isLocalFile() and Path(urls[0].toLocalFile()).suffix.lower() in (".csv", ".xlsx"):
        return urls[0].toLocalFile()
    return None


class MainWindow(QMainWindow):
    def __init__(
        self,
        session: Session,
        *,
        save_settings: Callable[[Settings], None] | None = settings_store.save,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self.service = session.service
        self._save_settings = save_settings
        self._production_confirmed = False
        self.confirm: Confirm = self._ask  # tests replace it
        self.jobs = JobRunner(self)
        self.jobs.busy_changed.connect(self._refresh_tabs)
        self._build()
        self.set_language(session.settings.lang, install=False)
        self._started = False
        self._opened_at = time.time()  # the history shown at start ends here: later calls are logged already

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            # After the first paint: the keyring and the history (their imports, D-Bus, SQLite) run on jobs,
            # but they still compete with the window's first frame for the interpreter.
            QTimer.singleShot(STARTUP_WORK_DELAY_MS, self._start_background_work)

    def _start_background_work(self) -> None:
        if self.session.source is Source.PENDING:
            self._load_keyring()
        service, until = self.service, self._opened_at
        self.jobs.submit(
            lambda: (service.recent_calls(RECENT_ON_START, until=until), service.unfinished_batches()),
            self._history_loaded,
            lambda error: self._log_failure("history", "", error),
        )

    # -- construction ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.strip = QLabel(self)
        self.strip.setObjectName("environmentStrip")
        self.strip.setMargin(6)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.resend_tab = ResendTab(self.jobs.in_flight, self.tabs)
        self.assign_tab = AssignTab(self.jobs.in_flight, self.tabs)
        # The batch tab is built when first needed (shown, a file dropped, a resume): most sessions are single
        # calls, and its modules cost a third of the window's start-up and ~10 MB (benchmarks/bench_gui.py).
        self.batch_page = QWidget(self.tabs)
        self.batch_page.setObjectName("batchPage")
        QVBoxLayout(self.batch_page).setContentsMargins(0, 0, 0, 0)
        self._batch_tab: BatchTab | None = None
        self.tabs.addTab(self.resend_tab, "")
        self.tabs.addTab(self.assign_tab, "")
        self.tabs.addTab(self.batch_page, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setAcceptDrops(True)  # a file dropped anywhere on the window goes to the batch tab
        self.resend_tab.submitted.connect(self.submit)
        self.assign_tab.submitted.connect(self.submit)
        self.finder = InvoiceFinder(self)  # the tabs' invoice look-ups and the Find dialog (issue 11)
        self.log_pane = LogPane(self)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.log_pane)
        splitter.setStretchFactor(0, 3)  # the form (and a batch's preview) gets the room; the log the rest
        splitter.setStretchFactor(1, 2)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.strip)
        # Offered, not forced: an interrupted batch found in the journal at start-up.
        self.resume_bar = QWidget(self)
        self.resume_bar.setObjectName("resumeBar")
        self.resume_bar.setStyleSheet("background: #fff8e1;")
        self.resume_label = QLabel(self.resume_bar)
        self.resume_label.setWordWrap(True)
        self.resume_button = QPushButton(self.resume_bar)
        self.resume_button.setObjectName("resumeButton")
        self.resume_button.clicked.connect(self._resume_offered)
        bar_layout = QHBoxLayout(self.resume_bar)
        bar_layout.addWidget(self.resume_label, 1)
        bar_layout.addWidget(self.resume_button)
        self.resume_bar.hide()
        self._resume_info: BatchInfo | None = None
        layout.addWidget(self.resume_bar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.status_env = QLabel(self)
        self.status_env.setObjectName("statusEnvironment")
        self.status_corp = QLabel(self)
        self.status_credentials = QLabel(self)
        self.status_credentials.setObjectName("statusCredentials")
        for label in (self.status_env, self.status_corp, self.status_credentials):
            self.statusBar().addPermanentWidget(label)

        self.file_menu = self.menuBar().addMenu("")
        self.settings_action = QAction(self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS: the application menu
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.history_action = QAction(self)
        self.history_action.setObjectName("historyAction")
        self.history_action.setShortcut(history_shortcut())
        self.history_action.triggered.connect(self.open_history)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addAction(self.history_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.resize(900, 620)

    @property
    def log_model(self) -> LogModel:
        return self.log_pane.model

    @property
    def log_view(self) -> QTableView:
        return self.log_pane.view

    def copy_selected(self) -> None:
        self.log_pane.copy_selected()

    # -- language and environment ----------------------------------------------------------------------
    def set_language(self, lang: Lang, *, install: bool = True) -> None:
        """Switch the UI and the core's sentences; Qt sends LanguageChange, which retranslates."""
        if install:
            i18n.install(lang)
        for tab in (self.resend_tab, self.assign_tab):
            tab.set_lang(lang)
            tab.retranslate()  # now, not when the posted LanguageChange arrives
        if self._batch_tab is not None:
            self._batch_tab.set_lang(lang)
            self._batch_tab.retranslate()
        self.log_pane.retranslate()
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def lang(self) -> Lang:
        return self.session.settings.lang

    def environment_kind(self) -> str:
        return self.session.environment_name

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Resend Email"))
        self.tabs.setTabText(1, self.tr("Assign MgtKey"))
        self.tabs.setTabText(2, self.tr("Batch"))
        self.history_action.setText(self.tr("&History…"))
        self.resume_button.setText(self.tr("&Resume"))
        self._show_resume_offer()
        self.file_menu.setTitle(self.tr("&File"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.refresh_status()

    def refresh_status(self) -> None:
        kind = self.environment_kind()
        # The environment's name is shown in both languages: nobody may miss that this is production.
        names = {"test": "테스트 TEST", "production": "운영 PRODUCTION", "demo": "데모 DEMO"}
        strips = {
            "test": self.tr("Calls go to POPBiLL's test service (연동 테스트)."),
            "production": self.tr("Mails go to real customers and document IDs are final."),
            "demo": self.tr("Connected to the built-in simulator: no account needed, nothing leaves this computer."),
        }
        self.strip.setText(f"{names[kind]} — {strips[kind]}")
        self.strip.setStyleSheet(_STRIP_STYLES[kind])
        self.setWindowTitle(f"popbill-gui — {names[kind]}")
        self.status_env.setText(names[kind])
        self.status_env.setStyleSheet(_STRIP_STYLES[kind])
        corp = self.session.settings.corp_num or self.tr("not set")
        self.status_corp.setText(self.tr("CorpNum: %1").replace("%1", corp))
        sources = {
            Source.NONE: self.tr("no credentials: open Settings"),
            Source.PENDING: self.tr("reading the keyring…"),
            Source.ENV: self.tr("from environment variables"),
            Source.KEYRING: self.tr("in the keyring"),
            Source.SESSION: self.tr("this session only"),
            Source.DEMO: self.tr("demo credentials"),
        }
        self.status_credentials.setText(self.tr("Credentials: %1").replace("%1", sources[self.session.source]))

    # -- calls ----------------------------------------------------------------------------------------
    def _refresh_tabs(self) -> None:
        self.resend_tab.refresh()
        self.assign_tab.refresh()

    def submit(self, request: Request) -> bool:
        """Run one call on a job; False if it was not started (refused, declined or already in flight)."""
        if self.jobs.in_flight(request.key):
            return False
        if self.session.credentials is None:
            error = PopbillError.client(Kind.NO_CREDENTIALS, self.lang)
            self.log_pane.add(error_entry(request.operation, request.describe(), error))
            return False
        if self.environment_kind() == "production" and not self._production_confirmed:
            if not self.confirm(
                self.tr("Production"),
                self.tr("This is the PRODUCTION environment (운영): the call is real.\n\nContinue?"),
            ):
                return False
            self._production_confirmed = True
        if isinstance(request, AssignRequest):
            keys = request.keys()
            text = (
                self.tr("Assign document ID %1 (%2) to the invoice with ItemKey %3?\n\nThis cannot be undone.")
                .replace("%1", keys["mgt_key"])
                .replace("%2", keys["mgt_key_type"])
                .replace("%3", keys["item_key"])
            )
            if not self.confirm(self.tr("Assign MgtKey"), text):
                return False
        # The client is opened (and, the first time, requests imported) on the job, not on the GUI thread; the
        # service records the call in the history there too.
        return self.jobs.submit(
            partial(self.service.call, request),
            partial(self._call_done, request),
            partial(self._log_failure, request.operation, request.describe()),
            key=request.key,
        )

    def _call_done(self, request: Request, result: CallResult) -> None:
        entry = LogEntry(
            datetime.now(), result.operation, request.describe(), True, result.code, result.message,
            result.http_status, result.duration,
        )  # fmt: skip
        self.log_pane.add(entry)

    def _log_failure(self, operation: str, keys: str, error: Exception) -> None:
        if isinstance(error, PopbillError):
            self.log_pane.add(error_entry(operation, keys, error))
            return
        # A bug: say so in one line, never a crash.
        log.error("unexpected failure", exc_info=error)
        message = self.tr("Internal error (%1). The window keeps working.").replace("%1", type(error).__name__)
        self.log_pane.add(LogEntry(datetime.now(), operation, keys, False, None, message))

    def test_connection(self) -> bool:
        """Issue a token with the settings in use (Test connection, from the window); the outcome is logged."""
        return self.jobs.submit(
            self.service.issue_token,
            self.log_connection_test,
            lambda error: self._log_failure("connection", "", error),
            key=CONNECTION_TEST,
        )

    def log_connection_test(self, token: Token) -> None:
        """A connection test that issued a token (the settings dialog's too)."""
        message = self.tr("Connection works: a session token was issued, valid until %1.").replace(
            "%1", token.expiry_text()
        )
        self.log_pane.add(LogEntry(datetime.now(), "connection", "", True, 1, message))

    # -- keyring --------------------------------------------------------------------------------------
    def _load_keyring(self) -> None:
        self.jobs.submit(self.service.read_keyring, self._keyring_loaded, self._keyring_failed, key=KEYRING_LOAD)

    def _keyring_loaded(self, available: bool) -> None:
        self.session.keyring_available = available
        self.session.source = Source.KEYRING if self.service.credentials is not None else Source.NONE
        if not available:
            message = self.tr(
                "No usable keyring on this computer: credentials can be kept for this session only (Settings)."
            )
            self.log_pane.add(LogEntry(datetime.now(), "keyring", "", False, None, message))
        self.refresh_status()

    def _keyring_failed(self, error: Exception) -> None:
        # The service has dropped the credentials: none are used that the status bar does not show.
        self.session.keyring_available = False
        self.session.source = Source.NONE
        self.refresh_status()
        self._log_failure("keyring", "", error)

    # -- settings -------------------------------------------------------------------------------------
    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        session = self.session
        dialog = SettingsDialog(
            session.settings,
            session.credentials,
            locked=session.locked,
            keyring_available=bool(session.keyring_available) and not session.demo,
            jobs=self.jobs,
            on_tested=self.log_connection_test,
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_settings(dialog.result_settings(), dialog.result_credentials(), dialog.session_only())

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

    # -- batches and history --------------------------------------------------------------------------
    @property
    def batch_tab(self) -> BatchTab:
        """The batch tab (objectName batchTab), built on first use inside its page."""
        if self._batch_tab is None:
            from .batch_tab import BatchTab

            tab = BatchTab(self.session, self.jobs, lambda title, text: self.confirm(title, text), self.batch_page)
            tab.set_lang(self.lang)
            tab.finished.connect(self._on_batch_finished)
            layout = self.batch_page.layout()
            assert layout is not None
            layout.addWidget(tab)
            tab.show()  # the page may be on screen already: a late child is not shown by itself
            self._batch_tab = tab
        return self._batch_tab

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.batch_page:
            self.batch_tab  # noqa: B018 -- building it is the point

    def _history_loaded(self, loaded: tuple[list[CallRecord], list[BatchInfo]]) -> None:
        records, unfinished = loaded
        self.log_pane.show_history(records)
        self._offer_resume(unfinished)

    def _offer_resume(self, unfinished: list[BatchInfo]) -> None:
        from ..batch.model import RowState  # light: not the journal's or the reader's modules at start-up

        resumable = [b for b in unfinished if b.counts.get(RowState.PENDING, 0) or b.counts.get(RowState.SENDING, 0)]
        if resumable and not (self._batch_tab is not None and self._batch_tab.busy):
            self._resume_info = resumable[0]
            self._show_resume_offer()

    def _show_resume_offer(self) -> None:
        from ..batch.model import RowState  # light: not the journal's or the reader's modules at start-up

        info = self._resume_info
        if info is None:
            self.resume_bar.hide()
            return
        left = info.counts.get(RowState.PENDING, 0) + info.counts.get(RowState.SENDING, 0)
        text = self.tr("An interrupted batch was found: %1 (%2 of %3 rows not finished). Continue it?")
        self.resume_label.setText(
            text.replace("%1", Path(info.source).name).replace("%2", str(left)).replace("%3", str(info.total))
        )
        self.resume_bar.show()

    def _resume_offered(self) -> None:
        if self._resume_info is None:
            return
        batch_id, self._resume_info = self._resume_info.id, None
        self.resume_bar.hide()
        self.tabs.setCurrentWidget(self.batch_page)
        self.batch_tab.resume(batch_id)

    def _on_batch_finished(self, report: BatchReport) -> None:
        from ..service.records import RowState, state_text

        counts = report.counts()
        summary = ", ".join(f"{state_text(state, self.lang)} {n}" for state, n in counts.items() if n)
        error = report.error
        ok = error is None and counts[RowState.DONE] == len(report.outcomes)
        message = self.tr("Batch #%1: %2").replace("%1", str(report.batch_id)).replace("%2", summary)
        entry = LogEntry(datetime.now(), "batch", "", ok, None, message)
        if error is not None:
            entry = replace(entry, code=error.code, message=f"{message} — {error.message}", hint=error.hint)
        self.log_pane.add(entry)

    def open_history(self) -> None:
        from .history_dialog import HistoryDialog

        HistoryDialog(self.service, self.jobs, self.lang, self).exec()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_file(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_file(event.mimeData())
        if path:
            self.tabs.setCurrentWidget(self.batch_page)
            self.batch_tab.load_file(path)
            event.acceptProposedAction()

    # -- confirmations and closing ----------------------------------------------------------------------
    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, defaultButton=QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        # Jobs not started are dropped; a call in flight finishes (or times out) on its worker, and its result
        # goes nowhere. The window does not wait for it. A batch stops taking rows (resumable).
        if self._batch_tab is not None:
            self._batch_tab.shutdown()
        self.jobs.shutdown(0)
        event.accept()
