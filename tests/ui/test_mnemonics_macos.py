"""No mnemonic letters on macOS (issue 21): Qt turns Alt+letter off there, so `시작(&S)` would show a "(S)" that
does nothing. With the platform check forced to macOS, no text of the window, its batch tab, Settings, Find or
History, nor of Qt's own buttons, carries a marker, in Korean or English, after a language switch too; elsewhere
they all keep theirs."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QGroupBox, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.storage.settings import Settings
from popbill_gui.ui.history.history_dialog import HistoryDialog
from popbill_gui.ui.settings.settings_dialog import SettingsDialog
from popbill_gui.ui.shared import i18n, mnemonics
from popbill_gui.ui.shared.jobs import JobRunner
from popbill_gui.ui.shared.mnemonics import without_mnemonics

from .conftest import ClerkWindow, switch_language

MARKER = re.compile(r"\(&[^&]\)|(?<!&)&(?!&)")


def texts(top: QWidget) -> list[str]:
    """What the clerk reads on buttons, labels, group titles, tabs and menus."""
    found = [b.text() for b in top.findChildren(QAbstractButton)]
    found += [label.text() for label in top.findChildren(QLabel) if label.buddy() is not None]
    found += [g.title() for g in top.findChildren(QGroupBox)]
    found += [t.tabText(i) for t in top.findChildren(QTabWidget) for i in range(t.count())]
    found += [a.text() for a in top.findChildren(QAction)]
    return [text for text in found if text]


@pytest.fixture
def on_macos(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(mnemonics, "PLATFORM", "darwin")
    yield
    monkeypatch.undo()
    i18n.install(i18n.lang())  # the markers back for the tests after this one


def everything(qtbot: QtBot, clerk_window: ClerkWindow, lang: str) -> tuple[list[QWidget], JobRunner]:
    window = clerk_window(lang)
    window.batch_tab  # built on first use
    jobs = JobRunner()
    settings = SettingsDialog(Settings(), None, locked=set(), keyring_available=True, jobs=jobs)
    history = HistoryDialog(window.service, window.jobs, window)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No | QDialogButtonBox.StandardButton.Save
    )  # Qt's own words: "예(&Y)" in its Korean translation
    for widget in (settings, history, buttons):
        qtbot.addWidget(widget)
    find = window.finder.open(lambda invoice: None, mgt_key_type="SELL")
    qtbot.addWidget(find)
    return [window, settings, history, buttons, find], jobs


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_on_macos_no_label_carries_a_marker(
    qtbot: QtBot, clerk_window: ClerkWindow, on_macos: None, lang: str
) -> None:
    tops, jobs = everything(qtbot, clerk_window, lang)
    shown = [text for top in tops for text in texts(top)]
    assert len(shown) > 60
    assert [text for text in shown if MARKER.search(text)] == []
    if lang == "ko":
        assert "시작" in shown and "예" in shown  # the words stay, only "(S)" and "(Y)" go
    other = "en" if lang == "ko" else "ko"
    switch_language(other)  # Settings → language: the new words without markers too
    assert [text for top in tops for text in texts(top) if MARKER.search(text)] == []
    jobs.shutdown(1000)


def test_elsewhere_the_markers_stay(qtbot: QtBot, clerk_window: ClerkWindow) -> None:
    assert mnemonics.shown()
    tops, jobs = everything(qtbot, clerk_window, "ko")
    marked = [text for top in tops for text in texts(top) if MARKER.search(text)]
    assert len(marked) > 30 and "시작(&S)" in marked
    assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "예(&Y)"
    jobs.shutdown(1000)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("시작(&S)", "시작"),
        ("문서번호 %1건 할당(&A)…", "문서번호 %1건 할당…"),
        ("팝빌번호(ItemKey)(&I)", "팝빌번호(ItemKey)"),
        ("&Start", "Start"),
        ("Patter&n", "Pattern"),
        ("Tom && Jerry", "Tom && Jerry"),  # a literal ampersand, as the widgets read it
        ("결과 (&X)", "결과"),
        ("no marker", "no marker"),
        ("(&&X)", "(&&X)"),
        ("끝&", "끝"),
    ],
)
def test_without_mnemonics(text: str, expected: str) -> None:
    assert without_mnemonics(text) == expected
