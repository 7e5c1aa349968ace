"""Qt's own dialogs speak Korean with the window (issue 13.6): the file dialogs (Qt's own where the system's would
speak another language; our translation gives the two labels Qt's Korean file lacks), the question boxes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.ui.shared import file_dialogs, i18n

ENGLISH = re.compile(r"[A-Za-z]{3,}")
HANGUL = re.compile(r"[가-힣]")


def english_words(dialog: QWidget) -> list[str]:
    """Visible label and button texts that are English only (file names and patterns aside)."""
    found = []
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisibleTo(dialog):
            continue
        text = widget.text()
        if text and ENGLISH.search(text) and not HANGUL.search(text):
            found.append(text)
    return found


@pytest.mark.parametrize("save", [False, True])
def test_the_file_dialog_is_korean_for_a_korean_window(qtbot: QtBot, tmp_path: Path, save: bool) -> None:
    i18n.install("ko")
    parent = QWidget()
    qtbot.addWidget(parent)
    start = str(tmp_path / "결과.xlsx") if save else str(tmp_path)
    dialog = file_dialogs.build(parent, "내보내기", start, "Excel (*.xlsx)", save=save)
    qtbot.addWidget(dialog)
    if not file_dialogs.native_speaks("ko"):  # this machine's system speaks another language
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # what is drawn here is Qt's own either way
    dialog.show()
    qtbot.waitExposed(dialog)
    assert english_words(dialog) == []
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert HANGUL.search(labels["lookInLabel"]) and HANGUL.search(labels["fileTypeLabel"])
    assert dialog.width() >= 700  # roomy enough for its columns
    if save:
        assert dialog.selectedFiles()[0].endswith("결과.xlsx")


def test_the_systems_dialog_is_used_when_the_system_speaks_the_windows_language() -> None:
    korean, english = QLocale(QLocale.Language.Korean), QLocale(QLocale.Language.English)
    assert file_dialogs.native_speaks("ko", korean) and not file_dialogs.native_speaks("ko", english)
    assert file_dialogs.native_speaks("en", english) and not file_dialogs.native_speaks("en", korean)


def test_questions_are_answered_in_korean(qtbot: QtBot) -> None:
    i18n.install("ko")
    box = QMessageBox(QMessageBox.Icon.Question, "확인", "계속할까요?", QMessageBox.StandardButton.Yes
                      | QMessageBox.StandardButton.No)  # fmt: skip
    qtbot.addWidget(box)
    assert [b.text() for b in box.buttons()] == ["예(&Y)", "아니요(&N)"]
