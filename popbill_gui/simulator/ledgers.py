"""Where a company's generated invoices are kept: the demo company's whole book, any other's month by month.

The demo company's book (book.generate) is made at once and kept. Any other company's answers any date window
the way a real account with steady business does: the months a call needs (a search's window, the month an
ItemKey or one of our document IDs was written in) are made then (book.month_book), the same whenever they are
made again, and only the most recently used MONTHS_KEPT months of all companies stay in memory. What a call
changed (a document ID assigned) is not kept here but by the InvoiceBook, which puts it back on a month made
again (`restore`). Not thread-safe: the InvoiceBook's lock guards every call. Standard library only.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from popbill_gui.simulator.book import (
    FIRST_MONTH,
    MONTH_SPREAD,
    BookInvoice,
    Company,
    month_book,
)

MONTHS_KEPT = 36  # six six-month searches of two companies at once, with room
DEFAULT_MONTHS = 10  # what `between()` covers unasked: this month and the nine before (the demo book's span)

_ITEM_KEY_RE = re.compile(r"0([0-9]{2})([0-9]{2})[0-9]{8}([0-9]{5})")  # 0, registered yymmddHHMMSS, sequence
_OWN_KEY_RE = re.compile(r"(SO|PO|TR)-([0-9]{2})([0-9]{2})[0-9]{2}-[0-9]{3,}")  # our document IDs: SO-yymmdd-nnn
_KEY_TYPE = {"SO": "SELL", "PO": "BUY", "TR": "TRUSTEE"}

Month = tuple[int, int]  # (year, month)


def _index(month: Month) -> int:
    return month[0] * 12 + month[1] - 1


def _month(index: int) -> Month:
    year, month = divmod(index, 12)
    return year, month + 1


def month_of_item_key(item_key: str) -> Month | None:
    """The month a generated invoice with this ItemKey was written in (book.month_book), or None."""
    found = _ITEM_KEY_RE.fullmatch(item_key)
    if found is None:
        return None
    yy, mm, seq = (int(part) for part in found.groups())
    spread, number = divmod(seq, MONTH_SPREAD)
    if not 1 <= mm <= 12 or spread > 2 or number == 0:
        return None
    registered = _index((2000 + yy, mm))
    # Registered on the day written up to 45 days later (a late issue): in that month or the two before.
    written = next(i for i in (registered, registered - 1, registered - 2) if i % 3 == spread)
    return _month(written)


def month_of_own_key(mgt_key_type: str, mgt_key: str) -> Month | None:
    """The month a generated invoice with this document ID of ours (SO-yymmdd-nnn) was written in, or None."""
    found = _OWN_KEY_RE.fullmatch(mgt_key)
    if found is None or _KEY_TYPE[found.group(1)] != mgt_key_type:
        return None
    month = int(found.group(3))
    return (2000 + int(found.group(2)), month) if 1 <= month <= 12 else None


@dataclass
class _Kept:
    """The invoices of one company's month, and our document IDs among them."""

    invoices: dict[str, BookInvoice]  # ItemKey -> invoice
    keys: dict[tuple[str, str], str]  # (MgtKeyType, document ID) -> ItemKey


def _kept(invoices: Iterable[BookInvoice]) -> _Kept:
    kept = _Kept({}, {})
    for invoice in invoices:
        kept.invoices[invoice.item_key] = invoice
        if invoice.our_mgt_key:
            kept.keys[(invoice.mgt_key_type, invoice.our_mgt_key)] = invoice.item_key
    return kept


class WholeBook:
    """A book made at once and kept whole (the demo company's)."""

    def __init__(self, invoices: Iterable[BookInvoice]) -> None:
        self._kept = _kept(invoices)

    def get(self, item_key: str) -> BookInvoice | None:
        return self._kept.invoices.get(item_key)

    def by_key(self, mgt_key_type: str, mgt_key: str) -> str | None:
        """The ItemKey of the invoice that was made with this document ID of ours."""
        return self._kept.keys.get((mgt_key_type, mgt_key))

    def between(self, since: date | None = None, until: date | None = None) -> list[BookInvoice]:
        """Every invoice (the callers filter by date)."""
        return list(self._kept.invoices.values())


class MonthCache:
    """The months made lately, of every company: the least recently used go first beyond `kept`."""

    def __init__(self, kept: int = MONTHS_KEPT) -> None:
        if kept < 1:
            raise ValueError("at least one month must be kept")
        self.kept = kept
        self._months: OrderedDict[tuple[str, Month, date], _Kept] = OrderedDict()
        self.made = 0  # months made so far (made again after being dropped included)

    def get(self, key: tuple[str, Month, date], make: Callable[[], list[BookInvoice]]) -> _Kept:
        found = self._months.get(key)
        if found is None:
            found = self._months[key] = _kept(make())
            self.made += 1
            while len(self._months) > self.kept:
                self._months.popitem(last=False)
        else:
            self._months.move_to_end(key)
        return found

    def __len__(self) -> int:
        return len(self._months)

    def clear(self) -> None:
        self._months.clear()


class MonthlyBook:
    """A company's invoices made month by month, for whatever months are asked (see the module docstring)."""

    def __init__(
        self,
        corp_num: str,
        *,
        seed: int,
        owner: Company,
        size: int,
        today: Callable[[], date],
        cache: MonthCache,
        restore: Callable[[BookInvoice], None],
    ) -> None:
        self.corp_num, self.seed, self.owner, self.size = corp_num, seed, owner, size
        self._today, self._cache, self._restore = today, cache, restore

    def _month(self, month: Month) -> _Kept:
        today = self._today()  # in the key: a month made yesterday lacks today's invoices

        def make() -> list[BookInvoice]:
            invoices = month_book(*month, today, size=self.size, seed=self.seed, owner=self.owner)
            for invoice in invoices:
                self._restore(invoice)  # document IDs given to it before, in this month's earlier making
            return invoices

        return self._cache.get((self.corp_num, month, today), make)

    def get(self, item_key: str) -> BookInvoice | None:
        month = month_of_item_key(item_key)
        return None if month is None else self._month(month).invoices.get(item_key)

    def by_key(self, mgt_key_type: str, mgt_key: str) -> str | None:
        """The ItemKey of the invoice that was made with this document ID of ours."""
        month = month_of_own_key(mgt_key_type, mgt_key)
        return None if month is None else self._month(month).keys.get((mgt_key_type, mgt_key))

    def between(self, since: date | None = None, until: date | None = None) -> list[BookInvoice]:
        """The invoices written in the months from `since` to `until` (default: this month and the nine before)."""
        today = self._today()
        end = _index(((until or today).year, (until or today).month))
        start = end - (DEFAULT_MONTHS - 1) if since is None else _index((since.year, since.month))
        start = max(start, _index((FIRST_MONTH.year, FIRST_MONTH.month)))
        if end - start >= 120:
            raise ValueError("ten years at most at once")
        found: list[BookInvoice] = []
        for index in range(start, end + 1):
            found.extend(self._month(_month(index)).invoices.values())
        return found
