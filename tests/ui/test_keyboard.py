"""The window by keyboard alone (issue 13.5): Tab and Shift+Tab leave every table, choosing a tab puts focus on its
first control, every button is on the Tab chain, and no two controls shown together share a mnemonic (ko and en)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from popbill_gui.ui.history.history_dialog import HistoryDialog
from popbill_gui.ui.shared.focus import first_control
from popbill_gui.ui.window.main_window import MainWindow

from .conftest import ClerkWindow


def w(parent: QWidget, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


def active(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitActive(window)


def send_two(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.resend_tab
    for key in ("INV-1", "NOTFOUND-1"):
        tab.mgt_key.edit.setText(key)
        tab.receiver.edit.setText("a@example.com")
        rows = window.log_model.rowCount()
        tab.button.click()
        qtbot.waitUntil(lambda rows=rows: window.log_model.rowCount() > rows, timeout=10_000)


def batch_loaded(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("문서유형,문서번호,수신메일\n" + "".join(f"SELL,K{i},a{i}@x.kr\n" for i in range(9)), "utf-8")
    window.tabs.setCurrentWidget(window.batch_page)
    with qtbot.waitSignal(window.batch_tab.loaded, timeout=10_000):
        window.batch_tab.load_file(str(path))


def press(qtbot: QtBot, key: Qt.Key, shift: bool = False) -> QWidget | None:
    focused = QApplication.focusWidget()
    assert focused is not None
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(focused, key, modifier)
    return QApplication.focusWidget()


def leaves(qtbot: QtBot, view: QTableView) -> None:
    """With rows in it and one selected, Tab and Shift+Tab take focus out of the table."""
    assert view.model().rowCount() > 1
    for shift in (False, True):
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        view.setCurrentIndex(view.model().index(0, 0))
        after = press(qtbot, Qt.Key.Key_Backtab if shift else Qt.Key.Key_Tab, shift)
        assert after is not view and after is not None, (view.objectName(), shift)
        assert view.currentIndex().column() == 0  # not moved to the next cell


def test_tab_leaves_the_log_the_history_and_the_batch_preview(
    qtbot: QtBot, clerk_window: ClerkWindow, tmp_path: Path
) -> None:
    window = clerk_window("en")
    send_two(qtbot, window)
    active(qtbot, window)
    leaves(qtbot, w(window, QTableView, "logView"))
    dialog = HistoryDialog(window.service, window.jobs, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    active(qtbot, dialog)
    leaves(qtbot, w(dialog, QTableView, "historyView"))
    dialog.close()
    active(qtbot, window)
    batch_loaded(qtbot, window, tmp_path)
    leaves(qtbot, w(window, QTableView, "batchPreview"))


def test_choosing_a_tab_puts_focus_on_its_first_control(qtbot: QtBot, clerk_window: ClerkWindow) -> None:
    window = clerk_window("ko")
    active(qtbot, window)
    # At start: the first field of the first tab, not the tab bar.
    qtbot.waitUntil(lambda: (QApplication.focusWidget() or QWidget()).objectName() == "resendMgtKeyType")
    tabs = w(window, QTabWidget, "tabs")
    expected = {1: "assignItemKey", 2: "batchOperation", 0: "resendMgtKeyType"}
    for index, name in expected.items():
        tabs.setCurrentIndex(index)  # as a click or Ctrl+Tab does
        qtbot.waitUntil(lambda name=name: (QApplication.focusWidget() or QWidget()).objectName() == name)
    # Ctrl+Tab from inside a page, as a keyboard user switches tabs.
    w(window, QComboBox, "resendMgtKeyType").setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: (QApplication.focusWidget() or QWidget()).objectName() == "assignItemKey")


def tab_chain(qtbot: QtBot, start: QWidget, limit: int = 80) -> list[QWidget]:
    """The widgets Tab visits from `start` until it comes back."""
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    seen: list[QWidget] = [start]
    for _ in range(limit):
        after = press(qtbot, Qt.Key.Key_Tab)
        if after is None or after is start:
            break
        seen.append(after)
    return seen


@pytest.mark.parametrize("index", [0, 1, 2])
def test_every_action_is_on_the_tab_chain(
    qtbot: QtBot, clerk_window: ClerkWindow, tmp_path: Path, index: int
) -> None:
    window = clerk_window("en")
    send_two(qtbot, window)
    if index == 2:
        batch_loaded(qtbot, window, tmp_path)
    else:
        window.tabs.setCurrentIndex(index)
    active(qtbot, window)
    page = window.tabs.currentWidget()
    first = first_control(page)
    assert first is not None
    chain = tab_chain(qtbot, first)
    wanted = [
        c for c in window.findChildren(QWidget)
        if isinstance(c, (QAbstractButton, QLineEdit, QComboBox, QTableView))
        and c.isVisible() and c.isEnabled() and c.focusPolicy() & Qt.FocusPolicy.TabFocus
        and (page.isAncestorOf(c) or window.log_pane.isAncestorOf(c))
    ]  # fmt: skip
    missing = [
        c.objectName() or c.metaObject().className()
        for c in wanted
        if c not in chain and c.focusProxy() not in chain and not c.objectName().startswith("qt_")  # a spin box's edit
    ]
    assert missing == []


def mnemonic(text: str) -> str | None:
    found = re.search(r"&(\w)", text.replace("&&", ""))
    return found.group(1).lower() if found else None


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("index", [0, 1, 2])
def test_no_two_controls_shown_together_share_a_mnemonic(
    qtbot: QtBot, clerk_window: ClerkWindow, lang: str, index: int
) -> None:
    window = clerk_window(lang, demo=False)  # the setup bar shown too
    assert w(window, QWidget, "setupBar").isVisible()
    window.tabs.setCurrentIndex(index)
    if index == 2:
        assert window.batch_tab.isVisible()
    qtbot.wait(50)
    letters: dict[str, list[str]] = {}
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, (QAbstractButton, QLabel)) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        letter = mnemonic(widget.text())
        if letter:
            letters.setdefault(letter, []).append(widget.text())
    for action in window.menuBar().actions():
        letter = mnemonic(action.text())
        if letter:
            letters.setdefault(letter, []).append(action.text())
    clashes = {k: v for k, v in letters.items() if len(v) > 1}
    assert clashes == {}
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    assert all(mnemonic(b.text()) for b in buttons), [b.text() for b in buttons if not mnemonic(b.text())]
