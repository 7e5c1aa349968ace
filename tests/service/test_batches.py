"""Planning and running batches through the service, without Qt, against the simulator.

These are the rules both faces rely on: a refused file sends nothing, an interrupted batch is resumed rather than
started anew, only under its own account and from its own file, and nothing whose outcome is unknown is sent again.
"""

from __future__ import annotations

import csv
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from popbill_gui.batch.journal import Journal
from popbill_gui.batch.model import RowOutcome, RowState
from popbill_gui.batch.runner import Stop
from popbill_gui.service import Kind, LinkCredentials, PopbillError, Service
from popbill_gui.service.batches import BatchRefused, BatchReport
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage.settings import Settings

CREDENTIALS = LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY)


def make_service(sim: Simulator, tmp_path: Path, **kw: object) -> Service:
    values: dict[str, object] = {"base_url": sim.base_url, "auth_url": sim.base_url, "corp_num": DEMO_CORP_NUM}
    values.update(kw)
    return Service(Settings(**values), CREDENTIALS, history_path=tmp_path / "history.sqlite3")  # type: ignore[arg-type]


@pytest.fixture
def service(sim: Simulator, tmp_path: Path) -> Iterator[Service]:
    s = make_service(sim, tmp_path)
    yield s
    s.close()


def resend_csv(path: Path, keys: list[str], receiver: str = "a@example.com") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["MgtKeyType", "MgtKey", "Receiver"])
        out.writerows(["SELL", key, receiver] for key in keys)
    return path


def interrupt(journal: Journal, batch_id: int) -> None:
    """What a killed process leaves: row 2 done, row 3 sent without an answer (sending), the rest pending."""
    journal.mark_sending(batch_id, 2)
    journal.mark_result(batch_id, 2, RowOutcome(2, RowState.DONE, 1, "ok", 200, 0.01))
    journal.mark_sending(batch_id, 3)


def journaled(service: Service, file_path: Path, concurrency: int = 2) -> int:
    """A batch journaled for the file, as a run that never got to send would leave it."""
    file = service.batches.read(file_path, "resend_email")
    return service.journal().create_batch(
        operation="resend_email",
        source=str(file.path),
        fingerprint=file.fingerprint(),
        environment=service.environment_name,
        corp_num=service.corp_num,
        rows=file.rows,
        concurrency=concurrency,
    )


def test_a_new_batch_runs_every_valid_row_once_and_finishes(service: Service, sim: Simulator, tmp_path: Path) -> None:
    path = resend_csv(tmp_path / "m.csv", ["A-1", "A-2", "bad key", "A-4"])
    file = service.batches.read(path, "resend_email")
    with pytest.raises(BatchRefused) as refused:
        service.batches.plan(file, concurrency=2)
    assert refused.value.key == "batch.file_refused" and [r.row for r in refused.value.rows] == [4]
    plan = service.batches.plan(file, concurrency=2, skip_invalid=True)
    assert [r.row for r in plan.rows] == [2, 3, 5] and not plan.resuming
    seen: list[int] = []
    started: list[int] = []
    report = service.batches.start(plan, on_row=lambda o, _p: seen.append(o.row), on_started=started.append).run()
    assert report.stop is Stop.COMPLETED and report.error is None and started == [report.batch_id]
    assert sorted(seen) == [2, 3, 5] and sorted(m.mgt_key for m in sim.state.sent_mails) == ["A-1", "A-2", "A-4"]
    counts = report.counts()
    assert (counts[RowState.DONE], counts[RowState.SKIPPED]) == (3, 1)
    info = service.journal().batch(report.batch_id)
    assert info.status == "completed" and info.environment == "test" and info.corp_num == DEMO_CORP_NUM
    assert len(service.recent_calls()) == 3  # one record per call, in the history


def test_a_file_with_an_interrupted_batch_is_not_started_anew(service: Service, tmp_path: Path) -> None:
    path = resend_csv(tmp_path / "m.csv", ["B-1", "B-2", "B-3"])
    batch_id = journaled(service, path)
    file = service.batches.read(path, "resend_email")
    with pytest.raises(BatchRefused) as refused:
        service.batches.plan(file, concurrency=1)
    assert refused.value.key == "batch.interrupted_exists" and refused.value.batch is not None
    assert refused.value.batch.id == batch_id


def test_resume_sends_only_what_never_left(service: Service, sim: Simulator, tmp_path: Path) -> None:
    path = resend_csv(tmp_path / "m.csv", ["C-1", "C-2", "C-3", "C-4"])
    batch_id = journaled(service, path)
    interrupt(service.journal(), batch_id)
    file = service.batches.read(path, "resend_email")
    plan = service.batches.plan_resume(file=file, concurrency=2)
    assert plan.batch_id == batch_id and plan.recovered == [3]  # left "sending": now "check on the website"
    assert [r.row for r in plan.rows] == [4, 5]
    assert plan.outcomes[3].state is RowState.UNKNOWN and plan.outcomes[2].state is RowState.DONE
    report = service.batches.start(plan).run()
    assert report.stop is Stop.COMPLETED and report.batch_id == batch_id
    assert sorted(m.mgt_key for m in sim.state.sent_mails) == ["C-3", "C-4"]
    assert report.outcomes[3].state is RowState.UNKNOWN
    # The same by batch id (the window's resume bar), and with --resend-unknown for mails.
    path2 = resend_csv(tmp_path / "n.csv", ["D-1", "D-2", "D-3"])
    second = journaled(service, path2)
    interrupt(service.journal(), second)
    plan2 = service.batches.plan_resume(batch_id=second, concurrency=1, resend_unknown=True)
    assert [r.row for r in plan2.rows] == [3, 4] and plan2.file.path == path2


def test_unknown_assignments_are_never_sent_again(service: Service, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["ItemKey", "MgtKeyType", "MgtKey"])
        out.writerows([f"02411241500000000{i}", "SELL", f"DOC-{i}"] for i in range(1, 4))
    file = service.batches.read(path, "assign_mgt_key")
    batch_id = service.journal().create_batch(
        operation="assign_mgt_key",
        source=str(path),
        fingerprint=file.fingerprint(),
        environment="test",
        corp_num=DEMO_CORP_NUM,
        rows=file.rows,
        concurrency=1,
    )
    interrupt(service.journal(), batch_id)
    plan = service.batches.plan_resume(file=file, concurrency=1, resend_unknown=True)  # asked, and refused for assign
    assert [r.row for r in plan.rows] == [4]


def test_nothing_to_resume_when_the_batch_finished(service: Service, tmp_path: Path) -> None:
    path = resend_csv(tmp_path / "m.csv", ["E-1"])
    file = service.batches.read(path, "resend_email")
    report = service.batches.start(service.batches.plan(file, concurrency=1)).run()
    assert report.stop is Stop.COMPLETED
    with pytest.raises(BatchRefused) as refused:
        service.batches.plan_resume(file=file, concurrency=1)
    assert refused.value.key == "batch.nothing_to_resume"
    assert "Nothing was sent" in refused.value.describe("en") and "보내지 않았습니다" in refused.value.describe("ko")
    with pytest.raises(BatchRefused) as by_id:
        service.batches.plan_resume(batch_id=report.batch_id, concurrency=1)
    assert by_id.value.key == "batch.finished"


@pytest.mark.parametrize("other", [{"env": "production"}, {"corp_num": "1234567890"}])
def test_an_unfinished_batch_belongs_to_its_environment_and_corp_num(
    sim: Simulator, tmp_path: Path, other: dict[str, str]
) -> None:
    mine = make_service(sim, tmp_path)
    path = resend_csv(tmp_path / "m.csv", ["F-1", "F-2"])
    batch_id = journaled(mine, path)
    theirs = make_service(sim, tmp_path, **other)
    file = theirs.batches.read(path, "resend_email")
    for attempt in (
        lambda: theirs.batches.plan_resume(file=file, concurrency=1),
        lambda: theirs.batches.plan_resume(batch_id=batch_id, concurrency=1),
    ):
        with pytest.raises(BatchRefused) as refused:
            attempt()
        assert refused.value.key == "batch.other_account"
        assert "test environment" in refused.value.describe("en") and DEMO_CORP_NUM in refused.value.describe("en")
    assert mine.journal().batch(batch_id).unfinished and sim.requests == []
    mine.close()
    theirs.close()


def test_a_changed_or_missing_file_cannot_be_resumed_unasked(service: Service, tmp_path: Path) -> None:
    path = resend_csv(tmp_path / "m.csv", ["G-1", "G-2"])
    batch_id = journaled(service, path)
    resend_csv(path, ["G-1", "G-2", "G-3"])
    with pytest.raises(BatchRefused) as changed:  # the clerk's choice first: resume as journaled, or abandon
        service.batches.plan_resume(batch_id=batch_id, concurrency=1)
    assert changed.value.key == "batch.file_changed_since" and f"#{batch_id}" in changed.value.describe("en")
    assert not service.journal().running_elsewhere(batch_id)  # nothing held by the refusal
    path.unlink()
    with pytest.raises(BatchRefused) as missing:
        service.batches.plan_resume(batch_id=batch_id, concurrency=1)
    assert missing.value.key == "batch.source_unreadable" and "m.csv" in missing.value.describe("en")


def test_cancelled_before_it_starts_journals_nothing(service: Service, sim: Simulator, tmp_path: Path) -> None:
    file = service.batches.read(resend_csv(tmp_path / "m.csv", ["H-1"]), "resend_email")
    run = service.batches.start(service.batches.plan(file, concurrency=1))
    run.cancel()
    report = run.run()
    assert report.stop is Stop.CANCELLED and report.batch_id == 0 and report.outcomes == {}
    assert service.journal().unfinished_batches() == [] and sim.count("send_email") == 0


def test_no_credentials_is_an_error_before_anything_is_journaled(sim: Simulator, tmp_path: Path) -> None:
    service = make_service(sim, tmp_path)
    service.configure(credentials=None)
    file = service.batches.read(resend_csv(tmp_path / "m.csv", ["I-1"]), "resend_email")
    with pytest.raises(PopbillError) as caught:
        service.batches.start(service.batches.plan(file, concurrency=1)).run()
    assert caught.value.kind is Kind.NO_CREDENTIALS
    assert service.journal().unfinished_batches() == [] and sim.requests == []
    service.close()


def test_export_writes_every_row_in_file_order(service: Service, tmp_path: Path) -> None:
    path = resend_csv(tmp_path / "m.csv", ["J-1", "NOTFOUND-2"])
    file = service.batches.read(path, "resend_email")
    report = service.batches.start(service.batches.plan(file, concurrency=1)).run()
    written = service.batches.export(tmp_path / "out.csv", file, report.outcomes, "en")
    with written.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert [line[0] for line in table[1:]] == ["2", "3"]
    assert table[2][5] == "-11000005"


# ---- one run per batch (issue 12.5): the run lock ----
def test_a_batch_planned_for_resuming_elsewhere_is_refused_and_not_recovered(
    service: Service, sim: Simulator, tmp_path: Path
) -> None:
    # Two services on one history: what two processes (the window and popbill-cli) are.
    path = resend_csv(tmp_path / "m.csv", ["L-1", "L-2", "L-3", "L-4"])
    batch_id = journaled(service, path)
    interrupt(service.journal(), batch_id)
    holder = service.batches.plan_resume(batch_id=batch_id, concurrency=1)
    assert holder.lock is not None and holder.lock.held and holder.recovered == [3]
    other = make_service(sim, tmp_path)
    try:
        service.journal().mark_sending(batch_id, 4)  # the holder's run: row 4 is leaving now
        file = other.batches.read(path, "resend_email")
        for plan in (
            lambda: other.batches.plan_resume(file=file, concurrency=1),
            lambda: other.batches.plan_resume(batch_id=batch_id, concurrency=1, resend_unknown=True),
            lambda: other.batches.plan(file, concurrency=1),  # a new batch of a file being run: not offered either
        ):
            with pytest.raises(BatchRefused) as refused:
                plan()
            assert refused.value.key == "batch.running_elsewhere" and refused.value.batch is not None
            assert "is running in another window or program" in refused.value.describe("en")
            assert "다른 창이나 프로그램" in refused.value.describe("ko")
        # Not recovered by the refused ones: the live run's row is still its own, not "check on the website".
        assert service.journal().batch_rows(batch_id)[2].outcome.state is RowState.SENDING
        holder.release()
        service.journal().mark_result(batch_id, 4, RowOutcome(4, RowState.DONE, 1, "ok", 200, 0.01))
        plan = other.batches.plan_resume(file=file, concurrency=1)  # free once released
        assert [r.row for r in plan.rows] == [5] and plan.lock is not None
        assert other.batches.start(plan).run().stop is Stop.COMPLETED
        assert plan.lock is not None and not plan.lock.held  # the run gave it back
        assert [m.mgt_key for m in sim.state.sent_mails] == ["L-4"]
    finally:
        other.close()


def test_the_run_holds_the_lock_until_it_ends_then_resume_finds_it_finished(
    service: Service, sim: Simulator, tmp_path: Path
) -> None:
    path = resend_csv(tmp_path / "m.csv", [f"R-{i}" for i in range(6)])
    other = make_service(sim, tmp_path)
    refusals: list[str] = []

    def meanwhile(_outcome: RowOutcome, _progress: object) -> None:
        # From inside the run (a new batch, locked as it was journaled): another process tries to resume it.
        try:
            other.batches.plan_resume(batch_id=report_id[0], concurrency=1, resend_unknown=True)
        except BatchRefused as refusal:
            refusals.append(refusal.key)

    report_id: list[int] = []
    try:
        plan = service.batches.plan(service.batches.read(path, "resend_email"), concurrency=1)
        assert plan.lock is None
        report = service.batches.start(plan, on_row=meanwhile, on_started=report_id.append).run()
        assert report.stop is Stop.COMPLETED
        assert refusals == ["batch.running_elsewhere"] * 6
        assert len(sim.state.sent_mails) == 6  # every mail once
        assert not service.journal().running_elsewhere(report.batch_id)
        with pytest.raises(BatchRefused) as refused:
            other.batches.plan_resume(batch_id=report.batch_id, concurrency=1)
        assert refused.value.key == "batch.finished"
    finally:
        other.close()


def test_a_plan_dropped_without_running_frees_the_batch(service: Service, sim: Simulator, tmp_path: Path) -> None:
    import gc

    path = resend_csv(tmp_path / "m.csv", ["G-1", "G-2"])
    batch_id = journaled(service, path)
    plan = service.batches.plan_resume(batch_id=batch_id, concurrency=1)
    assert service.journal().running_elsewhere(batch_id)
    del plan
    gc.collect()
    assert not service.journal().running_elsewhere(batch_id)


def test_a_run_that_cannot_open_the_client_gives_the_lock_back(sim: Simulator, tmp_path: Path) -> None:
    path = resend_csv(tmp_path / "m.csv", ["N-1"])
    without = Service(
        Settings(base_url=sim.base_url, auth_url=sim.base_url, corp_num=DEMO_CORP_NUM),
        None,
        history_path=tmp_path / "history.sqlite3",
    )
    try:
        batch_id = journaled(without, path)
        plan = without.batches.plan_resume(batch_id=batch_id, concurrency=1)
        with pytest.raises(PopbillError):
            without.batches.start(plan).run()
        assert not without.journal().running_elsewhere(batch_id)
    finally:
        without.close()


def test_a_batch_running_elsewhere_is_not_offered_for_resuming(
    service: Service, sim: Simulator, tmp_path: Path
) -> None:
    interrupted = journaled(service, resend_csv(tmp_path / "a.csv", ["A-1", "A-2"]))
    running = journaled(service, resend_csv(tmp_path / "b.csv", ["B-1", "B-2"]))
    other = make_service(sim, tmp_path)  # popbill-cli, running b.csv now
    try:
        cli_run = other.batches.plan_resume(batch_id=running, concurrency=1)
        assert cli_run.lock is not None and cli_run.lock.held
        assert [b.id for b in service.unfinished_batches()] == [interrupted]
        cli_run.release()
        assert [b.id for b in service.unfinished_batches()] == [running, interrupted]  # newest first, both free
    finally:
        other.close()


def test_a_plan_made_before_another_process_started_the_file_sends_nothing(
    service: Service, sim: Simulator, tmp_path: Path
) -> None:
    # The window and popbill-cli both plan the file (neither sees a batch yet); the CLI starts first.
    path = resend_csv(tmp_path / "m.csv", ["R-1", "R-2", "R-3"])
    other = make_service(sim, tmp_path)
    try:
        late = service.batches.plan(service.batches.read(path, "resend_email"), concurrency=1)
        first = other.batches.plan(other.batches.read(path, "resend_email"), concurrency=1)
        sim.latency_ms = 300  # the CLI's run is still sending when the window's starts
        reports: list[BatchReport] = []
        cli = threading.Thread(target=lambda: reports.append(other.batches.start(first).run()))
        cli.start()
        deadline = time.monotonic() + 10
        while not service.journal().unfinished_batches() and time.monotonic() < deadline:
            time.sleep(0.01)
        with pytest.raises(BatchRefused) as refused:
            service.batches.start(late).run()
        assert refused.value.key == "batch.running_elsewhere" and refused.value.batch is not None
        sim.latency_ms = 0
        cli.join(10)
        assert reports and reports[0].stop is Stop.COMPLETED
        assert sorted(m.mgt_key for m in sim.state.sent_mails) == ["R-1", "R-2", "R-3"]  # once each
        assert refused.value.batch.id == reports[0].batch_id  # the one batch there is
    finally:
        other.close()
