"""Reading a batch file for the batch tab without ever holding up the window.

The file is read and checked on the job runner, with the collector kept from walking the new rows (see
`shared/interpreter.py`), and what the preview needs (fingerprint, positions, valid and invalid rows) is worked out
there too, and so is what the history says of its rows (done before: left out of a new batch). A later read makes an
earlier one stale: only the newest answer counts. A file no longer shown is freed a piece at a time
(`interpreter.release`), by the next read's job before it reads: freeing 100,000 rows at once stalls every thread, and
two busy workers at once would starve the GUI thread of the interpreter (CPython hands it to whichever thread asks, so
the more threads want it, the longer the GUI thread may wait)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from ...batch.model import Operation
from ...service import HistoryError, Service
from ..shared.interpreter import quiet_collector, release
from ..shared.jobs import JobRunner

if TYPE_CHECKING:
    from ...service.records import BatchFile, LeftOut


class FileReader:
    """Reads files on `jobs`; `on_read(file, left_out)` or `on_refused(error)` on the GUI thread, for the newest read
    only. `left_out`: the rows a new batch of the file would leave out as done or maybe done before (the history's
    answer, read on the same job); None when the history could not be read (planning then says why)."""

    def __init__(
        self,
        service: Service,
        jobs: JobRunner,
        on_read: Callable[[BatchFile, dict[int, LeftOut] | None], None],
        on_refused: Callable[[Exception], None],
    ) -> None:
        self._service = service
        self._jobs = jobs
        self._on_read = on_read
        self._on_refused = on_refused
        self._reads = 0
        self._current = 0  # the number of the read under way; 0: none
        self._trash: list[object] = []  # what the next job frees before it does anything else

    @property
    def reading(self) -> bool:
        return self._current != 0

    def read(self, path: str, operation: Operation) -> bool:
        """Start reading `path` for `operation`; any read still under way becomes stale."""
        self._reads += 1
        self._current = number = self._reads
        batches = self._service.batches
        trash, self._trash = self._trash, []

        def work() -> tuple[BatchFile, dict[int, LeftOut] | None]:
            release(*trash)
            with quiet_collector():
                file = batches.read(path, operation)
                # Worked out here, not on the GUI thread when the preview fills or Start is pressed.
                file.fingerprint(), file.positions, file.valid_rows, file.invalid_rows
            try:
                left_out = batches.history.leave_out(file)
            except HistoryError:
                left_out = None
            return file, left_out

        return self._jobs.submit(work, partial(self._read, number), partial(self._refused, number))

    def stop(self) -> None:
        """Forget the read under way (the tab is closing, or shows another batch)."""
        self._current = 0

    def _newest(self, number: int) -> bool:
        """Whether this read's answer counts (not a stale one); it ends the read under way."""
        if number != self._current:
            return False  # a later read, or stopped
        self._current = 0
        return True

    def _read(self, number: int, read: tuple[BatchFile, dict[int, LeftOut] | None]) -> None:
        if self._newest(number):
            self._on_read(*read)

    def _refused(self, number: int, error: Exception) -> None:
        if self._newest(number):
            self._on_refused(error)

    def let_go(self, file: BatchFile | None, *held: object) -> None:
        """A file no longer shown, and what a model held of it: freed by the next read's job, or by a job now when
        `now` (no read follows)."""
        self._trash += [thing for thing in held if thing]
        if file is not None:
            self._trash += [file.rows, *file.__dict__.values()]  # the rows and what was cached of them

    def release_now(self) -> None:
        """Free what is waiting to be freed on a job of its own (the tab shows a batch that needs no reading)."""
        trash, self._trash = self._trash, []
        if trash:
            self._jobs.submit(partial(release, *trash))
