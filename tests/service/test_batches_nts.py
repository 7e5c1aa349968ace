"""Assign files by NTS confirmation number, planned through the service against the simulator's book.

Every number is resolved while planning, before anything is sent or journaled; a number that finds no invoice,
several, or one that already has our document ID is an invalid row with its reason; the journal holds the ItemKey
found, and a resume sends exactly that, without resolving again.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from popbill_gui.batch.model import RowOutcome, RowState
from popbill_gui.batch.runner import Stop
from popbill_gui.service import AssignRequest, Kind, LinkCredentials, PopbillError, Service
from popbill_gui.service.batches import BatchRefused
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.simulator.book import BookInvoice
from popbill_gui.storage.settings import Settings

TODAY = date(2026, 11, 24)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    # Strict, as POPBiLL is: an assignment to an ItemKey that is not in the book is refused.
    with Simulator(book_today=TODAY, strict=True) as simulator:
        yield simulator


@pytest.fixture
def service(sim: Simulator, tmp_path: Path) -> Iterator[Service]:
    settings = Settings(base_url=sim.base_url, auth_url=sim.base_url, corp_num=DEMO_CORP_NUM)
    s = Service(settings, LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY), history_path=tmp_path / "h.sqlite3")
    yield s
    s.close()


def without_id(sim: Simulator, kind: str = "SELL") -> list[BookInvoice]:
    """Issued invoices of the book that have no document ID on our side: what an NTS file assigns to."""
    return [i for i in sim.state.invoices(DEMO_CORP_NUM, kind) if not i.our_mgt_key and i.fields["ntsconfirmNum"]]


def with_id(sim: Simulator, kind: str = "SELL") -> BookInvoice:
    return next(i for i in sim.state.invoices(DEMO_CORP_NUM, kind) if i.our_mgt_key and i.fields["ntsconfirmNum"])


def hyphenated(nts: str) -> str:
    return f"{nts[:8]}-{nts[8:16]}-{nts[16:]}"


def nts_csv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["국세청승인번호", "문서유형", "문서번호"])
        out.writerows(rows)
    return path


def test_every_number_found_is_planned_with_its_item_key_and_journaled(
    service: Service, sim: Simulator, tmp_path: Path
) -> None:
    first, second = without_id(sim)[:2]
    path = nts_csv(
        tmp_path / "a.csv",
        [
            (first.fields["ntsconfirmNum"], "SELL", "NTS-1"),
            (hyphenated(second.fields["ntsconfirmNum"]), "SELL", "NTS-2"),
        ],
    )
    file = service.batches.read(path, "assign_mgt_key")
    assert file.by_nts and file.valid_rows == file.rows
    told: list[tuple[int, int]] = []
    plan = service.batches.plan(file, concurrency=2, resolving=lambda done, total: told.append((done, total)))
    assert told == [(1, 2), (2, 2)]
    assert [r.values["item_key"] for r in plan.rows] == [first.item_key, second.item_key]
    assert plan.file.fingerprint() == file.fingerprint()  # over the numbers, as the file gives them
    assert sim.count("assign") == 0 and service.journal().unfinished_batches() == []  # planning sends nothing

    report = service.batches.start(plan).run()
    assert report.stop is Stop.COMPLETED and report.counts()[RowState.DONE] == 2
    assigned = {(a.item_key, a.mgt_key) for a in sim.state.assignments}
    assert assigned == {(first.item_key, "NTS-1"), (second.item_key, "NTS-2")}
    journal_rows = service.journal().batch_rows(report.batch_id)
    assert [j.values["item_key"] for j in journal_rows] == [first.item_key, second.item_key]
    assert [j.values["nts_confirm_num"] for j in journal_rows][1] == hyphenated(second.fields["ntsconfirmNum"])
    assert {c.item_key for c in service.recent_calls()} == {first.item_key, second.item_key}  # the history too


def test_none_several_or_already_assigned_refuse_the_file_and_send_nothing(
    service: Service, sim: Simulator, tmp_path: Path
) -> None:
    good, twin_of = without_id(sim)[:2]
    twin = "026112400000099999"  # a second invoice with the same NTS number
    sim.state.add(DEMO_CORP_NUM, BookInvoice(twin, "SELL", {**twin_of.fields, "itemKey": twin}))
    taken = with_id(sim)
    path = nts_csv(
        tmp_path / "mixed.csv",
        [
            (good.fields["ntsconfirmNum"], "SELL", "OK-1"),
            ("20261120-41000000-00000000", "SELL", "NONE-1"),
            (twin_of.fields["ntsconfirmNum"], "SELL", "TWO-1"),
            (taken.fields["ntsconfirmNum"], "SELL", "TAKEN-1"),
            (good.fields["ntsconfirmNum"][:8] + "99999999" + "99999999", "BUY", "NONE-2"),
        ],
    )
    file = service.batches.read(path, "assign_mgt_key")
    assert file.invalid_rows == []  # each number is well formed: only the service can tell
    with pytest.raises(BatchRefused) as refused:
        service.batches.plan(file, concurrency=1)
    assert refused.value.key == "batch.file_refused" and refused.value.params == {"count": 4}
    reasons = {row.row: [(p.field, p.key) for p in row.problems] for row in refused.value.rows}
    assert reasons == {
        3: [("nts_confirm_num", "lookup.nts_none")],
        4: [("nts_confirm_num", "lookup.nts_several")],
        5: [("nts_confirm_num", "lookup.nts_has_mgt_key")],
        6: [("nts_confirm_num", "lookup.nts_none")],
    }
    words = {row.row: row.problems[0].describe("en") for row in refused.value.rows}
    assert "20261120-41000000-00000000" in words[3] and "2 invoices" in words[4] and taken.our_mgt_key in words[5]
    assert "국세청승인번호" in refused.value.rows[0].problems[0].describe("ko")
    assert sim.count("assign") == 0 and service.journal().unfinished_batches() == []

    # Skipping them: only the number that found its invoice is sent; the others are journaled with their reason.
    plan = service.batches.plan(file, concurrency=1, skip_invalid=True)
    assert [(r.row, r.values["item_key"]) for r in plan.rows] == [(2, good.item_key)]
    report = service.batches.start(plan).run()
    assert [(a.item_key, a.mgt_key) for a in sim.state.assignments] == [(good.item_key, "OK-1")]
    journaled = {j.row: j for j in service.journal().batch_rows(report.batch_id)}
    assert journaled[5].outcome.state is RowState.SKIPPED
    assert journaled[5].values["item_key"] == taken.item_key  # the invoice it found, to say which one
    assert [p.key for p in journaled[4].problems] == ["lookup.nts_several"]

    # The results show the number and the ItemKey it was resolved to, and every reason.
    written = service.batches.export(tmp_path / "out.csv", plan.file, report.outcomes, "en")
    with written.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0][:5] == ["Row", "NTS confirmation number", "POPBiLL number", "Type", "Document ID"]
    assert table[1][1:3] == [good.fields["ntsconfirmNum"], good.item_key] and table[1][6] == "1"
    assert table[3][2] == "" and "2 invoices" in table[3][7]


def test_a_file_with_a_bad_number_is_refused_before_the_network(
    service: Service, sim: Simulator, tmp_path: Path
) -> None:
    good = without_id(sim)[0]
    path = nts_csv(tmp_path / "bad.csv", [(good.fields["ntsconfirmNum"], "SELL", "K1"), ("2026-11-20", "SELL", "K2")])
    file = service.batches.read(path, "assign_mgt_key")
    assert [(r.row, [p.key for p in r.problems]) for r in file.invalid_rows] == [(3, ["nts.length"])]
    with pytest.raises(BatchRefused) as refused:
        service.batches.plan(file, concurrency=1)
    assert [r.row for r in refused.value.rows] == [3]
    assert sim.requests == []  # not even a token: nothing was looked up


def test_resume_sends_the_item_keys_journaled_and_never_resolves_again(
    service: Service, sim: Simulator, tmp_path: Path
) -> None:
    invoices = without_id(sim)[:3]
    path = nts_csv(
        tmp_path / "r.csv", [(i.fields["ntsconfirmNum"], "SELL", f"RES-{n}") for n, i in enumerate(invoices)]
    )
    file = service.batches.read(path, "assign_mgt_key")
    plan = service.batches.plan(file, concurrency=1)
    journal = service.journal()
    batch_id = journal.create_batch(  # what BatchRun journals at its start
        operation="assign_mgt_key",
        source=str(path),
        fingerprint=plan.file.fingerprint(),
        environment=service.environment_name,
        corp_num=service.corp_num,
        rows=plan.file.rows,
        concurrency=1,
    )
    # The first row was assigned before the process died: its number now finds an invoice with a document ID,
    # so resolving again would call the row invalid.
    service.call(AssignRequest(invoices[0].item_key, "SELL", "RES-0"))
    journal.mark_sending(batch_id, 2)
    journal.mark_result(batch_id, 2, RowOutcome(2, RowState.DONE, 1, "ok", 200, 0.01))
    searches = sim.count("search")

    again = service.batches.read(path, "assign_mgt_key")  # the file as a new process reads it: no ItemKeys
    assert "item_key" not in again.rows[0].values
    resumed = service.batches.plan_resume(file=again, concurrency=1)
    assert sim.count("search") == searches  # not one look-up
    assert resumed.batch_id == batch_id
    assert [(r.row, r.values["item_key"]) for r in resumed.rows] == [
        (3, invoices[1].item_key),
        (4, invoices[2].item_key),
    ]
    assert resumed.file.rows[0].values["item_key"] == invoices[0].item_key  # the export shows every ItemKey
    # By batch id (the window's resume bar): the file read again from its path, the same rows, no look-up. (One
    # plan holds the batch's run lock at a time: the first is let go first.)
    resumed.release()
    by_id = service.batches.plan_resume(batch_id=batch_id, concurrency=1)
    assert [r.values for r in by_id.rows] == [r.values for r in resumed.rows] and sim.count("search") == searches
    report = service.batches.start(by_id).run()
    assert report.stop is Stop.COMPLETED
    assert [a.item_key for a in sim.state.assignments] == [i.item_key for i in invoices]  # each once


def test_an_interrupted_batch_is_offered_before_any_number_is_looked_up(
    service: Service, sim: Simulator, tmp_path: Path
) -> None:
    good = without_id(sim)[0]
    path = nts_csv(tmp_path / "i.csv", [(good.fields["ntsconfirmNum"], "SELL", "INT-1")])
    file = service.batches.read(path, "assign_mgt_key")
    plan = service.batches.plan(file, concurrency=1)
    service.journal().create_batch(
        operation="assign_mgt_key",
        source=str(path),
        fingerprint=plan.file.fingerprint(),
        environment=service.environment_name,
        corp_num=service.corp_num,
        rows=plan.file.rows,
        concurrency=1,
    )
    searches = sim.count("search")
    with pytest.raises(BatchRefused) as refused:
        service.batches.plan(service.batches.read(path, "assign_mgt_key"), concurrency=1)
    assert refused.value.key == "batch.interrupted_exists"
    assert sim.count("search") == searches


def test_a_failure_while_resolving_plans_nothing(service: Service, sim: Simulator, tmp_path: Path) -> None:
    good = without_id(sim)[0]
    path = nts_csv(tmp_path / "f.csv", [(good.fields["ntsconfirmNum"], "SELL", "F-1")])
    file = service.batches.read(path, "assign_mgt_key")
    sim.fault = "html-500"
    with pytest.raises(PopbillError) as caught:
        service.batches.plan(file, concurrency=1)
    assert caught.value.kind is Kind.HTML_PAGE
    assert sim.count("assign") == 0 and service.journal().unfinished_batches() == []


def test_the_clerks_columns_survive_the_look_up(service: Service, sim: Simulator, tmp_path: Path) -> None:
    invoice = without_id(sim)[0]
    path = tmp_path / "a.csv"
    path.write_text(
        f"거래처명,국세청승인번호,구분,문서번호\n한빛상사,{invoice.fields['ntsconfirmNum']},매출,NTS-1\n",
        encoding="utf-8",
    )
    plan = service.batches.plan(service.batches.read(path, "assign_mgt_key"), concurrency=1)
    assert plan.file.extra_columns == ("거래처명",) and plan.rows[0].extras == ("한빛상사",)
    assert plan.rows[0].values["item_key"] == invoice.item_key
