"""The call history: one SQLite file (WAL) in the platform's data directory, and the plumbing others write with.

Every call, single or batch, is one `CallRecord`: time, environment, CorpNum, operation, keys, receiver,
HTTP status, code, message, duration. The same file holds the batch journal (`batch/journal.py`), which writes
through `History.write` and `History.insert_call` so that a row's outcome and its call record are one transaction.
The schema (both parts) is versioned here, as SQL only: this module knows no batch types.

Never a secret here: the methods take no token, SecretKey or password, and the schema has no column for one.
Qt-free and thread-safe: one connection, guarded by a lock, shared by the worker threads; the writes they have
ready at the same moment share one transaction and one sync (group commit: `group_commit.py`). Other processes
(the window and a `popbill-cli batch` at the same time) may open the same file: WAL lets them read while one
writes, and writers wait for each other (busy timeout).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from time import time as _now
from typing import Any, Final

import platformdirs

from .errors import HistoryError, HistoryFailure
from .group_commit import GroupCommit
from .private import SQLITE_COMPANIONS, private_file
from .settings import APP_NAME

__all__ = ["CallRecord", "History", "HistoryError", "HistoryFailure", "default_path"]

log = logging.getLogger(__name__)

SCHEMA_VERSION: Final = 2
BUSY_TIMEOUT: Final = 30.0  # seconds a writer waits for another process's transaction to end

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
    (
        # Every call is journaled: "sending" before its request leaves, then done / failed / unknown / not_done.
        # Older records get the state their `ok` says, and a batch row's last record the row's own "unknown".
        "ALTER TABLE calls ADD COLUMN state TEXT NOT NULL DEFAULT ''",
        "UPDATE calls SET state = CASE WHEN ok THEN 'done' ELSE 'failed' END",
        """UPDATE calls SET state = 'unknown' WHERE ok = 0 AND batch_id IS NOT NULL
            AND id = (SELECT MAX(c.id) FROM calls AS c WHERE c.batch_id = calls.batch_id AND c.row_num = calls.row_num)
            AND EXISTS (SELECT 1 FROM batch_rows AS r WHERE r.batch_id = calls.batch_id AND r.row_num = calls.row_num
                        AND r.state IN ('unknown', 'sending'))""",
        # A batch resumed after its file was edited: the next new batch of that file leaves out what it did.
        "ALTER TABLE batches ADD COLUMN file_changed INTEGER NOT NULL DEFAULT 0",
    ),
)
assert len(_MIGRATIONS) == SCHEMA_VERSION  # a migration added without the version, or the reverse

_CALL_COLUMNS: Final = (
    "id, time, environment, corp_num, operation, mgt_key_type, mgt_key, item_key, receiver,"
    " http_status, code, message, duration, ok, batch_id, row_num, state"
)
# A call's state: "sending" from just before its request leaves until its answer is recorded (a record left so
# by a killed process may have been carried out), then what the answer said. "not_done": not carried out (it never
# left, or a look-up of the invoice showed it was not done): safe to send again.
CALL_STATES: Final = ("sending", "done", "failed", "unknown", "not_done")
MAYBE_DELIVERED_STATES: Final = ("sending", "unknown")
# What SQLite's primary result codes mean for the clerk (HistoryFailure.cause); anything else is "other".
_CAUSES: Final = {
    5: "busy",  # SQLITE_BUSY: another program held the write lock past the wait
    6: "busy",  # SQLITE_LOCKED
    13: "full",  # SQLITE_FULL
    11: "corrupt",  # SQLITE_CORRUPT
    26: "corrupt",  # SQLITE_NOTADB
    8: "unwritable",  # SQLITE_READONLY
    10: "unwritable",  # SQLITE_IOERR (ENOSPC comes as SQLITE_FULL or an I/O error)
    14: "unwritable",  # SQLITE_CANTOPEN
}
_CAUSE_WORDS: Final = (
    ("busy", "locked"),
    ("full", "full"),
    ("corrupt", "malformed"),
    ("corrupt", "not a database"),
    ("unwritable", "readonly"),
    ("unwritable", "disk i/o"),
)
# What recent(text=...) searches: the keys, the receiver and the message.
_TEXT_COLUMNS: Final = ("mgt_key_type", "mgt_key", "item_key", "receiver", "message")


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
    state: str = ""  # one of CALL_STATES

    @property
    def maybe_delivered(self) -> bool:
        """Sent, and no answer recorded that says what became of it: it may have been carried out."""
        return self.state in MAYBE_DELIVERED_STATES


def failure_of(exc: sqlite3.Error, path: object) -> HistoryFailure:
    """SQLite's error as the clerk's kind of failure (locked, full, damaged, not writable)."""
    code = getattr(exc, "sqlite_errorcode", None)
    cause = _CAUSES.get(code & 0xFF, "other") if isinstance(code, int) else "other"
    if cause == "other":  # an error without a code (raised by the sqlite3 module itself): its words say it
        words = str(exc).lower()
        cause = next((c for c, w in _CAUSE_WORDS if w in words), "other")
    return HistoryFailure(cause, path, str(exc))


def default_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "history.sqlite3"


def _like(text: str) -> str:
    """`text` as a LIKE pattern matching it anywhere, with its own % _ and \\ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class History:
    """The history file. `path`: where it is (default: `history.sqlite3` in the platform's data directory)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._lock = threading.Lock()
        self._closed = False
        self._synchronous = ""  # the connection's level now (see _transaction)
        self._commits = GroupCommit(self._locked_transaction)  # writes ready together share one (group_commit.py)
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
        self._synchronous = "NORMAL"
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
        is done, under the same lock, and it costs no I/O. It is switched when the transaction needs the other
        level, not back after each one: a batch's transactions are durable one after another (a row's answer
        with the next row's mark), and two statements fewer each matter when eight workers share the lock.
        """
        conn = self._conn
        level = "FULL" if durable else "NORMAL"
        if self._synchronous != level:
            conn.execute(f"PRAGMA synchronous = {level}")
            self._synchronous = level
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _locked_transaction(self, durable: bool) -> Iterator[sqlite3.Connection]:
        with self._locked(), self._transaction(durable=durable) as conn:
            yield conn

    def write(self, work: Callable[[sqlite3.Connection], Any], *, durable: bool = False) -> Any:
        """Run `work(connection)` in a write transaction, under the lock; returns when it is committed (synced
        when `durable`: see _transaction). Writes that other threads have ready at the same moment share the
        transaction and its sync (group commit, `group_commit.py`); `work` raising undoes only its own statements.

        SQLite's own failures (the write lock held by another program past BUSY_TIMEOUT, a full disk, a damaged
        file, a folder no longer writable) raise HistoryFailure, with nothing of the transaction written."""
        try:
            return self._commits.write(work, durable=durable)
        except sqlite3.Error as exc:
            raise failure_of(exc, self.path) from exc

    def read(self, work: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run `work(connection)` under the lock, outside a write transaction (HistoryFailure as for write)."""
        try:
            with self._locked() as conn:
                return work(conn)
        except sqlite3.Error as exc:
            raise failure_of(exc, self.path) from exc

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
        state: str | None = None,
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
            state=state,
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
        state: str | None = None,
    ) -> int:
        """Record one call, whose answer came (or never will); returns its id. `state` (CALL_STATES): by default
        "done" when ok, else "failed"."""
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
            state or ("done" if ok else "failed"),
        )
        result: int = self.write(lambda conn: self.insert_call(conn, values))
        return result

    @staticmethod
    def insert_call(conn: sqlite3.Connection, values: Sequence[object]) -> int:
        """Insert one call record inside a transaction of `write` (values in the order of record_call, the state
        last)."""
        cursor = conn.execute(
            "INSERT INTO calls (time, environment, corp_num, operation, mgt_key_type, mgt_key, item_key, receiver,"
            " http_status, code, message, duration, ok, batch_id, row_num, state)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            tuple(values),
        )
        return int(cursor.lastrowid or 0)

    @staticmethod
    def update_call(
        conn: sqlite3.Connection,
        call_id: int,
        *,
        state: str,
        http_status: int | None,
        code: int | None,
        message: str,
        duration: float | None,
    ) -> None:
        """Settle a record inside a transaction of `write`: what the answer said (or that none will come)."""
        conn.execute(
            "UPDATE calls SET state = ?, http_status = ?, code = ?, message = ?, duration = ?, ok = ? WHERE id = ?",
            (state, http_status, code, message, duration, int(state == "done"), call_id),
        )

    # --- single calls, journaled like batch rows ---

    def begin_call(
        self, *, environment: str, corp_num: str, operation: str, keys: Mapping[str, str], message: str = ""
    ) -> int:
        """A "sending" record of a call about to leave, committed durably (synced) before this returns: a process
        killed before the answer is recorded leaves a record that says the call may have been carried out.
        Returns its id, for settle_call. HistoryFailure when it cannot be written (then do not send)."""
        values = (
            _now(),
            environment,
            corp_num,
            operation,
            keys.get("mgt_key_type", ""),
            keys.get("mgt_key", ""),
            keys.get("item_key", ""),
            keys.get("receiver", ""),
            None,
            None,
            message,
            None,
            0,
            None,
            None,
            "sending",
        )
        result: int = self.write(lambda conn: self.insert_call(conn, values), durable=True)
        return result

    def settle_call(
        self,
        call_id: int,
        *,
        state: str,
        http_status: int | None = None,
        code: int | None = None,
        message: str = "",
        duration: float | None = None,
    ) -> None:
        """What became of a call begun with begin_call (state: one of CALL_STATES but "sending")."""
        if state not in CALL_STATES or state == "sending":
            raise ValueError(f"a call is settled as done, failed, unknown or not_done, not {state!r}")
        self.write(
            lambda conn: self.update_call(
                conn, call_id, state=state, http_status=http_status, code=code, message=message, duration=duration
            )
        )

    def settled_calls(
        self, *, environment: str, corp_num: str, operation: str, since: float, states: Sequence[str]
    ) -> list[CallRecord]:
        """The account's calls of `operation` from `since` on, in `states` (what a new batch leaves out)."""
        marks = ",".join("?" for _ in states)
        sql = (
            f"SELECT {_CALL_COLUMNS} FROM calls WHERE time >= ? AND environment = ? AND corp_num = ?"  # noqa: S608
            f" AND operation = ? AND state IN ({marks}) ORDER BY time, id"
        )
        args = [float(since), environment, corp_num, operation, *states]
        rows = self.read(lambda conn: conn.execute(sql, args).fetchall())
        return [_call_record(r) for r in rows]

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
        rows = self.read(lambda conn: conn.execute(sql, args).fetchall())
        return [_call_record(r) for r in reversed(rows)]


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
        state=str(r[16]),
    )
