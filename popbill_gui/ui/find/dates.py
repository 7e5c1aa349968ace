"""The Find dialog's dates: a date field that takes a date typed the way clerks type one, and the ranges they ask for
most (이번달, 지난달, 최근 3개월).

Qt's QDateEdit edits a date section by section: typing `20261130` into it fills the year section and then walks
through the others, leaving a different date than the one typed. `DateEdit` is a QDateEdit (its calendar, arrow keys
and display stay Qt's) that reads its text as a whole instead: `20261130`, `2026-11-30`, `2026.11.30`, `2026/11/30`
and `2026-1-5` are all taken; a typed character goes into the text as typed (not into a section), and the whole text
is selected when the field is entered, so typing replaces it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from PySide6.QtCore import QDate, QDateTime, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QDateEdit, QWidget

from ...core.invoices import add_months

DISPLAY_FORMAT: Final = "yyyy-MM-dd"
_WHOLE: Final = re.compile(r"(\d{4})(\d{2})(\d{2})|(\d{4})[-./ ](\d{1,2})[-./ ](\d{1,2})\.?")
_ON_ITS_WAY: Final = re.compile(r"[0-9./ -]{0,11}")
_TYPED: Final = frozenset("0123456789-./ ")
PRESETS: Final = ("this_month", "last_month", "last_3_months")


def typed_date(text: str) -> date | None:
    """The date `text` names when a clerk typed it whole (20261130, 2026-11-30, 2026.11.30., 2026/1/5); else None."""
    match = _WHOLE.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day = (match[1], match[2], match[3]) if match[1] else (match[4], match[5], match[6])
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def preset_range(preset: str, today: date) -> tuple[date, date]:
    """First and last day of a preset: this month (to today), last month (whole), the last 3 months (the same day
    three months ago, to today)."""
    first_of_month = today.replace(day=1)
    if preset == "this_month":
        return first_of_month, today
    if preset == "last_month":
        last = first_of_month - timedelta(days=1)
        return last.replace(day=1), last
    if preset == "last_3_months":
        return add_months(today, -3), today
    raise ValueError(f"unknown preset: {preset!r}")


class DateEdit(QDateEdit):
    """A QDateEdit (calendar pop-up, yyyy-MM-dd) that takes a date typed whole, with or without separators."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DISPLAY_FORMAT)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if typed_date(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if _ON_ITS_WAY.fullmatch(text.strip()):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:
        day = typed_date(text)
        if day is None:
            return self.dateTime()
        return QDateTime(QDate(day.year, day.month, day.day), self.time())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typed = event.text()
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if plain and len(typed) == 1 and typed in _TYPED:
            # Into the text as typed: Qt's sections would turn 20261130 into another date.
            line = self.lineEdit()
            if line is not None:
                line.insert(typed)
                event.accept()
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        line = self.lineEdit()
        if line is not None and event.reason() != Qt.FocusReason.PopupFocusReason:
            QTimer.singleShot(0, line.selectAll)  # after Qt has selected a section: typing replaces the whole date
