"""The names an export may take: .csv or .xlsx, what Excel opens. One check for every export and both faces, so a
name such as 결과.txt is refused with a sentence instead of becoming 결과.txt.xlsx or an error."""

from __future__ import annotations

from pathlib import PurePath
from typing import Final

from .validation import Problem

EXPORT_SUFFIXES: Final = (".csv", ".xlsx")


def export_name_problem(path: str | PurePath) -> Problem | None:
    """None when `path` names a .csv or .xlsx file (any case); else the problem ("export.suffix"), naming the file."""
    name = PurePath(path)
    if name.suffix.lower() in EXPORT_SUFFIXES:
        return None
    return Problem("path", "export.suffix", {"name": name.name or str(path)})
