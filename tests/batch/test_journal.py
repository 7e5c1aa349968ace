"""The batch journal in the history file: its life cycle, refusals, threads and a real crash."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from popbill_gui.batch.journal import BatchInfo, Journal, JournalError, JournalRow, UnfinishedExists
from popbill_gui.batch.model import InputRow, RowOutcome, RowState
from popbill_gui.core.validation import Problem
from popbill_gui.storage.history import History
from tests.history_rows import assign_rows, call, commit_levels, new_batch, resend_rows, sync_level

REPO = Path(__file__).resolve().parents[2]
SECRET_WORDS = ("token", "secret", "password", "passwd", "credential", "link_id", "linkid")


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with History(tmp_path / "history.sqlite3") as h:
        yield Journal(h)


# --- the batch journal ---


def test_journal_life_cycle(journal: Journal) -> None:
    rows = resend_rows(range(2, 7))
    bad = InputRow(
        7, {"mgt_key_type": "SELL", "mgt_key": "K/7", "receiver": "x"}, [Problem("mgt_key", "mgt_key.chars")]
    )
    batch_id = new_batch(journal, [*rows, bad], skip_invalid=True)

    info = journal.batch(batch_id)
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

    journaled = journal.batch_rows(batch_id)
    assert [j.row for j in journaled] == [2, 3, 4, 5, 6, 7]
    assert journaled[0] == JournalRow(2, rows[0].values, RowOutcome(2), [], 0)
    assert journaled[-1].outcome.state is RowState.SKIPPED
    assert journaled[-1].problems == [Problem("mgt_key", "mgt_key.chars")]
    assert journaled[-1].input_row() == bad and not journaled[-1].input_row().valid
    assert journaled[0].input_row() == rows[0]

    journal.mark_sending(batch_id, 2)
    journal.mark_sending(batch_id, 3)
    journal.mark_sending(batch_id, 4)
    assert journal.batch(batch_id).counts[RowState.SENDING] == 3
    journal.mark_result(batch_id, 2, RowOutcome(2, RowState.DONE, 1, "이메일 재전송 완료", 200, 0.05))
    journal.mark_result(batch_id, 3, RowOutcome(3, RowState.FAILED, -11000005, "not found", 400, 0.04))
    journal.mark_result(batch_id, 4, RowOutcome(4, RowState.UNKNOWN, -99999999, "read timeout", None, 30.0))
    journal.mark_skipped(batch_id, [5, 2, 99], message="the batch stopped")  # only pending rows change

    by_row = {j.row: j for j in journal.batch_rows(batch_id)}
    assert by_row[2].outcome == RowOutcome(2, RowState.DONE, 1, "이메일 재전송 완료", 200, 0.05)
    assert by_row[2].attempts == 1
    assert by_row[3].outcome == RowOutcome(3, RowState.FAILED, -11000005, "not found", 400, 0.04)
    assert by_row[4].outcome.state is RowState.UNKNOWN and by_row[4].outcome.http_status is None
    assert by_row[5].outcome == RowOutcome(5, RowState.SKIPPED, None, "the batch stopped")
    assert by_row[6].outcome == RowOutcome(6)
    counts = journal.batch(batch_id).counts
    assert (counts[RowState.DONE], counts[RowState.FAILED], counts[RowState.UNKNOWN]) == (1, 1, 1)
    assert (counts[RowState.SKIPPED], counts[RowState.PENDING], counts[RowState.SENDING]) == (2, 1, 0)

    # Each result is also a call record, with the batch's environment and CorpNum and the row's keys.
    records = journal.history.recent(batch_id=batch_id)
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
        journal.mark_sending(batch_id, 2)
    journal.mark_sending(batch_id, 6)
    with pytest.raises(JournalError, match="sending"):
        journal.mark_sending(batch_id, 6)
    journal.mark_sending(batch_id, 4)  # unknown, SendEmail, the user asked to re-send
    assert {j.row: j for j in journal.batch_rows(batch_id)}[4].attempts == 2
    assert {j.row: j for j in journal.batch_rows(batch_id)}[4].outcome == RowOutcome(4, RowState.SENDING)
    journal.mark_sending(batch_id, 3)
    journal.mark_sending(batch_id, 5)
    # A request that surely never left goes back to pending, and is recorded as a failed call.
    journal.mark_result(batch_id, 6, RowOutcome(6, RowState.PENDING, -99999999, "connection refused"))
    assert {j.row: j for j in journal.batch_rows(batch_id)}[6].outcome.state is RowState.PENDING
    assert journal.history.recent(1)[0].ok is False

    assert [b.id for b in journal.unfinished_batches()] == [batch_id]
    journal.finish_batch(batch_id, "completed")
    info = journal.batch(batch_id)
    assert info.status == "completed" and info.finished is not None and not info.unfinished
    assert journal.unfinished_batches() == []


def test_assign_rows_of_unknown_outcome_are_never_sent_again(journal: Journal) -> None:
    batch_id = new_batch(journal, assign_rows([2, 3]), operation="assign_mgt_key")
    journal.mark_sending(batch_id, 2)
    journal.mark_result(batch_id, 2, RowOutcome(2, RowState.UNKNOWN, -99999999, "read timeout"))
    with pytest.raises(JournalError, match="unknown"):
        journal.mark_sending(batch_id, 2)
    journal.mark_sending(batch_id, 3)
    assert journal.recover(batch_id) == [3]
    with pytest.raises(JournalError):
        journal.mark_sending(batch_id, 3)
    assert journal.batch(batch_id).counts[RowState.UNKNOWN] == 2
    # Every attempt is a call record, "unknown" for both: the lost answer and the one a crash left "sending".
    recorded = [(r.item_key, r.state, r.maybe_delivered) for r in journal.history.recent(batch_id=batch_id)]
    assert recorded == [("000000000000000002", "unknown", True), ("000000000000000003", "unknown", True)]


def test_bad_journal_requests(journal: Journal) -> None:
    rows = resend_rows([2, 3])
    with pytest.raises(ValueError, match="operation"):
        new_batch(journal, rows, operation="delete")
    with pytest.raises(ValueError, match="twice"):
        new_batch(journal, [*rows, *resend_rows([3])])
    with pytest.raises(ValueError, match="concurrency"):
        new_batch(journal, rows, concurrency=0)
    bad = InputRow(4, {}, [Problem("mgt_key", "mgt_key.required")])
    with pytest.raises(ValueError, match="skip_invalid"):
        new_batch(journal, [*rows, bad])  # a file with an invalid row is refused whole: nothing journaled
    assert journal.unfinished_batches() == []

    batch_id = new_batch(journal, rows)
    for action in (
        lambda: journal.batch(batch_id + 1),
        lambda: journal.batch_rows(batch_id + 1),
        lambda: journal.outcomes(batch_id + 1),
        lambda: journal.mark_sending(batch_id + 1, 2),
        lambda: journal.mark_sending(batch_id, 99),
        lambda: journal.mark_result(batch_id, 99, RowOutcome(99, RowState.DONE)),
        lambda: journal.mark_skipped(batch_id + 1, [2]),
        lambda: journal.recover(batch_id + 1),
        lambda: journal.finish_batch(batch_id + 1, "completed"),
    ):
        with pytest.raises(JournalError):
            action()
    with pytest.raises(ValueError, match="row 3"):
        journal.mark_result(batch_id, 2, RowOutcome(3, RowState.DONE))
    with pytest.raises(ValueError, match="mark_sending"):
        journal.mark_result(batch_id, 2, RowOutcome(2, RowState.SENDING))
    with pytest.raises(ValueError, match="completed"):
        journal.finish_batch(batch_id, "running")
    assert journal.history.recent() == []  # nothing half-written
    assert journal.batch(batch_id).counts[RowState.PENDING] == 2


def test_unfinished_batches_newest_first_by_fingerprint(journal: Journal) -> None:
    a = new_batch(journal, resend_rows([2]), fingerprint="file-a")
    b = new_batch(journal, resend_rows([2]), fingerprint="file-b")
    c = new_batch(journal, assign_rows([2]), operation="assign_mgt_key", fingerprint="file-a")
    assert [i.id for i in journal.unfinished_batches()] == [c, b, a]
    assert [i.id for i in journal.unfinished_batches("file-a")] == [c, a]
    assert journal.unfinished_batches("file-z") == []
    journal.finish_batch(c, "cancelled")
    assert [i.id for i in journal.unfinished_batches("file-a")] == [a]
    assert journal.batch(c).status == "cancelled"


def test_sending_marks_are_committed_with_a_full_sync_and_records_are_not(journal: Journal) -> None:
    batch_id = new_batch(journal, resend_rows([2]))
    journal.history.write(lambda conn: None)  # a record's write: NORMAL
    statements: list[str] = []
    journal.history._conn.set_trace_callback(statements.append)
    journal.mark_sending(batch_id, 2)
    assert statements[0] == "PRAGMA synchronous = FULL"
    assert commit_levels(statements, "NORMAL") == ["FULL"]
    statements.clear()
    journal.mark_result(batch_id, 2, RowOutcome(2, RowState.DONE, 1, "ok"))
    call(journal.history)
    journal.history._conn.set_trace_callback(None)
    assert commit_levels(statements, "FULL") == ["NORMAL", "NORMAL"]
    assert journal.history._conn.execute("PRAGMA synchronous").fetchone()[0] == 1


def test_concurrent_workers_journal_their_rows(journal: Journal) -> None:
    batch_id = new_batch(journal, resend_rows(range(2, 402)), concurrency=8)
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
                journal.mark_sending(batch_id, row)
                journal.mark_result(batch_id, row, RowOutcome(row, RowState.DONE, 1, "ok", 200, 0.001))
        except BaseException as exc:
            errors.append(exc)

    workers = [threading.Thread(target=worker) for _ in range(8)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert errors == []
    assert journal.batch(batch_id).counts[RowState.DONE] == 400
    assert sorted(r.row or 0 for r in journal.history.recent(None, batch_id=batch_id)) == list(range(2, 402))


CRASH_SCRIPT = """
import os, signal, sys
from pathlib import Path
from popbill_gui.batch.model import InputRow, RowOutcome, RowState
from popbill_gui.batch.journal import Journal
from popbill_gui.storage.history import History

h = Journal(History(Path(sys.argv[1])))
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
    with History(path) as observed:  # another process's History, open all along
        observer = Journal(observed)
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
        # The history alone says so too: the two rows in flight are calls that may have been carried out.
        left = [(r.row, r.state, r.maybe_delivered) for r in observed.recent(batch_id=batch_id)]
        assert left == [(2, "done", False), (3, "sending", True), (4, "sending", True)]

    with History(path) as opened:  # the next run
        h = Journal(opened)
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
        recorded = [(r.row, r.ok, r.state, r.item_key) for r in h.history.recent(batch_id=batch_id)]
        assert recorded == [
            (2, True, "done", "000000000000000002"),
            (3, False, "unknown", "000000000000000003"),
            (4, False, "unknown", "000000000000000004"),
        ]
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


def test_a_sole_batch_is_refused_while_its_file_has_an_unfinished_one_under_the_account(journal: Journal) -> None:
    h = journal
    first = new_batch(h, resend_rows(range(2, 5)))
    with pytest.raises(UnfinishedExists) as exists:
        new_batch(h, resend_rows(range(2, 5)), sole=True)
    assert exists.value.batch.id == first and exists.value.batch.unfinished
    assert [b.id for b in h.unfinished_batches()] == [first]  # nothing journaled by the refused one
    # The same path edited since (another fingerprint) is the same file: refused too (issue 18).
    with pytest.raises(UnfinishedExists):
        new_batch(h, resend_rows(range(2, 6)), sole=True, fingerprint="sha256:edited")
    # Another CorpNum, environment or file is another batch; so is the same file once the first has finished.
    others = [
        new_batch(h, resend_rows(range(2, 5)), sole=True, corp_num="1234567890"),
        new_batch(h, resend_rows(range(2, 5)), sole=True, environment="production"),
        new_batch(h, resend_rows(range(2, 5)), sole=True, fingerprint="sha256:other", source="/data/다른.csv"),
    ]
    h.finish_batch(first, "completed")
    again = new_batch(h, resend_rows(range(2, 5)), sole=True)
    assert len({first, again, *others}) == 5


# --- a worker's step: the answer and the next mark in one transaction ---


def test_the_outcomes_are_the_rows_outcomes_in_row_order(journal: Journal) -> None:
    batch_id = new_batch(journal, resend_rows([5, 2, 9, 3]))
    journal.advance(batch_id, None, sending=9)
    journal.advance(batch_id, RowOutcome(9, RowState.FAILED, -11000005, "없음", 400, 0.25), sending=2)
    journal.advance(batch_id, RowOutcome(2, RowState.DONE, 1, "ok", 200, 0.01))
    outcomes = journal.outcomes(batch_id)
    assert outcomes == {j.row: j.outcome for j in journal.batch_rows(batch_id)}
    assert list(outcomes) == [2, 3, 5, 9]
    assert outcomes[9] == RowOutcome(9, RowState.FAILED, -11000005, "없음", 400, 0.25)
    assert outcomes[5].state is RowState.PENDING


def test_an_answer_and_the_next_rows_mark_are_one_durable_transaction(journal: Journal) -> None:
    batch_id = new_batch(journal, resend_rows([2, 3]))
    journal.mark_sending(batch_id, 2)
    statements: list[str] = []
    level = sync_level(journal.history._conn)
    journal.history._conn.set_trace_callback(statements.append)
    assert journal.advance(batch_id, RowOutcome(2, RowState.DONE, 1, "ok", 200, 0.01), sending=3) is None
    journal.history._conn.set_trace_callback(None)
    assert statements.count("BEGIN IMMEDIATE") == 1 and statements.count("COMMIT") == 1
    assert commit_levels(statements, level) == ["FULL"]  # the mark makes it durable, the answer rides along
    states = {j.row: j.outcome.state for j in journal.batch_rows(batch_id)}
    assert states == {2: RowState.DONE, 3: RowState.SENDING}
    recorded = [(r.row, r.state) for r in journal.history.recent(batch_id=batch_id)]
    assert recorded == [(2, "done"), (3, "sending")]


def test_a_refused_mark_leaves_the_answer_written_and_the_row_untouched(journal: Journal) -> None:
    batch_id = new_batch(journal, resend_rows([2, 3]))
    journal.mark_sending(batch_id, 2)
    journal.mark_sending(batch_id, 3)  # another worker, or another program, is sending row 3
    refused = journal.advance(batch_id, RowOutcome(2, RowState.FAILED, -11000005, "not found", 400), sending=3)
    assert isinstance(refused, JournalError) and "sending" in str(refused)
    by_row = {j.row: j for j in journal.batch_rows(batch_id)}
    assert by_row[2].outcome.state is RowState.FAILED and by_row[3].attempts == 1  # marked once, not twice
    with pytest.raises(JournalError, match="no row 99"):  # an answer for no row: neither part is written
        journal.advance(batch_id, RowOutcome(99, RowState.DONE), sending=3)


def test_a_mark_taken_back_leaves_the_row_as_it_was_and_no_call(journal: Journal) -> None:
    batch_id = new_batch(journal, resend_rows([2, 3, 4]))
    journal.mark_sending(batch_id, 3)
    journal.mark_result(batch_id, 3, RowOutcome(3, RowState.UNKNOWN, -99999999, "read timeout", None, 30.0))
    before = {j.row: j for j in journal.batch_rows(batch_id)}
    for row in (2, 3):  # pending, and unknown (a SendEmail the user asked to re-send)
        journal.mark_sending(batch_id, row)
        journal.unmark(batch_id, row)
    assert {j.row: j for j in journal.batch_rows(batch_id)} == before
    assert [(r.row, r.state) for r in journal.history.recent(batch_id=batch_id)] == [(3, "unknown")]
    journal.mark_sending(batch_id, 4)
    journal.mark_result(batch_id, 4, RowOutcome(4, RowState.DONE, 1, "ok"))
    journal.unmark(batch_id, 4)  # only a row still "sending" changes
    assert {j.row: j.outcome.state for j in journal.batch_rows(batch_id)}[4] is RowState.DONE


def test_an_answer_settles_its_own_attempts_record_and_a_row_without_one_gets_a_new_record(journal: Journal) -> None:
    batch_id = new_batch(journal, resend_rows([2, 3]))
    journal.mark_sending(batch_id, 2)
    journal.advance(batch_id, RowOutcome(2, RowState.FAILED, -99999999, "busy", 503), sending=3)
    journal.advance(batch_id, RowOutcome(3, RowState.DONE, 1, "ok", 200), sending=2)  # row 2's second attempt
    journal.mark_result(batch_id, 2, RowOutcome(2, RowState.DONE, 1, "ok", 200))
    recorded = [(r.row, r.state, r.code) for r in journal.history.recent(batch_id=batch_id)]
    assert sorted(recorded) == [(2, "done", 1), (2, "failed", -99999999), (3, "done", 1)]  # the last one settled
    # An answer for a row whose last record is settled already (journaled by an earlier version, or settled by a
    # look-up): a record of its own, with the row's keys read from the journal.
    journal.mark_result(batch_id, 3, RowOutcome(3, RowState.FAILED, -11000005, "not found", 400))
    newest = journal.history.recent(batch_id=batch_id)[-1]  # oldest first
    row_3 = next(r for r in resend_rows([2, 3]) if r.row == 3)
    assert (newest.row, newest.state, newest.receiver) == (3, "failed", row_3.values["receiver"])
    assert newest.mgt_key == row_3.values["mgt_key"] and len(journal.history.recent(batch_id=batch_id)) == 4
