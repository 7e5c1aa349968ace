"""The window's log file: owner-only, rotated by size, and still written when another window holds it.

Two windows (or a window and a second start) share one log file. On Windows a file that another process has
open cannot be renamed, so the standard RotatingFileHandler's rollover fails, and it then fails again on
every record: each one is lost and reported as a logging error. Here a rollover that fails is skipped:
logging goes on in the same file, and the rollover is tried again after `RETRY_AFTER` seconds (when the other
window may be gone). On POSIX the rename succeeds; the other process goes on writing into the renamed file
until its own next rollover, which loses nothing either.

Every file the handler opens (the first one and each one after a rollover) is created 0600 in a 0700 folder
(`storage/private.py`): log lines name receivers and document IDs.
"""

from __future__ import annotations

import time
from io import TextIOWrapper
from logging import LogRecord
from logging.handlers import RotatingFileHandler
from pathlib import Path

from .private import private_file


class LogFileHandler(RotatingFileHandler):
    """A RotatingFileHandler whose files are private and whose failed rollover never stops logging."""

    RETRY_AFTER = 60.0  # seconds before a failed rollover is tried again

    def __init__(self, filename: str | Path, max_bytes: int, backup_count: int) -> None:
        self._retry_at = 0.0
        super().__init__(filename, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8")

    def _open(self) -> TextIOWrapper:
        private_file(Path(self.baseFilename))
        return super()._open()

    def shouldRollover(self, record: LogRecord) -> int:
        if time.monotonic() < self._retry_at:
            return 0
        return super().shouldRollover(record)

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            # Windows: another process has the file open (PermissionError). The handler's stream was closed
            # before the rename: reopen the same file and keep writing.
            self._retry_at = time.monotonic() + self.RETRY_AFTER
            if self.stream is None:
                self.stream = self._open()
