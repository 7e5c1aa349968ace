"""Run a batch: one call per row with bounded concurrency, journaled row by row, stoppable and cancellable.

Every row is marked "sending" in the journal (committed durably) before its request leaves, and done, failed or
unknown after the answer, so a crash never loses track: after one, rows left "sending" become "unknown" and
are not sent again (AssignMgtKey never; SendEmail only when the user asks). A worker journals the answer of its
row and the mark of its next row in one transaction (`Journal.advance`), which the history shares with the other
workers' of the moment (group commit): one transaction per row, and marks ready together share one sync. Whether
an answer stops the batch is decided before the next row is marked; a row marked when a cancel or a stop comes
before its send is given back (`Journal.unmark`), so no new call starts after either. A refusal that
would hit every row (credentials, the clock, IP not allowed, points short) or a service that cannot be reached
stops the batch at once with one clear message instead of failing every row. Cancelling sends no new call and
lets the calls in flight finish and be recorded. Qt-free: the CLI and the window's batch tab both drive it.

A journal that cannot be written (the history locked past the wait, the disk full, a damaged file) stops the
batch too (Stop.JOURNAL): no row leaves unjournaled, the calls in flight finish, and a result that could not be
recorded is tried once more at the end; what still is not recorded stays "sending" in the journal and is reported
"unknown" (a resume makes it so). An AssignMgtKey whose answer was lost is settled by looking the invoice up
(`core/assigned.py`, `settle.py`): as the run goes, again at its end, and at the start of a resumed run.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING

from ..core.errors import ACCOUNT_WIDE_CODES, CLIENT_CODE, CREDENTIAL_KINDS, UNREACHABLE_KINDS, Kind, PopbillError
from ..core.messages import Lang, text
from ..storage.errors import HistoryError
from .journal import Journal
from .model import DEFAULT_CONCURRENCY, MAX_CONCURRENCY, InputRow, Operation, RowOutcome, RowState
from .settle import LOST_IN_A_ROW, Settler

if TYPE_CHECKING:
    from ..core.client import TaxinvoiceClient

log = logging.getLogger(__name__)


class Stop(str, Enum):
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    UNREACHABLE = "unreachable"  # the service could not be reached: exit 3
    CREDENTIALS = "credentials"  # credentials, token or clock refused: exit 4
    REFUSED_ALL = "refused_all"  # a refusal that would hit every row (IP not allowed, points short): exit 1
    JOURNAL = "journal"  # the history could not be written: stopped, resumable once the cause is gone: exit 3


@dataclass
class Progress:
    total: int
    done: int = 0
    failed: int = 0
    unknown: int = 0
    started_at: float = field(default_factory=time.monotonic)

    @property
    def finished(self) -> int:
        return self.done + self.failed + self.unknown

    @property
    def left(self) -> int:
        return self.total - self.finished

    @property
    def rate(self) -> float:
        """Rows per second so far."""
        elapsed = time.monotonic() - self.started_at
        return self.finished / elapsed if elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the current rate (None before the first row finishes)."""
        return self.left / self.rate if self.rate > 0 else None


@dataclass
class BatchResult:
    batch_id: int
    stop: Stop
    outcomes: dict[int, RowOutcome]  # by row number, for every row the run was given (or settled)
    error: PopbillError | None = None  # what stopped the batch, for the one clear message


def call_row(client: TaxinvoiceClient, operation: Operation, values: dict[str, str]) -> object:
    if operation == "assign_mgt_key":
        return client.assign_mgt_key(values["item_key"], values["mgt_key_type"], values["mgt_key"])
    return client.resend_email(values["mgt_key_type"], values["mgt_key"], values["receiver"])


def _stop_for(error: PopbillError) -> Stop | None:
    """Whether this failure will hit every row alike, and which stop it is."""
    if error.kind in CREDENTIAL_KINDS:
        return Stop.CREDENTIALS
    if error.kind is Kind.POPBILL and error.code in ACCOUNT_WIDE_CODES:
        return Stop.REFUSED_ALL
    if error.kind in UNREACHABLE_KINDS:
        return Stop.UNREACHABLE
    if error.kind is Kind.HISTORY:
        return Stop.JOURNAL
    return None


def journal_error(batch_id: int, failure: HistoryError, lang: Lang) -> PopbillError:
    """The one sentence of a batch stopped by its journal (batch id 0: nothing could start): what happened, and
    that the batch resumes once the cause is gone."""
    reason = failure.describe(lang)
    key = "batch.journal_stopped" if batch_id else "batch.history_unusable"
    return PopbillError(CLIENT_CODE, text(key, lang, batch=batch_id, reason=reason), None, Kind.HISTORY, lang=lang)


class BatchRunner:
    """Runs the rows of one journaled batch; `cancel()` may be called from any thread."""

    def __init__(
        self,
        client: TaxinvoiceClient,
        journal: Journal,
        operation: Operation,
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        on_row: Callable[[RowOutcome, Progress], None] | None = None,
    ) -> None:
        if not 1 <= concurrency <= MAX_CONCURRENCY:
            raise ValueError(f"concurrency must be 1 to {MAX_CONCURRENCY}")
        self.client = client
        self.journal = journal
        self.operation = operation
        self.concurrency = concurrency
        self.on_row = on_row
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._before_send_error: PopbillError | None = None  # a token failure between rows
        self._journal_failure: HistoryError | None = None  # the journal could not be written: no row leaves now
        self._unwritten: dict[int, RowOutcome] = {}  # answers that came but could not be journaled
        self._queue: deque[InputRow] = deque()
        self._stop: list[tuple[Stop, PopbillError]] = []
        self._lost_in_a_row = 0  # answers lost one after the other (settled by a look-up or not)
        self._settler = Settler(client, journal) if operation == "assign_mgt_key" else None
        self._outcomes: dict[int, RowOutcome] = {}
        self._progress = Progress(total=0)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self, batch_id: int, rows: Sequence[InputRow]) -> BatchResult:
        """Send `rows` (the ones still to send) and return every row's outcome and why the run ended."""
        self._outcomes = {r.row: RowOutcome(r.row) for r in rows}
        self._progress = Progress(total=len(rows))
        self._queue = deque(rows)

        # Errors before sending (the token) are handled by issuing it once, up front, for every worker.
        try:
            self.client.issue_token()
        except PopbillError as exc:
            return BatchResult(batch_id, _stop_for(exc) or Stop.UNREACHABLE, self._outcomes, exc)

        self._settle_unknown(batch_id)  # a resumed batch's rows left unknown: looked up, and sent if not done
        self._work(batch_id)
        # At the end, once more: rows whose look-up failed as the run went (also when that stopped the batch: the
        # network may be back), sent once if it shows they were not carried out and the run goes on.
        self._settle_unknown(batch_id)
        self._work(batch_id)
        if self._journal_failure is not None:
            self._write_unwritten(batch_id)
        if self._before_send_error is not None and not self._stop:
            error = self._before_send_error
            self._stop.append((_stop_for(error) or Stop.UNREACHABLE, error))
        if self._journal_failure is not None and not any(s is Stop.JOURNAL for s, _ in self._stop):
            self._stop.insert(0, (Stop.JOURNAL, journal_error(batch_id, self._journal_failure, self.client.lang)))
        if self._stop:
            return BatchResult(batch_id, self._stop[0][0], self._outcomes, self._stop[0][1])
        left = any(o.state in (RowState.PENDING, RowState.SENDING) for o in self._outcomes.values())
        return BatchResult(batch_id, Stop.CANCELLED if self.cancelled and left else Stop.COMPLETED, self._outcomes)

    # -- the workers -------------------------------------------------------------------------------------

    def _halted(self) -> bool:
        return (
            self._cancel.is_set()
            or bool(self._stop)
            or self._before_send_error is not None
            or (self._journal_failure is not None)
        )

    def _next_row(self) -> InputRow | None:
        with self._lock:
            if self._halted() or not self._queue:
                return None
            return self._queue.popleft()

    def _work(self, batch_id: int) -> None:
        if not self._queue:
            return
        if self.concurrency == 1:
            self._worker(batch_id)  # the caller's thread is the one worker: no hand-off between threads per row
            return
        threads = [
            threading.Thread(target=self._worker, args=(batch_id,), name=f"batch-{i}", daemon=True)
            for i in range(self.concurrency)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def _worker(self, batch_id: int) -> None:
        row = self._step(batch_id, None)  # the worker's first row, marked
        while row is not None:
            outcome, error = self._call(row)
            # A lost answer, and a look-up showed it was not carried out: sent again, once in a run.
            settler = self._settler
            lost = error is not None and error.maybe_delivered
            resend = lost and outcome.state is RowState.PENDING and settler is not None and settler.take_resend(row.row)
            halt = self._halt_for(outcome, error, resend)
            with self._lock:  # decided before the next row is marked: a stop marks nothing more
                if halt is not None:
                    if not self._stop:
                        self._stop.append(halt)
                elif resend:
                    self._queue.append(row)
            row = self._step(batch_id, outcome)

    def _halt_for(
        self, outcome: RowOutcome, error: PopbillError | None, resend: bool
    ) -> tuple[Stop, PopbillError] | None:
        """Whether this row's answer stops the batch. A lost answer that a look-up settled does not, unless
        answers keep being lost (LOST_IN_A_ROW in a row) or one row's answer is lost again after its resend."""
        lost = error is not None and error.maybe_delivered
        with self._lock:
            self._lost_in_a_row = self._lost_in_a_row + 1 if lost else 0
            in_a_row = self._lost_in_a_row
        if error is None:
            return None
        stop = _stop_for(error)
        settled = lost and outcome.state is not RowState.UNKNOWN and (outcome.state is not RowState.PENDING or resend)
        if settled and in_a_row < LOST_IN_A_ROW:
            return None  # settled by looking: the batch goes on
        return (stop, error) if stop is not None else None

    def _finish(self, outcome: RowOutcome) -> None:
        progress = self._progress
        with self._lock:
            if outcome.row not in self._outcomes:
                progress.total += 1
            self._outcomes[outcome.row] = outcome
            if outcome.state is RowState.DONE:
                progress.done += 1
            elif outcome.state is RowState.FAILED:
                progress.failed += 1
            elif outcome.state is RowState.UNKNOWN:
                progress.unknown += 1
        if self.on_row is not None:
            self.on_row(outcome, progress)

    def _journal_failed(self, failure: HistoryError) -> None:
        with self._lock:
            if self._journal_failure is None:
                self._journal_failure = failure
                log.warning("the batch stops: the journal could not be written (%s)", failure)

    def _step(self, batch_id: int, answered: RowOutcome | None) -> InputRow | None:
        """Record the answer just come (`answered`) and mark the next row as leaving, in one transaction (durable
        when a row is marked; shared with the other workers' steps of the moment: `Journal.advance`); the row
        marked, to be sent now, or None when this worker is done (nothing left, the batch stopped or cancelled)."""
        while True:
            row = self._next_row()
            if row is not None:
                try:
                    self.client.issue_token()  # renewal, if due, happens before the row is marked as leaving
                except PopbillError as exc:
                    with self._lock:
                        self._before_send_error = self._before_send_error or exc
                    row = None  # not marked, so not sent: it stays pending for a resume
            if answered is None and row is None:
                return None
            try:
                refused = self.journal.advance(batch_id, answered, None if row is None else row.row)
            except HistoryError as exc:  # neither written: the answer is kept for the end, the row stays pending
                self._journal_failed(exc)
                if answered is not None:
                    with self._lock:
                        self._unwritten[answered.row] = answered
                    self._finish(_unrecorded(answered, self.client.lang))
                return None
            if answered is not None:
                self._finish(answered)  # may cancel (the window's Cancel, a test): checked just below
                answered = None
            if refused is None:
                if row is not None and self._halted():
                    self._give_back(batch_id, row)
                    return None
                return row
            # The journal says this row must not be sent (done, in flight elsewhere, unknown assign): skip it,
            # never crash the batch over it and never send it; take the next one.
            log.warning("row %s of batch %s skipped: %s", row.row if row else "?", batch_id, refused)

    def _give_back(self, batch_id: int, row: InputRow) -> None:
        """The batch was cancelled or stopped between the row's mark and its send: the row is not sent, and its
        mark is taken back (Journal.unmark). If even that cannot be written, the journal keeps it "sending", and
        the report says "unknown" as a resume will (it was not sent, but the journal cannot tell)."""
        try:
            self.journal.unmark(batch_id, row.row)
        except HistoryError as exc:
            self._journal_failed(exc)
            with self._lock:
                self._outcomes[row.row] = RowOutcome(
                    row.row, RowState.UNKNOWN, message=text("history.sending", self.client.lang)
                )

    def _call(self, row: InputRow) -> tuple[RowOutcome, PopbillError | None]:
        """Send the row (marked as leaving) and what came of it."""
        start = time.monotonic()
        outcome = RowOutcome(row.row)
        error: PopbillError | None = None
        try:
            result = call_row(self.client, self.operation, row.values)
        except PopbillError as exc:
            error = exc
            outcome.code, outcome.message, outcome.http_status = exc.code, exc.message, exc.http_status
            if exc.maybe_delivered:
                outcome.state = RowState.UNKNOWN  # the request may have been carried out: check, don't resend
            elif exc.kind in UNREACHABLE_KINDS:
                outcome.state = RowState.PENDING  # it never left (DNS, refused, TLS, proxy): send it on resume
            else:
                outcome.state = RowState.FAILED
        except Exception as exc:
            log.exception("row %s failed unexpectedly", row.row)
            outcome.state, outcome.message = RowState.UNKNOWN, type(exc).__name__
        else:
            outcome.state = RowState.DONE
            outcome.code = getattr(result, "code", 1)
            outcome.message = str(getattr(result, "message", ""))
            outcome.http_status = getattr(result, "http_status", 200)
        outcome.duration = time.monotonic() - start
        if error is not None and error.maybe_delivered and self._settler is not None:
            outcome = self._settler.settle(row, outcome, error)  # the invoice says what became of it
        return outcome, error

    # -- after a journal failure, and looking unknown rows up ------------------------------------------

    def _write_unwritten(self, batch_id: int) -> None:
        """Once more, at the end: the answers that came but could not be journaled (the cause may have gone by now).
        What still fails stays "sending" in the journal; a resume makes it "unknown"."""
        for number, outcome in sorted(self._unwritten.items()):
            try:
                self.journal.mark_result(batch_id, number, outcome)
            except HistoryError:
                return
            self._outcomes[number] = outcome

    def _settle_unknown(self, batch_id: int) -> None:
        """Rows of the batch left unknown: looked up; those it shows were not carried out are queued once."""
        if self._settler is None or self._journal_failure is not None or self.cancelled:
            return
        try:
            settled = self._settler.settle_unknown(batch_id)
        except HistoryError as exc:
            self._journal_failed(exc)
            return
        for row, outcome in settled:
            self._finish(outcome)
            if outcome.state is RowState.PENDING and self._settler.take_resend(row.row):
                self._queue.append(row)


def _unrecorded(outcome: RowOutcome, lang: Lang) -> RowOutcome:
    """What the report says of a row whose answer came but could not be journaled: check it (확인 필요)."""
    said = text(f"batch.state.{outcome.state.value}", lang)
    note = text("batch.result_unrecorded", lang, state=said)
    message = f"{note} {outcome.message}".strip()
    return replace(outcome, state=RowState.UNKNOWN, message=message)
