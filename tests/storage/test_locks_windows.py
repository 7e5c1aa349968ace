"""Run locks on Windows itself: msvcrt.locking (LockFile) on real handles, another process, a killed holder.

tests/storage/test_locks.py shows the calls against a stand-in for msvcrt on any system; these run only on Windows
(the `windows` marker: the workflow's windows job) and check what the stand-in assumes: a second handle in the same
process is refused, the lock goes with its holder's handles, and a file another handle has open is not removed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from popbill_gui.storage.locks import FileLock, LockBusy, is_locked

pytestmark = pytest.mark.windows


def holder(path: Path) -> subprocess.Popen[str]:
    """Another process holding the lock on `path` until it is killed."""
    script = textwrap.dedent(
        f"""
        import time
        from popbill_gui.storage.locks import FileLock
        lock = FileLock.acquire({str(path)!r})
        print("held", flush=True)
        time.sleep(120)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    return process


def test_a_second_handle_in_this_process_is_refused_and_release_removes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "batch-1.lock"
    first = FileLock.acquire(path)
    with pytest.raises(LockBusy):
        FileLock.acquire(path)  # LockFile is per handle: EACCES or EDEADLOCK, both "busy"
    assert is_locked(path)
    first.release()
    assert not path.exists() and not is_locked(path)
    FileLock.acquire(path).release()


def test_another_process_holds_it_until_it_is_killed(tmp_path: Path) -> None:
    path = tmp_path / "batch-2.lock"
    process = holder(path)
    try:
        with pytest.raises(LockBusy):
            FileLock.acquire(path)
        assert is_locked(path)
    finally:
        process.kill()  # TerminateProcess: no release, no clean-up
        process.wait(timeout=30)
    assert path.exists()  # the file stays, the lock does not
    FileLock.acquire(path).release()
    assert not path.exists()


def test_a_file_another_handle_has_open_is_left_and_still_works(tmp_path: Path) -> None:
    path = tmp_path / "batch-3.lock"
    lock = FileLock.acquire(path)
    reader = os.open(path, os.O_RDONLY)  # say, a virus scanner looking at it
    try:
        lock.release()  # the unlock and close work; Windows refuses the removal while the reader has it open
        assert path.exists()
        again = FileLock.acquire(path)  # the left file is locked like a new one
        with pytest.raises(LockBusy):
            FileLock.acquire(path)
    finally:
        os.close(reader)
    again.release()
    assert not path.exists()
