"""The log pane's model: one row per call, with POPBiLL's code and message verbatim.

A table model (time, result, operation, keys, HTTP status, code, message, duration, advice) shown by a QTableView
(`logView`, which shows result and message first). Success and failure differ by icon and by the words in the result
column, not by colour alone; so do an unknown outcome and a batch's end (완료, 일부 실패, 취소됨, 중단됨). Rows can
be copied as tab-separated text (pastes into Excel) and cleared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# QStyle is looked up when the first icon is drawn: realizing it costs 4 ms of start-up.
from PySide6 import QtWidgets
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPalette

from ..shared.palette import background, readable

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class LogEntry:
    time: datetime
    operation: str  # "resend_email" | "assign_mgt_key" | "connection" | "keyring" | ...
    keys: str
    ok: bool
    code: int | None
    message: str
    http_status: int | None = None
    duration: float | None = None  # seconds
    hint: str | None = None
    # None: `ok` says it all. "unknown": a call that may or may not have been carried out. A batch's end: "done",
    # "partial" (some rows failed or need checking), "cancelled", "stopped" (a refusal that would hit every row).
    state: str | None = None

    @property
    def outcome(self) -> str:
        return self.state or ("ok" if self.ok else "failed")


# Outcome → (QStyle's icon, colour of its word). Each has its own icon: the word and the icon say it, not the colour
# alone. Icons by name: QStyle is looked up when the first one is drawn.
OUTCOMES: dict[str, tuple[str, str]] = {
    "ok": ("SP_DialogApplyButton", "#1b5e20"),
    "done": ("SP_DialogApplyButton", "#1b5e20"),
    "failed": ("SP_MessageBoxCritical", "#b71c1c"),
    "stopped": ("SP_MessageBoxCritical", "#b71c1c"),
    "partial": ("SP_MessageBoxWarning", "#8a5300"),
    "unknown": ("SP_MessageBoxQuestion", "#8a5300"),
    "cancelled": ("SP_BrowserStop", "#37474f"),
}


def outcome_icon(outcome: str) -> QIcon:
    pixmap = getattr(QtWidgets.QStyle.StandardPixmap, OUTCOMES[outcome][0])
    return QtWidgets.QApplication.style().standardIcon(pixmap)


class LogModel(QAbstractTableModel):
    COLUMNS = ("time", "result", "operation", "keys", "http", "code", "message", "duration", "hint")

    def __init__(self, parent: object = None, max_rows: int = 5000) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[LogEntry] = []
        self._max_rows = max_rows

    # -- editing --------------------------------------------------------------------------------------
    def add(self, entry: LogEntry) -> None:
        if len(self._rows) >= self._max_rows:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            del self._rows[0]
            self.endRemoveRows()
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(entry)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self.endResetModel()

    def entry(self, row: int) -> LogEntry:
        return self._rows[row]

    # -- Qt model -------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 -- Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.header_texts()[section]

    @staticmethod
    def header_texts() -> list[str]:
        return [
            QCoreApplication.translate("LogModel", "Time"),
            QCoreApplication.translate("LogModel", "Result"),
            QCoreApplication.translate("LogModel", "Operation"),
            QCoreApplication.translate("LogModel", "Keys"),
            QCoreApplication.translate("LogModel", "HTTP"),
            QCoreApplication.translate("LogModel", "Code"),
            QCoreApplication.translate("LogModel", "Message"),
            QCoreApplication.translate("LogModel", "Duration"),
            QCoreApplication.translate("LogModel", "What to do"),
        ]

    @staticmethod
    def result_text(entry: LogEntry) -> str:
        words = {
            "ok": QCoreApplication.translate("LogModel", "OK"),
            "failed": QCoreApplication.translate("LogModel", "Failed"),
            "unknown": QCoreApplication.translate("LogModel", "Check"),
            "done": QCoreApplication.translate("LogModel", "Done"),
            "partial": QCoreApplication.translate("LogModel", "Partly failed"),
            "cancelled": QCoreApplication.translate("LogModel", "Cancelled"),
            "stopped": QCoreApplication.translate("LogModel", "Stopped"),
        }
        return words.get(entry.outcome, entry.outcome)

    @staticmethod
    def operation_text(operation: str) -> str:
        names = {
            "resend_email": QCoreApplication.translate("LogModel", "Resend email"),
            "assign_mgt_key": QCoreApplication.translate("LogModel", "Assign MgtKey"),
            "connection": QCoreApplication.translate("LogModel", "Test connection"),
            "keyring": QCoreApplication.translate("LogModel", "Keyring"),
            "settings": QCoreApplication.translate("LogModel", "Settings"),
            "batch": QCoreApplication.translate("LogModel", "Batch"),
        }
        return names.get(operation, operation)

    def cell_text(self, entry: LogEntry, column: int) -> str:
        name = self.COLUMNS[column]
        if name == "time":
            return entry.time.strftime("%H:%M:%S")
        if name == "result":
            return self.result_text(entry)
        if name == "operation":
            return self.operation_text(entry.operation)
        if name == "keys":
            return entry.keys
        if name == "http":
            return "" if entry.http_status is None else str(entry.http_status)
        if name == "code":
            return "" if entry.code is None else str(entry.code)
        if name == "message":
            return entry.message
        if name == "hint":
            return entry.hint or ""
        return "" if entry.duration is None else f"{entry.duration * 1000:.0f} ms"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(entry, index.column())
        if role == Qt.ItemDataRole.DecorationRole and column == "result":
            return outcome_icon(entry.outcome)
        if role == Qt.ItemDataRole.ForegroundRole and column == "result":
            return readable(QColor(OUTCOMES[entry.outcome][1]), background(QPalette.ColorRole.Base))
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.message if not entry.hint else f"{entry.message}\n→ {entry.hint}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.cell_text(entry, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("http", "code", "duration"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def rows_as_text(self, rows: list[int]) -> str:
        """Tab-separated rows with a header line: pastes into a spreadsheet, never as a formula (core/cells.py)."""
        from ...core.cells import tsv_line  # at the first Copy: Excel's cell rules are not needed to start

        lines = [tsv_line(self.header_texts())]
        for row in sorted(set(rows)):
            entry = self._rows[row]
            lines.append(tsv_line(self.cell_text(entry, c) for c in range(len(self.COLUMNS))))
        return "\n".join(lines)
