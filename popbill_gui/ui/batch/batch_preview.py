"""The batch tab's preview: the file's rows with their checks and, once a batch runs, each row's state and answer.

Invalid rows differ by an icon and by the words in the validation column, not by colour alone; the colours are made
readable on the palette's background (dark mode included). A skipped row says why in its message cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from ...batch.headers import HEADER_NAMES
from ...batch.model import COLUMNS, InputRow, Operation, RowOutcome, RowState, state_text
from ...core.errors import hint_for
from ..shared import i18n
from ..shared.palette import background, readable

Index = QModelIndex | QPersistentModelIndex

OK_COLOR: Final = "#1b5e20"
BAD_COLOR: Final = "#b71c1c"
CHECK_COLOR: Final = "#8a5300"


def _icon(pixmap: QStyle.StandardPixmap) -> object:
    return QApplication.style().standardIcon(pixmap)


class PreviewModel(QAbstractTableModel):
    """The file's rows: row number, values, validation; once a batch runs, also each row's state, code, message.

    Invalid rows differ by an icon and by the words in the validation column, not by colour alone.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._operation: Operation = "resend_email"
        self._rows: list[InputRow] = []
        self._positions: dict[int, int] = {}  # row number → position in the table
        self._outcomes: dict[int, RowOutcome] | None = None  # None: no batch yet, no state columns
        self._keys: tuple[str, ...] = COLUMNS[self._operation]  # the file's own columns (an NTS file's differ)
        self._columns = self._shown_columns()

    # -- contents ---------------------------------------------------------------------------------------
    def set_file(
        self,
        operation: Operation,
        rows: Sequence[InputRow],
        positions: dict[int, int] | None = None,
        columns: tuple[str, ...] | None = None,
    ) -> list[object]:
        """Show these rows (`positions`: row number → index, when the caller has it already; `columns`: the file's
        key columns, when not the operation's own, e.g. an assign file by NTS number). Returns what the model held
        before, so that the caller can let go of a large file off the GUI thread."""
        self.beginResetModel()
        old: list[object] = [self._rows, self._positions, self._outcomes]
        self._operation = operation
        self._keys = columns if columns is not None else COLUMNS[operation]
        self._rows = rows if isinstance(rows, list) else list(rows)
        self._positions = positions if positions is not None else {row.row: i for i, row in enumerate(self._rows)}
        self._outcomes = None
        self._columns = self._shown_columns()
        self.endResetModel()
        return old

    def set_outcomes(self, outcomes: dict[int, RowOutcome] | None) -> None:
        """Every row's outcome (None: hide the state columns)."""
        self.beginResetModel()
        self._outcomes = None if outcomes is None else dict(outcomes)
        self._columns = self._shown_columns()
        self.endResetModel()

    def update_outcomes(self, outcomes: Sequence[RowOutcome]) -> None:
        """Rows' outcomes as they arrive: one change signal for all of them."""
        if not outcomes:
            return
        if self._outcomes is None:
            self.set_outcomes({outcome.row: outcome for outcome in outcomes})
            return
        positions = []
        for outcome in outcomes:
            self._outcomes[outcome.row] = outcome
            position = self._positions.get(outcome.row)
            if position is not None:
                positions.append(position)
        if positions:
            columns = self.columns()
            self.dataChanged.emit(
                self.index(min(positions), columns.index("state")), self.index(max(positions), len(columns) - 1)
            )

    def outcome_count(self) -> int:
        return len(self._outcomes or {})

    def outcomes(self) -> dict[int, RowOutcome]:
        return dict(self._outcomes or {})

    def outcome(self, row: int) -> RowOutcome | None:
        """The outcome of the row with this spreadsheet row number, if a batch has given it one."""
        return None if self._outcomes is None else self._outcomes.get(row)

    def rows(self) -> list[InputRow]:
        return list(self._rows)

    def row_at(self, position: int) -> InputRow:
        return self._rows[position]

    def position(self, row: int) -> int | None:
        """Where the row with this spreadsheet row number is in the table."""
        return self._positions.get(row)

    def needs_attention(self, position: int) -> bool:
        """Whether the row at `position` is one the clerk must look at: invalid, failed, or its outcome unknown."""
        row = self._rows[position]
        if not row.valid:
            return True
        outcome = self.outcome(row.row)
        return outcome is not None and outcome.state in (RowState.FAILED, RowState.UNKNOWN)

    def refresh_texts(self) -> None:
        """Headers and cells again, in the current language."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns()) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns()) - 1)

    def columns(self) -> tuple[str, ...]:
        return self._columns  # asked for every cell painted: worked out when the file or its outcomes change

    def _shown_columns(self) -> tuple[str, ...]:
        return ("row", *self._keys, "check", *(_RUN_COLUMNS if self._outcomes is not None else ()))

    # -- Qt model ---------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 -- Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        columns = self.columns()
        if not 0 <= section < len(columns):
            return None
        return self.header_text(columns[section])

    def header_text(self, column: str) -> str:
        if column in HEADER_NAMES:
            english, korean = HEADER_NAMES[column]
            return english if i18n.lang() == "en" else korean  # as the file's header may name it
        names = {
            "row": self.tr("Row"),
            "check": self.tr("Validation"),
            "state": self.tr("Status"),
            "code": self.tr("Code"),
            "message": self.tr("Message"),
        }
        return names[column]

    def check_text(self, row: InputRow) -> str:
        if row.valid:
            return self.tr("OK")
        return " / ".join(problem.describe(i18n.lang()) for problem in row.problems)

    def hint_text(self, outcome: RowOutcome) -> str | None:
        """Our advice for the row's answer, for what the batch does (an ItemKey not found is not a document ID)."""
        if outcome.code is None or outcome.code == 1:
            return None
        return hint_for(outcome.code, i18n.lang(), self._operation)

    def message_text(self, outcome: RowOutcome, row: InputRow | None = None) -> str:
        if outcome.state is RowState.SKIPPED and not outcome.message:
            if row is not None and not row.valid:  # skipped because invalid: why
                return self.check_text(row)
            return self.tr("Not sent: the batch stopped before this row.")
        hint = self.hint_text(outcome)
        return f"{outcome.message} → {hint}" if hint else outcome.message

    def cell_text(self, row: InputRow, column: str) -> str:
        if column == "row":
            return str(row.row)
        if column == "check":
            return self.check_text(row)
        if column in ("state", "code", "message"):
            outcome = self.outcome(row.row)
            if outcome is None:
                return ""
            if column == "state":
                return state_text(outcome.state, i18n.lang())
            if column == "code":
                return "" if outcome.code is None else str(outcome.code)
            return self.message_text(outcome, row)
        return row.values.get(column, "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Called for every role of every cell a view measures or paints: the roles answered here are few.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        columns = self.columns()
        if not 0 <= index.column() < len(columns):
            return None
        row = self._rows[index.row()]
        column = columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("check", "message"):
            if column == "check" and not row.valid:
                return "\n".join(problem.describe(i18n.lang()) for problem in row.problems)
            return self.cell_text(row, column) or None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == "check":
                return _icon(
                    QStyle.StandardPixmap.SP_DialogApplyButton
                    if row.valid
                    else QStyle.StandardPixmap.SP_MessageBoxWarning
                )
            if column == "state":
                outcome = self.outcome(row.row)
                pixmap = _STATE_ICONS.get(outcome.state) if outcome is not None else None
                return _icon(pixmap) if pixmap is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "check":
                return readable(QColor(OK_COLOR if row.valid else BAD_COLOR), background(QPalette.ColorRole.Base))
            if column == "state":
                outcome = self.outcome(row.row)
                color = _STATE_COLORS.get(outcome.state) if outcome is not None else None
                return readable(QColor(color), background(QPalette.ColorRole.Base)) if color is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("row", "code"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


_ROLES: Final = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)
_RUN_COLUMNS: Final = ("state", "code", "message")  # shown once a batch runs
_STATE_ICONS: Final[dict[RowState, QStyle.StandardPixmap]] = {
    RowState.DONE: QStyle.StandardPixmap.SP_DialogApplyButton,
    RowState.FAILED: QStyle.StandardPixmap.SP_MessageBoxCritical,
    RowState.UNKNOWN: QStyle.StandardPixmap.SP_MessageBoxQuestion,
    RowState.SKIPPED: QStyle.StandardPixmap.SP_DialogCancelButton,
    RowState.SENDING: QStyle.StandardPixmap.SP_BrowserReload,
}
_STATE_COLORS: Final[dict[RowState, str]] = {
    RowState.DONE: OK_COLOR,
    RowState.FAILED: BAD_COLOR,
    RowState.UNKNOWN: CHECK_COLOR,
}


