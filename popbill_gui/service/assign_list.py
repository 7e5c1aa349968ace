"""Document IDs chosen in the window for many invoices, written as an ordinary batch file.

The Find dialog's "assign many" hands its rows to the batch tab as a file, not as rows in memory: the batch then
goes through exactly the path a file from Excel takes (read and checked by `batch.reader`, planned by
`service.batches`, journaled with the file's path and fingerprint), so it is resumable after a crash or a restart
(resuming reads its source file again) and its results export as any batch's do. The file is a CSV the batch
reader takes (팝빌번호/ItemKey, 문서유형/MgtKeyType, 문서번호/MgtKey, plus the written date and the partner for a
person reading it, which the reader ignores), in `assign-lists/` beside the history, owner-only (the demo's
history, and so its lists, live in a throw-away folder). Qt-free; it writes a file: run it on a job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ..batch.export import write_results
from ..core.messages import Lang
from ..storage.private import private_folder

if TYPE_CHECKING:
    from .service import Service

FOLDER: Final = "assign-lists"
_HEADERS: Final = {
    "ko": ["팝빌번호", "문서유형", "문서번호", "작성일자", "거래처"],
    "en": ["ItemKey", "MgtKeyType", "MgtKey", "Written", "Partner"],
}


@dataclass(frozen=True)
class AssignListRow:
    item_key: str
    mgt_key_type: str
    mgt_key: str
    written: str = ""  # yyyy-MM-dd, for the person reading the file
    partner: str = ""


def list_folder(service: Service) -> Path:
    """Where the lists go: beside the history (the app's data folder, or where POPBILL_HISTORY points)."""
    return service.history().path.parent / FOLDER


def write_assign_list(
    service: Service, rows: Sequence[AssignListRow], lang: Lang = "ko", *, now: datetime | None = None
) -> Path:
    """Write `rows` to a new file (never over an earlier list: its batch may still be resumed); its path."""
    if not rows:
        raise ValueError("an assign list needs at least one row")
    folder = private_folder(list_folder(service))
    stamp = f"{now or datetime.now():%Y%m%d-%H%M%S}"
    path = folder / f"assign-{stamp}.csv"
    number = 1
    while path.exists():
        number += 1
        path = folder / f"assign-{stamp}-{number}.csv"
    table: list[list[object]] = [list(_HEADERS.get(lang, _HEADERS["ko"]))]
    table += [[r.item_key, r.mgt_key_type, r.mgt_key, r.written, r.partner] for r in rows]
    return write_results(path, table)
