"""Exclusive locks between processes (and between handles of one process): an OS lock on a small file.

A batch is run by one process at a time: the one holding its lock file (`batch/journal.py` names the file). The
lock is the operating system's: `flock` on Linux and macOS, `LockFile` (through msvcrt.locking) on Windows. So a
process that crashes, is killed or loses power holds nothing afterwards: the OS drops its locks with its handles,
and the next run takes the lock at once, with no stale owner to guess about (a pid file could name a pid that the
system has since given to another program). Both kinds of lock belong to an open handle, not to the process: a
second acquisition in the same process (a second window's service) is refused like another process's.

The file is created owner-only (0600, in a private folder) and removed when the lock is released, so finished
batches leave no files behind. Removal is safe because an acquirer checks, once it holds the lock, that the path
still names the file it locked (POSIX; Windows refuses to delete a file another handle has open).

Qt-free; no waiting: a lock held elsewhere is refused at once (`LockBusy`).
"""

from __future__ import annotations

import errno
import logging
import os
import sys
import weakref
from pathlib import Path
from typing import Final

from .private import FILE_MODE, private_folder

log = logging.getLogger(__name__)

# What a refused non-blocking lock raises: EWOULDBLOCK/EAGAIN (flock), EACCES/EDEADLOCK (msvcrt.locking).
_BUSY_ERRNOS: Final = frozenset(
    {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK), errno.EDEADLK}
)
# A file replaced under us this many times in a row is being fought over: say it is busy.
_ATTEMPTS: Final = 8


class LockBusy(Exception):
    """Another process (or another handle in this one) holds the lock; nothing was changed."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is locked by another run")
        self.path = path


class FileLock:
    """A held lock on `path`. `release()` gives it up; so does dropping the object, or the process ending."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd
        # Closing the handle is what frees an OS lock: done if the holder is dropped without release().
        self._finalizer = weakref.finalize(self, _close_quietly, fd)

    @classmethod
    def acquire(cls, path: str | Path) -> FileLock:
        """Take the lock on `path` (created 0600 if missing) without waiting.

        Raises LockBusy when it is held elsewhere, OSError when the file cannot be made or locked at all (a
        folder without write permission; a file system without locks).
        """
        path = Path(path).absolute()
        private_folder(path.parent)
        for _ in range(_ATTEMPTS):
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
            try:
                _lock(fd, path)
                if _names(path, fd):
                    _owner_only(fd)
                    return cls(path, fd)
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # removed or replaced by its last holder meanwhile: lock the file the path names now
        raise LockBusy(path)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Give the lock up and remove its file. Idempotent."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        self._finalizer.detach()
        if sys.platform == "win32":
            _unlock(fd)
            os.close(fd)
            try:
                os.unlink(self.path)  # refused while another handle has it open: then that one keeps it
            except OSError:
                pass
            return
        try:
            os.unlink(self.path)  # while still held: whoever opened the old file sees it is gone and tries again
        except OSError:
            pass
        os.close(fd)

    def __enter__(self) -> FileLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def is_locked(path: str | Path) -> bool:
    """Whether another holder has the lock on `path` now (a look only: taken and given back at once)."""
    try:
        FileLock.acquire(path).release()
    except LockBusy:
        return True
    except OSError:
        return False  # cannot be locked at all: nobody holds it either
    return False


def _lock(fd: int, path: Path) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            # One byte at offset 0: LockFile may lock beyond the end of a file, so the file stays empty.
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in _BUSY_ERRNOS:
            raise LockBusy(path) from exc
        raise


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass  # closing the handle frees it too


def _names(path: Path, fd: int) -> bool:
    """Whether `path` still names the file open as `fd` (not removed or replaced since it was opened)."""
    try:
        here, there = os.fstat(fd), os.stat(path)
    except FileNotFoundError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _owner_only(fd: int) -> None:
    if sys.platform == "win32":
        return  # the profile's folder is the user's alone by its ACL (storage/private.py)
    try:
        if os.fstat(fd).st_mode & 0o777 != FILE_MODE:
            os.fchmod(fd, FILE_MODE)  # the umask may have taken bits away; another owner's file stays as it is
    except OSError as exc:
        log.warning("could not make the lock file private (%s)", exc.strerror or type(exc).__name__)


def _close_quietly(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass
