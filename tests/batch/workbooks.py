"""Workbooks crafted for the reader's tests: cells with number formats and dates, hidden sheets and rows (openpyxl,
as Excel would save them), and raw .xlsx parts for the files no spreadsheet program writes (hostile ones)."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl

Cell = object  # str, int, float, date, None …


def book(path: Path, rows: Sequence[Sequence[Cell] | None], formats: dict[str, str] | None = None) -> Path:
    """One sheet of `rows` (None: a blank row); `formats`: cell coordinate → number format ("B2": "0000")."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row or (), start=1):
            if value is not None:
                sheet.cell(row=number, column=column, value=value)
    for coordinate, number_format in (formats or {}).items():
        sheet[coordinate].number_format = number_format
    workbook.save(path)
    return path


RESEND_HEADER = ["MgtKeyType", "MgtKey", "Receiver"]

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def raw_xlsx(path: Path, sheet_data: bytes | Sequence[bytes], strings: Sequence[bytes] = (), styles: str = "") -> Path:
    """An .xlsx made of its parts: `sheet_data` the XML inside <sheetData> (streamed if given in chunks),
    `strings` the <si> elements of the shared strings, `styles` a whole styles.xml (none when empty)."""
    overrides = (
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
    )
    relations = (
        f'<Relationship Id="rId1" Type="{_DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_DOC}/sharedStrings" Target="sharedStrings.xml"/>'
    )
    if styles:
        overrides += f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
        relations += f'<Relationship Id="rId3" Type="{_DOC}/styles" Target="styles.xml"/>'
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>',
        "_rels/.rels": f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{_DOC}"><sheets>'
        '<sheet name="목록" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_RELS}">{relations}</Relationships>',
    }
    if styles:
        parts["xl/styles.xml"] = styles
    chunks = [sheet_data] if isinstance(sheet_data, bytes) else sheet_data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(f'<worksheet xmlns="{MAIN}"><sheetData>'.encode())
            for chunk in chunks:
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")
        with archive.open("xl/sharedStrings.xml", "w") as out:
            out.write(f'<sst xmlns="{MAIN}">'.encode())
            for element in strings:
                out.write(element)
            out.write(b"</sst>")
    return path


def inline_row(number: int, texts: Sequence[str], attributes: str = "") -> bytes:
    """A row of inline-string cells from column A."""
    cells = "".join(
        f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{text}</t></is></c>' for i, text in enumerate(texts)
    )
    return f'<row r="{number}"{attributes}>{cells}</row>'.encode()
