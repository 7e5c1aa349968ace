"""Whether an invoice carries a document ID: the look-up that settles a lost AssignMgtKey answer, and verify.

When the answer to an AssignMgtKey is lost (reset, timeout, TLS break, a 5xx after the request was written), the
invoice itself says what happened: our document ID on it (ASSIGNED: done), none (NOT_ASSIGNED: not carried out,
safe to send again), another one (OTHER_KEY: failed, both IDs named). `check_assignment` asks the detail by
ItemKey (one request); when POPBiLL does not find the invoice that way, GetInfo by type and document ID says
whether our ID is on this invoice; anything else proves nothing (None: the row stays "check on the website").

`check_assignments` does the same for many rows at once (`popbill-cli batch verify`): a Search of the six months
before the batch lists up to 1000 invoices a request (and each earlier six months after it), so it is used while it
takes fewer requests than the rows still to find; the rest are asked one detail each. Read-only GETs; a network
failure raises PopbillError.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import TYPE_CHECKING

from .errors import Kind, PopbillError
from .invoices import MAX_PER_PAGE, MAX_WINDOW_MONTHS, OUR_KEY_FIELD, Invoice, add_months
from .lookup import SearchFilter
from .validation import clean

if TYPE_CHECKING:
    from .client import TaxinvoiceClient

NOT_FOUND = -11000005  # POPBiLL: no invoice by that key
SEARCH_WINDOWS = 4  # verify searches the two years before a batch at most (its invoices were registered by then)


class Checked(str, Enum):
    """What the invoice says about an assignment (the CLI's JSON `checked`: exactly these values)."""

    ASSIGNED = "assigned"  # our document ID is on it
    NOT_ASSIGNED = "not_assigned"  # no document ID on our side
    OTHER_KEY = "other_key"  # another document ID is on it


@dataclass(frozen=True)
class Check:
    checked: Checked
    found_key: str  # the document ID on our side of the invoice ("" when none)


def _same_key(a: str, b: str) -> bool:
    return clean(a).casefold() == clean(b).casefold()


def verdict(invoice_key: str, mgt_key: str) -> Check:
    """What the document ID found on our side of the invoice says about assigning `mgt_key`."""
    found = clean(invoice_key)
    if not found:
        return Check(Checked.NOT_ASSIGNED, "")
    return Check(Checked.ASSIGNED if _same_key(found, mgt_key) else Checked.OTHER_KEY, found)


def says_our_key(invoice: Invoice) -> bool:
    """Whether an answer is an invoice (it has its written date) that says what document ID is on our side (the
    field is there, empty or not): only then may "no document ID" be concluded from it."""
    field = OUR_KEY_FIELD.get(invoice.mgt_key_type, "")
    return bool(invoice.raw.get("writeDate")) and field in invoice.raw


def check_assignment(client: TaxinvoiceClient, item_key: str, mgt_key_type: str, mgt_key: str) -> Check | None:
    """Whether the invoice `item_key` carries `mgt_key` on our side (`mgt_key_type`); None when POPBiLL finds no
    invoice to tell (then nothing is proven). A PopbillError when the look-up itself fails."""
    try:
        invoice = client.get_detail_by_item_key(item_key, mgt_key_type)
    except PopbillError as exc:
        if exc.kind is not Kind.POPBILL or exc.code != NOT_FOUND:
            raise
    else:
        if not says_our_key(invoice):
            return None  # not an invoice, or one that does not say what is on our side: nothing is proven
        return verdict(invoice.mgt_key, mgt_key)
    try:
        holder = client.get_info(mgt_key_type, mgt_key)
    except PopbillError as exc:
        if exc.kind is not Kind.POPBILL or exc.code != NOT_FOUND:
            raise
        return None
    if clean(holder.item_key) == clean(item_key):
        return Check(Checked.ASSIGNED, holder.mgt_key or clean(mgt_key))
    return None


@dataclass(frozen=True)
class Wanted:
    """One row to verify: the invoice, our side, and the document ID it should carry."""

    row: int
    item_key: str
    mgt_key_type: str
    mgt_key: str


def check_assignments(
    client: TaxinvoiceClient,
    wanted: Sequence[Wanted],
    *,
    registered_by: date,
    progress: Callable[[int, int], None] | None = None,
) -> dict[int, Check | None]:
    """Every wanted row's check, by row number (None: POPBiLL found no such invoice). `registered_by`: the day the
    batch ran (its invoices were registered by then): the Search looks at the six months up to it."""
    results: dict[int, Check | None] = {}
    left = list(wanted)
    by_type: dict[str, list[Wanted]] = {}
    for item in left:
        by_type.setdefault(clean(item.mgt_key_type), []).append(item)
    for kind, items in by_type.items():
        results.update(_search(client, kind, items, registered_by))
    rest = [w for w in left if w.row not in results]
    total, done = len(left), len(left) - len(rest)
    if progress is not None:
        progress(done, total)
    for item in rest:
        results[item.row] = check_assignment(client, item.item_key, item.mgt_key_type, item.mgt_key)
        done += 1
        if progress is not None:
            progress(done, total)
    return results


def _search(client: TaxinvoiceClient, kind: str, items: list[Wanted], registered_by: date) -> dict[int, Check]:
    """The rows found by Search: windows of six months back from `registered_by` (newest first, at most
    SEARCH_WINDOWS), page by page, while the requests made are fewer than the rows still to find (past that, one
    detail each is the cheaper way)."""
    if len(items) < 2:
        return {}
    by_item = {clean(w.item_key): w for w in items}
    found: dict[int, Check] = {}
    requests = 0
    end = registered_by + timedelta(days=1)
    for _ in range(SEARCH_WINDOWS):
        start = add_months(end, -MAX_WINDOW_MONTHS) + timedelta(days=1)
        wanted = SearchFilter(kind, start, end, date_kind="R")
        page = 1
        while True:
            if requests >= len(items) - len(found):
                return found
            answer = client.search_page(wanted.query(start, end, page, MAX_PER_PAGE))
            requests += 1
            for invoice in answer.invoices:
                item = by_item.get(clean(invoice.item_key))
                if item is not None and says_our_key(invoice):
                    found[item.row] = _from(invoice, item)
            if len(answer.invoices) < MAX_PER_PAGE or (answer.page_count >= 0 and page >= answer.page_count):
                break
            page += 1
        end = start - timedelta(days=1)
    return found


def _from(invoice: Invoice, item: Wanted) -> Check:
    return verdict(invoice.mgt_key, item.mgt_key)
