"""The main window, a shell: the environment strip, the setup and resume bars, the tabs, the log pane, the status bar
and the menus, around one job runner.

Each feature owns its whole flow and is handed what it uses: the Resend and Assign tabs (`resend/`, `assign/`: input,
confirmation, the call on a job, the result line, through one `calls.CallFlow`), Find (`find/finder.py`), the batch
tab (`batch/`, built when first shown), the history (`history/`), Settings and the keyring (`settings/keeper.py`).
Each emits one signal with what to log; the window puts it in the log pane. Nothing that can block (network, an
unlock prompt, a locked database) runs on the GUI thread: it runs on the job runner (`shared/jobs.py`). What is
missing before a first call (credentials, CorpNum, a readable keyring) is said by the setup bar, never as a failure.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ...core.messages import Lang
from ...storage import settings as settings_store
from ...storage.settings import Settings
from ..assign.assign_tab import AssignTab
from ..batch.handoff import BatchHandoff
from ..calls.call_flow import CallFlow
from ..find.finder import Finder
from ..log.entries import failure_entry
from ..log.log_model import LogEntry, LogModel
from ..log.log_pane import LogPane
from ..resend.resend_tab import ResendTab
from ..settings.keeper import SettingsKeeper
from ..shared import i18n
from ..shared.drops import dropped_file
from ..shared.focus import first_control
from ..shared.jobs import JobRunner
from ..shared.screen_fit import resize_within_screen
from ..shared.session import Session, Source
from .resume_bar import ResumeBar
from .setup_bar import SetupBar
from .status import ConnectionStatus

if TYPE_CHECKING:
    from ...service.records import BatchInfo, CallRecord
    from ..batch.batch_tab import BatchTab

RECENT_ON_START = 200  # calls from the history shown in the log pane at start
STARTUP_WORK_DELAY_MS = 150
FORM_SHARE = 0.6  # of the height below the bars, for the tabs at start; the log has the rest
BATCH_LOG_HEIGHT = 90  # at most, the log's height while the batch tab is shown: its bar and a row or two

Confirm = Callable[[str, str], bool]


def history_shortcut(platform: str = sys.platform) -> QKeySequence:
    """Ctrl+H, except on macOS, where Qt's Ctrl is ⌘ and ⌘H hides the application: ⌘Y there (Safari's History)."""
    return QKeySequence("Ctrl+Y" if platform == "darwin" else "Ctrl+H")


class MainWindow(QMainWindow):
    def __init__(
        self, session: Session, *, save_settings: Callable[[Settings], None] | None = settings_store.save
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self.service = session.service
        self.confirm: Confirm = self._ask  # tests replace it
        self.jobs = JobRunner(self)
        self.settings_keeper = SettingsKeeper(session, self.jobs, save_settings, self)
        self.settings_keeper.changed.connect(self.refresh_status)
        self.settings_keeper.language_chosen.connect(self.set_language)
        self.settings_keeper.logged.connect(self.log)
        self._splitter_sizes: list[int] | None = None  # the tabs' and the log's share before the batch tab took it
        self._batch_tab: BatchTab | None = None
        self._build()
        self._build_menus()
        self.retranslate()
        resize_within_screen(self, 900, 620)
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
            self.settings_keeper.load_keyring()
        service, until = self.service, self._opened_at
        self.jobs.submit(
            lambda: (service.recent_calls(RECENT_ON_START, until=until), service.unfinished_batches()),
            self._history_loaded,
            lambda error: self.log(failure_entry("history", "", error)),
        )

    # -- construction ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.status = ConnectionStatus(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.flow = CallFlow(self.session, self.jobs, lambda title, text: self.confirm(title, text), self)
        ready = self.flow.advice.not_ready_to_look_up
        self.finder = Finder(self.service, self.jobs, lambda: ready(self.session), self)
        self.batch_handoff = BatchHandoff(self.service, self.jobs, self.show_batch_tab, self)  # Find → batch tab
        self.batch_handoff.logged.connect(self.log)
        self.finder.assign_requested.connect(self.batch_handoff.assign)
        self.finder.resend_requested.connect(self.batch_handoff.resend)
        self.resend_tab = ResendTab(self.flow, self.finder, self.tabs)
        self.assign_tab = AssignTab(self.flow, self.finder, self.tabs)
        # The batch tab is built when first needed (shown, a file dropped, a resume): most sessions are single
        # calls, and its modules cost a third of the window's start-up and ~10 MB (benchmarks/bench_gui.py).
        self.batch_page = QWidget(self.tabs)
        self.batch_page.setObjectName("batchPage")
        QVBoxLayout(self.batch_page).setContentsMargins(0, 0, 0, 0)
        for tab in (self.resend_tab, self.assign_tab, self.batch_page):
            self.tabs.addTab(tab, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.resend_tab.logged.connect(self.log)
        self.assign_tab.logged.connect(self.log)
        self.setAcceptDrops(True)  # a file dropped anywhere on the window goes to the batch tab
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
        layout.addWidget(self.status.strip)
        # Offered, not forced: an interrupted batch found in the journal at start-up.
        self.resume_bar = ResumeBar(self)
        self.resume_bar.resume.connect(self._resume_offered)
        layout.addWidget(self.resume_bar)
        self.setup_bar = SetupBar(self)
        self.setup_bar.button.clicked.connect(self.open_settings)
        layout.addWidget(self.setup_bar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
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

    @property
    def log_model(self) -> LogModel:
        return self.log_pane.model

    def log(self, entry: LogEntry) -> None:
        """A row in the log: what a feature says happened."""
        self.log_pane.add(entry)

    # -- language and status --------------------------------------------------------------------------
    def set_language(self, lang: Lang) -> None:
        """Switch the window's language: Qt's translators, then its LanguageChange delivered to every widget now
        (each says its words again, the core's sentences in the new language too)."""
        i18n.install(lang)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Resend Email"))
        self.tabs.setTabText(1, self.tr("Assign MgtKey"))
        self.tabs.setTabText(2, self.tr("Batch"))
        self.file_menu.setTitle(self.tr("&File"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.history_action.setText(self.tr("&History…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.refresh_status()

    def refresh_status(self) -> None:
        self.status.show(self.session)
        self.setup_bar.refresh(self.session, self.settings_keeper.keyring_problem)

    def open_settings(self) -> None:
        self.settings_keeper.open()

    # -- batches and history --------------------------------------------------------------------------
    @property
    def batch_tab(self) -> BatchTab:
        """The batch tab (objectName batchTab), built on first use inside its page."""
        if self._batch_tab is None:
            from ..batch.batch_tab import BatchTab

            tab = BatchTab(self.session, self.jobs, lambda title, text: self.confirm(title, text), self.batch_page)
            tab.logged.connect(self.log)
            layout = self.batch_page.layout()
            assert layout is not None
            layout.addWidget(tab)
            tab.show()  # the page may be on screen already: a late child is not shown by itself
            self._batch_tab = tab
        return self._batch_tab

    def show_batch_tab(self) -> BatchTab:
        self.tabs.setCurrentWidget(self.batch_page)
        return self.batch_tab

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
        self.log_pane.show_history(records)
        if not (self._batch_tab is not None and self._batch_tab.busy):
            self.resume_bar.offer(unfinished)

    def _resume_offered(self, batch_id: int) -> None:
        self.show_batch_tab().resume(batch_id)

    def open_history(self) -> None:
        from ..history.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.service, self.jobs, self)
        dialog.exec()
        dialog.deleteLater()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event.mimeData())
        if path:
            self.show_batch_tab().load_file(path)
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
