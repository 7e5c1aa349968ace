"""The log pane under the tabs: one row per call (LogModel in a table), Copy rows, Clear, the history at start.

Rows come from the main window (results of its jobs, batch summaries, notes) and, at start, from the recent
history; this widget only shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..service import PopbillError, request_for
from .log_model import LogEntry, LogModel
from .tables import setup_table

if TYPE_CHECKING:
    from ..service.records import CallRecord


def keys_text(operation: str, values: dict[str, str]) -> str:
    """The keys of a call in one line, as the log writes them ("SELL INV-1 → a@b.kr", "0241… ← SELL INV-1")."""
    try:
        return request_for(operation, values).describe()
    except ValueError:
        return ""


def error_entry(operation: str, keys: str, error: PopbillError, seconds: float | None = None) -> LogEntry:
    """A log row for a failure: POPBiLL's code and message verbatim, or our sentence, and the hint."""
    duration = error.duration if error.duration is not None else seconds
    return LogEntry(
        datetime.now(), operation, keys, False, error.code, error.message, error.http_status, duration, error.hint
    )


class LogPane(QWidget):
    """The log: a table of calls with Copy rows and Clear log."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LogModel(self)
        self.view = setup_table(self, "logView", self.model, stretch="message", precision=100)
        # Qt's ResizeToContents mode does not follow rows added later; fit the short columns as rows come.
        self.model.rowsInserted.connect(self._fit_columns)
        self.copy_action = QAction(self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_selected)
        self.view.addAction(self.copy_action)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("logCopy")
        self.copy_button.clicked.connect(self.copy_selected)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("logClear")
        self.clear_button.clicked.connect(self.model.clear)
        self.title = QLabel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.copy_button)
        bar.addWidget(self.clear_button)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self.retranslate()

    def add(self, entry: LogEntry) -> None:
        self.model.add(entry)
        self.view.scrollToBottom()

    def show_history(self, records: Sequence[CallRecord]) -> None:
        """The recent history goes above whatever this session has logged already."""
        now_rows = [self.model.entry(r) for r in range(self.model.rowCount())]
        self.model.clear()
        for record in records:
            values = {
                "mgt_key_type": record.mgt_key_type,
                "mgt_key": record.mgt_key,
                "receiver": record.receiver,
                "item_key": record.item_key,
            }
            self.model.add(
                LogEntry(
                    datetime.fromtimestamp(record.time),
                    record.operation,
                    keys_text(record.operation, values),
                    record.ok,
                    record.code,
                    record.message,
                    record.http_status,
                    record.duration,
                )
            )
        for entry in now_rows:
            self.model.add(entry)
        self.view.scrollToBottom()

    def _fit_columns(self) -> None:
        message = LogModel.COLUMNS.index("message")
        for column in range(len(LogModel.COLUMNS)):
            if column != message:
                self.view.resizeColumnToContents(column)

    def copy_selected(self) -> None:
        rows = [index.row() for index in self.view.selectionModel().selectedRows()]
        if not rows:
            rows = list(range(self.model.rowCount()))
        if rows:
            QGuiApplication.clipboard().setText(self.model.rows_as_text(rows))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Log"))
        self.copy_button.setText(self.tr("&Copy rows"))
        self.copy_button.setToolTip(self.tr("Copy the selected rows (or all rows) as text for a spreadsheet."))
        self.clear_button.setText(self.tr("C&lear log"))
        self.copy_action.setText(self.tr("Copy"))
        self.view.setAccessibleName(self.tr("Log of calls"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(LogModel.COLUMNS) - 1)
