"""The simulator's invoice book (assigned document IDs, sent mails) and its table of magic keys."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from popbill_gui.simulator import messages

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
    """Which invoices (ItemKeys) have a document ID, per company, and which mails were sent. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # (corp, item_key) -> (mgt_key_type, mgt_key)
        self._by_item_key: dict[tuple[str, str], tuple[str, str]] = {}
        # (corp, mgt_key_type, mgt_key) -> item_key
        self._by_mgt_key: dict[tuple[str, str, str], str] = {}
        self._assignments: list[Assignment] = []
        self._mails: list[SentMail] = []

    def assign(self, corp_num: str, item_key: str, mgt_key_type: str, mgt_key: str) -> int:
        """Give the invoice item_key the document ID mgt_key: messages.OK, or the refusal's code."""
        with self._lock:
            if (corp_num, item_key) in self._by_item_key:
                return messages.ALREADY_HAS_MGT_KEY
            if (corp_num, mgt_key_type, mgt_key) in self._by_mgt_key:
                return messages.MGT_KEY_IN_USE
            self._by_item_key[(corp_num, item_key)] = (mgt_key_type, mgt_key)
            self._by_mgt_key[(corp_num, mgt_key_type, mgt_key)] = item_key
            self._assignments.append(Assignment(corp_num, item_key, mgt_key_type, mgt_key))
            return messages.OK

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
            return self._by_item_key.get((corp_num, item_key))

    def item_key_of(self, corp_num: str, mgt_key_type: str, mgt_key: str) -> str | None:
        """The ItemKey of the invoice holding a document ID, or None."""
        with self._lock:
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
        """Forget everything."""
        with self._lock:
            self._by_item_key.clear()
            self._by_mgt_key.clear()
            self._assignments.clear()
            self._mails.clear()
