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
    screen_fit.resize_within_screen(window, 900, 620)  # what the window does when it is first made
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
    assert (windows["history"].width(), windows["history"].height()) == (1000, 560)
    # Find takes most of the screen (a list of invoices wants the width), within reason on a large one.
    assert (windows["find"].width(), windows["find"].height()) == (1600, 940)
    windows["find"].close()
