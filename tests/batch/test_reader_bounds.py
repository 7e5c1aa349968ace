"""Bounded reading (issue 18): shared strings, records (blank ones included), cells and columns are capped before
openpyxl does the work; a file past a bound is refused with a sentence. The real-size hostile files and their time
and memory are in benchmarks/bench_hostile.py; here the same shapes, small, with the limits lowered where needed."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl.reader.excel
import pytest
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from popbill_gui.batch import xlsx
from popbill_gui.batch.reader import BatchFileError, read_batch

from .workbooks import RESEND_HEADER, inline_row, raw_xlsx


def refused(path: Path) -> BatchFileError:
    with pytest.raises(BatchFileError) as caught:
        read_batch(path, "resend_email")
    error = caught.value
    for lang in ("ko", "en"):
        assert "{" not in error.describe(lang) and error.key not in error.describe(lang)
    return error


def a_list(rows: int = 3, start: int = 2) -> list[bytes]:
    return [inline_row(1, RESEND_HEADER)] + [
        inline_row(n, ["SELL", f"K{n}", f"a{n}@example.com"]) for n in range(start, start + rows)
    ]


@pytest.fixture
def no_openpyxl_strings(monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl's own shared-string reader (an object per string, all kept) must never run."""

    def never(*args: object) -> list[str]:
        raise AssertionError("openpyxl read the shared strings")

    monkeypatch.setattr(openpyxl.reader.excel, "read_string_table", never)


# ---- shared strings ----


def test_shared_strings_beyond_the_count_are_refused_as_they_stream(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_openpyxl_strings: None
) -> None:
    """The review's file: millions of one-letter strings, packed under the zip checks' ratio (58 s and 705 MiB)."""
    monkeypatch.setattr(xlsx, "MAX_SHARED_STRINGS", 1000)
    strings = [b"<si><t>A</t></si>"] * 1500
    error = refused(raw_xlsx(tmp_path / "strings.xlsx", b"".join(a_list()), strings))
    assert error.key == "batch.too_many_strings" and error.params["limit"] == 1000
    assert "1,000" in error.describe("en") and "strings.xlsx" in error.describe("ko")


def test_shared_strings_too_big_are_refused_from_the_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_openpyxl_strings: None
) -> None:
    monkeypatch.setattr(xlsx, "MAX_STRINGS_BYTES", 64 * 1024)
    strings = [b"<si><t>" + b"B" * 1000 + b"</t></si>"] * 100
    error = refused(raw_xlsx(tmp_path / "big.xlsx", b"".join(a_list()), strings))
    assert error.key == "batch.strings_too_large" and error.params["limit_mb"] == 0


def test_shared_strings_read_as_openpyxl_reads_them(tmp_path: Path, no_openpyxl_strings: None) -> None:
    """Plain text, rich-text runs joined, a phonetic guide left out, openpyxl's own _x005F_ unescaping kept."""
    strings = [
        b"<si><t>MgtKeyType</t></si>",
        b"<si><r><t>Mgt</t></r><r><rPr><b/></rPr><t>Key</t></r></si>",
        b"<si><t>Receiver</t><rPh sb='0' eb='1'><t>PHONETIC</t></rPh></si>",
        b"<si><t xml:space='preserve'> SELL </t></si>",
        b"<si><t>K_x005F_1</t></si>",
        b"<si><t>a@example.com</t></si>",
    ]
    cells = "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABC"))
    data = "".join(f'<c r="{c}2" t="s"><v>{i + 3}</v></c>' for i, c in enumerate("ABC"))
    path = raw_xlsx(tmp_path / "s.xlsx", f'<row r="1">{cells}</row><row r="2">{data}</row>'.encode(), strings)
    batch = read_batch(path, "resend_email")
    assert batch.rows[0].values == {"mgt_key_type": "SELL", "mgt_key": "K_1", "receiver": "a@example.com"}


# ---- columns ----


def test_an_empty_cell_at_column_xfd_pads_no_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The review's 100 KB file: 20,000 rows with one empty cell at XFD each; openpyxl's read-only rows are padded to
    16,384 cells (19 s here). The reader takes rows sparsely: no row is ever widened."""

    def widened(self: ReadOnlyWorksheet, row: list[dict[str, object]], min_col: int = 1, max_col: int | None = None,
                values_only: bool = False) -> tuple[object, ...]:  # fmt: skip
        raise AssertionError("a row was padded to the widest row")

    monkeypatch.setattr(ReadOnlyWorksheet, "_get_row", widened)
    rows = a_list()
    rows += [f'<row r="{n}"><c r="XFD{n}"/></row>'.encode() for n in range(5, 20_005)]
    path = raw_xlsx(tmp_path / "wide.xlsx", rows)
    assert path.stat().st_size < 150_000
    batch = read_batch(path, "resend_email")
    assert [row.values["mgt_key"] for row in batch.rows] == ["K2", "K3", "K4"]
    assert batch.extra_columns == ()


def test_a_value_beyond_the_last_column_read_is_refused(tmp_path: Path) -> None:
    rows = a_list()
    rows[2] = rows[2].replace(b"</row>", b'<c r="XFD3" t="inlineStr"><is><t>x</t></is></c></row>')
    error = refused(raw_xlsx(tmp_path / "far.xlsx", b"".join(rows)))
    assert error.key == "batch.too_wide" and error.params["cell"] == "XFD3" and error.params["row"] == 3
    assert "XFD3" in error.describe("ko") and "1,000" in error.describe("en")


def test_a_row_of_too_many_cells_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    """Cells without a reference pile up in one row element: refused when the XML is scanned, not once built."""
    row = b'<row r="2">' + b"<c/>" * (xlsx.MAX_CELLS_PER_ROW + 1) + b"</row>"
    error = refused(raw_xlsx(tmp_path / "long.xlsx", [inline_row(1, RESEND_HEADER), row]))
    assert error.key == "batch.row_too_many_cells" and error.params["limit"] == xlsx.MAX_CELLS_PER_ROW


def test_too_many_cells_in_all_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx, "MAX_CELLS", 50)
    assert refused(raw_xlsx(tmp_path / "cells.xlsx", a_list(rows=20))).key == "batch.too_many_cells"


# ---- records: blank ones count ----


def test_a_value_far_below_the_list_is_refused(tmp_path: Path) -> None:
    """One data row at row 200,000: the rows above it are blank, but they are rows (they used not to count)."""
    rows = [*a_list(), inline_row(200_000, ["SELL", "FAR", "far@example.com"])]
    error = refused(raw_xlsx(tmp_path / "far.xlsx", b"".join(rows)))
    assert error.key == "batch.too_many_records" and error.params["row"] == 200_000
    assert "200,000" in error.describe("en") and "101,000" in error.describe("ko")


def test_row_elements_beyond_the_records_read_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Empty row elements between the rows count too (the rows benchmark: 200,000 rows and as many empty ones)."""
    monkeypatch.setattr(xlsx, "MAX_RECORDS", 40)
    rows = [inline_row(1, RESEND_HEADER)]
    for n in range(2, 60, 2):
        rows += [
            inline_row(n, ["SELL", f"K{n}", f"a{n}@example.com"]),
            f'<row r="{n + 1}"><c r="A{n + 1}"/></row>'.encode(),
        ]
    error = refused(raw_xlsx(tmp_path / "gaps.xlsx", rows))
    assert error.key == "batch.too_many_records" and error.params["limit"] == 40


def test_csv_blank_lines_count_as_rows(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_text("MgtKeyType,MgtKey,Receiver\nSELL,K1,a@example.com\n" + "\n" * 110_000 + "SELL,K2,b@x.kr\n")
    error = refused(path)
    assert error.key == "batch.too_many_records" and error.params["row"] == 110_003


def test_a_wide_csv_from_excel_is_read_and_a_far_value_refused(tmp_path: Path) -> None:
    """Excel writes every line of a wide sheet's CSV with all its commas: empty cells beyond are dropped."""
    tail = "," * 5000
    path = tmp_path / "wide.csv"
    path.write_text(f"MgtKeyType,MgtKey,Receiver{tail}\nSELL,K1,a@example.com{tail}\n", encoding="utf-8")
    batch = read_batch(path, "resend_email")
    assert batch.rows[0].valid and batch.extra_columns == ()
    path.write_text(f"MgtKeyType,MgtKey,Receiver{tail}\nSELL,K1,a@example.com{tail}x\n", encoding="utf-8")
    error = refused(path)
    assert error.key == "batch.too_wide" and error.params["row"] == 2 and error.params["cell"] == "GJK2"


# ---- the scan itself ----


@pytest.mark.parametrize("chunk", [1, 3, 7, 41, 64 * 1024])
def test_the_scan_counts_every_tag_whatever_the_chunks(chunk: int) -> None:
    """Tags cut by a chunk's end are counted once; prefixes and look-alikes (<cols>, <rowBreaks>) are not cells."""
    xml = (
        b'<x:worksheet xmlns:x="m"><x:cols><x:col min="1"/></x:cols><x:sheetData>'
        + b'<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"/></x:row>'
        + b"<row><c/><c>2</c><cfRule/></row><row/>"
        + b"</x:sheetData><x:rowBreaks/></x:worksheet>"
    )

    class Chunked(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            return super().read(chunk)

    scanned = xlsx._ScannedSheet(Chunked(xml), "x.xlsx")
    while scanned.read(chunk):
        pass
    assert (scanned.rows, scanned.cells) == (3, 4)


@pytest.mark.parametrize("chunk", [1, 5, 17, 1024 * 1024])
def test_the_strings_count_whatever_the_chunks(chunk: int) -> None:
    xml = b'<sst xmlns="m"><si><t>a</t></si><x:si><x:t>b</x:t></x:si><si/><sis/><si\n>c</si></sst>'

    class Chunked(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            return super().read(chunk)

    assert xlsx.count_strings(Chunked(xml), "x.xlsx") == 4
