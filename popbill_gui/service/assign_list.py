"""Invoices chosen in the Find dialog, written as an ordinary batch file: document IDs for many (this module) or
their mails resent (`resend_list.py`); and which invoices numbering leaves out unless asked.

Find hands its rows to the batch tab as a file, not as rows in memory: the batch then goes through exactly the path a
file from Excel takes (read and checked by `batch.reader`, planned by `service.batches`, journaled with the file's path
and fingerprint), so it is resumable after a crash or a restart (resuming reads its source file again) and its results
export as any batch's do. The file is a CSV the batch reader takes: the operation's columns (팝빌번호, 문서유형 in
words, 문서번호), then what a clerk checks an invoice by (거래처, 작성일자, 합계금액, 계산서 상태: `CLERK_HEADERS`),
which the reader keeps as the clerk's own columns (`BatchFile.extra_columns`), so the batch preview, its
confirmation and the results show them beside every row. ("계산서 상태", not "상태": the results' own 상태 column
says what became of the row.) The lists go in `assign-lists/` beside the history, owner-only (the demo's history,
and so its lists, live in a throw-away folder). Qt-free; it writes a file: run it on a job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ..batch.export import type_word, write_results
from ..core.messages import Lang
from ..core.states import state_group
from ..storage.private import private_folder

if TYPE_CHECKING:
    from ..core.invoices import Invoice
    from .service import Service

FOLDER: Final = "assign-lists"
# What a clerk checks an invoice by, after the operation's own columns (the reader keeps them as extra columns).
CLERK_HEADERS: Final[dict[str, tuple[str, ...]]] = {
    "ko": ("거래처", "작성일자", "합계금액", "계산서 상태"),
    "en": ("Partner", "Written", "Total", "Invoice state"),
}
_HEADERS: Final = {"ko": ("팝빌번호", "문서유형", "문서번호"), "en": ("ItemKey", "MgtKeyType", "MgtKey")}
NTS_FAILED: Final = 305  # 국세청 전송 실패


def set_aside(invoice: Invoice) -> str | None:
    """Why numbering leaves this invoice out unless the clerk asks for it: "cancelled" (취소, 발행취소: 5xx, 6xx),
    "nts_failed" (국세청 전송 실패, 305), or None. Such an invoice is rarely one the books want a number for."""
    if state_group(invoice.state_code) in (5, 6):
        return "cancelled"
    if invoice.state_code == NTS_FAILED:
        return "nts_failed"
    return None


def clerk_cells(invoice: Invoice, lang: Lang) -> tuple[str, str, str, str]:
    """Partner, written date (yyyy-MM-dd), total (1,650,000) and state in words, as `CLERK_HEADERS` name them."""
    written = "" if invoice.write_date is None else invoice.write_date.isoformat()
    total = "" if invoice.total is None else f"{invoice.total:,}"
    return invoice.partner_name, written, total, invoice.state_words(lang)


@dataclass(frozen=True)
class AssignListRow:
    item_key: str
    mgt_key_type: str
    mgt_key: str
    clerk: tuple[str, ...] = ()  # CLERK_HEADERS' cells (`clerk_cells`), for the person checking the batch

    @classmethod
    def of(cls, invoice: Invoice, mgt_key: str, lang: Lang = "ko") -> AssignListRow:
        return cls(invoice.item_key, invoice.mgt_key_type, mgt_key, clerk_cells(invoice, lang))


def list_folder(service: Service, name: str = FOLDER) -> Path:
    """Where the lists go: beside the history (the app's data folder, or where POPBILL_HISTORY points)."""
    return service.history().path.parent / name


def write_list(
    service: Service,
    where: tuple[str, str],
    headers: Sequence[str],
    rows: Sequence[tuple[Sequence[object], Sequence[str]]],
    lang: Lang,
    *,
    now: datetime | None = None,
) -> Path:
    """Write a list from Find to a new `<prefix>-<time>.csv` in the folder beside the history that `where` (folder,
    prefix) names, never over an earlier list (its batch may still be resumed); its path. `headers`: the
    operation's own columns; each row: their cells, then the clerk's (`clerk_cells`)."""
    if not rows:
        raise ValueError("a list from Find needs at least one row")
    clerk = CLERK_HEADERS["en" if lang == "en" else "ko"]
    blank = ("",) * len(clerk)
    table: list[list[object]] = [[*headers, *clerk]]
    table += [[*cells, *(tuple(extra) + blank)[: len(blank)]] for cells, extra in rows]
    folder = private_folder(list_folder(service, where[0]))
    stamp = f"{now or datetime.now():%Y%m%d-%H%M%S}"
    path = folder / f"{where[1]}-{stamp}.csv"
    number = 1
    while path.exists():
        number += 1
        path = folder / f"{where[1]}-{stamp}-{number}.csv"
    return write_results(path, table)


def write_assign_list(
    service: Service, rows: Sequence[AssignListRow], lang: Lang = "ko", *, now: datetime | None = None
) -> Path:
    """Write `rows` (in their order: the numbering's, oldest first) to a new file in `assign-lists/`; its path."""
    language: Lang = "en" if lang == "en" else "ko"
    cells = [((r.item_key, type_word(r.mgt_key_type, language), r.mgt_key), r.clerk) for r in rows]
    return write_list(service, (FOLDER, "assign"), _HEADERS[language], cells, language, now=now)
