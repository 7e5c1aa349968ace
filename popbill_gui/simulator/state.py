"""The simulator's invoice book (the generated invoices, assigned document IDs, sent mails) and its magic keys."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from popbill_gui.simulator import messages
from popbill_gui.simulator.book import (
    DEFAULT_SEED,
    DEFAULT_SIZE,
    DEMO_CORP_NUM,
    OUR_KEY_FIELD,
    BookInvoice,
    company_for,
    company_seed,
    generate,
)

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
    """The invoices of the demo company, and what was assigned and mailed, per company. Thread-safe.

    Every company owns `size` generated invoices (see book.py), made on first use (a company's first call, which
    only a signed-in company can make), so that a simulator that never answers a look-up never builds them: the
    demo company (`owner`) from the book seed, any other from the book seed and its CorpNum. Document IDs
    given to ItemKeys that are not in the book are remembered too ("lenient" mode, the default): tests and
    benchmarks assign made-up ItemKeys. With `strict`, such calls are refused as the real service does.
    """

    def __init__(
        self,
        *,
        size: int = DEFAULT_SIZE,
        seed: int = DEFAULT_SEED,
        today: Callable[[], date] | None = None,
        owner: str = DEMO_CORP_NUM,
        strict: bool = False,
    ) -> None:
        if not 0 <= size <= 99_999:
            raise ValueError("the book holds 0 to 99,999 invoices (the ItemKey's sequence has five digits)")
        self.book_size = size
        self.book_seed = seed
        self.owner = owner
        self.strict = strict
        self._today = today or date.today
        self._lock = threading.Lock()
        # (corp, item_key) -> (mgt_key_type, mgt_key)
        self._by_item_key: dict[tuple[str, str], tuple[str, str]] = {}
        # (corp, mgt_key_type, mgt_key) -> item_key
        self._by_mgt_key: dict[tuple[str, str, str], str] = {}
        self._assignments: list[Assignment] = []
        self._mails: list[SentMail] = []
        # corp -> item_key -> invoice; the owner's book is generated on first use
        self._invoices: dict[str, dict[str, BookInvoice]] = {}

    # -- the invoices --------------------------------------------------------------------------------------

    def _book(self, corp_num: str) -> dict[str, BookInvoice]:
        """The invoices of a company (the lock is held)."""
        invoices = self._invoices.get(corp_num)
        if invoices is None:
            if corp_num == self.owner:
                made = generate(self._today(), size=self.book_size, seed=self.book_seed)
            else:  # any other company that signed in has a book of its own, the same on every start
                seed = company_seed(corp_num, self.book_seed)
                made = generate(self._today(), size=self.book_size, seed=seed, owner=company_for(corp_num, seed))
            invoices = self._invoices[corp_num] = {}
            for invoice in made:
                self._put(corp_num, invoice)
        return invoices

    def _put(self, corp_num: str, invoice: BookInvoice) -> None:
        self._invoices.setdefault(corp_num, {})[invoice.item_key] = invoice
        if invoice.our_mgt_key:
            key = (corp_num, invoice.mgt_key_type, invoice.our_mgt_key)
            self._by_mgt_key[key] = invoice.item_key
            self._by_item_key[(corp_num, invoice.item_key)] = (invoice.mgt_key_type, invoice.our_mgt_key)

    def add(self, corp_num: str, invoice: BookInvoice) -> None:
        """Put one more invoice in a company's book (tests: e.g. two invoices sharing an NTS number)."""
        with self._lock:
            self._book(corp_num)
            self._put(corp_num, invoice)

    def invoices(self, corp_num: str, mgt_key_type: str | None = None) -> list[BookInvoice]:
        """The company's invoices (of one MgtKeyType), as copies that later assignments do not change."""
        with self._lock:
            found = self._book(corp_num).values()
            return [_copy(i) for i in found if mgt_key_type is None or i.mgt_key_type == mgt_key_type]

    def find(
        self, corp_num: str, *, item_key: str | None = None, mgt_key: tuple[str, str] | None = None
    ) -> BookInvoice | None:
        """A copy of the invoice with this ItemKey, or with this (MgtKeyType, document ID) on our side."""
        with self._lock:
            book = self._book(corp_num)
            if mgt_key is not None:
                item_key = self._by_mgt_key.get((corp_num, *mgt_key))
            invoice = book.get(item_key) if item_key is not None else None
            if invoice is None:
                return None
            return _copy(invoice)

    # -- the two calls -------------------------------------------------------------------------------------

    def assign(self, corp_num: str, item_key: str, mgt_key_type: str, mgt_key: str) -> int:
        """Give the invoice item_key the document ID mgt_key: messages.OK, or the refusal's code."""
        with self._lock:
            invoice = self._book(corp_num).get(item_key)
            if invoice is None and self.strict:
                return messages.INVOICE_NOT_FOUND
            if invoice is not None and invoice.mgt_key_type != mgt_key_type:
                return messages.INVOICE_NOT_FOUND  # the invoice is not among this company's of that type
            if (corp_num, item_key) in self._by_item_key:
                return messages.ALREADY_HAS_MGT_KEY
            if (corp_num, mgt_key_type, mgt_key) in self._by_mgt_key:
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
            book = self._book(corp_num)
            item_key = self._by_mgt_key.get((corp_num, mgt_key_type, mgt_key))
            if item_key is None:
                return messages.INVOICE_NOT_FOUND if self.strict else None
            invoice = book.get(item_key)
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
            self._book(corp_num)
            return self._by_item_key.get((corp_num, item_key))

    def item_key_of(self, corp_num: str, mgt_key_type: str, mgt_key: str) -> str | None:
        """The ItemKey of the invoice holding a document ID, or None."""
        with self._lock:
            self._book(corp_num)
            return self._by_mgt_key.get((corp_num, mgt_key_type, mgt_key))

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
        """Forget everything: the generated book is made afresh on next use."""
        with self._lock:
            self._by_item_key.clear()
            self._by_mgt_key.clear()
            self._assignments.clear()
            self._mails.clear()
            self._invoices.clear()


def _copy(invoice: BookInvoice) -> BookInvoice:
    return BookInvoice(
        invoice.item_key, invoice.mgt_key_type, dict(invoice.fields), invoice.reg_type, dict(invoice.tax_reg_ids)
    )
