"""The batch runner on its own: a client, a journal and the simulator over real sockets, no service and no face.

Each row is journaled "sending" before its request leaves and with its answer after; failures that hit every row
stop the batch; an answer lost on the way makes the row "check on the website"; a row the journal refuses is
skipped, never sent and never a crash.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from popbill_gui.batch.journal import Journal
from popbill_gui.batch.model import InputRow, RowState
from popbill_gui.batch.runner import BatchRunner, Progress, Stop
from popbill_gui.core.client import TaxinvoiceClient
from popbill_gui.core.errors import Kind
from popbill_gui.simulator import DEMO_CORP_NUM, Simulator
from popbill_gui.storage.history import History
from tests.conftest import ClientFactory
from tests.history_rows import commit_levels, sync_level


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with History(tmp_path / "history.sqlite3") as history:
        yield Journal(history)


def rows(keys: list[str]) -> list[InputRow]:
    return [
        InputRow(n, {"mgt_key_type": "SELL", "mgt_key": key, "receiver": f"r{n}@example.com"})
        for n, key in enumerate(keys, start=2)
    ]


def new_batch(journal: Journal, batch_rows: list[InputRow], operation: str = "resend_email") -> int:
    return journal.create_batch(
        operation=operation,
        source="file.csv",
        fingerprint="fp",
        environment="test",
        corp_num=DEMO_CORP_NUM,
        rows=batch_rows,
        concurrency=4,
    )


def states(journal: Journal, batch_id: int) -> dict[int, RowState]:
    return {j.row: j.outcome.state for j in journal.batch_rows(batch_id)}


@pytest.mark.parametrize("concurrency", [1, 4])
def test_every_row_once_with_its_outcome_and_progress(
    make_client: ClientFactory, journal: Journal, sim: Simulator, concurrency: int
) -> None:
    batch_rows = rows([f"K-{i}" for i in range(10)] + ["NOTFOUND-1"])
    batch_id = new_batch(journal, batch_rows)
    reports: list[Progress] = []
    runner = BatchRunner(
        make_client(), journal, "resend_email", concurrency=concurrency, on_row=lambda _o, p: reports.append(p)
    )
    result = runner.run(batch_id, batch_rows)
    assert result.stop is Stop.COMPLETED and result.error is None
    assert sorted(m.mgt_key for m in sim.state.sent_mails) == sorted(f"K-{i}" for i in range(10))
    assert sim.count("send_email") == 11 and sim.count("token") == 1  # one token shared by every worker
    final = states(journal, batch_id)
    assert list(final.values()).count(RowState.DONE) == 10 and final[12] is RowState.FAILED
    assert result.outcomes[12].code == -11000005
    assert len(reports) == 11 and reports[-1].finished == 11 and reports[-1].failed == 1
    assert len(journal.history.recent(None)) == 11  # each row's call is recorded with its outcome


def test_each_row_is_journaled_as_leaving_before_its_request(
    make_client: ClientFactory, journal: Journal, sim: Simulator
) -> None:
    batch_rows = rows(["L-1", "L-2", "L-3"])
    batch_id = new_batch(journal, batch_rows)
    seen_at_send: list[RowState] = []
    client = make_client()
    original = client.resend_email

    def spying(mgt_key_type: str, mgt_key: str, receiver: str):  # type: ignore[no-untyped-def]
        row = next(r.row for r in batch_rows if r.values["mgt_key"] == mgt_key)
        seen_at_send.append(states(journal, batch_id)[row])  # what a crash at this instant would leave
        return original(mgt_key_type, mgt_key, receiver)

    client.resend_email = spying  # type: ignore[method-assign]
    BatchRunner(client, journal, "resend_email", concurrency=1).run(batch_id, batch_rows)
    assert seen_at_send == [RowState.SENDING] * 3


def test_an_account_wide_refusal_stops_the_batch(make_client: ClientFactory, journal: Journal) -> None:
    batch_rows = rows([f"NOPOINT-{i}" for i in range(20)])
    batch_id = new_batch(journal, batch_rows)
    result = BatchRunner(make_client(), journal, "resend_email", concurrency=2).run(batch_id, batch_rows)
    assert result.stop is Stop.REFUSED_ALL and result.error is not None and result.error.code == -99005001
    counts = list(states(journal, batch_id).values())
    assert 1 <= counts.count(RowState.FAILED) <= 2 and counts.count(RowState.PENDING) >= 18


def test_a_lost_answer_is_unknown_and_stops(make_client: ClientFactory, journal: Journal, sim: Simulator) -> None:
    sim.fault = "reset"
    batch_rows = rows(["M-1", "M-2", "M-3"])
    batch_id = new_batch(journal, batch_rows)
    result = BatchRunner(make_client(), journal, "resend_email", concurrency=1).run(batch_id, batch_rows)
    assert result.stop is Stop.UNREACHABLE and result.error is not None and result.error.kind is Kind.RESET
    assert states(journal, batch_id) == {2: RowState.UNKNOWN, 3: RowState.PENDING, 4: RowState.PENDING}


def test_nothing_listening_leaves_the_row_pending(
    make_client: ClientFactory, journal: Journal, sim: Simulator, closed_port: int
) -> None:
    client = make_client()
    client.issue_token()  # the token service answered; the API host then goes away
    client.environment = type(client.environment)(
        "test", f"http://127.0.0.1:{closed_port}", client.environment.auth_url, "POPBILL_TEST"
    )
    batch_rows = rows(["N-1", "N-2"])
    batch_id = new_batch(journal, batch_rows)
    result = BatchRunner(client, journal, "resend_email", concurrency=1).run(batch_id, batch_rows)
    assert result.stop is Stop.UNREACHABLE and result.error is not None and result.error.kind is Kind.REFUSED
    assert set(states(journal, batch_id).values()) == {RowState.PENDING}  # never left: sent on a resume


def test_credentials_refused_before_any_row(make_client: ClientFactory, journal: Journal, sim: Simulator) -> None:
    batch_rows = rows(["O-1"])
    batch_id = new_batch(journal, batch_rows)
    bad = make_client(secret_key="bm90IHRoZSBrZXk=")
    result = BatchRunner(bad, journal, "resend_email").run(batch_id, batch_rows)
    assert result.stop is Stop.CREDENTIALS and result.error is not None and result.error.code == -99010007
    assert sim.count("send_email") == 0 and set(states(journal, batch_id).values()) == {RowState.PENDING}


def test_cancel_sends_no_new_row_and_records_the_ones_in_flight(
    make_client: ClientFactory, journal: Journal, sim: Simulator
) -> None:
    sim.latency_ms = 100
    batch_rows = rows([f"P-{i}" for i in range(12)])
    batch_id = new_batch(journal, batch_rows)
    runner = BatchRunner(make_client(), journal, "resend_email", concurrency=2)
    first = threading.Event()
    runner.on_row = lambda _o, _p: (first.set(), runner.cancel())
    result = runner.run(batch_id, batch_rows)
    assert first.is_set() and result.stop is Stop.CANCELLED
    final = list(states(journal, batch_id).values())
    assert final.count(RowState.SENDING) == 0  # the calls in flight finished and were recorded
    assert 1 <= final.count(RowState.DONE) <= 3 and final.count(RowState.PENDING) >= 9
    assert sim.count("send_email") == final.count(RowState.DONE)


def test_a_row_the_journal_refuses_is_skipped_not_sent_and_not_a_crash(
    make_client: ClientFactory, journal: Journal, sim: Simulator
) -> None:
    batch_rows = rows(["Q-1", "Q-2", "Q-3"])
    batch_id = new_batch(journal, batch_rows, operation="resend_email")
    journal.mark_sending(batch_id, 3)  # another process is sending row 3 right now
    result = BatchRunner(make_client(), journal, "resend_email", concurrency=1).run(batch_id, batch_rows)
    assert result.stop is Stop.COMPLETED
    assert sorted(m.mgt_key for m in sim.state.sent_mails) == ["Q-1", "Q-3"]
    assert states(journal, batch_id)[3] is RowState.SENDING  # left to the other process


def test_concurrency_bounds() -> None:
    with pytest.raises(ValueError):
        BatchRunner(TaxinvoiceClient.__new__(TaxinvoiceClient), None, "resend_email", concurrency=0)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        BatchRunner(TaxinvoiceClient.__new__(TaxinvoiceClient), None, "resend_email", concurrency=17)  # type: ignore[arg-type]


def test_one_transaction_per_row_at_concurrency_1(make_client: ClientFactory, journal: Journal, sim: Simulator) -> None:
    batch_rows = rows([f"T-{i}" for i in range(6)])
    batch_id = new_batch(journal, batch_rows)
    statements: list[str] = []
    level = sync_level(journal.history._conn)
    journal.history._conn.set_trace_callback(statements.append)
    result = BatchRunner(make_client(), journal, "resend_email", concurrency=1).run(batch_id, batch_rows)
    journal.history._conn.set_trace_callback(None)
    assert result.stop is Stop.COMPLETED and set(states(journal, batch_id).values()) == {RowState.DONE}
    # The first mark alone, then each answer with the next row's mark, then the last answer alone: 7, not 12.
    # One sync per row, every mark durable; the last answer alone is a record's, not synced.
    assert commit_levels(statements, level) == ["FULL"] * len(batch_rows) + ["NORMAL"]


def test_workers_marks_share_commits_and_each_request_leaves_after_its_own_mark_is_committed(
    make_client: ClientFactory, journal: Journal, sim: Simulator
) -> None:
    batch_rows = rows([f"G-{i}" for i in range(40)])
    batch_id = new_batch(journal, batch_rows)
    seen = sqlite3.connect(journal.history.path, check_same_thread=False)  # another connection: committed rows only
    seen_lock = threading.Lock()
    at_send: dict[int, str] = {}
    client = make_client()
    original = client.resend_email

    def spying(mgt_key_type: str, mgt_key: str, receiver: str):  # type: ignore[no-untyped-def]
        row = next(r.row for r in batch_rows if r.values["mgt_key"] == mgt_key)
        with seen_lock:
            (state,) = seen.execute(
                "SELECT state FROM batch_rows WHERE batch_id = ? AND row_num = ?", (batch_id, row)
            ).fetchone()
        at_send[row] = state
        return original(mgt_key_type, mgt_key, receiver)

    def slow_commit(statement: str) -> None:
        if statement == "COMMIT":
            time.sleep(0.02)  # a slow disk: the workers whose answers come meanwhile queue up for the next commit

    client.resend_email = spying  # type: ignore[method-assign]
    groups, writes = journal.history._commits.groups, journal.history._commits.writes
    journal.history._conn.set_trace_callback(slow_commit)
    try:
        result = BatchRunner(client, journal, "resend_email", concurrency=8).run(batch_id, batch_rows)
    finally:
        journal.history._conn.set_trace_callback(None)
        seen.close()
    assert result.stop is Stop.COMPLETED and sim.count("send_email") == 40
    assert at_send == {r.row: "sending" for r in batch_rows}  # every request left after its mark was committed
    assert journal.history._commits.writes - writes > journal.history._commits.groups - groups  # commits shared
    assert max(j.attempts for j in journal.batch_rows(batch_id)) == 1


def test_a_row_marked_when_the_batch_is_cancelled_is_given_back_not_sent(
    make_client: ClientFactory, journal: Journal, sim: Simulator
) -> None:
    batch_rows = rows([f"C-{i}" for i in range(5)])
    batch_id = new_batch(journal, batch_rows)
    runner = BatchRunner(make_client(), journal, "resend_email", concurrency=1)
    runner.on_row = lambda _o, _p: runner.cancel()  # reported after row 2's answer shared a commit with row 3's mark
    result = runner.run(batch_id, batch_rows)
    assert result.stop is Stop.CANCELLED and sim.count("send_email") == 1
    assert states(journal, batch_id) == {2: RowState.DONE, 3: RowState.PENDING, 4: RowState.PENDING,
                                         5: RowState.PENDING, 6: RowState.PENDING}  # fmt: skip
    assert [j.attempts for j in journal.batch_rows(batch_id)] == [1, 0, 0, 0, 0]
    assert [r.row for r in journal.history.recent(None, batch_id=batch_id)] == [2]  # no call record for row 3
