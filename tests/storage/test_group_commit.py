"""Group commit on a real history file: writes ready together share one transaction and one sync, each writer
returns only once its own write is committed (seen from another connection), a writer's refusal undoes only its
own statements, and a failure of SQLite's fails the whole group with nothing written."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from popbill_gui.storage.history import History, HistoryFailure
from tests.history_rows import commit_levels, sync_level


@pytest.fixture
def hist(tmp_path: Path) -> Iterator[History]:
    with History(tmp_path / "history.sqlite3") as h:
        h.write(lambda conn: conn.execute("CREATE TABLE t (n INTEGER)"))
        yield h


def committed(path: Path) -> list[int]:
    """What another connection sees: only committed rows."""
    conn = sqlite3.connect(path)
    try:
        return sorted(n for (n,) in conn.execute("SELECT n FROM t"))
    finally:
        conn.close()


class Writers:
    """A leader held inside its own work (so the others queue up), then writers started while it is held."""

    def __init__(self, hist: History) -> None:
        self.hist = hist
        self.entered = threading.Event()
        self.release = threading.Event()
        self.results: dict[int, Any] = {}
        self.threads: list[threading.Thread] = []

        def held(conn: sqlite3.Connection) -> None:
            conn.execute("INSERT INTO t VALUES (0)")
            self.entered.set()
            assert self.release.wait(30)

        self.start(0, held, durable=True)
        assert self.entered.wait(30)

    def start(self, key: int, work: Callable[[sqlite3.Connection], Any], *, durable: bool) -> None:
        def run() -> None:
            try:
                self.hist.write(work, durable=durable)
                self.results[key] = committed(self.hist.path)  # what another connection sees once write returns
            except Exception as exc:
                self.results[key] = exc

        thread = threading.Thread(target=run)
        self.threads.append(thread)
        thread.start()

    def go(self, waiting: int) -> None:
        """Release the leader once `waiting` writers queue behind it, and wait for everyone."""
        deadline = time.monotonic() + 30
        while len(self.hist._commits._waiting) < waiting and time.monotonic() < deadline:
            time.sleep(0.001)
        assert len(self.hist._commits._waiting) == waiting
        self.release.set()
        for thread in self.threads:
            thread.join(30)


def insert(n: int) -> Callable[[sqlite3.Connection], None]:
    return lambda conn: conn.execute("INSERT INTO t VALUES (?)", (n,))


def test_writes_ready_together_share_one_transaction_and_one_sync(hist: History) -> None:
    statements: list[str] = []
    level = sync_level(hist._conn)
    hist._conn.set_trace_callback(statements.append)
    groups, writes = hist._commits.groups, hist._commits.writes
    writers = Writers(hist)
    for n in range(1, 7):
        writers.start(n, insert(n), durable=True)
    writers.go(waiting=6)
    hist._conn.set_trace_callback(None)
    assert (hist._commits.groups - groups, hist._commits.writes - writes) == (2, 7)  # the held one, then all six
    assert commit_levels(statements, level) == ["FULL", "FULL"]  # two commits, each synced
    for n in range(1, 7):  # each writer returned with its own row committed: another connection sees it
        assert n in writers.results[n]
    assert committed(hist.path) == list(range(7))


def test_a_writer_whose_work_raises_undoes_only_its_own_statements(hist: History) -> None:
    def refused(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO t VALUES (2)")
        raise ValueError("row 2 must not be sent")

    writers = Writers(hist)
    writers.start(1, insert(1), durable=True)
    writers.start(2, refused, durable=True)
    writers.start(3, insert(3), durable=False)
    writers.go(waiting=3)
    assert isinstance(writers.results[2], ValueError) and str(writers.results[2]) == "row 2 must not be sent"
    assert committed(hist.path) == [0, 1, 3]


def test_a_failure_of_sqlite_fails_the_whole_group_and_writes_none_of_it(hist: History) -> None:
    writers = Writers(hist)
    writers.start(1, insert(1), durable=True)
    writers.start(2, lambda conn: conn.execute("INSERT INTO no_such_table VALUES (1)"), durable=False)
    writers.start(3, insert(3), durable=False)
    writers.go(waiting=3)
    assert all(isinstance(writers.results[n], HistoryFailure) for n in (1, 2, 3))
    assert committed(hist.path) == [0]  # only the held leader's own group
    hist.write(insert(4))  # and the next write goes on as usual
    assert committed(hist.path) == [0, 4]


def test_a_group_is_synced_when_one_of_its_writes_asks_and_only_then(hist: History) -> None:
    statements: list[str] = []
    level = sync_level(hist._conn)
    hist._conn.set_trace_callback(statements.append)
    writers = Writers(hist)
    writers.start(1, insert(1), durable=False)
    writers.start(2, insert(2), durable=False)
    writers.go(waiting=2)
    assert commit_levels(statements, level) == ["FULL", "NORMAL"]  # the held leader's alone: its group asked
    statements.clear()
    hist.write(insert(3))
    hist.write(insert(4), durable=True)
    hist.write(insert(5), durable=True)
    hist._conn.set_trace_callback(None)
    assert commit_levels(statements, "NORMAL") == ["NORMAL", "FULL", "FULL"]
    assert statements.count("PRAGMA synchronous = FULL") == 1  # switched when needed, not back after each
    hist.write(insert(6))
    assert hist._conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL again
