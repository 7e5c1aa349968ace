"""Invoices as the look-ups return them, and one Search request, typed; no network here.

`Invoice` keeps the fields the window and the command line show (read from our side of the invoice: the
partner is the invoicee for SELL and TRUSTEE, the invoicer for BUY) and the API's own dict in `raw` (for
`--json`, which prints the API's field names). `SearchQuery` is one Search request, put on the wire exactly
as the vendor SDK (popbill 1.64.2) puts it: the same parameter names, order, comma-joined lists and quoting.
Dates and times are Korea time as POPBiLL writes them (naive).
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final
from urllib.parse import quote

from .messages import Lang
from .states import describe_state, state_words
from .validation import (
    Problem,
    check_mgt_key,
    check_mgt_key_type,
    check_nts_confirm_num,
    format_nts_confirm_num,
)

MAX_PER_PAGE: Final = 1000
DEFAULT_PER_PAGE: Final = 500
MAX_WINDOW_MONTHS: Final = 6
PARTNER_MAX: Final = 100
# Our side's document ID, and the party that is the partner, per MgtKeyType (docs/PROTOCOL.md "Look-ups").
OUR_KEY_FIELD: Final = {"SELL": "invoicerMgtKey", "BUY": "invoiceeMgtKey", "TRUSTEE": "trusteeMgtKey"}
PARTNER_SIDE: Final = {"SELL": "invoicee", "BUY": "invoicer", "TRUSTEE": "invoicee"}

_STATE: Final = re.compile(r"[0-9][0-9*]{2}")
_TAX_REG_ID: Final = re.compile(r"[0-9]{4}")
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CHOICES: Final = {
    "types": ("Type", frozenset("NM")),
    "tax_types": ("TaxType", frozenset("TNZ")),
    "issue_types": ("IssueType", frozenset("NRT")),
    "reg_types": ("RegType", frozenset("PH")),
    "close_down_states": ("CloseDownState", frozenset("N01234")),
}


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the month's end: Aug 31 + 6 months = Feb 28/29."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def within_window(start: date, end: date, months: int = MAX_WINDOW_MONTHS) -> bool:
    """True when one Search may cover start..end: end comes before the same day `months` later."""
    return start <= end < add_months(start, months)


# -- one invoice -------------------------------------------------------------------------------------------


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _number(value: object) -> int | None:
    """An amount or code as the API writes it ("1500000", "-20000", 304); None when absent or unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = _text(value).replace(",", "")
    try:
        return int(text) if text else None
    except ValueError:
        return None


def _stamp(value: object) -> datetime | None:
    """yyyyMMdd or yyyyMMddHHmmss; sliced by hand: strptime was half the time of a 1,500-invoice search."""
    text = _text(value)
    if len(text) not in (8, 14) or not text.isascii() or not text.isdigit():
        return None
    hour, minute, second = (int(text[i : i + 2]) for i in (8, 10, 12)) if len(text) == 14 else (0, 0, 0)
    try:
        return datetime(int(text[:4]), int(text[4:6]), int(text[6:8]), hour, minute, second)
    except ValueError:
        return None


def _emails(data: Mapping[str, Any], side: str) -> tuple[str, ...]:
    """The partner's addresses written on the invoice (only the detail has them), in order, once each."""
    names = ["invoicerEmail"] if side == "invoicer" else ["invoiceeEmail1", "invoiceeEmail2"]
    found = [_text(data.get(name)) for name in names]
    contacts = data.get("addContactList") if side == "invoicee" else None
    if isinstance(contacts, list):
        found += [_text(c.get("email")) for c in contacts if isinstance(c, Mapping)]
    return tuple(dict.fromkeys(a for a in found if a))


def mgt_key_type_of(data: Mapping[str, Any], corp_num: str) -> str | None:
    """Which side of this invoice a company is on: SELL (the invoicer), BUY (the invoicee), TRUSTEE, or None."""
    wanted = _text(corp_num).replace("-", "")
    for kind, side in (("SELL", "invoicer"), ("BUY", "invoicee"), ("TRUSTEE", "trustee")):
        if wanted and _text(data.get(f"{side}CorpNum")) == wanted:
            return kind
    return None


@dataclass(frozen=True)
class Invoice:
    """One e-Tax invoice seen from our side (MgtKeyType), with the API's own fields kept in `raw`."""

    mgt_key_type: str
    item_key: str  # 팝빌번호: what AssignMgtKey needs ("" when the answer did not say: a detail by document ID)
    write_date: date | None  # 작성일자
    reg_dt: datetime | None  # 등록일시
    issue_dt: datetime | None  # 발행일시 (None before issue)
    partner_name: str  # 거래처: the invoicee for SELL and TRUSTEE, the invoicer for BUY
    partner_corp_num: str
    supply_cost_total: int | None  # 공급가액
    tax_total: int | None  # 세액
    total_amount: int | None  # 합계금액: only the detail says it (see `total`)
    state_code: int | None  # only Search and GetInfo say it (not the detail)
    nts_confirm_num: str  # 국세청승인번호, 24 digits ("" before issue)
    mgt_key: str  # our document ID for mgt_key_type ("" when none: what AssignMgtKey fills)
    emails: tuple[str, ...]  # the partner's addresses on the invoice (only the detail has them)
    raw: Mapping[str, Any] = field(compare=False, repr=False)

    @classmethod
    def from_api(cls, data: Mapping[str, Any], mgt_key_type: str, *, item_key: str = "") -> Invoice:
        """From a TaxinvoiceInfo (Search, GetInfo) or a Taxinvoice (the detail); `item_key` when the caller
        knows it and the answer may not say it."""
        side = PARTNER_SIDE.get(mgt_key_type, "invoicee")
        written = _stamp(data.get("writeDate"))
        return cls(
            mgt_key_type=mgt_key_type,
            item_key=_text(data.get("itemKey")) or item_key,
            write_date=written.date() if written else None,
            reg_dt=_stamp(data.get("regDT")),
            issue_dt=_stamp(data.get("issueDT")),
            partner_name=_text(data.get(f"{side}CorpName")),
            partner_corp_num=_text(data.get(f"{side}CorpNum")),
            supply_cost_total=_number(data.get("supplyCostTotal")),
            tax_total=_number(data.get("taxTotal")),
            total_amount=_number(data.get("totalAmount")),
            state_code=_number(data.get("stateCode")),
            nts_confirm_num=_text(data.get("ntsconfirmNum")).replace("-", ""),
            mgt_key=_text(data.get(OUR_KEY_FIELD.get(mgt_key_type, ""))),
            emails=_emails(data, side),
            raw=dict(data),
        )

    def with_detail(self, detail: Mapping[str, Any]) -> Invoice:
        """This invoice (from Search or GetInfo) completed by its detail: total, addresses, contact names."""
        merged = {**detail, **{k: v for k, v in self.raw.items() if v is not None}}
        return Invoice.from_api(merged, self.mgt_key_type, item_key=self.item_key)

    @property
    def has_mgt_key(self) -> bool:
        return bool(self.mgt_key)

    @property
    def total(self) -> int | None:
        """합계금액: the detail's totalAmount, else supply + tax when both are known."""
        if self.total_amount is not None:
            return self.total_amount
        if self.supply_cost_total is None or self.tax_total is None:
            return None
        return self.supply_cost_total + self.tax_total

    @property
    def nts_display(self) -> str:
        """The NTS number as staff see it: yyyyMMdd-XXXXXXXX-XXXXXXXX."""
        return format_nts_confirm_num(self.nts_confirm_num)

    def state_words(self, lang: Lang = "ko") -> str:
        return state_words(self.state_code, lang)

    def describe_state(self, lang: Lang = "ko") -> str:
        return describe_state(self.state_code, lang)

    def to_json(self) -> dict[str, Any]:
        """The API's own fields (itemKey, writeDate, invoiceeCorpName, supplyCostTotal, …) for `--json`."""
        out = dict(self.raw)
        if self.item_key and not out.get("itemKey"):
            out["itemKey"] = self.item_key
        return out


@dataclass(frozen=True)
class SearchPage:
    """One answer of Search: the page's invoices and the counts POPBiLL reports."""

    total: int
    per_page: int
    page_num: int
    page_count: int
    invoices: tuple[Invoice, ...]

    @classmethod
    def from_api(cls, data: Mapping[str, Any], mgt_key_type: str) -> SearchPage:
        """Raises ValueError when the answer is not a search result."""
        rows = data.get("list")
        if rows is None:
            rows = []
        if not isinstance(rows, list) or not all(isinstance(r, Mapping) for r in rows):
            raise ValueError("the search answer's list is not a list of objects")
        numbers = [_number(data.get(name)) for name in ("total", "perPage", "pageNum", "pageCount")]
        total, per_page, page_num, page_count = (n if n is not None and n >= 0 else -1 for n in numbers)
        return cls(total, per_page, page_num, page_count, tuple(Invoice.from_api(r, mgt_key_type) for r in rows))


# -- one Search request ------------------------------------------------------------------------------------


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else "1" if value else "0"


@dataclass(frozen=True)
class SearchQuery:
    """One Search request (one window of at most 6 months, one page), every filter the SDK knows."""

    mgt_key_type: str
    start: date
    end: date
    date_kind: str = "W"  # W written, R registered, I issued
    states: tuple[str, ...] = ()  # "3**", "304", …
    types: tuple[str, ...] = ()  # N normal, M modified
    tax_types: tuple[str, ...] = ()  # T taxable, N exempt, Z zero-rated
    late_only: bool | None = None
    tax_reg_id_type: str = ""  # S invoicer, B invoicee, T trustee
    tax_reg_id_yn: bool | None = None
    tax_reg_ids: tuple[str, ...] = ()
    partner: str = ""  # QString: the partner's name or business number
    inter_op: bool | None = None  # InterOPYN: True made through the API, False on the website
    issue_types: tuple[str, ...] = ()  # N normal, R reverse, T consigned
    reg_types: tuple[str, ...] = ()  # P POPBiLL, H Hometax or another provider
    close_down_states: tuple[str, ...] = ()  # N, 0 to 4
    mgt_key: str = ""  # a document ID or an NTS confirmation number (hyphens removed when sent)
    order: str = "D"  # D newest first, A oldest first
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    def check(self) -> list[Problem]:
        """Every reason not to send this request (nothing that fails these is sent)."""
        problems = check_mgt_key_type(self.mgt_key_type)
        if self.date_kind not in ("W", "R", "I"):
            problems.append(Problem("date_kind", "search.date_kind"))
        if self.start > self.end:
            problems.append(Problem("start", "search.range_reversed", {"start": self.start, "end": self.end}))
        elif not within_window(self.start, self.end):
            problems.append(Problem("end", "search.too_long", {"start": self.start, "end": self.end}))
        bad_states = [s for s in self.states if not _STATE.fullmatch(s)]
        if bad_states:
            problems.append(Problem("states", "search.state", {"state": ", ".join(bad_states)}))
        for attribute, (name, allowed) in _CHOICES.items():
            values: Sequence[str] = getattr(self, attribute)
            if any(v not in allowed for v in values):
                problems.append(Problem(attribute, "search.filter", {"name": name, "value": ",".join(values)}))
        if self.tax_reg_id_type not in ("", "S", "B", "T"):
            name, value = "TaxRegIDType", self.tax_reg_id_type
            problems.append(Problem("tax_reg_id_type", "search.filter", {"name": name, "value": value}))
        if any(not _TAX_REG_ID.fullmatch(v) for v in self.tax_reg_ids):
            name, value = "TaxRegID", ",".join(self.tax_reg_ids)
            problems.append(Problem("tax_reg_ids", "search.filter", {"name": name, "value": value}))
        if len(self.partner) > PARTNER_MAX or _CONTROL.search(self.partner):
            problems.append(Problem("partner", "search.partner"))
        if self.mgt_key and check_mgt_key(self.mgt_key) and check_nts_confirm_num(self.mgt_key).problems:
            problems.append(Problem("mgt_key", "search.mgt_key"))
        if self.order not in ("D", "A"):
            problems.append(Problem("order", "search.filter", {"name": "Order", "value": self.order}))
        if self.page < 1 or not 1 <= self.per_page <= MAX_PER_PAGE:
            problems.append(Problem("page", "search.page"))
        return problems

    def parameters(self) -> list[tuple[str, str]]:
        """(name, value) in the SDK's order; empty filters are left out, as the SDK leaves them out."""
        key = self.mgt_key.strip()
        nts = check_nts_confirm_num(key)
        pairs: list[tuple[str, str | None]] = [
            ("DType", self.date_kind),
            ("SDate", f"{self.start:%Y%m%d}"),
            ("EDate", f"{self.end:%Y%m%d}"),
            ("State", ",".join(self.states)),
            ("Type", ",".join(self.types)),
            ("TaxType", ",".join(self.tax_types)),
            ("LateOnly", _yes_no(self.late_only)),
            ("Order", self.order),
            ("Page", str(self.page)),
            ("PerPage", str(self.per_page)),
            ("TaxRegIDType", self.tax_reg_id_type),
            ("TaxRegIDYN", _yes_no(self.tax_reg_id_yn)),
            ("TaxRegID", ",".join(self.tax_reg_ids)),
            ("QString", self.partner.strip()),
            ("InterOPYN", _yes_no(self.inter_op)),
            ("IssueType", ",".join(self.issue_types)),
            ("RegType", ",".join(self.reg_types)),
            ("CloseDownState", ",".join(self.close_down_states)),
            ("MgtKey", nts.value if key and not nts.problems else key),
        ]
        return [(name, value) for name, value in pairs if value]

    def query_string(self) -> str:
        """The URL query as the SDK writes it: QString percent-quoted (urllib's quote, as the SDK calls it);
        the other values, checked to [A-Za-z0-9*,_-], are written as they are ('*' and ',' included)."""
        return "&".join(
            f"{name}={quote(value) if name == 'QString' else quote(value, safe='*,')}"
            for name, value in self.parameters()
        )
