"""The SQLite call history: WAL, schema, filters, threads, and two processes on one file."""

from __future__ import annotations

import inspect
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

from popbill_gui.batch.journal import Journal
from popbill_gui.batch.model import RowOutcome, RowState
from popbill_gui.storage.history import (
    SCHEMA_VERSION,
    CallRecord,
    History,
    HistoryError,
)
from tests.history_rows import call, new_batch, resend_rows

REPO = Path(__file__).resolve().parents[2]
SECRET_WORDS = ("token", "secret", "password", "passwd", "credential", "link_id", "linkid")


@pytest.fixture
def hist(tmp_path: Path) -> Iterator[History]:
    with History(tmp_path / "history.sqlite3") as h:
        yield h


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
    for method in (History.record_call, Journal.create_batch):
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
            state="failed",
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
    journal = Journal(hist)
    batch_id = new_batch(journal, resend_rows([2, 3]))
    call(hist, mgt_key="single")
    journal.mark_sending(batch_id, 2)
    journal.mark_result(batch_id, 2, RowOutcome(2, RowState.DONE, 1, "ok", 200, 0.1))
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
        batch_id = new_batch(Journal(second), resend_rows([2, 3]))
        assert [b.id for b in Journal(first).unfinished_batches()] == [batch_id]
        Journal(first).mark_sending(batch_id, 2)
        assert Journal(second).batch(batch_id).counts[RowState.SENDING] == 1
        Journal(second).finish_batch(batch_id, "stopped")
        assert Journal(first).unfinished_batches() == []

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
        assert len(first.recent(None)) == len(second.recent(None)) == 1 + 1 + 6 * 100  # the batch row's call too


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
