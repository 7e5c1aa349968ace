"""Menus that fit macOS: Settings and Quit carry the roles that move them into the application menu there, and the
History shortcut is not ⌘H (the system's Hide) on macOS. The platform is an argument, so Linux checks both."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from popbill_gui.app import create_window
from popbill_gui.ui.window.main_window import MainWindow, history_shortcut


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    made = create_window(demo=True, history_path=tmp_path / "history.sqlite3")
    qtbot.addWidget(made)
    return made


def test_settings_and_quit_go_to_the_application_menu_on_macos(window: MainWindow) -> None:
    settings = window.findChild(QAction, "settingsAction")
    assert settings is not None and settings.menuRole() == QAction.MenuRole.PreferencesRole
    assert settings.shortcut() == QKeySequence("Ctrl+,")  # ⌘, on macOS: the system's Settings shortcut
    assert window.quit_action.menuRole() == QAction.MenuRole.QuitRole
    history = window.findChild(QAction, "historyAction")
    assert history is not None and history.menuRole() == QAction.MenuRole.TextHeuristicRole  # stays in File
    assert history.shortcut() == history_shortcut(sys.platform)


@pytest.mark.parametrize("platform", ["win32", "linux"])
def test_history_is_ctrl_h_on_windows_and_linux(platform: str) -> None:
    assert history_shortcut(platform) == QKeySequence("Ctrl+H")


def test_history_on_macos_is_not_hide_and_clashes_with_no_other_action(window: MainWindow) -> None:
    on_mac = history_shortcut("darwin")
    assert on_mac != QKeySequence("Ctrl+H")  # Qt's Ctrl is ⌘ on macOS: ⌘H would hide the application
    assert on_mac == QKeySequence("Ctrl+Y")
    others = {
        action.shortcut().toString()
        for action in window.findChildren(QAction)
        if action.objectName() != "historyAction" and not action.shortcut().isEmpty()
    }
    assert on_mac.toString() not in others
