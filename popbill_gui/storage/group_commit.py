"""Group commit: the writes that several threads have ready at the same moment share one transaction and one sync.

A writer hands its work to `GroupCommit.write` and waits. The first writer that finds no commit under way leads:
it takes every write waiting (its own among them), runs them in one transaction, each in a savepoint of its own (a
writer whose work raises undoes only its own statements and gets its own exception), commits (synced when any of
them asked for it), and wakes the writers. Writers that arrive while a commit is under way wait, and the next
leader takes them all together: the more writers are ready at once, the fewer transactions and syncs per write,
which is where a batch's workers would otherwise queue up one behind the other on the history's lock.

Nothing is promised early: `write` returns only once the transaction that holds this writer's work is committed
(and synced, when it asked for durability). When the transaction itself fails (SQLite cannot begin, write or
commit it) nothing of the group is written and every writer in it gets that failure. Qt-free, no I/O of its own.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

Work = Callable[[sqlite3.Connection], Any]
Transaction = Callable[[bool], AbstractContextManager[sqlite3.Connection]]


class _Write:
    __slots__ = ("done", "durable", "error", "value", "work")

    def __init__(self, work: Work, durable: bool) -> None:
        self.work = work
        self.durable = durable
        self.done = False
        self.value: Any = None
        self.error: BaseException | None = None


class GroupCommit:
    """The writes of one connection. `transaction(durable)`: a context manager that holds the connection's lock,
    begins a write transaction and commits it on a clean exit (synced when `durable`), rolls back otherwise."""

    def __init__(self, transaction: Transaction) -> None:
        self._transaction = transaction
        self._cond = threading.Condition(threading.Lock())
        self._waiting: list[_Write] = []
        self._leading = False
        self.groups = 0  # transactions run, and writes in them (for tests and benchmarks)
        self.writes = 0

    def write(self, work: Work, *, durable: bool = False) -> Any:
        """Run `work(connection)` in a write transaction, perhaps shared with other threads' writes; its value.

        Raises what `work` raised (only its own statements undone), or the transaction's own failure (nothing of
        the group written)."""
        mine = _Write(work, durable)
        with self._cond:
            self._waiting.append(mine)
            while self._leading and not mine.done:
                self._cond.wait()
            if not mine.done:
                self._leading = True
                group, self._waiting = self._waiting, []
        if not mine.done:
            try:
                self._run(group)
            finally:
                with self._cond:
                    self._leading = False
                    self._cond.notify_all()
        if mine.error is not None:
            raise mine.error
        return mine.value

    def _run(self, group: list[_Write]) -> None:
        try:
            with self._transaction(any(w.durable for w in group)) as conn:
                if len(group) == 1:  # alone: the transaction is its savepoint
                    group[0].value = group[0].work(conn)
                else:
                    for w in group:
                        _run_in_savepoint(conn, w)
        except BaseException as exc:  # noqa: BLE001 -- handed to every writer: nothing of the group is written
            for w in group:
                if w.error is None or len(group) == 1:
                    w.error = exc
                w.value = None
        finally:
            self.groups += 1
            self.writes += len(group)
            for w in group:
                w.done = True


def _run_in_savepoint(conn: sqlite3.Connection, w: _Write) -> None:
    conn.execute("SAVEPOINT group_write")
    try:
        w.value = w.work(conn)
    except sqlite3.Error:
        raise  # SQLite's own failure: the whole transaction is in doubt, so the whole group fails
    except Exception as exc:  # noqa: BLE001 -- this writer's own (a refusal, a bad request), raised in its thread
        conn.execute("ROLLBACK TO group_write")
        w.error = exc
    conn.execute("RELEASE group_write")
