"""The batch tab's status line is never cut: beside the buttons while it fits there, on a row of its own above them
when it would wrap in the narrow column the buttons leave it (800×560: a refused file with the template's note)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from .conftest import ClerkWindow


def whole(label: QLabel) -> bool:
    """Every wrapped line of the label is inside it, and it is inside its tab."""
    tab = label.parentWidget()
    return label.height() >= label.heightForWidth(label.width()) and label.geometry().bottom() <= tab.height()


def test_a_long_status_moves_above_the_buttons_and_back(
    qtbot: QtBot, clerk_window: ClerkWindow, tmp_path: Path
) -> None:
    window = clerk_window("en", (800, 560))
    window.tabs.setCurrentWidget(window.batch_page)
    tab = window.batch_tab
    status = tab.ui.status
    other = tmp_path / "assign.csv"  # an assign file while the tab is set to resend: refused, with why
    other.write_text("팝빌번호,문서유형,문서번호\n024112415000000001,매출,INV-1\n", encoding="utf-8")
    tab.load_file(str(other))
    qtbot.waitUntil(lambda: not tab.working and "Assign" in status.text(), timeout=10_000)
    tab.template_to(str(tmp_path / "template.xlsx"))
    qtbot.waitUntil(lambda: (tmp_path / "template.xlsx").exists() and "template.xlsx" in status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: whole(status), timeout=5_000)
    assert tab.ui.status_place.is_above
    start = tab.ui.start_button
    assert status.geometry().bottom() < start.geometry().top()  # above the buttons' row, not beside it
    assert tab.ui.export_button.geometry().right() > tab.width() - 40  # the buttons stay at the right

    good = tmp_path / "resend.csv"
    good.write_text("Type,Document ID,E-mail\nSELL,INV-1,a@example.com\n", encoding="utf-8")
    window.resize(1366, 700)
    tab.load_file(str(good))
    qtbot.waitUntil(lambda: not tab.working and "assign" not in status.text().lower(), timeout=10_000)
    qtbot.waitUntil(lambda: not tab.ui.status_place.is_above, timeout=5_000)  # a short line: beside again
    assert abs(status.geometry().center().y() - start.geometry().center().y()) < start.height()
    assert whole(status)
