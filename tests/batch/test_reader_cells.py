"""Key cells as the clerk sees them (issue 18): a number cell of a document ID, ItemKey or NTS number column is taken
as the text Excel shows when its number format says so exactly, and refused with what Excel did otherwise (digits lost
after the 15th, E notation, decimals, another format, a date): never silently changed."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from popbill_gui.batch.reader import BatchFile, read_batch

from .workbooks import MAIN, RESEND_HEADER, book, raw_xlsx

ITEM = "241124150000000012"


def resend_key(tmp_path: Path, value: object, number_format: str | None = None) -> BatchFile:
    """A resend file whose one row has `value` as its document ID (cell B2), formatted as given."""
    formats = {"B2": number_format} if number_format else None
    return read_batch(
        book(tmp_path / "keys.xlsx", [RESEND_HEADER, ["SELL", value, "a@example.com"]], formats), "resend_email"
    )


def problem_keys(batch: BatchFile) -> list[str]:
    return [p.key for p in batch.rows[0].problems]


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (7, "0000", "0007"),  # the review's case: typed 0007 in a cell formatted 0000
        (1234567890, "000-00-00000", "123-45-67890"),
        (123456789, "000-00-00000", "012-34-56789"),
        (7, '"INV-"0000', "INV-0007"),
        (7, "\\A000", "A007"),
        (20241124, "General", "20241124"),  # General shows up to 11 digits as they are
        (42, "@", "42"),  # a number typed before the column became Text shows as General
    ],
)
def test_a_number_is_taken_as_its_format_shows_it(tmp_path: Path, value: int, number_format: str, shown: str) -> None:
    batch = resend_key(tmp_path, value, number_format)
    assert batch.rows[0].values["mgt_key"] == shown
    assert batch.rows[0].valid, problem_keys(batch)


def test_the_same_key_typed_as_text_is_the_same_batch(tmp_path: Path) -> None:
    formatted = resend_key(tmp_path, 7, "0000")
    (tmp_path / "typed.csv").write_text("MgtKeyType,MgtKey,Receiver\nSELL,0007,a@example.com\n", encoding="utf-8")
    assert read_batch(tmp_path / "typed.csv", "resend_email").fingerprint() == formatted.fingerprint()


@pytest.mark.parametrize(
    ("value", "number_format", "key", "shown"),
    [
        # Excel shows 1.23457E+18 and keeps 15 digits: the review's 1234567890123457024 must never be sent.
        (1234567890123456789, "General", "cell.long_number", "1.23457E+18"),
        (1234567890123456789, "0", "cell.long_number", "1.23457E+18"),  # whatever the format
        (123456789012, "General", "cell.e_notation", "1.23457E+11"),  # exact, but not what the clerk sees
        (12.5, "General", "cell.fraction", "12.5"),
        (1234, "#,##0", "cell.format", "1234"),
        (7, "0.00", "cell.format", "7"),
        (7, "[Red]0000", "cell.format", "7"),
    ],
)
def test_a_number_excel_changed_or_shows_otherwise_is_refused(
    tmp_path: Path, value: float, number_format: str, key: str, shown: str
) -> None:
    row = resend_key(tmp_path, value, number_format).rows[0]
    assert [(p.field, p.key) for p in row.problems] == [("mgt_key", key)]  # only what Excel did, not the rules' words
    assert row.values["mgt_key"] == shown
    english, korean = row.problems[0].describe("en"), row.problems[0].describe("ko")
    said = number_format if key == "cell.format" else shown  # the format that shows it, or what it shows
    assert said in english and said in korean
    assert "Format the column as Text and type the values again" in english
    assert "'텍스트'로 바꾸고 값을 다시 입력하세요" in korean


@pytest.mark.parametrize(
    ("value", "shown"),
    [(datetime(2026, 11, 30), "2026-11-30"), (date(2026, 11, 30), "2026-11-30"), (time(9, 30), "09:30:00")],
)
def test_a_date_or_time_in_a_key_column_is_refused(tmp_path: Path, value: object, shown: str) -> None:
    """The review: a date cell read as "2026-11-30 00:00:00" and refused for its characters ' ' and ':'."""
    row = resend_key(tmp_path, value).rows[0]
    assert [(p.field, p.key) for p in row.problems] == [("mgt_key", "cell.date")]
    assert row.values["mgt_key"] == shown
    assert f"({shown})" in row.problems[0].describe("en") and "날짜" in row.problems[0].describe("ko")


def test_an_item_key_in_a_number_cell_says_what_excel_did(tmp_path: Path) -> None:
    path = book(tmp_path / "assign.xlsx", [["ItemKey", "MgtKeyType", "MgtKey"], [int(ITEM), "SELL", "K1"]])
    row = read_batch(path, "assign_mgt_key").rows[0]
    assert [(p.field, p.key) for p in row.problems] == [("item_key", "cell.long_number")]
    assert row.values["item_key"] == "2.41124E+17"


def test_an_exact_integer_written_by_another_program_is_refused_too(tmp_path: Path) -> None:
    """Some programs write an 18-digit integer exactly; Excel would show 2.41124E+17 and keep 15 digits of it."""
    cells = '<row r="1"><c r="A1" t="inlineStr"><is><t>ItemKey</t></is></c><c r="B1" t="inlineStr"><is><t>MgtKeyType'
    cells += f'</t></is></c><c r="C1" t="inlineStr"><is><t>MgtKey</t></is></c></row><row r="2"><c r="A2"><v>{ITEM}</v>'
    cells += '</c><c r="B2" t="inlineStr"><is><t>SELL</t></is></c><c r="C2" t="inlineStr"><is><t>K1</t></is></c></row>'
    row = read_batch(raw_xlsx(tmp_path / "exact.xlsx", cells.encode()), "assign_mgt_key").rows[0]
    assert [p.key for p in row.problems] == ["cell.long_number"] and row.values["item_key"] == "2.41124E+17"


def test_a_korean_date_format_known_only_by_its_number_is_a_date(tmp_path: Path) -> None:
    """Korean Excel's built-in 2026년 11월 30일 (numFmtId 31) is named by number only: openpyxl reads it as 46356."""
    styles = (
        f'<styleSheet xmlns="{MAIN}"><fonts count="1"><font/></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="31" applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    )
    cells = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>문서유형</t></is></c><c r="B1" t="inlineStr"><is><t>문서번호</t>'
        '</is></c><c r="C1" t="inlineStr"><is><t>수신메일</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>매출</t></is></c><c r="B2" s="1"><v>46356</v></c>'
        '<c r="C2" t="inlineStr"><is><t>a@example.com</t></is></c></row>'
    )
    row = read_batch(raw_xlsx(tmp_path / "korean.xlsx", cells.encode(), styles=styles), "resend_email").rows[0]
    assert [p.key for p in row.problems] == ["cell.date"] and row.values["mgt_key"] == "2026-11-30"


def test_text_cells_and_other_columns_are_as_they_were(tmp_path: Path) -> None:
    """Keys typed as text keep their zeros; a number in a column that is no key is shown as General shows it."""
    path = book(
        tmp_path / "text.xlsx",
        [RESEND_HEADER, ["SELL", "0007", "a@example.com"], ["SELL", "INV-2", 12345]],
    )
    rows = read_batch(path, "resend_email").rows
    assert rows[0].values["mgt_key"] == "0007" and rows[0].valid
    assert rows[1].values["receiver"] == "12345" and [p.key for p in rows[1].problems] == ["receiver.invalid"]
