"""Any company's book answers any date window, as a real account with steady business does (issue 19 item 8).

The vendor's example programs search fixed windows (April 2021, then December 2024) with their test CorpNum
1234567890: over real sockets, and with the vendor SDK itself, they find invoices. The demo company's book stays
exactly what it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import date
from urllib.parse import quote

import pytest

from popbill_gui.simulator import EXAMPLE_LINK_ID, EXAMPLE_SECRET_KEY, Simulator
from popbill_gui.simulator.book import BookInvoice, generate
from popbill_gui.simulator.ledgers import month_of_item_key, month_of_own_key
from tests.simulator.test_lookups import TODAY, get, listed, run_sdk
from tests.simulator.test_simulator import Answer, assign, issue, send_email

EXAMPLE_CORP = "1234567890"  # the vendor's testValue.py: testCorpNum
# The windows of the vendor's search.py: today's (since 2025) and the one before it (2021-2022).
EXAMPLE_WINDOWS = [("20241201", "20241231"), ("20210401", "20210430")]


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(book_today=TODAY) as simulator:
        yield simulator


def find(sim: Simulator, token: str, first: str, last: str, kind: str = "SELL", **params: str) -> Answer:
    query = {"DType": "W", "SDate": first, "EDate": last, "PerPage": "1000", **params}
    return get(sim, token, f"/Taxinvoice/{kind}?" + "&".join(f"{k}={quote(v)}" for k, v in query.items()))


def written(sim: Simulator, corp: str, first: date, last: date, kind: str | None = None) -> list[BookInvoice]:
    """What the book holds, written from first to last (the months made for it)."""
    low, high = f"{first:%Y%m%d}", f"{last:%Y%m%d}"
    return [i for i in sim.state.invoices(corp, kind, since=first, until=last) if low <= i.fields["writeDate"] <= high]


def test_the_demo_company_s_book_is_exactly_what_it_was() -> None:
    # A digest of the whole book the demo (and every screenshot and test) has shown since it was made.
    book = generate(TODAY)
    made = [[i.item_key, i.mgt_key_type, i.fields, i.reg_type, i.tax_reg_ids] for i in book]
    digest = hashlib.sha256(json.dumps(made, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    assert digest == "d6be60c9b41d9c73ff15ecb0b1e64f6fa539febcab1ebc2445299cf55af56ced"


@pytest.mark.parametrize(("first", "last"), EXAMPLE_WINDOWS)
def test_the_vendor_s_company_finds_invoices_in_its_examples_windows(sim: Simulator, first: str, last: str) -> None:
    token = issue(sim, EXAMPLE_CORP)
    rows = listed(find(sim, token, first, last))
    assert 15 < len(rows) < 60  # a month of steady business
    assert all(first <= row["writeDate"] <= last for row in rows)
    assert {row["invoicerCorpNum"] for row in rows} == {EXAMPLE_CORP}
    bought = listed(find(sim, token, first, last, "BUY"))
    assert bought and {row["invoiceeCorpNum"] for row in bought} == {EXAMPLE_CORP}
    # The same invoices on every start, and the months around them are other invoices.
    with Simulator(book_today=TODAY) as again:
        assert listed(find(again, issue(again, EXAMPLE_CORP), first, last)) == rows
    january = listed(find(sim, token, f"{first[:4]}0101", f"{first[:4]}0131"))
    assert january and {row["itemKey"] for row in january}.isdisjoint(row["itemKey"] for row in rows)


def test_no_invoices_before_2010_or_after_yesterday(sim: Simulator) -> None:
    token = issue(sim, EXAMPLE_CORP)
    assert listed(find(sim, token, "20090701", "20091231")) == []
    today = f"{TODAY:%Y%m%d}"
    assert listed(find(sim, token, today, "20270331")) == []
    assert listed(find(sim, token, "20261101", today))  # this month's days so far


@pytest.mark.parametrize("date_type", ["R", "I"])
def test_a_registration_or_issue_window_finds_invoices_written_before_it(sim: Simulator, date_type: str) -> None:
    token = issue(sim, EXAMPLE_CORP)
    rows = listed(find(sim, token, "20230301", "20230331", DType=date_type))
    stamp = "regDT" if date_type == "R" else "issueDT"
    expected = [
        i.item_key
        for i in sim.state.invoices(EXAMPLE_CORP, "SELL", since=date(2022, 12, 1), until=date(2023, 3, 31))
        if "20230301" <= str(i.fields[stamp])[:8] <= "20230331"
    ]
    assert sorted(row["itemKey"] for row in rows) == sorted(expected)
    assert any(row["writeDate"] < "20230301" for row in rows)  # written in February, registered in March


def test_a_generated_invoice_is_found_by_its_keys_in_a_fresh_simulator(sim: Simulator) -> None:
    # Keys a clerk saw in one session point at the same invoices in the next, before any search.
    sold = written(sim, EXAMPLE_CORP, date(2021, 4, 1), date(2021, 4, 30), "SELL")
    ours = next(i for i in sold if i.our_mgt_key)
    bare = next(i for i in sold if not i.our_mgt_key and i.state_code // 100 == 3)
    assert month_of_own_key("SELL", ours.our_mgt_key) == (2021, 4)
    assert month_of_item_key(ours.item_key) == month_of_item_key(bare.item_key) == (2021, 4)
    with Simulator(book_today=TODAY) as fresh:
        token = issue(fresh, EXAMPLE_CORP)
        info = get(fresh, token, f"/Taxinvoice/SELL/{ours.our_mgt_key}")
        assert info.status == 200 and info.json() == ours.info()
        detail = get(fresh, token, f"/Taxinvoice/{bare.item_key}?Detail")
        assert detail.status == 200 and detail.json()["ntsconfirmNum"] == bare.fields["ntsconfirmNum"]
        assert len(fresh.state.months) == 1  # only April 2021 was made for it


def test_a_document_id_given_to_a_generated_invoice_lasts_while_months_come_and_go() -> None:
    with Simulator(book_today=TODAY, strict=True) as sim:
        sim.state.months.kept = 2
        token = issue(sim, EXAMPLE_CORP)
        bare = next(
            i
            for i in written(sim, EXAMPLE_CORP, date(2021, 4, 1), date(2021, 4, 30), "BUY")
            if not i.our_mgt_key and i.state_code // 100 == 3
        )
        sim.state.clear()  # nothing made: the assignment below makes April 2021 itself
        assert assign(sim, token, bare.item_key, "EX-0401", mgt_key_type="BUY").status == 200
        # Other windows push April 2021 out of memory; it is made again with the document ID on it.
        for first, last in (("20240101", "20240630"), ("20221201", "20230531")):
            assert listed(find(sim, token, first, last, "BUY"))
        assert len(sim.state.months) <= 2 and sim.state.months.made > 3
        rows = listed(find(sim, token, "20210401", "20210430", "BUY", MgtKey="EX-0401"))
        assert [(row["itemKey"], row["invoiceeMgtKey"]) for row in rows] == [(bare.item_key, "EX-0401")]
        assert get(sim, token, "/Taxinvoice/BUY/EX-0401").json()["itemKey"] == bare.item_key
        again = assign(sim, token, bare.item_key, "EX-0402", mgt_key_type="BUY")
        assert (again.status, again.code) == (400, -11005018)
        # A document ID the book was made with, in a month never made yet, is in use.
        other = next(i for i in written(sim, EXAMPLE_CORP, date(2019, 6, 1), date(2019, 6, 30), "BUY") if i.our_mgt_key)
        sim.state.clear()
        taken = assign(sim, token, bare.item_key, other.our_mgt_key, mgt_key_type="BUY")
        assert (taken.status, taken.code) == (400, -11001038)
        # Mail for a generated invoice that was never issued is refused, in a month not made before.
        sold = written(sim, EXAMPLE_CORP, date(2018, 1, 1), date(2018, 6, 30), "SELL")
        saved = next(i for i in sold if i.our_mgt_key and i.state_code < 200)
        sim.state.clear()
        refused = send_email(sim, token, saved.our_mgt_key)
        assert (refused.status, refused.code) == (400, -11005002)


def test_keys_that_are_not_a_generated_invoice_s_point_nowhere() -> None:
    assert month_of_item_key("202611240000000001") is None  # made-up (tests and benchmarks use such)
    assert month_of_item_key("021041300000000000") is None  # no such sequence
    assert month_of_item_key("021130100000000001") is None  # no 13th month
    assert month_of_own_key("BUY", "SO-210416-001") is None  # a sales ID is not among purchases
    assert month_of_own_key("SELL", "DOC-1") is None


def test_months_in_memory_are_capped(sim: Simulator) -> None:
    token = issue(sim, EXAMPLE_CORP)
    for year in range(2012, 2026, 2):
        assert listed(find(sim, token, f"{year}0101", f"{year}0630"))
    assert len(sim.state.months) == sim.state.months.kept < sim.state.months.made


def test_the_demo_company_s_book_answers_as_before(sim: Simulator) -> None:
    token = issue(sim)
    assert listed(find(sim, token, "20210401", "20210430")) == []  # nine months of invoices, no more
    rows = listed(find(sim, token, "20260524", "20261123"))
    assert sorted(row["itemKey"] for row in rows) == sorted(
        i.item_key for i in generate(TODAY) if i.mgt_key_type == "SELL" and i.fields["writeDate"] >= "20260524"
    )
    assert len(sim.state.months) == 0


@pytest.mark.sdk
@pytest.mark.parametrize(("first", "last"), EXAMPLE_WINDOWS)
def test_vendor_sdk_search_with_the_example_s_exact_values_finds_invoices(
    sim: Simulator, first: str, last: str
) -> None:
    # search.py's values as written (testValue.py's partner, CorpNum and user ID), with its window.
    example = {
        "POPBILL_LINK_ID": EXAMPLE_LINK_ID,
        "POPBILL_SECRET_KEY": EXAMPLE_SECRET_KEY,
        "POPBILL_CORP_NUM": EXAMPLE_CORP,
    }
    args = ["SELL", "W", first, last, ["3**", "6**"], ["N", "M"], ["T", "N", "Z"], "", "", "S", "",
            1, 5, "D", "testkorea", "", "", ["N", "R", "T"], ["P", "H"], ["N", "0", "1", "2", "3"], ""]  # fmt: skip
    (found,) = run_sdk(sim, [{"call": "search", "args": args}], env=example)
    assert found["ok"], found
    result = found["result"]
    window = [date(int(day[:4]), int(day[4:6]), int(day[6:])) for day in (first, last)]
    expected = [
        i
        for i in written(sim, EXAMPLE_CORP, *window, "SELL")
        if i.state_code // 100 in (3, 6) and (i.fields["closeDownState"] is None or i.fields["closeDownState"] <= 3)
    ]
    assert result["total"] == len(expected) > 5 and len(result["list"]) == 5
    newest = sorted(expected, key=lambda i: (i.fields["writeDate"], i.fields["regDT"], i.item_key), reverse=True)
    assert [row["itemKey"] for row in result["list"]] == [i.item_key for i in newest[:5]]
    assert {row["invoicerCorpNum"] for row in result["list"]} == {EXAMPLE_CORP}
    assert sim.requests[-1].header("x-pb-userid") == "testkorea"
