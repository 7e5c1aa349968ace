"""Run a batch: one call per row with bounded concurrency, journaled row by row, stoppable and cancellable.

Every row is marked "sending" in the journal (committed) before its request leaves, and done, failed or
unknown after the answer, so a crash never loses track: after one, rows left "sending" become "unknown" and
are not sent again (AssignMgtKey never; SendEmail only when the user asks). A refusal that would hit every row
(credentials, the clock, IP not allowed, points short) or a service that cannot be reached stops the batch at
once with one clear message instead of failing every row. Cancelling sends no new call and lets the calls in
flight finish and be recorded. Qt-free: the CLI and the window's batch tab both drive it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from ..core.errors import ACCOUNT_WIDE_CODES, CREDENTIAL_KINDS, UNREACHABLE_KINDS, Kind, PopbillError
from .journal import Journal, JournalError
from .model import DEFAULT_CONCURRENCY, MAX_CONCURRENCY, InputRow, Operation, RowOutcome, RowState

if TYPE_CHECKING:
    from ..core.client import TaxinvoiceClient

log = logging.getLogger(__name__)



class Stop(str, Enum):
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    UNREACHABLE = "unreachable"  # the service could not be reached: exit 3
    CREDENTIALS = "credentials"  # credentials, token or clock refused: exit 4
    REFUSED_ALL = "refused_all"  # a refusal that would hit every row (IP not allowed, points short): exit 1


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
    outcomes: dict[int, RowOutcome]  # by row number, for every row the run was given
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
    return None


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

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self, batch_id: int, rows: Sequence[InputRow]) -> BatchResult:
        """Send `rows` (the ones still to send) and return every row's outcome and why the run ended."""
        outcomes = {r.row: RowOutcome(r.row) for r in rows}
        progress = Progress(total=len(rows))
        stop: list[tuple[Stop, PopbillError]] = []
        pending: Iterator[InputRow] = iter(rows)

        def next_row() -> InputRow | None:
            with self._lock:
                if self._cancel.is_set() or stop or self._before_send_error is not None:
                    return None
                return next(pending, None)

        def finish(outcome: RowOutcome) -> None:
            with self._lock:
                outcomes[outcome.row] = outcome
                if outcome.state is RowState.DONE:
                    progress.done += 1
                elif outcome.state is RowState.FAILED:
                    progress.failed += 1
                elif outcome.state is RowState.UNKNOWN:
                    progress.unknown += 1
            if self.on_row is not None:
                self.on_row(outcome, progress)

        def worker() -> None:
            while (row := next_row()) is not None:
                sent = self._send(batch_id, row)
                if sent is None:  # never left: the batch stops, the row stays pending for a resume
                    continue
                outcome, error = sent
                finish(outcome)
                halt = _stop_for(error) if error is not None else None
                if halt is not None and error is not None:
                    with self._lock:
                        if not stop:
                            stop.append((halt, error))

        # Errors before sending (the token) are handled by issuing it once, up front, for every worker.
        try:
            self.client.issue_token()
        except PopbillError as exc:
            return BatchResult(batch_id, _stop_for(exc) or Stop.UNREACHABLE, outcomes, exc)

        if self.concurrency == 1:
            worker()  # the caller's thread is the one worker: no hand-off between threads per row
        else:
            threads = [threading.Thread(target=worker, name=f"batch-{i}", daemon=True) for i in range(self.concurrency)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        if self._before_send_error is not None and not stop:
            error = self._before_send_error
            stop.append((_stop_for(error) or Stop.UNREACHABLE, error))
        if stop:
            return BatchResult(batch_id, stop[0][0], outcomes, stop[0][1])
        left = any(o.state is RowState.PENDING for o in outcomes.values())
        return BatchResult(batch_id, Stop.CANCELLED if self.cancelled and left else Stop.COMPLETED, outcomes)

    def _send(self, batch_id: int, row: InputRow) -> tuple[RowOutcome, PopbillError | None] | None:
        try:
            self.client.issue_token()  # renewal, if due, happens before the row is marked as leaving
        except PopbillError as exc:
            with self._lock:
                self._before_send_error = self._before_send_error or exc
            return None
        try:
            self.journal.mark_sending(batch_id, row.row)
        except JournalError as exc:
            # The journal says this row must not be sent (done, in flight elsewhere, unknown assign): skip it,
            # never crash the batch over it and never send it.
            log.warning("row %s of batch %s skipped: %s", row.row, batch_id, exc)
            return None
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
        self.journal.mark_result(batch_id, row.row, outcome)
        return outcome, error
