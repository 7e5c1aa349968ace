"""The sheet and the rows the clerk sees (issue 18): the workbook's active sheet is read and named, a hidden one is
refused, and rows Excel hides (a filter, by hand, a collapsed outline, no height) are recorded, never sent without a
choice: left out, they are skipped, neither valid nor invalid, and the file stays the same file."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference

from popbill_gui.batch.export import result_table
from popbill_gui.batch.model import RowState
from popbill_gui.batch.reader import BatchFileError, read_batch

from .workbooks import RESEND_HEADER, inline_row, raw_xlsx


def edit_part(path: Path, part: str, edit: Callable[[str], str]) -> None:
    """Change one part of a saved workbook, as another program may have written it."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts[part] = edit(parts[part].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def two_sheets(path: Path, *, first_state: str, active: int | None, second_state: str = "visible") -> Path:
    """A first sheet holding the wrong list (old rows), a second holding the list the clerk works on; the workbook
    opens with sheet `active` (None: no sheet is set to open). openpyxl would move the active tab off a hidden sheet
    when saving, so the workbook part is written afterwards, as Excel or another program may leave it."""
    workbook = openpyxl.Workbook()
    old = workbook.active
    assert old is not None
    old.title = "지난달"
    old.append(RESEND_HEADER)
    old.append(["SELL", "OLD-1", "old@example.com"])
    current = workbook.create_sheet("이번달")
    current.append(RESEND_HEADER)
    current.append(["SELL", "NEW-1", "new@example.com"])
    old.sheet_state = first_state
    current.sheet_state = second_state
    workbook.save(path)
    tab = "" if active is None else f' activeTab="{active}"'
    edit_part(path, "xl/workbook.xml", lambda xml: re.sub(r' activeTab="\d+"', tab, xml))
    return path


def test_the_active_sheet_is_read_not_a_hidden_first_one(tmp_path: Path) -> None:
    """The review: a hidden first sheet was sent, not the sheet the clerk sees."""
    batch = read_batch(two_sheets(tmp_path / "a.xlsx", first_state="hidden", active=1), "resend_email")
    assert [row.values["mgt_key"] for row in batch.rows] == ["NEW-1"]
    assert batch.sheet == "이번달"
    assert batch.notes("ko")[0] == "시트: 이번달" and batch.notes("en")[0] == "Sheet: 이번달"


def test_a_visible_second_sheet_that_is_active_is_read(tmp_path: Path) -> None:
    batch = read_batch(two_sheets(tmp_path / "a.xlsx", first_state="visible", active=1), "resend_email")
    assert batch.sheet == "이번달" and batch.rows[0].values["mgt_key"] == "NEW-1"


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
@pytest.mark.parametrize("active", [0, None])
def test_a_hidden_first_sheet_with_no_other_active_is_refused(tmp_path: Path, state: str, active: int | None) -> None:
    with pytest.raises(BatchFileError) as refused:
        read_batch(two_sheets(tmp_path / "a.xlsx", first_state=state, active=active), "resend_email")
    error = refused.value
    assert error.key == "batch.first_sheet_hidden" and error.params["sheet"] == "지난달"
    assert "'지난달'" in error.describe("ko") and "hidden" in error.describe("en")


def test_a_hidden_active_sheet_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BatchFileError) as refused:
        read_batch(
            two_sheets(tmp_path / "a.xlsx", first_state="visible", active=1, second_state="hidden"), "resend_email"
        )
    assert refused.value.key == "batch.sheet_hidden" and refused.value.params["sheet"] == "이번달"


def test_a_chart_shown_first_is_refused(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(RESEND_HEADER)
    sheet.append(["SELL", "K1", "a@example.com"])
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=1, min_row=1, max_row=2))
    workbook.create_chartsheet("차트").add_chart(chart)
    workbook.active = 1
    workbook.save(tmp_path / "chart.xlsx")
    with pytest.raises(BatchFileError) as refused:
        read_batch(tmp_path / "chart.xlsx", "resend_email")
    assert refused.value.key == "batch.sheet_not_table" and "차트" in refused.value.describe("en")


def hidden_rows_book(path: Path) -> Path:
    """Rows 3 (by hand), 5 and 6 (a collapsed outline), 8 (filtered out), 9 (no height) hidden; 4 and 7 shown.
    Row 9's height is written as Excel writes it (openpyxl leaves out a height of 0)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(RESEND_HEADER)
    for n in range(2, 11):
        sheet.append(["SELL", f"K{n}", f"a{n}@example.com"])
    sheet.row_dimensions[3].hidden = True
    sheet.row_dimensions.group(5, 6, outline_level=1, hidden=True)
    sheet.auto_filter.ref = "A1:C10"
    sheet.auto_filter.add_filter_column(1, ["K2", "K4", "K7", "K10"])
    sheet.row_dimensions[8].hidden = True  # what Excel writes for a row its filter leaves out
    workbook.save(path)
    edit_part(
        path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace('<row r="9">', '<row r="9" ht="0" customHeight="1">')
    )
    return path


def test_hidden_rows_are_recorded(tmp_path: Path) -> None:
    batch = read_batch(hidden_rows_book(tmp_path / "hidden.xlsx"), "resend_email")
    assert batch.hidden_rows == (3, 5, 6, 8, 9)
    assert len(batch.rows) == 9 and batch.invalid_rows == []  # read and checked like any row, until a choice
    assert "숨겨진 행 5개: 3, 5, 6, 8, 9" in batch.notes("ko")
    question = batch.hidden_rows_text("en")
    assert "5 row(s) are hidden" in question and "3, 5, 6, 8, 9" in question and "hidden.xlsx" in question


def test_hidden_rows_left_out_are_skipped_and_the_file_stays_the_same(tmp_path: Path) -> None:
    batch = read_batch(hidden_rows_book(tmp_path / "hidden.xlsx"), "resend_email")
    left = batch.leave_out_hidden()
    assert [row.row for row in left.valid_rows] == [2, 4, 7, 10]
    assert left.invalid_rows == []  # left out is not invalid: no --skip-invalid needed
    assert {row.row for row in left.rows if row.left_out} == {3, 5, 6, 8, 9}
    assert left.fingerprint() == batch.fingerprint()  # the same file, whatever was chosen
    states = left.initial_outcomes()
    assert [n for n, outcome in states.items() if outcome.state is RowState.SKIPPED] == [3, 5, 6, 8, 9]
    table = result_table("resend_email", left.rows, states, "en")
    assert table[2][-1] == "A hidden row: left out, not sent."  # row 3, in the results file
    assert read_batch(tmp_path / "hidden.xlsx", "resend_email").leave_out_hidden().rows == left.rows


def test_a_hidden_invalid_row_left_out_does_not_refuse_the_file(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in (RESEND_HEADER, ["SELL", "K1", "a@example.com"], ["SELL", "K 2", "not an address"]):
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True
    workbook.save(tmp_path / "a.xlsx")
    batch = read_batch(tmp_path / "a.xlsx", "resend_email")
    assert [row.row for row in batch.invalid_rows] == [3]
    left = batch.leave_out_hidden()
    assert left.invalid_rows == [] and [row.row for row in left.valid_rows] == [2]
    assert left.rows[1].problems[0].key == "batch.hidden_row"


def test_a_hidden_row_written_by_another_program(tmp_path: Path) -> None:
    """hidden="true" (not "1") and a namespaced row element are read the same way."""
    rows = [inline_row(1, RESEND_HEADER), inline_row(2, ["SELL", "K1", "a@example.com"], ' hidden="true"')]
    rows.append(inline_row(3, ["SELL", "K2", "b@example.com"], ' ht="15" customHeight="1"'))
    batch = read_batch(raw_xlsx(tmp_path / "other.xlsx", b"".join(rows)), "resend_email")
    assert batch.hidden_rows == (2,) and batch.sheet == "목록"


def test_a_file_without_hidden_rows_has_none(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("MgtKeyType,MgtKey,Receiver\nSELL,K1,a@example.com\n", encoding="utf-8")
    batch = read_batch(tmp_path / "a.csv", "resend_email")
    assert batch.hidden_rows == () and batch.sheet is None and batch.notes("en") == []
    assert batch.leave_out_hidden() is batch
