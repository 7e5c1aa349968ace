"""The log pane's Copy rows: tab-separated text that a spreadsheet pastes as text, never as a formula."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from pytestqt.qtbot import QtBot

from popbill_gui.core.cells import FORMULA_STARTS
from popbill_gui.ui.log.log_model import LogEntry, LogModel


def test_copied_rows_hold_no_formula_and_keep_numbers(qtbot: QtBot) -> None:
    model = LogModel()
    when = datetime(2024, 3, 1, 10, 0, 0)
    model.add(LogEntry(when, "resend_email", '=HYPERLINK("http://evil.example","x")', False, -11000005, "@cmd"))
    model.add(LogEntry(when, "resend_email", "SELL INV-1", True, 1, "=1+2@example.com\tline\nbreak", 200, 0.123))
    text = model.rows_as_text([1, 0])
    lines = text.split("\n")
    assert len(lines) == 3  # the header and one line per row: no value breaks a row
    cells = list(csv.reader(io.StringIO(text), delimiter="\t"))
    assert cells[0][:3] == ["Time", "Result", "Operation"]
    first, second = cells[1], cells[2]
    assert first[3] == "'" + '=HYPERLINK("http://evil.example","x")'
    assert first[5] == "-11000005" and first[6] == "'@cmd"  # the code stays a number
    assert second[4:] == ["200", "1", "'=1+2@example.com line break", "123 ms", ""]  # no advice for a success
    for line in cells:
        for cell in line:
            assert not cell.startswith(FORMULA_STARTS) or cell.lstrip("-").isdigit(), cell
