"""An .xlsx read as Excel shows it, within bounds: the sheet Excel opens with, its rows and which of them are hidden,
every number with its number format, and nothing beyond what an invoice list could hold.

The sheet is the workbook's active sheet (the first when none is set), refused when it is hidden: a workbook whose
list sits on a visible second sheet behind a hidden first one is read as the clerk sees it, never the hidden one.
A row is hidden when Excel does not show it: by a filter, by hand, in a collapsed outline (all `hidden="1"`) or
with no height; the reader records which, and the caller chooses whether they are sent.

Bounds, each checked before openpyxl spends time or memory on what lies beyond them (a hostile file is refused in
well under a second; reading a real list costs a few per cent more):
- the zip directory: what the parts unpack to, in all and per part against their packed size (`check_archive`);
- the shared strings (every text of the workbook, in one part): the part's size from the directory, their count
  (MAX_SHARED_STRINGS) from a scan of the inflated bytes, then read here by a streaming parser instead of by
  openpyxl, which makes an object of each string and keeps them all (7.4 million one-letter strings in a 1.4 MB
  file: 58 s and 705 MiB);
- the sheet: its XML is scanned before it is parsed, counting row elements (MAX_RECORDS, empty ones included),
  cells per row (MAX_CELLS_PER_ROW) and cells in all (MAX_CELLS); rows are then taken sparsely, never padded to the
  widest row (openpyxl pads every row of a sheet with one cell at column XFD to 16,384 cells); a value beyond
  MAX_COLUMNS or below row MAX_RECORDS refuses the file, an empty cell there is ignored.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Generator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import IO, Any, Final, NamedTuple

from .errors import BatchFileError
from .sniff import not_an_xlsx

# An .xlsx unpacked: the largest list the reader takes (MAX_ROWS rows, ten columns of distinct text) unpacks to
# about 64 MiB; a "zip bomb" of 246 KB unpacked to 100 MB of shared strings (39 s, 587 MB of memory). Real
# spreadsheet parts inflate 5 to 20 times; above MAX_PACKED_RATIO (Apache POI's zip-bomb limit) only a crafted
# part does, and parts below _RATIO_FLOOR are too small to matter whatever their ratio.
MAX_UNPACKED: Final = 128 * 1024 * 1024
MAX_PACKED_RATIO: Final = 100
_RATIO_FLOOR: Final = 1024 * 1024
# The shared strings of a 100,000-row list with ten columns of distinct text: a million strings, about 40 MiB.
MAX_SHARED_STRINGS: Final = 1_000_000
MAX_STRINGS_BYTES: Final = 64 * 1024 * 1024
# Rows: the data-row limit (reader.MAX_ROWS) and room for a title, a header lower down and blank lines.
MAX_RECORDS: Final = 101_000
MAX_COLUMNS: Final = 1_000  # a value further right refuses the file; Excel 2003 stopped at 256
MAX_CELLS_PER_ROW: Final = 2 * MAX_COLUMNS  # cell elements in one row, empty ones included
MAX_CELLS: Final = 5_000_000  # 100,000 rows of 50 columns

_NS: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_SI, _T, _R = f"{_NS}si", f"{_NS}t", f"{_NS}r"
# Excel's built-in East Asian date and time formats (27-36, 50-58): the file names them by number only, and
# openpyxl does not know them as dates, so Korean Excel's 2026년 11월 30일 would come as the number 46356.
_EAST_ASIAN_DATES: Final = frozenset((*range(27, 37), *range(50, 59)))
_BUILTIN_LIMIT: Final = 164  # numFmtId from which a workbook's own formats are numbered
# A row or cell element's start, with any namespace prefix; <rowBreaks>, <col>, <cfRule> and the like do not match.
_TAG: Final = re.compile(rb"<(?:[A-Za-z_][\w.\-]{0,30}:)?(row|c)[\s/>]")
_TAG_ROOM: Final = 40  # bytes kept between chunks: a tag cut by a chunk's end is scanned whole in the next
_SI_TAG: Final = re.compile(rb"<(?:[A-Za-z_][\w.\-]{0,30}:)?si[\s/>]")  # a shared string's start


class NumberCell(NamedTuple):
    """A number cell: its value and its number format ("General", "0000", …), so a key is read as Excel shows it."""

    value: int | float
    number_format: str


Dates = (datetime, date, time, timedelta)


def check_archive(path: Path) -> None:
    """Refuse an .xlsx whose zip directory announces more than a list of invoices unpacks to, and one that is no zip
    archive at all, saying what it is when its bytes tell (protected, encrypted with a password, an old .xls).

    The sizes in the directory bound what can be read: zipfile stops each part at its announced size (and a
    part that holds more then fails its CRC check), so a directory cannot understate a bomb.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except OSError as exc:
        raise unreadable(path, exc) from exc
    except Exception as exc:  # not a zip archive, or a damaged one: zipfile fails in several ways
        raise _not_a_zip(path, exc) from exc
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


def _not_a_zip(path: Path, exc: Exception) -> BatchFileError:
    from .reader import MAX_BYTES  # the size was checked against it before

    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES)
    except OSError as error:
        return unreadable(path, error)
    return not_an_xlsx(path, data) or bad_xlsx(path, exc)


def unreadable(path: Path, exc: OSError) -> BatchFileError:
    return BatchFileError("batch.unreadable", {"name": path.name, "reason": exc.strerror or str(exc)})


def bad_xlsx(path: Path, exc: Exception) -> BatchFileError:
    return BatchFileError("batch.bad_xlsx", {"name": path.name, "reason": f"{type(exc).__name__}: {exc}"})


def count_strings(source: IO[bytes], name: str) -> int:
    """How many shared strings the part holds, counted in its inflated bytes as they stream (a million in about a
    tenth of a second); refused beyond MAX_SHARED_STRINGS."""
    count = 0
    tail = b""
    while chunk := source.read(1024 * 1024):
        data = tail + chunk
        # Up to the last "<" near the end: a tag cut by the chunk's end starts there and is counted whole next time.
        cut = data.rfind(b"<", max(0, len(data) - _TAG_ROOM))
        cut = len(data) if cut < 0 else cut
        count += len(_SI_TAG.findall(data, 0, cut))
        tail = data[cut:]
        if count > MAX_SHARED_STRINGS:
            raise BatchFileError("batch.too_many_strings", {"name": name, "limit": MAX_SHARED_STRINGS})
    return count + len(_SI_TAG.findall(tail))


def read_strings(source: IO[bytes], name: str) -> list[str]:
    """The shared strings, as openpyxl reads them (a string's plain text and its runs' text, no phonetic guide), read
    as they stream and refused beyond MAX_SHARED_STRINGS."""
    from xml.etree import ElementTree  # here, not at the top: a CSV batch (and popbill-cli's start-up) never needs it

    strings: list[str] = []
    # Python's expat (2.4 and later) limits entity expansion, and ElementTree resolves no external entity: the XML
    # attacks S314 warns of do not apply; a big file is what the count stops.
    events = ElementTree.iterparse(source, events=("start", "end"))  # noqa: S314
    _, root = next(events)
    for event, element in events:
        if event != "end" or element.tag != _SI:
            continue
        plain = element.findtext(_T) or ""
        runs = "".join(run.findtext(_T) or "" for run in element.iterfind(_R))
        strings.append((plain + runs).replace("x005F_", ""))  # openpyxl's own unescaping, kept as it was
        if len(strings) > MAX_SHARED_STRINGS:
            raise BatchFileError("batch.too_many_strings", {"name": name, "limit": MAX_SHARED_STRINGS})
        root.clear()  # the strings read so far are in the list: their elements need not stay
    return strings


class _ScannedSheet:
    """The sheet's XML read in chunks, its row and cell elements counted (refused past a bound) as they come."""

    def __init__(self, source: IO[bytes], name: str) -> None:
        self._source = source
        self._name = name
        self._tail = b""
        self.rows = 0
        self.cells = 0
        self._in_row = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self._source.read(size if size and size > 0 else 64 * 1024)
        data = self._tail + chunk
        end = max(0, len(data) - _TAG_ROOM) if chunk else len(data)
        for match in _TAG.finditer(data):
            if match.start() >= end:
                break
            if match.group(1) == b"row":
                self.rows += 1
                self._in_row = 0
                if self.rows > MAX_RECORDS:
                    raise BatchFileError(
                        "batch.too_many_records", {"name": self._name, "row": self.rows, "limit": MAX_RECORDS}
                    )
                continue
            self.cells += 1
            self._in_row += 1
            if self._in_row > MAX_CELLS_PER_ROW:
                raise BatchFileError("batch.row_too_many_cells", {"name": self._name, "limit": MAX_CELLS_PER_ROW})
            if self.cells > MAX_CELLS:
                raise BatchFileError("batch.too_many_cells", {"name": self._name, "limit": MAX_CELLS})
        self._tail = data[end:]
        return chunk

    def close(self) -> None:
        self._source.close()


class Sheet:
    """The sheet Excel opens the workbook with, open for reading its rows; close() when done."""

    def __init__(self, path: Path) -> None:
        check_archive(path)
        self.path = path
        # openpyxl's read-only workbook; its internals used here (the archive, the sheet's part, the styles) have no
        # public access in read-only mode, hence Any.
        self._book: Any = _load(path)
        self._sheet: Any = None
        try:
            self.name = self._choose()
        except BaseException:
            self._book.close()
            raise
        self._formats: dict[int, str | None] = {}

    def close(self) -> None:
        self._book.close()

    def _choose(self) -> str:
        """The active sheet's name; refused when Excel would not show it as a sheet of cells."""
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet

        book = self._book
        sheet = book.active
        if sheet is None:  # an active index past the sheets: Excel shows the first
            sheet = book._sheets[0] if book._sheets else None  # worksheets and chartsheets, in order
        if sheet is None:
            return ""
        params: dict[str, object] = {"name": self.path.name, "sheet": sheet.title}
        if sheet.sheet_state != "visible":
            first = book.sheetnames[0] == sheet.title
            raise BatchFileError("batch.first_sheet_hidden" if first else "batch.sheet_hidden", params)
        if not isinstance(sheet, ReadOnlyWorksheet):
            raise BatchFileError("batch.sheet_not_table", params)
        self._sheet = sheet
        return str(sheet.title)

    def records(self) -> Generator[tuple[int, list[object], bool], None, None]:
        """(row number, values, hidden) per row element that holds a value, in order. Values run to the last
        non-empty cell: None for an empty one, numbers as NumberCell, dates as datetime/date/time/timedelta."""
        from openpyxl.worksheet._reader import WorkSheetParser

        sheet = self._sheet
        if sheet is None:
            return
        book = self._book
        name = self.path.name
        # The sheet's rows and cells counted first, at the speed of a regular expression over the inflated XML
        # (about 3% of the time the parse takes), so a sheet past a bound is refused before any of it is parsed.
        scan = _ScannedSheet(book._archive.open(sheet._worksheet_path), name)
        try:
            while scan.read(256 * 1024):
                pass
        finally:
            scan.close()
        # openpyxl's parser turns each cell's XML into its value (shared strings, numbers, dates by their format,
        # booleans, errors); its read-only worksheet around it would pad rows and hide row attributes.
        source = book._archive.open(sheet._worksheet_path)
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,  # ours, read by read_strings
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        try:
            for number, cells in parser.parse():
                attributes = parser.row_dimensions.pop(str(number), None)
                values: list[object] = []
                for cell in cells:
                    value = cell["value"]
                    if value is None or value == "":
                        continue
                    column = cell["column"]
                    if column > MAX_COLUMNS:
                        raise too_wide(name, number, column)
                    if number > MAX_RECORDS:
                        params = {"name": name, "row": number, "limit": MAX_RECORDS}
                        raise BatchFileError("batch.too_many_records", params)
                    if cell["data_type"] == "n" and not isinstance(value, bool):
                        value = self._number(value, cell["style_id"])
                    if column > len(values):
                        values.extend([None] * (column - len(values)))
                    values[column - 1] = value
                if values:
                    yield number, values, _hidden(attributes)
        except BatchFileError:
            raise
        except Exception as exc:  # a damaged or foreign sheet fails in many ways inside the parser
            raise bad_xlsx(self.path, exc) from exc
        finally:
            source.close()

    def _number(self, value: int | float, style_id: int) -> object:
        code = self._formats.get(style_id, "")
        if code == "":
            code = self._formats[style_id] = self._format_of(style_id)
        if code is None:  # an East Asian built-in date format: a date, as Excel shows it
            from openpyxl.utils.datetime import from_excel

            try:
                return from_excel(value, self._book.epoch)
            except (OverflowError, ValueError):
                return NumberCell(value, "General")
        return NumberCell(value, code)

    def _format_of(self, style_id: int) -> str | None:
        """The number format of a cell style; None for Excel's built-in East Asian date formats."""
        from openpyxl.styles.numbers import BUILTIN_FORMATS

        book = self._book
        try:
            format_id = int(book._cell_styles[style_id].numFmtId)
        except (IndexError, TypeError, ValueError):
            return "General"
        if format_id in _EAST_ASIAN_DATES:
            return None
        if format_id < _BUILTIN_LIMIT:
            return str(BUILTIN_FORMATS.get(format_id, "General"))
        try:
            return str(book._number_formats[format_id - _BUILTIN_LIMIT])
        except IndexError:
            return "General"


def _hidden(attributes: dict[str, str] | None) -> bool:
    """Whether Excel hides the row: hidden by a filter, by hand or in a collapsed outline, or given no height."""
    if not attributes:
        return False
    if attributes.get("hidden", "").strip().lower() in ("1", "true"):
        return True
    try:
        return float(attributes.get("ht", "1")) == 0 and attributes.get("customHeight", "") in ("1", "true")
    except ValueError:
        return False


def too_wide(name: str, row: int, column: int) -> BatchFileError:
    """A value beyond MAX_COLUMNS, named by its cell as Excel letters it (a CSV's too, as Excel opens it)."""
    from openpyxl.utils import get_column_letter

    cell = f"{get_column_letter(min(column, 16384))}{row}"
    return BatchFileError("batch.too_wide", {"name": name, "row": row, "cell": cell, "limit": MAX_COLUMNS})


def _load(path: Path) -> Any:
    """The workbook in openpyxl's read-only mode, its shared strings read by read_strings (bounded), no sheet parsed
    to find its size, external links' cached sheets left unread; a damaged or foreign file refused with the reason."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.xml.constants import SHARED_STRINGS

    class Unsized(ReadOnlyWorksheet):
        # openpyxl finds a read-only sheet's size as it opens the workbook, and where the file names none it parses
        # the whole sheet to look for it: every sheet, hidden ones too, before any bound could be checked (4 of the
        # 8 s a 400,000-row sheet took to refuse). The reader never asks for a size.
        def _get_size(self) -> None:
            pass

    class BoundedReader(ExcelReader):
        def read_worksheets(self) -> None:  # openpyxl's read-only branch, with Unsized sheets
            for sheet, rel in self.parser.find_sheets():
                if rel.target not in self.valid_files:
                    continue
                if "chartsheet" in rel.Type:
                    self.read_chartsheet(sheet, rel)  # type: ignore[arg-type]  # as openpyxl calls it
                    continue
                worksheet: Any = Unsized(self.wb, sheet.name, rel.target, self.shared_strings)
                worksheet.sheet_state = sheet.state
                book: Any = self.wb
                book._sheets.append(worksheet)

        def read_strings(self) -> None:
            part = self.package.find(SHARED_STRINGS)  # type: ignore[no-untyped-call]
            if part is None:
                return
            name = part.PartName[1:]
            size = self.archive.getinfo(name).file_size
            if size > MAX_STRINGS_BYTES:
                mib = 1024 * 1024
                params = {"name": path.name, "size_mb": f"{size / mib:.0f}", "limit_mb": MAX_STRINGS_BYTES // mib}
                raise BatchFileError("batch.strings_too_large", params)
            with self.archive.open(name) as source:
                count_strings(source, path.name)  # at a regular expression's speed, before any is parsed
            with self.archive.open(name) as source:
                self.shared_strings = read_strings(source, path.name)

    try:
        reader = BoundedReader(str(path), read_only=True, data_only=True, keep_links=False)
    except OSError as exc:
        raise unreadable(path, exc) from exc
    except Exception as exc:
        raise bad_xlsx(path, exc) from exc
    try:
        reader.read()
    except BatchFileError:
        reader.archive.close()
        raise
    except Exception as exc:  # a damaged or foreign file fails in many ways inside openpyxl
        reader.archive.close()
        raise bad_xlsx(path, exc) from exc
    return reader.wb
