"""The window's one job runner: every call, keyring access, file read, history query and batch runs on a QThreadPool.

A job is a plain function run on a worker; it never touches a widget. Each submission carries its own callbacks
(`on_done`, `on_error`), delivered on the GUI thread through a small QObject of its own created there (a QRunnable
cannot emit signals; Qt queues a signal emitted on a worker to the thread its receiver lives in), so no listener
ever sees, or has to filter out, another job's result. A `key` refuses a second identical job while the first is in
flight (no double submit). `Reporter` lets a job report progress the same way. On shutdown, jobs not yet started
are dropped and the results of those still running reach nobody; so do they when the runner itself is gone (its
window deleted while a call still waited): a late result never touches a deleted object, and a worker never prints
"Signal source has been deleted".
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from functools import partial
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")
MAX_THREADS = 6  # a batch holds one for minutes; calls, reads and queries must still find one


class _Outcome(QObject):
    """One job's way back to the GUI thread. Created there, and its signals connected to its own slots: a signal
    emitted on a worker is then queued to the GUI thread, where the slots call the job's callbacks."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None], on_failed: Callable[[Exception], None]) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_failed = on_failed
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_failed)

    @Slot(object)
    def _deliver_done(self, result: object) -> None:
        self._on_done(result)

    @Slot(object)
    def _deliver_failed(self, error: Exception) -> None:
        self._on_failed(error)


class Reporter(QObject):
    """Progress from a job to the GUI thread: `report(value)` may be called from any thread. No Qt parent: whoever
    reports holds it, so it outlives a runner deleted while a batch still reports."""

    reported = Signal(object)

    def __init__(self, on_report: Callable[[Any], None]) -> None:
        super().__init__()
        self._on_report = on_report
        self.closed = False
        self.reported.connect(self._deliver)

    def report(self, value: object) -> None:
        self.reported.emit(value)

    @Slot(object)
    def _deliver(self, value: object) -> None:
        if not self.closed:
            self._on_report(value)


def _close_all(reporters: list[Reporter]) -> None:
    for reporter in reporters:
        reporter.closed = True


class _Job(QRunnable, Generic[T]):
    def __init__(self, work: Callable[[], T], outcome: _Outcome) -> None:
        super().__init__()
        self._work = work
        self._outcome = outcome
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # noqa: BLE001 -- every failure goes to the job's own error callback
            self._outcome.failed.emit(exc)
        else:
            self._outcome.done.emit(result)


class JobRunner(QObject):
    """Runs jobs on its own thread pool; each job's result goes to that job's callbacks, once, on the GUI thread."""

    busy_changed = Signal()

    def __init__(self, parent: QObject | None = None, max_threads: int = MAX_THREADS) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._in_flight: set[Hashable] = set()
        self._running = 0
        self._outcomes: set[_Outcome] = set()  # kept alive until their job reports
        self._reporters: list[Reporter] = []
        self._closed = False
        self.destroyed.connect(partial(_close_all, self._reporters))  # not `self`: called as the runner goes

    def in_flight(self, key: Hashable) -> bool:
        return key in self._in_flight

    @property
    def busy(self) -> bool:
        """A job submitted and not yet reported."""
        return self._running > 0

    def reporter(self, on_report: Callable[[Any], None]) -> Reporter:
        """A Reporter whose reports reach `on_report` on the GUI thread (until shutdown)."""
        reporter = Reporter(on_report)
        self._reporters.append(reporter)
        return reporter

    def submit(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        *,
        key: Hashable | None = None,
    ) -> bool:
        """Run `work` on a worker; False (and nothing started) if `key` is in flight or the runner is shut down.

        Without `on_error`, a failure is logged (a bug: every job that can fail for a user's reason handles it).
        """
        if self._closed or (key is not None and key in self._in_flight):
            return False
        if key is not None:
            self._in_flight.add(key)
        self._running += 1

        def finish() -> bool:
            self._outcomes.discard(outcome)
            if key is not None:
                self._in_flight.discard(key)
            self._running -= 1
            if self._closed or not shiboken6.isValid(self):  # shut down, or its window deleted meanwhile
                return False
            self.busy_changed.emit()
            return True

        def done(result: T) -> None:
            if finish() and on_done is not None:
                on_done(result)

        def failed(error: Exception) -> None:
            if not finish():
                return
            if on_error is not None:
                on_error(error)
            else:
                log.error("a background job failed", exc_info=error)

        # No Qt parent: the job holds a reference, so the object outlives a runner destroyed mid-job (the late
        # result then reaches nobody instead of a deleted object).
        outcome = _Outcome(done, failed)
        self._outcomes.add(outcome)
        self.pool.start(_Job(work, outcome))
        self.busy_changed.emit()
        return True

    def wait(self, timeout_ms: int = -1) -> bool:
        """Wait for the running jobs to end (their callbacks still come through the event loop); for tests."""
        return self.pool.waitForDone(timeout_ms)

    def shutdown(self, wait_ms: int = 0) -> bool:
        """Drop jobs not yet started, ignore results still to come; True if no job is still running."""
        self._closed = True
        for reporter in self._reporters:
            reporter.closed = True
        self.pool.clear()
        return self.pool.waitForDone(wait_ms)
