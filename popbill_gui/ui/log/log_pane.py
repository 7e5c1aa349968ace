"""The log pane under the tabs: one row per call (LogModel in a table), Copy rows, Clear, the history at start.

Rows come from the features through the main window (calls, batch summaries, notes: `entries.py`) and, at start,
from the recent history; this widget only shows them. The table shows result and message first, in words: the code,
HTTP status, duration and advice are hidden until chosen from 열 선택 / Columns (or the header's menu). Under it,
`logDetail` shows the selected row, or the newest, whole (a table cell would cut POPBiLL's message and our advice);
the code, HTTP status and duration are its tooltip, for IT, not its words.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.errors import hint_for
from ..shared import i18n
from ..shared.details import Detail, DetailArea, DetailTexts
from ..shared.tables import columns_menu, setup_table
from .entries import keys_text
from .log_model import LogEntry, LogModel

if TYPE_CHECKING:
    from ...service.records import CallRecord


class LogPane(QWidget):
    """The log: a table of calls with Copy rows and Clear log."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LogModel(self)
        self.view = setup_table(
            self, "logView", self.model, stretch="message", precision=100,
            order=("result", "message"), hidden=("http", "code", "duration", "hint"),
        )  # fmt: skip
        # Qt's ResizeToContents mode does not follow rows added later; fit the short columns as rows come.
        self.model.rowsInserted.connect(self._fit_columns)
        self.columns_button = QPushButton(self)
        self.columns_button.setObjectName("logColumns")
        self.columns_button.setMenu(columns_menu(self.view, self))
        self.detail = DetailArea(self, "logDetail", lines=3)
        self.detail_texts = DetailTexts(self)
        for signal in (self.model.rowsInserted, self.model.modelReset, self.view.selectionModel().selectionChanged):
            signal.connect(self.show_detail)
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
        bar.addWidget(self.columns_button)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        self.retranslate()

    def add(self, entry: LogEntry) -> None:
        self.model.add(entry)
        self.view.scrollToBottom()

    def show_history(self, records: Sequence[CallRecord]) -> None:
        """The recent history goes above whatever this session has logged already (failures with their advice)."""
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
                    None if record.ok or record.code is None else hint_for(record.code, i18n.lang(), record.operation),
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

    def shown_row(self) -> int | None:
        """The row the detail shows: the selected one, else the newest; None when the log is empty."""
        rows = self.view.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return self.model.rowCount() - 1 if self.model.rowCount() else None

    def show_detail(self) -> None:
        row = self.shown_row()
        if row is None:
            self.detail.setText(self.tr("Each call's result appears here, whole, with what to do about it."))
            return
        entry = self.model.entry(row)
        heading = " · ".join(part for part in (LogModel.operation_text(entry.operation), entry.keys) if part)
        detail = Detail(
            LogModel.result_text(entry), heading, entry.message, entry.ok, entry.hint, entry.code,
            entry.http_status, entry.duration, entry.time,
        )  # fmt: skip
        self.detail.setText(self.detail_texts.text(detail), self.detail_texts.facts(detail))

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
        self.columns_button.setText(self.tr("Colu&mns"))
        self.columns_button.setToolTip(self.tr("Show or hide columns, such as POPBiLL's code and the duration."))
        self.view.setAccessibleName(self.tr("Log of calls"))
        self.detail.label.setAccessibleName(self.tr("The selected call in full"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(LogModel.COLUMNS) - 1)
        self.show_detail()
