"""Spreadsheet cells that are never formulas: what every export (CSV, XLSX, copied rows) writes.

A receiver address such as `=1+2@example.com` is valid, and a skipped row's raw text is exported as it was: a
spreadsheet would run either as a formula (`=HYPERLINK(…)`, DDE). So text stays text, numbers stay numbers:

* in CSV and tab-separated text, a text cell beginning with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`
  (OWASP's advice against CSV injection); `undefused` takes it off again when such a file is read back in;
* in XLSX, a text cell is written as a string cell (the writer forces the type; see `batch/export.py`), so no
  prefix is needed there, and `is_formula_like` says which cells to mark as typed-as-text.

Qt-free: the window's log pane, the batch export and the history export all use it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Final

# The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
# A plain number written as text (e.g. a code "-11000005" in the log pane): a spreadsheet reads it as that
# number and never as a formula, so it keeps its sign instead of getting a prefix.
_PLAIN_NUMBER: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
# Excel shows at most 15 significant digits: a larger integer is exported as text, so no digit is lost.
_EXACT_BELOW: Final = 10**15


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would read `text` as a formula (or as a number with a formula's sign)."""
    return text.startswith(FORMULA_STARTS) and _PLAIN_NUMBER.fullmatch(text) is None


def _quoted(text: str) -> bool:
    # Quotes already in front of a formula count too, so that `undefused(defused(text)) == text` for every text.
    return is_formula_like(text.lstrip("'"))


def defused(text: str) -> str:
    """`text` as a CSV or tab-separated cell that a spreadsheet shows as text, never runs."""
    return "'" + text if _quoted(text) else text


def undefused(text: str) -> str:
    """The text that `defused` protected: the `'` it put before a formula character is taken off."""
    if text.startswith("'") and _quoted(text[1:]):
        return text[1:]
    return text


def numeric(value: object) -> bool:
    """A value exported as a number: an int or finite float that a spreadsheet holds exactly (never a bool)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and abs(value) < _EXACT_BELOW


def csv_cell(value: object) -> object:
    """One cell for csv.writer: a number as it is, anything else as defused text (None as '')."""
    if numeric(value):
        return value
    return defused("" if value is None else str(value))


def tsv_line(values: Iterable[object]) -> str:
    """One line of tab-separated text (what a spreadsheet takes from the clipboard), every text cell defused.

    A tab or line break inside a value would split the cell or the row: it becomes a space.
    """
    cells = []
    for value in values:
        text = str(value) if numeric(value) else defused("" if value is None else str(value))
        cells.append(re.sub(r"[\t\r\n]+", " ", text))
    return "\t".join(cells)
