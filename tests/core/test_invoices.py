"""Invoices, Search requests, NTS numbers and state words: the pieces of the look-ups that need no server."""

from __future__ import annotations

import string
from datetime import date, datetime
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from popbill_gui.core import validation as v
from popbill_gui.core.invoices import Invoice, SearchPage, SearchQuery
from popbill_gui.core.messages import CATALOG
from popbill_gui.core.states import describe_state, is_issued, state_group, state_words

NTS = "202611204100123400001234"


def test_nts_numbers_with_or_without_hyphens() -> None:
    for typed in (NTS, "20261120-41001234-00001234", " 20261120-41001234-00001234\t", "2026-1120-4100123400001234"):
        check = v.check_nts_confirm_num(typed)
        assert check.value == NTS and check.problems == [] and check.issue_date == date(2026, 11, 20)
    assert v.format_nts_confirm_num(NTS) == "20261120-41001234-00001234"
    assert v.format_nts_confirm_num("12") == "12"


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("", "nts.required"),
        ("--", "nts.required"),
        ("20261120 41001234 00001234", "nts.bad_chars"),
        ("2026112O-41001234-00001234", "nts.bad_chars"),
        ("٢٠٢٦١١٢٠410012340000123", "nts.bad_chars"),  # other scripts' digits are not POPBiLL's
        ("20261120-41001234-0000123", "nts.length"),
        ("20261131-41001234-00001234", "nts.date"),
        ("00001120-41001234-00001234", "nts.date"),
    ],
)
def test_bad_nts_numbers(typed: str, key: str) -> None:
    check = v.check_nts_confirm_num(typed, "nts")
    assert [p.key for p in check.problems] == [key] and check.problems[0].field == "nts"
    assert check.issue_date is None
    assert "{" not in check.problems[0].describe("en")


@settings(max_examples=300)
@given(st.text(alphabet=string.digits + "-x ", max_size=40))
def test_accepted_nts_numbers_are_24_ascii_digits(value: str) -> None:
    check = v.check_nts_confirm_num(value)
    if not check.problems:
        assert len(check.value) == 24 and check.value.isascii() and check.value.isdigit()
        assert quote(check.value, safe="") == check.value


def test_state_words() -> None:
    assert state_words(304, "ko") == "국세청 전송 완료" and state_words(304, "en") == "Issued and filed to the NTS"
    assert state_words(210, "ko") == "승인대기" and state_words(399, "en") == "Issued"
    assert state_words(None) == state_words(999) == "알 수 없는 상태"
    assert describe_state(600, "en") == "600 Issue cancelled" and describe_state(None, "en") == "Unknown state"
    assert (state_group(100), state_group(699), state_group(700), state_group(None)) == (1, 6, None, None)
    assert is_issued(305) and not is_issued(600) and not is_issued(None)
    assert all(f"state.{g}xx" in CATALOG for g in range(1, 7))


def info(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "itemKey": "026112010093000294", "writeDate": "20261119", "regDT": "20261120100930",
        "issueDT": "20261120101714", "invoicerCorpName": "(주)데모", "invoicerCorpNum": "1248100998",
        "invoicerMgtKey": "", "invoiceeCorpName": "푸른숲디자인", "invoiceeCorpNum": "6760823219",
        "invoiceeMgtKey": "THEIRS-1", "supplyCostTotal": "382000", "taxTotal": "38200", "stateCode": 304,
        "ntsconfirmNum": NTS, "trusteeMgtKey": None,
    }  # fmt: skip
    return {**base, **changes}


def test_an_invoice_from_our_side() -> None:
    sold = Invoice.from_api(info(), "SELL")
    assert (sold.partner_name, sold.partner_corp_num, sold.mgt_key, sold.has_mgt_key) == (
        "푸른숲디자인", "6760823219", "", False,
    )  # fmt: skip
    assert sold.write_date == date(2026, 11, 19) and sold.issue_dt == datetime(2026, 11, 20, 10, 17, 14)
    assert (sold.supply_cost_total, sold.tax_total, sold.total_amount, sold.total) == (382000, 38200, None, 420200)
    assert sold.state_code == 304 and sold.describe_state("en") == "304 Issued and filed to the NTS"
    assert sold.nts_display == "20261120-41001234-00001234" and sold.emails == ()
    bought = Invoice.from_api(info(), "BUY")
    assert (bought.partner_name, bought.mgt_key, bought.has_mgt_key) == ("(주)데모", "THEIRS-1", True)
    assert Invoice.from_api(info(), "TRUSTEE").mgt_key == ""


def test_odd_values_do_not_break_an_invoice() -> None:
    odd = Invoice.from_api(info(supplyCostTotal="-1,500", taxTotal="", stateCode="3x", writeDate="2026",
                                issueDT=None, regDT="20261131000000"), "SELL")  # fmt: skip
    assert (odd.supply_cost_total, odd.tax_total, odd.total, odd.state_code) == (-1500, None, None, None)
    assert (odd.write_date, odd.issue_dt, odd.reg_dt) == (None, None, None)
    assert odd.describe_state("en") == "Unknown state"


def test_the_detail_completes_an_invoice_and_json_keeps_the_api_s_names() -> None:
    detail = {"totalAmount": "420200", "invoiceeEmail1": "tax@a.example.com", "invoiceeEmail2": "",
              "addContactList": [{"serialNum": 1, "email": "b@a.example.com"}, {"email": "tax@a.example.com"}],
              "invoicerEmail": "me@demo.example.com", "stateCode": None}  # fmt: skip
    merged = Invoice.from_api(info(), "SELL").with_detail(detail)
    assert merged.total_amount == 420200 and merged.state_code == 304
    assert merged.emails == ("tax@a.example.com", "b@a.example.com")
    assert Invoice.from_api({**info(), **detail}, "BUY").emails == ("me@demo.example.com",)
    as_json = merged.to_json()
    assert as_json["itemKey"] == "026112010093000294" and as_json["supplyCostTotal"] == "382000"
    assert Invoice.from_api(detail, "SELL", item_key="026112010093000294").to_json()["itemKey"] == (
        "026112010093000294"
    )


def test_a_search_page() -> None:
    page = SearchPage.from_api({"code": 1, "total": 3, "perPage": 2, "pageNum": 1, "pageCount": 2,
                                "list": [info(), info(itemKey="2")]}, "SELL")  # fmt: skip
    assert (page.total, page.per_page, page.page_num, page.page_count, len(page.invoices)) == (3, 2, 1, 2, 2)
    assert SearchPage.from_api({"code": 1}, "SELL").invoices == ()
    with pytest.raises(ValueError):
        SearchPage.from_api({"list": ["not an object"]}, "SELL")


def test_a_search_query_in_the_sdk_s_order() -> None:
    query = SearchQuery("SELL", date(2026, 6, 1), date(2026, 11, 23), states=("3**",), partner=" 한빛 ",
                        mgt_key="20261120-41001234-00001234", late_only=True, inter_op=False)  # fmt: skip
    assert query.check() == []
    assert [name for name, _ in query.parameters()] == [
        "DType", "SDate", "EDate", "State", "LateOnly", "Order", "Page", "PerPage", "QString", "InterOPYN", "MgtKey",
    ]  # fmt: skip
    assert query.query_string() == (
        "DType=W&SDate=20260601&EDate=20261123&State=3**&LateOnly=1&Order=D&Page=1&PerPage=500"
        "&QString=%ED%95%9C%EB%B9%9B&InterOPYN=0&MgtKey=" + NTS
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"mgt_key_type": "sell"}, "mgt_key_type"),
        ({"date_kind": "w"}, "date_kind"),
        ({"start": date(2026, 11, 24)}, "start"),
        ({"start": date(2026, 5, 23)}, "end"),
        ({"states": ("*00",)}, "states"),
        ({"types": ("X",)}, "types"),
        ({"tax_reg_id_type": "Q"}, "tax_reg_id_type"),
        ({"tax_reg_ids": ("1",)}, "tax_reg_ids"),
        ({"partner": "x" * 101}, "partner"),
        ({"mgt_key": "a b"}, "mgt_key"),
        ({"order": "X"}, "order"),
        ({"per_page": 1001}, "page"),
        ({"page": 0}, "page"),
    ],
)
def test_a_search_query_s_problems(changes: dict[str, object], field: str) -> None:
    base = {"mgt_key_type": "SELL", "start": date(2026, 6, 1), "end": date(2026, 11, 23)}
    problems = SearchQuery(**{**base, **changes}).check()  # type: ignore[arg-type]
    assert [p.field for p in problems] == [field]
    assert all("{" not in p.describe("ko") and "{" not in p.describe("en") for p in problems)
