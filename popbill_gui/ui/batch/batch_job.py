"""One batch run for the batch tab, on the window's job runner, with its rows handed to the GUI in bunches.

The service runs the batch (`service.batches`: journal, runner, threads); this holds no widget. The runner's threads
report each row here; the rows wait in an inbox, the GUI thread is told once that the inbox is no longer empty
(through a `jobs.Reporter`), and hands them on at most every DRAIN_INTERVAL_MS: a fast batch (hundreds of rows a
second) must not flood the event loop with one signal and one repaint per row.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QTimer

from ...service import PopbillError, Service
from ...service.batches import BatchPlan, BatchReport
from ..shared.jobs import JobRunner

if TYPE_CHECKING:
    from ...service.records import Progress, RowOutcome

DRAIN_INTERVAL_MS: Final = 100
Rows = Callable[[list["RowOutcome"], "Progress | None"], None]


class BatchJob:
    """Runs `plan`; `cancel()` may be called at any time (no new call; the calls in flight finish, journaled).

    on_started(batch_id): the batch is journaled. on_rows(outcomes, progress): the rows reported since the last time
    (at most every DRAIN_INTERVAL_MS). on_ended(report): the run ended, whatever the reason (a report with batch id
    0: nothing was journaled), after the last rows.
    on_crashed(error): an unexpected exception stopped the run where it was (resumable).
    """

    def __init__(
        self,
        service: Service,
        plan: BatchPlan,
        jobs: JobRunner,
        *,
        on_started: Callable[[int], None],
        on_rows: Rows,
        on_ended: Callable[[BatchReport], None],
        on_crashed: Callable[[Exception], None],
    ) -> None:
        self.plan = plan
        self._jobs = jobs
        self._on_rows = on_rows
        self._on_ended = on_ended
        self._on_crashed = on_crashed
        self._lock = threading.Lock()
        self._inbox: list[RowOutcome] = []
        self._progress: Progress | None = None
        self._drain_timer = QTimer()
        self._drain_timer.setSingleShot(True)
        self._drain_timer.setInterval(DRAIN_INTERVAL_MS)
        self._drain_timer.timeout.connect(self._drain)
        self._reporter = jobs.reporter(lambda event: on_started(event) if isinstance(event, int) else self._wake())
        self._run = service.batches.start(plan, on_row=self._on_row, on_started=self._reporter.report)

    def start(self) -> bool:
        return self._jobs.submit(self._run.run, self._ended, self._failed)

    def cancel(self) -> None:
        self._run.cancel()

    def stop_reporting(self) -> None:
        """The tab is going: no more reports (the run itself is cancelled by `cancel`)."""
        self._drain_timer.stop()
        self._on_rows = lambda _rows, _progress: None

    def _wake(self) -> None:
        if not self._drain_timer.isActive():
            self._drain_timer.start()

    def _drain(self) -> None:
        with self._lock:
            rows, self._inbox = self._inbox, []
            progress = self._progress
        if rows:
            self._on_rows(rows, progress)

    def _ended(self, report: BatchReport) -> None:
        self._drain_timer.stop()
        self._drain()  # the last rows, before the journal's outcomes replace them
        self._on_ended(report)

    def _failed(self, error: Exception) -> None:
        self._drain_timer.stop()
        self._drain()
        if isinstance(error, PopbillError):  # no credentials, no CorpNum, a bad URL: nothing sent
            from ...service.records import Stop

            self._on_ended(BatchReport(self.plan.batch_id or 0, Stop.CREDENTIALS, error, {}))
        else:
            self._on_crashed(error)

    def _on_row(self, outcome: RowOutcome, progress: Progress) -> None:
        # On a runner thread: never touch a widget. Copies, since the runner goes on changing its own.
        with self._lock:
            self._inbox.append(replace(outcome))
            self._progress = replace(progress)
            first = len(self._inbox) == 1
        if first:
            self._reporter.report(None)
