"""Invoices chosen in the Find dialog whose mails are resent, each to the address on file: the addresses looked up,
and the rows written as an ordinary resend batch file (see `assign_list.py` for why a file).

A search does not say the partner's address (only an invoice's detail does), so `with_addresses` asks for the detail
of every chosen invoice that has our document ID (SendEmail needs it), a few at a time. An invoice without our
document ID, or without an address on the invoice, is left out and counted, never sent. The file's columns are the
resend's own (문서유형 in words, 문서번호, 수신메일) and what a clerk checks an invoice by (`CLERK_HEADERS`: kept by
the reader as the clerk's own columns), in `resend-lists/` beside the history, owner-only. Qt-free; the look-ups block
on the network and the writing touches a file: run both on a job.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ..batch.export import type_word
from ..core.errors import PopbillError
from ..core.messages import Lang
from .assign_list import clerk_cells, write_list

if TYPE_CHECKING:
    from ..core.invoices import Invoice
    from .service import Service

FOLDER: Final = "resend-lists"
AT_ONCE: Final = 4  # detail look-ups in flight together: quick for a few dozen, gentle on the service
NOT_FOUND: Final = -11000005  # no invoice has this document ID (any more): that invoice is left out
_HEADERS: Final = {"ko": ("문서유형", "문서번호", "수신메일"), "en": ("MgtKeyType", "MgtKey", "Receiver")}

Progress = Callable[[int, int], None]  # (looked up, to look up)


@dataclass(frozen=True)
class Addressed:
    """The chosen invoices sorted out: those that can be resent (with the address on file), and those left out."""

    ready: tuple[Invoice, ...]  # our document ID and at least one address: `emails[0]` is the receiver
    without_id: tuple[Invoice, ...]  # no document ID of ours: SendEmail cannot name it
    without_address: tuple[Invoice, ...]  # no address on the invoice (or no longer found by its document ID)
    cancelled: bool = False  # stopped before every address was looked up: nothing should be handed on

    @property
    def left_out(self) -> int:
        return len(self.without_id) + len(self.without_address)


def with_addresses(
    service: Service,
    invoices: Sequence[Invoice],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Addressed:
    """Each invoice with our document ID completed by its detail (the partner's addresses), in the given order.
    A PopbillError other than "not found" (credentials, the network) stops it and is raised."""
    named = [i for i in invoices if i.has_mgt_key]
    without_id = tuple(i for i in invoices if not i.has_mgt_key)
    client = service.client()
    done: dict[int, Invoice | None] = {}
    stop = threading.Event()

    def detail(invoice: Invoice) -> Invoice | None:
        if invoice.emails:
            return invoice
        if stop.is_set():
            return None
        try:
            return invoice.with_detail(client.get_detail(invoice.mgt_key_type, invoice.mgt_key).raw)
        except PopbillError as error:
            if error.code == NOT_FOUND:
                return None
            raise

    with ThreadPoolExecutor(max_workers=AT_ONCE, thread_name_prefix="addresses") as pool:
        waiting: dict[Future[Invoice | None], int] = {}
        queue = list(enumerate(named))
        try:
            while queue or waiting:
                while queue and len(waiting) < AT_ONCE and not (cancelled is not None and cancelled()):
                    index, invoice = queue.pop(0)
                    waiting[pool.submit(detail, invoice)] = index
                if not waiting:
                    break  # cancelled with nothing in flight
                finished, _ = wait(waiting, return_when=FIRST_COMPLETED)
                for future in finished:
                    done[waiting.pop(future)] = future.result()
                if progress is not None:
                    progress(len(done), len(named))
        finally:
            stop.set()  # a failure or a stop: what is still queued in the pool asks nothing more
    if len(done) < len(named):
        return Addressed((), without_id, (), cancelled=True)
    found = [done[index] for index in range(len(named))]
    ready = tuple(i for i in found if i is not None and i.emails)
    missing = tuple(named[index] for index, i in enumerate(found) if i is None or not i.emails)
    return Addressed(ready, without_id, missing)


@dataclass(frozen=True)
class ResendListRow:
    mgt_key_type: str
    mgt_key: str
    receiver: str
    clerk: tuple[str, ...] = ()  # CLERK_HEADERS' cells, for the person checking the batch

    @classmethod
    def of(cls, invoice: Invoice, lang: Lang = "ko") -> ResendListRow:
        """The row that resends `invoice`'s mail to the first address on it."""
        receiver = invoice.emails[0] if invoice.emails else ""
        return cls(invoice.mgt_key_type, invoice.mgt_key, receiver, clerk_cells(invoice, lang))


def write_resend_list(
    service: Service, rows: Sequence[ResendListRow], lang: Lang = "ko", *, now: datetime | None = None
) -> Path:
    """Write `rows` to a new file in `resend-lists/` (never over an earlier list); its path."""
    language: Lang = "en" if lang == "en" else "ko"
    cells = [((type_word(r.mgt_key_type, language), r.mgt_key, r.receiver), r.clerk) for r in rows]
    return write_list(service, (FOLDER, "resend"), _HEADERS[language], cells, language, now=now)
