"""The main window: environment strip, the setup and resume bars, the tabs, the log pane and the status bar.

Data flows one way: a tab submits a typed request → the service (`service.Service.call`) runs it on the job runner
(`jobs.JobRunner`) → the job's own callback gets the result on the GUI thread → the tab's result line and a row in
the log. Keyring reads and writes and the history go through the same runner, so nothing that can block (network, an
unlock prompt, a locked database) runs on the GUI thread. What is missing before a first call (credentials, CorpNum, a
readable keyring) is said by the setup bar (`setup_bar.py`), never as a failure in the log.
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
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.messages import Lang
from ...service import AssignRequest, CallResult, Kind, LinkCredentials, PopbillError, Request, Token
from ...storage import settings as settings_store
from ...storage.settings import Settings
from ..calls.call_tab import AssignTab, ResendTab
from ..calls.result_line import CallTexts
from ..find.finder import InvoiceFinder
from ..log.log_model import LogEntry, LogModel
from ..log.log_pane import LogPane, batch_entry, error_entry
from ..settings.keeper import WindowSettings
from ..shared import i18n
from ..shared.focus import first_control
from ..shared.jobs import JobRunner
from ..shared.screen_fit import resize_within_screen
from ..shared.session import Session, Source
from .resume_bar import ResumeBar
from .setup_bar import SetupBar

if TYPE_CHECKING:
    from ...service.batches import BatchReport
    from ...service.records import BatchInfo, CallRecord
    from ..batch.batch_tab import BatchTab

log = logging.getLogger(__name__)

RECENT_ON_START = 200  # calls from the history shown in the log pane at start
STARTUP_WORK_DELAY_MS = 150
CONNECTION_TEST = "settings-test"  # settings_dialog.TEST_KEY: one connection test at a time, dialog or window
FORM_SHARE = 0.6  # of the height below the bars, for the tabs at start; the log has the rest
BATCH_LOG_HEIGHT = 90  # at most, the log's height while the batch tab is shown: its bar and a row or two

Confirm = Callable[[str, str], bool]


def history_shortcut(platform: str = sys.platform) -> QKeySequence:
    """Ctrl+H, except on macOS, where Qt's Ctrl is ⌘ and ⌘H hides the application: ⌘Y there (Safari's History)."""
    return QKeySequence("Ctrl+Y" if platform == "darwin" else "Ctrl+H")


_STRIP_STYLES = {
    "test": "background: #e3f2fd; color: #0d47a1;",
    "production": "background: #c62828; color: white; font-weight: bold;",
    "demo": "background: #fff3e0; color: #bf360c; font-weight: bold;",
}


def _dropped_file(mime: QMimeData) -> str | None:
    """The one local .csv/.xlsx file being dropped, if that is what it is."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) == 1 and urls[0].isLocalFile() and Path(urls[0].toLocalFile()).suffix.lower() in (".csv", ".xlsx"):
        return urls[0].toLocalFile()
    return None


class MainWindow(WindowSettings, QMainWindow):
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
        self._keyring_problem: str | None = None  # why the keyring could not be read (the setup bar says it)
        self._splitter_sizes: list[int] | None = None  # the tabs' and the log's share before the batch tab took it
        self.call_texts = CallTexts(self)
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
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([round(total * FORM_SHARE), total - round(total * FORM_SHARE)])
            # The form's first field, not the tab bar (where Qt puts it): the tab bar keeps focus only when a
            # keyboard user goes there, to move between tabs with the arrow keys.
            QTimer.singleShot(0, lambda: self._focus_first(self.tabs.currentIndex()))
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

        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.log_pane)
        splitter.setStretchFactor(0, 3)  # the form (and a batch's preview) gets the room; the log the rest
        splitter.setStretchFactor(1, 2)
        splitter.setCollapsible(1, False)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.strip)
        # Offered, not forced: an interrupted batch found in the journal at start-up.
        self.resume_bar = ResumeBar(self)
        self.resume_label, self.resume_button = self.resume_bar.label, self.resume_bar.button
        self.resume_bar.resume.connect(self._resume_offered)
        layout.addWidget(self.resume_bar)
        self.setup_bar = SetupBar(self)
        self.setup_bar.button.clicked.connect(self.open_settings)
        layout.addWidget(self.setup_bar)
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
        resize_within_screen(self, 900, 620)

    @property
    def keyring_problem(self) -> str | None:
        """Why the keyring could not be read at start, as the setup bar says it; None when it was read."""
        return self._keyring_problem

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
        self.resume_bar.retranslate()
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
        self.setup_bar.refresh(self.session, self._keyring_problem)

    # -- calls ----------------------------------------------------------------------------------------
    def _refresh_tabs(self) -> None:
        self.resend_tab.refresh()
        self.assign_tab.refresh()

    def submit(self, request: Request) -> bool:
        """Run one call on a job; False if it was not started (refused, declined or already in flight)."""
        if self.jobs.in_flight(request.key):
            return False
        missing = self._missing_for_calls()
        if missing is not None:  # the window's words (파일 → 설정), not the command line's
            error = PopbillError.client(Kind.NO_CREDENTIALS, self.lang)
            self.log_pane.add(replace(error_entry(request.operation, request.describe(), error), message=missing))
            self._show_result(request.operation, "failed", missing)
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
            # The values on lines of their own: a Korean particle after a value ("…을(를)") reads badly.
            text = (
                self.tr(
                    "Assign this document ID to this invoice?\n\nItemKey: %3\nType: %2\nDocument ID: %1\n\n"
                    "This cannot be undone."
                )
                .replace("%1", keys["mgt_key"])
                .replace("%2", self.assign_tab.mgt_key_type.currentText() or keys["mgt_key_type"])
                .replace("%3", keys["item_key"])
            )
            if not self.confirm(self.tr("Assign MgtKey"), text):
                return False
        # The client is opened (and, the first time, requests imported) on the job, not on the GUI thread; the
        # service records the call in the history there too.
        submitted = self.jobs.submit(
            partial(self.service.call, request),
            partial(self._call_done, request),
            partial(self._call_failed, request),
            key=request.key,
        )
        if submitted:
            self._show_result(request.operation, "working", self.call_texts.working(request))
        return submitted

    def _show_result(self, operation: str, outcome: str, text: str) -> None:
        """The call's result under its button, scrolled into sight when the window is short."""
        tab = self.resend_tab if operation == "resend_email" else self.assign_tab
        tab.result.show_outcome(outcome, text)
        QTimer.singleShot(0, lambda: tab.scroller.ensureWidgetVisible(tab.result))

    def _missing_for_calls(self) -> str | None:
        """What must be set before a call can go, in the window's words; None when nothing is missing."""
        texts = self.setup_bar.texts
        if self.session.credentials is None:
            return texts.no_credentials()
        if isinstance(self.session.credentials, LinkCredentials) and not self.session.settings.corp_num:
            return texts.no_corp_num()
        return None

    def _call_done(self, request: Request, result: CallResult) -> None:
        entry = LogEntry(
            datetime.now(), result.operation, request.describe(), True, result.code, result.message,
            result.http_status, result.duration,
        )  # fmt: skip
        self.log_pane.add(entry)
        self._show_result(request.operation, "ok", self.call_texts.done(request, result))

    def _call_failed(self, request: Request, error: Exception) -> None:
        self._log_failure(request.operation, request.describe(), error)
        if isinstance(error, PopbillError):
            message = self._missing_for_calls() if error.kind is Kind.NO_CREDENTIALS else None
            self._show_result(request.operation, *self.call_texts.failed(request, error, message))
        else:
            self._show_result(request.operation, "failed", self.log_model.entry(self.log_model.rowCount() - 1).message)

    def _log_failure(self, operation: str, keys: str, error: Exception) -> None:
        if isinstance(error, PopbillError):
            entry = error_entry(operation, keys, error)
            if error.kind is Kind.NO_CREDENTIALS:  # the core's sentence names the command line
                entry = replace(entry, message=self.setup_bar.texts.no_credentials())
            self.log_pane.add(replace(entry, state="unknown") if error.maybe_delivered else entry)
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

    # -- batches and history --------------------------------------------------------------------------
    @property
    def batch_tab(self) -> BatchTab:
        """The batch tab (objectName batchTab), built on first use inside its page."""
        if self._batch_tab is None:
            from ..batch.batch_tab import BatchTab

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
        batch = self.tabs.widget(index) is self.batch_page
        if batch:
            self.batch_tab  # noqa: B018 -- building it is the point
        self._share_room(batch)
        if not self.tabs.tabBar().hasFocus():  # arrow keys on the tab bar keep moving between tabs
            self._focus_first(index)

    def _focus_first(self, index: int) -> None:
        first = first_control(self.tabs.widget(index))
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def _share_room(self, batch: bool) -> None:
        """While the batch tab is shown its preview takes the room and the log keeps a few rows; leaving the tab
        gives the log its share back."""
        sizes = self.splitter.sizes()
        self.log_pane.detail.setVisible(not batch)  # the batch tab shows its own rows' detail
        if batch and self._splitter_sizes is None:
            self._splitter_sizes = sizes
            log = max(self.log_pane.minimumSizeHint().height(), BATCH_LOG_HEIGHT)  # never below what it needs
            self.splitter.setSizes([sum(sizes) - log, log])
        elif not batch and self._splitter_sizes is not None:
            self.splitter.setSizes(self._splitter_sizes)
            self._splitter_sizes = None

    def _history_loaded(self, loaded: tuple[list[CallRecord], list[BatchInfo]]) -> None:
        records, unfinished = loaded
        self.log_pane.show_history(records, self.lang)
        self._offer_resume(unfinished)

    def _offer_resume(self, unfinished: list[BatchInfo]) -> None:
        if not (self._batch_tab is not None and self._batch_tab.busy):
            self.resume_bar.offer(unfinished)

    def _resume_offered(self, batch_id: int) -> None:
        self.tabs.setCurrentWidget(self.batch_page)
        self.batch_tab.resume(batch_id)

    def _on_batch_finished(self, report: BatchReport) -> None:
        self.log_pane.add(batch_entry(report, self.lang))

    def open_history(self) -> None:
        from ..history.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.service, self.jobs, self.lang, self)
        dialog.exec()
        dialog.deleteLater()

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
