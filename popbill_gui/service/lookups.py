"""Finding invoices for both faces: search, one invoice by its document ID or ItemKey, an NTS number resolved.

Thin on purpose: the rules are the core's (`core/lookup.py`: windows, pages, no duplicates, NTS resolution); this
opens the client from the service's settings, so neither face touches a client. Read-only calls: nothing is recorded
in the history (it holds what was sent), and a look-up may be retried on a lost answer. Qt-free; every method blocks
on the network: the window runs them on its job runner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.invoices import Invoice
from ..core.lookup import (
    NtsOutcome,
    NtsResolution,
    SearchFilter,
    SearchProgress,
    SearchResult,
    invoice_by_item_key,
    invoice_by_mgt_key,
    resolve_nts,
    search_all,
)
from ..core.messages import Lang
from ..core.validation import DATE_KINDS

if TYPE_CHECKING:
    from .service import Service

__all__ = [
    "DATE_KINDS",
    "Invoice",
    "Lookups",
    "NtsOutcome",
    "NtsResolution",
    "SearchFilter",
    "SearchProgress",
    "SearchResult",
]


class Lookups:
    """The look-ups of one Service (its settings, credentials and client)."""

    def __init__(self, service: Service) -> None:
        self.service = service

    def search(
        self,
        wanted: SearchFilter,
        *,
        progress: Callable[[SearchProgress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SearchResult:
        """Every invoice matching `wanted`, whatever the length of its range (cut into windows of 6 months,
        every page followed, each invoice once); `progress` after each page, `cancelled` checked between them."""
        return search_all(self.service.client(), wanted, progress=progress, cancelled=cancelled)

    def info(self, mgt_key_type: str, mgt_key: str) -> Invoice:
        """GetInfo: the invoice a document ID names (no addresses); -11000005 when no invoice has it."""
        return self.service.client().get_info(mgt_key_type, mgt_key)

    def by_mgt_key(self, mgt_key_type: str, mgt_key: str) -> Invoice:
        """The invoice a document ID names, with the partner's addresses (GetInfo and the detail)."""
        return invoice_by_mgt_key(self.service.client(), mgt_key_type, mgt_key)

    def by_item_key(self, item_key: str, mgt_key_type: str | None = None, *, with_state: bool = True) -> Invoice:
        """The invoice an ItemKey names (the detail; with its state from its Search row when `with_state`)."""
        service = self.service
        return invoice_by_item_key(
            service.client(), item_key, mgt_key_type, corp_num=service.corp_num, with_state=with_state
        )

    def resolve_nts(self, mgt_key_type: str, nts_confirm_num: str) -> NtsResolution:
        """The one invoice an NTS confirmation number names, or why there is none to use (none, several, or one
        that already has our document ID)."""
        return resolve_nts(self.service.client(), mgt_key_type, nts_confirm_num)

    @staticmethod
    def export(path: str | Path, invoices: Iterable[Invoice], lang: Lang) -> Path:
        """A list of invoices to .csv or .xlsx for Excel, atomically (text stays text, never a formula); the path
        written. ValueError for another extension, ResultsFileError when it cannot be written there."""
        from ..batch.export import write_results
        from ..core.invoice_table import export_table

        return write_results(path, export_table(invoices, lang))
