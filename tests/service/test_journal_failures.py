"""A journal that cannot be written stops the batch cleanly (issue 18), and the batch resumes once the cause is gone.

The causes are real: a second process holding the history's write lock (BEGIN IMMEDIATE) past the wait, a full
disk (a history on a tiny tmpfs; where mounting is not allowed, SQLite's max_page_count on the connection), a
damaged file. Rows in flight become unknown, the batch stays unfinished, no traceback, one sentence; `--resume`
then sends each row at most once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from popbill_gui.batch.model import RowOutcome, RowState
from popbill_gui.batch.runner import Progress, Stop
from popbill_gui.service import Kind, LinkCredentials, Service
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage import history as history_module
from popbill_gui.storage.settings import Settings

LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
print("ready", flush=True)
for line in sys.stdin:
    if line.strip() == "lock":
        conn.execute("BEGIN IMMEDIATE")
        print("held", flush=True)
    elif line.strip() == "release":
        conn.execute("ROLLBACK")
        print("released", flush=True)
"""


class Locker:
    """Another process with the history open, that takes (and gives back) its write lock when told."""

    def __init__(self, path: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", LOCKER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.proc.stdout is not None and self.proc.stdout.readline().strip() == "ready"  # takes it at once

    def _say(self, word: str, answer: str) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(word + "\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == answer

    def lock(self) -> None:
        self._say("lock", "held")

    def release(self) -> None:
        self._say("release", "released")

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=10)


def make_service(sim: Simulator, history: Path) -> Service:
    settings = Settings(base_url=sim.base_url, auth_url=sim.base_url, corp_num=DEMO_CORP_NUM, lang="en", timeout=5.0)
    return Service(settings, LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY), history_path=history)


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history_module, "BUSY_TIMEOUT", 0.3)  # "locked past the wait", without waiting 30 s


def mail_csv(path: Path, count: int) -> Path:
    lines = ["MgtKeyType,MgtKey,Receiver"] + [f"SELL,J-{i},j{i}@example.com" for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def when(condition: object, then: object) -> threading.Thread:
    """Run `then()` on a thread as soon as `condition()` holds (checked every 5 ms, for at most 30 s)."""

    def watch() -> None:
        deadline = time.monotonic() + 30
        while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
            time.sleep(0.005)
        then()  # type: ignore[operator]

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def sent_once_each(sim: Simulator, count: int) -> None:
    sent = Counter(m.mgt_key for m in sim.state.sent_mails)
    assert sent == Counter(f"J-{i}" for i in range(count))


def test_a_history_locked_by_another_process_stops_the_batch_and_resume_finishes_it(
    sim: Simulator, tmp_path: Path, short_wait: None
) -> None:
    path = mail_csv(tmp_path / "m.csv", 8)
    service = make_service(sim, tmp_path / "history.sqlite3")
    locker = Locker(tmp_path / "history.sqlite3")
    try:
        plan = service.batches.plan(service.batches.read(path, "resend_email"), concurrency=2)
        sim.latency_ms = 300
        # Two rows are in flight (the simulator has their requests) when the other process takes the lock.
        watcher = when(lambda: sim.count("send_email") >= 2, locker.lock)
        report = service.batches.start(plan).run()
        watcher.join()
        sim.latency_ms = 0
        assert report.stop is Stop.JOURNAL and report.batch_id == 1
        assert report.error is not None and report.error.kind is Kind.HISTORY
        said = report.error.message
        assert "Batch #1 stopped" in said and "another program" in said and "can be resumed" in said
        counts = report.counts()
        assert (counts[RowState.UNKNOWN], counts[RowState.PENDING], counts[RowState.DONE]) == (2, 6, 0)
        unknown = [o for o in report.outcomes.values() if o.state is RowState.UNKNOWN]
        assert all("could not be recorded" in o.message for o in unknown)
        assert sim.count("send_email") == 2  # nothing left after the stop
        locker.release()
        info = service.journal().batch(1)
        assert info.unfinished and info.counts[RowState.SENDING] == 2  # never "completed" with rows left
        resumed_plan = service.batches.plan_resume(file=plan.file, concurrency=2)
        assert len(resumed_plan.recovered) == 2 and len(resumed_plan.rows) == 6
        resumed = service.batches.start(resumed_plan).run()
        assert resumed.stop is Stop.COMPLETED
        assert resumed.counts()[RowState.UNKNOWN] == 2  # the two in flight: check on the website, not resent
        sent_once_each(sim, 8)
    finally:
        locker.close()
        service.close()


def test_a_lock_held_before_the_start_sends_nothing(sim: Simulator, tmp_path: Path, short_wait: None) -> None:
    path = mail_csv(tmp_path / "m.csv", 3)
    service = make_service(sim, tmp_path / "history.sqlite3")
    service.history()  # the file exists
    locker = Locker(tmp_path / "history.sqlite3")
    try:
        plan = service.batches.plan(service.batches.read(path, "resend_email"), concurrency=1)
        locker.lock()
        report = service.batches.start(plan).run()
        assert report.stop is Stop.JOURNAL and report.batch_id == 0 and report.outcomes == {}
        assert report.error is not None and "nothing is sent" in report.error.message
        assert sim.count("send_email") == 0
        locker.release()
        assert service.journal().unfinished_batches() == []  # nothing journaled
    finally:
        locker.close()
        service.close()


def _can_mount() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0 and bool(
        shutil.which("mount")
    )


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MiB tmpfs (root on Linux only): a disk that really fills up."""
    if not _can_mount():
        pytest.skip("mounting a tmpfs needs root on Linux (test_a_full_history_* covers it with max_page_count)")
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", str(mount)], check=False)
    if done.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    """Fill the file system of `folder` to the last byte; the filler file's path."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)
    return filler


def test_a_full_disk_stops_the_batch_and_resume_finishes_it(sim: Simulator, tiny_disk: Path, tmp_path: Path) -> None:
    path = mail_csv(tmp_path / "m.csv", 6)
    service = make_service(sim, tiny_disk / "history.sqlite3")
    filled: list[Path] = []

    def full_after_the_first(_outcome: RowOutcome, progress: Progress) -> None:
        if progress.finished == 1:
            filled.append(fill(tiny_disk))

    try:
        plan = service.batches.plan(service.batches.read(path, "resend_email"), concurrency=1)
        report = service.batches.start(plan, on_row=full_after_the_first).run()
        assert report.stop is Stop.JOURNAL and report.error is not None
        assert "the disk is full" in report.error.message and "can be resumed" in report.error.message
        # Row 2's answer and row 3's "sending" mark were one transaction (group commit), written before the disk
        # filled: row 3 went, its answer could not be recorded (check on the website), and no other row left.
        assert report.counts()[RowState.DONE] == 1 and sim.count("send_email") == 2
        assert report.outcomes[3].state is RowState.UNKNOWN and "could not be recorded" in report.outcomes[3].message
        assert service.journal().batch_rows(report.batch_id, [RowState.SENDING])[0].row == 3  # journaled as leaving
        filled[0].unlink()  # the cause is gone
        resumed = service.batches.start(service.batches.plan_resume(file=plan.file, concurrency=1)).run()
        assert resumed.stop is Stop.COMPLETED
        assert (resumed.counts()[RowState.DONE], resumed.counts()[RowState.UNKNOWN]) == (5, 1)  # row 3: not resent
        sent_once_each(sim, 6)
    finally:
        service.close()


def test_a_full_history_stops_the_batch_and_resume_finishes_it(sim: Simulator, tmp_path: Path) -> None:
    # The same without mounting anything: SQLite's max_page_count makes the history "full" (SQLITE_FULL).
    path = mail_csv(tmp_path / "m.csv", 40)
    service = make_service(sim, tmp_path / "history.sqlite3")
    history = service.history()

    def full_after_the_first(_outcome: RowOutcome, progress: Progress) -> None:
        if progress.finished == 1:
            pages = history._conn.execute("PRAGMA page_count").fetchone()[0]
            history._conn.execute(f"PRAGMA max_page_count = {int(pages)}")

    try:
        plan = service.batches.plan(service.batches.read(path, "resend_email"), concurrency=1)
        report = service.batches.start(plan, on_row=full_after_the_first).run()
        assert report.stop is Stop.JOURNAL and report.error is not None and "disk is full" in report.error.message
        stopped = report.counts()
        assert stopped[RowState.PENDING] > 0 and stopped[RowState.SENDING] == 0
        assert service.journal().batch(report.batch_id).unfinished
        history._conn.execute("PRAGMA max_page_count = 1073741823")
        resumed = service.batches.start(service.batches.plan_resume(file=plan.file, concurrency=1)).run()
        assert resumed.stop is Stop.COMPLETED
        assert resumed.counts()[RowState.DONE] + resumed.counts()[RowState.UNKNOWN] == 40
        assert max(Counter(m.mgt_key for m in sim.state.sent_mails).values()) == 1  # none twice
    finally:
        service.close()


def test_a_damaged_history_sends_nothing_and_says_so(sim: Simulator, tmp_path: Path) -> None:
    from popbill_gui.service import HistoryError

    damaged = tmp_path / "history.sqlite3"
    damaged.write_bytes(b"this is not an SQLite file at all" * 200)
    service = make_service(sim, damaged)
    path = mail_csv(tmp_path / "m.csv", 2)
    with pytest.raises(HistoryError) as caught:
        service.batches.plan(service.batches.read(path, "resend_email"), concurrency=1)
    assert "history.sqlite3" in caught.value.describe("en")
    assert sim.count("send_email") == 0
    service.close()
