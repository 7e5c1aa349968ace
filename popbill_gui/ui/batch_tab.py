"""The batch tab (일괄 처리): a CSV or Excel file in, one call per row out, watched, cancellable, resumable, exported.

The rules are the Qt-free batch code's: `batch.reader` reads and validates, `storage.history` journals,
`batch.runner.BatchRunner` sends, `batch.export` writes the results. The run happens on a plain daemon thread
that also builds the client (its first build imports requests, which the GUI thread must not wait for); the
runner's threads report each row through `_Relay`, a QObject living on the GUI thread, so Qt queues every report
to the GUI and no other thread ever touches a widget.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..batch.export import result_table, write_results
from ..batch.model import COLUMNS, OPERATIONS, InputRow, Operation, RowOutcome, RowState, state_text
from ..batch.reader import HEADER_NAMES, BatchFile, BatchFileError, read_batch
from ..batch.runner import DEFAULT_CONCURRENCY, MAX_CONCURRENCY, BatchResult, BatchRunner, Progress, Stop
from ..core.errors import Kind, PopbillError, hint_for
from ..core.messages import Lang
from ..storage.history import HistoryError
from .export_dialog import ask_export_path
from .session import Session, Source

if TYPE_CHECKING:
    from ..storage.history import History

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
Confirm = Callable[[str, str], bool]

DROP_SUFFIXES: Final = (".csv", ".xlsx")
# Rows' outcomes reach the preview in batches, at most this often: a fast batch (hundreds of rows a second) must
# not flood the event loop with one signal and one repaint per row.
DRAIN_INTERVAL_MS: Final = 100
_OK_COLOR: Final = "#1b5e20"
_BAD_COLOR: Final = "#b71c1c"
_CHECK_COLOR: Final = "#8a5300"


def dropped_file(mime: QMimeData) -> str | None:
    """The one local .csv/.xlsx file a drag carries, or None (the window uses it to forward drops)."""
    if not mime.hasUrls():
        return None
    urls = [url for url in mime.urls() if url.isLocalFile()]
    if len(urls) != 1:
        return None
    path = urls[0].toLocalFile()
    return path if Path(path).suffix.lower() in DROP_SUFFIXES else None


def _icon(pixmap: QStyle.StandardPixmap) -> object:
    return QApplication.style().standardIcon(pixmap)


# ---- the preview ------------------------------------------------------------------------------------------


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
        self._lang: Lang = "ko"

    # -- contents ---------------------------------------------------------------------------------------
    def set_file(self, operation: Operation, rows: Sequence[InputRow]) -> None:
        self.beginResetModel()
        self._operation = operation
        self._rows = list(rows)
        self._positions = {row.row: i for i, row in enumerate(self._rows)}
        self._outcomes = None
        self.endResetModel()

    def set_outcomes(self, outcomes: dict[int, RowOutcome] | None) -> None:
        """Every row's outcome (None: hide the state columns)."""
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
            columns = self.columns()
            self.dataChanged.emit(
                self.index(min(positions), columns.index("state")), self.index(max(positions), len(columns) - 1)
            )

    def outcomes(self) -> dict[int, RowOutcome]:
        return dict(self._outcomes or {})

    def outcome(self, row: int) -> RowOutcome | None:
        """The outcome of the row with this spreadsheet row number, if a batch has given it one."""
        return None if self._outcomes is None else self._outcomes.get(row)

    def rows(self) -> list[InputRow]:
        return list(self._rows)

    def set_lang(self, lang: Lang) -> None:
        self._lang = lang
        self.refresh_texts()

    def refresh_texts(self) -> None:
        """Headers and cells again, in the current language."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns()) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns()) - 1)

    def columns(self) -> tuple[str, ...]:
        base = ("row", *COLUMNS[self._operation], "check")
        return (*base, "state", "code", "message") if self._outcomes is not None else base

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
            return english if self._lang == "en" else korean  # as the file's header may name it
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
        return " / ".join(problem.describe(self._lang) for problem in row.problems)

    def message_text(self, outcome: RowOutcome) -> str:
        hint = hint_for(outcome.code, self._lang) if outcome.code is not None and outcome.code != 1 else None
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
                return state_text(outcome.state, self._lang)
            if column == "code":
                return "" if outcome.code is None else str(outcome.code)
            return self.message_text(outcome)
        return row.values.get(column, "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
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
                return "\n".join(problem.describe(self._lang) for problem in row.problems)
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
                return QColor(_OK_COLOR if row.valid else _BAD_COLOR)
            if column == "state":
                outcome = self.outcome(row.row)
                color = _STATE_COLORS.get(outcome.state) if outcome is not None else None
                return QColor(color) if color is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("row", "code"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


_STATE_ICONS: Final[dict[RowState, QStyle.StandardPixmap]] = {
    RowState.DONE: QStyle.StandardPixmap.SP_DialogApplyButton,
    RowState.FAILED: QStyle.StandardPixmap.SP_MessageBoxCritical,
    RowState.UNKNOWN: QStyle.StandardPixmap.SP_MessageBoxQuestion,
    RowState.SKIPPED: QStyle.StandardPixmap.SP_DialogCancelButton,
    RowState.SENDING: QStyle.StandardPixmap.SP_BrowserReload,
}
_STATE_COLORS: Final[dict[RowState, str]] = {
    RowState.DONE: _OK_COLOR,
    RowState.FAILED: _BAD_COLOR,
    RowState.UNKNOWN: _CHECK_COLOR,
}


# ---- the run, off the GUI thread ----------------------------------------------------------------------------


class _Relay(QObject):
    """Created on the GUI thread: the batch's threads emit through it, so Qt queues every signal to the GUI."""

    started = Signal(int)  # the batch's id, once journaled
    rows_ready = Signal()  # rows' outcomes wait in the job's inbox (sent once until the GUI takes them)
    ended = Signal(object)  # BatchResult
    crashed = Signal(object)  # an unexpected exception: the batch stopped where it was (resumable)


@dataclass(frozen=True)
class _Plan:
    """Plain data for one run: what to send, and either the batch to continue or what to journal a new one with."""

    operation: Operation
    rows: list[InputRow]
    concurrency: int
    batch_id: int | None  # None: journal a new batch with `create`
    create: dict[str, Any]


class _BatchJob:
    """One run on its own daemon thread: builds the client, journals a new batch if asked, runs the runner.

    Holds no widget. `cancel()` may be called from the GUI thread at any time, before or during the run.
    """

    def __init__(self, session: Session, history: History, plan: _Plan, relay: _Relay) -> None:
        self.session = session
        self.history = history
        self.plan = plan
        self.relay = relay
        self._lock = threading.Lock()
        self._cancelled = False
        self._runner: BatchRunner | None = None
        self._inbox: list[RowOutcome] = []
        self._progress: Progress | None = None

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            runner = self._runner
        if runner is not None:
            runner.cancel()

    def _on_row(self, outcome: RowOutcome, progress: Progress) -> None:
        # On a runner thread: never touch a widget. Copies, since the runner goes on changing its own; one signal
        # when the inbox stops being empty, not one per row.
        with self._lock:
            self._inbox.append(replace(outcome))
            self._progress = replace(progress)
            first = len(self._inbox) == 1
        if first:
            self.relay.rows_ready.emit()

    def take_rows(self) -> tuple[list[RowOutcome], Progress | None]:
        """The outcomes reported since the last call, and the latest progress (GUI thread)."""
        with self._lock:
            rows, self._inbox = self._inbox, []
            return rows, self._progress

    def run(self) -> None:
        plan = self.plan
        try:
            try:
                client = self.session.client()
            except PopbillError as exc:  # no credentials, no CorpNum, a bad URL: nothing journaled, nothing sent
                self.relay.ended.emit(BatchResult(plan.batch_id or 0, Stop.CREDENTIALS, {}, exc))
                return
            with self._lock:
                if self._cancelled and plan.batch_id is None:
                    self.relay.ended.emit(BatchResult(0, Stop.CANCELLED, {}))
                    return
            batch_id = plan.batch_id if plan.batch_id is not None else self.history.create_batch(**plan.create)
            self.relay.started.emit(batch_id)
            runner = BatchRunner(
                client, self.history, plan.operation, concurrency=plan.concurrency, on_row=self._on_row
            )
            with self._lock:
                self._runner = runner
                if self._cancelled:
                    runner.cancel()
            result = runner.run(batch_id, plan.rows)
            if result.stop is Stop.COMPLETED:
                self.history.finish_batch(batch_id, "completed")
            self.relay.ended.emit(result)
        except Exception as exc:  # reported to the window: never a dead thread without a word
            log.exception("the batch stopped unexpectedly")
            self.relay.crashed.emit(exc)


# ---- the tab ------------------------------------------------------------------------------------------------


class BatchTab(QWidget):
    """일괄 처리: choose a file (or drop it), choose the operation, check the preview, start, watch, cancel, export."""

    finished = Signal(object)  # the runner's BatchResult when a run ends (batch_id 0: nothing was journaled)

    def __init__(
        self,
        session: Session,
        history: Callable[[], History],
        confirm: Confirm,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batchTab")
        self.session = session
        self._history = history
        self.confirm = confirm
        self._lang: Lang = session.settings.lang
        self._path: str | None = None
        self._file: BatchFile | None = None
        self._batch_id: int | None = None
        self._completed = False  # a batch of the file as loaded completed: sending it again needs a new choice
        self._job: _BatchJob | None = None
        self._cancelling = False
        self._closed = False
        self._progress: Progress | None = None
        self._status: Callable[[], str] = lambda: ""
        self._note: Callable[[], str] | None = None
        self._drain_timer = QTimer(self)
        self._drain_timer.setSingleShot(True)
        self._drain_timer.setInterval(DRAIN_INTERVAL_MS)
        self._drain_timer.timeout.connect(self._drain)
        self._build()
        self.setAcceptDrops(True)
        self.retranslate()
        self._set_status(self._idle_text)

    # -- construction ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.operation_label = QLabel(self)
        self.operation = QComboBox(self)
        self.operation.setObjectName("batchOperation")
        for operation in OPERATIONS:
            self.operation.addItem("", operation)
        self.operation_label.setBuddy(self.operation)
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("batchChoose")
        self.file_label = QLabel(self)
        self.file_label.setObjectName("batchFile")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long path must not widen the window: it is cut by the layout, the tooltip holds it whole.
        self.file_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.skip_invalid = QCheckBox(self)
        self.skip_invalid.setObjectName("batchSkipInvalid")
        self.resend_unknown = QCheckBox(self)
        self.resend_unknown.setObjectName("batchResendUnknown")
        self.concurrency_label = QLabel(self)
        self.concurrency = QSpinBox(self)
        self.concurrency.setObjectName("batchConcurrency")
        self.concurrency.setRange(1, MAX_CONCURRENCY)
        self.concurrency.setValue(DEFAULT_CONCURRENCY)
        self.concurrency_label.setBuddy(self.concurrency)

        self.model = PreviewModel(self)
        self.model.set_lang(self._lang)
        self.preview = QTableView(self)
        self.preview.setObjectName("batchPreview")
        self.preview.setModel(self.model)
        # Fit columns to a sample of rows, not to all of them: 10,000 rows would stall the window for seconds.
        self.preview.horizontalHeader().setResizeContentsPrecision(200)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.preview.setWordWrap(False)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(200)
        # Columns are fitted when a file is loaded, not when the state columns appear at start and end:
        # measuring a thousand rows' texts then stalled the window for ~100 ms (benchmarks/bench_batch.py).

        self.progress = QProgressBar(self)
        self.progress.setObjectName("batchProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setObjectName("batchStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.start_button = QPushButton(self)
        self.start_button.setObjectName("batchStart")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("batchCancel")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("batchExport")

        top = QHBoxLayout()
        top.addWidget(self.operation_label)
        top.addWidget(self.operation)
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        options = QHBoxLayout()
        options.addWidget(self.skip_invalid)
        options.addWidget(self.resend_unknown)
        options.addStretch(1)
        options.addWidget(self.concurrency_label)
        options.addWidget(self.concurrency)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        self.operation.currentIndexChanged.connect(self._operation_changed)
        self.choose_button.clicked.connect(self.choose_file)
        self.skip_invalid.toggled.connect(self._skip_invalid_toggled)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button.clicked.connect(self.export_results)
        for first, second in zip(
            (self.operation, self.choose_button, self.skip_invalid, self.resend_unknown, self.concurrency, self.preview,
             self.start_button, self.cancel_button),
            (self.choose_button, self.skip_invalid, self.resend_unknown, self.concurrency, self.preview,
             self.start_button, self.cancel_button, self.export_button),
            strict=True,
        ):  # fmt: skip
            QWidget.setTabOrder(first, second)

    def _fit_columns(self) -> None:
        columns = self.model.columns()
        for column in range(len(columns) - 1):
            self.preview.resizeColumnToContents(column)

    # -- state ----------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def batch_id(self) -> int | None:
        """The journaled batch shown in the preview, if any."""
        return self._batch_id

    def current_operation(self) -> Operation:
        return cast("Operation", self.operation.currentData())

    def set_operation(self, operation: Operation) -> None:
        """Choose the operation as the combo box does (the loaded file is read again for it)."""
        index = self.operation.findData(operation)
        if index < 0:
            raise ValueError(f"unknown operation: {operation!r}")
        self.operation.setCurrentIndex(index)

    def _environment(self) -> str:
        return "demo" if self.session.demo else self.session.settings.env

    def _production(self) -> bool:
        return self._environment() == "production"

    def _start_blocker(self) -> str | None:
        """Why Start cannot be pressed now, in words; None when it can."""
        file = self._file
        if self.busy:
            return self.tr("A batch is running.")
        if file is None:
            return self.tr("Choose a CSV or Excel file (or drop it here).")
        if self._completed:
            return self.tr("This file has been sent. Choose it again to send it again.")
        invalid = len(file.invalid_rows)
        if invalid and not self.skip_invalid.isChecked():
            return self.tr(
                "%1 rows are invalid: nothing can be sent. Fix the file, or tick “Skip invalid rows” to send only the "
                "valid ones."
            ).replace("%1", str(invalid))
        if not file.valid_rows:
            return self.tr("No valid row to send.")
        return None

    def refresh(self) -> None:
        busy = self.busy
        for widget in (self.operation, self.choose_button, self.skip_invalid, self.concurrency):
            widget.setEnabled(not busy)
        resend = self.current_operation() == "resend_email"
        self.resend_unknown.setEnabled(not busy and resend)
        if not resend:
            self.resend_unknown.setChecked(False)
        blocker = self._start_blocker()
        self.start_button.setEnabled(blocker is None)
        self.start_button.setToolTip(blocker or self.tr("Send one call per valid row of the file."))
        self.cancel_button.setEnabled(busy and not self._cancelling)
        self.export_button.setEnabled(not busy and self._file is not None)

    # -- status line ----------------------------------------------------------------------------------
    def _set_status(self, producer: Callable[[], str]) -> None:
        """Show a status; kept as a function so a language change can say it again in the new language."""
        self._status = producer
        self._note = None
        self._show_status()

    def _show_status(self) -> None:
        text = self._status()
        if self._note is not None:
            text = f"{text}\n{self._note()}" if text else self._note()
        self.status.setText(text)

    def _idle_text(self) -> str:
        file = self._file
        if file is None:
            return self._start_blocker() or ""
        invalid = len(file.invalid_rows)
        summary = (
            self.tr("%1 rows read: %2 valid, %3 invalid.")
            .replace("%1", str(len(file.rows)))
            .replace("%2", str(len(file.rows) - invalid))
            .replace("%3", str(invalid))
        )
        blocker = self._start_blocker()
        return f"{summary} {blocker}" if blocker else summary

    def _duration_text(self, seconds: float) -> str:
        total = max(0, round(seconds))
        if total < 60:
            return self.tr("%1 s").replace("%1", str(total))
        minutes, secs = divmod(total, 60)
        if minutes < 60:
            return self.tr("%1 min %2 s").replace("%1", str(minutes)).replace("%2", str(secs))
        hours, minutes = divmod(minutes, 60)
        return self.tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))

    def _counts_text(self, done: int, failed: int, unknown: int, left: int) -> str:
        return (
            self.tr("Done %1 · failed %2 · check %3 · left %4")
            .replace("%1", str(done))
            .replace("%2", str(failed))
            .replace("%3", str(unknown))
            .replace("%4", str(left))
        )

    def _running_text(self) -> str:
        progress = self._progress
        if progress is None:
            text = self.tr("Starting…")
        else:
            parts = [self._counts_text(progress.done, progress.failed, progress.unknown, progress.left)]
            if progress.finished:
                parts.append(self.tr("%1 rows/s").replace("%1", f"{progress.rate:.1f}"))
            eta = progress.eta
            if eta is not None and progress.left:
                parts.append(self.tr("about %1 left").replace("%1", self._duration_text(eta)))
            text = " · ".join(parts)
        return f"{self._cancelling_text()}\n{text}" if self._cancelling else text

    def _cancelling_text(self) -> str:
        return self.tr("Cancelling: no new call is sent; the calls in flight finish and are recorded…")

    def _ended_text(self, result: BatchResult, outcomes: dict[int, RowOutcome]) -> str:
        error = result.error
        if result.batch_id == 0:  # nothing journaled
            if error is not None:
                return self.tr("Not started: %1").replace("%1", self._error_text(error))
            return self.tr("Cancelled: nothing was sent.")
        counts = dict.fromkeys(RowState, 0)
        for outcome in outcomes.values():
            counts[outcome.state] += 1
        not_sent = counts[RowState.PENDING] + counts[RowState.SENDING]
        lines = []
        if result.stop is Stop.COMPLETED:
            lines.append(self.tr("Finished."))
        elif result.stop is Stop.CANCELLED:
            lines.append(
                self.tr("Cancelled: %1 rows were not sent. Press Start to resume the batch.").replace(
                    "%1", str(not_sent)
                )
            )
        else:
            reason = self._error_text(error) if error is not None else result.stop.value
            lines.append(
                self.tr("Stopped: %1").replace("%1", reason)
                + "\n"
                + self.tr(
                    "This refusal would hit every row, so %1 rows were not sent. Fix it, then press Start to "
                    "resume the batch."
                ).replace("%1", str(not_sent))
            )
        counts_line = self._counts_text(
            counts[RowState.DONE], counts[RowState.FAILED], counts[RowState.UNKNOWN], not_sent
        )
        if counts[RowState.SKIPPED]:
            counts_line += " · " + self.tr("skipped %1").replace("%1", str(counts[RowState.SKIPPED]))
        lines.append(counts_line)
        if counts[RowState.UNKNOWN]:
            lines.append(
                self.tr(
                    "%1 rows may or may not have been carried out: check them on the POPBiLL website (확인 필요)."
                ).replace("%1", str(counts[RowState.UNKNOWN]))
            )
        return "\n".join(lines)

    @staticmethod
    def _error_text(error: PopbillError) -> str:
        text = f"[{error.code}] {error.message}"
        return f"{text} → {error.hint}" if error.hint else text

    # -- language -------------------------------------------------------------------------------------
    def set_lang(self, lang: Lang) -> None:
        """The language of the core's sentences (row problems, states, hints)."""
        self._lang = lang
        self.model.set_lang(lang)
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Resend mails or assign document IDs for many invoices at once, from a CSV or Excel file with a "
                "header row. Every row is checked before anything is sent."
            )
        )
        self.operation_label.setText(self.tr("&Operation"))
        names = {"resend_email": self.tr("Resend email"), "assign_mgt_key": self.tr("Assign MgtKey")}
        for i in range(self.operation.count()):
            self.operation.setItemText(i, names[self.operation.itemData(i)])
        self.operation.setAccessibleName(self.tr("Operation"))
        self.choose_button.setText(self.tr("C&hoose file…"))
        self.choose_button.setToolTip(
            self.tr("A CSV (UTF-8 or CP949) or Excel (.xlsx) file; you can also drop it here.")
        )
        self.file_label.setAccessibleName(self.tr("File"))
        self.file_label.setToolTip(self._path or "")
        if self._path is None:
            self.file_label.setText(self.tr("No file chosen."))
        self.skip_invalid.setText(self.tr("Skip &invalid rows"))
        self.skip_invalid.setToolTip(self.tr("Send the valid rows only; the invalid ones are listed as skipped."))
        self.resend_unknown.setText(self.tr("Re-send mails whose outcome is &unknown"))
        self.resend_unknown.setToolTip(
            self.tr(
                "When resuming a Resend email batch: send again the rows that may or may not have been sent. "
                "Document IDs are never assigned twice."
            )
        )
        self.concurrency_label.setText(self.tr("Calls at a &time"))
        self.concurrency.setToolTip(
            self.tr("How many calls run at once (1 to %1).").replace("%1", str(MAX_CONCURRENCY))
        )
        self.preview.setAccessibleName(self.tr("Rows of the file"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self.start_button.setText(self.tr("&Start"))
        self.cancel_button.setText(self.tr("Ca&ncel"))
        self.cancel_button.setToolTip(self.tr("Send no new call; the calls in flight finish and are recorded."))
        self.export_button.setText(self.tr("E&xport results…"))
        self.export_button.setToolTip(
            self.tr("Every row of the file in its order with its status, code and message, as CSV or Excel.")
        )
        self.model.refresh_texts()
        self.refresh()
        self._show_status()

    # -- the file -------------------------------------------------------------------------------------
    def _operation_changed(self) -> None:
        if self._path is not None and not self.busy:
            self.load_file(self._path)  # the columns and the rules depend on the operation
        else:
            self.refresh()

    def _skip_invalid_toggled(self) -> None:
        self.refresh()
        if not self.busy and self._batch_id is None:
            self._set_status(self._idle_text)

    def choose_file(self) -> None:
        folder = str(Path(self._path).parent) if self._path else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a batch file"), folder, self.tr("CSV or Excel (*.csv *.xlsx)")
        )
        if path:
            self.load_file(path)

    def _show_path(self, path: str) -> None:
        self._path = path
        self.file_label.setText(path)
        self.file_label.setToolTip(path)

    def load_file(self, path: str) -> bool:
        """Read, validate and preview `path` for the chosen operation; False (the reason shown) if refused."""
        if self.busy:
            self._set_status(lambda: self.tr("A batch is running: wait for it to end, or cancel it."))
            return False
        path = str(Path(path).absolute())
        self._show_path(path)
        self._batch_id = None
        self._completed = False
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        try:
            file = read_batch(path, self.current_operation())
        except BatchFileError as exc:
            refusal = exc
            self._file = None
            self.model.set_file(self.current_operation(), [])
            self.refresh()
            self._set_status(
                lambda: self.tr("The file cannot be used, nothing will be sent: %1").replace(
                    "%1", refusal.describe(self._lang)
                )
            )
            return False
        self._file = file
        self.model.set_file(file.operation, file.rows)
        self._fit_columns()
        self.refresh()
        self._set_status(self._idle_text)
        return True

    # -- drag and drop --------------------------------------------------------------------------------
    def _drag(self, event: QDragMoveEvent) -> None:
        if not self.busy and dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event.mimeData())
        if path is None or self.busy:
            event.ignore()
            return
        event.acceptProposedAction()
        self.load_file(path)

    # -- starting -------------------------------------------------------------------------------------
    def _confirm_send(self, operation: Operation, count: int) -> bool:
        """Production: every batch; AssignMgtKey: always (it cannot be undone). False: send nothing."""
        production = self.tr("This is the PRODUCTION environment (운영): the calls are real.")
        if operation == "assign_mgt_key":
            text = self.tr(
                "Assign document IDs to %1 invoices, as listed in the file?\n\nThis cannot be undone: an invoice keeps "
                "its document ID."
            ).replace("%1", str(count))
            if self._production():
                text = f"{production}\n\n{text}"
            return self.confirm(self.tr("Assign MgtKey"), text)
        if self._production():
            text = self.tr("%1 notification mails will be sent to real customers.\n\nContinue?").replace(
                "%1", str(count)
            )
            return self.confirm(self.tr("Production"), f"{production}\n\n{text}")
        return True

    def _history_to_send_with(self) -> History | None:
        """The history journal, when there are credentials to send with and it opens; None (reason shown) if not."""
        if self.session.source is Source.PENDING:
            self._set_status(lambda: self.tr("The credentials are still being read from the keyring: try again."))
            return None
        if self.session.credentials is None:
            self._set_status(lambda: PopbillError.client(Kind.NO_CREDENTIALS, self._lang).message)
            return None
        try:
            return self._history()
        except HistoryError as exc:
            error = str(exc)
            self._set_status(lambda: self.tr("The history cannot be used, so nothing is sent: %1").replace("%1", error))
            return None

    def start(self) -> bool:
        """What the Start button does; False if nothing was started (the reason shown)."""
        blocker = self._start_blocker()
        file = self._file
        if blocker is not None or file is None:
            self.refresh()
            self._set_status(lambda: self._start_blocker() or "")
            return False
        history = self._history_to_send_with()
        if history is None:
            return False
        fingerprint = file.fingerprint()
        environment, corp_num = self._environment(), self.session.settings.corp_num or ""
        try:
            unfinished = [
                batch
                for batch in history.unfinished_batches(fingerprint)
                if (batch.environment, batch.corp_num) == (environment, corp_num)
            ]
        except HistoryError as exc:
            error = str(exc)
            self._set_status(lambda: self.tr("The history cannot be used: %1").replace("%1", error))
            return False
        if unfinished:
            # A new batch would send the rows already done again: this file's interrupted batch is continued instead.
            info = unfinished[0]
            left = info.counts[RowState.PENDING]
            check = info.counts[RowState.SENDING] + info.counts[RowState.UNKNOWN]
            text = (
                self.tr(
                    "This file has an interrupted batch: %1 rows done, %2 not sent yet, %3 to check.\n\nResume it? "
                    "The rows already sent are not sent again."
                )
                .replace("%1", str(info.counts[RowState.DONE]))
                .replace("%2", str(left))
                .replace("%3", str(check))
            )
            if self.confirm(self.tr("Interrupted batch"), text):
                return self.resume(info.id)
            self._set_status(
                lambda: self.tr(
                    "Not started: this file has an interrupted batch. Resume it to send the rest; starting anew would "
                    "send the rows already done again."
                )
            )
            return False
        operation = file.operation
        rows = file.valid_rows
        if not self._confirm_send(operation, len(rows)):
            self._set_status(lambda: self.tr("Not started: nothing was sent."))
            return False
        concurrency = self.concurrency.value()
        create = {
            "operation": operation,
            "source": str(file.path),
            "fingerprint": fingerprint,
            "environment": environment,
            "corp_num": corp_num,
            "rows": file.rows,
            "concurrency": concurrency,
            "skip_invalid": self.skip_invalid.isChecked(),
        }
        self._launch(history, _Plan(operation, rows, concurrency, None, create))
        return True

    def resume(self, batch_id: int) -> bool:
        """Continue an interrupted batch: done rows are skipped, rows never started are sent, rows whose outcome is
        unknown are flagged for checking (and, for Resend email only, sent again when the box is ticked)."""
        if self.busy:
            self._set_status(lambda: self.tr("A batch is running: wait for it to end, or cancel it."))
            return False
        history = self._history_to_send_with()
        if history is None:
            return False
        try:
            info = history.batch(batch_id)
        except HistoryError as exc:
            error = str(exc)
            self._set_status(lambda: self.tr("The batch cannot be resumed: %1").replace("%1", error))
            return False
        number = str(batch_id)
        if not info.unfinished:
            self._set_status(lambda: self.tr("Batch %1 has already finished: nothing to resume.").replace("%1", number))
            return False
        environment, corp_num = self._environment(), self.session.settings.corp_num or ""
        if (info.environment, info.corp_num) != (environment, corp_num):
            self._set_status(
                lambda: (
                    self.tr(
                        "Batch %1 was started in the %2 environment for CorpNum %3: switch to them in Settings "
                        "to resume it."
                    )
                    .replace("%1", number)
                    .replace("%2", info.environment)
                    .replace("%3", info.corp_num or "-")
                )
            )
            return False
        if info.operation not in OPERATIONS:
            self._set_status(lambda: self.tr("Batch %1 cannot be resumed by this version.").replace("%1", number))
            return False
        operation = info.operation
        try:
            file = read_batch(info.source, operation)
        except BatchFileError as exc:
            refusal = exc
            self._set_status(
                lambda: (
                    self.tr("Batch %1 cannot be resumed: its file cannot be read. %2")
                    .replace("%1", number)
                    .replace("%2", refusal.describe(self._lang))
                )
            )
            return False
        if file.fingerprint() != info.fingerprint:
            self._set_status(
                lambda: (
                    self.tr(
                        "Batch %1 cannot be resumed: its file %2 has changed since the batch started. Put the original "
                        "file back, or check the rows on the POPBiLL website."
                    )
                    .replace("%1", number)
                    .replace("%2", info.source)
                )
            )
            return False
        try:
            history.recover(batch_id)  # rows left "sending" by a crash become "unknown": never sent blindly again
            journal = history.batch_rows(batch_id)
        except HistoryError as exc:
            error = str(exc)
            self._set_status(lambda: self.tr("The batch cannot be resumed: %1").replace("%1", error))
            return False

        # Show the batch: its operation, its file, every row's state so far.
        self.operation.blockSignals(True)
        self.operation.setCurrentIndex(self.operation.findData(operation))
        self.operation.blockSignals(False)
        self._show_path(info.source)
        self._file = file
        self._completed = False
        self._batch_id = batch_id
        self.model.set_file(operation, file.rows)
        self._fit_columns()
        self.model.set_outcomes({j.row: j.outcome for j in journal})
        self.refresh()

        wanted = {RowState.PENDING}
        if operation == "resend_email" and self.resend_unknown.isChecked():
            wanted.add(RowState.UNKNOWN)
        states = {j.row: j.outcome.state for j in journal}
        rows = [row for row in file.valid_rows if states.get(row.row) in wanted]
        if rows and not self._confirm_send(operation, len(rows)):
            self._set_status(lambda: self.tr("Not resumed: nothing was sent."))
            return False
        concurrency = self.concurrency.value()
        self._launch(history, _Plan(operation, rows, concurrency, batch_id, {}))
        return True

    def _launch(self, history: History, plan: _Plan) -> None:
        relay = _Relay()  # no Qt parent: the job holds it, so a late report never reaches a deleted object
        relay.started.connect(self._on_started)
        relay.rows_ready.connect(self._on_rows_ready)
        relay.ended.connect(self._on_ended)
        relay.crashed.connect(self._on_crashed)
        job = _BatchJob(self.session, history, plan, relay)
        self._job = job
        self._cancelling = False
        self._completed = False
        self._progress = None
        self.progress.setRange(0, max(len(plan.rows), 1))
        self.progress.setValue(0)
        self.refresh()
        self._set_status(self._running_text)
        # A plain thread, not the window's pool: a batch may run for minutes and must not hold single calls back.
        threading.Thread(target=job.run, name="batch-tab", daemon=True).start()

    # -- reports from the run (GUI thread) ------------------------------------------------------------
    def _on_started(self, batch_id: int) -> None:
        if self._closed:
            return
        self._batch_id = batch_id
        try:
            journal = self._history().batch_rows(batch_id)
        except HistoryError:
            log.exception("the journal of batch %s cannot be read", batch_id)
            return
        known = self.model.outcomes()  # rows reported before this arrived keep their newer state
        self.model.set_outcomes({j.row: known.get(j.row, j.outcome) for j in journal})

    def _on_rows_ready(self) -> None:
        if not self._closed and not self._drain_timer.isActive():
            self._drain_timer.start()

    def _drain(self) -> None:
        """Show the outcomes that arrived since the last time: preview, progress bar, status line."""
        job = self._job
        if job is None or self._closed:
            return
        outcomes, progress = job.take_rows()
        self.model.update_outcomes(outcomes)
        if progress is not None:
            self._progress = progress
            self.progress.setValue(progress.finished)
        self._show_status()

    def _on_ended(self, result: BatchResult) -> None:
        if self._closed:
            return
        self._drain()  # the last rows, before the journal is read
        self._drain_timer.stop()
        self._job = None
        self._cancelling = False
        outcomes = self.model.outcomes()
        if result.batch_id:
            self._batch_id = result.batch_id
            try:
                outcomes = {j.row: j.outcome for j in self._history().batch_rows(result.batch_id)}
            except HistoryError:
                log.exception("the journal of batch %s cannot be read", result.batch_id)
                outcomes.update(result.outcomes)
            self.model.set_outcomes(outcomes)
            self.progress.setValue(self.progress.maximum() if result.stop is Stop.COMPLETED else self.progress.value())
        self._completed = result.stop is Stop.COMPLETED and bool(result.batch_id)
        self.refresh()
        self._set_status(lambda: self._ended_text(result, outcomes))
        self.finished.emit(result)

    def _on_crashed(self, error: object) -> None:
        if self._closed:
            return
        self._drain()
        self._drain_timer.stop()
        self._job = None
        self._cancelling = False
        self.refresh()
        name = type(error).__name__
        self._set_status(
            lambda: self.tr(
                "Internal error (%1): the batch stopped. The rows already sent are recorded; press Start to resume."
            ).replace("%1", name)
        )

    # -- cancel, export, close --------------------------------------------------------------------------
    def cancel(self) -> None:
        """No new call; the calls in flight finish and are recorded. The batch stays resumable."""
        job = self._job
        if job is None or self._cancelling:
            return
        self._cancelling = True
        job.cancel()
        self.refresh()
        self._show_status()

    def export_results(self) -> None:
        """What the Export button does: ask where, then write every row with its outcome."""
        file = self._file
        if file is None or self.busy:
            return
        suggested = str(file.path.with_name(f"{file.path.stem}-results.xlsx"))
        path = ask_export_path(self, self.tr("Export results"), suggested)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> bool:
        """Write the results (CSV with BOM, or XLSX, by the extension) atomically; False (reason shown) if not."""
        file = self._file
        if file is None:
            return False
        table = result_table(file.operation, file.rows, self.model.outcomes(), self._lang)
        try:
            written = write_results(path, table)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self._note = lambda: self.tr("The results were not written: %1").replace("%1", reason)
            self._show_status()
            return False
        self._note = lambda: self.tr("Results written to %1.").replace("%1", str(written))
        self._show_status()
        return True

    def shutdown(self) -> None:
        """The window is closing: cancel and don't wait. Calls in flight finish on their threads, and are
        journaled; their reports reach nobody."""
        self._closed = True
        self._drain_timer.stop()
        if self._job is not None:
            self._job.cancel()
