"""Lost AssignMgtKey answers settled by looking the invoice up (issue 18), through the service, over real sockets.

The simulator's done-then-reset / done-then-500 faults CARRY OUT the assignment and then lose its answer; its plain
"reset" loses the answer of a call it did NOT carry out. The invoice (its detail by ItemKey) then says which it was:
our document ID on it (done, "confirmed by look-up"), none (not carried out: a batch sends it again, once), or
another ID (failed, both named). SendEmail has no such proof: its lost answers stay "check on the website".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from popbill_gui.batch.model import RowOutcome, RowState
from popbill_gui.batch.runner import Stop
from popbill_gui.service import AssignRequest, Kind, LinkCredentials, PopbillError, ResendRequest, Service
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage.settings import Settings
from tests.assign_book import assign_csv, book_rows, carried, with_id, without_id


@pytest.fixture
def service(sim: Simulator, tmp_path: Path) -> Iterator[Service]:
    settings = Settings(base_url=sim.base_url, auth_url=sim.base_url, corp_num=DEMO_CORP_NUM, lang="en", timeout=5.0)
    s = Service(settings, LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY), history_path=tmp_path / "h.sqlite3")
    yield s
    s.close()


def assigns(sim: Simulator) -> Counter[str]:
    return Counter(r.path.split("/")[2] for r in sim.requests if r.kind == "assign")


# ---- single calls ----
@pytest.mark.parametrize("fault", ["done-then-reset", "done-then-500"])
def test_a_lost_answer_of_a_call_carried_out_is_confirmed_by_look_up(
    service: Service, sim: Simulator, fault: str
) -> None:
    invoice = without_id(sim)[0]
    sim.fault_next(fault)
    result = service.call(AssignRequest(invoice.item_key, "SELL", "LOST-1"))
    assert result.checked == "assigned" and result.code == 1 and "Confirmed by look-up" in result.message
    assert carried(sim, invoice.item_key) == "LOST-1" and sim.count("assign") == 1  # looked up, not sent again
    assert sim.count("detail") == 1
    (record,) = service.recent_calls()
    assert record.state == "done" and record.ok and "Confirmed by look-up" in record.message


def test_a_lost_answer_of_a_call_not_carried_out_says_not_assigned(service: Service, sim: Simulator) -> None:
    invoice = without_id(sim)[0]
    sim.fault_next("reset")  # the answer is lost and the assignment was NOT made
    with pytest.raises(PopbillError) as caught:
        service.call(AssignRequest(invoice.item_key, "SELL", "LOST-2"))
    error = caught.value
    assert error.checked == "not_assigned" and error.kind is Kind.RESET and not error.maybe_delivered
    assert carried(sim, invoice.item_key) == "" and sim.count("assign") == 1  # a single call is never resent
    (record,) = service.recent_calls()
    assert record.state == "not_done" and not record.maybe_delivered  # not carried out: safe to send again


def test_a_lost_answer_with_another_id_on_the_invoice_names_both(service: Service, sim: Simulator) -> None:
    invoice = with_id(sim)
    sim.fault_next("reset")  # refused by the book in truth (it has an ID): the answer is lost either way
    with pytest.raises(PopbillError) as caught:
        service.call(AssignRequest(invoice.item_key, "SELL", "MINE-1"))
    error = caught.value
    assert error.checked == "other_key" and error.kind is Kind.POPBILL and not error.maybe_delivered
    assert invoice.our_mgt_key in error.message and "MINE-1" in error.message
    assert service.recent_calls()[0].state == "failed"


def test_a_look_up_that_proves_nothing_leaves_the_call_unknown(service: Service, sim: Simulator) -> None:
    sim.fault_next("done-then-reset")  # a made-up ItemKey: the lenient simulator assigns it, but cannot show it
    with pytest.raises(PopbillError) as caught:
        service.call(AssignRequest("024112415000000001", "SELL", "GHOST-1"))
    assert caught.value.checked is None and caught.value.maybe_delivered
    assert service.recent_calls()[0].state == "unknown"


def test_a_mail_whose_answer_was_lost_stays_unknown(service: Service, sim: Simulator) -> None:
    sim.fault_next("done-then-reset")
    with pytest.raises(PopbillError) as caught:
        service.call(ResendRequest("SELL", "INV-1", "a@example.com"))
    assert caught.value.maybe_delivered and caught.value.checked is None
    assert len(sim.state.sent_mails) == 1 and sim.count("detail") == 0  # no look-up: a mail leaves no proof
    assert service.recent_calls()[0].state == "unknown"


# ---- batches ----
def test_a_batch_goes_on_after_a_lost_answer_the_invoice_settles(
    service: Service, sim: Simulator, tmp_path: Path
) -> None:
    rows = book_rows(sim, 6)
    path = assign_csv(tmp_path / "a.csv", rows)
    plan = service.batches.plan(service.batches.read(path, "assign_mgt_key"), concurrency=1)
    sim.fault_next("done-then-reset")  # row 2: carried out, answer lost
    report = service.batches.start(plan).run()
    assert report.stop is Stop.COMPLETED, report.error  # a settled lost answer does not stop the batch
    assert report.outcomes[2].state is RowState.DONE and "Confirmed by look-up" in report.outcomes[2].message
    assert all(o.state is RowState.DONE for o in report.outcomes.values())
    assert max(assigns(sim).values()) == 1 and all(carried(sim, r[0]) == r[2] for r in rows)
    assert not service.journal().batch(report.batch_id).unfinished


def test_a_row_the_look_up_shows_not_carried_out_is_sent_again_once(
    service: Service, sim: Simulator, tmp_path: Path
) -> None:
    rows = book_rows(sim, 4)
    path = assign_csv(tmp_path / "a.csv", rows)
    plan = service.batches.plan(service.batches.read(path, "assign_mgt_key"), concurrency=1)
    sim.fault_next("reset")  # row 2's answer lost, not carried out
    report = service.batches.start(plan).run()
    assert report.stop is Stop.COMPLETED, report.error
    assert all(o.state is RowState.DONE for o in report.outcomes.values())
    assert assigns(sim)[rows[0][0]] == 2  # sent again after the look-up showed no ID on it
    assert [a.item_key for a in sim.state.assignments].count(rows[0][0]) == 1  # assigned once
    assert service.journal().batch_rows(report.batch_id)[0].attempts == 2


def test_answers_lost_again_and_again_stop_the_batch(service: Service, sim: Simulator, tmp_path: Path) -> None:
    rows = book_rows(sim, 8)
    path = assign_csv(tmp_path / "a.csv", rows)
    plan = service.batches.plan(service.batches.read(path, "assign_mgt_key"), concurrency=1)
    sim.fault = "done-then-reset"  # every assignment is made, every answer lost: something is wrong
    report = service.batches.start(plan).run()
    assert report.stop is Stop.UNREACHABLE and report.error is not None and report.error.kind is Kind.RESET
    done = [n for n, o in report.outcomes.items() if o.state is RowState.DONE]
    assert done == [2, 3, 4]  # each settled by its look-up, then three in a row stop it
    assert sum(assigns(sim).values()) == 3 and service.journal().batch(report.batch_id).unfinished
    sim.fault = None
    resumed = service.batches.start(service.batches.plan_resume(batch_id=report.batch_id, concurrency=2)).run()
    assert resumed.stop is Stop.COMPLETED and max(assigns(sim).values()) == 1


def test_a_look_up_that_fails_too_leaves_the_row_unknown_and_stops(
    service: Service, sim: Simulator, tmp_path: Path
) -> None:
    rows = book_rows(sim, 3)
    path = assign_csv(tmp_path / "a.csv", rows)
    plan = service.batches.plan(service.batches.read(path, "assign_mgt_key"), concurrency=1)
    sim.fault = "reset"  # the look-ups' answers are lost too (and retried by urllib3: all lost)
    report = service.batches.start(plan).run()
    assert report.stop is Stop.UNREACHABLE and report.outcomes[2].state is RowState.UNKNOWN
    assert sim.count("assign") == 1 and sim.count("detail") >= 1


def test_unknown_rows_are_settled_when_the_batch_is_resumed(service: Service, sim: Simulator, tmp_path: Path) -> None:
    rows = book_rows(sim, 5)
    path = assign_csv(tmp_path / "a.csv", rows)
    file = service.batches.read(path, "assign_mgt_key")
    journal = service.journal()
    batch_id = journal.create_batch(
        operation="assign_mgt_key", source=str(path), fingerprint=file.fingerprint(), environment="test",
        corp_num=DEMO_CORP_NUM, rows=file.rows, concurrency=1,
    )  # fmt: skip
    # A killed run: rows 2 and 3 left "sending"; row 2's assignment was made, row 3's never arrived.
    journal.mark_sending(batch_id, 2)
    journal.mark_sending(batch_id, 3)
    service.call(AssignRequest(rows[0][0], "SELL", rows[0][2]))  # what POPBiLL did for row 2
    before = sim.count("assign")
    plan = service.batches.plan_resume(file=file, concurrency=1)
    assert plan.recovered == [2, 3] and [r.row for r in plan.rows] == [4, 5, 6]
    report = service.batches.start(plan).run()
    assert report.stop is Stop.COMPLETED
    assert report.outcomes[2].state is RowState.DONE and "Confirmed by look-up" in report.outcomes[2].message
    assert report.outcomes[3].state is RowState.DONE  # looked up, not carried out, so sent in this run
    assert sim.count("assign") - before == 4  # rows 3 to 6; row 2 never again
    assert all(carried(sim, r[0]) == r[2] for r in rows)
    calls = {(c.row, c.state) for c in service.recent_calls(batch_id=batch_id)}
    assert calls >= {(2, "done"), (3, "not_done"), (3, "done")}  # row 3: its first attempt not carried out


def test_a_mail_batch_leaves_a_lost_answer_to_check(service: Service, sim: Simulator, tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("MgtKeyType,MgtKey,Receiver\nSELL,M-1,a@example.com\nSELL,M-2,b@example.com\n", encoding="utf-8")
    plan = service.batches.plan(service.batches.read(path, "resend_email"), concurrency=1)
    sim.fault_next("done-then-reset")
    report = service.batches.start(plan).run()
    assert report.stop is Stop.UNREACHABLE and report.outcomes[2].state is RowState.UNKNOWN
    assert sim.count("detail") == 0 and len(sim.state.sent_mails) == 1


def test_the_settling_outcome_words(service: Service) -> None:
    from popbill_gui.batch.settle import settled_outcome
    from popbill_gui.core.assigned import Check, Checked

    lost = RowOutcome(2, RowState.UNKNOWN, -99999999, "reset", None, 0.1)
    other = settled_outcome(lost, {"mgt_key": "MINE"}, Check(Checked.OTHER_KEY, "THEIRS"), "ko")
    assert other.state is RowState.FAILED and "THEIRS" in other.message and "MINE" in other.message
    assert "조회로 확인" in settled_outcome(lost, {}, Check(Checked.ASSIGNED, "X"), "ko").message
