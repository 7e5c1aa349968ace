"""Text laid out in columns for a terminal, where a Hangul syllable takes two cells and a Latin letter one.

Widths follow Unicode's East Asian Width (`unicodedata.east_asian_width`): Wide and Fullwidth characters take two
columns; combining marks, and the vowels and final consonants of decomposed Hangul, none; everything else one
(Ambiguous included, as most terminals outside CJK locales draw it). Text from POPBiLL (partner names) is never
trusted to be printable: control and format characters, which could move the cursor or recolour the terminal (ESC
sequences) or reorder the line (bidi overrides), are shown as U+FFFD.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Sequence
from typing import Final

REPLACEMENT: Final = "\ufffd"


def _jamo_tail(char: str) -> bool:
    """A Hangul vowel or final consonant jamo: it joins the leading consonant's two cells (decomposed Hangul, as
    macOS writes names in NFD), taking none of its own, as terminals (wcwidth) draw it."""
    return "\u1160" <= char <= "\u11ff" or "\ud7b0" <= char <= "\ud7ff"


GAP: Final = "  "


def printable(value: str) -> str:
    """`value` with every control, format, surrogate or unassigned character replaced by U+FFFD."""
    return "".join(REPLACEMENT if unicodedata.category(c)[0] == "C" else c for c in value)


def width(value: str) -> int:
    """Terminal columns `value` takes (print it through `printable` first)."""
    total = 0
    for char in value:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me") or _jamo_tail(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def pad(value: str, columns: int, *, right: bool = False) -> str:
    """`value` filled with spaces to `columns` terminal columns (on the left when `right`-aligned)."""
    fill = " " * max(0, columns - width(value))
    return fill + value if right else value + fill


def render(headers: Sequence[str], rows: Iterable[Sequence[str]], right: Collection[int] = ()) -> list[str]:
    """Lines of a table: the headers, a rule, then the rows; the columns in `right` (indexes) right-aligned.
    Trailing spaces are left off each line."""
    cells = [[printable(h) for h in headers]] + [[printable(v) for v in row] for row in rows]
    widths = [max(width(line[i]) for line in cells) for i in range(len(headers))]
    rule = ["-" * w for w in widths]
    lines = []
    for line in (cells[0], rule, *cells[1:]):
        lines.append(GAP.join(pad(v, widths[i], right=i in right) for i, v in enumerate(line)).rstrip())
    return lines


def labelled(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """'label  value' lines with the values lined up (labels in Korean are twice as wide per letter)."""
    items = [(printable(label), printable(value)) for label, value in pairs]
    column = max((width(label) for label, _ in items), default=0)
    return [f"{pad(label, column)}{GAP}{value}".rstrip() for label, value in items]
