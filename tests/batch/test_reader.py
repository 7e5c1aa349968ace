"""Reading batch files: encodings, delimiters, Excel cells, headers, row numbers, every problem, refusals."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from popbill_gui.batch import headers, reader, sniff, xlsx
from popbill_gui.batch.model import InputRow, Operation
from popbill_gui.batch.reader import BatchFile, BatchFileError, read_batch
from popbill_gui.core import cells
from popbill_gui.core.messages import CATALOG

ITEM_1 = "241124150000000012"
ITEM_2 = "241124150000000013"
ITEM_3 = "241124150000000014"


def write_csv(path: Path, lines: Sequence[str], encoding: str = "utf-8", newline: str = "\n") -> Path:
    path.write_bytes(newline.join(lines).encode(encoding) + newline.encode())
    return path


Cell = str | int | float | None


def write_xlsx(path: Path, rows: Sequence[Sequence[Cell] | None]) -> Path:
    """Rows as given; None for a blank row (nothing written in it)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row or (), start=1):
            if value is not None:
                sheet.cell(row=number, column=column, value=value)
    other = workbook.create_sheet("second")  # only the first sheet is read
    other["A1"] = "MgtKeyType"
    workbook.save(path)
    return path


def replace_in_sheet(path: Path, old: str, new: str) -> None:
    """Edit the first sheet's XML: openpyxl writes numbers with 16 digits, other programs write exact integers."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    assert xml.count(old) == 1
    parts["xl/worksheets/sheet1.xml"] = xml.replace(old, new).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def problems(batch: BatchFile) -> dict[int, list[tuple[str, str]]]:
    return {row.row: [(p.field, p.key) for p in row.problems] for row in batch.rows if row.problems}


def refusal(path: Path, operation: Operation = "resend_email") -> BatchFileError:
    with pytest.raises(BatchFileError) as caught:
        read_batch(path, operation)
    error = caught.value
    for lang in ("ko", "en"):
        sentence = error.describe(lang)
        assert sentence != error.key and "{" not in sentence, sentence
    assert str(error) == error.describe("en")
    return error


# ---- encodings and delimiters ----


def test_cp949_csv_with_korean_headers(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "재전송.csv",
        ["문서유형,문서번호,수신메일,비고", "SELL,INV-001,담당자@example.com,3월분", "BUY,INV_002,b@example.com,"],
        encoding="cp949",
        newline="\r\n",
    )
    batch = read_batch(path, "resend_email")
    assert batch.encoding == "cp949"
    assert batch.operation == "resend_email" and batch.path == path
    assert [row.row for row in batch.rows] == [2, 3]
    assert batch.rows[0].values == {"mgt_key_type": "SELL", "mgt_key": "INV-001", "receiver": "담당자@example.com"}
    # The address is not ASCII: the core's rule refuses it (POPBiLL takes no SMTPUTF8), with the row number.
    assert problems(batch) == {2: [("receiver", "receiver.invalid")]}
    assert [row.row for row in batch.valid_rows] == [3]
    assert [row.row for row in batch.invalid_rows] == [2]


@pytest.mark.parametrize(("encoding", "expected"), [("utf-8-sig", "utf-8-sig"), ("utf-8", "utf-8")])
def test_utf8_with_and_without_bom(tmp_path: Path, encoding: str, expected: str) -> None:
    path = write_csv(
        tmp_path / "assign.csv",
        ["팝빌번호,문서유형,문서번호", f"{ITEM_1},SELL,문서-1", f"{ITEM_2},SELL,K2"],
        encoding=encoding,
    )
    batch = read_batch(path, "assign_mgt_key")
    assert batch.encoding == expected
    assert batch.rows[0].values == {"item_key": ITEM_1, "mgt_key_type": "SELL", "mgt_key": "문서-1"}
    assert problems(batch) == {2: [("mgt_key", "mgt_key.bad_chars")]}


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_the_delimiter_is_detected(tmp_path: Path, delimiter: str) -> None:
    lines = ["MgtKeyType", "MgtKey", "Receiver"], ["SELL", "K1", "a@example.com"], ["BUY", "K2", "b@example.com"]
    path = write_csv(tmp_path / "list.txt", [delimiter.join(line) for line in lines])
    batch = read_batch(path, "resend_email")
    assert [row.values["receiver"] for row in batch.rows] == ["a@example.com", "b@example.com"]
    assert batch.invalid_rows == []


def test_semicolon_file_whose_values_hold_commas(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "semi.csv",
        ["MgtKeyType;MgtKey;Receiver;Note", 'SELL;K1;a@example.com;"one, two"', "SELL;K2;b@example.com;x,y,z"],
    )
    batch = read_batch(path, "resend_email")
    assert [row.values["mgt_key"] for row in batch.rows] == ["K1", "K2"]
    assert batch.invalid_rows == []


def test_bytes_in_neither_encoding_refuse_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(b"MgtKeyType,MgtKey,Receiver\nSELL,\xff\x80,a@example.com\n")
    error = refusal(path)
    assert error.key == "batch.encoding"
    assert "broken.csv" in error.describe("en") and "CP949" in error.describe("ko")


# ---- Excel ----


def test_xlsx_cells_numbers_and_row_numbers(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "assign.xlsx",
        [
            ["  ItemKey ", "MgtKeyType", "MgtKey", "Memo"],
            [123456789, "SELL", "K1"],  # an int cell, replaced below by an 18-digit integer as other programs write
            [ITEM_2, "SELL", 20241124],  # text ItemKey, a number as MgtKey
            None,  # a blank row in the middle: skipped, still counted
            [f"  {ITEM_3}\t", " BUY ", "K3", "note"],
            [2.4112415e17, "SELL", "K4"],  # a number Excel stored as a double: digits after the 15th may be lost
            [123.0, "SELL", 12.5],
            [None, None, None, "only a note"],  # not empty: its required cells are
        ],
    )
    replace_in_sheet(path, "<v>123456789</v>", f"<v>{ITEM_1}</v>")
    batch = read_batch(path, "assign_mgt_key")
    assert batch.encoding is None and batch.sheet == "Sheet"
    assert [row.row for row in batch.rows] == [2, 3, 5, 6, 7, 8]
    # Number cells as Excel shows them (General): 18 digits as 2.41124E+17, refused; small integers as they are.
    shown = ["2.41124E+17", ITEM_2, ITEM_3, "2.41124E+17", "123", ""]
    assert [row.values["item_key"] for row in batch.rows] == shown
    assert [row.values["mgt_key"] for row in batch.rows] == ["K1", "20241124", "K3", "K4", "12.5", ""]
    assert batch.rows[2].values["mgt_key_type"] == "BUY"
    assert batch.extra_columns == ("Memo",) and batch.rows[2].extras == ("note",)
    assert problems(batch) == {
        2: [("item_key", "cell.long_number")],  # even written exactly: Excel would keep 15 digits of it
        6: [("item_key", "cell.long_number")],
        7: [("item_key", "item_key.length"), ("mgt_key", "cell.fraction")],
        8: [
            ("item_key", "item_key.required"),
            ("mgt_key_type", "mgt_key_type.invalid"),
            ("mgt_key", "mgt_key.required"),
        ],
    }


def test_xlsx_whose_table_starts_lower_down(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "offset.xlsx",
        [None, None, [None, "수신메일", "문서번호", "문서유형"], [None, "a@example.com", "K1", "SELL"]],
    )
    batch = read_batch(path, "resend_email")
    assert [(row.row, row.values) for row in batch.rows] == [
        (4, {"mgt_key_type": "SELL", "mgt_key": "K1", "receiver": "a@example.com"})
    ]


def test_a_damaged_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(b"MgtKeyType,MgtKey,Receiver\n")  # a CSV renamed, or an encrypted workbook: not a zip
    assert refusal(path).key == "batch.bad_xlsx"


# ---- headers ----


def test_headers_in_either_language_any_case_any_order(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "mixed.csv",
        [" mgtkey ,Extra,  RECEIVER,문서유형 ,", "K1,ignored,a@example.com,SELL,", "K2,,b@example.com,TRUSTEE,"],
    )
    batch = read_batch(path, "resend_email")
    assert [row.values for row in batch.rows] == [
        {"mgt_key_type": "SELL", "mgt_key": "K1", "receiver": "a@example.com"},
        {"mgt_key_type": "TRUSTEE", "mgt_key": "K2", "receiver": "b@example.com"},
    ]
    path = write_csv(tmp_path / "mixed2.csv", ["ITEMKEY,mgtKeyType,문서번호", f"{ITEM_1},SELL,K1"])
    assert read_batch(path, "assign_mgt_key").rows[0].values == {
        "item_key": ITEM_1,
        "mgt_key_type": "SELL",
        "mgt_key": "K1",
    }


def test_missing_columns_are_named_in_both_languages(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "resend.csv", ["MgtKey,Note", "K1,x"])
    error = refusal(path, "assign_mgt_key")
    assert error.key == "batch.missing_columns"
    assert error.params["missing"] == ["item_key", "mgt_key_type"]
    assert "팝빌번호, 문서유형" in error.describe("ko") and "POPBiLL number, Type" in error.describe("en")
    # A resend file is not an assign file, and a file without a header has none of the names.
    path = write_csv(tmp_path / "noheader.csv", [f"{ITEM_1},SELL,K1"])
    assert refusal(path, "assign_mgt_key").params["missing"] == ["item_key", "mgt_key_type", "mgt_key"]


def test_a_column_named_twice_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "twice.csv", ["MgtKeyType,MgtKey,문서번호,Receiver", "SELL,K1,K2,a@example.com"])
    error = refusal(path)
    assert error.key == "batch.duplicate_column"
    assert "Document ID ('MgtKey', '문서번호')" in error.describe("en") and "문서번호('MgtKey'" in error.describe("ko")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xef\xbb\xbf",
        b"\r\n\r\n",
        b",,\n\t\n ,  ,\n",  # delimiters and spaces only
        b"MgtKeyType,MgtKey,Receiver\n",
        b"MgtKeyType,MgtKey,Receiver\n,,\n\n",
    ],
)
def test_a_file_without_data_rows_is_empty(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    error = refusal(path)
    assert error.key == "batch.empty"
    assert "empty.csv" in error.describe("ko")


def test_an_xlsx_without_data_rows_is_empty(tmp_path: Path) -> None:
    assert refusal(write_xlsx(tmp_path / "empty.xlsx", [])).key == "batch.empty"
    assert refusal(write_xlsx(tmp_path / "header.xlsx", [["MgtKeyType", "MgtKey", "Receiver"]])).key == "batch.empty"


@pytest.mark.parametrize("name", ["list.json", "list", "list.xlsm", "list.csv.bak"])
def test_other_file_types_are_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("MgtKeyType,MgtKey,Receiver\nSELL,K1,a@example.com\n")
    error = refusal(path)
    assert error.key == "batch.unsupported"
    assert name in error.describe("en")


def test_upper_case_extensions_are_read(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "LIST.CSV", ["MgtKeyType,MgtKey,Receiver", "SELL,K1,a@example.com"])
    assert len(read_batch(path, "resend_email").rows) == 1


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    error = refusal(tmp_path / "gone.csv")
    assert error.key == "batch.unreadable" and "gone.csv" in error.describe("en")
    assert refusal(tmp_path / "gone.xlsx").key == "batch.unreadable"


def test_an_unknown_operation_is_a_programming_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", ["MgtKeyType,MgtKey,Receiver", "SELL,K1,a@example.com"])
    with pytest.raises(ValueError):
        read_batch(path, "issue")  # type: ignore[arg-type]


# ---- limits ----


def test_too_many_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_ROWS", 3)
    lines = ["MgtKeyType,MgtKey,Receiver"] + [f"SELL,K{i},a@example.com" for i in range(3)]
    assert len(read_batch(write_csv(tmp_path / "three.csv", lines), "resend_email").rows) == 3
    error = refusal(write_csv(tmp_path / "four.csv", [*lines, "SELL,K9,a@example.com"]))
    assert error.key == "batch.too_many_rows" and error.params == {"limit": 3}
    monkeypatch.undo()
    assert "100,000" in BatchFileError("batch.too_many_rows", {"limit": reader.MAX_ROWS}).describe("en")


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_BYTES", 1024 * 1024)
    path = tmp_path / "big.csv"
    path.write_bytes(b"MgtKeyType,MgtKey,Receiver\n" + b"SELL,K1,a@example.com\n" * 50_000)
    error = refusal(path)
    assert error.key == "batch.too_large" and error.params == {"size_mb": "1.0", "limit_mb": 1}
    xlsx = tmp_path / "big.xlsx"
    xlsx.write_bytes(b"\0" * (1024 * 1024 + 1))
    assert refusal(xlsx).key == "batch.too_large"
    monkeypatch.undo()
    assert reader.MAX_BYTES == 50 * 1024 * 1024


# ---- rows: numbers and problems ----


def test_bad_rows_report_every_problem_with_the_spreadsheet_row(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "bad.csv",
        [
            "",  # a blank first line: the header is row 2
            "MgtKeyType,MgtKey,Receiver",
            "SELL,K1,a@example.com",
            "SEL,K2,b@example.com",  # lowercase sell is taken (TYPE_ALIASES); a typo is not
            ",,",
            "SELL,,c@example.com",
            'BUY,"K 3","multi',
            'line"',
            "TRUSTEE,K4,nobody",
            "SELL," + "K" * 25 + ",",
            "",
            "  BUY  ,  K5  ,  e@example.com  ",
        ],
    )
    batch = read_batch(path, "resend_email")
    assert [row.row for row in batch.rows] == [3, 4, 6, 7, 8, 9, 11]
    assert problems(batch) == {
        4: [("mgt_key_type", "mgt_key_type.invalid")],
        6: [("mgt_key", "mgt_key.required")],
        7: [("mgt_key", "mgt_key.bad_chars"), ("receiver", "receiver.invalid")],
        8: [("receiver", "receiver.invalid")],
        9: [("mgt_key", "mgt_key.too_long"), ("receiver", "receiver.required")],
    }
    assert batch.rows[-1].values == {"mgt_key_type": "BUY", "mgt_key": "K5", "receiver": "e@example.com"}
    assert [row.row for row in batch.valid_rows] == [3, 11]


def test_short_rows_read_as_empty_cells(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "short.csv", ["ItemKey,MgtKeyType,MgtKey", f"{ITEM_1},SELL"])
    batch = read_batch(path, "assign_mgt_key")
    assert batch.rows[0].values["mgt_key"] == ""
    assert problems(batch) == {2: [("mgt_key", "mgt_key.required")]}


def test_duplicates_in_an_assign_file(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "assign.csv",
        [
            "ItemKey,MgtKeyType,MgtKey",
            f"{ITEM_1},SELL,K1",
            f"{ITEM_2},SELL,K2",
            f"{ITEM_1},SELL,K3",  # the same ItemKey again
            f"{ITEM_3},SELL,k2",  # the same MgtKey again (case ignored)
            f"{ITEM_1},SELL,K1",  # both again
            f"{ITEM_3[:-1]}9,BUY,K1",  # the same MgtKey under another type: a different document ID
        ],
    )
    batch = read_batch(path, "assign_mgt_key")
    assert problems(batch) == {
        4: [("item_key", "batch.duplicate_item_key")],
        5: [("mgt_key", "batch.duplicate_mgt_key")],
        6: [("item_key", "batch.duplicate_item_key"), ("mgt_key", "batch.duplicate_mgt_key")],
    }
    firsts = {row.row: [p.params["first_row"] for p in row.problems] for row in batch.invalid_rows}
    assert firsts == {4: [2], 5: [3], 6: [2, 2]}
    assert batch.rows[2].problems[0].describe("en") == (
        "The same POPBiLL number is already in row 2: an invoice can be given a document ID only once."
    )


def test_duplicates_in_a_resend_file(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "resend.csv",
        [
            "MgtKeyType,MgtKey,Receiver",
            "SELL,K1,a@example.com",
            "SELL,K1,b@example.com",  # another receiver: a different mail
            "BUY,K1,a@example.com",  # another type: a different invoice
            "SELL,K1,A@Example.com",  # the same mail again
            "SELL,K1,a@example.com",
        ],
    )
    batch = read_batch(path, "resend_email")
    assert problems(batch) == {
        5: [("receiver", "batch.duplicate_request")],
        6: [("receiver", "batch.duplicate_request")],
    }
    assert [row.problems[0].params for row in batch.invalid_rows] == [{"first_row": 2}, {"first_row": 2}]
    assert "2행" in batch.invalid_rows[0].problems[0].describe("ko")


# ---- fingerprint ----


def test_fingerprint_is_the_same_for_the_same_content_in_csv_and_xlsx(tmp_path: Path) -> None:
    rows = [["ItemKey", "MgtKeyType", "MgtKey"], [ITEM_1, "SELL", "K1"], [ITEM_2, "BUY", "K2"]]
    csv_path = write_csv(tmp_path / "a.csv", [",".join(row) for row in rows], encoding="cp949")
    xlsx_path = write_xlsx(tmp_path / "a.xlsx", rows)
    from_csv = read_batch(csv_path, "assign_mgt_key")
    from_xlsx = read_batch(xlsx_path, "assign_mgt_key")
    assert from_csv.fingerprint() == from_xlsx.fingerprint()
    assert re.fullmatch(r"[0-9a-f]{64}", from_csv.fingerprint())
    # Stable across reads and across encodings, delimiters and ignored columns.
    assert read_batch(csv_path, "assign_mgt_key").fingerprint() == from_csv.fingerprint()
    other = write_csv(
        tmp_path / "b.csv", ["MgtKey;ItemKey;MgtKeyType;Memo", f"K1;{ITEM_1};SELL;x", f"K2;{ITEM_2};BUY;"]
    )
    assert read_batch(other, "assign_mgt_key").fingerprint() == from_csv.fingerprint()
    # Any changed value, or a row moved to another spreadsheet row, is another file.
    changed = write_xlsx(tmp_path / "c.xlsx", [*rows[:2], [ITEM_2, "BUY", "K3"]])
    assert read_batch(changed, "assign_mgt_key").fingerprint() != from_csv.fingerprint()
    moved = write_xlsx(tmp_path / "d.xlsx", [*rows[:2], None, rows[2]])
    assert read_batch(moved, "assign_mgt_key").fingerprint() != from_csv.fingerprint()


def test_fingerprint_depends_on_the_operation() -> None:
    row = InputRow(row=2, values={"mgt_key_type": "SELL", "mgt_key": "K1", "receiver": "", "item_key": ""})
    resend = BatchFile(Path("x.csv"), "resend_email", [row], "utf-8")
    assign = BatchFile(Path("x.csv"), "assign_mgt_key", [row], "utf-8")
    assert resend.fingerprint() != assign.fingerprint()


# ---- messages ----


def test_every_batch_message_key_used_by_the_reader_is_in_the_catalog() -> None:
    modules = (reader, headers, xlsx, sniff, cells)
    source = "".join(Path(module.__file__ or "").read_text(encoding="utf-8") for module in modules)
    used = set(re.findall(r"\"((?:batch|cell)\.[a-z_]+)\"", source))
    assert {"batch.unsupported", "batch.encoding", "batch.missing_columns", "batch.duplicate_request"} <= used
    assert {"batch.too_many_records", "batch.protected", "cell.long_number", "cell.date"} <= used
    for key in used:
        assert key in CATALOG, key
        korean, english = CATALOG[key]
        assert korean and english and korean != english, key
        # Both sentences take the same placeholders.
        assert set(re.findall(r"{(\w+)", korean)) == set(re.findall(r"{(\w+)", english)), key


# ---- hostile and foreign files ----


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def excel_style_xlsx(
    path: Path, rows: Sequence[Sequence[str]], filler_mb: int = 0, announce: int | None = None
) -> Path:
    """An .xlsx as Excel writes it, text in shared strings, built part by part; `filler_mb` MiB of one more
    shared string are streamed in (small on disk: they compress about a thousand times). `announce`: the
    uncompressed size the zip directory then claims for the shared strings (a directory that lies)."""
    texts = [text for row in rows for text in row]
    cells = "".join(
        f'<row r="{r}">'
        + "".join(f'<c r="{chr(65 + c)}{r}" t="s"><v>{texts.index(v)}</v></c>' for c, v in enumerate(row))
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
        f'Type="{_DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC_RELS}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_RELS}">'
        f'<Relationship Id="rId1" Type="{_DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_MAIN}"><sheetData>{cells}</sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml)
        with archive.open("xl/sharedStrings.xml", "w") as strings:
            strings.write(f'<sst xmlns="{_MAIN}">'.encode())
            strings.write("".join(f"<si><t>{text}</t></si>" for text in texts).encode())
            if filler_mb:
                strings.write(b"<si><t>")
                block = b"A" * (1024 * 1024)
                for _ in range(filler_mb):
                    strings.write(block)
                strings.write(b"</t></si>")
            strings.write(b"</sst>")
    if announce is not None:
        data = bytearray(path.read_bytes())
        name = b"xl/sharedStrings.xml"
        record = data.index(b"PK\x01\x02")  # the central directory: one record per part
        while data[record + 46 : record + 46 + len(name)] != name:
            record = data.index(b"PK\x01\x02", record + 4)
        data[record + 24 : record + 28] = announce.to_bytes(4, "little")  # its "uncompressed size" field
        path.write_bytes(bytes(data))
    return path


RESEND_ROWS = [["MgtKeyType", "MgtKey", "Receiver"], ["SELL", "K1", "a@example.com"]]


def test_an_excel_style_workbook_is_read(tmp_path: Path) -> None:
    """What the helper builds is read (so the refusals below are the check's doing, nothing else)."""
    path = excel_style_xlsx(tmp_path / "excel.xlsx", RESEND_ROWS)
    batch = read_batch(path, "resend_email")
    assert [(row.row, row.values["receiver"]) for row in batch.rows] == [(2, "a@example.com")]


def test_an_xlsx_zip_bomb_is_refused_before_openpyxl_reads_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The review's file: about 100 MB of shared strings packed into a few hundred KB (39 s and 587 MB before)."""
    path = excel_style_xlsx(tmp_path / "bomb.xlsx", RESEND_ROWS, filler_mb=100)
    assert path.stat().st_size < 300_000

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl opened a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    error = refusal(path)
    assert error.key == "batch.xlsx_packed"
    assert error.params["part"] == "xl/sharedStrings.xml" and int(str(error.params["ratio"])) > 100
    assert "file too large to be an invoice list" in error.describe("en")
    assert "너무 큰 파일" in error.describe("ko")


def test_an_xlsx_that_unpacks_beyond_any_invoice_list_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not packed suspiciously tight, only too big once unpacked (the limit lowered to keep the test small)."""
    monkeypatch.setattr(xlsx, "MAX_UNPACKED", 64 * 1024)
    rows: list[Sequence[Cell]] = [["MgtKeyType", "MgtKey", "Receiver"]]
    rows += [["SELL", f"K{n}", f"a{n}@example.com"] for n in range(3000)]
    path = write_xlsx(tmp_path / "long.xlsx", rows)
    error = refusal(path)
    assert error.key == "batch.xlsx_too_large" and error.params["limit_mb"] == 0
    monkeypatch.undo()
    assert len(read_batch(path, "resend_email").rows) == 3000  # under the real limit the same file is read


def test_a_zip_directory_cannot_understate_a_bomb(tmp_path: Path) -> None:
    """zipfile stops each part at the size its directory announces: the check cannot be lied to."""
    path = excel_style_xlsx(tmp_path / "liar.xlsx", RESEND_ROWS, filler_mb=20, announce=1000)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/sharedStrings.xml").file_size == 1000  # the check sees a small part
    assert refusal(path).key == "batch.bad_xlsx"  # and openpyxl gets 1000 bytes, then a CRC error


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_excel_unicode_text_is_read(tmp_path: Path, encoding: str) -> None:
    """Excel's "Unicode Text (*.txt)": UTF-16 with a BOM (little-endian from Excel), tabs, CRLF, a cell holding
    a tab quoted."""
    lines = [
        "문서유형\t문서번호\t수신메일\t비고",
        "SELL\tINV-1\ta@example.com\t3월분",
        'BUY\tINV-2\tb@example.com\t"탭\t있는 메모"',
    ]
    bom = b"\xff\xfe" if encoding == "utf-16-le" else b"\xfe\xff"
    path = tmp_path / "유니코드.txt"
    path.write_bytes(bom + "\r\n".join(lines).encode(encoding) + "\r\n".encode(encoding))
    batch = read_batch(path, "resend_email")
    assert batch.encoding == "utf-16"
    assert [(row.row, row.values) for row in batch.rows] == [
        (2, {"mgt_key_type": "SELL", "mgt_key": "INV-1", "receiver": "a@example.com"}),
        (3, {"mgt_key_type": "BUY", "mgt_key": "INV-2", "receiver": "b@example.com"}),
    ]
    assert batch.invalid_rows == []


def test_broken_utf16_is_an_encoding_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    lone_surrogate = b"\x00\xd8"
    path.write_bytes(b"\xff\xfe" + "MgtKeyType\tMgtKey\tReceiver\r\n".encode("utf-16-le") + lone_surrogate)
    error = refusal(path)
    assert error.key == "batch.encoding" and "UTF-16" in error.describe("en")
