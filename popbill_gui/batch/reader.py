"""Reading a batch file: CSV or Excel as the clerk sees it, every row validated before anything is sent.

A file that cannot be used as a whole (unreadable, wrong type or encoding, protected, columns missing, no rows, too
big) raises `BatchFileError`: nothing is sent. Otherwise every data row comes back as an `InputRow` with its row
number as the spreadsheet shows it (header = row 1 when it is the first line) and all its problems: the core's
rules for the operation and the file-level ones (duplicates). Whether invalid rows refuse the file or are
skipped is the caller's choice, and so is whether hidden rows are sent (`BatchFile.leave_out_hidden`).

An Excel file is read as Excel shows it (`xlsx.py`): the sheet it opens with, which rows are hidden, and every key
(document ID, ItemKey, NTS number) from a number cell as the text its number format shows (`0000` → 0007), or
refused with what Excel did (digits lost after the 15th, E notation, a date: `core/cells.py`), never changed. The
header is read the clerks' way (`headers.py`); their own columns are kept for the results.

An assign file names its invoices by ItemKey (팝빌번호) or by NTS confirmation number (국세청승인번호), never both (the
two could disagree). Numbers are checked here; the service resolves them to ItemKeys when it plans the batch.

Text files come as UTF-8 (with or without BOM), CP949 (Korean Excel's "CSV") or UTF-16 with BOM (Excel's
"Unicode text", tab-separated); the bytes are decoded explicitly, never with the console's or system's code
page, and bytes that are no text at all (a DRM container) are named as such (`sniff.py`). Records are capped,
blank ones included (MAX_RECORDS), and so are the columns of a row (MAX_COLUMNS).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property
from itertools import islice
from pathlib import Path
from typing import Final

from ..core.cells import general_text, shown_key, undefused
from ..core.messages import Lang, text
from ..core.validation import (
    Problem,
    check_assign,
    check_mgt_key,
    check_mgt_key_type,
    check_nts_confirm_num,
    check_resend,
)
from .errors import BatchFileError
from .headers import ASSUMED_TYPE, Header, read_header, type_value
from .model import COLUMNS, NTS_COLUMNS, NTS_RESULT_COLUMNS, OPERATIONS, InputRow, Operation, RowOutcome, RowState
from .sniff import not_a_text
from .xlsx import MAX_COLUMNS, MAX_RECORDS, Dates, NumberCell, Sheet, too_wide, unreadable

__all__ = ["MAX_BYTES", "MAX_ROWS", "BatchFile", "BatchFileError", "read_batch", "row_list"]

MAX_ROWS: Final = 100_000
MAX_BYTES: Final = 50 * 1024 * 1024
CSV_SUFFIXES: Final = (".csv", ".txt")
XLSX_SUFFIXES: Final = (".xlsx",)
OLD_EXCEL_SUFFIXES: Final = (".xls",)
_SNIFF_CHARS: Final = 8 * 1024  # plenty of lines; csv.Sniffer's regular expressions hold the interpreter meanwhile
_DELIMITERS: Final = ",;\t"
_UTF16_BOMS: Final = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# The columns that name an invoice or a document ID: taken from a number cell only as Excel shows it exactly.
KEY_COLUMNS: Final = frozenset({"mgt_key", "item_key", "nts_confirm_num"})
_ROWS_LISTED: Final = 10  # hidden rows named one by one in a note; the rest counted


@dataclass(frozen=True)
class BatchFile:
    """The rows of one file for one operation, in file order, each with its problems."""

    path: Path
    operation: Operation
    rows: list[InputRow]
    encoding: str | None  # "utf-8-sig", "utf-8", "cp949" or "utf-16" for text files; None for Excel
    # An assign file that names its invoices by NTS confirmation number (NTS_COLUMNS) instead of ItemKey. Its
    # rows carry "item_key" only once the service has resolved them (`service.batches.plan`).
    by_nts: bool = False
    sheet: str | None = None  # the sheet read (the one Excel opens the workbook with); None for text files
    hidden_rows: tuple[int, ...] = ()  # data rows Excel does not show (a filter, by hand, a collapsed outline)
    type_assumed: bool = False  # a resend file without a type column: every row read as SELL (매출)
    extra_columns: tuple[str, ...] = ()  # the clerk's own columns' headers, in order (each row's InputRow.extras)

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns the file gives, in order (what the fingerprint covers)."""
        return NTS_COLUMNS if self.by_nts else COLUMNS[self.operation]

    @property
    def result_columns(self) -> tuple[str, ...]:
        """The columns a results file shows: an NTS file's rows with the ItemKey each number was resolved to."""
        return NTS_RESULT_COLUMNS if self.by_nts else COLUMNS[self.operation]

    # Cached (a frozen dataclass still has a __dict__ for cached_property): the window asks for these on every
    # refresh, and a file may hold 100,000 rows.
    @cached_property
    def invalid_rows(self) -> list[InputRow]:
        """Rows that break a rule (a row only left out by the user's choice is not one of them)."""
        return [row for row in self.rows if row.problems and not row.left_out]

    @cached_property
    def valid_rows(self) -> list[InputRow]:
        return [row for row in self.rows if row.valid]

    def initial_outcomes(self) -> dict[int, RowOutcome]:
        """Every row's outcome before anything is sent, as a new batch journals it: pending, or skipped if invalid."""
        return {row.row: RowOutcome(row.row, RowState.PENDING if row.valid else RowState.SKIPPED) for row in self.rows}

    def fingerprint(self) -> str:
        """Identifies "the same file" for --resume: the operation and every row's number and values, in order.

        The same content read from CSV or from Excel gives the same fingerprint; any changed value, added,
        removed or moved row gives another one (row numbers are included, so a journal keyed by row number
        can never be applied to rows that moved).
        """
        return self._fingerprint

    @cached_property
    def _fingerprint(self) -> str:
        # The SHA-256 of json.dumps([operation, [[row, [values…]], …]]) with compact separators, fed row by row:
        # the same bytes as one dumps of the whole (so journals of earlier versions still match), but a reader
        # thread never holds the interpreter for the whole file at once (the window stays responsive).
        # A file by NTS number is fingerprinted by what it says, the NTS numbers, never by the ItemKeys they
        # resolve to: those come from the network and change meaning once assigned (the number then finds an
        # invoice that has a document ID), so a fingerprint over them could not be computed again to find the
        # batch to resume, which must never resolve again. Its operation is marked, so it never matches an
        # ItemKey file with the same cells.
        columns = self.columns
        kind = f"{self.operation}+nts_confirm_num" if self.by_nts else self.operation
        digest = hashlib.sha256()
        digest.update(("[" + json.dumps(kind, ensure_ascii=False) + ",[").encode("utf-8"))
        for index, row in enumerate(self.rows):
            item = [row.row, [row.values.get(c, "") for c in columns]]
            text = json.dumps(item, ensure_ascii=False, separators=(",", ":"))
            digest.update((("," if index else "") + text).encode("utf-8"))
        digest.update(b"]]")
        return digest.hexdigest()

    def notes(self, lang: Lang = "ko") -> list[str]:
        """What was read or assumed, for the preview and the command line: the sheet, a type assumed, the hidden
        rows, the clerk's own columns kept."""
        notes = [text("batch.note.sheet", lang, sheet=self.sheet)] if self.sheet else []
        if self.type_assumed:
            notes.append(text("batch.note.type_assumed", lang))
        if self.hidden_rows:
            rows = row_list(self.hidden_rows, lang)
            notes.append(text("batch.note.hidden", lang, count=len(self.hidden_rows), rows=rows))
        if self.extra_columns:
            notes.append(text("batch.note.extra", lang, columns=", ".join(self.extra_columns)))
        return notes

    def hidden_rows_text(self, lang: Lang = "ko") -> str:
        """The sentence that asks what to do with the hidden rows (before anything is sent)."""
        rows = row_list(self.hidden_rows, lang)
        return text("batch.hidden_rows", lang, name=self.path.name, count=len(self.hidden_rows), rows=rows)

    def leave_out_hidden(self) -> BatchFile:
        """This file with its hidden rows left out: each carries "batch.hidden_row", so it is skipped (journaled and
        exported as such) and counts neither as valid nor as invalid. The fingerprint stays the same."""
        hidden = set(self.hidden_rows)
        if not hidden:
            return self
        rows = [
            InputRow(row.row, row.values, [Problem("row", "batch.hidden_row"), *row.problems], row.extras)
            if row.row in hidden and not row.left_out
            else row
            for row in self.rows
        ]
        return replace(self, rows=rows)

    @cached_property
    def positions(self) -> dict[int, int]:
        """Spreadsheet row number → position in `rows` (the preview's index)."""
        return {row.row: index for index, row in enumerate(self.rows)}


def read_batch(path: str | Path, operation: Operation) -> BatchFile:
    """Read and validate `path` for `operation`; raises BatchFileError when the file cannot be used at all."""
    if operation not in OPERATIONS:
        raise ValueError(f"unknown operation: {operation!r}")
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in OLD_EXCEL_SUFFIXES:
        raise BatchFileError("batch.xls", {"name": path.name})
    if suffix not in CSV_SUFFIXES + XLSX_SUFFIXES:
        raise BatchFileError("batch.unsupported", {"name": path.name, "suffix": suffix})
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise unreadable(path, exc) from exc
    _check_size(size)

    if suffix in CSV_SUFFIXES:
        data = _read_bytes(path)
        refusal = not_a_text(path, data)
        if refusal is not None:
            raise refusal
        content, encoding = _decode(path, data)
        del data
        return _read(path, operation, _csv_records(content, path.name), encoding=encoding)
    sheet = Sheet(path)
    records = sheet.records()
    try:
        return _read(path, operation, records, sheet=sheet.name)
    finally:
        records.close()  # the sheet's part, if reading stopped early
        sheet.close()


def row_list(rows: Sequence[int], lang: Lang = "ko") -> str:
    """Row numbers for a sentence: the first ten, then how many more ("5, 7, 9 외 3개")."""
    shown = ", ".join(str(row) for row in rows[:_ROWS_LISTED])
    more = len(rows) - _ROWS_LISTED
    return shown if more <= 0 else shown + text("batch.rows_more", lang, count=more)


# ---- the file's bytes and records ----


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        mib = 1024 * 1024
        raise BatchFileError("batch.too_large", {"size_mb": f"{size / mib:.1f}", "limit_mb": MAX_BYTES // mib})


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # the size on disk may have changed, or be unknown (a pipe)
    except OSError as exc:
        raise unreadable(path, exc) from exc
    _check_size(len(data))
    return data


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """UTF-16 when the file starts with its BOM (Excel's "Unicode text"), else UTF-8 (with or without BOM),
    then CP949, all strict: no character is ever guessed."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), "utf-16"  # the BOM says which byte order, and is dropped
        except UnicodeDecodeError:
            raise BatchFileError("batch.encoding", {"name": path.name}) from None
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        return content, "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        return data.decode("cp949"), "cp949"
    except UnicodeDecodeError:
        raise BatchFileError("batch.encoding", {"name": path.name}) from None


def _delimiter(content: str) -> str:
    """The delimiter csv.Sniffer finds in a sample (comma, semicolon or tab), checked against the header line."""
    sample = content[:_SNIFF_CHARS]
    if len(content) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]  # whole lines only
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        delimiter = ","
    # The header holds at least three columns, so its delimiter must appear in its line; the Sniffer can be
    # misled by a few rows (e.g. commas inside values), the header line cannot.
    header = next((line for line in sample.splitlines() if line.strip(" \t,;")), "")
    if header and delimiter not in header:
        counts = {d: header.count(d) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        delimiter = best if counts[best] else ","
    return delimiter


Records = Iterator[tuple[int, Sequence[object], bool]]  # (row number, cells, hidden)


def _csv_records(content: str, name: str) -> Records:
    """(row number, cells, False) per CSV record; a blank line is a record too, so numbers match Excel's rows.

    A cell that an export protected from running as a formula (a leading ' before =, +, -, @) is read as the
    value it protects, so a results file can be fed back in. Records beyond MAX_RECORDS and values beyond
    MAX_COLUMNS refuse the file; empty cells beyond it (Excel writes a wide sheet's commas) are dropped.
    """
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=_delimiter(content), quotechar='"')
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            if len(record) > MAX_COLUMNS:
                if any(islice(record, MAX_COLUMNS, None)):
                    column = next(i for i, cell in enumerate(record) if i >= MAX_COLUMNS and cell) + 1
                    raise too_wide(name, number, column)
                del record[MAX_COLUMNS:]
            if number > MAX_RECORDS and any(record):
                raise BatchFileError("batch.too_many_records", {"name": name, "row": number, "limit": MAX_RECORDS})
            yield number, [undefused(cell) for cell in record], False
    except csv.Error as exc:
        raise BatchFileError("batch.bad_csv", {"row": number + 1, "reason": str(exc)}) from exc


# ---- cells as the clerk sees them ----


def _cell_text(value: object) -> str:
    """A cell as text, as Excel shows it: trimmed; a number as General shows it, a date as ISO, None as ''."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value).upper()  # as Excel shows it: TRUE / FALSE
    if isinstance(value, NumberCell):
        return general_text(value.value)
    if isinstance(value, int | float):
        return general_text(value)
    if isinstance(value, Dates):
        return _date_text(value)
    return str(value).strip()


def _date_text(value: object) -> str:
    if isinstance(value, datetime) and not (value.hour or value.minute or value.second or value.microsecond):
        return value.date().isoformat()
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _key_text(column: str, value: object) -> tuple[str, Problem | None]:
    """A key cell as the text Excel shows, or that text and why it cannot be sent as it is (never changed)."""
    if type(value) is str:  # nearly every cell of nearly every file
        return value.strip(), None
    if isinstance(value, NumberCell) or (isinstance(value, int | float) and not isinstance(value, bool)):
        number, number_format = (
            (value.value, value.number_format) if isinstance(value, NumberCell) else (value, "General")
        )
        shown = shown_key(number, number_format)
        problem = None if shown.refusal is None else Problem(column, shown.refusal, shown.params)
        return shown.text, problem
    if isinstance(value, Dates):
        shown_text = _date_text(value)
        return shown_text, Problem(column, "cell.date", {"shown": shown_text})
    return _cell_text(value), None


def _extra(value: object) -> object:
    """A clerk's own cell for the results: text as it is, a number kept a number, a date as ISO text."""
    if value is None:
        return ""
    if isinstance(value, NumberCell):
        return value.value
    if isinstance(value, Dates):
        return _date_text(value)
    if isinstance(value, bool):
        return str(value).upper()
    return value


# ---- header, rows and rules ----


def _read(
    path: Path, operation: Operation, records: Records, *, encoding: str | None = None, sheet: str | None = None
) -> BatchFile:
    header: Header | None = None
    read: list[tuple[int, dict[str, str], list[Problem], tuple[object, ...]]] = []
    hidden: list[int] = []
    for number, cells, is_hidden in records:
        if all(_cell_text(cell) == "" for cell in cells):
            continue  # a fully empty row: skipped, but still counted in the numbering
        if header is None:
            header = read_header(cells, operation)
            continue
        if len(read) >= MAX_ROWS:
            raise BatchFileError("batch.too_many_rows", {"limit": MAX_ROWS})
        values, problems = _row(operation, header, cells)
        extras = tuple(_extra(cells[i]) if i < len(cells) else "" for i, _ in header.extras) if header.extras else ()
        read.append((number, values, problems, extras))
        if is_hidden:
            hidden.append(number)
    if header is None or not read:
        raise BatchFileError("batch.empty", {"name": path.name})
    _duplicates(operation, [(number, _compared(values, problems), problems) for number, values, problems, _ in read])
    rows = [InputRow(row=number, values=v, problems=p, extras=e) for number, v, p, e in read]
    return BatchFile(
        path=path,
        operation=operation,
        rows=rows,
        encoding=encoding,
        by_nts=header.by_nts,
        sheet=sheet,
        hidden_rows=tuple(hidden),
        type_assumed=header.type_assumed,
        extra_columns=tuple(name for _, name in header.extras),
    )


def _row(operation: Operation, header: Header, cells: Sequence[object]) -> tuple[dict[str, str], list[Problem]]:
    """One data row's values (as the clerk sees them) and its problems: a key cell Excel changed, then the rules."""
    values: dict[str, str] = {}
    refused: list[Problem] = []
    for column in header.wanted(operation):
        index = header.columns.get(column)
        raw = cells[index] if index is not None and index < len(cells) else None
        if column in KEY_COLUMNS:
            values[column], problem = _key_text(column, raw)
            if problem is not None:
                refused.append(problem)
        else:
            values[column] = _cell_text(raw)
    values["mgt_key_type"] = ASSUMED_TYPE if header.type_assumed else type_value(values["mgt_key_type"])
    problems = _rules(operation, values)
    if refused:  # what Excel did says it all: the rules' words about the same cell would only confuse
        fields = {problem.field for problem in refused}
        problems = [problem for problem in problems if problem.field not in fields] + refused
    return values, problems


def _compared(values: dict[str, str], problems: list[Problem]) -> dict[str, str]:
    """The values the duplicate check compares: a key Excel changed (its cell refused) is no key to compare."""
    if not problems:
        return values
    refused = {problem.field for problem in problems if problem.key.startswith("cell.")}
    return {c: "" if c in refused else v for c, v in values.items()} if refused else values


def _rules(operation: Operation, values: dict[str, str]) -> list[Problem]:
    if operation == "resend_email":
        return check_resend(values["mgt_key_type"], values["mgt_key"], values["receiver"])
    if "nts_confirm_num" in values:
        # Checked here, as the file is read; resolved to an ItemKey only when the batch is planned.
        nts = check_nts_confirm_num(values["nts_confirm_num"]).problems
        return nts + check_mgt_key_type(values["mgt_key_type"]) + check_mgt_key(values["mgt_key"])
    return check_assign(values["item_key"], values["mgt_key_type"], values["mgt_key"])


def _duplicates(operation: Operation, read: list[tuple[int, dict[str, str], list[Problem]]]) -> None:
    """File-level rules: a Problem on each later duplicate, naming the row where the value first appeared.

    MgtKeys and addresses are compared ignoring case: two keys or mailboxes differing only in case are
    almost certainly the same one typed twice.
    """
    if operation == "assign_mgt_key":
        item_keys: dict[str, int] = {}
        nts_numbers: dict[str, int] = {}
        mgt_keys: dict[tuple[str, str], int] = {}
        for number, values, problems in read:
            item_key = values.get("item_key", "")
            if item_key:
                first = item_keys.setdefault(item_key, number)
                if first != number:
                    problems.append(Problem("item_key", "batch.duplicate_item_key", {"first_row": first}))
            # The same number with or without hyphens is the same invoice.
            nts = check_nts_confirm_num(values["nts_confirm_num"]).value if "nts_confirm_num" in values else ""
            if nts:
                first = nts_numbers.setdefault(nts, number)
                if first != number:
                    problems.append(Problem("nts_confirm_num", "batch.duplicate_nts", {"first_row": first}))
            if values["mgt_key"]:
                key = (values["mgt_key_type"], values["mgt_key"].casefold())
                first = mgt_keys.setdefault(key, number)
                if first != number:
                    problems.append(Problem("mgt_key", "batch.duplicate_mgt_key", {"first_row": first}))
    else:
        requests: dict[tuple[str, str, str], int] = {}
        for number, values, problems in read:
            if not (values["mgt_key"] and values["receiver"]):
                continue
            request = (values["mgt_key_type"], values["mgt_key"].casefold(), values["receiver"].casefold())
            first = requests.setdefault(request, number)
            if first != number:
                problems.append(Problem("receiver", "batch.duplicate_request", {"first_row": first}))
