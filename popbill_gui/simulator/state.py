"""The simulator's invoice book (the generated invoices, assigned document IDs, sent mails) and its magic keys."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from popbill_gui.simulator import messages
from popbill_gui.simulator.book import (
    DEMO_CORP_NUM,
    OUR_KEY_FIELD,
    BookInvoice,
    company_for,
    company_seed,
    generate,
)
from popbill_gui.simulator.ledgers import MONTHS_KEPT, MonthCache, MonthlyBook, WholeBook
from popbill_gui.simulator.names import DEFAULT_SEED, DEFAULT_SIZE

MGT_KEY_TYPES = ("SELL", "BUY", "TRUSTEE")


@dataclass(frozen=True)
class SentMail:
    """One accepted SendEmail call."""

    corp_num: str
    mgt_key_type: str
    mgt_key: str
    receiver: str


@dataclass(frozen=True)
class Assignment:
    """One accepted AssignMgtKey call: the invoice ItemKey now has the document ID mgt_key."""

    corp_num: str
    item_key: str
    mgt_key_type: str
    mgt_key: str


@dataclass(frozen=True)
class MagicKey:
    """A value that makes the simulator give a fixed refusal (prefix match, case-sensitive)."""

    field: str  # "MgtKey", "ItemKey" or "CorpNum"
    prefix: str
    operations: frozenset[str]  # among "send_email", "assign", "token"
    status: int
    code: int


_EITHER = frozenset({"send_email", "assign"})

# Checked in this order; the first match answers. Keep in step with the table in __init__.py.
MAGIC_KEYS: tuple[MagicKey, ...] = (
    MagicKey("MgtKey", "NOIP", _EITHER, 403, messages.IP_NOT_ALLOWED),
    MagicKey("MgtKey", "NOPOINT", _EITHER, 400, messages.NOT_ENOUGH_POINTS),
    MagicKey("MgtKey", "NOTFOUND", frozenset({"send_email"}), 400, messages.INVOICE_NOT_FOUND),
    MagicKey("MgtKey", "NOMAIL", frozenset({"send_email"}), 400, messages.MAIL_NOT_SENDABLE),
    MagicKey("ItemKey", "000000", frozenset({"assign"}), 400, messages.INVOICE_NOT_FOUND),
    MagicKey("ItemKey", "111111", frozenset({"assign"}), 400, messages.ALREADY_HAS_MGT_KEY),
    MagicKey("MgtKey", "TAKEN", frozenset({"assign"}), 400, messages.MGT_KEY_IN_USE),
    MagicKey("CorpNum", "0000000000", frozenset({"token"}), 400, messages.NOT_A_MEMBER),
)


def find_magic(
    operation: str, *, mgt_key: str | None = None, item_key: str | None = None, corp_num: str | None = None
) -> MagicKey | None:
    """The first magic key that applies to this operation and these values, if any."""
    values = {"MgtKey": mgt_key, "ItemKey": item_key, "CorpNum": corp_num}
    for magic in MAGIC_KEYS:
        value = values[magic.field]
        if operation in magic.operations and value is not None and value.startswith(magic.prefix):
            return magic
    return None


class InvoiceBook:
    """The invoices of every company, and what was assigned and mailed, per company. Thread-safe.

    A company's generated invoices are made on first use (a company's first call, which only a signed-in
    company can make), so that a simulator that never answers a look-up never makes them: the demo company's
    (`owner`) as one book of `size` invoices from the book seed, any other's month by month at the same pace
    from the book seed and its CorpNum, for whatever months a call needs (ledgers.py). Document IDs given to
    ItemKeys that are not in the book are remembered too ("lenient" mode, the default): tests and benchmarks
    assign made-up ItemKeys. With `strict`, such calls are refused as the real service does.
    """

    def __init__(
        self,
        *,
        size: int = DEFAULT_SIZE,
        seed: int = DEFAULT_SEED,
        today: Callable[[], date] | None = None,
        owner: str = DEMO_CORP_NUM,
        strict: bool = False,
        months_kept: int = MONTHS_KEPT,
    ) -> None:
        if not 0 <= size <= 99_999:
            raise ValueError("the book holds 0 to 99,999 invoices (the ItemKey's sequence has five digits)")
        self.book_size = size
        self.book_seed = seed
        self.owner = owner
        self.strict = strict
        self._today = today or date.today
        self._lock = threading.Lock()
        # What calls and tests put in, kept for the simulator's lifetime (a generated invoice's own document ID
        # is its book's): (corp, item_key) -> (mgt_key_type, mgt_key), and back.
        self._by_item_key: dict[tuple[str, str], tuple[str, str]] = {}
        self._by_mgt_key: dict[tuple[str, str, str], str] = {}
        self._assignments: list[Assignment] = []
        self._mails: list[SentMail] = []
        self._ledgers: dict[str, WholeBook | MonthlyBook] = {}  # corp -> its generated invoices, made on first use
        self._added: dict[str, dict[str, BookInvoice]] = {}  # corp -> item_key -> an invoice put in by add()
        self.months = MonthCache(months_kept)

    # -- the invoices --------------------------------------------------------------------------------------

    def _ledger(self, corp_num: str) -> WholeBook | MonthlyBook:
        """The generated invoices of a company (the lock is held)."""
        ledger = self._ledgers.get(corp_num)
        if ledger is None:
            if corp_num == self.owner:
                ledger = WholeBook(generate(self._today(), size=self.book_size, seed=self.book_seed))
            else:  # any other company that signed in has a book of its own, the same on every start
                seed = company_seed(corp_num, self.book_seed)
                ledger = MonthlyBook(
                    corp_num,
                    seed=seed,
                    owner=company_for(corp_num, seed),
                    size=self.book_size,
                    today=self._today,
                    cache=self.months,
                    restore=lambda invoice: self._restore(corp_num, invoice),
                )
            self._ledgers[corp_num] = ledger
        return ledger

    def _restore(self, corp_num: str, invoice: BookInvoice) -> None:
        """Put back the document ID given to a generated invoice before its month was made again."""
        given = self._by_item_key.get((corp_num, invoice.item_key))
        if given is not None and given[0] == invoice.mgt_key_type:
            invoice.fields[OUR_KEY_FIELD[given[0]]] = given[1]

    def _invoice(self, corp_num: str, item_key: str) -> BookInvoice | None:
        """The invoice itself (not a copy) with this ItemKey, if the company has one."""
        added = self._added.get(corp_num, {}).get(item_key)
        return added if added is not None else self._ledger(corp_num).get(item_key)

    def _item_key_for(self, corp_num: str, mgt_key_type: str, mgt_key: str) -> str | None:
        """The ItemKey holding this document ID: one given by a call or a test, else one the book was made with."""
        found = self._by_mgt_key.get((corp_num, mgt_key_type, mgt_key))
        return found if found is not None else self._ledger(corp_num).by_key(mgt_key_type, mgt_key)

    def _key_for(self, corp_num: str, item_key: str) -> tuple[str, str] | None:
        """(MgtKeyType, document ID) of an ItemKey: one given by a call or a test, else its invoice's own."""
        found = self._by_item_key.get((corp_num, item_key))
        if found is not None:
            return found
        invoice = self._invoice(corp_num, item_key)
        return (invoice.mgt_key_type, invoice.our_mgt_key) if invoice is not None and invoice.our_mgt_key else None

    def add(self, corp_num: str, invoice: BookInvoice) -> None:
        """Put one more invoice in a company's book (tests: e.g. two invoices sharing an NTS number)."""
        with self._lock:
            self._ledger(corp_num)
            self._added.setdefault(corp_num, {})[invoice.item_key] = invoice
            if invoice.our_mgt_key:
                self._by_item_key[(corp_num, invoice.item_key)] = (invoice.mgt_key_type, invoice.our_mgt_key)
                self._by_mgt_key[(corp_num, invoice.mgt_key_type, invoice.our_mgt_key)] = invoice.item_key

    def invoices(
        self, corp_num: str, mgt_key_type: str | None = None, *, since: date | None = None, until: date | None = None
    ) -> list[BookInvoice]:
        """The company's invoices (of one MgtKeyType), as copies that later assignments do not change.

        `since`, `until`: the months wanted, for a book made month by month (by default this month and the nine
        before); the demo company's book answers whole, and so do the invoices put in by add(): filter by date.
        """
        with self._lock:
            made = {i.item_key: i for i in self._ledger(corp_num).between(since, until)}
            made.update(self._added.get(corp_num, {}))
            return [_copy(i) for i in made.values() if mgt_key_type is None or i.mgt_key_type == mgt_key_type]

    def find(
        self, corp_num: str, *, item_key: str | None = None, mgt_key: tuple[str, str] | None = None
    ) -> BookInvoice | None:
        """A copy of the invoice with this ItemKey, or with this (MgtKeyType, document ID) on our side."""
        with self._lock:
            if mgt_key is not None:
                item_key = self._item_key_for(corp_num, *mgt_key)
            invoice = self._invoice(corp_num, item_key) if item_key is not None else None
            return None if invoice is None else _copy(invoice)

    # -- the two calls -------------------------------------------------------------------------------------

    def assign(self, corp_num: str, item_key: str, mgt_key_type: str, mgt_key: str) -> int:
        """Give the invoice item_key the document ID mgt_key: messages.OK, or the refusal's code."""
        with self._lock:
            invoice = self._invoice(corp_num, item_key)
            if invoice is None and self.strict:
                return messages.INVOICE_NOT_FOUND
            if invoice is not None and invoice.mgt_key_type != mgt_key_type:
                return messages.INVOICE_NOT_FOUND  # the invoice is not among this company's of that type
            if self._key_for(corp_num, item_key) is not None:
                return messages.ALREADY_HAS_MGT_KEY
            if self._item_key_for(corp_num, mgt_key_type, mgt_key) is not None:
                return messages.MGT_KEY_IN_USE
            if invoice is not None:
                invoice.fields[OUR_KEY_FIELD[mgt_key_type]] = mgt_key
            self._by_item_key[(corp_num, item_key)] = (mgt_key_type, mgt_key)
            self._by_mgt_key[(corp_num, mgt_key_type, mgt_key)] = item_key
            self._assignments.append(Assignment(corp_num, item_key, mgt_key_type, mgt_key))
            return messages.OK

    def mail_refusal(self, corp_num: str, mgt_key_type: str, mgt_key: str) -> int | None:
        """Why SendEmail for this document ID is refused (a code), or None when it may be sent."""
        with self._lock:
            item_key = self._item_key_for(corp_num, mgt_key_type, mgt_key)
            if item_key is None:
                return messages.INVOICE_NOT_FOUND if self.strict else None
            invoice = self._invoice(corp_num, item_key)
            if invoice is not None and invoice.state_code < 200:
                return messages.MAIL_NOT_SENDABLE  # a temporarily saved invoice was never issued
            return None

    def seed(self, corp_num: str, item_key: str, mgt_key_type: str, mgt_key: str) -> None:
        """Put an invoice that already has a document ID in the book (not recorded as an assignment)."""
        with self._lock:
            self._by_item_key[(corp_num, item_key)] = (mgt_key_type, mgt_key)
            self._by_mgt_key[(corp_num, mgt_key_type, mgt_key)] = item_key

    def record_mail(self, corp_num: str, mgt_key_type: str, mgt_key: str, receiver: str) -> None:
        """Remember an accepted SendEmail call."""
        with self._lock:
            self._mails.append(SentMail(corp_num, mgt_key_type, mgt_key, receiver))

    def mgt_key_of(self, corp_num: str, item_key: str) -> tuple[str, str] | None:
        """(MgtKeyType, MgtKey) assigned to an invoice, or None."""
        with self._lock:
            return self._key_for(corp_num, item_key)

    def item_key_of(self, corp_num: str, mgt_key_type: str, mgt_key: str) -> str | None:
        """The ItemKey of the invoice holding a document ID, or None."""
        with self._lock:
            return self._item_key_for(corp_num, mgt_key_type, mgt_key)

    @property
    def assignments(self) -> list[Assignment]:
        """A copy of the accepted assignments, in order."""
        with self._lock:
            return list(self._assignments)

    @property
    def sent_mails(self) -> list[SentMail]:
        """A copy of the accepted mails, in order."""
        with self._lock:
            return list(self._mails)

    def clear(self) -> None:
        """Forget everything: the generated books are made afresh on next use."""
        with self._lock:
            self._by_item_key.clear()
            self._by_mgt_key.clear()
            self._assignments.clear()
            self._mails.clear()
            self._ledgers.clear()
            self._added.clear()
            self.months.clear()


def _copy(invoice: BookInvoice) -> BookInvoice:
    return BookInvoice(
        invoice.item_key, invoice.mgt_key_type, dict(invoice.fields), invoice.reg_type, dict(invoice.tax_reg_ids)
    )
