"""Reading a batch file: CSV or Excel, every row validated before anything is sent.

A file that cannot be used as a whole (unreadable, wrong type or encoding, columns missing, no rows, too big)
raises `BatchFileError`: nothing is sent. Otherwise every data row comes back as an `InputRow` with its row
number as the spreadsheet shows it (header = row 1 when it is the first line) and all its problems: the core's
rules for the operation and the file-level ones (duplicates). Whether invalid rows refuse the file or are
skipped is the caller's choice.

An assign file names its invoices by ItemKey (팝빌번호) or by NTS confirmation number (국세청승인번호), never both (the
two could disagree). Numbers are checked here; the service resolves them to ItemKeys when it plans the batch.

Text files come as UTF-8 (with or without BOM), CP949 (Korean Excel's "CSV") or UTF-16 with BOM (Excel's
"Unicode text", tab-separated); the bytes are decoded explicitly, never with the console's or system's code
page. An .xlsx is a zip archive: its directory is checked before openpyxl inflates anything (`_check_unpacked`).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import math
import zipfile
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Final

from ..core.cells import undefused
from ..core.messages import Lang, text
from ..core.validation import (
    Problem,
    check_assign,
    check_mgt_key,
    check_mgt_key_type,
    check_nts_confirm_num,
    check_resend,
)
from .model import COLUMNS, NTS_COLUMNS, NTS_RESULT_COLUMNS, OPERATIONS, InputRow, Operation, RowOutcome, RowState

MAX_ROWS: Final = 100_000
MAX_BYTES: Final = 50 * 1024 * 1024
CSV_SUFFIXES: Final = (".csv", ".txt")
XLSX_SUFFIXES: Final = (".xlsx",)
_SNIFF_CHARS: Final = 8 * 1024  # plenty of lines; csv.Sniffer's regular expressions hold the interpreter meanwhile
_DELIMITERS: Final = ",;\t"
# A number cell of 16 digits or more has passed through a double: Excel keeps only 15 significant digits.
_EXACT_DIGITS_BELOW: Final = 1e15
# An .xlsx unpacked: the largest list the reader takes (MAX_ROWS rows, ten columns of distinct text) unpacks to
# about 64 MiB; a "zip bomb" of 246 KB unpacked to 100 MB of shared strings (39 s, 587 MB of memory). Real
# spreadsheet parts inflate 5 to 20 times; above MAX_PACKED_RATIO (Apache POI's zip-bomb limit) only a crafted
# part does, and parts below _RATIO_FLOOR are too small to matter whatever their ratio.
MAX_UNPACKED: Final = 128 * 1024 * 1024
MAX_PACKED_RATIO: Final = 100
_RATIO_FLOOR: Final = 1024 * 1024
_UTF16_BOMS: Final = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# Canonical column → its header names (English, Korean), as the messages name them.
HEADER_NAMES: Final[dict[str, tuple[str, str]]] = {
    "mgt_key_type": ("MgtKeyType", "문서유형"),
    "mgt_key": ("MgtKey", "문서번호"),
    "receiver": ("Receiver", "수신메일"),
    "item_key": ("ItemKey", "팝빌번호"),
    "nts_confirm_num": ("NTSConfirmNum", "국세청승인번호"),  # assign files: instead of ItemKey
}
_ALIASES: Final[dict[str, str]] = {name.casefold(): column for column, names in HEADER_NAMES.items() for name in names}
# Other ways clerks head a column: the window's own labels and common variants. Compared without case, spaces, dots,
# dashes and underscores, whole or either side of a parenthesis ("문서번호(MgtKey)"); a name above always wins.
HEADER_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "mgt_key_type": ("문서유형", "문서 유형", "유형", "세금계산서 유형", "Type", "Invoice type", "MgtKey type"),
    "mgt_key": ("문서번호", "문서 번호", "문서관리번호", "관리번호", "Document ID", "Document number", "Mgt Key"),
    "receiver": (
        "수신메일", "수신 이메일", "수신 메일", "수신자 이메일", "수신자", "이메일", "이메일 주소", "메일 주소",
        "받는 사람", "받는 사람 이메일", "E-mail", "Email address", "Mail", "Receiver e-mail", "Receiver address",
    ),
    "item_key": ("팝빌번호", "팝빌 번호", "Item Key", "POPBiLL ItemKey"),
    "nts_confirm_num": ("국세청 승인번호", "승인번호", "NTS confirmation number", "NTS number", "NTS Confirm Num"),
}  # fmt: skip
# MgtKeyType values written the clerks' way (any case; "매출 (SELL)" as the window shows it).
TYPE_ALIASES: Final[dict[str, str]] = {
    "sell": "SELL", "매출": "SELL", "sales": "SELL",
    "buy": "BUY", "매입": "BUY", "purchase": "BUY",
    "trustee": "TRUSTEE", "위수탁": "TRUSTEE", "consignment": "TRUSTEE",
}  # fmt: skip
_TYPES: Final = frozenset(TYPE_ALIASES.values())


def _loose(text: str) -> list[str]:
    """`text` compared loosely: whole, then before and inside a parenthesis; no case, spaces, . - _ or :."""
    def squeeze(part: str) -> str:
        return "".join(c for c in part.casefold() if not c.isspace() and c not in ".-_:")

    whole = squeeze(text)
    head, _, rest = text.partition("(")
    return [whole, squeeze(head), squeeze(rest.partition(")")[0])] if rest else [whole]


_LOOSE_ALIASES: Final[dict[str, str]] = {
    key: column for column, names in HEADER_ALIASES.items() for name in names for key in _loose(name)[:1]
} | {key: column for column, names in HEADER_NAMES.items() for name in names for key in _loose(name)[:1]}


def type_value(value: str) -> str:
    """A MgtKeyType as written in a file, as POPBiLL names it when it is one of the clerks' ways ("매출" → "SELL");
    anything else unchanged (the rules then name it)."""
    if value in _TYPES:  # as POPBiLL names it already: most rows of most files
        return value
    return next((TYPE_ALIASES[key] for key in _loose(value) if key in TYPE_ALIASES), value)


class BatchFileError(Exception):
    """The file as a whole cannot be used: nothing is sent. `key` is a `messages.CATALOG` key."""

    def __init__(self, key: str, params: dict[str, object] | None = None, *, also: str | None = None) -> None:
        super().__init__(key, params or {})
        self.key = key
        self.params: dict[str, object] = dict(params or {})
        self.also = also  # a second sentence (a catalog key) that helps, e.g. another column that would do

    def describe(self, lang: Lang = "ko") -> str:
        params = dict(self.params)
        if "operation" in params:  # the operation the file fits, named in the sentence's language
            params["other"] = text(f"batch.operation.{params['operation']}", lang)
        sentence = text(self.key, lang, **params)
        return sentence if self.also is None else f"{sentence} {text(self.also, lang, **params)}"

    def __str__(self) -> str:
        return self.describe("en")


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
        return [row for row in self.rows if not row.valid]

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
    if suffix not in CSV_SUFFIXES + XLSX_SUFFIXES:
        raise BatchFileError("batch.unsupported", {"name": path.name, "suffix": suffix})
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    _check_size(size)

    encoding: str | None
    if suffix in CSV_SUFFIXES:
        content, encoding = _decode(path, _read_bytes(path))
        records = _csv_records(content)
    else:
        encoding = None
        records = _xlsx_records(path)
    try:
        rows, by_nts = _rows(records, operation, path.name)
    finally:
        records.close()  # an Excel workbook stays open until its generator is closed
    return BatchFile(path=path, operation=operation, rows=rows, encoding=encoding, by_nts=by_nts)


# ---- the file's bytes and records ----


def _unreadable(path: Path, exc: OSError) -> BatchFileError:
    return BatchFileError("batch.unreadable", {"name": path.name, "reason": exc.strerror or str(exc)})


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        mib = 1024 * 1024
        raise BatchFileError("batch.too_large", {"size_mb": f"{size / mib:.1f}", "limit_mb": MAX_BYTES // mib})


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # the size on disk may have changed, or be unknown (a pipe)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
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


Records = Generator[tuple[int, Sequence[object]], None, None]


def _csv_records(content: str) -> Records:
    """(row number, cells) per CSV record; a blank line is a record too, so numbers match Excel's rows.

    A cell that an export protected from running as a formula (a leading ' before =, +, -, @) is read as the
    value it protects, so a results file can be fed back in.
    """
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=_delimiter(content), quotechar='"')
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            yield number, [undefused(cell) for cell in record]
    except csv.Error as exc:
        raise BatchFileError("batch.bad_csv", {"row": number + 1, "reason": str(exc)}) from exc


def _xlsx_records(path: Path) -> Records:
    """(row number, cell values) per row of the first sheet; openpyxl yields missing rows as empty ones."""
    # Imported on first use: the window's start-up need not wait for openpyxl.
    from openpyxl import load_workbook

    _check_unpacked(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    except Exception as exc:  # a damaged or foreign file fails in many ways inside openpyxl
        raise _bad_xlsx(path, exc) from exc
    try:
        sheets = workbook.worksheets
        if not sheets:
            return
        sheet = sheets[0]
        # The stored dimension may be wrong (files from other programs); without it every row is read.
        reset = getattr(sheet, "reset_dimensions", None)
        if reset is not None:
            reset()
        try:
            yield from enumerate(sheet.iter_rows(values_only=True), start=1)
        except Exception as exc:  # as above, while the sheet's XML is parsed row by row
            raise _bad_xlsx(path, exc) from exc
    finally:
        workbook.close()


def _check_unpacked(path: Path) -> None:
    """Refuse an .xlsx whose zip directory announces more than a list of invoices unpacks to.

    The sizes in the directory bound what can be read: zipfile stops each part at its announced size (and a
    part that holds more then fails its CRC check), so a directory cannot understate a bomb.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    except Exception as exc:  # not a zip archive, or a damaged one: zipfile fails in several ways
        raise _bad_xlsx(path, exc) from exc
    mib = 1024 * 1024
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED:
        params = {"name": path.name, "size_mb": f"{total / mib:.0f}", "limit_mb": MAX_UNPACKED // mib}
        raise BatchFileError("batch.xlsx_too_large", params)
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > _RATIO_FLOOR and ratio > MAX_PACKED_RATIO:
            size_mb = f"{part.file_size / mib:.0f}"
            params = {"name": path.name, "part": part.filename, "size_mb": size_mb, "ratio": int(ratio)}
            raise BatchFileError("batch.xlsx_packed", params)


def _bad_xlsx(path: Path, exc: Exception) -> BatchFileError:
    return BatchFileError("batch.bad_xlsx", {"name": path.name, "reason": f"{type(exc).__name__}: {exc}"})


def _cell_text(value: object) -> str:
    """A cell as text, trimmed; a whole number without '.0' or exponent, None as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()  # as Excel shows it: TRUE / FALSE
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    return str(value).strip()


def _imprecise_number(value: object) -> bool:
    """A number cell whose digits after the 15th may have been lost (Excel and openpyxl store a double)."""
    return isinstance(value, float) and math.isfinite(value) and abs(value) >= _EXACT_DIGITS_BELOW


# ---- header, rows and rules ----


def _header_text(value: object) -> str:
    return _cell_text(value).strip("\ufeff\u200b").strip().casefold()


def _header_column(cell: object) -> tuple[str, int] | None:
    """The canonical column a header cell names and how surely: 0 by one of HEADER_NAMES, 1 by an alias."""
    column = _ALIASES.get(_header_text(cell))
    if column is not None:
        return column, 0
    text = _cell_text(cell).strip("\ufeff\u200b")
    return next(((_LOOSE_ALIASES[key], 1) for key in _loose(text) if key in _LOOSE_ALIASES), None)


def _columns(cells: Sequence[object], operation: Operation) -> tuple[dict[str, int], bool]:
    """Canonical column → its index, from the header row, and whether an assign file names its invoices by NTS
    confirmation number; refuses a column named twice, a missing one, or both ways of naming the invoice, and says
    so when the columns are those of the other operation."""
    found: dict[str, int] = {}
    headers: dict[str, list[str]] = {}
    ranks: dict[str, int] = {}
    for index, cell in enumerate(cells):
        named = _header_column(cell)
        if named is None:
            continue  # an unknown or empty header cell: the column is ignored
        column, rank = named
        if rank > ranks.get(column, rank):
            continue  # an alias where the column's own name is in the header too
        if rank < ranks.get(column, rank):  # the column's own name after an alias: the alias is dropped
            del headers[column], found[column]
        ranks[column] = rank
        headers.setdefault(column, []).append(_cell_text(cell))
        found.setdefault(column, index)
    for column, names in headers.items():
        if len(names) > 1:
            raise BatchFileError(
                "batch.duplicate_column",
                {"column": _both_names(column), "headers": ", ".join(repr(n) for n in names)},
            )
    by_nts = operation == "assign_mgt_key" and "nts_confirm_num" in found
    if by_nts and "item_key" in found:
        # Two answers to "which invoice?" that may disagree: the file must choose one.
        params: dict[str, object] = {"item_key": headers["item_key"][0], "nts": headers["nts_confirm_num"][0]}
        raise BatchFileError("batch.both_id_columns", params)
    wanted = NTS_COLUMNS if by_nts else COLUMNS[operation]
    missing = [column for column in wanted if column not in found]
    other = next(op for op in OPERATIONS if op != operation)
    ways = (COLUMNS[other], NTS_COLUMNS) if other == "assign_mgt_key" else (COLUMNS[other],)
    fits = next((way for way in ways if all(column in found for column in way)), None)
    if missing and fits is not None:
        columns = ", ".join(_both_names(c) for c in fits)
        raise BatchFileError("batch.other_operation", {"columns": columns, "operation": other, "missing": missing})
    if missing:
        also = "batch.nts_instead" if "item_key" in missing else None
        raise BatchFileError(
            "batch.missing_columns",
            {"columns": ", ".join(_both_names(c) for c in missing), "missing": missing},
            also=also,
        )
    return found, by_nts


def _both_names(column: str) -> str:
    english, korean = HEADER_NAMES[column]
    return f"{english}/{korean}"


# A key column read from a number cell: the sentence that says Excel may have lost its digits.
_NUMBER_CELL: Final = {"item_key": "batch.item_key_number", "nts_confirm_num": "batch.nts_number"}


def _rows(records: Records, operation: Operation, name: str) -> tuple[list[InputRow], bool]:
    columns: dict[str, int] | None = None
    by_nts = False
    wanted = COLUMNS[operation]
    read: list[tuple[int, dict[str, str], list[Problem]]] = []
    for number, cells in records:
        if all(_cell_text(cell) == "" for cell in cells):
            continue  # a fully empty row: skipped, but still counted in the numbering
        if columns is None:
            columns, by_nts = _columns(cells, operation)
            wanted = NTS_COLUMNS if by_nts else COLUMNS[operation]
            continue
        if len(read) >= MAX_ROWS:
            raise BatchFileError("batch.too_many_rows", {"limit": MAX_ROWS})
        raw = {c: (cells[i] if i < len(cells) else None) for c, i in columns.items() if c in wanted}
        values = {c: _cell_text(raw[c]) for c in wanted}
        values["mgt_key_type"] = type_value(values["mgt_key_type"])
        problems = _rules(operation, values)
        for column, key in _NUMBER_CELL.items():
            if column in raw and _imprecise_number(raw[column]):
                problems.append(Problem(column, key))
        read.append((number, values, problems))
    if not read:
        raise BatchFileError("batch.empty", {"name": name})
    _duplicates(operation, read)
    return [InputRow(row=number, values=values, problems=problems) for number, values, problems in read], by_nts


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
