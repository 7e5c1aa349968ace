"""The call history and the batch journal: one SQLite file (WAL) in the platform's data directory.

Every call, single or batch, is one `CallRecord`: time, environment, CorpNum, operation, keys, receiver,
HTTP status, code, message, duration. A batch is journaled row by row: each row is marked "sending" and
committed durably before its request leaves, then done, failed or unknown after the answer (with its call
record, in the same transaction). After a crash, `recover` turns the rows left "sending" into "unknown", so
nothing whose outcome is unknown is ever sent again by mistake.

Never a secret here: the methods take no token, SecretKey or password, and the schema has no column for one.
Qt-free and thread-safe: one connection, guarded by a lock, shared by the worker threads. Other processes
(the window and a `popbill-cli batch` at the same time) may open the same file: WAL lets them read while one
writes, and writers wait for each other (busy timeout).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from time import time as _now
from typing import Any, Final

import platformdirs

from ..batch.model import OPERATIONS, InputRow, RowOutcome, RowState
from ..core.validation import Problem
from .private import SQLITE_COMPANIONS, private_file
from .settings import APP_NAME

log = logging.getLogger(__name__)

SCHEMA_VERSION: Final = 1
BUSY_TIMEOUT: Final = 30.0  # seconds a writer waits for another process's transaction to end

RUNNING: Final = "running"
FINISHED_STATUSES: Final = ("completed", "stopped", "cancelled")
BATCH_STATUSES: Final = (RUNNING, *FINISHED_STATUSES)

# Migrations: _MIGRATIONS[n] takes a database from user_version n to n + 1. Append, never edit.
_MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (
    (
        """CREATE TABLE IF NOT EXISTS batches (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created REAL NOT NULL,
            operation TEXT NOT NULL,
            source TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            environment TEXT NOT NULL,
            corp_num TEXT NOT NULL,
            concurrency INTEGER NOT NULL,
            status TEXT NOT NULL,
            finished REAL
        )""",
        "CREATE INDEX IF NOT EXISTS batches_status ON batches (status, fingerprint)",
        """CREATE TABLE IF NOT EXISTS batch_rows (
            batch_id INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
            row_num INTEGER NOT NULL,
            input_values TEXT NOT NULL,
            problems TEXT NOT NULL DEFAULT '[]',
            state TEXT NOT NULL,
            code INTEGER,
            message TEXT NOT NULL DEFAULT '',
            http_status INTEGER,
            duration REAL,
            attempts INTEGER NOT NULL DEFAULT 0,
            updated REAL NOT NULL,
            PRIMARY KEY (batch_id, row_num)
        ) WITHOUT ROWID""",
        """CREATE TABLE IF NOT EXISTS calls (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            time REAL NOT NULL,
            environment TEXT NOT NULL,
            corp_num TEXT NOT NULL,
            operation TEXT NOT NULL,
            mgt_key_type TEXT NOT NULL DEFAULT '',
            mgt_key TEXT NOT NULL DEFAULT '',
            item_key TEXT NOT NULL DEFAULT '',
            receiver TEXT NOT NULL DEFAULT '',
            http_status INTEGER,
            code INTEGER,
            message TEXT NOT NULL DEFAULT '',
            duration REAL,
            ok INTEGER NOT NULL,
            batch_id INTEGER REFERENCES batches (id) ON DELETE SET NULL,
            row_num INTEGER
        )""",
        "CREATE INDEX IF NOT EXISTS calls_time ON calls (time, id)",
        "CREATE INDEX IF NOT EXISTS calls_batch ON calls (batch_id, row_num)",
    ),
)
assert len(_MIGRATIONS) == SCHEMA_VERSION  # a migration added without the version, or the reverse

_CALL_COLUMNS: Final = (
    "id, time, environment, corp_num, operation, mgt_key_type, mgt_key, item_key, receiver,"
    " http_status, code, message, duration, ok, batch_id, row_num"
)
# What recent(text=...) searches: the keys, the receiver and the message.
_TEXT_COLUMNS: Final = ("mgt_key_type", "mgt_key", "item_key", "receiver", "message")
_BATCH_COLUMNS: Final = (
    "id, created, operation, source, fingerprint, environment, corp_num, concurrency, status, finished"
)


class HistoryError(Exception):
    """The history cannot be used: unreadable or newer file, or closed. The message names the file."""


class JournalError(HistoryError):
    """A journal request that cannot be honoured: no such batch or row, or a row that must not be sent again."""


@dataclass(frozen=True)
class CallRecord:
    id: int
    time: float  # POSIX seconds
    environment: str  # "test" / "production" / "demo"
    corp_num: str
    operation: str  # "resend_email", "assign_mgt_key", ...
    mgt_key_type: str
    mgt_key: str
    item_key: str
    receiver: str
    http_status: int | None
    code: int | None
    message: str
    duration: float | None  # seconds
    ok: bool
    batch_id: int | None
    row: int | None  # the spreadsheet row number, for batch calls


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
    status: str  # "running" / "completed" / "stopped" / "cancelled"
    counts: dict[RowState, int]  # every RowState, zero included
    finished: float | None = None  # when finish_batch was called

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


def default_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "history.sqlite3"


def _like(text: str) -> str:
    """`text` as a LIKE pattern matching it anywhere, with its own % _ and \\ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


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


class History:
    """The history file. `path`: where it is (default: `history.sqlite3` in the platform's data directory)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._lock = threading.Lock()
        self._closed = False
        try:
            private_file(self.path, SQLITE_COMPANIONS)  # receiver addresses: owner-only (storage/private.py)
            # isolation_level=None: no implicit transactions; every write is an explicit BEGIN IMMEDIATE ... COMMIT.
            # check_same_thread=False: worker threads share this connection, always under self._lock.
            self._conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise HistoryError(f"the history {self.path} cannot be opened: {exc}") from exc
        try:
            self._setup()
        except BaseException as exc:
            self._conn.close()
            self._closed = True
            if isinstance(exc, sqlite3.Error):
                raise HistoryError(f"the history {self.path} cannot be used: {exc}") from exc
            raise

    def _setup(self) -> None:
        conn = self._conn
        mode = str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
        if mode != "wal":  # e.g. a network drive without shared memory: still correct, only slower
            log.warning("the history %s is not in WAL mode (%s)", self.path, mode)
        # NORMAL in WAL mode: a commit is safe from a crash of the process at once; from a power cut once the WAL
        # is synced (at the next checkpoint or FULL commit). Good enough for call records; see _transaction.
        conn.execute("PRAGMA synchronous = NORMAL")
        # macOS: fsync() does not flush the drive's cache; F_FULLFSYNC does. Ignored on other systems.
        conn.execute("PRAGMA fullfsync = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        with self._transaction():
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise HistoryError(
                    f"the history {self.path} was written by a newer version of {APP_NAME}"
                    f" (schema {version}, this version knows {SCHEMA_VERSION})"
                )
            for step in range(version, SCHEMA_VERSION):
                for statement in _MIGRATIONS[step]:
                    conn.execute(statement)
            if version != SCHEMA_VERSION:
                conn.execute(f"PRAGMA user_version = {int(SCHEMA_VERSION)}")

    # --- plumbing ---

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._conn.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _locked(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._closed:
                raise HistoryError(f"the history {self.path} is closed")
            yield self._conn

    @contextmanager
    def _transaction(self, *, durable: bool = False) -> Iterator[sqlite3.Connection]:
        """One write transaction (the caller holds the lock). BEGIN IMMEDIATE takes the write lock up front, so
        two processes never deadlock upgrading a read lock.

        durable=True: committed with synchronous=FULL, which in WAL mode syncs the WAL to the disk before COMMIT
        returns, so the transaction survives a power cut, and with it every earlier transaction of any
        connection (they are earlier frames of the same WAL). Only the journal's "sending" marks (and the batch
        they belong to) need this: each costs one fsync, while the call records and results stay on NORMAL, where
        a power cut can lose the last ones at worst, and a lost "done" reads back as "sending", which `recover`
        turns into "unknown": checked on the website, never sent again. One connection switching the level
        rather than a second connection: SQLite allows the switch only outside a transaction, which is where it
        is done, under the same lock, and it costs no I/O.
        """
        conn = self._conn
        if durable:
            conn.execute("PRAGMA synchronous = FULL")
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        finally:
            if durable:
                conn.execute("PRAGMA synchronous = NORMAL")

    def _write(self, work: Callable[[sqlite3.Connection], Any], *, durable: bool = False) -> Any:
        with self._locked(), self._transaction(durable=durable) as conn:
            return work(conn)

    # --- call records ---

    def record_request(
        self,
        *,
        environment: str,
        corp_num: str,
        operation: str,
        keys: Mapping[str, str],
        http_status: int | None,
        code: int | None,
        message: str,
        duration: float | None,
        ok: bool,
    ) -> int:
        """record_call with the request's keys as a mapping (mgt_key_type, mgt_key, item_key, receiver)."""
        return self.record_call(
            environment=environment,
            corp_num=corp_num,
            operation=operation,
            mgt_key_type=keys.get("mgt_key_type", ""),
            mgt_key=keys.get("mgt_key", ""),
            item_key=keys.get("item_key", ""),
            receiver=keys.get("receiver", ""),
            http_status=http_status,
            code=code,
            message=message,
            duration=duration,
            ok=ok,
        )

    def record_call(
        self,
        *,
        environment: str,
        corp_num: str,
        operation: str,
        mgt_key_type: str = "",
        mgt_key: str = "",
        item_key: str = "",
        receiver: str = "",
        http_status: int | None = None,
        code: int | None = None,
        message: str = "",
        duration: float | None = None,
        ok: bool,
        batch_id: int | None = None,
        row: int | None = None,
        time: float | None = None,
    ) -> int:
        """Record one call; returns its id."""
        values = (
            _now() if time is None else float(time),
            environment,
            corp_num,
            operation,
            mgt_key_type,
            mgt_key,
            item_key,
            receiver,
            http_status,
            code,
            message,
            duration,
            int(bool(ok)),
            batch_id,
            row,
        )
        result: int = self._write(lambda conn: self._insert_call(conn, values))
        return result

    @staticmethod
    def _insert_call(conn: sqlite3.Connection, values: Sequence[object]) -> int:
        cursor = conn.execute(
            "INSERT INTO calls (time, environment, corp_num, operation, mgt_key_type, mgt_key, item_key, receiver,"
            " http_status, code, message, duration, ok, batch_id, row_num) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            tuple(values),
        )
        return int(cursor.lastrowid or 0)

    def recent(
        self,
        limit: int | None = 200,
        *,
        operation: str | None = None,
        ok: bool | None = None,
        text: str | None = None,
        since: float | None = None,
        until: float | None = None,
        environment: str | None = None,
        batch_id: int | None = None,
    ) -> list[CallRecord]:
        """The newest `limit` records matching every filter given (None: all of them), oldest first.

        text: found anywhere in the keys, the receiver or the message (case-insensitive for Latin letters;
        % and _ are literal). since <= time < until.
        """
        where: list[str] = []
        args: list[object] = []
        if operation is not None:
            where.append("operation = ?")
            args.append(operation)
        if ok is not None:
            where.append("ok = ?")
            args.append(int(ok))
        if text:
            pattern = _like(text)
            where.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in _TEXT_COLUMNS) + ")")
            args.extend([pattern] * len(_TEXT_COLUMNS))
        if since is not None:
            where.append("time >= ?")
            args.append(float(since))
        if until is not None:
            where.append("time < ?")
            args.append(float(until))
        if environment is not None:
            where.append("environment = ?")
            args.append(environment)
        if batch_id is not None:
            where.append("batch_id = ?")
            args.append(batch_id)
        sql = f"SELECT {_CALL_COLUMNS} FROM calls"  # noqa: S608 -- only fixed column names are put in the text
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY time DESC, id DESC LIMIT ?"
        args.append(-1 if limit is None else max(int(limit), 0))
        with self._locked() as conn:
            rows = conn.execute(sql, args).fetchall()
        return [_call_record(r) for r in reversed(rows)]

    # --- the batch journal ---

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
    ) -> int:
        """Journal a new batch, every row pending (invalid rows skipped), in one durable transaction.

        Raises ValueError, journaling nothing, for an unknown operation, a row number given twice, or an invalid
        row when `skip_invalid` is false (a file with an invalid row is refused whole).
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

        def work(conn: sqlite3.Connection) -> int:
            cursor = conn.execute(
                "INSERT INTO batches (created, operation, source, fingerprint, environment, corp_num, concurrency,"
                " status) VALUES (?,?,?,?,?,?,?,?)",
                (now, operation, source, fingerprint, environment, corp_num, int(concurrency), RUNNING),
            )
            batch_id = int(cursor.lastrowid or 0)
            conn.executemany(
                "INSERT INTO batch_rows (batch_id, row_num, input_values, problems, state, updated)"
                " VALUES (?,?,?,?,?,?)",
                (
                    (
                        batch_id,
                        r.row,
                        json.dumps(r.values, ensure_ascii=False),
                        _problems_json(r.problems),
                        (RowState.PENDING if r.valid else RowState.SKIPPED).value,
                        now,
                    )
                    for r in rows
                ),
            )
            return batch_id

        batch_id: int = self._write(work, durable=True)
        return batch_id

    def unfinished_batches(self, fingerprint: str | None = None) -> list[BatchInfo]:
        """Batches not marked finished (status "running"), newest first; only this file's when given."""
        sql = f"SELECT {_BATCH_COLUMNS} FROM batches WHERE status = ?"  # noqa: S608 -- fixed column names
        args: list[object] = [RUNNING]
        if fingerprint is not None:
            sql += " AND fingerprint = ?"
            args.append(fingerprint)
        sql += " ORDER BY created DESC, id DESC"
        with self._locked() as conn:
            return [self._batch_info(conn, r) for r in conn.execute(sql, args).fetchall()]

    def batch(self, batch_id: int) -> BatchInfo:
        with self._locked() as conn:
            return self._batch_info(conn, self._batch_row(conn, batch_id))

    def batch_rows(self, batch_id: int) -> list[JournalRow]:
        """Every row of the batch, in row-number order (the file's order)."""
        with self._locked() as conn:
            self._batch_row(conn, batch_id)
            rows = conn.execute(
                "SELECT row_num, input_values, problems, state, code, message, http_status, duration, attempts"
                " FROM batch_rows WHERE batch_id = ? ORDER BY row_num",
                (batch_id,),
            ).fetchall()
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

    def mark_sending(self, batch_id: int, row: int) -> None:
        """Mark the row as leaving, committed durably: call it right BEFORE its request is sent.

        Raises JournalError, marking nothing, when the row must not be sent: no such row, already sending (a
        crash not recovered, or two workers on one row), already done, or unknown in an AssignMgtKey batch (it
        may have been assigned: never again). Pending, failed and skipped rows may be sent, and unknown ones of
        a SendEmail batch (when the user asks to re-send them).
        """

        def work(conn: sqlite3.Connection) -> None:
            operation = self._batch_row(conn, batch_id)[2]
            found = conn.execute(
                "SELECT state FROM batch_rows WHERE batch_id = ? AND row_num = ?", (batch_id, row)
            ).fetchone()
            if found is None:
                raise JournalError(f"batch {batch_id} has no row {row}")
            state = RowState(found[0])
            if state in (RowState.SENDING, RowState.DONE) or (
                state is RowState.UNKNOWN and operation == "assign_mgt_key"
            ):
                raise JournalError(f"row {row} of batch {batch_id} is {state.value}: it must not be sent again")
            conn.execute(
                "UPDATE batch_rows SET state = ?, code = NULL, message = '', http_status = NULL, duration = NULL,"
                " attempts = attempts + 1, updated = ? WHERE batch_id = ? AND row_num = ?",
                (RowState.SENDING.value, _now(), batch_id, row),
            )

        self._write(work, durable=True)

    def mark_result(self, batch_id: int, row: int, outcome: RowOutcome) -> None:
        """The row's answer (done / failed / unknown, or pending again when the request surely never left),
        and its call record, in one transaction."""
        if outcome.row != row:
            raise ValueError(f"the outcome is for row {outcome.row}, not {row}")
        if outcome.state is RowState.SENDING:
            raise ValueError("mark_sending marks a row as sending")
        now = _now()

        def work(conn: sqlite3.Connection) -> None:
            batch = self._batch_row(conn, batch_id)
            found = conn.execute(
                "SELECT input_values FROM batch_rows WHERE batch_id = ? AND row_num = ?", (batch_id, row)
            ).fetchone()
            if found is None:
                raise JournalError(f"batch {batch_id} has no row {row}")
            conn.execute(
                "UPDATE batch_rows SET state = ?, code = ?, message = ?, http_status = ?, duration = ?, updated = ?"
                " WHERE batch_id = ? AND row_num = ?",
                (
                    outcome.state.value,
                    outcome.code,
                    outcome.message,
                    outcome.http_status,
                    outcome.duration,
                    now,
                    batch_id,
                    row,
                ),
            )
            values = _values_from(found[0])
            self._insert_call(
                conn,
                (
                    now,
                    batch[5],  # environment
                    batch[6],  # corp_num
                    batch[2],  # operation
                    values.get("mgt_key_type", ""),
                    values.get("mgt_key", ""),
                    values.get("item_key", ""),
                    values.get("receiver", ""),
                    outcome.http_status,
                    outcome.code,
                    outcome.message,
                    outcome.duration,
                    int(outcome.state is RowState.DONE),
                    batch_id,
                    row,
                ),
            )

        self._write(work)

    def mark_skipped(self, batch_id: int, rows: Iterable[int], message: str = "") -> None:
        """Mark these rows skipped (never sent because the batch stopped); only pending rows change."""
        numbers = [int(r) for r in rows]
        now = _now()

        def work(conn: sqlite3.Connection) -> None:
            self._batch_row(conn, batch_id)
            conn.executemany(
                "UPDATE batch_rows SET state = ?, message = ?, updated = ?"
                " WHERE batch_id = ? AND row_num = ? AND state = ?",
                ((RowState.SKIPPED.value, message, now, batch_id, n, RowState.PENDING.value) for n in numbers),
            )

        self._write(work)

    def recover(self, batch_id: int) -> list[int]:
        """After a crash: the rows left "sending" become "unknown" (check on the website); their row numbers."""

        def work(conn: sqlite3.Connection) -> list[int]:
            self._batch_row(conn, batch_id)
            found = [
                int(r[0])
                for r in conn.execute(
                    "SELECT row_num FROM batch_rows WHERE batch_id = ? AND state = ? ORDER BY row_num",
                    (batch_id, RowState.SENDING.value),
                ).fetchall()
            ]
            conn.execute(
                "UPDATE batch_rows SET state = ?, updated = ? WHERE batch_id = ? AND state = ?",
                (RowState.UNKNOWN.value, _now(), batch_id, RowState.SENDING.value),
            )
            return found

        result: list[int] = self._write(work)
        return result

    def finish_batch(self, batch_id: int, status: str) -> None:
        """Mark the batch finished: "completed", "stopped" or "cancelled" (then no longer offered for resuming)."""
        if status not in FINISHED_STATUSES:
            raise ValueError(f"a batch finishes as one of {', '.join(FINISHED_STATUSES)}, not {status!r}")

        def work(conn: sqlite3.Connection) -> None:
            self._batch_row(conn, batch_id)
            conn.execute("UPDATE batches SET status = ?, finished = ? WHERE id = ?", (status, _now(), batch_id))

        self._write(work)

    # --- helpers (the caller holds the lock) ---

    @staticmethod
    def _batch_row(conn: sqlite3.Connection, batch_id: int) -> tuple[Any, ...]:
        found = conn.execute(
            f"SELECT {_BATCH_COLUMNS} FROM batches WHERE id = ?",  # noqa: S608 -- fixed column names
            (batch_id,),
        ).fetchone()
        if found is None:
            raise JournalError(f"no batch {batch_id} in the history")
        return tuple(found)

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
        )


def _call_record(r: Sequence[Any]) -> CallRecord:
    return CallRecord(
        id=int(r[0]),
        time=float(r[1]),
        environment=str(r[2]),
        corp_num=str(r[3]),
        operation=str(r[4]),
        mgt_key_type=str(r[5]),
        mgt_key=str(r[6]),
        item_key=str(r[7]),
        receiver=str(r[8]),
        http_status=r[9],
        code=r[10],
        message=str(r[11]),
        duration=r[12],
        ok=bool(r[13]),
        batch_id=r[14],
        row=r[15],
    )
