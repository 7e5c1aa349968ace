"""The batch journal: a batch's rows and their states, kept crash-safe in the history database.

A batch is journaled row by row: each row is marked "sending" and committed durably before its request leaves,
then done, failed or unknown after the answer (with its call record, in the same transaction). A worker's answer
and its next row's mark are one transaction (`advance`), and the history commits the writes that several workers
have ready at once together (group commit): one transaction and at most one sync per row. After a crash,
`recover` turns the rows left "sending" into "unknown", so nothing whose outcome is unknown is ever sent again by
mistake. The tables live in the history file (`storage/history.py` owns the schema and the connection); this
module owns what the rows mean. Qt-free and thread-safe (every statement runs under the history's lock).

`recover` cannot tell a crashed run from a live one, so a batch is run by whoever holds its run lock (`lock`): an
OS file lock beside the history (`storage/locks.py`), taken before recovering and kept while the batch runs. A
new batch's lock is taken inside the transaction that journals it, so no other process ever sees it unlocked.

Every attempt at a row is also a call record in the history, written in the same transactions: "sending" with the
mark, settled with the result (or "unknown" by `recover`). So the history alone says what was done or may have
been done, for a batch and a single call alike: what a new batch leaves out (`batch/keys.py`). A failure to write
(the history locked past the wait, the disk full, a damaged file) raises HistoryFailure with nothing written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from time import time as _now
from typing import Any, Final

from ..core.messages import Lang, text
from ..core.validation import Problem
from ..storage.history import History, HistoryError
from ..storage.locks import FileLock, is_locked
from .keys import same_path
from .model import OPERATIONS, InputRow, RowOutcome, RowState

RUNNING: Final = "running"
ABANDONED: Final = "abandoned"  # given up by the clerk's choice: never resumed; its file's next batch leaves its rows
FINISHED_STATUSES: Final = ("completed", "stopped", "cancelled", ABANDONED)
BATCH_STATUSES: Final = (RUNNING, *FINISHED_STATUSES)
_BATCH_COLUMNS: Final = (
    "id, created, operation, source, fingerprint, environment, corp_num, concurrency, status, finished, file_changed"
)
# A row's state as its call record says it (storage/history.py CALL_STATES); a skipped row has no call.
CALL_STATE: Final = {
    RowState.SENDING: "sending", RowState.DONE: "done", RowState.FAILED: "failed", RowState.UNKNOWN: "unknown",
    RowState.PENDING: "not_done",
}  # fmt: skip
_ROW_STATE_OF_CALL: Final = {call: row for row, call in CALL_STATE.items()}


class JournalError(HistoryError):
    """A journal request that cannot be honoured: no such batch or row, or a row that must not be sent again."""


class UnfinishedExists(JournalError):
    """create_batch(sole=True) found the file already has an unfinished batch under the same environment and
    CorpNum (made meanwhile by another process, perhaps): a second batch would send its rows again."""

    def __init__(self, batch: BatchInfo) -> None:
        super().__init__(f"batch {batch.id} of this file is not finished")
        self.batch = batch


@dataclass(frozen=True)
class BatchInfo:
    id: int
    created: float  # POSIX seconds
    operation: str
    source: str  # the file path as given
    fingerprint: str
    environment: str
    corp_num: str
    concurrency: int
    status: str  # "running" / "completed" / "stopped" / "cancelled" / "abandoned"
    counts: dict[RowState, int]  # every RowState, zero included
    finished: float | None = None  # when finish_batch was called
    file_changed: bool = False  # resumed after its file was edited (mark_file_changed)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def unfinished(self) -> bool:
        return self.status == RUNNING


@dataclass(frozen=True)
class JournalRow:
    """One journaled input row: its spreadsheet row number, its values, its outcome so far."""

    row: int
    values: dict[str, str]
    outcome: RowOutcome
    problems: list[Problem] = field(default_factory=list)  # as given to create_batch (the skipped rows' reasons)
    attempts: int = 0  # how many times it was marked "sending"

    def input_row(self) -> InputRow:
        """The row as the reader gave it, to send it again on a resume."""
        return InputRow(self.row, dict(self.values), list(self.problems))


def _problems_json(problems: Sequence[Problem]) -> str:
    # default=str: a parameter that JSON cannot hold (rare) is kept as its text, which is all a message needs.
    return json.dumps(
        [{"field": p.field, "key": p.key, "params": p.params} for p in problems], ensure_ascii=False, default=str
    )


def _problems_from(text: str) -> list[Problem]:
    try:
        data = json.loads(text)
        return [Problem(str(p["field"]), str(p["key"]), dict(p.get("params") or {})) for p in data]
    except (ValueError, TypeError, KeyError, AttributeError):
        return []


def _values_from(text: str) -> dict[str, str]:
    data = json.loads(text)
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


class Journal:
    """The batches of one history file. `lang`: the words its call records are written with."""

    def __init__(self, history: History, lang: Lang = "ko") -> None:
        self._history = history
        self.lang: Lang = lang
        # advance: a batch's row, read once for what never changes in it (id, operation, environment, CorpNum; ids
        # are AUTOINCREMENT, never reused)
        self._fixed: dict[int, tuple[Any, ...]] = {}

    @property
    def history(self) -> History:
        return self._history

    def create_batch(
        self,
        *,
        operation: str,
        source: str,
        fingerprint: str,
        environment: str,
        corp_num: str,
        rows: Sequence[InputRow],
        concurrency: int,
        skip_invalid: bool = False,
        on_created: Callable[[int], None] | None = None,
        sole: bool = False,
        left_out: Mapping[int, str] | None = None,
    ) -> int:
        """Journal a new batch, every row pending (invalid rows skipped), in one durable transaction.

        Raises ValueError, journaling nothing, for an unknown operation, a row number given twice, or an invalid
        row when `skip_invalid` is false (a file with an invalid row is refused whole). `on_created(batch_id)` runs
        inside the transaction, before any other connection can see the batch (to take its run lock); if it
        raises, nothing is journaled. With `sole`, raises UnfinishedExists, journaling nothing, when the file
        (`fingerprint`) already has an unfinished batch under `environment` and `corp_num`: checked inside the same
        write transaction, so two processes that both planned the file before either started cannot both journal
        it (the second sees the first's batch); an unfinished batch of the same file path (`source`), edited since,
        counts too. `left_out`: valid rows journaled as skipped with that message (done or may have been done
        before: `batch/keys.py`).
        """
        if operation not in OPERATIONS:
            raise ValueError(f"unknown batch operation {operation!r}")
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        numbers = [r.row for r in rows]
        if len(set(numbers)) != len(numbers):
            raise ValueError("a row number is given twice")
        invalid = [r.row for r in rows if not r.valid]
        if invalid and not skip_invalid:
            raise ValueError(f"invalid rows and skip_invalid is false: {invalid[:10]}")
        now = _now()
        skip = dict(left_out or {})

        def state_of(r: InputRow) -> tuple[str, str]:
            if not r.valid:
                return RowState.SKIPPED.value, ""
            if r.row in skip:
                return RowState.SKIPPED.value, skip[r.row]
            return RowState.PENDING.value, ""

        def work(conn: sqlite3.Connection) -> int:
            if sole:
                sql = (
                    f"SELECT {_BATCH_COLUMNS} FROM batches WHERE status = ?"  # noqa: S608
                    " AND environment = ? AND corp_num = ? ORDER BY created DESC, id DESC"
                )
                for found in conn.execute(sql, (RUNNING, environment, corp_num)).fetchall():
                    if found[4] == fingerprint or same_path(found[3], source):
                        raise UnfinishedExists(self._batch_info(conn, found))
            cursor = conn.execute(
                "INSERT INTO batches (created, operation, source, fingerprint, environment, corp_num, concurrency,"
                " status) VALUES (?,?,?,?,?,?,?,?)",
                (now, operation, source, fingerprint, environment, corp_num, int(concurrency), RUNNING),
            )
            batch_id = int(cursor.lastrowid or 0)
            conn.executemany(
                "INSERT INTO batch_rows (batch_id, row_num, input_values, problems, state, message, updated)"
                " VALUES (?,?,?,?,?,?,?)",
                (
                    (
                        batch_id,
                        r.row,
                        json.dumps(r.values, ensure_ascii=False),
                        _problems_json(r.problems) if r.problems else "[]",
                        *state_of(r),
                        now,
                    )
                    for r in rows
                ),
            )
            if on_created is not None:
                on_created(batch_id)
            return batch_id

        batch_id: int = self._history.write(work, durable=True)
        return batch_id

    def lock_path(self, batch_id: int) -> Path:
        """The batch's run lock file, beside the history (in its private folder)."""
        path = self._history.path
        return path.with_name(f"{path.name}-batch-{int(batch_id)}.lock")

    def lock(self, batch_id: int) -> FileLock:
        """Take the batch's run lock: held until released, or until this process ends however it ends.

        Raises LockBusy (storage.locks) when another run holds it (another process, or another service in this
        one); OSError when no lock can be taken there at all.
        """
        return FileLock.acquire(self.lock_path(batch_id))

    def running_elsewhere(self, batch_id: int) -> bool:
        """Whether another run holds the batch's lock now (a look: the lock is not kept)."""
        return is_locked(self.lock_path(batch_id))

    def unfinished_batches(self, fingerprint: str | None = None) -> list[BatchInfo]:
        """Batches not marked finished (status "running"), newest first; only this file's when given."""
        sql = f"SELECT {_BATCH_COLUMNS} FROM batches WHERE status = ?"  # noqa: S608 -- fixed column names
        args: list[object] = [RUNNING]
        if fingerprint is not None:
            sql += " AND fingerprint = ?"
            args.append(fingerprint)
        sql += " ORDER BY created DESC, id DESC"
        found: list[BatchInfo] = self._history.read(
            lambda conn: [self._batch_info(conn, r) for r in conn.execute(sql, args).fetchall()]
        )
        return found

    def batches_of(
        self,
        environment: str,
        corp_num: str,
        *,
        source: str | None = None,
        fingerprint: str | None = None,
        operation: str | None = None,
    ) -> list[BatchInfo]:
        """The batches under this account of the file at `source` (any spelling of its path) or with these
        contents (`fingerprint`), of `operation` when given, newest first, whatever their status."""
        sql = (
            f"SELECT {_BATCH_COLUMNS} FROM batches WHERE environment = ? AND corp_num = ?"  # noqa: S608
            " ORDER BY created DESC, id DESC"
        )

        def wanted(r: Sequence[Any]) -> bool:
            if operation is not None and r[2] != operation:
                return False
            return (fingerprint is not None and r[4] == fingerprint) or (source is not None and same_path(r[3], source))

        def work(conn: sqlite3.Connection) -> list[BatchInfo]:
            rows = conn.execute(sql, (environment, corp_num)).fetchall()
            return [self._batch_info(conn, r) for r in rows if wanted(r)]

        found: list[BatchInfo] = self._history.read(work)
        return found

    def batch(self, batch_id: int) -> BatchInfo:
        info: BatchInfo = self._history.read(lambda conn: self._batch_info(conn, self._batch_row(conn, batch_id)))
        return info

    def batch_rows(self, batch_id: int, states: Iterable[RowState] | None = None) -> list[JournalRow]:
        """Every row of the batch (only those in `states`, when given), in row-number order (the file's order)."""
        wanted = None if states is None else [s.value for s in states]

        def work(conn: sqlite3.Connection) -> list[Any]:
            self._batch_row(conn, batch_id)
            sql = (
                "SELECT row_num, input_values, problems, state, code, message, http_status, duration, attempts"
                " FROM batch_rows WHERE batch_id = ?"
            )
            args: list[object] = [batch_id]
            if wanted is not None:
                sql += f" AND state IN ({','.join('?' for _ in wanted)})"
                args += wanted
            return conn.execute(sql + " ORDER BY row_num", args).fetchall()

        rows = self._history.read(work)
        return [
            JournalRow(
                row=int(r[0]),
                values=_values_from(r[1]),
                outcome=RowOutcome(int(r[0]), RowState(r[3]), r[4], r[5], r[6], r[7]),
                problems=_problems_from(r[2]),
                attempts=int(r[8]),
            )
            for r in rows
        ]

    def outcomes(self, batch_id: int) -> dict[int, RowOutcome]:
        """Every row's outcome by row number, as `batch_rows` has it without reading the values back (a report)."""

        def work(conn: sqlite3.Connection) -> list[Any]:
            self._batch_row(conn, batch_id)
            sql = "SELECT row_num, state, code, message, http_status, duration FROM batch_rows WHERE batch_id = ?"
            return conn.execute(sql + " ORDER BY row_num", (batch_id,)).fetchall()

        return {int(r[0]): RowOutcome(int(r[0]), RowState(r[1]), *r[2:]) for r in self._history.read(work)}

    def mark_sending(self, batch_id: int, row: int) -> None:
        """Mark the row as leaving, with its call record ("sending"), committed durably: call it right BEFORE its
        request is sent.

        Raises JournalError, marking nothing, when the row must not be sent: no such row, already sending (a
        crash not recovered, or two workers on one row), already done, or unknown in an AssignMgtKey batch (it
        may have been assigned: never again). Pending, failed and skipped rows may be sent, and unknown ones of
        a SendEmail batch (when the user asks to re-send them). HistoryFailure, marking nothing, when the history
        cannot be written: then the request must not leave.
        """
        refused = self.advance(batch_id, sending=row)
        if refused is not None:
            raise refused

    def mark_result(self, batch_id: int, row: int, outcome: RowOutcome) -> None:
        """The row's answer (done / failed / unknown, or pending again when the request surely never left, or
        when a look-up showed it was not carried out), and its call record, in one transaction. Also settles a
        row left unknown (by a look-up: `batch/runner.py`)."""
        if outcome.row != row:
            raise ValueError(f"the outcome is for row {outcome.row}, not {row}")
        self.advance(batch_id, outcome)

    def advance(
        self, batch_id: int, outcome: RowOutcome | None = None, sending: int | None = None
    ) -> JournalError | None:
        """A worker's step, in one transaction: the answer of the row it sent (`outcome`, as mark_result) and the
        "sending" mark of the row it sends next (`sending`, as mark_sending), committed durably when a row is
        marked. Call it right BEFORE that row's request leaves.

        So a row costs one transaction and one sync, not two; and the steps that workers take at the same moment
        share one (the history's group commit), so at higher concurrency the marks ready together share a sync.
        A crash at any point leaves each row either as it was or with both parts written.

        Returns the JournalError that refuses the mark (see mark_sending): then only the outcome is written and
        that row must not be sent. Raises HistoryFailure, writing neither, when the history cannot be written (the
        row marked must not leave); JournalError, writing neither, when the batch or the outcome's row does not
        exist; ValueError for an outcome mark_result does not take.
        """
        if outcome is not None and outcome.state in (RowState.SENDING, RowState.SKIPPED):
            raise ValueError("mark_sending marks a row as sending, mark_skipped as skipped")
        sending_text = text("history.sending", self.lang) if sending is not None else ""

        def work(conn: sqlite3.Connection) -> JournalError | None:
            batch = self._fixed.get(batch_id) or self._fixed.setdefault(batch_id, self._batch_row(conn, batch_id))
            now = _now()
            if outcome is not None:
                self._record(conn, batch, outcome, now)
            if sending is None:
                return None
            try:
                self._mark(conn, batch, sending, now, sending_text)
            except JournalError as exc:  # refused before anything of the mark was written
                return exc
            return None

        refused: JournalError | None = self._history.write(work, durable=sending is not None)
        return refused

    def _record(self, conn: sqlite3.Connection, batch: Sequence[Any], outcome: RowOutcome, now: float) -> None:
        row, batch_id = outcome.row, batch[0]
        values = (outcome.state.value, outcome.code, outcome.message, outcome.http_status, outcome.duration, now)
        updated = conn.execute(
            "UPDATE batch_rows SET state = ?, code = ?, message = ?, http_status = ?, duration = ?, updated = ?"
            " WHERE batch_id = ? AND row_num = ?",
            (*values, batch_id, row),
        )
        if updated.rowcount == 0:
            raise JournalError(f"batch {batch_id} has no row {row}")
        self._settle_call(conn, batch, None, row, now, outcome)

    def _mark(self, conn: sqlite3.Connection, batch: Sequence[Any], row: int, now: float, message: str) -> None:
        batch_id = batch[0]
        found = conn.execute(
            "SELECT state, input_values FROM batch_rows WHERE batch_id = ? AND row_num = ?", (batch_id, row)
        ).fetchone()
        if found is None:
            raise JournalError(f"batch {batch_id} has no row {row}")
        state = RowState(found[0])
        if state in (RowState.SENDING, RowState.DONE) or (state is RowState.UNKNOWN and batch[2] == "assign_mgt_key"):
            raise JournalError(f"row {row} of batch {batch_id} is {state.value}: it must not be sent again")
        conn.execute(
            "UPDATE batch_rows SET state = ?, code = NULL, message = '', http_status = NULL, duration = NULL,"
            " attempts = attempts + 1, updated = ? WHERE batch_id = ? AND row_num = ?",
            (RowState.SENDING.value, now, batch_id, row),
        )
        self._history.insert_call(conn, self._call_values(batch, found[1], row, now, RowState.SENDING, message))

    def unmark(self, batch_id: int, row: int) -> None:
        """Take back a "sending" mark whose request never left (the batch was cancelled or stopped between the
        mark and the send): the row is again what it was before, and the call record of that attempt is removed,
        since there was no call. Only a row still "sending" changes."""

        def work(conn: sqlite3.Connection) -> None:
            self._batch_row(conn, batch_id)
            found = conn.execute(
                "SELECT state FROM batch_rows WHERE batch_id = ? AND row_num = ?", (batch_id, row)
            ).fetchone()
            if found is None or found[0] != RowState.SENDING.value:
                return
            calls = conn.execute(
                "SELECT id, state, code, message, http_status, duration FROM calls"
                " WHERE batch_id = ? AND row_num = ? ORDER BY id DESC LIMIT 2",
                (batch_id, row),
            ).fetchall()
            if calls and calls[0][1] == "sending":
                conn.execute("DELETE FROM calls WHERE id = ?", (calls[0][0],))
                calls = calls[1:]
            # What the row was before: what its previous attempt's record says, else pending (never tried).
            _, state, code, message, http_status, duration = calls[0] if calls else (0, "", None, "", None, None)
            before = _ROW_STATE_OF_CALL.get(state, RowState.PENDING)
            if before in (RowState.SENDING, RowState.DONE):
                before, code, message, http_status, duration = RowState.PENDING, None, "", None, None
            conn.execute(
                "UPDATE batch_rows SET state = ?, code = ?, message = ?, http_status = ?, duration = ?,"
                " attempts = MAX(attempts - 1, 0), updated = ? WHERE batch_id = ? AND row_num = ?",
                (before.value, code, message, http_status, duration, _now(), batch_id, row),
            )

        self._history.write(work)

    def mark_skipped(self, batch_id: int, rows: Iterable[int], message: str = "") -> None:
        """Mark these rows skipped (never sent because the batch stopped, or edited since); only pending rows
        change."""
        numbers = [int(r) for r in rows]
        now = _now()

        def work(conn: sqlite3.Connection) -> None:
            self._batch_row(conn, batch_id)
            conn.executemany(
                "UPDATE batch_rows SET state = ?, message = ?, updated = ?"
                " WHERE batch_id = ? AND row_num = ? AND state = ?",
                ((RowState.SKIPPED.value, message, now, batch_id, n, RowState.PENDING.value) for n in numbers),
            )

        self._history.write(work)

    def recover(self, batch_id: int) -> list[int]:
        """After a crash: the rows left "sending" become "unknown" (check on the website), their call records
        too; their row numbers."""
        message = text("history.interrupted", self.lang)

        def work(conn: sqlite3.Connection) -> list[int]:
            batch = self._batch_row(conn, batch_id)
            found = conn.execute(
                "SELECT row_num, input_values FROM batch_rows WHERE batch_id = ? AND state = ? ORDER BY row_num",
                (batch_id, RowState.SENDING.value),
            ).fetchall()
            now = _now()
            conn.execute(
                "UPDATE batch_rows SET state = ?, message = ?, updated = ? WHERE batch_id = ? AND state = ?",
                (RowState.UNKNOWN.value, message, now, batch_id, RowState.SENDING.value),
            )
            for number, values in found:
                outcome = RowOutcome(int(number), RowState.UNKNOWN, message=message)
                self._settle_call(conn, batch, values, int(number), now, outcome)
            return [int(r[0]) for r in found]

        result: list[int] = self._history.write(work)
        return result

    def finish_batch(self, batch_id: int, status: str) -> None:
        """Mark the batch finished: "completed", "stopped", "cancelled" or "abandoned" (then no longer offered for
        resuming)."""
        if status not in FINISHED_STATUSES:
            raise ValueError(f"a batch finishes as one of {', '.join(FINISHED_STATUSES)}, not {status!r}")

        def work(conn: sqlite3.Connection) -> None:
            self._batch_row(conn, batch_id)
            conn.execute("UPDATE batches SET status = ?, finished = ? WHERE id = ?", (status, _now(), batch_id))

        self._history.write(work)
        self._fixed.pop(batch_id, None)  # a window's journal lives for many batches: keep only the running ones

    def mark_file_changed(self, batch_id: int) -> None:
        """The batch is resumed after its file was edited: its file's next new batch leaves out what it did."""

        def work(conn: sqlite3.Connection) -> None:
            self._batch_row(conn, batch_id)
            conn.execute("UPDATE batches SET file_changed = 1 WHERE id = ?", (batch_id,))

        self._history.write(work)

    # --- helpers (inside History.read / History.write) ---

    @staticmethod
    def _batch_row(conn: sqlite3.Connection, batch_id: int) -> tuple[Any, ...]:
        found = conn.execute(
            f"SELECT {_BATCH_COLUMNS} FROM batches WHERE id = ?",  # noqa: S608 -- fixed column names
            (batch_id,),
        ).fetchone()
        if found is None:
            raise JournalError(f"no batch {batch_id} in the history")
        return tuple(found)

    def _call_values(
        self, batch: Sequence[Any], input_values: str, row: int, now: float, state: RowState, message: str
    ) -> tuple[object, ...]:
        """A new call record of the row, in History.insert_call's order."""
        values = _values_from(input_values)
        return (
            now,
            batch[5],  # environment
            batch[6],  # corp_num
            batch[2],  # operation
            values.get("mgt_key_type", ""),
            values.get("mgt_key", ""),
            values.get("item_key", ""),
            values.get("receiver", ""),
            None,
            None,
            message,
            None,
            int(state is RowState.DONE),
            batch[0],
            row,
            CALL_STATE[state],
        )

    def _settle_call(
        self,
        conn: sqlite3.Connection,
        batch: Sequence[Any],
        input_values: str | None,
        row: int,
        now: float,
        outcome: RowOutcome,
    ) -> None:
        """The row's call record gets the outcome: the record of this attempt (left "sending", or "unknown" until a
        look-up settles it), or a new one when there is none (rows journaled by an earlier version). `input_values`:
        the row's, when the caller has them at hand (read here when a new record needs them)."""
        state = CALL_STATE[outcome.state]
        # One statement, not a look-up and an update: the row's last record, if it is still waiting for an outcome
        # (the columns History.update_call sets).
        said = (state, outcome.http_status, outcome.code, outcome.message, outcome.duration, int(state == "done"))
        settled = conn.execute(
            "UPDATE calls SET state = ?, http_status = ?, code = ?, message = ?, duration = ?, ok = ? WHERE id ="
            " (SELECT MAX(id) FROM calls WHERE batch_id = ? AND row_num = ?) AND state IN ('sending', 'unknown')",
            (*said, batch[0], row),
        )
        if settled.rowcount:
            return
        if input_values is None:  # the row exists: its outcome was just written
            sql = "SELECT input_values FROM batch_rows WHERE batch_id = ? AND row_num = ?"
            input_values = str(conn.execute(sql, (batch[0], row)).fetchone()[0])
        values = list(self._call_values(batch, input_values, row, now, outcome.state, outcome.message))
        values[8:10] = [outcome.http_status, outcome.code]
        values[11] = outcome.duration
        self._history.insert_call(conn, values)

    @staticmethod
    def _batch_info(conn: sqlite3.Connection, r: Sequence[Any]) -> BatchInfo:
        counts = dict.fromkeys(RowState, 0)
        for state, count in conn.execute(
            "SELECT state, COUNT(*) FROM batch_rows WHERE batch_id = ? GROUP BY state", (r[0],)
        ).fetchall():
            counts[RowState(state)] = int(count)
        return BatchInfo(
            id=int(r[0]),
            created=float(r[1]),
            operation=str(r[2]),
            source=str(r[3]),
            fingerprint=str(r[4]),
            environment=str(r[5]),
            corp_num=str(r[6]),
            concurrency=int(r[7]),
            status=str(r[8]),
            counts=counts,
            finished=None if r[9] is None else float(r[9]),
            file_changed=bool(r[10]),
        )
