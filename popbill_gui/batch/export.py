"""Batch results to CSV (UTF-8 with BOM, so Excel opens it) or XLSX, written atomically.

All input rows in their order with their state, code and message. The file is written to a temporary file
beside the target and renamed over it, so a crash never leaves half a results file.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..core.messages import Lang
from .model import COLUMNS, InputRow, Operation, RowOutcome, RowState, state_text

# Header names as the reader accepts them, so a results file can be fed back in.
HEADERS: dict[str, tuple[str, str]] = {
    "row": ("행", "Row"),
    "mgt_key_type": ("문서유형", "MgtKeyType"),
    "mgt_key": ("문서번호", "MgtKey"),
    "receiver": ("수신메일", "Receiver"),
    "item_key": ("팝빌번호", "ItemKey"),
    "state": ("상태", "Status"),
    "code": ("코드", "Code"),
    "message": ("메시지", "Message"),
}


def result_table(
    operation: Operation, rows: Sequence[InputRow], outcomes: dict[int, RowOutcome], lang: Lang = "ko"
) -> list[list[object]]:
    """Header and one line per input row, in file order."""
    columns = ("row", *COLUMNS[operation], "state", "code", "message")
    table: list[list[object]] = [[HEADERS[c][1 if lang == "en" else 0] for c in columns]]
    for row in rows:
        outcome = outcomes.get(row.row, RowOutcome(row.row))
        message = outcome.message
        if row.problems and outcome.state in (RowState.SKIPPED, RowState.PENDING):
            message = " ".join(p.describe(lang) for p in row.problems)
        values = [row.values.get(c, "") for c in COLUMNS[operation]]
        table.append(
            [row.row, *values, state_text(outcome.state, lang), "" if outcome.code is None else outcome.code, message]
        )
    return table


def _atomic(path: Path, suffix: str) -> tuple[int, str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=suffix)


def write_results(path: str | Path, table: Iterable[Sequence[object]]) -> Path:
    """Write `table` to .csv or .xlsx (by the extension), atomically; returns the path written."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"results go to a .csv or .xlsx file, not {target.name!r}")
    fd, tmp = _atomic(target, suffix)
    try:
        if suffix == ".csv":
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
                csv.writer(handle).writerows(table)
        else:
            os.close(fd)
            from openpyxl import Workbook  # only when exporting to Excel

            book = Workbook(write_only=True)
            sheet = book.create_sheet("results")
            for line in table:
                # Keys stay text: Excel would turn an 18-digit ItemKey into 2.4E+16.
                sheet.append(
                    [v if isinstance(v, int) and not isinstance(v, bool) and abs(v) < 10**15 else str(v) for v in line]
                )
            book.save(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
