"""Words, not codes: what the window says where the API has a code. A request's keys with the type as 매출/매입/위수탁
(never SELL in a line a clerk reads; the history and --json keep the API's names), and an invoice's state as words
(`core.states.state_phrase`) with its code left for a tooltip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...core.messages import text
from ...core.validation import MGT_KEY_TYPES
from ...service import Request
from . import i18n


def type_words(mgt_key_type: str) -> str:
    """SELL → 매출 / Sales; anything else as it is."""
    if mgt_key_type not in MGT_KEY_TYPES:
        return mgt_key_type
    words = text(f"type.{mgt_key_type}", i18n.lang())
    return words[:1].upper() + words[1:]  # it starts the keys: "Sales INV-1"


def request_words(request: Request) -> str:
    """A request's keys in one line as a clerk reads them: "매출 INV-1 → a@b.kr", "024… ← 매출 INV-1"."""
    k = request.keys()
    document = f"{type_words(k['mgt_key_type'])} {k['mgt_key']}".strip()
    if "item_key" in k:
        return f"{k['item_key']} ← {document}"
    return f"{document} → {k['receiver']}"


def state_tip(code: int | None) -> str:
    """An invoice state's code, for a tooltip ("" when there is none)."""
    if code is None:
        return ""
    return QCoreApplication.translate("Words", "POPBiLL's state code: %1").replace("%1", str(code))
