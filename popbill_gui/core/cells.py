"""Spreadsheet cells: never a formula in what every export (CSV, XLSX, copied rows) writes; numbers as Excel shows.

A receiver address such as `=1+2@example.com` is valid, and a skipped row's raw text is exported as it was: a
spreadsheet would run either as a formula (`=HYPERLINK(…)`, DDE). So text stays text, numbers stay numbers:

* in CSV and tab-separated text, a text cell beginning with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`
  (OWASP's advice against CSV injection); `undefused` takes it off again when such a file is read back in;
* in XLSX, a text cell is written as a string cell (the writer forces the type; see `batch/export.py`), so no
  prefix is needed there, and `is_formula_like` says which cells to mark as typed-as-text.

Reading goes the other way: `shown_key` gives a number cell of a key column as the text Excel shows, or says why
it cannot be taken as it is (the batch reader).

Qt-free: the window's log pane, the batch export, the history export and the batch reader use it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
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


# ---- numbers as Excel shows them: the key columns of a batch file (document ID, ItemKey, NTS number) ----
#
# What the clerk sees in a cell is its number shown through its number format. A key is taken from a number cell
# only when that text can be told exactly: an integer under General (Excel shows up to 11 digits as they are) or
# under a format made of digit placeholders and literals ("0000" shows 7 as 0007, "000-00-00000" a business number).
# Everything else (16 digits or more, which a double cannot hold; E notation; decimals; dates; other formats) is
# refused with what Excel did, never guessed: a document ID given by AssignMgtKey cannot be taken back.

GENERAL_FORMATS: Final = frozenset({"general", "@", "g/표준"})  # "@": a number typed before the cell became Text
_GENERAL_DIGITS: Final = 11  # General shows an integer of 12 digits or more in E notation (1.23457E+11)
# Literals a number format shows as they are, without quotes (Excel's list, less those with another meaning here).
_PLAIN_LITERALS: Final = frozenset("-+() $")


@dataclass(frozen=True)
class ShownNumber:
    """A number cell as a key: the text Excel shows, and why it cannot be taken (a message key) when it cannot."""

    text: str
    refusal: str | None = None
    params: dict[str, object] = field(default_factory=dict)


def general_text(value: float) -> str:
    """`value` as Excel's General format shows it in a cell of the usual width: an integer of up to 11 digits as it
    is, a larger one in E notation with six significant digits (1.23457E+18), a fraction with up to 10 digits."""
    if math.isfinite(value) and float(value).is_integer() and abs(value) < 10**_GENERAL_DIGITS:
        return str(int(value))
    if not math.isfinite(value):
        return str(value)
    if abs(value) >= 10**_GENERAL_DIGITS or (value != 0 and abs(value) < 1e-9):
        mantissa, _, exponent = f"{value:.5E}".partition("E")
        mantissa = mantissa.rstrip("0").rstrip(".")
        return f"{mantissa}E{exponent[0]}{exponent[1:].lstrip('0').zfill(2)}"
    return f"{value:.10g}"


def shown_key(value: float, number_format: str) -> ShownNumber:
    """A number cell of a key column, as Excel shows it under `number_format`, or why it cannot be taken as is."""
    code = number_format.strip()
    if not math.isfinite(value) or not float(value).is_integer():
        return ShownNumber(general_text(value), "cell.fraction", {"shown": general_text(value)})
    number = int(value)
    if abs(number) >= _EXACT_BELOW:  # 16 digits or more: what is stored may already differ from what was typed
        return ShownNumber(general_text(value), "cell.long_number", {"shown": general_text(value)})
    if code.casefold() in GENERAL_FORMATS:
        shown = general_text(value)
        if abs(number) >= 10**_GENERAL_DIGITS:
            return ShownNumber(shown, "cell.e_notation", {"shown": shown})
        return ShownNumber(shown)
    shown_text = digits_format(number, code)
    if shown_text is None:
        return ShownNumber(general_text(value), "cell.format", {"shown": general_text(value), "format": code})
    return ShownNumber(shown_text)


def digits_format(number: int, code: str) -> str | None:
    """`number` under a number format of digit placeholders (0, #) and literals ("INV-", \\A, -), as Excel shows
    it; None for any other format (decimals, thousands, dates, colours, conditions, text sections)."""
    sections = _sections(code)
    if sections is None or not 1 <= len(sections) <= 4:
        return None
    if number < 0 and len(sections) >= 2:
        section, sign, number = sections[1], "", -number  # a negative section shows its own sign, if any
    elif number == 0 and len(sections) >= 3:
        section, sign = sections[2], ""
    else:
        section, sign = sections[0], "-" if number < 0 else ""
        number = abs(number)
    tokens = _tokens(section)
    if tokens is None:
        return None
    slots = [index for index, (kind, _) in enumerate(tokens) if kind == "digit"]
    if not slots:
        return None  # a format that shows no digits at all: not a key as the clerk typed it
    digits = str(number) if number else ""  # zero has no significant digit: "0" shows 0, "#" nothing
    shown = [text for _, text in tokens]
    for index in reversed(slots):  # digits fill the placeholders from the right
        placeholder = tokens[index][1]
        shown[index], digits = (digits[-1], digits[:-1]) if digits else ("0" if placeholder == "0" else "", "")
    shown[slots[0]] = digits + shown[slots[0]]  # more digits than placeholders: the rest go before the first
    return sign + "".join(shown)


def _sections(code: str) -> list[str] | None:
    """A format code split at its unquoted semicolons; None when a quote is not closed."""
    sections, current, index = [], [], 0
    while index < len(code):
        char = code[index]
        if char == '"':
            end = code.find('"', index + 1)
            if end < 0:
                return None
            current.append(code[index : end + 1])
            index = end + 1
            continue
        if char == "\\":
            current.append(code[index : index + 2])
            index += 2
            continue
        if char == ";":
            sections.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    sections.append("".join(current))
    return sections


def _tokens(section: str) -> list[tuple[str, str]] | None:
    """("digit", "0" | "#") and ("literal", text) parts of one section; None for anything else."""
    tokens: list[tuple[str, str]] = []
    index = 0
    while index < len(section):
        char = section[index]
        if char == '"':
            end = section.index('"', index + 1)  # closed: checked by _sections
            tokens.append(("literal", section[index + 1 : end]))
            index = end + 1
        elif char == "\\" and index + 1 < len(section):
            tokens.append(("literal", section[index + 1]))
            index += 2
        elif char in "0#":
            tokens.append(("digit", char))
            index += 1
        elif char in _PLAIN_LITERALS:
            tokens.append(("literal", char))
            index += 1
        else:
            return None
    return tokens
