"""The history dialog: every recorded call, single or batch, filtered by words, operation, result and dates, exported.

The records come from the service (`Service.recent_calls`), queried on the window's job runner: SQLite may wait on
another process's write, and the window must not. The table shows the message on screen, in words (the business
number, POPBiLL's code, the HTTP status and the duration hidden until chosen from 열 선택 / Columns); the selected
record is shown whole under it (`historyDetail`), its code and times as the tooltip. The
export goes through the service (`service/history_export.py`: CSV with BOM so Excel opens it, or XLSX; written
atomically), on a job too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as day_start
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import hint_for
from ...service import HistoryError, Service
from ..log.log_model import LogModel
from ..shared import i18n
from ..shared.details import Detail, DetailArea, DetailTexts
from ..shared.export_dialog import ask_export_path, export_on_job
from ..shared.jobs import JobRunner
from ..shared.palette import background, readable
from ..shared.screen_fit import resize_to_screen
from ..shared.tables import columns_menu, setup_table
from ..shared.words import type_words

if TYPE_CHECKING:
    from ...service.records import CallRecord

Index = QModelIndex | QPersistentModelIndex

LIMIT: Final = 5000  # records shown at most (the newest); the export takes every record the filters match
DEFAULT_DAYS: Final = 30
MESSAGE_SHARE: Final = 0.4  # of the table's width, at least, for the message column
TEXT_DELAY_MS: Final = 250  # typing in the search field queries once the typing pauses


def time_text(record: CallRecord) -> str:
    """The call's time, local, ISO 8601 with the offset (unambiguous in a file)."""
    return datetime.fromtimestamp(record.time).astimezone().isoformat(timespec="seconds")


def keys_text(record: CallRecord) -> str:
    """The keys of the call, as the log pane writes them (the type in words: 매출, not SELL)."""
    document = " ".join(part for part in (type_words(record.mgt_key_type), record.mgt_key) if part)
    if record.item_key:
        return f"{record.item_key} ← {document}" if document else record.item_key
    return document


class HistoryModel(QAbstractTableModel):
    """One row per call record, oldest first; success and failure differ by icon and words."""

    COLUMNS = (
        "time",
        "environment",
        "corp_num",
        "operation",
        "result",
        "keys",
        "receiver",
        "http",
        "code",
        "message",
        "duration",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[CallRecord] = []

    def set_records(self, records: Sequence[CallRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> CallRecord:
        return self._records[row]

    def header_texts(self) -> list[str]:
        return [
            self.tr("Time"),
            self.tr("Environment"),
            self.tr("Business number"),
            self.tr("Operation"),
            self.tr("Result"),
            self.tr("Keys"),
            self.tr("Receiver"),
            self.tr("HTTP"),
            self.tr("Code"),
            self.tr("Message"),
            self.tr("Duration (ms)"),
        ]

    def environment_text(self, environment: str) -> str:
        names = {"test": self.tr("Test"), "production": self.tr("Production"), "demo": self.tr("Demo")}
        return names.get(environment, environment)

    def values(self, record: CallRecord) -> list[object]:
        """The record's cells as an export writes them: numbers stay numbers."""
        return [
            time_text(record),
            self.environment_text(record.environment),
            record.corp_num,
            LogModel.operation_text(record.operation),
            self.tr("OK") if record.ok else self.tr("Failed"),
            keys_text(record),
            record.receiver,
            "" if record.http_status is None else record.http_status,
            "" if record.code is None else record.code,
            record.message,
            "" if record.duration is None else round(record.duration * 1000),
        ]

    def hint(self, record: CallRecord) -> str | None:
        """Our advice for a failed call's answer."""
        if record.code is None or record.ok:
            return None
        return hint_for(record.code, i18n.lang(), record.operation)

    def cell_text(self, record: CallRecord, column: int) -> str:
        if self.COLUMNS[column] == "time":  # the screen needs no offset: every time shown is local
            return datetime.fromtimestamp(record.time).strftime("%Y-%m-%d %H:%M:%S")
        return str(self.values(record)[column])

    # -- Qt model -------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 -- Qt's own signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        texts = self.header_texts()
        return texts[section] if 0 <= section < len(texts) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(record, index.column())
        if role == Qt.ItemDataRole.DecorationRole and column == "result":
            pixmap = (
                QStyle.StandardPixmap.SP_DialogApplyButton if record.ok else QStyle.StandardPixmap.SP_MessageBoxCritical
            )
            return QApplication.style().standardIcon(pixmap)
        if role == Qt.ItemDataRole.ForegroundRole and column == "result":
            return readable(QColor("#1b5e20" if record.ok else "#b71c1c"), background(QPalette.ColorRole.Base))
        if role == Qt.ItemDataRole.ToolTipRole and column == "message":
            hint = self.hint(record)
            return f"{record.message}\n→ {hint}" if hint else record.message or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("http", "code", "duration"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


@dataclass(frozen=True)
class Filters:
    operation: str | None  # None: every operation
    ok: bool | None  # None: successes and failures
    text: str | None
    since: float  # POSIX seconds, inclusive
    until: float  # exclusive


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _midnight(day: date) -> float:
    """The local start of `day`, as POSIX seconds."""
    return datetime.combine(day, day_start.min).timestamp()


class HistoryDialog(QDialog):
    """The recorded calls, newest last; filters query the history again, Export writes what they match."""

    loaded = Signal()  # a query's records are shown
    exported = Signal(bool)  # an export ended: True when the file was written

    def __init__(self, service: Service, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.service = service
        self.jobs = jobs
        self._note = ""
        self._queries = 0  # the number of the newest query: older answers are stale
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DELAY_MS)
        self._text_timer.timeout.connect(self.refresh)
        self._build()
        self.retranslate()
        self.refresh()

    def _build(self) -> None:
        self.text_label = QLabel(self)
        self.text = QLineEdit(self)
        self.text.setObjectName("historyText")
        self.text.setClearButtonEnabled(True)
        self.text_label.setBuddy(self.text)
        self.operation = QComboBox(self)
        self.operation.setObjectName("historyOperation")
        for value in ("", "resend_email", "assign_mgt_key"):
            self.operation.addItem("", value)
        self.result_combo = QComboBox(self)
        self.result_combo.setObjectName("historyResult")
        for value in ("", "ok", "failed"):
            self.result_combo.addItem("", value)
        today = QDate.currentDate()
        self.date_from = QDateEdit(self)
        self.date_from.setObjectName("historyFrom")
        self.date_to = QDateEdit(self)
        self.date_to.setObjectName("historyTo")
        for edit, day in ((self.date_from, today.addDays(-DEFAULT_DAYS)), (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(day)
        self.from_label = QLabel(self)
        self.from_label.setBuddy(self.date_from)
        self.to_label = QLabel(self)
        self.to_label.setBuddy(self.date_to)

        self.model = HistoryModel(self)
        self.view = setup_table(
            self, "historyView", self.model,
            order=("time", "result", "message", "operation", "keys", "receiver"),
            hidden=("corp_num", "http", "code", "duration"),
        )  # fmt: skip
        self.view.horizontalHeader().setStretchLastSection(False)  # the message takes the room (_size_message)
        self.model.modelReset.connect(self._fit_columns)
        self.columns_button = QPushButton(self)
        self.columns_button.setObjectName("historyColumns")
        self.columns_button.setMenu(columns_menu(self.view, self))
        self.detail = DetailArea(self, "historyDetail", lines=4)
        self.detail_texts = DetailTexts(self)
        self.model.modelReset.connect(self._show_detail)
        self.view.selectionModel().selectionChanged.connect(self._show_detail)

        self.count = QLabel(self)
        self.count.setObjectName("historyCount")
        self.count.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("historyExport")
        self.export_button.clicked.connect(self.export_records)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        # Two rows: in one, the dates and their labels were squeezed on a small screen ("To" showed as "Tc").
        search = QHBoxLayout()
        search.addWidget(self.text_label)
        search.addWidget(self.text, 1)
        filters = QHBoxLayout()
        filters.addWidget(self.operation)
        filters.addWidget(self.result_combo)
        filters.addSpacing(12)
        filters.addWidget(self.from_label)
        filters.addWidget(self.date_from)
        filters.addWidget(self.to_label)
        filters.addWidget(self.date_to)
        filters.addStretch(1)
        filters.addWidget(self.columns_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addLayout(bottom)
        resize_to_screen(self, share=(0.85, 0.85), least=(900, 560))  # the parent's screen, most of it

        self.text.textChanged.connect(self._text_timer.start)
        self.text.returnPressed.connect(self.refresh)
        self.operation.currentIndexChanged.connect(self.refresh)
        self.result_combo.currentIndexChanged.connect(self.refresh)
        self.date_from.dateChanged.connect(self._from_changed)
        self.date_to.dateChanged.connect(self._to_changed)

    def _fit_columns(self) -> None:
        message = HistoryModel.COLUMNS.index("message")
        for column in range(len(HistoryModel.COLUMNS)):
            if column != message:
                self.view.resizeColumnToContents(column)
        self._size_message()

    def _size_message(self) -> None:
        """The message takes the room the other columns leave, and never less than MESSAGE_SHARE of the table:
        on a narrow screen the last columns scroll out of sight rather than the message."""
        header = self.view.horizontalHeader()
        message = HistoryModel.COLUMNS.index("message")
        shown = [c for c in range(header.count()) if c != message and not header.isSectionHidden(c)]
        others = sum(header.sectionSize(c) for c in shown)
        width = self.view.viewport().width()
        self.view.setColumnWidth(message, max(width - others, round(width * MESSAGE_SHARE)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_message()

    # -- language -------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("History"))
        self.text_label.setText(self.tr("&Search"))
        self.text.setPlaceholderText(self.tr("Document ID, POPBiLL number, e-mail or message"))
        self.text.setAccessibleName(self.tr("Search the keys, the receiver and the message"))
        for combo, names in (
            (
                self.operation,
                {"": self.tr("All operations"), "resend_email": self.tr("Resend email"),
                 "assign_mgt_key": self.tr("Assign MgtKey")},
            ),
            (self.result_combo, {"": self.tr("All results"), "ok": self.tr("Succeeded"), "failed": self.tr("Failed")}),
        ):  # fmt: skip
            for i in range(combo.count()):
                combo.setItemText(i, names[combo.itemData(i)])
        self.operation.setAccessibleName(self.tr("Operation"))
        self.result_combo.setAccessibleName(self.tr("Result"))
        self.from_label.setText(self.tr("&From"))
        self.to_label.setText(self.tr("&To"))
        for label in (self.text_label, self.from_label, self.to_label):
            # A few pixels more than measured: at 125 % the last letter was clipped ("To" read "Tc").
            label.setMinimumWidth(label.sizeHint().width() + 4)
        self.view.setAccessibleName(self.tr("Recorded calls"))
        self.columns_button.setText(self.tr("Colu&mns"))
        self.columns_button.setToolTip(self.tr("Show or hide columns, such as POPBiLL's code and the duration."))
        self.detail.label.setAccessibleName(self.tr("The selected record in full"))
        self.export_button.setText(self.tr("E&xport…"))
        self.export_button.setToolTip(self.tr("Write the records the filters match to CSV or Excel."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HistoryModel.COLUMNS) - 1)
        self._show_count()
        self._show_detail()

    def _show_detail(self) -> None:
        """The selected record whole (the newest when none is selected): message, advice, code, HTTP, time."""
        rows = self.view.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.model.rowCount() - 1
        if row < 0:
            self.detail.setText(self.tr("Choose a record to see it here in full."))
            return
        record = self.model.record(row)
        values = self.model.values(record)
        columns = HistoryModel.COLUMNS
        heading = " · ".join(
            str(values[columns.index(name)]) for name in ("operation", "keys", "receiver", "environment", "corp_num")
            if values[columns.index(name)]
        )  # fmt: skip
        detail = Detail(
            str(values[columns.index("result")]), heading, record.message, record.ok, self.model.hint(record),
            record.code, record.http_status, record.duration, datetime.fromtimestamp(record.time),
        )  # fmt: skip
        self.detail.setText(self.detail_texts.text(detail), self.detail_texts.facts(detail))

    # -- filters --------------------------------------------------------------------------------------
    def _from_changed(self, value: QDate) -> None:
        if value > self.date_to.date():
            self.date_to.setDate(value)  # refreshes
        else:
            self.refresh()

    def _to_changed(self, value: QDate) -> None:
        if value < self.date_from.date():
            self.date_from.setDate(value)  # refreshes
        else:
            self.refresh()

    def filters(self) -> Filters:
        """The filters as `History.recent` takes them: from the start of one day to the end of the other, local."""
        result = self.result_combo.currentData()
        return Filters(
            operation=self.operation.currentData() or None,
            ok=None if not result else result == "ok",
            text=self.text.text().strip() or None,
            since=_midnight(_to_date(self.date_from.date())),
            until=_midnight(_to_date(self.date_to.date()) + timedelta(days=1)),
        )

    def _query(self, limit: int | None) -> Callable[[], list[CallRecord]]:
        """The query of the current filters, as work for a job (it reads no widget)."""
        f, recent = self.filters(), self.service.recent_calls
        return lambda: recent(limit, operation=f.operation, ok=f.ok, text=f.text, since=f.since, until=f.until)

    def refresh(self) -> None:
        """Query the history again with the current filters (on a job; the table fills when it answers)."""
        self._text_timer.stop()
        self._queries += 1
        number = self._queries

        def shown(records: list[CallRecord]) -> None:
            if number == self._queries:
                self._note = ""
                self._show(records)

        def failed(error: Exception) -> None:
            if number != self._queries:
                return
            reason = str(error) if isinstance(error, HistoryError) else type(error).__name__
            self._note = self.tr("The history cannot be read: %1").replace("%1", reason)
            self._show([])

        self.jobs.submit(self._query(LIMIT), shown, failed)

    def _show(self, records: list[CallRecord]) -> None:
        self.model.set_records(records)
        self.view.scrollToBottom()
        self._show_count()
        self.loaded.emit()

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        if shown >= LIMIT:
            text = self.tr("The newest %1 records are shown: narrow the filters to see older ones.")
        else:
            text = self.tr("Records: %1.")
        text = text.replace("%1", str(shown))
        self.count.setText(f"{text} {self._note}" if self._note else text)
        self.export_button.setEnabled(shown > 0)

    # -- export ---------------------------------------------------------------------------------------
    def export_records(self) -> None:
        """What the Export button does: ask where, then write."""
        name = self.tr("popbill-history-%1.xlsx").replace("%1", date.today().isoformat())
        suggested = str(Path.home() / name)
        path = ask_export_path(self, self.tr("Export history"), suggested)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> bool:
        """Write every record the filters match (not only those shown), oldest first, to `path` (.csv or .xlsx),
        on a job; the count line says where they went or why not."""
        from ...service.history_export import export_calls

        f, service = self.filters(), self.service
        # The header's words are taken here, on the GUI thread; the rows' words are plain functions of a record.
        header, row = self.model.header_texts(), self.model.values

        def written(target: Path) -> None:
            self._note = self.tr("Written to %1.").replace("%1", str(target))
            self._show_count()
            self.exported.emit(True)

        def failed(reason: str) -> None:
            self._note = self.tr("The records were not written: %1").replace("%1", reason)
            self._show_count()
            self.exported.emit(False)

        def work() -> Path:
            filters = {"operation": f.operation, "ok": f.ok, "text": f.text, "since": f.since, "until": f.until}
            return export_calls(service, path, header, row, **filters)

        return export_on_job(self.jobs, work, i18n.lang(), written=written, failed=failed)
