"""The simulator's book of invoices and its read-only calls, over real sockets, and the vendor SDK against them."""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote

import pytest

from popbill_gui.core.validation import check_receiver, corp_num_checksum_ok
from popbill_gui.simulator import DEMO_CORP_NUM, EXAMPLE_LINK_ID, EXAMPLE_SECRET_KEY, Simulator
from popbill_gui.simulator.book import OUR_KEY_FIELD, BookInvoice, generate
from tests.simulator.test_simulator import REPO, Answer, assign, call, issue, send_email

TODAY = date(2026, 11, 24)
FIRST = "20260524"  # the longest search window that ends yesterday: six months less a day
OTHER_CORP = "1234567890"


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(book_today=TODAY) as simulator:
        yield simulator


@pytest.fixture
def token(sim: Simulator) -> str:
    return issue(sim)


def get(sim: Simulator, token: str, target: str, headers: dict[str, str] | None = None) -> Answer:
    return call(sim, "GET", target, headers={"Authorization": f"Bearer {token}", **(headers or {})})


def search(sim: Simulator, token: str, kind: str = "SELL", **params: str) -> Answer:
    query = {"DType": "W", "SDate": FIRST, "EDate": "20261123", **params}
    return get(sim, token, f"/Taxinvoice/{kind}?" + "&".join(f"{k}={quote(v)}" for k, v in query.items()))


def listed(answer: Answer) -> list[dict[str, Any]]:
    assert answer.status == 200, answer.body
    rows = answer.json()["list"]
    assert isinstance(rows, list)
    return rows


def book(sim: Simulator, kind: str | None = None) -> list[BookInvoice]:
    """The invoices a search from FIRST to yesterday covers."""
    return [i for i in sim.state.invoices(DEMO_CORP_NUM, kind) if i.fields["writeDate"] >= FIRST]


def without_key(sim: Simulator, kind: str) -> BookInvoice:
    return next(i for i in book(sim, kind) if not i.our_mgt_key and i.state_code // 100 == 3)


# -- the book ------------------------------------------------------------------------------------------------


def test_the_book_is_the_same_for_the_same_seed_and_dated_back_from_today() -> None:
    first, again = generate(TODAY), generate(TODAY)
    assert [i.fields for i in first] == [i.fields for i in again]
    later = generate(TODAY + timedelta(days=10))
    assert [i.fields["supplyCostTotal"] for i in later] == [i.fields["supplyCostTotal"] for i in first]
    assert [i.fields["writeDate"] for i in later] != [i.fields["writeDate"] for i in first]
    other = generate(TODAY, seed=7)
    assert [i.fields["supplyCostTotal"] for i in other] != [i.fields["supplyCostTotal"] for i in first]


def test_the_book_looks_like_a_real_company_s() -> None:
    invoices = generate(TODAY)
    assert len(invoices) == 300
    kinds = Counter(i.mgt_key_type for i in invoices)
    assert kinds["SELL"] > 100 and kinds["BUY"] > 100 and kinds["TRUSTEE"] > 5
    written = [date.fromisoformat(f"{w[:4]}-{w[4:6]}-{w[6:]}") for w in (i.fields["writeDate"] for i in invoices)]
    assert max(written) < TODAY and min(written) <= TODAY - timedelta(days=240)
    # About a third issued on the website: no document ID on our side, not made through the API.
    missing = [i for i in invoices if not i.our_mgt_key]
    assert 0.25 < len(missing) / len(invoices) < 0.42
    assert all(not i.fields["interOPYN"] for i in missing)
    assert all(i.fields["interOPYN"] for i in invoices if i.our_mgt_key)
    states = Counter(i.state_code // 100 for i in invoices)
    assert states[3] > len(invoices) * 0.6 and states[1] and states[2] and states[4] and states[6]
    for invoice in invoices:
        fields = invoice.fields
        for side in ("invoicer", "invoicee"):
            assert corp_num_checksum_ok(fields[f"{side}CorpNum"]), fields[f"{side}CorpNum"]
        assert re.search("[가-힣]", fields["invoiceeCorpName"])
        assert int(fields["supplyCostTotal"]) > 0 and fields["taxTotal"].isdigit()
        assert int(fields["totalAmount"]) == int(fields["supplyCostTotal"]) + int(fields["taxTotal"])
        nts = fields["ntsconfirmNum"]
        if invoice.state_code // 100 in (3, 6):
            assert re.fullmatch("[0-9]{24}", nts) and nts[:8] == fields["issueDT"][:8]
        else:
            assert nts == "" and fields["issueDT"] == ""
        assert not check_receiver(fields["invoiceeEmail1"]) and not check_receiver(fields["invoicerEmail"])
        assert fields["invoiceeEmail1"].split("@")[1].endswith(".example.com")
    assert len({i.fields["ntsconfirmNum"] for i in invoices if i.fields["ntsconfirmNum"]}) == len(
        [i for i in invoices if i.fields["ntsconfirmNum"]]
    )
    assert len({i.item_key for i in invoices}) == len(invoices)


def test_every_company_that_signs_in_has_a_book_of_its_own(sim: Simulator) -> None:
    # The vendor's test CorpNum (their example programs use it) finds invoices where it is the seller.
    answer = search(sim, issue(sim, OTHER_CORP))
    rows = listed(answer)
    assert answer.json()["total"] > 0 and rows
    assert {row["invoicerCorpNum"] for row in rows} == {OTHER_CORP}
    assert all(row["invoiceeCorpNum"] != OTHER_CORP for row in rows)
    others = sim.state.invoices(OTHER_CORP)  # this month and the nine before, at the demo book's pace
    assert 250 < len(others) < 450 and {i.item_key for i in others}.isdisjoint(
        i.item_key for i in sim.state.invoices(DEMO_CORP_NUM)
    )
    # Seeded by the CorpNum: the same book on every start, and another CorpNum's is another.
    with Simulator(book_today=TODAY) as again:
        assert [i.fields for i in again.state.invoices(OTHER_CORP)] == [i.fields for i in others]
        assert [i.item_key for i in again.state.invoices("2208162517")] != [i.item_key for i in others]
    # The demo company keeps exactly the book it had.
    assert [i.fields for i in sim.state.invoices(DEMO_CORP_NUM)] == [i.fields for i in generate(TODAY)]


# -- Search --------------------------------------------------------------------------------------------------


def test_search_answers_in_the_api_s_shape(sim: Simulator, token: str) -> None:
    answer = search(sim, token, PerPage="7")
    data = answer.json()
    expected = book(sim, "SELL")
    assert list(data) == ["code", "total", "perPage", "pageNum", "pageCount", "message", "list"]
    assert (data["code"], data["total"], data["perPage"], data["pageNum"]) == (1, len(expected), 7, 1)
    assert data["pageCount"] == -(-len(expected) // 7) and len(data["list"]) == 7
    row = data["list"][0]
    assert {"itemKey", "writeDate", "invoiceeCorpName", "supplyCostTotal", "ntsconfirmNum", "stateCode"} <= set(row)
    assert "invoiceeEmail1" not in row and "totalAmount" not in row  # only the detail has them
    assert sim.requests[-1].kind == "search"


def test_pages_cover_the_result_once_in_order(sim: Simulator, token: str) -> None:
    first = search(sim, token, PerPage="40").json()
    pages = [listed(search(sim, token, PerPage="40", Page=str(n))) for n in range(1, first["pageCount"] + 2)]
    assert pages[-1] == []  # past the last page: an empty list, not an error
    keys = [row["itemKey"] for page in pages for row in page]
    assert len(keys) == len(set(keys)) == first["total"]
    dates = [row["writeDate"] for page in pages for row in page]
    assert dates == sorted(dates, reverse=True)
    ascending = [row["writeDate"] for row in listed(search(sim, token, PerPage="1000", Order="A"))]
    assert ascending == sorted(dates)


def test_a_range_over_six_months_is_refused(sim: Simulator, token: str) -> None:
    answer = search(sim, token, SDate="20260101", EDate="20260701")
    assert (answer.status, answer.code) == (400, -99000004)
    assert "6개월" in answer.json()["message"]
    english = get(sim, token, "/Taxinvoice/SELL?DType=W&SDate=20260101&EDate=20260701", {"Accept-Language": "en-US"})
    assert "6 months" in english.json()["message"]
    assert search(sim, token, SDate="20260101", EDate="20260630").status == 200
    assert search(sim, token, SDate="20260831", EDate="20270227").status == 200  # Aug 31 + 6 months = Feb 28
    assert search(sim, token, SDate="20260831", EDate="20270228").code == -99000004


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"DType": "X"}, "DType"),
        ({"SDate": ""}, "SDate"),
        ({"EDate": "20261131"}, "EDate"),
        ({"SDate": "20261123", "EDate": "20261101"}, "SDate > EDate"),
        ({"State": "3x*"}, "State"),
        ({"TaxType": "T,Q"}, "TaxType"),
        ({"LateOnly": "maybe"}, "LateOnly"),
        ({"PerPage": "1001"}, "PerPage"),
        ({"Page": "0"}, "Page"),
        ({"Order": "Z"}, "Order"),
    ],
)
def test_bad_search_parameters_are_refused_by_name(
    sim: Simulator, token: str, params: dict[str, str], named: str
) -> None:
    answer = search(sim, token, **params)
    assert (answer.status, answer.code) == (400, -99000003)
    assert named in answer.json()["message"]


def test_every_parameter_the_sdk_may_send_empty_is_accepted(sim: Simulator, token: str) -> None:
    empty = {name: "" for name in ("State", "Type", "TaxType", "LateOnly", "TaxRegIDType", "TaxRegIDYN", "TaxRegID",
                                   "QString", "InterOPYN", "IssueType", "RegType", "CloseDownState", "MgtKey", "Order",
                                   "Page", "PerPage")}  # fmt: skip
    assert listed(search(sim, token, **empty)) == listed(search(sim, token))
    assert search(sim, token, Unknown="1").status == 200


def test_filters(sim: Simulator, token: str) -> None:
    everything = listed(search(sim, token, "BUY", PerPage="1000"))

    def only(**params: str) -> list[dict[str, Any]]:
        rows = listed(search(sim, token, "BUY", PerPage="1000", **params))
        assert 0 < len(rows) < len(everything), params
        return rows

    assert {r["stateCode"] // 100 for r in only(State="3**")} == {3}
    assert {r["stateCode"] for r in only(State="304,6**")} <= {304, 600}
    assert {r["taxType"] for r in only(TaxType="N,Z")} <= {"면세", "영세"}
    assert all(r["modifyCode"] is not None for r in only(Type="M"))
    assert {r["issueType"] for r in only(IssueType="R")} == {"역발행"}
    assert all(r["interOPYN"] is False for r in only(InterOPYN="0"))
    assert all(r["closeDownState"] is None for r in only(CloseDownState="N"))
    assert only(RegType="H") and only(RegType="P")
    partner = everything[0]["invoicerCorpName"]
    assert {r["invoicerCorpName"] for r in only(QString=partner[1:4])} >= {partner}
    number = everything[0]["invoicerCorpNum"]
    assert {r["invoicerCorpNum"] for r in only(QString=f"{number[:3]}-{number[3:5]}-{number[5:]}")} == {number}
    # Dates of another kind: registered or issued.
    assert all("20261101" <= r["regDT"][:8] <= "20261123" for r in only(DType="R", SDate="20261101"))
    assert all(r["issueDT"] for r in listed(search(sim, token, "BUY", DType="I", PerPage="1000")))


def test_tax_reg_id_and_late_filters(sim: Simulator, token: str) -> None:
    marked = [i for i in book(sim) if i.tax_reg_ids.get("B")]
    kind = marked[0].mgt_key_type
    rows = listed(search(sim, token, kind, TaxRegIDType="B", TaxRegIDYN="1", PerPage="1000"))
    assert {r["itemKey"] for r in rows} == {i.item_key for i in marked if i.mgt_key_type == kind}
    code = marked[0].tax_reg_ids["B"]
    by_id = listed(search(sim, token, kind, TaxRegIDType="B", TaxRegID=code, PerPage="1000"))
    assert marked[0].item_key in {r["itemKey"] for r in by_id}
    late = {r["itemKey"] for r in listed(search(sim, token, "SELL", LateOnly="1", PerPage="1000"))}
    assert late and late == {i.item_key for i in book(sim, "SELL") if i.fields["lateIssueYN"]}
    on_time = listed(search(sim, token, "SELL", LateOnly="False", PerPage="1000"))
    assert on_time and not late & {r["itemKey"] for r in on_time}


def test_mgt_key_filter_finds_a_document_id_or_an_nts_number(sim: Simulator, token: str) -> None:
    invoice = next(i for i in book(sim, "SELL") if i.our_mgt_key and i.fields["ntsconfirmNum"])
    wide = {"PerPage": "1000"}
    assert [r["itemKey"] for r in listed(search(sim, token, MgtKey=invoice.our_mgt_key, **wide))] == [invoice.item_key]
    nts = invoice.fields["ntsconfirmNum"]
    for typed in (nts, f"{nts[:8]}-{nts[8:16]}-{nts[16:]}"):
        assert [r["itemKey"] for r in listed(search(sim, token, MgtKey=typed, **wide))] == [invoice.item_key]
    assert listed(search(sim, token, MgtKey="NO-SUCH-KEY", **wide)) == []
    assert listed(search(sim, token, "BUY", MgtKey=invoice.our_mgt_key, **wide)) == []


def test_search_needs_a_token_and_a_mgt_key_type(sim: Simulator, token: str) -> None:
    assert call(sim, "GET", "/Taxinvoice/SELL?DType=W&SDate=20261101&EDate=20261123").code == -10000034
    answer = search(sim, token, "SALE")
    assert (answer.status, answer.code) == (400, -11010008)


# -- one invoice ---------------------------------------------------------------------------------------------


def test_get_info_and_details(sim: Simulator, token: str) -> None:
    invoice = next(i for i in book(sim, "SELL") if i.our_mgt_key and i.fields["invoiceeEmail2"])
    info = get(sim, token, f"/Taxinvoice/SELL/{invoice.our_mgt_key}")
    assert info.status == 200 and info.json() == invoice.info()
    assert sim.requests[-1].kind == "info"
    detail = get(sim, token, f"/Taxinvoice/SELL/{invoice.our_mgt_key}?Detail").json()
    assert sim.requests[-1].kind == "detail"
    assert detail["totalAmount"] == invoice.fields["totalAmount"]
    assert detail["invoiceeEmail1"] == invoice.fields["invoiceeEmail1"] and detail["invoiceeEmail2"]
    assert detail["detailList"] and {"itemName", "qty", "unitCost", "supplyCost", "tax"} <= set(detail["detailList"][0])
    assert "stateCode" not in detail
    by_item_key = get(sim, token, f"/Taxinvoice/{invoice.item_key}?Detail")
    assert by_item_key.json() == detail and sim.requests[-1].kind == "detail"


@pytest.mark.parametrize(
    ("target", "status", "code"),
    [
        ("/Taxinvoice/SELL/NO-SUCH-KEY", 400, -11000005),
        ("/Taxinvoice/BUY/SO-261121-001", 400, -11000005),
        ("/Taxinvoice/SELL/NO-SUCH-KEY?Detail", 400, -11000005),
        ("/Taxinvoice/SALE/KEY1", 400, -11010008),
        ("/Taxinvoice/SELL/%EB%AC%B8%EC%84%9C", 400, -11001035),
        ("/Taxinvoice/999999999999999999?Detail", 400, -11000005),
        ("/Taxinvoice/12345?Detail", 400, -11000000),
    ],
)
def test_unknown_or_invalid_keys_are_refused(sim: Simulator, token: str, target: str, status: int, code: int) -> None:
    answer = get(sim, token, target)
    assert (answer.status, answer.code) == (status, code)


def test_get_infos(sim: Simulator, token: str) -> None:
    keys = [i.our_mgt_key for i in book(sim, "SELL") if i.our_mgt_key][:3]
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json; charset=utf8"}
    answer = call(sim, "POST", "/Taxinvoice/SELL", json.dumps([*keys, "NO-SUCH"]).encode(), headers)
    assert answer.status == 200 and sim.requests[-1].kind == "infos"
    rows = json.loads(answer.body)
    assert [r["invoicerMgtKey"] for r in rows] == keys
    assert call(sim, "POST", "/Taxinvoice/SELL", b'{"not": "a list"}', headers).code == -11000001


# -- AssignMgtKey and SendEmail on the book ------------------------------------------------------------------


def test_assigning_updates_the_book(sim: Simulator, token: str) -> None:
    invoice = without_key(sim, "BUY")
    assert invoice.fields["invoicerMgtKey"] is not None  # some carry the supplier's own ID: not ours
    assert (assign(sim, token, invoice.item_key, "MY-BUY-1", "BUY").status, sim.state.assignments[-1].mgt_key) == (
        200,
        "MY-BUY-1",
    )
    info = get(sim, token, "/Taxinvoice/BUY/MY-BUY-1").json()
    assert info["itemKey"] == invoice.item_key and info["invoiceeMgtKey"] == "MY-BUY-1"
    assert listed(search(sim, token, "BUY", MgtKey="MY-BUY-1"))[0]["itemKey"] == invoice.item_key
    # A second assign to the same invoice, a document ID already in use, the wrong side: all refused.
    assert assign(sim, token, invoice.item_key, "MY-BUY-2", "BUY").code == -11005018
    taken = next(i for i in book(sim, "BUY") if i.our_mgt_key and i.item_key != invoice.item_key)
    assert assign(sim, token, without_key(sim, "BUY").item_key, taken.our_mgt_key, "BUY").code == -11001038
    assert assign(sim, token, without_key(sim, "SELL").item_key, "MY-SELL-1", "BUY").code == -11000005
    assert len(sim.state.assignments) == 1


def test_a_made_up_item_key_is_accepted_unless_strict(token: str, sim: Simulator) -> None:
    assert assign(sim, token, "202611240000000001", "DOC-1").status == 200  # lenient, as the old tests expect
    assert send_email(sim, token, "NOT-IN-THE-BOOK").status == 200
    # The look-ups are strict anyway: the made-up invoice is nowhere to be found.
    assert get(sim, token, "/Taxinvoice/SELL/DOC-1").code == -11000005
    with Simulator(strict=True, book_today=TODAY) as strict:
        token = issue(strict)
        assert assign(strict, token, "202611240000000001", "DOC-1").code == -11000005
        assert send_email(strict, token, "NOT-IN-THE-BOOK").code == -11000005
        invoice = without_key(strict, "SELL")
        assert assign(strict, token, invoice.item_key, "DOC-1").status == 200
        assert send_email(strict, token, "DOC-1").status == 200
        assert assign(strict, token, "000000123456789012", "DOC-2").code == -11000005  # magic keys still answer


def test_mail_for_an_invoice_never_issued_is_refused(sim: Simulator, token: str) -> None:
    saved = next(i for i in book(sim) if i.state_code < 200 and i.our_mgt_key)
    answer = send_email(sim, token, saved.our_mgt_key, mgt_key_type=saved.mgt_key_type)
    assert (answer.status, answer.code) == (400, -11005002)


def test_a_test_can_add_invoices_and_clear_resets_the_book(sim: Simulator, token: str) -> None:
    invoice = without_key(sim, "SELL")
    twin = BookInvoice("026112400000099999", "SELL", {**invoice.fields, "itemKey": "026112400000099999"})
    sim.state.add(DEMO_CORP_NUM, twin)
    nts = invoice.fields["ntsconfirmNum"]
    assert len(listed(search(sim, token, MgtKey=nts))) == 2
    assign(sim, token, invoice.item_key, "DOC-1")
    sim.state.clear()
    assert sim.state.assignments == [] and len(sim.state.invoices(DEMO_CORP_NUM)) == 300
    assert next(i for i in book(sim, "SELL") if i.item_key == invoice.item_key).our_mgt_key == ""


def test_fault_next_faults_only_the_next_requests(sim: Simulator, token: str) -> None:
    sim.fault_next("html-500", times=2)
    assert search(sim, token).status == 500
    assert search(sim, token).status == 500
    assert search(sim, token).status == 200
    assert sim.fault is None
    with pytest.raises(ValueError):
        sim.fault_next("nonsense")


def test_the_book_is_made_only_when_first_needed() -> None:
    with Simulator() as sim:
        assert sim.state._ledgers == {} and len(sim.state.months) == 0
        token = issue(sim)
        assert send_email(sim, token, "KEY1").status == 200
        assert len(sim.state.invoices(DEMO_CORP_NUM)) == 300
        # Dated back from today in Korea, on the simulator's clock.
        assert max(i.fields["writeDate"] for i in book(sim)) < f"{sim.today():%Y%m%d}"


# -- the vendor SDK ------------------------------------------------------------------------------------------


def run_sdk(sim: Simulator, calls: list[dict[str, Any]], env: dict[str, str] | None = None) -> list[dict[str, Any]]:
    if not os.environ.get("POPBILL_SDK_PYTHON"):
        if os.environ.get("POPBILL_REQUIRE_SDK") == "1":
            pytest.fail("POPBILL_REQUIRE_SDK=1 but POPBILL_SDK_PYTHON is not set (the SDK venv failed)")
        pytest.skip("POPBILL_SDK_PYTHON is not set")
    script = str(REPO / "benchmarks" / "sdk_lookups.py")
    done = subprocess.run(
        [os.environ["POPBILL_SDK_PYTHON"], script, sim.base_url, json.dumps(calls)],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == len(calls), done.stdout + done.stderr
    return lines


@pytest.mark.sdk
def test_vendor_sdk_search_as_its_example_calls_it(sim: Simulator) -> None:
    # The argument values of the vendor's search.py example, with dates in the book's range.
    args = ["SELL", "W", "20261001", "20261123", ["3**", "6**"], ["N", "M"], ["T", "N", "Z"], "", "", "S", "",
            1, 5, "D", "testkorea", "", "", ["N", "R", "T"], ["P", "H"], ["N", "0", "1", "2", "3"], ""]  # fmt: skip
    (answer,) = run_sdk(sim, [{"call": "search", "args": args}])
    assert answer["ok"], answer
    result = answer["result"]
    assert result["code"] == 1 and result["perPage"] == 5 and len(result["list"]) == 5
    assert result["total"] == len(
        [
            i
            for i in book(sim, "SELL")
            if "20261001" <= i.fields["writeDate"] <= "20261123"
            and i.state_code // 100 in (3, 6)
            and (i.fields["closeDownState"] is None or i.fields["closeDownState"] <= 3)
        ]
    )
    recorded = sim.requests[-1]
    assert recorded.kind == "search" and "LateOnly=&" in recorded.path and recorded.header("x-pb-userid") == "testkorea"


@pytest.mark.sdk
def test_vendor_sdk_get_info_details_and_check_mgt_key_in_use(sim: Simulator) -> None:
    invoice = next(i for i in book(sim, "SELL") if i.our_mgt_key)
    bare = without_key(sim, "SELL")
    results = run_sdk(
        sim,
        [
            {"call": "getInfo", "args": ["SELL", invoice.our_mgt_key]},
            {"call": "getDetailInfo", "args": ["SELL", invoice.our_mgt_key]},
            {"call": "getDetailInfoByItemKey", "args": [bare.item_key]},
            {"call": "checkMgtKeyInUse", "args": ["SELL", invoice.our_mgt_key]},
            {"call": "checkMgtKeyInUse", "args": ["SELL", "FREE-1"]},
            {"call": "getInfo", "args": ["SELL", "FREE-1"]},
            {"call": "assignMgtKey", "args": ["SELL", bare.item_key, "FREE-1"]},
            {"call": "checkMgtKeyInUse", "args": ["SELL", "FREE-1"]},
            {"call": "assignMgtKey", "args": ["SELL", bare.item_key, "FREE-2"]},
            {"call": "getInfos", "args": ["SELL", [invoice.our_mgt_key, "FREE-1"]]},
        ],
    )
    info, detail, by_item_key, in_use, free, missing, assigned, now_in_use, again, infos = results
    assert info["result"] == invoice.info()
    assert detail["result"]["invoiceeEmail1"] == invoice.fields["invoiceeEmail1"]
    assert by_item_key["result"]["ntsconfirmNum"] == bare.fields["ntsconfirmNum"]
    assert (in_use["result"], free["result"], now_in_use["result"]) == (True, False, True)
    assert (missing["ok"], missing["code"]) == (False, -11000005)
    assert assigned["result"]["code"] == 1 and (again["ok"], again["code"]) == (False, -11005018)
    assert [row["invoicerMgtKey"] for row in infos["result"]] == [invoice.our_mgt_key, "FREE-1"]
    assert sim.state.item_key_of(DEMO_CORP_NUM, "SELL", "FREE-1") == bare.item_key
    assert OUR_KEY_FIELD["SELL"] == "invoicerMgtKey"


@pytest.mark.sdk
def test_vendor_sdk_as_its_examples_are_written_finds_invoices(sim: Simulator) -> None:
    # Their testValue.py: the example partner and the test CorpNum 1234567890, nothing changed.
    example = {
        "POPBILL_LINK_ID": EXAMPLE_LINK_ID,
        "POPBILL_SECRET_KEY": EXAMPLE_SECRET_KEY,
        "POPBILL_CORP_NUM": OTHER_CORP,
    }
    args = ["SELL", "W", FIRST, "20261123", ["3**", "6**"], ["N", "M"], ["T", "N", "Z"], "", "", "S", "",
            1, 5, "D", "testkorea", "", "", ["N", "R", "T"], ["P", "H"], ["N", "0", "1", "2", "3"], ""]  # fmt: skip
    ours = next(i for i in sim.state.invoices(OTHER_CORP, "SELL") if i.our_mgt_key and i.fields["writeDate"] >= FIRST)
    bare = next(i for i in sim.state.invoices(OTHER_CORP, "BUY") if not i.our_mgt_key and i.state_code // 100 == 3)
    found, info, assigned, again = run_sdk(
        sim,
        [
            {"call": "search", "args": args},
            {"call": "getInfo", "args": ["SELL", ours.our_mgt_key]},
            {"call": "assignMgtKey", "args": ["BUY", bare.item_key, "EXAMPLE-1"]},
            {"call": "getInfo", "args": ["BUY", "EXAMPLE-1"]},
        ],
        env=example,
    )
    assert found["ok"] and found["result"]["total"] > 0 and len(found["result"]["list"]) == 5, found
    assert {row["invoicerCorpNum"] for row in found["result"]["list"]} == {OTHER_CORP}
    assert info["result"] == ours.info()
    assert assigned["result"]["code"] == 1 and again["result"]["itemKey"] == bare.item_key
    assert sim.state.item_key_of(OTHER_CORP, "BUY", "EXAMPLE-1") == bare.item_key
    assert sim.state.item_key_of(DEMO_CORP_NUM, "BUY", "EXAMPLE-1") is None
