"""The simulator's read-only calls: Search, GetInfo, GetInfos, GetDetailInfo (by document ID and by ItemKey).

Pure functions from a request to (HTTP status, JSON payload), over the InvoiceBook. They accept every query
parameter the vendor SDK (popbill 1.64.2, `TaxinvoiceService.search`) may send, empty ones included, and
always look the book up strictly: an unknown key is -11000005, whatever the `strict` option says.
"""

from __future__ import annotations

import json
import math
import re
from calendar import monthrange
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any
from urllib.parse import parse_qs

from popbill_gui.simulator import messages
from popbill_gui.simulator.book import OUR_KEY_FIELD, BookInvoice
from popbill_gui.simulator.state import MGT_KEY_TYPES, InvoiceBook

Reply = tuple[int, Any]  # HTTP status and the JSON payload (an object, or a list for GetInfos)

MAX_MONTHS = 6
DEFAULT_PER_PAGE = 500
MAX_PER_PAGE = 1000
MAX_INFOS = 1000

_DATE_RE = re.compile(r"[0-9]{8}")
_STATE_RE = re.compile(r"[0-9*]{3}")
_MGT_KEY_RE = re.compile(r"[A-Za-z0-9_-]{1,24}")
_ITEM_KEY_RE = re.compile(r"[0-9]{18}")

# Comma-joined filters: parameter -> the values the vendor documents.
_CHOICES: dict[str, frozenset[str]] = {
    "Type": frozenset("NM"),
    "TaxType": frozenset("TNZ"),
    "IssueType": frozenset("NRT"),
    "RegType": frozenset("PH"),
    "CloseDownState": frozenset("N01234"),
}
_TAX_TYPE = {"과세": "T", "면세": "N", "영세": "Z"}
_ISSUE_TYPE = {"정발행": "N", "역발행": "R", "위수탁": "T"}
_YES = frozenset({"1", "true", "y"})
_NO = frozenset({"0", "false", "n"})


class BadQuery(Exception):
    """A search parameter the service would refuse: answered with `code`, naming the parameter."""

    def __init__(self, parameter: str, code: int = messages.BAD_SEARCH) -> None:
        super().__init__(parameter)
        self.parameter = parameter
        self.code = code


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the month's end (Jan 31 + 1 month = Feb 28/29)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def _error(status: int, code: int, language: str, detail: str = "") -> Reply:
    text = messages.message(code, language)
    return status, {"code": code, "message": f"{text} ({detail})" if detail else text}


# -- Search ------------------------------------------------------------------------------------------------


def _one(params: Mapping[str, list[str]], name: str) -> str:
    values = params.get(name)
    return values[-1].strip() if values else ""


def _date(params: Mapping[str, list[str]], name: str) -> date:
    text = _one(params, name)
    if not _DATE_RE.fullmatch(text):
        raise BadQuery(name)
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise BadQuery(name) from None


def _listed(params: Mapping[str, list[str]], name: str) -> list[str]:
    text = _one(params, name)
    values = [v.strip() for v in text.split(",") if v.strip()] if text else []
    allowed = _CHOICES.get(name)
    if allowed is not None and any(v not in allowed for v in values):
        raise BadQuery(name)
    if name == "State" and any(not _STATE_RE.fullmatch(v) for v in values):
        raise BadQuery(name)
    return values


def _yes_no(params: Mapping[str, list[str]], name: str) -> bool | None:
    text = _one(params, name).lower()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise BadQuery(name)


def _number(params: Mapping[str, list[str]], name: str, default: int, highest: int) -> int:
    text = _one(params, name)
    if not text:
        return default
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= highest:
        raise BadQuery(name)
    return int(text)


def _state_matches(pattern: str, code: int) -> bool:
    """'3**' matches 300 to 399: each character is the digit itself or '*'."""
    return all(p in ("*", c) for p, c in zip(pattern, f"{code:03d}", strict=True))


def _close_down(invoice: BookInvoice) -> str:
    """The invoicee's business state as the CloseDownState filter names it: N (not checked), 0 to 4."""
    state = invoice.fields["closeDownState"]
    return "N" if state is None else str(state)


def _dated(invoice: BookInvoice, kind: str) -> str:
    fields = invoice.fields
    if kind == "W":
        return str(fields["writeDate"])
    stamp = str(fields["regDT"] if kind == "R" else fields["issueDT"] or "")
    return stamp[:8]


def _partners(invoice: BookInvoice) -> list[tuple[str, str]]:
    """(name, business number) of the parties other than us: what QString looks at."""
    sides = {"SELL": ("invoicee",), "BUY": ("invoicer",), "TRUSTEE": ("invoicer", "invoicee")}
    return [
        (str(invoice.fields[f"{side}CorpName"] or ""), str(invoice.fields[f"{side}CorpNum"] or ""))
        for side in sides[invoice.mgt_key_type]
    ]


def _filters(params: Mapping[str, list[str]]) -> list[Callable[[BookInvoice], bool]]:
    """One predicate per non-empty filter of the request (every value checked first)."""
    tests: list[Callable[[BookInvoice], bool]] = []
    states = _listed(params, "State")
    if states:
        tests.append(lambda i: any(_state_matches(s, i.state_code) for s in states))
    types = _listed(params, "Type")
    if types:
        tests.append(lambda i: ("N" if i.fields["modifyCode"] is None else "M") in types)
    tax_types = _listed(params, "TaxType")
    if tax_types:
        tests.append(lambda i: _TAX_TYPE.get(str(i.fields["taxType"])) in tax_types)
    issue_types = _listed(params, "IssueType")
    if issue_types:
        tests.append(lambda i: _ISSUE_TYPE.get(str(i.fields["issueType"])) in issue_types)
    reg_types = _listed(params, "RegType")
    if reg_types:
        tests.append(lambda i: i.reg_type in reg_types)
    close_down = _listed(params, "CloseDownState")
    if close_down:
        tests.append(lambda i: _close_down(i) in close_down)
    late = _yes_no(params, "LateOnly")
    if late is not None:
        tests.append(lambda i: bool(i.fields["lateIssueYN"]) is late)
    inter_op = _yes_no(params, "InterOPYN")
    if inter_op is not None:
        tests.append(lambda i: bool(i.fields["interOPYN"]) is inter_op)

    reg_id_type = _one(params, "TaxRegIDType")
    if reg_id_type and reg_id_type not in ("S", "B", "T"):
        raise BadQuery("TaxRegIDType")
    parties = [reg_id_type] if reg_id_type else ["S", "B", "T"]
    has_reg_id = _yes_no(params, "TaxRegIDYN")
    if has_reg_id is not None:
        tests.append(lambda i: any(i.tax_reg_ids.get(p) for p in parties) is has_reg_id)
    reg_ids = _listed(params, "TaxRegID")
    if reg_ids:
        tests.append(lambda i: any(i.tax_reg_ids.get(p) in reg_ids for p in parties))

    text = _one(params, "QString")
    if text:
        needle = text.casefold()
        digits = text.replace("-", "")
        number = digits if digits.isascii() and digits.isdigit() else None
        tests.append(
            lambda i: any(
                needle in name.casefold() or (number is not None and number in corp) for name, corp in _partners(i)
            )
        )
    key = _one(params, "MgtKey")
    if key:
        nts = key.replace("-", "")
        tests.append(lambda i: key == i.our_mgt_key or (nts.isdigit() and nts == i.fields["ntsconfirmNum"]))
    return tests


def search(book: InvoiceBook, corp_num: str, mgt_key_type: str, query: str, language: str) -> Reply:
    """GET /Taxinvoice/{MgtKeyType}?DType=…&SDate=…&EDate=…[&filters][&Order][&Page][&PerPage]."""
    if mgt_key_type not in MGT_KEY_TYPES:
        return _error(400, messages.INVALID_MGT_KEY_TYPE, language)
    params = parse_qs(query, keep_blank_values=True, encoding="utf-8", errors="replace")
    try:
        kind = _one(params, "DType")
        if kind not in ("W", "R", "I"):
            raise BadQuery("DType")
        start, end = _date(params, "SDate"), _date(params, "EDate")
        if start > end:
            raise BadQuery("SDate > EDate")
        if end >= add_months(start, MAX_MONTHS):
            raise BadQuery("SDate, EDate", messages.SEARCH_RANGE_TOO_LONG)
        tests = _filters(params)
        order = _one(params, "Order") or "D"
        if order not in ("D", "A"):
            raise BadQuery("Order")
        page = _number(params, "Page", 1, 1 << 31)
        per_page = _number(params, "PerPage", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    except BadQuery as bad:
        detail = "" if bad.code == messages.SEARCH_RANGE_TOO_LONG else bad.parameter
        return _error(400, bad.code, language, detail)

    low, high = f"{start:%Y%m%d}", f"{end:%Y%m%d}"
    # A book made month by month makes the months the window covers: for a registration or issue date, the
    # two before too (an invoice is registered and issued up to 45 days after it was written).
    written_since = start if kind == "W" else add_months(start, -2)
    found = [
        invoice
        for invoice in book.invoices(corp_num, mgt_key_type, since=written_since, until=end)
        if low <= _dated(invoice, kind) <= high and all(test(invoice) for test in tests)
    ]
    found.sort(key=lambda i: (_dated(i, kind), str(i.fields["regDT"]), i.item_key), reverse=order == "D")
    chosen = found[(page - 1) * per_page : page * per_page]
    return 200, {
        "code": messages.OK,
        "total": len(found),
        "perPage": per_page,
        "pageNum": page,
        "pageCount": math.ceil(len(found) / per_page),
        "message": "",
        "list": [invoice.info() for invoice in chosen],
    }


# -- one invoice -------------------------------------------------------------------------------------------


def _by_mgt_key(
    book: InvoiceBook, corp_num: str, mgt_key_type: str, mgt_key: str, language: str
) -> Reply | BookInvoice:
    if mgt_key_type not in MGT_KEY_TYPES:
        return _error(400, messages.INVALID_MGT_KEY_TYPE, language)
    if not _MGT_KEY_RE.fullmatch(mgt_key):
        return _error(400, messages.INVALID_MGT_KEY, language)
    invoice = book.find(corp_num, mgt_key=(mgt_key_type, mgt_key))
    if invoice is None or invoice.our_mgt_key != mgt_key:
        return _error(400, messages.INVOICE_NOT_FOUND, language)
    return invoice


def get_info(book: InvoiceBook, corp_num: str, mgt_key_type: str, mgt_key: str, language: str) -> Reply:
    """GET /Taxinvoice/{MgtKeyType}/{MgtKey}: one TaxinvoiceInfo (the SDK's checkMgtKeyInUse too)."""
    found = _by_mgt_key(book, corp_num, mgt_key_type, mgt_key, language)
    return found if isinstance(found, tuple) else (200, found.info())


def get_detail(book: InvoiceBook, corp_num: str, mgt_key_type: str, mgt_key: str, language: str) -> Reply:
    """GET /Taxinvoice/{MgtKeyType}/{MgtKey}?Detail: the whole invoice."""
    found = _by_mgt_key(book, corp_num, mgt_key_type, mgt_key, language)
    return found if isinstance(found, tuple) else (200, found.detail())


def get_detail_by_item_key(book: InvoiceBook, corp_num: str, item_key: str, language: str) -> Reply:
    """GET /Taxinvoice/{ItemKey}?Detail: the whole invoice, found by POPBiLL's own key."""
    if not _ITEM_KEY_RE.fullmatch(item_key):
        return _error(400, messages.INVOICE_MISSING, language)
    invoice = book.find(corp_num, item_key=item_key)
    if invoice is None:
        return _error(400, messages.INVOICE_NOT_FOUND, language)
    return 200, invoice.detail()


def get_infos(book: InvoiceBook, corp_num: str, mgt_key_type: str, body: bytes, language: str) -> Reply:
    """POST /Taxinvoice/{MgtKeyType} with a JSON array of document IDs: the TaxinvoiceInfo of those found."""
    if mgt_key_type not in MGT_KEY_TYPES:
        return _error(400, messages.INVALID_MGT_KEY_TYPE, language)
    try:
        keys = json.loads(body)
    except ValueError:
        keys = None
    if not isinstance(keys, list) or not 1 <= len(keys) <= MAX_INFOS or not all(isinstance(k, str) for k in keys):
        return _error(400, messages.REQUEST_NOT_PROCESSABLE, language)
    infos = []
    for key in dict.fromkeys(keys):
        invoice = book.find(corp_num, mgt_key=(mgt_key_type, key))
        if invoice is not None and invoice.fields.get(OUR_KEY_FIELD[mgt_key_type]) == key:
            infos.append(invoice.info())
    return 200, infos
