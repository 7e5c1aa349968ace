"""Run locks: one holder at a time (other processes and other handles alike), freed by the OS when a holder dies."""

from __future__ import annotations

import errno
import gc
import os
import signal
import stat
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

from popbill_gui.storage import locks
from popbill_gui.storage.locks import FileLock, LockBusy, is_locked


def test_one_holder_at_a_time_even_within_one_process(tmp_path: Path) -> None:
    path = tmp_path / "data" / "h.sqlite3-batch-1.lock"
    first = FileLock.acquire(path)
    assert first.held and path.exists()
    with pytest.raises(LockBusy):
        FileLock.acquire(path)  # a second service in this process is refused like another process
    assert is_locked(path)
    first.release()
    assert not first.held and not path.exists()  # finished batches leave no files behind
    assert not is_locked(path)
    with FileLock.acquire(path) as again:
        assert again.held
    first.release()  # idempotent


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_the_lock_file_and_its_folder_are_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        lock = FileLock.acquire(tmp_path / "new" / "x.lock")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(lock.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(lock.path.parent).st_mode) == 0o700
    lock.release()


def test_a_dropped_holder_frees_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    lock = FileLock.acquire(path)
    assert is_locked(path)
    del lock
    gc.collect()
    assert not is_locked(path)


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_a_killed_holder_frees_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from popbill_gui.storage.locks import FileLock
                lock = FileLock.acquire({str(path)!r})
                print("held", flush=True)
                time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(LockBusy):
        FileLock.acquire(path)  # another process
    holder.send_signal(signal.SIGKILL)  # no release, no clean-up: the file stays, the lock does not
    holder.wait(timeout=10)
    assert path.exists()
    FileLock.acquire(path).release()


def test_a_file_removed_by_its_last_holder_meanwhile_is_not_taken_for_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The race a removed lock file invites: we open the file, its holder releases (removes it), we lock the
    # removed file. Holding that would let a third process lock a new file at the same path beside us.
    path = tmp_path / "x.lock"
    real_lock = locks._lock
    calls: list[int] = []

    def lock_then_lose_it(fd: int, where: Path) -> None:
        real_lock(fd, where)
        calls.append(fd)
        if len(calls) == 1:
            os.unlink(where)  # the previous holder's release, between our open and our lock

    monkeypatch.setattr(locks, "_lock", lock_then_lose_it)
    lock = FileLock.acquire(path)
    assert len(calls) == 2  # tried again on the file the path names now
    assert os.path.samestat(os.stat(path), os.fstat(calls[1]))
    monkeypatch.setattr(locks, "_lock", real_lock)
    with pytest.raises(LockBusy):
        FileLock.acquire(path)
    lock.release()


@pytest.mark.skipif(os.name == "nt", reason="flock (Windows: tests/storage/test_locks_windows.py)")
def test_a_file_system_without_locks_is_an_os_error_not_busy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    def no_locks(fd: int, op: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    with pytest.raises(OSError) as caught:
        FileLock.acquire(tmp_path / "x.lock")
    assert not isinstance(caught.value, LockBusy) and caught.value.errno == errno.ENOLCK
    assert not is_locked(tmp_path / "x.lock")


class FakeMsvcrt(types.ModuleType):
    """msvcrt.locking as Windows' LockFile behaves for one byte: per handle, refused with EACCES when held."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.held: dict[tuple[int, int], int] = {}
        self.calls: list[tuple[int, int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        assert os.lseek(fd, 0, os.SEEK_CUR) == 0 and nbytes == 1
        self.calls.append((fd, mode, nbytes))
        st = os.fstat(fd)
        key = (st.st_dev, st.st_ino)
        if mode == self.LK_NBLCK:
            if key in self.held:
                raise PermissionError(errno.EACCES, "Permission denied")
            self.held[key] = fd
        elif self.held.get(key) == fd:
            del self.held[key]


def test_the_windows_path_with_msvcrt_as_windows_behaves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the calls are shown here (no Windows machine): one byte at offset 0, EACCES is busy, unlock then
    close then remove."""
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(sys, "platform", "win32")
    path = tmp_path / "x.lock"
    first = FileLock.acquire(path)
    with pytest.raises(LockBusy):
        FileLock.acquire(path)
    assert [mode for _, mode, _ in fake.calls] == [fake.LK_NBLCK, fake.LK_NBLCK]
    first.release()
    assert fake.calls[-1][1] == fake.LK_UNLCK and fake.held == {} and not path.exists()
    FileLock.acquire(path).release()
