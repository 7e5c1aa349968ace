"""The batch tab's preview: the file's rows, our columns then the clerk's own, and one 결과 (result) column.

The result column comes second, right after the row number, so no filter and no wide column pushes it off screen.
Before a run it says what the row is (정상, 잘못된 행, a hidden row, one left out as done before); once a batch runs,
the row's state (완료, 실패, 확인 필요, …), never "정상" for a row POPBiLL refused. The why is in the message column:
the row's problems, POPBiLL's answer and our advice, or why it is left out. Code, HTTP status and duration are
columns too, hidden until chosen (열 선택). Types are words (매출/매입/위수탁), headers are words in both languages
(their API names in the tooltip). Rows differ by an icon and by words, not by colour alone; the colours are made
readable on the palette's background (dark mode included).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from ...batch.headers import HEADER_NAMES
from ...batch.model import COLUMNS, InputRow, Operation, RowOutcome, RowState, state_text
from ...core.errors import hint_for
from ...core.messages import text
from ..shared import i18n
from ..shared.palette import background, readable

Index = QModelIndex | QPersistentModelIndex

OK_COLOR: Final = "#1b5e20"
BAD_COLOR: Final = "#b71c1c"
CHECK_COLOR: Final = "#8a5300"
TYPES: Final = ("SELL", "BUY", "TRUSTEE")
OPTIONAL: Final = ("code", "http", "duration")  # hidden until chosen from 열 선택
EXTRA: Final = "extra:"  # the clerk's own columns: "extra:0", "extra:1", …


class Mark(Enum):
    """What a row is before it is sent (once a batch runs, its state says it)."""

    READY = "ready"
    INVALID = "invalid"
    HIDDEN = "hidden"  # Excel hides it, and the clerk has not chosen yet
    HIDDEN_SKIPPED = "hidden_skipped"
    HIDDEN_SENT = "hidden_sent"
    LEFT_OUT = "left_out"  # done or maybe done before: not sent unless asked


def _icon(pixmap: QStyle.StandardPixmap) -> object:
    return QApplication.style().standardIcon(pixmap)


def type_word(value: str) -> str:
    """A MgtKeyType as the clerk reads it (SELL → 매출 / sales); anything else (an invalid value) as written."""
    return text(f"type.{value}", i18n.lang()) if value in TYPES else value


def _extra_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


class PreviewModel(QAbstractTableModel):
    """The file's rows with what each is and, once a batch runs, its state and answer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._operation: Operation = "resend_email"
        self._rows: list[InputRow] = []
        self._positions: dict[int, int] = {}  # row number → position in the table
        self._outcomes: dict[int, RowOutcome] | None = None  # None: no batch yet
        self._keys: tuple[str, ...] = COLUMNS[self._operation]  # the file's own columns (an NTS file's differ)
        self._extras: tuple[str, ...] = ()  # the clerk's own columns' headers
        self._hidden: frozenset[int] = frozenset()  # rows Excel hides
        self._hidden_choice: str | None = None  # "send", "skip", or None: not chosen yet
        self._left_out: dict[int, str] = {}  # row → why it is left out (done or maybe done before)
        self._verified: dict[int, str] | None = None  # row → what a check on POPBiLL found; None: not checked
        self._columns = self._shown_columns()

    # -- contents ---------------------------------------------------------------------------------------
    def set_file(
        self,
        operation: Operation,
        rows: Sequence[InputRow],
        positions: dict[int, int] | None = None,
        columns: tuple[str, ...] | None = None,
        extras: tuple[str, ...] = (),
        hidden: Sequence[int] = (),
    ) -> list[object]:
        """Show these rows (`positions`: row number → index, when the caller has it already; `columns`: the file's
        key columns, when not the operation's own, e.g. an assign file by NTS number; `extras`: the clerk's own
        columns' headers; `hidden`: the rows Excel hides). Returns what the model held before, so that the caller
        can let go of a large file off the GUI thread."""
        self.beginResetModel()
        old: list[object] = [self._rows, self._positions, self._outcomes]
        self._operation = operation
        self._keys = columns if columns is not None else COLUMNS[operation]
        self._extras = tuple(extras)
        self._rows = rows if isinstance(rows, list) else list(rows)
        self._positions = positions if positions is not None else {row.row: i for i, row in enumerate(self._rows)}
        self._hidden = frozenset(hidden)
        self._outcomes = None
        self._left_out = {}
        self._verified = None
        self._columns = self._shown_columns()
        self.endResetModel()
        return old

    def set_outcomes(self, outcomes: dict[int, RowOutcome] | None) -> None:
        """Every row's outcome (None: none yet, the rows say what they are)."""
        self.beginResetModel()
        self._outcomes = None if outcomes is None else dict(outcomes)
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
            self.dataChanged.emit(self.index(min(positions), 0), self.index(max(positions), len(self._columns) - 1))

    def set_hidden_choice(self, choice: str | None) -> None:
        """What the clerk chose for the hidden rows: "send", "skip", or None (not yet)."""
        self._hidden_choice = choice
        self._changed()

    def set_left_out(self, reasons: dict[int, str]) -> None:
        """The rows left out as done or maybe done before, each with why ({}: none, or the clerk sends them)."""
        self._left_out = dict(reasons)
        self._changed()

    def set_verified(self, verdicts: dict[int, str] | None) -> None:
        """What a check on POPBiLL found for each row (a column of its own); None: no check."""
        self.beginResetModel()
        self._verified = None if verdicts is None else dict(verdicts)
        self._columns = self._shown_columns()
        self.endResetModel()

    def _changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1))

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
        outcome = self.outcome(row.row)
        if outcome is not None:
            return outcome.state in (RowState.FAILED, RowState.UNKNOWN) or (
                outcome.state is RowState.SKIPPED and not row.valid and not row.left_out
            )
        return self.mark(row) is Mark.INVALID

    def refresh_texts(self) -> None:
        """Headers and cells again, in the current language."""
        self._changed()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def columns(self) -> tuple[str, ...]:
        return self._columns  # asked for every cell painted: worked out when the file or its outcomes change

    def _shown_columns(self) -> tuple[str, ...]:
        verified = ("verified",) if self._verified is not None else ()
        extras = tuple(f"{EXTRA}{i}" for i in range(len(self._extras)))
        return ("row", "result", *verified, *self._keys, *extras, "message", *OPTIONAL)

    # -- words ------------------------------------------------------------------------------------------
    def header_text(self, column: str) -> str:
        if column.startswith(EXTRA):
            return self._extras[int(column[len(EXTRA):])]
        names = {
            "row": self.tr("Row"),
            "result": self.tr("Result"),
            "verified": self.tr("Checked on POPBiLL"),
            "mgt_key_type": self.tr("Type"),
            "mgt_key": self.tr("Document ID"),
            "receiver": self.tr("E-mail"),
            "item_key": self.tr("POPBiLL number"),
            "nts_confirm_num": self.tr("NTS number"),
            "message": self.tr("Message"),
            "code": self.tr("Code"),
            "http": self.tr("HTTP"),
            "duration": self.tr("Time (ms)"),
        }
        return names[column]

    def mark(self, row: InputRow) -> Mark:
        """What the row is before it is sent."""
        hidden = row.row in self._hidden
        if row.left_out or (hidden and self._hidden_choice == "skip"):
            return Mark.HIDDEN_SKIPPED
        if hidden and self._hidden_choice is None:
            return Mark.HIDDEN
        if not row.valid:
            return Mark.INVALID
        if row.row in self._left_out:
            return Mark.LEFT_OUT
        return Mark.HIDDEN_SENT if hidden else Mark.READY

    def mark_text(self, mark: Mark) -> str:
        words = {
            Mark.READY: self.tr("OK"),
            Mark.INVALID: self.tr("Invalid"),
            Mark.HIDDEN: self.tr("Hidden: choose"),
            Mark.HIDDEN_SKIPPED: self.tr("Hidden: left out"),
            Mark.HIDDEN_SENT: self.tr("OK (hidden row)"),
            Mark.LEFT_OUT: self.tr("Done before: left out"),
        }
        return words[mark]

    def result_words(self) -> list[str]:
        """Every word the result column can show (its width is measured from these, not from the rows)."""
        return [self.mark_text(m) for m in Mark] + [state_text(s, i18n.lang()) for s in RowState]

    def problems_text(self, row: InputRow) -> str:
        return " / ".join(problem.describe(i18n.lang()) for problem in row.problems)

    def result_text(self, row: InputRow) -> str:
        outcome = self.outcome(row.row)
        if outcome is not None:
            return state_text(outcome.state, i18n.lang())
        return self.mark_text(self.mark(row))

    def hint_text(self, outcome: RowOutcome) -> str | None:
        """Our advice for the row's answer, for what the batch does (an ItemKey not found is not a document ID)."""
        if outcome.code is None or outcome.code == 1:
            return None
        return hint_for(outcome.code, i18n.lang(), self._operation)

    def message_text(self, outcome: RowOutcome | None, row: InputRow) -> str:
        """Why the row is what it is: its problems, POPBiLL's answer and our advice, or why it is left out."""
        if outcome is None:
            mark = self.mark(row)
            if mark is Mark.HIDDEN:
                return self.tr("Excel hides this row: choose above whether to send the hidden rows.")
            if mark is Mark.HIDDEN_SKIPPED and not row.left_out:
                return text("batch.hidden_row", i18n.lang())
            if mark is Mark.LEFT_OUT:
                return self._left_out[row.row]
            return self.problems_text(row)
        if outcome.state is RowState.SKIPPED and not outcome.message:
            if not row.valid:  # skipped because invalid (or hidden, left out): why
                return self.problems_text(row)
            return self.tr("Not sent: the batch stopped before this row.")
        hint = self.hint_text(outcome)
        return f"{outcome.message} → {hint}" if hint else outcome.message

    def cell_text(self, row: InputRow, column: str) -> str:
        if column == "row":
            return str(row.row)
        if column == "result":
            return self.result_text(row)
        if column == "message":
            return self.message_text(self.outcome(row.row), row)
        if column in OPTIONAL:
            outcome = self.outcome(row.row)
            if outcome is None:
                return ""
            if column == "code":
                return "" if outcome.code is None else str(outcome.code)
            if column == "http":
                return "" if outcome.http_status is None else str(outcome.http_status)
            return "" if outcome.duration is None else f"{outcome.duration * 1000:.0f}"
        if column == "verified":
            return (self._verified or {}).get(row.row, "")
        if column.startswith(EXTRA):
            index = int(column[len(EXTRA):])
            return _extra_text(row.extras[index]) if index < len(row.extras) else ""
        value = row.values.get(column, "")
        return type_word(value) if column == "mgt_key_type" else value

    # -- Qt model ---------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 -- Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(column)
        if role == Qt.ItemDataRole.ToolTipRole and column in HEADER_NAMES:
            return HEADER_NAMES[column][0]  # the API's name, for whoever looks it up
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Called for every role of every cell a view measures or paints: the roles answered here are few.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        columns = self._columns
        if not 0 <= index.column() < len(columns):
            return None
        row = self._rows[index.row()]
        column = columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("result", "message", "verified"):
            if column == "result":
                return self.message_text(self.outcome(row.row), row) or None
            return self.cell_text(row, column) or None
        if column != "result":
            if role == Qt.ItemDataRole.TextAlignmentRole and column in ("row", *OPTIONAL):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        outcome = self.outcome(row.row)
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = _STATE_ICONS.get(outcome.state) if outcome is not None else _MARK_ICONS[self.mark(row)]
            return _icon(pixmap) if pixmap is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            color = _STATE_COLORS.get(outcome.state) if outcome is not None else _MARK_COLORS.get(self.mark(row))
            return readable(QColor(color), background(QPalette.ColorRole.Base)) if color is not None else None
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
_MARK_ICONS: Final[dict[Mark, QStyle.StandardPixmap]] = {
    Mark.READY: QStyle.StandardPixmap.SP_DialogApplyButton,
    Mark.INVALID: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Mark.HIDDEN: QStyle.StandardPixmap.SP_MessageBoxQuestion,
    Mark.HIDDEN_SKIPPED: QStyle.StandardPixmap.SP_DialogCancelButton,
    Mark.HIDDEN_SENT: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Mark.LEFT_OUT: QStyle.StandardPixmap.SP_DialogCancelButton,
}
_MARK_COLORS: Final[dict[Mark, str]] = {Mark.READY: OK_COLOR, Mark.INVALID: BAD_COLOR, Mark.HIDDEN: CHECK_COLOR}
