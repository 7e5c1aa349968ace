"""The batch tab as a clerk uses it (issue 13.4): the preview gets the room, follows the running rows, filters the
failed ones, shows a row whole; a file made for the other operation offers to switch; templates and results files are
named in the window's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.batch.reader import read_batch
from popbill_gui.ui.shared import file_dialogs
from popbill_gui.ui.window.main_window import MainWindow

from .conftest import ClerkWindow


def w(parent: QWidget, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


def resend_file(folder: Path, count: int = 30) -> Path:
    rows = [f"매출,INV-{i:04d},staff{i}@example.com" for i in range(1, count + 1)]
    rows[3] = "SELL,INV/0004,staff4@example.com"  # invalid
    rows[5] = "sell,NOTFOUND-0006,staff6@example.com"  # refused by the simulator
    path = folder / "메일.csv"
    path.write_text("문서유형,문서번호,수신 이메일\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def loaded(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    window.tabs.setCurrentWidget(window.batch_page)
    tab = window.batch_tab
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.load_file(str(path))


def ran(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.batch_tab
    w(tab, QCheckBox, "batchSkipInvalid").setChecked(True)
    with qtbot.waitSignal(tab.finished, timeout=30_000):
        assert tab.start()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_preview_gets_most_of_the_tab_and_the_log_shrinks(
    qtbot: QtBot, clerk_window: ClerkWindow, tmp_path: Path, lang: str
) -> None:
    window = clerk_window(lang, (1100, 720))
    log_before = window.log_pane.height()
    loaded(qtbot, window, resend_file(tmp_path))
    qtbot.waitUntil(lambda: window.log_pane.height() < log_before)
    preview = w(window, QTableView, "batchPreview")
    assert preview.height() >= window.height() / 2, (preview.height(), window.height())
    print(f"preview {preview.height()} of {window.height()} px; log {window.log_pane.height()} (was {log_before})")
    window.tabs.setCurrentIndex(0)  # the log gets its room back
    qtbot.waitUntil(lambda: window.log_pane.height() == log_before)
    assert w(window, QLabel, "logDetail").isVisibleTo(window)


def test_the_table_follows_the_running_rows_and_filters_the_failed_ones(
    qtbot: QtBot, clerk_window: ClerkWindow, tmp_path: Path
) -> None:
    window = clerk_window("en", (800, 560))
    loaded(qtbot, window, resend_file(tmp_path, 60))
    tab = window.batch_tab
    preview = w(tab, QTableView, "batchPreview")
    assert preview.rowAt(5) == 0  # the top of the file to start with
    ran(qtbot, window)
    last = tab.model.index(tab.model.rowCount() - 1, 0)
    assert preview.visualRect(last).intersects(preview.viewport().rect())  # followed to the end
    failed_only = w(tab, QCheckBox, "batchFailedOnly")
    assert failed_only.text().replace("&", "") == "Failed or to check only"
    failed_only.setChecked(True)
    shown = preview.model()
    assert shown is not tab.model and shown.rowCount() == 2  # the invalid row and the refused one
    assert [shown.index(r, 0).data() for r in range(2)] == ["5", "7"]
    # A row selected: shown whole, with POPBiLL's message and our advice.
    preview.selectRow(1)
    detail = w(tab, QLabel, "batchDetail")
    assert detail.isVisibleTo(tab) and detail.wordWrap()
    text = detail.text()
    assert "Row 7" in text and "NOTFOUND-0006" in text and "-11000005" in text
    assert "Check the document ID and the MgtKeyType" in text
    preview.selectRow(0)  # skipped as invalid: the rule it breaks, whole, and no second copy of it as the cause
    assert "INV/0004" in detail.text() and detail.text().count("A document ID may hold only letters") == 1
    failed_only.setChecked(False)
    assert preview.model() is tab.model and preview.model().rowCount() == 60


def test_a_skipped_row_says_why_in_its_message(qtbot: QtBot, clerk_window: ClerkWindow, tmp_path: Path) -> None:
    window = clerk_window("ko")
    loaded(qtbot, window, resend_file(tmp_path, 8))
    ran(qtbot, window)
    model = window.batch_tab.model
    message = model.columns().index("message")
    assert "문서번호에는" in str(model.index(3, message).data())  # the invalid row's reason, not an empty cell


def test_a_file_for_the_other_operation_offers_to_switch(
    qtbot: QtBot, clerk_window: ClerkWindow, tmp_path: Path
) -> None:
    window = clerk_window("ko")
    path = tmp_path / "할당.csv"
    path.write_text("팝빌번호(ItemKey),문서유형,문서번호(MgtKey)\n024112415000000001,매출,INV-1\n", encoding="utf-8")
    window.tabs.setCurrentWidget(window.batch_page)
    tab = window.batch_tab
    with qtbot.waitSignal(tab.loaded, timeout=10_000) as refused:
        tab.load_file(str(path))
    assert refused.args == [False]
    status = w(tab, QLabel, "batchStatus").text()
    assert "문서번호 할당" in status
    switch = w(tab, QPushButton, "batchSwitchOperation")
    assert switch.isVisibleTo(tab) and "문서번호 할당" in switch.text()
    with qtbot.waitSignal(tab.loaded, timeout=10_000) as read:
        qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert read.args == [True]
    assert tab.current_operation() == "assign_mgt_key" and tab.model.rowCount() == 1
    assert not switch.isVisibleTo(tab)


@pytest.mark.parametrize(
    ("lang", "template", "results"),
    [("ko", "이메일재전송-양식.xlsx", "메일-결과.xlsx"), ("en", "resend-email-template.xlsx", "메일-results.xlsx")],
)
def test_templates_and_results_are_named_in_the_windows_language(
    qtbot: QtBot,
    clerk_window: ClerkWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    template: str,
    results: str,
) -> None:
    window = clerk_window(lang)
    window.tabs.setCurrentWidget(window.batch_page)
    tab = window.batch_tab
    suggested: list[str] = []
    target = tmp_path / "out" / "양식.xlsx"

    def save_path(parent: QWidget, title: str, name: str, filters: str) -> tuple[str, str]:
        suggested.append(name)
        return str(target), ""

    monkeypatch.setattr(file_dialogs, "save_path", save_path)
    # A template is not an export: no `exported` signal to wait for (waiting for it cost 10 s a run).
    qtbot.mouseClick(w(tab, QPushButton, "batchTemplate"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists)
    assert Path(suggested[-1]).name == template
    qtbot.waitUntil(lambda: str(target) in w(tab, QLabel, "batchStatus").text())
    # The template reads back once a row is added.
    loaded(qtbot, window, resend_file(tmp_path, 8))
    ran(qtbot, window)
    target = tmp_path / "results.csv"
    with qtbot.waitSignal(tab.exported, timeout=10_000):
        qtbot.mouseClick(w(tab, QPushButton, "batchExport"), Qt.MouseButton.LeftButton)
    assert Path(suggested[-1]).name == results
    assert read_batch(target, "resend_email").rows
