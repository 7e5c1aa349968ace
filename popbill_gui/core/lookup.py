"""Finding invoices without knowing an ItemKey: long searches, NTS numbers, one invoice in full. Qt-free.

- `search_all` cuts a date range into windows the service accepts (6 months) that do not overlap, follows
  every page (1000 a page), lists each invoice once, keeps only those without our document ID when asked,
  reports progress and stops when cancelled.
- `resolve_nts` finds the one invoice an NTS confirmation number (국세청승인번호) names, searching around
  the date of its first eight digits and widening when nothing is found. None, several, or one that already
  has our document ID are distinct outcomes, each with a message key (usable as a batch row's reason).
- `invoice_by_item_key` / `invoice_by_mgt_key`: one invoice with its state and the partner's addresses.

Every function takes a `TaxinvoiceClient` and lets its `PopbillError`s through (a refusal, the network, bad
input: nothing invalid is sent).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import TYPE_CHECKING

from .errors import PopbillError
from .invoices import MAX_PER_PAGE, MAX_WINDOW_MONTHS, Invoice, SearchQuery, add_months, mgt_key_type_of
from .messages import Lang
from .validation import Problem, check_nts_confirm_num, clean, format_nts_confirm_num

if TYPE_CHECKING:
    from .client import TaxinvoiceClient

MAX_PAGES = 10_000  # per window: a guard against an answer that never says it is the last page


@dataclass(frozen=True)
class SearchFilter:
    """What a person asks for: a range of any length and the filters of the Find dialog and `search`."""

    mgt_key_type: str
    start: date
    end: date
    date_kind: str = "W"  # W written (작성일자), R registered (등록일시), I issued (발행일시)
    partner: str = ""  # the partner's name or business number (QString)
    states: tuple[str, ...] = ()  # "3**", "304", …
    without_mgt_key: bool = False  # only invoices whose document ID on our side is empty
    mgt_key: str = ""  # only the invoice with this document ID or NTS confirmation number

    def query(
        self, start: date, end: date, page: int = 1, per_page: int = MAX_PER_PAGE, order: str = "D"
    ) -> SearchQuery:
        """The Search request for one window and one page."""
        return SearchQuery(
            self.mgt_key_type,
            start,
            end,
            date_kind=self.date_kind,
            states=self.states,
            partner=clean(self.partner),
            mgt_key=clean(self.mgt_key),
            order=order,
            page=page,
            per_page=per_page,
        )

    def check(self, order: str = "D", per_page: int = MAX_PER_PAGE) -> list[Problem]:
        """Every reason not to search. The range may be longer than one window (it is cut), so the first
        day stands for it, unless it is reversed."""
        end = self.end if self.start > self.end else self.start
        return self.query(self.start, end, per_page=per_page, order=order).check()


@dataclass(frozen=True)
class SearchProgress:
    """How far a search is: for a progress bar over windows, and a count of what was found."""

    windows_done: int
    windows_total: int
    pages_done: int  # pages received so far, all windows together
    found: int  # invoices kept so far


@dataclass(frozen=True)
class SearchResult:
    """The invoices found (each once; newest first for order D), and what it took."""

    invoices: tuple[Invoice, ...]
    windows: tuple[tuple[date, date], ...]
    requests: int
    cancelled: bool = False  # True: stopped early, `invoices` holds what came before


def split_windows(
    start: date, end: date, months: int = MAX_WINDOW_MONTHS, *, newest_first: bool = False
) -> list[tuple[date, date]]:
    """start..end as consecutive windows that do not overlap, each shorter than `months` months."""
    if start > end:
        return []
    windows = []
    first = start
    while first <= end:
        last = min(add_months(first, months) - timedelta(days=1), end)
        windows.append((first, last))
        first = last + timedelta(days=1)
    return windows[::-1] if newest_first else windows


def search_all(
    client: TaxinvoiceClient,
    wanted: SearchFilter,
    *,
    order: str = "D",
    per_page: int = MAX_PER_PAGE,
    months: int = MAX_WINDOW_MONTHS,
    progress: Callable[[SearchProgress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SearchResult:
    """Every invoice matching `wanted`, window by window and page by page: one request per page, no more.

    `progress` is called after each page (on the calling thread); `cancelled` is asked before each request.
    """
    problems = wanted.check(order, per_page)
    if problems:
        raise PopbillError.invalid(problems, client.lang)
    windows = split_windows(wanted.start, wanted.end, months, newest_first=order == "D")
    found: dict[str, Invoice] = {}
    requests = 0
    for done, (first, last) in enumerate(windows):
        page = 1
        while page <= MAX_PAGES:
            if cancelled is not None and cancelled():
                return SearchResult(tuple(found.values()), tuple(windows), requests, cancelled=True)
            answer = client.search_page(wanted.query(first, last, page, per_page, order))
            requests += 1
            for invoice in answer.invoices:
                if wanted.without_mgt_key and invoice.has_mgt_key:
                    continue
                # Keyed by ItemKey: a page that shifted (an invoice registered meanwhile) repeats none.
                found.setdefault(invoice.item_key or f"#{len(found)}", invoice)
            last_page = (
                len(answer.invoices) < per_page
                or (answer.page_count >= 0 and page >= answer.page_count)
                or (answer.total >= 0 and page * per_page >= answer.total)
            )
            if progress is not None:
                progress(SearchProgress(done + int(last_page), len(windows), requests, len(found)))
            if last_page:
                break
            page += 1
    return SearchResult(tuple(found.values()), tuple(windows), requests)


# -- an NTS confirmation number to one invoice ---------------------------------------------------------------


class NtsOutcome(str, Enum):
    FOUND = "found"  # one invoice, without our document ID: ready to assign
    NONE = "none"
    SEVERAL = "several"
    HAS_MGT_KEY = "has_mgt_key"  # one invoice, and it already has our document ID


_REASONS = {
    NtsOutcome.NONE: "lookup.nts_none",
    NtsOutcome.SEVERAL: "lookup.nts_several",
    NtsOutcome.HAS_MGT_KEY: "lookup.nts_has_mgt_key",
}


@dataclass(frozen=True)
class NtsResolution:
    """What an NTS confirmation number named: the outcome, the invoices found, and the requests it took."""

    nts_confirm_num: str  # 24 digits
    mgt_key_type: str
    outcome: NtsOutcome
    invoices: tuple[Invoice, ...]
    requests: int

    @property
    def ok(self) -> bool:
        return self.outcome is NtsOutcome.FOUND

    @property
    def invoice(self) -> Invoice | None:
        """The invoice, when exactly one was found (FOUND or HAS_MGT_KEY)."""
        return self.invoices[0] if len(self.invoices) == 1 else None

    @property
    def item_key(self) -> str | None:
        """The ItemKey to assign to: only when the outcome is FOUND."""
        return self.invoices[0].item_key if self.ok else None

    @property
    def reason_key(self) -> str | None:
        """A key of `messages.CATALOG` saying why this number cannot be used, or None when it can."""
        return _REASONS.get(self.outcome)

    def reason(self, lang: Lang = "ko") -> str | None:
        problem = self.problem()
        return None if problem is None else problem.describe(lang)

    def problem(self, field_name: str = "nts_confirm_num") -> Problem | None:
        """Why this number cannot be used, as a Problem of `field_name` (a batch row's), or None when it can."""
        key = self.reason_key
        if key is None:
            return None
        mgt_key = self.invoice.mgt_key if self.invoice else ""
        nts = format_nts_confirm_num(self.nts_confirm_num)
        return Problem(field_name, key, {"nts": nts, "count": len(self.invoices), "mgt_key": mgt_key})


def _nts_windows(issued: date) -> list[tuple[str, date, date]]:
    """Where to look, narrowest first: issued around that day, then written in the six months before it."""
    after = issued + timedelta(days=1)
    before = add_months(after, -MAX_WINDOW_MONTHS) + timedelta(days=1)
    return [("I", issued - timedelta(days=1), after), ("W", before, after)]


def resolve_nts(client: TaxinvoiceClient, mgt_key_type: str, nts_confirm_num: str) -> NtsResolution:
    """The invoice (of this MgtKeyType) whose NTS confirmation number this is; typed with or without hyphens."""
    check = check_nts_confirm_num(nts_confirm_num)
    issued = check.issue_date
    if issued is None:
        raise PopbillError.invalid(check.problems, client.lang)
    nts = check.value
    requests = 0
    matches: dict[str, Invoice] = {}
    for kind, first, last in _nts_windows(issued):
        wanted = SearchFilter(mgt_key_type, first, last, date_kind=kind, mgt_key=nts)
        result = search_all(client, wanted)
        requests += result.requests
        # The MgtKey filter also matches document IDs: only the NTS number itself counts.
        matches = {i.item_key: i for i in result.invoices if i.nts_confirm_num == nts}
        if matches:
            break
    found = tuple(matches.values())
    if not found:
        outcome = NtsOutcome.NONE
    elif len(found) > 1:
        outcome = NtsOutcome.SEVERAL
    else:
        outcome = NtsOutcome.HAS_MGT_KEY if found[0].has_mgt_key else NtsOutcome.FOUND
    return NtsResolution(nts, clean(mgt_key_type), outcome, found, requests)


# -- one invoice in full --------------------------------------------------------------------------------------


def invoice_by_mgt_key(client: TaxinvoiceClient, mgt_key_type: str, mgt_key: str, *, detail: bool = True) -> Invoice:
    """The invoice a document ID names: GetInfo (state, ItemKey), completed by the detail (total, the
    partner's addresses) unless `detail` is False. -11000005 (a PopbillError) when no invoice has that ID."""
    info = client.get_info(mgt_key_type, mgt_key)
    if not detail:
        return info
    return info.with_detail(client.get_detail(mgt_key_type, mgt_key).raw)


def invoice_by_item_key(
    client: TaxinvoiceClient,
    item_key: str,
    mgt_key_type: str | None = None,
    *,
    corp_num: str = "",
    with_state: bool = True,
) -> Invoice:
    """The invoice an ItemKey names, from its detail. Our side is `mgt_key_type`, or, when None, found from
    `corp_num` (our CorpNum) among the invoice's parties (SELL when it is none of them).

    The detail has no state: with `with_state`, the invoice's Search row is found by its NTS number (or
    GetInfo, when it has our document ID) and merged in: two requests instead of one."""
    detail = client.get_detail_by_item_key(item_key, mgt_key_type or "SELL")
    kind = mgt_key_type or mgt_key_type_of(detail.raw, corp_num) or "SELL"
    if kind != detail.mgt_key_type:
        detail = Invoice.from_api(detail.raw, kind, item_key=detail.item_key)
    if not with_state:
        return detail
    if detail.mgt_key:
        return client.get_info(kind, detail.mgt_key).with_detail(detail.raw)
    issued = check_nts_confirm_num(detail.nts_confirm_num).issue_date
    if issued is None:
        return detail  # not issued yet: no NTS number to find its row by
    first, last = issued - timedelta(days=1), issued + timedelta(days=1)
    result = search_all(client, SearchFilter(kind, first, last, date_kind="I", mgt_key=detail.nts_confirm_num))
    rows = [i for i in result.invoices if i.item_key == detail.item_key]
    return rows[0].with_detail(detail.raw) if rows else detail
