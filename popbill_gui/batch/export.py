"""Batch results to CSV (UTF-8 with BOM, so Excel opens it) or XLSX, written atomically.

All input rows in their order with their state, code and message, the types in words (매출/매입/위수탁) and the
clerk's own columns beside ours. The file is written to a temporary file beside the target and renamed over it, so
a crash never leaves half a results file. Every text cell is written as text, never as a formula
(`core/cells.py`); numbers stay numbers.

A target that cannot be replaced raises `ResultsFileError` with one sentence saying what the refusal can tell:
a folder, read-only, open in another program (Excel), being synced (OneDrive's cloud-file errors) or scanned (a
virus scanner's), a protected folder (Windows' Controlled folder access answers "not found" or "access denied" to a
new file in a folder that exists), a full disk, a folder without write permission. Windows' own error numbers
(`winerror`) tell these apart; elsewhere errno does what it can. Nothing half-written is left.
`check_results_target` finds most of these before a batch is sent. A name that is not .csv or .xlsx is refused with
a sentence (`core/export_names.py`). Encodings are explicit everywhere: nothing here depends on the console's or the
system's code page.
"""

from __future__ import annotations

import csv
import errno
import os
import stat
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Final

from ..core.cells import csv_cell, is_formula_like, numeric
from ..core.export_names import export_name_problem
from ..core.messages import Lang, text
from .model import COLUMNS, InputRow, Operation, RowOutcome, RowState, state_text

# Header names as the reader accepts them, so a results file can be fed back in.
HEADERS: dict[str, tuple[str, str]] = {
    "row": ("행", "Row"),
    "mgt_key_type": ("문서유형", "Type"),
    "mgt_key": ("문서번호", "Document ID"),
    "receiver": ("수신메일", "E-mail"),
    "item_key": ("팝빌번호", "POPBiLL number"),
    "nts_confirm_num": ("국세청승인번호", "NTS confirmation number"),
    "state": ("상태", "Status"),
    "code": ("코드", "Code"),
    "message": ("메시지", "Message"),
    "verified": ("팝빌에서 확인", "Checked on POPBiLL"),  # batch verify: whether the invoice carries the ID
}

# Pauses between attempts to rename onto a target that refuses (PermissionError). On Windows a file open in
# Excel refuses until it is closed; a virus scanner or a sync client holds a new file for a moment only.
REPLACE_DELAYS: Final[tuple[float, ...]] = (0.1, 0.2, 0.4, 0.8)

# Windows' error numbers (OSError.winerror) that say who refused.
_SHARING: Final = frozenset({32, 33})  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: another program has it open
_VIRUS: Final = frozenset({225, 226})  # ERROR_VIRUS_INFECTED, ERROR_VIRUS_DELETED: a virus scanner's verdict
_DISK_FULL: Final = frozenset({39, 112})  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
# ERROR_CLOUD_FILE_*: a sync client (OneDrive) holds the file, is not running, or is still working on it.
_CLOUD: Final = frozenset({358, *range(362, 367), 374, 375, *range(377, 384), *range(386, 399), 404, 426})
_FILE_ATTRIBUTE_READONLY: Final = 0x1


class ResultsFileError(OSError):
    """The results file cannot be written where asked; nothing was left half-written there.

    `key` is a `messages.CATALOG` key; `describe(lang)` is the sentence for a person. An OSError, so a face
    that catches OSError around an export keeps working (its `strerror` is the English sentence).
    """

    def __init__(self, key: str, path: Path, reason: str = "", errno: int = 0) -> None:
        self.key = key
        self.params: dict[str, object] = {"name": path.name, "path": str(path), "folder": str(path.parent)}
        self.params["reason"] = reason
        super().__init__(errno, self.describe("en"), str(path))

    def describe(self, lang: Lang = "ko") -> str:
        return text(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.describe("en")


class ExportNameError(ResultsFileError, ValueError):
    """An export name that is not .csv or .xlsx ("export.suffix"): a ValueError too, as it always was."""

    def __init__(self, path: Path) -> None:
        super().__init__("export.suffix", path, errno=errno.EINVAL)


def type_word(value: str, lang: Lang = "ko") -> str:
    """A MgtKeyType as a clerk reads it (SELL → 매출 / sales); anything else as it is. The reader takes both back."""
    return text(f"type.{value}", lang) if value in ("SELL", "BUY", "TRUSTEE") else value


def result_table(
    operation: Operation,
    rows: Sequence[InputRow],
    outcomes: dict[int, RowOutcome],
    lang: Lang = "ko",
    columns: Sequence[str] | None = None,
    extra_columns: Sequence[str] = (),
    verified: Mapping[int, str] | None = None,
) -> list[list[object]]:
    """Header and one line per input row, in file order; `columns`: the input's (default: the operation's; a
    file by NTS number shows its numbers and the ItemKeys they were resolved to, `BatchFile.result_columns`), then
    the clerk's own `extra_columns` (`BatchFile.extra_columns`, each row's `extras`), then the outcome.
    `verified`: a last column, what `popbill-cli batch verify` found for each row."""
    given = tuple(columns) if columns is not None else COLUMNS[operation]
    name = 1 if lang == "en" else 0
    header: list[object] = [HEADERS[c][name] for c in ("row", *given)]
    header += [*extra_columns, *(HEADERS[c][name] for c in ("state", "code", "message"))]
    if verified is not None:
        header.append(HEADERS["verified"][name])
    table: list[list[object]] = [header]
    blank = ("",) * len(extra_columns)
    for row in rows:
        outcome = outcomes.get(row.row, RowOutcome(row.row))
        message = outcome.message
        if row.problems and outcome.state in (RowState.SKIPPED, RowState.PENDING):
            message = " ".join(p.describe(lang) for p in row.problems)
        values = [
            type_word(row.values.get(c, ""), lang) if c == "mgt_key_type" else row.values.get(c, "") for c in given
        ]
        extras = (tuple(row.extras) + blank)[: len(extra_columns)]
        code = "" if outcome.code is None else outcome.code
        table.append([row.row, *values, *extras, state_text(outcome.state, lang), code, message])
        if verified is not None:
            table[-1].append(verified.get(row.row, ""))
    return table


def check_results_target(path: str | Path) -> None:
    """Before a batch is sent: refuse a results target that cannot be written now, so nothing is sent for a file
    that will not be written. Raises ValueError (not .csv/.xlsx) or ResultsFileError; changes nothing.

    Catches a folder, a read-only file, a folder that refuses new files, and (on Windows) a file that another
    program holds open for writing, as Excel does. A file opened only later is caught by write_results.
    """
    target = Path(path)
    if export_name_problem(target) is not None:
        raise ExportNameError(target)
    _check_target(target)
    if target.exists():
        try:
            with open(target, "r+b"):  # opened, not written: Windows refuses it while Excel has the file
                pass
        except PermissionError as exc:
            raise refusal(target, exc, creating=False) from exc
        except OSError:
            pass  # anything else: write_results says what is wrong, after the batch
    folder = next((p for p in (target.parent, *target.parent.parents) if p.exists()), None)
    if folder is not None:
        try:
            with tempfile.TemporaryFile(dir=folder):  # the folder takes a new file (then removes it)
                pass
        except OSError as exc:
            raise refusal(target, exc, creating=True) from exc


def write_results(path: str | Path, table: Iterable[Sequence[object]], *, text_columns: Sequence[int] = ()) -> Path:
    """Write `table` to .csv or .xlsx (by the extension), atomically; returns the path written. In Excel, the
    `text_columns` (0-based) are formatted as Text, so that what is typed there later stays as typed.

    Raises ValueError for another extension, ResultsFileError when the file cannot be written there.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if export_name_problem(target) is not None:
        raise ExportNameError(target)
    _check_target(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=suffix)
    except OSError as exc:
        raise refusal(target, exc, creating=True) from exc
    try:
        try:
            if suffix == ".csv":
                with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
                    csv.writer(handle).writerows([csv_cell(v) for v in line] for line in table)
            else:
                os.close(fd)
                _write_xlsx(tmp, table, text_columns)
        except OSError as exc:  # e.g. the disk is full
            raise refusal(target, exc, creating=True) from exc
        _replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _check_target(target: Path) -> None:
    """Refuse at once what no retry can change: a folder, or a file marked read-only."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # missing (the usual case) or unreadable: the write itself says what is wrong
    if stat.S_ISDIR(mode):
        raise ResultsFileError("results.is_folder", target)
    if _read_only(target, mode):
        raise ResultsFileError("results.read_only", target)


def _read_only(target: Path, mode: int | None = None) -> bool:
    """Marked read-only: the owner's write bit is what Windows' read-only attribute and `chmod a-w` both clear."""
    try:
        info = target.stat()
    except OSError:
        return False
    attributes = getattr(info, "st_file_attributes", 0)  # Windows only
    return not (info.st_mode if mode is None else mode) & stat.S_IWUSR or bool(attributes & _FILE_ATTRIBUTE_READONLY)


def _replace(tmp: str, target: Path) -> None:
    """Rename the finished file over the target, retrying briefly while the target refuses."""
    for delay in (*REPLACE_DELAYS, None):
        try:
            os.replace(tmp, target)
            return
        except IsADirectoryError as exc:  # became a folder since _check_target
            raise ResultsFileError("results.is_folder", target, errno=exc.errno or 0) from exc
        except OSError as exc:
            # Windows: open in Excel (access denied, sharing violation), being synced or scanned: often a moment's.
            held = isinstance(exc, PermissionError) or getattr(exc, "winerror", None) in _SHARING | _CLOUD | _VIRUS
            if delay is None or not held:
                raise refusal(target, exc, creating=False) from exc
            time.sleep(delay)


def refusal(target: Path, exc: OSError, *, creating: bool) -> ResultsFileError:
    """What a refused write can tell, as a sentence: `creating` a new file in the target's folder, or replacing
    (opening) the target itself."""
    winerror = getattr(exc, "winerror", None)  # set on Windows only
    if winerror in _CLOUD:
        key = "results.syncing"
    elif winerror in _VIRUS:
        key = "results.scanned"
    elif exc.errno == errno.ENOSPC or winerror in _DISK_FULL:
        key = "results.disk_full"
    elif creating:
        # A folder that exists but answers "not found" or "access denied" to a new file: on Windows, what
        # Controlled folder access (or another security program) does to a program it does not know.
        exists = next((p for p in (target.parent, *target.parent.parents) if p.exists()), None) == target.parent
        protected = winerror is not None and exists and isinstance(exc, FileNotFoundError | PermissionError)
        key = "results.protected_folder" if protected else "results.not_writable"
    elif _read_only(target):
        key = "results.read_only"
    elif isinstance(exc, PermissionError) or winerror in _SHARING:
        key = "results.in_use"
    else:
        key = "results.not_writable"
    return ResultsFileError(key, target, _reason(exc), exc.errno or 0)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _write_xlsx(tmp: str, table: Iterable[Sequence[object]], text_columns: Sequence[int] = ()) -> None:
    # Imported when exporting to Excel only.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("results")
    for column in text_columns:
        # Excel keeps what is typed in a Text column as typed: 18-digit ItemKeys, keys with leading zeros.
        dimension = sheet.column_dimensions[get_column_letter(column + 1)]
        dimension.number_format = "@"
        dimension.width = 24

    def cell(value: object) -> object:
        """A number as it is; anything else as a string cell that Excel shows and never evaluates.

        Keys stay text too: Excel would turn an 18-digit ItemKey into 2.4E+16 (`numeric` says which numbers
        Excel holds exactly).
        """
        if numeric(value):
            return value
        # Control characters cannot be stored in the file at all: each shows as U+FFFD instead.
        content = ILLEGAL_CHARACTERS_RE.sub("\ufffd", "" if value is None else str(value))
        if not (is_formula_like(content) or content.startswith("=") or content in ERROR_CODES):
            return content  # openpyxl writes any other text as a string cell
        typed = WriteOnlyCell(sheet, value=content)  # openpyxl types "=…" as a formula and "#N/A" as an error
        typed.data_type = "s"
        typed.quotePrefix = True  # as if typed with a leading ': editing the cell in Excel keeps it text
        return typed

    for line in table:
        sheet.append([cell(value) for value in line])
    book.save(tmp)
