"""The main window: environment strip, the two tabs, the log pane and the status bar.

Data flows one way: a tab submits plain values → the shared client runs on a worker (`Dispatcher`) → the
result comes back as a signal on the GUI thread → a row in the log. Keyring reads and writes go through the
same dispatcher, so nothing that can block (network, an unlock prompt) runs on the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QMimeData, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
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

from ..batch.model import COLUMNS, RowState, state_text
from ..core.errors import Kind, PopbillError
from ..core.messages import Lang
from ..core.models import CallResult, Credentials
from ..storage import settings as settings_store
from ..storage.settings import Settings
from . import i18n
from .forms import AssignTab, ResendTab
from .log_model import LogEntry, LogModel
from .session import Session, Source
from .workers import Dispatcher

if TYPE_CHECKING:
    from ..storage.history import BatchInfo, CallRecord, History
    from ..storage.secrets import SecretStore
    from .batch_tab import BatchTab

log = logging.getLogger(__name__)

KEYRING_LOAD = ("keyring", "load")
KEYRING_SAVE = ("keyring", "save")
HISTORY_LOAD = ("history", "load")
RECENT_ON_START = 200  # calls from the history shown in the log pane at start
STARTUP_WORK_DELAY_MS = 150
CONNECTION_TEST = "settings-test"  # settings_dialog.TEST_KEY: its results are logged here too
OPERATIONS = ("resend_email", "assign_mgt_key")

Confirm = Callable[[str, str], bool]
StoreFactory = Callable[[Lang], "SecretStore"]


def history_shortcut(platform: str = sys.platform) -> QKeySequence:
    """Ctrl+H, except on macOS, where Qt's Ctrl is ⌘ and ⌘H hides the application: ⌘Y there (Safari's History)."""
    return QKeySequence("Ctrl+Y" if platform == "darwin" else "Ctrl+H")


_STRIP_STYLES = {
    "test": "background: #e3f2fd; color: #0d47a1;",
    "production": "background: #c62828; color: white; font-weight: bold;",
    "demo": "background: #fff3e0; color: #e65100; font-weight: bold;",
}


def _system_store(lang: Lang) -> SecretStore:
    # Imported here, on the worker that reads the keyring: keyring's import is not start-up's business.
    from ..storage.secrets import SecretStore

    return SecretStore.system(lang)


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
        store_factory: StoreFactory | None = None,
        save_settings: Callable[[Settings], None] | None = settings_store.save,
        history_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self._history_path = history_path
        self._history: History | None = None
        self._history_lock = threading.Lock()
        self._store_factory: StoreFactory = store_factory or _system_store
        self._save_settings = save_settings
        self._production_confirmed = False
        self.confirm: Confirm = self._ask  # tests replace it
        self.dispatcher = Dispatcher(self)
        self.dispatcher.succeeded.connect(self._on_succeeded)
        self.dispatcher.failed.connect(self._on_failed)
        self.dispatcher.busy_changed.connect(self._refresh_tabs)
        self._build()
        self.set_language(session.settings.lang, install=False)
        self._started = False
        self._opened_at = time.time()  # the history shown at start ends here: later calls are logged already

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            # After the first paint: the keyring and the history (their imports, D-Bus, SQLite) run on workers,
            # but they still compete with the window's first frame for the interpreter.
            QTimer.singleShot(STARTUP_WORK_DELAY_MS, self._start_background_work)

    def _start_background_work(self) -> None:
        if self.session.source is Source.PENDING:
            self._load_keyring()
        self.dispatcher.submit(
            HISTORY_LOAD,
            lambda: (
                self.history().recent(RECENT_ON_START, until=self._opened_at),
                self.history().unfinished_batches(),
            ),
        )

    def history(self) -> History:
        """The call history (SQLite), opened on first use; safe to call from workers."""
        with self._history_lock:
            if self._history is None:
                from ..storage.history import History

                self._history = History(self._history_path)
            return self._history

    # -- construction ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.strip = QLabel(self)
        self.strip.setObjectName("environmentStrip")
        self.strip.setMargin(6)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.resend_tab = ResendTab(self.dispatcher.in_flight, self.tabs)
        self.assign_tab = AssignTab(self.dispatcher.in_flight, self.tabs)
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

        self.log_model = LogModel(self)
        self.log_view = QTableView(self)
        self.log_view.setObjectName("logView")
        self.log_view.setModel(self.log_model)
        self.log_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log_view.verticalHeader().hide()
        self.log_view.setWordWrap(False)
        header = self.log_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(LogModel.COLUMNS.index("message"), QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(100)  # size columns by the rows near the end, not the whole log
        # Qt's ResizeToContents mode does not follow rows added later; fit the short columns as rows come.
        self.log_model.rowsInserted.connect(self._fit_log_columns)
        self.copy_action = QAction(self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_selected)
        self.log_view.addAction(self.copy_action)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("logCopy")
        self.copy_button.clicked.connect(self.copy_selected)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("logClear")
        self.clear_button.clicked.connect(self.log_model.clear)
        self.log_title = QLabel(self)

        log_box = QWidget(self)
        log_layout = QVBoxLayout(log_box)
        log_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.log_title)
        bar.addStretch(1)
        bar.addWidget(self.copy_button)
        bar.addWidget(self.clear_button)
        log_layout.addLayout(bar)
        log_layout.addWidget(self.log_view)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(log_box)
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
        self._resume_id: int | None = None
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
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def lang(self) -> Lang:
        return self.session.settings.lang

    def environment_kind(self) -> str:
        if self.session.demo:
            return "demo"
        return "production" if self.session.settings.env == "production" else "test"

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Resend Email"))
        self.tabs.setTabText(1, self.tr("Assign MgtKey"))
        self.tabs.setTabText(2, self.tr("Batch"))
        self.history_action.setText(self.tr("&History…"))
        self.resume_button.setText(self.tr("&Resume"))
        self._show_resume_offer()
        self.log_title.setText(self.tr("Log"))
        self.copy_button.setText(self.tr("&Copy rows"))
        self.copy_button.setToolTip(self.tr("Copy the selected rows (or all rows) as text for a spreadsheet."))
        self.clear_button.setText(self.tr("C&lear log"))
        self.copy_action.setText(self.tr("Copy"))
        self.log_view.setAccessibleName(self.tr("Log of calls"))
        self.file_menu.setTitle(self.tr("&File"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.log_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(LogModel.COLUMNS) - 1)
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

    def submit(self, key: tuple[str, ...]) -> bool:
        """Run one call on a worker; False if it was not started (refused, cancelled or in flight)."""
        operation, *values = key
        if self.dispatcher.in_flight(key):
            return False
        if self.session.credentials is None:
            self._log_error(operation, self._keys_text(key), PopbillError.client(Kind.NO_CREDENTIALS, self.lang), None)
            return False
        if self.environment_kind() == "production" and not self._production_confirmed:
            if not self.confirm(
                self.tr("Production"),
                self.tr("This is the PRODUCTION environment (운영): the call is real.\n\nContinue?"),
            ):
                return False
            self._production_confirmed = True
        if operation == "assign_mgt_key":
            item_key, mgt_key_type, mgt_key = values
            text = self.tr("Assign document ID %1 (%2) to the invoice with ItemKey %3?\n\nThis cannot be undone.")
            text = text.replace("%1", mgt_key).replace("%2", mgt_key_type).replace("%3", item_key)
            if not self.confirm(self.tr("Assign MgtKey"), text):
                return False
        session = self.session

        # The client is built (and, the first time, requests imported) on the worker, not on the GUI thread;
        # the history is written there too.
        def call() -> CallResult:
            start = time.monotonic()
            try:
                client = session.client()
                if operation == "assign_mgt_key":
                    result = client.assign_mgt_key(*values)
                else:
                    result = client.resend_email(*values)
            except PopbillError as exc:
                self._record(operation, values, exc.http_status, exc.code, exc.message, time.monotonic() - start, False)
                raise
            self._record(operation, values, result.http_status, result.code, result.message, result.duration, True)
            return result

        return self.dispatcher.submit(key, call)

    def _record(
        self, operation: str, values: list[str], http: int | None, code: int, message: str, seconds: float, ok: bool
    ) -> None:
        """One call into the history (on the worker); a history that cannot be written never fails the call."""
        s = self.session.settings
        try:
            self.history().record_request(
                environment="demo" if self.session.demo else s.env,
                corp_num=s.corp_num or "",
                operation=operation,
                keys=dict(zip(COLUMNS[operation], values, strict=True)),  # type: ignore[index]
                http_status=http,
                code=code,
                message=message,
                duration=seconds,
                ok=ok,
            )
        except Exception as exc:  # noqa: BLE001 -- the call happened; only its record is lost, and the log says so
            log.warning("the call was not written to the history (%s)", type(exc).__name__)

    @staticmethod
    def _keys_text(key: Hashable) -> str:
        if isinstance(key, tuple) and key and key[0] == "resend_email":
            return f"{key[1]} {key[2]} → {key[3]}"
        if isinstance(key, tuple) and key and key[0] == "assign_mgt_key":
            return f"{key[1]} ← {key[2]} {key[3]}"
        return ""

    def _on_succeeded(self, key: Hashable, result: object, seconds: float) -> None:
        if key == HISTORY_LOAD:
            records, unfinished = cast("tuple[list[CallRecord], list[BatchInfo]]", result)
            self._show_history(records)
            self._offer_resume(unfinished)
            return
        if key == KEYRING_LOAD:
            self._keyring_loaded(result)
            return
        if key == KEYRING_SAVE:
            self.session.store = cast("SecretStore", result)
            self.session.update(source=Source.KEYRING)
            self.refresh_status()
            return
        if key == CONNECTION_TEST and hasattr(result, "expiry_text"):
            message = self.tr("Connection works: a session token was issued, valid until %1.")
            entry = LogEntry(datetime.now(), "connection", "", True, 1, message.replace("%1", result.expiry_text()))
            self.log_model.add(replace(entry, duration=seconds))
            return
        if isinstance(result, CallResult):
            self.log_model.add(
                LogEntry(
                    datetime.now(),
                    result.operation,
                    self._keys_text(key),
                    True,
                    result.code,
                    result.message,
                    result.http_status,
                    seconds,
                )
            )
            self.log_view.scrollToBottom()

    def _on_failed(self, key: Hashable, error: object, seconds: float) -> None:
        if key == KEYRING_LOAD:
            self.session.keyring_available = False
            self.session.update(source=Source.NONE)
            self.refresh_status()
        if key == KEYRING_SAVE:  # the credentials stay usable, in memory, and the row says why
            self.session.update(source=Source.SESSION)
            self.refresh_status()
        operation = "connection" if key == CONNECTION_TEST else key[0] if isinstance(key, tuple) and key else "?"
        self._log_error(str(operation), self._keys_text(key), error, seconds)

    def _log_error(self, operation: str, keys: str, error: object, seconds: float | None) -> None:
        if isinstance(error, PopbillError):
            entry = LogEntry(
                datetime.now(),
                operation,
                keys,
                False,
                error.code,
                error.message,
                error.http_status,
                seconds,
                error.hint,
            )
        else:  # a bug: say so in one line, never a crash
            log.exception("unexpected failure", exc_info=error if isinstance(error, BaseException) else None)
            message = self.tr("Internal error (%1). The window keeps working.").replace("%1", type(error).__name__)
            entry = LogEntry(datetime.now(), operation, keys, False, None, message, None, seconds)
        self.log_model.add(entry)
        self.log_view.scrollToBottom()

    # -- keyring --------------------------------------------------------------------------------------
    def _load_keyring(self) -> None:
        lang, env = self.session.settings.lang, self.session.settings.env
        factory = self._store_factory

        def load() -> tuple[SecretStore, Credentials | None]:
            store = factory(lang)
            return store, store.load(env) if store.available else None

        self.dispatcher.submit(KEYRING_LOAD, load)

    def _keyring_loaded(self, result: object) -> None:
        store, credentials = cast(tuple["SecretStore", Credentials | None], result)
        available = store.available
        self.session.keyring_available = available
        self.session.store = store if available else None
        if credentials is not None:
            self.session.update(credentials=credentials, source=Source.KEYRING)
        else:
            self.session.update(source=Source.NONE)
        if not available:
            self.log_model.add(
                LogEntry(
                    datetime.now(),
                    "keyring",
                    "",
                    False,
                    None,
                    self.tr(
                        "No usable keyring on this computer: credentials can be kept for this session only (Settings)."
                    ),
                )
            )
        self.refresh_status()

    # -- settings -------------------------------------------------------------------------------------
    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        session = self.session
        dialog = SettingsDialog(
            session.settings,
            session.credentials,
            locked=session.locked,
            keyring_available=bool(session.keyring_available) and not session.demo,
            dispatcher=self.dispatcher,
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_settings(dialog.result_settings(), dialog.result_credentials(), dialog.session_only())

    def apply_settings(self, settings: Settings, credentials: Credentials | None, session_only: bool) -> None:
        """Use new settings (saved unless in demo mode) and new credentials (keyring, or memory)."""
        session = self.session
        old_lang, old_env = session.settings.lang, session.settings.env
        # Values set by POPBILL_* variables hold for this run only: the file keeps its own for them.
        to_save = replace(settings, **{name: getattr(session.saved, name) for name in session.locked})
        if to_save != session.saved and not session.demo and self._save_settings is not None:
            try:
                self._save_settings(to_save)
                session.saved = to_save
            except OSError as exc:
                log.warning("settings not saved: %s", type(exc).__name__)
        session.update(settings=settings_store.resolve({}, session.environ, to_save) if session.locked else settings)
        settings = session.settings
        changed = credentials is not None and credentials != session.credentials
        if changed and session.source is not Source.ENV:
            assert credentials is not None
            if session.demo or session_only or not session.keyring_available:
                session.update(credentials=credentials, source=Source.DEMO if session.demo else Source.SESSION)
            else:
                session.update(credentials=credentials)
                lang, env, factory = settings.lang, settings.env, self._store_factory

                def save() -> SecretStore:
                    store = factory(lang)
                    store.save(env, credentials)
                    return store

                self.dispatcher.submit(KEYRING_SAVE, save)
        if settings.lang != old_lang:
            self.set_language(settings.lang)
        if settings.env != old_env and not changed and session.source in (Source.KEYRING, Source.NONE):
            # Credentials are kept per environment: switching test ↔ production reads the other entry.
            session.update(source=Source.PENDING)
            self._load_keyring()
        self.refresh_status()

    # -- log pane -------------------------------------------------------------------------------------
    def _show_history(self, records: list[CallRecord]) -> None:
        """The recent history goes above whatever this session has logged already."""
        now_rows = [self.log_model.entry(r) for r in range(self.log_model.rowCount())]
        self.log_model.clear()
        for record in records:
            keys = {"mgt_key_type": record.mgt_key_type, "mgt_key": record.mgt_key, "receiver": record.receiver}
            keys["item_key"] = record.item_key
            key = (record.operation, *(keys[c] for c in COLUMNS.get(record.operation, ())))  # type: ignore[call-overload]
            self.log_model.add(
                LogEntry(
                    datetime.fromtimestamp(record.time),
                    record.operation,
                    self._keys_text(key),
                    record.ok,
                    record.code,
                    record.message,
                    record.http_status,
                    record.duration,
                )
            )
        for entry in now_rows:
            self.log_model.add(entry)
        self.log_view.scrollToBottom()

    def _fit_log_columns(self) -> None:
        message = LogModel.COLUMNS.index("message")
        for column in range(len(LogModel.COLUMNS)):
            if column != message:
                self.log_view.resizeColumnToContents(column)

    def copy_selected(self) -> None:
        rows = [index.row() for index in self.log_view.selectionModel().selectedRows()]
        if not rows:
            rows = list(range(self.log_model.rowCount()))
        if rows:
            QGuiApplication.clipboard().setText(self.log_model.rows_as_text(rows))

    # -- batches and history --------------------------------------------------------------------------
    @property
    def batch_tab(self) -> BatchTab:
        """The batch tab (objectName batchTab), built on first use inside its page."""
        if self._batch_tab is None:
            from .batch_tab import BatchTab

            tab = BatchTab(self.session, self.history, lambda title, text: self.confirm(title, text), self.batch_page)
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

    def _offer_resume(self, unfinished: list[BatchInfo]) -> None:
        resumable = [b for b in unfinished if b.counts.get(RowState.PENDING, 0) or b.counts.get(RowState.SENDING, 0)]
        if resumable and not (self._batch_tab is not None and self._batch_tab.busy):
            self._resume_info = resumable[0]
            self._resume_id = resumable[0].id
            self._show_resume_offer()

    def _show_resume_offer(self) -> None:
        info = self._resume_info
        if info is None or self._resume_id is None:
            self.resume_bar.hide()
            return
        left = info.counts.get(RowState.PENDING, 0) + info.counts.get(RowState.SENDING, 0)
        text = self.tr("An interrupted batch was found: %1 (%2 of %3 rows not finished). Continue it?")
        self.resume_label.setText(
            text.replace("%1", Path(info.source).name).replace("%2", str(left)).replace("%3", str(info.total))
        )
        self.resume_bar.show()

    def _resume_offered(self) -> None:
        if self._resume_id is None:
            return
        batch_id, self._resume_id = self._resume_id, None
        self.resume_bar.hide()
        self.tabs.setCurrentWidget(self.batch_page)
        self.batch_tab.resume(batch_id)

    def _on_batch_finished(self, result: object) -> None:
        outcomes = getattr(result, "outcomes", {}) or {}
        counts = {state: sum(1 for o in outcomes.values() if o.state is state) for state in RowState}
        summary = ", ".join(f"{state_text(state, self.lang)} {n}" for state, n in counts.items() if n)
        error = getattr(result, "error", None)
        ok = error is None and counts[RowState.DONE] == len(outcomes)
        message = self.tr("Batch #%1: %2").replace("%1", str(getattr(result, "batch_id", "?"))).replace("%2", summary)
        entry = LogEntry(datetime.now(), "batch", "", ok, None, message)
        if isinstance(error, PopbillError):
            entry = replace(entry, code=error.code, message=f"{message} — {error.message}", hint=error.hint)
        self.log_model.add(entry)
        self.log_view.scrollToBottom()

    def open_history(self) -> None:
        from .history_dialog import HistoryDialog

        HistoryDialog(self.history(), self.lang, self).exec()

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
        # Calls not started are dropped; a call in flight finishes (or times out) on its worker, and its
        # result goes nowhere. The window does not wait for it. A batch stops taking rows (resumable).
        if self._batch_tab is not None:
            self._batch_tab.shutdown()
        self.dispatcher.shutdown(0)
        event.accept()
