"""The window's log file: owner-only, rotated by size, and still written when another window holds it.

Two windows (or a window and a second start) share one log file. On Windows a file that another process has
open cannot be renamed, so the standard RotatingFileHandler's rollover fails, and it then fails again on
every record: each one is lost and reported as a logging error. Here a rollover that fails is skipped:
logging goes on in the same file, and the rollover is tried again after `RETRY_AFTER` seconds (when the other
window may be gone). On POSIX the rename succeeds; the other process goes on writing into the renamed file
until its own next rollover, which loses nothing either.

Every file the handler opens (the first one and each one after a rollover) is created 0600 in a 0700 folder
(`storage/private.py`): log lines name receivers and document IDs.

The rotation is RotatingFileHandler's own (the same size test, the same renames), on `logging.FileHandler`:
`logging.handlers` imports socket, pickle and queue for its other handlers, about 1 MB of a window that has not
made a call yet, and 5 ms just after its first paint (benchmarks/bench_gui.py).
"""

from __future__ import annotations

import logging
import os
import time
from io import TextIOWrapper
from logging import LogRecord
from pathlib import Path

from .private import private_file


class LogFileHandler(logging.FileHandler):
    """A size-rotated log file (`max_bytes`, `backup_count` old files: name.1 the newest) whose files are private
    and whose failed rollover never stops logging."""

    RETRY_AFTER = 60.0  # seconds before a failed rollover is tried again

    def __init__(self, filename: str | Path, max_bytes: int, backup_count: int) -> None:
        self._retry_at = 0.0
        self.max_bytes = max_bytes
        self.backup_count = backup_count
        super().__init__(filename, mode="a", encoding="utf-8")

    def _open(self) -> TextIOWrapper:
        private_file(Path(self.baseFilename))
        return super()._open()

    def emit(self, record: LogRecord) -> None:
        try:
            if self.shouldRollover(record):
                self.doRollover()
            super().emit(record)
        except Exception:  # noqa: BLE001 -- logging's rule: a failed record is reported, never raised
            self.handleError(record)

    def shouldRollover(self, record: LogRecord) -> bool:
        """Whether `record` would take the file to `max_bytes` (never for the first record of a file)."""
        if time.monotonic() < self._retry_at or self.max_bytes <= 0:
            return False
        if self.stream is None:
            self.stream = self._open()
        position = self.stream.tell()
        if not position:
            return False
        if position + len(f"{self.format(record)}\n") < self.max_bytes:
            return False
        return not (os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename))

    def doRollover(self) -> None:
        if self.stream:
            self.stream.close()
            self.stream = None
        try:
            self._rotate()
        except OSError:
            # Windows: another process has the file open (PermissionError): keep writing the same file.
            self._retry_at = time.monotonic() + self.RETRY_AFTER
        self.stream = self._open()

    def _rotate(self) -> None:
        """name.N-1 → name.N … name → name.1, the oldest dropped (RotatingFileHandler's renames)."""
        if self.backup_count <= 0:
            return
        for number in range(self.backup_count - 1, 0, -1):
            source, target = f"{self.baseFilename}.{number}", f"{self.baseFilename}.{number + 1}"
            if os.path.exists(source):
                if os.path.exists(target):
                    os.remove(target)
                os.rename(source, target)
        first = f"{self.baseFilename}.1"
        if os.path.exists(first):
            os.remove(first)
        os.rename(self.baseFilename, first)
