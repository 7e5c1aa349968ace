"""Windows that fit the screen they open on (ui/screen_fit.py): on an 800×560 screen the main window, Find, History
and Settings open no larger than its free area, so no button starts off the screen (Windows does not clamp new
windows); on a roomy screen they keep their usual size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.ui.history.history_dialog import HistoryDialog
from popbill_gui.ui.shared import screen_fit
from popbill_gui.ui.window.main_window import MainWindow

from .conftest import ClerkWindow

SMALL = QRect(0, 0, 800, 560)


def opened(qtbot: QtBot, window: MainWindow) -> dict[str, QWidget]:
    history = HistoryDialog(window.service, window.jobs, window)
    qtbot.addWidget(history)
    find = window.assign_tab.open_find()
    assert window.jobs.wait(10000)
    return {"main": window, "history": history, "find": find, "settings": window.settings_keeper.dialog()}


def fits(widget: QWidget, area: QRect) -> bool:
    """Inside the area, less the window's title bar (measured once shown, else guessed)."""
    return widget.width() <= area.width() and widget.height() <= screen_fit.room_on_screen(widget) <= area.height()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_on_a_small_screen_every_window_opens_inside_it(
    qtbot: QtBot, clerk_window: ClerkWindow, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setattr(screen_fit, "free_area", lambda window: SMALL)
    window = clerk_window(lang, (800, 560))
    screen_fit.resize_to_screen(window)  # what the window does when it is first made
    windows = opened(qtbot, window)
    too_big = {name: (w.width(), w.height()) for name, w in windows.items() if not fits(w, SMALL)}
    assert too_big == {}
    for name, widget in windows.items():
        if isinstance(widget, QDialog):
            widget.close()
        assert widget.width() >= 400, name  # capped, not crushed


def test_on_a_roomy_screen_they_keep_their_size(
    qtbot: QtBot, clerk_window: ClerkWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screen_fit, "free_area", lambda window: QRect(0, 0, 1920, 1040))
    window = clerk_window("ko")
    windows = opened(qtbot, window)
    assert windows["history"].width() >= 1400 and windows["history"].height() >= 800  # sized from the screen
    # Find takes most of the screen (a list of invoices wants the width), within reason on a large one.
    assert (windows["find"].width(), windows["find"].height()) == (1600, 940)
    windows["find"].close()


# ---- room on real screens (issue 19 item 7) --------------------------------------------------------------------
# Free areas in Qt's device-independent pixels: a 1366×768 laptop less a 40 px task bar; 1920×1080 at 125 % (what
# QT_SCALE_FACTOR=1.25 gives: 1536×864) less its task bar.
LAPTOP = QRect(0, 0, 1366, 728)
SCALED = QRect(0, 0, 1536, 826)


@pytest.mark.parametrize("area", [LAPTOP, SCALED], ids=["1366x768", "1920x1080@125%"])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_main_window_and_history_use_most_of_the_screen_and_nothing_scrolls_sideways(
    qtbot: QtBot, clerk_window: ClerkWindow, monkeypatch: pytest.MonkeyPatch, area: QRect, lang: str
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QPushButton, QTableView

    monkeypatch.setattr(screen_fit, "free_area", lambda window: area)
    window = clerk_window(lang)
    screen_fit.resize_to_screen(window)  # as the window does when it is made (the fixture sized it for tests)
    room = screen_fit.room_on_screen(window)
    assert window.width() >= 0.9 * area.width() and window.height() >= 0.9 * room
    assert window.width() <= area.width() and window.height() <= room
    assert (window.width(), window.height()) != (900, 620)
    for key in ("INV-1", "NOTFOUND-1"):  # a row that answered, one that was refused, in the log
        window.findChild(QLineEdit, "resendMgtKey").setText(key)
        window.findChild(QLineEdit, "resendReceiver").setText("staff@example.com")
        before = window.log_model.rowCount()
        qtbot.mouseClick(window.findChild(QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda before=before: window.log_model.rowCount() > before, timeout=10_000)
    qtbot.wait(50)
    log = window.findChild(QTableView, "logView")
    assert log.horizontalScrollBar().maximum() == 0
    history = HistoryDialog(window.service, window.jobs, window)
    qtbot.addWidget(history)
    history.show()
    qtbot.waitUntil(lambda: history.model.rowCount() == 2, timeout=10_000)
    qtbot.wait(50)
    assert history.width() >= 0.8 * area.width() and history.height() >= 0.8 * room
    assert history.findChild(QTableView, "historyView").horizontalScrollBar().maximum() == 0
