"""The SQLite history and batch journal: WAL, filters, threads, the journal's life cycle and a real crash."""

from __future__ import annotations

import inspect
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

from popbill_gui.batch.model import InputRow, RowOutcome, RowState
from popbill_gui.core.validation import Problem
from popbill_gui.storage.history import (
    SCHEMA_VERSION,
    BatchInfo,
    CallRecord,
    History,
    HistoryError,
    JournalError,
    JournalRow,
)

REPO = Path(__file__).resolve().parents[2]
SECRET_WORDS = ("token", "secret", "password", "passwd", "credential", "link_id", "linkid")


@pytest.fixture
def hist(tmp_path: Path) -> Iterator[History]:
    with History(tmp_path / "history.sqlite3") as h:
        yield h


def resend_rows(numbers: range | list[int]) -> list[InputRow]:
    return [
        InputRow(n, {"mgt_key_type": "SELL", "mgt_key": f"K-{n}", "receiver": f"r{n}@example.com"}) for n in numbers
    ]


def assign_rows(numbers: range | list[int]) -> list[InputRow]:
    return [InputRow(n, {"item_key": f"{n:018d}", "mgt_key_type": "SELL", "mgt_key": f"ID-{n}"}) for n in numbers]


def new_batch(h: History, rows: list[InputRow], operation: str = "resend_email", **kw: object) -> int:
    args: dict[str, object] = {
        "operation": operation,
        "source": "/data/월말.csv",
        "fingerprint": "sha256:abc",
        "environment": "test",
        "corp_num": "1248100998",
        "rows": rows,
        "concurrency": 4,
    }
    args.update(kw)
    return h.create_batch(**args)  # type: ignore[arg-type]


def call(h: History, **kw: object) -> int:
    args: dict[str, object] = {"environment": "test", "corp_num": "1248100998", "operation": "resend_email", "ok": True}
    args.update(kw)
    return h.record_call(**args)  # type: ignore[arg-type]


# --- the file ---


def test_wal_mode_schema_version_and_default_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "data" / "popbill-gui"
    seen: list[tuple[str, object]] = []

    def user_data_dir(name: str, appauthor: object = None) -> str:
        seen.append((name, appauthor))
        return str(data_dir)

    monkeypatch.setattr(platformdirs, "user_data_dir", user_data_dir)
    with History() as h:  # creates the folder and the schema
        assert h.path == data_dir / "history.sqlite3"
        assert h.path.is_file()
    assert seen == [("popbill-gui", False)]
    with sqlite3.connect(data_dir / "history.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"calls", "batches", "batch_rows"} <= tables


def test_reopening_keeps_data_and_version(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with History(path) as h:
        call(h, mgt_key="A")
        assert h._conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert h._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with History(path) as h:
        assert [r.mgt_key for r in h.recent()] == ["A"]
        assert h._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_newer_schema_or_a_file_that_is_no_database_is_a_clear_error(tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(HistoryError, match="newer version"):
        History(newer)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not an SQLite file at all" * 100)
    with pytest.raises(HistoryError, match=r"garbage\.sqlite3"):
        History(garbage)


def test_closed_history_says_so(tmp_path: Path) -> None:
    h = History(tmp_path / "h.sqlite3")
    h.close()
    h.close()  # twice is fine
    with pytest.raises(HistoryError, match="closed"):
        h.recent()
    with pytest.raises(HistoryError, match="closed"):
        call(h)


def test_no_secret_can_be_stored(hist: History) -> None:
    columns = []
    for (table,) in hist._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        columns += [(table, r[1]) for r in hist._conn.execute(f"PRAGMA table_info({table})").fetchall()]
    assert len(columns) > 20
    offending = [(t, c) for t, c in columns if any(word in c.lower() for word in SECRET_WORDS)]
    assert offending == []
    for method in (History.record_call, History.create_batch):
        params = inspect.signature(method).parameters
        assert not [p for p in params if any(word in p.lower() for word in SECRET_WORDS)]


# --- call records ---


def test_record_and_read_back_every_field(hist: History) -> None:
    record_id = hist.record_call(
        environment="production",
        corp_num="1234567890",
        operation="assign_mgt_key",
        mgt_key_type="SELL",
        mgt_key="2024-01",
        item_key="123456789012345678",
        receiver="",
        http_status=400,
        code=-11001038,
        message="이미 사용중인 문서번호",
        duration=0.25,
        ok=False,
        time=1_700_000_000.5,
    )
    assert hist.recent() == [
        CallRecord(
            id=record_id,
            time=1_700_000_000.5,
            environment="production",
            corp_num="1234567890",
            operation="assign_mgt_key",
            mgt_key_type="SELL",
            mgt_key="2024-01",
            item_key="123456789012345678",
            receiver="",
            http_status=400,
            code=-11001038,
            message="이미 사용중인 문서번호",
            duration=0.25,
            ok=False,
            batch_id=None,
            row=None,
        )
    ]
    second = call(hist)  # defaults: now, empty keys, no status
    latest = hist.recent()[-1]
    assert latest.id == second > record_id
    assert (latest.http_status, latest.code, latest.duration, latest.mgt_key, latest.ok) == (None, None, None, "", True)


def test_recent_is_the_newest_last_and_every_filter_works(hist: History) -> None:
    call(hist, time=100.0, mgt_key="A1", ok=True, operation="resend_email", receiver="a@x.kr")
    call(hist, time=200.0, mgt_key="B2", ok=False, operation="assign_mgt_key", message="not found", code=-11000005)
    call(hist, time=300.0, item_key="000000000000000001", ok=False, operation="assign_mgt_key", environment="demo")
    call(hist, time=400.0, mgt_key="C3", ok=True, operation="resend_email", message="이메일 재전송 완료")
    call(hist, time=50.0, mgt_key="OLD", ok=True)  # recorded late, but the oldest

    def keys(records: list[CallRecord]) -> list[str]:
        return [r.mgt_key or r.item_key for r in records]

    assert keys(hist.recent()) == ["OLD", "A1", "B2", "000000000000000001", "C3"]
    assert keys(hist.recent(2)) == ["000000000000000001", "C3"]  # the newest two, newest last
    assert keys(hist.recent(None)) == keys(hist.recent())
    assert hist.recent(0) == []
    assert keys(hist.recent(operation="assign_mgt_key")) == ["B2", "000000000000000001"]
    assert keys(hist.recent(ok=False)) == ["B2", "000000000000000001"]
    assert keys(hist.recent(ok=True)) == ["OLD", "A1", "C3"]
    assert keys(hist.recent(since=200.0)) == ["B2", "000000000000000001", "C3"]  # since is inclusive
    assert keys(hist.recent(until=300.0)) == ["OLD", "A1", "B2"]  # until is not
    assert keys(hist.recent(since=100.0, until=400.0, ok=False)) == ["B2", "000000000000000001"]
    assert keys(hist.recent(environment="demo")) == ["000000000000000001"]
    assert keys(hist.recent(text="b2")) == ["B2"]  # keys, case-insensitive
    assert keys(hist.recent(text="@x.KR")) == ["A1"]  # receiver
    assert keys(hist.recent(text="NOT FOUND")) == ["B2"]  # message
    assert keys(hist.recent(text="재전송")) == ["C3"]  # Korean
    assert keys(hist.recent(text="00001")) == ["000000000000000001"]  # ItemKey
    assert keys(hist.recent(text="SELL")) == []
    assert keys(hist.recent(text="")) == keys(hist.recent())  # empty text: no filter
    assert keys(hist.recent(1, text="1")) == ["000000000000000001"]


def test_text_filter_takes_like_wildcards_literally(hist: History) -> None:
    call(hist, mgt_key="A_B")
    call(hist, mgt_key="AXB")
    call(hist, message="100% done")
    call(hist, message="100 done")
    call(hist, receiver="back\\slash@x.kr")
    call(hist, receiver="backslash@x.kr")

    def found(text: str) -> list[str]:
        return [r.mgt_key or r.message or r.receiver for r in hist.recent(text=text)]

    assert found("A_B") == ["A_B"]
    assert found("_") == ["A_B"]
    assert found("%") == ["100% done"]
    assert found("0% d") == ["100% done"]
    assert found("\\") == ["back\\slash@x.kr"]
    assert found("k\\s") == ["back\\slash@x.kr"]
    assert found("'") == []  # a quote is just a character


def test_batch_id_filter(hist: History) -> None:
    batch_id = new_batch(hist, resend_rows([2, 3]))
    call(hist, mgt_key="single")
    hist.mark_sending(batch_id, 2)
    hist.mark_result(batch_id, 2, RowOutcome(2, RowState.DONE, 1, "ok", 200, 0.1))
    assert [r.mgt_key for r in hist.recent(batch_id=batch_id)] == ["K-2"]


def test_eight_threads_record_at_once_and_nothing_is_lost(hist: History) -> None:
    threads, each = 8, 200
    barrier = threading.Barrier(threads)
    ids: list[int] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def work(t: int) -> None:
        try:
            barrier.wait()
            mine = [call(hist, mgt_key=f"T{t}-{i}", duration=0.001) for i in range(each)]
            with lock:
                ids.extend(mine)
        except BaseException as exc:
            errors.append(exc)

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert errors == []
    records = hist.recent(None)
    assert len(records) == len(ids) == len(set(ids)) == threads * each
    assert {r.mgt_key for r in records} == {f"T{t}-{i}" for t in range(threads) for i in range(each)}


def test_two_instances_on_one_file_see_each_other_and_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    with History(path) as first, History(path) as second:
        call(first, mgt_key="from-first")
        assert [r.mgt_key for r in second.recent()] == ["from-first"]
        batch_id = new_batch(second, resend_rows([2, 3]))
        assert [b.id for b in first.unfinished_batches()] == [batch_id]
        first.mark_sending(batch_id, 2)
        assert second.batch(batch_id).counts[RowState.SENDING] == 1
        second.finish_batch(batch_id, "stopped")
        assert first.unfinished_batches() == []

        def work(h: History, tag: str) -> None:
            for i in range(100):
                call(h, mgt_key=f"{tag}-{i}")

        workers = [
            threading.Thread(target=work, args=(h, f"{n}{t}"))
            for t in range(3)
            for n, h in (("a", first), ("b", second))
        ]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        assert len(first.recent(None)) == len(second.recent(None)) == 1 + 6 * 100


# --- the batch journal ---


def test_journal_life_cycle(hist: History) -> None:
    rows = resend_rows(range(2, 7))
    bad = InputRow(
        7, {"mgt_key_type": "SELL", "mgt_key": "K/7", "receiver": "x"}, [Problem("mgt_key", "mgt_key.chars")]
    )
    batch_id = new_batch(hist, [*rows, bad], skip_invalid=True)

    info = hist.batch(batch_id)
    assert isinstance(info, BatchInfo)
    assert (info.id, info.operation, info.source, info.fingerprint) == (
        batch_id,
        "resend_email",
        "/data/월말.csv",
        "sha256:abc",
    )
    assert (info.environment, info.corp_num, info.concurrency, info.status) == ("test", "1248100998", 4, "running")
    assert info.finished is None and info.unfinished and info.total == 6 and info.created > 0
    assert info.counts == {**dict.fromkeys(RowState, 0), RowState.PENDING: 5, RowState.SKIPPED: 1}

    journal = hist.batch_rows(batch_id)
    assert [j.row for j in journal] == [2, 3, 4, 5, 6, 7]
    assert journal[0] == JournalRow(2, rows[0].values, RowOutcome(2), [], 0)
    assert journal[-1].outcome.state is RowState.SKIPPED
    assert journal[-1].problems == [Problem("mgt_key", "mgt_key.chars")]
    assert journal[-1].input_row() == bad and not journal[-1].input_row().valid
    assert journal[0].input_row() == rows[0]

    hist.mark_sending(batch_id, 2)
    hist.mark_sending(batch_id, 3)
    hist.mark_sending(batch_id, 4)
    assert hist.batch(batch_id).counts[RowState.SENDING] == 3
    hist.mark_result(batch_id, 2, RowOutcome(2, RowState.DONE, 1, "이메일 재전송 완료", 200, 0.05))
    hist.mark_result(batch_id, 3, RowOutcome(3, RowState.FAILED, -11000005, "not found", 400, 0.04))
    hist.mark_result(batch_id, 4, RowOutcome(4, RowState.UNKNOWN, -99999999, "read timeout", None, 30.0))
    hist.mark_skipped(batch_id, [5, 2, 99], message="the batch stopped")  # only pending rows change

    by_row = {j.row: j for j in hist.batch_rows(batch_id)}
    assert by_row[2].outcome == RowOutcome(2, RowState.DONE, 1, "이메일 재전송 완료", 200, 0.05)
    assert by_row[2].attempts == 1
    assert by_row[3].outcome == RowOutcome(3, RowState.FAILED, -11000005, "not found", 400, 0.04)
    assert by_row[4].outcome.state is RowState.UNKNOWN and by_row[4].outcome.http_status is None
    assert by_row[5].outcome == RowOutcome(5, RowState.SKIPPED, None, "the batch stopped")
    assert by_row[6].outcome == RowOutcome(6)
    counts = hist.batch(batch_id).counts
    assert (counts[RowState.DONE], counts[RowState.FAILED], counts[RowState.UNKNOWN]) == (1, 1, 1)
    assert (counts[RowState.SKIPPED], counts[RowState.PENDING], counts[RowState.SENDING]) == (2, 1, 0)

    # Each result is also a call record, with the batch's environment and CorpNum and the row's keys.
    records = hist.recent(batch_id=batch_id)
    assert [(r.row, r.ok, r.code, r.mgt_key, r.receiver) for r in records] == [
        (2, True, 1, "K-2", "r2@example.com"),
        (3, False, -11000005, "K-3", "r3@example.com"),
        (4, False, -99999999, "K-4", "r4@example.com"),
    ]
    assert {(r.environment, r.corp_num, r.operation, r.mgt_key_type) for r in records} == {
        ("test", "1248100998", "resend_email", "SELL")
    }
    assert records[0].http_status == 200 and records[0].duration == 0.05

    # Sending again: never a done row or one in flight; a failed, skipped or (SendEmail) unknown row may be.
    with pytest.raises(JournalError, match="done: it must not be sent again"):
        hist.mark_sending(batch_id, 2)
    hist.mark_sending(batch_id, 6)
    with pytest.raises(JournalError, match="sending"):
        hist.mark_sending(batch_id, 6)
    hist.mark_sending(batch_id, 4)  # unknown, SendEmail, the user asked to re-send
    assert {j.row: j for j in hist.batch_rows(batch_id)}[4].attempts == 2
    assert {j.row: j for j in hist.batch_rows(batch_id)}[4].outcome == RowOutcome(4, RowState.SENDING)
    hist.mark_sending(batch_id, 3)
    hist.mark_sending(batch_id, 5)
    # A request that surely never left goes back to pending, and is recorded as a failed call.
    hist.mark_result(batch_id, 6, RowOutcome(6, RowState.PENDING, -99999999, "connection refused"))
    assert {j.row: j for j in hist.batch_rows(batch_id)}[6].outcome.state is RowState.PENDING
    assert hist.recent(1)[0].ok is False

    assert [b.id for b in hist.unfinished_batches()] == [batch_id]
    hist.finish_batch(batch_id, "completed")
    info = hist.batch(batch_id)
    assert info.status == "completed" and info.finished is not None and not info.unfinished
    assert hist.unfinished_batches() == []


def test_assign_rows_of_unknown_outcome_are_never_sent_again(hist: History) -> None:
    batch_id = new_batch(hist, assign_rows([2, 3]), operation="assign_mgt_key")
    hist.mark_sending(batch_id, 2)
    hist.mark_result(batch_id, 2, RowOutcome(2, RowState.UNKNOWN, -99999999, "read timeout"))
    with pytest.raises(JournalError, match="unknown"):
        hist.mark_sending(batch_id, 2)
    hist.mark_sending(batch_id, 3)
    assert hist.recover(batch_id) == [3]
    with pytest.raises(JournalError):
        hist.mark_sending(batch_id, 3)
    assert hist.batch(batch_id).counts[RowState.UNKNOWN] == 2
    assert [r.item_key for r in hist.recent(batch_id=batch_id)] == ["000000000000000002"]


def test_bad_journal_requests(hist: History) -> None:
    rows = resend_rows([2, 3])
    with pytest.raises(ValueError, match="operation"):
        new_batch(hist, rows, operation="delete")
    with pytest.raises(ValueError, match="twice"):
        new_batch(hist, [*rows, *resend_rows([3])])
    with pytest.raises(ValueError, match="concurrency"):
        new_batch(hist, rows, concurrency=0)
    bad = InputRow(4, {}, [Problem("mgt_key", "mgt_key.required")])
    with pytest.raises(ValueError, match="skip_invalid"):
        new_batch(hist, [*rows, bad])  # a file with an invalid row is refused whole: nothing journaled
    assert hist.unfinished_batches() == []

    batch_id = new_batch(hist, rows)
    for action in (
        lambda: hist.batch(batch_id + 1),
        lambda: hist.batch_rows(batch_id + 1),
        lambda: hist.mark_sending(batch_id + 1, 2),
        lambda: hist.mark_sending(batch_id, 99),
        lambda: hist.mark_result(batch_id, 99, RowOutcome(99, RowState.DONE)),
        lambda: hist.mark_skipped(batch_id + 1, [2]),
        lambda: hist.recover(batch_id + 1),
        lambda: hist.finish_batch(batch_id + 1, "completed"),
    ):
        with pytest.raises(JournalError):
            action()
    with pytest.raises(ValueError, match="row 3"):
        hist.mark_result(batch_id, 2, RowOutcome(3, RowState.DONE))
    with pytest.raises(ValueError, match="mark_sending"):
        hist.mark_result(batch_id, 2, RowOutcome(2, RowState.SENDING))
    with pytest.raises(ValueError, match="completed"):
        hist.finish_batch(batch_id, "running")
    assert hist.recent() == []  # nothing half-written
    assert hist.batch(batch_id).counts[RowState.PENDING] == 2


def test_unfinished_batches_newest_first_by_fingerprint(hist: History) -> None:
    a = new_batch(hist, resend_rows([2]), fingerprint="file-a")
    b = new_batch(hist, resend_rows([2]), fingerprint="file-b")
    c = new_batch(hist, assign_rows([2]), operation="assign_mgt_key", fingerprint="file-a")
    assert [i.id for i in hist.unfinished_batches()] == [c, b, a]
    assert [i.id for i in hist.unfinished_batches("file-a")] == [c, a]
    assert hist.unfinished_batches("file-z") == []
    hist.finish_batch(c, "cancelled")
    assert [i.id for i in hist.unfinished_batches("file-a")] == [a]
    assert hist.batch(c).status == "cancelled"


def test_sending_marks_are_committed_with_a_full_sync_and_records_are_not(hist: History) -> None:
    batch_id = new_batch(hist, resend_rows([2]))
    statements: list[str] = []
    hist._conn.set_trace_callback(statements.append)
    hist.mark_sending(batch_id, 2)
    marked = [s.split()[0].upper() if not s.startswith("PRAGMA") else s for s in statements]
    assert marked[0] == "PRAGMA synchronous = FULL"
    assert marked[-1] == "PRAGMA synchronous = NORMAL"
    assert marked.index("COMMIT") < len(marked) - 1  # committed before the level goes back to NORMAL
    statements.clear()
    hist.mark_result(batch_id, 2, RowOutcome(2, RowState.DONE, 1, "ok"))
    call(hist)
    assert not [s for s in statements if "synchronous" in s]
    hist._conn.set_trace_callback(None)
    assert hist._conn.execute("PRAGMA synchronous").fetchone()[0] == 1


def test_concurrent_workers_journal_their_rows(hist: History) -> None:
    batch_id = new_batch(hist, resend_rows(range(2, 402)), concurrency=8)
    rows = iter(range(2, 402))
    lock = threading.Lock()
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            while True:
                with lock:
                    row = next(rows, None)
                if row is None:
                    return
                hist.mark_sending(batch_id, row)
                hist.mark_result(batch_id, row, RowOutcome(row, RowState.DONE, 1, "ok", 200, 0.001))
        except BaseException as exc:
            errors.append(exc)

    workers = [threading.Thread(target=worker) for _ in range(8)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert errors == []
    assert hist.batch(batch_id).counts[RowState.DONE] == 400
    assert sorted(r.row or 0 for r in hist.recent(None, batch_id=batch_id)) == list(range(2, 402))


CRASH_SCRIPT = """
import os, signal, sys
from pathlib import Path
from popbill_gui.batch.model import InputRow, RowOutcome, RowState
from popbill_gui.storage.history import History

h = History(Path(sys.argv[1]))
rows = [InputRow(n, {"item_key": f"{n:018d}", "mgt_key_type": "SELL", "mgt_key": f"ID-{n}"}) for n in range(2, 8)]
batch_id = h.create_batch(operation="assign_mgt_key", source="month.xlsx", fingerprint="fp-crash",
                          environment="test", corp_num="1248100998", rows=rows, concurrency=3)
for n in (2, 3, 4):
    h.mark_sending(batch_id, n)
h.mark_result(batch_id, 2, RowOutcome(2, RowState.DONE, 1, "ok", 200, 0.01))
print(batch_id, flush=True)
if hasattr(signal, "SIGKILL"):
    os.kill(os.getpid(), signal.SIGKILL)  # no close, no checkpoint, no atexit: as if the power went
os._exit(9)
"""


def test_a_killed_process_leaves_a_journal_that_recovers(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with History(path) as observer:  # another process's History, open all along
        done = subprocess.run(
            [sys.executable, "-c", CRASH_SCRIPT, str(path)], cwd=REPO, capture_output=True, text=True, timeout=60
        )
        assert done.stderr == ""
        if hasattr(signal, "SIGKILL"):
            assert done.returncode == -signal.SIGKILL
        batch_id = int(done.stdout.strip())
        assert Path(f"{path}-wal").exists()  # the writes are in the WAL, never checkpointed
        seen = observer.unfinished_batches("fp-crash")
        assert [b.id for b in seen] == [batch_id]
        assert seen[0].counts[RowState.SENDING] == 2

    with History(path) as h:  # the next run
        (info,) = h.unfinished_batches(fingerprint="fp-crash")
        assert info.id == batch_id and info.operation == "assign_mgt_key" and info.source == "month.xlsx"
        counts = info.counts
        assert (counts[RowState.DONE], counts[RowState.SENDING], counts[RowState.PENDING]) == (1, 2, 3)
        assert h.recover(batch_id) == [3, 4]
        assert h.recover(batch_id) == []  # nothing left sending
        states = {j.row: j.outcome.state for j in h.batch_rows(batch_id)}
        assert states == {
            2: RowState.DONE,
            3: RowState.UNKNOWN,
            4: RowState.UNKNOWN,
            5: RowState.PENDING,
            6: RowState.PENDING,
            7: RowState.PENDING,
        }
        assert [(r.row, r.ok, r.item_key) for r in h.recent(batch_id=batch_id)] == [(2, True, "000000000000000002")]
        # The resumed run: done and unknown rows are not sent (AssignMgtKey), the untouched ones are.
        for row in (2, 3, 4):
            with pytest.raises(JournalError):
                h.mark_sending(batch_id, row)
        to_send = [j.input_row() for j in h.batch_rows(batch_id) if j.outcome.state is RowState.PENDING]
        assert [r.row for r in to_send] == [5, 6, 7] and to_send[0].values["item_key"] == "000000000000000005"
        for r in to_send:
            h.mark_sending(batch_id, r.row)
            h.mark_result(batch_id, r.row, RowOutcome(r.row, RowState.DONE, 1, "ok"))
        h.finish_batch(batch_id, "completed")
        assert h.unfinished_batches("fp-crash") == []
        assert max(j.attempts for j in h.batch_rows(batch_id)) == 1  # no row ever marked as leaving twice


WRITER_SCRIPT = """
import sys
from pathlib import Path
from popbill_gui.storage.history import History

with History(Path(sys.argv[1])) as h:
    for i in range(300):
        h.record_call(environment="test", corp_num="1", operation="resend_email", ok=True, mgt_key=str(i))
"""


def test_history_file_is_readable_while_another_process_writes(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    writer = subprocess.Popen([sys.executable, "-c", WRITER_SCRIPT, str(path)], cwd=REPO)
    with History(path) as reader:
        counts = []
        while writer.poll() is None:
            counts.append(len(reader.recent(None)))
        assert writer.wait(timeout=60) == 0
        assert counts == sorted(counts)  # it only ever grows, never fails
        assert len(reader.recent(None)) == 300
        call(reader, mgt_key="reader")
    with History(path) as again:
        assert len(again.recent(None)) == 301
