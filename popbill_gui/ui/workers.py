"""Work off the GUI thread: network calls and keyring access run on a QThreadPool.

A `Job` is a QRunnable holding plain data and a function; it never touches a widget. Its result travels
through `JobSignals`, a QObject created on the GUI thread, so Qt queues the signal to the GUI thread.
`Dispatcher` refuses a second job with the same key while the first is in flight (no double submit), and on
shutdown drops the jobs that have not started and ignores the results of those that have.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class JobSignals(QObject):
    """Lives on the GUI thread; a QRunnable cannot emit signals itself."""

    succeeded = Signal(object, object, float)  # key, result, seconds
    failed = Signal(object, object, float)  # key, exception, seconds


class Job(QRunnable):
    def __init__(self, key: Hashable, fn: Callable[[], Any], signals: JobSignals) -> None:
        super().__init__()
        self.key = key
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        start = time.monotonic()
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 -- every failure is reported to the GUI, none kills the thread
            self.signals.failed.emit(self.key, exc, time.monotonic() - start)
        else:
            self.signals.succeeded.emit(self.key, result, time.monotonic() - start)


class Dispatcher(QObject):
    """Runs jobs on its own thread pool and reports each result once, on the GUI thread."""

    succeeded = Signal(object, object, float)
    failed = Signal(object, object, float)
    busy_changed = Signal()

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        # No Qt parent: each Job holds a reference, so the signals outlive a dispatcher that is destroyed
        # while a call is still running (the late result then reaches nobody instead of a deleted object).
        self._signals = JobSignals()
        self._signals.succeeded.connect(self._on_succeeded)
        self._signals.failed.connect(self._on_failed)
        self._in_flight: set[Hashable] = set()
        self._closed = False

    def in_flight(self, key: Hashable) -> bool:
        return key in self._in_flight

    @property
    def busy(self) -> bool:
        return bool(self._in_flight)

    def submit(self, key: Hashable, fn: Callable[[], Any]) -> bool:
        """Start `fn` on a worker; False (and nothing started) if the same key is in flight or we closed."""
        if self._closed or key in self._in_flight:
            return False
        self._in_flight.add(key)
        self.pool.start(Job(key, fn, self._signals))
        self.busy_changed.emit()
        return True

    def _finish(self, key: Hashable) -> bool:
        self._in_flight.discard(key)
        if self._closed:
            return False
        self.busy_changed.emit()
        return True

    def _on_succeeded(self, key: Hashable, result: object, seconds: float) -> None:
        if self._finish(key):
            self.succeeded.emit(key, result, seconds)

    def _on_failed(self, key: Hashable, error: object, seconds: float) -> None:
        if self._finish(key):
            self.failed.emit(key, error, seconds)

    def shutdown(self, wait_ms: int = 0) -> bool:
        """Drop jobs not yet started, ignore results still to come; True if no job is still running."""
        self._closed = True
        self.pool.clear()
        return self.pool.waitForDone(wait_ms)
