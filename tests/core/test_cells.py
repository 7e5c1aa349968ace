"""Spreadsheet cells that are never formulas: the rule every export shares (core/cells.py)."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from popbill_gui.core.cells import (
    FORMULA_STARTS,
    csv_cell,
    defused,
    digits_format,
    general_text,
    is_formula_like,
    numeric,
    shown_key,
    tsv_line,
    undefused,
)


@pytest.mark.parametrize(
    "text",
    [
        "=1+2@example.com",
        '=HYPERLINK("http://x","y")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "=",
        "'=1",
    ],
)
def test_formula_starts_get_a_quote(text: str) -> None:
    assert defused(text) == "'" + text
    assert undefused(defused(text)) == text


@pytest.mark.parametrize("text", ["", "INV-1", "a@example.com", "-11000005", "-1.5", "200", "'O'Brien", "'"])
def test_plain_text_and_numbers_as_text_are_kept(text: str) -> None:
    assert defused(text) == text
    assert undefused(text) == text


def test_undefused_takes_off_only_the_quote_an_export_adds() -> None:
    assert undefused("'=1") == "=1"
    assert undefused("'O'Brien") == "'O'Brien"  # not followed by a formula character: the user's own quote
    assert undefused("''=1") == "'=1"  # the user's own "'=1", defused


@given(st.text(alphabet=st.sampled_from("'=+-@\t\r0123456789.aé"), max_size=8) | st.text())
def test_defused_text_never_starts_a_formula_and_comes_back(text: str) -> None:
    safe = defused(text)
    assert not is_formula_like(safe)
    assert undefused(safe) == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [(5, True), (-11000005, True), (1.5, True), (True, False), (10**15, False), (float("nan"), False), ("5", False)],
)
def test_numeric(value: object, expected: bool) -> None:
    assert numeric(value) is expected


def test_csv_cells_keep_numbers_and_defuse_text() -> None:
    assert csv_cell(-11000005) == -11000005
    assert csv_cell(241124150000000012) == "241124150000000012"  # beyond Excel's 15 digits: text
    assert csv_cell(None) == ""
    assert csv_cell("=1+2") == "'=1+2"


def test_tsv_line_is_one_row_with_every_text_cell_defused() -> None:
    line = tsv_line(["=cmd|' /C calc'!A0", "two\tcells", "line\r\nbreak", -1, "-11000005", None, "\t@x"])
    assert "\n" not in line and "\r" not in line
    cells = next(csv.reader(io.StringIO(line), delimiter="\t"))
    assert cells == ["'=cmd|' /C calc'!A0", "two cells", "line break", "-1", "-11000005", "", "' @x"]
    assert not any(cell.startswith(FORMULA_STARTS) and not cell.lstrip("-").isdigit() for cell in cells)


# ---- numbers as Excel shows them (the batch reader's key cells) ----


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (7, "7"),
        (99_999_999_999, "99999999999"),  # 11 digits: as they are
        (123_456_789_012, "1.23457E+11"),  # 12 digits: E notation
        (1_234_567_890_123_456_789, "1.23457E+18"),
        (1_200_000_000_000_000_000, "1.2E+18"),
        (-123_456_789_012, "-1.23457E+11"),
        (12.5, "12.5"),
        (0.1 + 0.2, "0.3"),
    ],
)
def test_general_shows_numbers_as_excel_does(value: float, shown: str) -> None:
    assert general_text(value) == shown


@pytest.mark.parametrize(
    ("number", "code", "shown"),
    [
        (7, "0000", "0007"),
        (12345, "0000", "12345"),  # more digits than placeholders: the rest in front
        (0, "0000", "0000"),
        (0, "#", ""),
        (123456789, "###-##-#####", "12-34-56789"),
        (7, '"No. "0', "No. 7"),
        (-7, "0000", "-0007"),
        (-7, "0000;(0000)", "(0007)"),
        (0, '0000;-0000;"zero"0', "zero0"),
        (7, "0.00", None),
        (7, "#,##0", None),
        (7, "yyyy-mm-dd", None),
        (7, "[Red]0", None),
        (7, '"unclosed', None),
        (7, '"text only"', None),
    ],
)
def test_digit_formats(number: int, code: str, shown: str | None) -> None:
    assert digits_format(number, code) == shown


@given(st.integers(min_value=0, max_value=10**15 - 1), st.integers(min_value=1, max_value=15))
def test_zeros_pad_to_the_placeholders(number: int, width: int) -> None:
    assert shown_key(number, "0" * width).text == str(number).zfill(width)


@given(st.integers(min_value=10**15, max_value=10**20))
def test_sixteen_digits_or_more_are_never_taken(number: int) -> None:
    for code in ("General", "0", "0000000000000000000000"):
        assert shown_key(number, code).refusal == "cell.long_number"
        assert shown_key(float(number), code).refusal == "cell.long_number"
