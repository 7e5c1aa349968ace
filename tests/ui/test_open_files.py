"""Files handed to the program (issue 21): `popbill-gui [--demo] FILE…` shows FILE on the batch tab with the
operation its columns fit, a second start hands its file to the window already open (two real processes), macOS'
FileOpen event loads a file, and a bad path is a sentence, never a crash."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from popbill_gui.app import create_window
from popbill_gui.platform import single_instance
from popbill_gui.storage.secrets import MemoryKeyring, SecretStore
from popbill_gui.ui.files import opener as opened_files
from popbill_gui.ui.files.opener import FileOpener
from popbill_gui.ui.window.main_window import MainWindow

ASSIGN = "ItemKey,MgtKeyType,MgtKey\n012345678901234567,SELL,INV-1\n022345678901234567,SELL,INV-2\n"
RESEND = "문서유형,문서번호,수신메일\nSELL,INV-1,a@example.com\n"

Make = Callable[..., MainWindow]


@pytest.fixture
def make(qtbot: QtBot, tmp_path: Path) -> Iterator[Make]:
    made: list[MainWindow] = []

    def window(open_files: tuple[str, ...] = (), *, lang: str = "en") -> MainWindow:
        store = SecretStore(MemoryKeyring(), lang)  # type: ignore[arg-type]
        made_window = create_window(
            environ={"POPBILL_LANG": lang, "POPBILL_HISTORY": str(tmp_path / "history.sqlite3")},
            settings_path=tmp_path / "settings.json",
            store_factory=lambda _lang: store,
            history_path=tmp_path / "history.sqlite3",
            open_files=open_files,
        )
        qtbot.addWidget(made_window)
        made_window.resize(1100, 720)
        made_window.show()
        qtbot.waitExposed(made_window)
        made.append(made_window)
        return made_window

    yield window
    for each in made:
        each.close()
        each.jobs.wait(5000)


def log_text(window: MainWindow) -> str:
    model = window.log_model
    message = model.COLUMNS.index("message")
    return "\n".join(str(model.index(row, message).data() or "") for row in range(model.rowCount()))


def shows(qtbot: QtBot, window: MainWindow, path: Path, operation: str, rows: int) -> None:
    qtbot.waitUntil(lambda: window._batch_tab is not None and window.tabs.currentWidget() is window.batch_page)
    tab = window.batch_tab
    qtbot.waitUntil(lambda: tab.current_operation() == operation and tab.model.rowCount() == rows, timeout=10000)
    assert tab.ui.file_label.text() == str(path)


@pytest.mark.parametrize(("content", "operation", "rows"), [(ASSIGN, "assign_mgt_key", 2), (RESEND, "resend_email", 1)])
def test_a_file_on_the_command_line_is_on_the_batch_tab_with_its_operation(
    qtbot: QtBot, make: Make, tmp_path: Path, content: str, operation: str, rows: int
) -> None:
    path = tmp_path / "목록.csv"
    path.write_text(content, encoding="utf-8")
    window = make((str(path),))
    shows(qtbot, window, path, operation, rows)
    assert "Shown on the Batch tab" in log_text(window)
    assert window.service.unfinished_batches() == []  # nothing sent, nothing journaled: the clerk presses Start


def test_bad_paths_are_sentences(qtbot: QtBot, make: Make, tmp_path: Path) -> None:
    missing = tmp_path / "없는 파일.xlsx"
    window = make((str(missing),))
    qtbot.waitUntil(lambda: "was not found" in log_text(window))
    assert window._batch_tab is None and window.tabs.currentIndex() == 0  # nothing else changed
    opener = window.findChild(FileOpener)
    assert opener is not None
    assert not opener.open([str(tmp_path)])
    assert "is a folder" in log_text(window)
    assert not opener.open([str(tmp_path / ("long" * 2000))])  # a name no system takes
    assert "cannot be opened" in log_text(window)
    # A file the reader refuses: the batch tab says why, in its own words.
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    assert opener.open([str(pdf), str(missing)])
    tab = window.batch_tab
    qtbot.waitUntil(lambda: "cannot be used" in tab.ui.status.text(), timeout=10000)
    assert "one file at a time" in log_text(window) and missing.name in log_text(window)


def test_a_file_open_event_loads_the_file(
    qtbot: QtBot, make: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(opened_files, "SYSTEM_SENDS_FILE_OPEN", True)  # what macOS sends, seen anywhere
    window = make()
    path = tmp_path / "dropped on the Dock.csv"
    path.write_text(ASSIGN, encoding="utf-8")
    app = QApplication.instance()
    assert app is not None
    QApplication.sendEvent(app, QFileOpenEvent(str(path)))
    shows(qtbot, window, path, "assign_mgt_key", 2)


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS sends FileOpen events: the filter is there")
def test_without_macos_no_filter_watches_every_event(qtbot: QtBot, make: Make, tmp_path: Path) -> None:
    window = make()
    path = tmp_path / "a.csv"
    path.write_text(ASSIGN, encoding="utf-8")
    app = QApplication.instance()
    assert app is not None and not opened_files.SYSTEM_SENDS_FILE_OPEN
    QApplication.sendEvent(app, QFileOpenEvent(str(path)))
    qtbot.wait(50)
    assert window._batch_tab is None


def test_a_second_start_hands_its_file_to_the_window_already_open(
    qtbot: QtBot, make: Make, tmp_path: Path
) -> None:
    window = make()
    opener = window.findChild(FileOpener)
    assert opener is not None
    # What main() does for the first window, keyed by the history this window uses (POPBILL_HISTORY).
    instance = single_instance.claim(single_instance.instance_key(tmp_path / "history.sqlite3", demo=False))
    assert instance is not None
    try:
        assert instance.listen(opener.received.emit)
        window.showMinimized()
        path = tmp_path / "second.csv"
        path.write_text(ASSIGN, encoding="utf-8")
        env = {**os.environ, "POPBILL_HISTORY": str(tmp_path / "history.sqlite3"), "POPBILL_LANG": "en"}
        done: list[subprocess.CompletedProcess[str]] = []

        def start_again() -> None:  # the real program, with a file (relative: the first resolves nothing itself)
            command = [sys.executable, "-m", "popbill_gui", path.name]
            done.append(subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60))

        second = threading.Thread(target=start_again)
        second.start()
        shows(qtbot, window, path, "assign_mgt_key", 2)
        second.join(60)
        assert done and done[0].returncode == 0, done and done[0].stderr
        assert not window.isMinimized()  # brought back for the clerk
        assert QApplication.topLevelWidgets().count(window) == 1
    finally:
        instance.close()


def test_the_program_takes_a_file_argument(tmp_path: Path) -> None:
    """`popbill-gui FILE.xlsx` exited 2 (the parser took no file); now the window opens with it."""
    from openpyxl import Workbook

    path = tmp_path / "list.xlsx"
    book = Workbook()
    for row in RESEND.splitlines():
        book.active.append(row.split(","))  # type: ignore[union-attr]
    book.save(path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "POPBILL_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "popbill_gui", "--demo", "--smoke-test", str(path)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
