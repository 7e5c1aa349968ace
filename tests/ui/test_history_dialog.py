"""The history dialog driven through real widgets (pytest-qt, offscreen): filters and export, on the job runner."""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.service import Service
from popbill_gui.simulator import DEMO_CORP_NUM
from popbill_gui.storage.history import History
from popbill_gui.storage.settings import Settings
from popbill_gui.ui.history.history_dialog import HistoryDialog
from popbill_gui.ui.shared import file_dialogs
from popbill_gui.ui.shared.jobs import JobRunner

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def w(parent: QWidget, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


def item_key(i: int) -> str:
    return f"0241124150000{i:05d}"


@pytest.fixture
def history(tmp_path: Path) -> Iterator[History]:
    with History(tmp_path / "h.sqlite3") as hist:
        yield hist


@pytest.fixture
def make_dialog(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[[], HistoryDialog]]:
    jobs = JobRunner()
    service = Service(Settings(lang="en"), history_path=tmp_path / "h.sqlite3")

    def make() -> HistoryDialog:
        dialog = HistoryDialog(service, jobs)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.loaded, timeout=10_000):
            pass  # the first query, on a job
        return dialog

    yield make
    jobs.shutdown(10_000)
    service.close()


def requery(qtbot: QtBot, dialog: HistoryDialog, change: Callable[[], object]) -> None:
    """Change a filter and wait for the records it matches (queried on a job)."""
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        change()


@pytest.fixture
def filled_history(history: History) -> History:
    now = time.time()
    common = {"environment": "test", "corp_num": DEMO_CORP_NUM}
    history.record_call(
        **common,
        operation="resend_email",
        mgt_key_type="SELL",
        mgt_key="INV-1",
        receiver="a@example.com",
        http_status=200,
        code=1,
        message="이메일 재전송 완료",
        duration=0.123,
        ok=True,
        time=now - 3600,
    )
    history.record_call(
        **common,
        operation="assign_mgt_key",
        mgt_key_type="BUY",
        mgt_key="DOC-9",
        item_key=item_key(9),
        http_status=400,
        code=-11005018,
        message="이미 문서번호가 할당된 세금계산서입니다.",
        duration=0.05,
        ok=False,
        time=now - 60,
    )
    history.record_call(  # 40 days ago: outside the default range
        **common,
        operation="resend_email",
        mgt_key_type="SELL",
        mgt_key="OLD-1",
        receiver="old@example.com",
        code=1,
        ok=True,
        time=now - 40 * 86400,
    )
    return history


def test_history_dialog_filters(
    qtbot: QtBot, filled_history: History, make_dialog: Callable[[], HistoryDialog]
) -> None:
    dialog = make_dialog()
    assert dialog.objectName() == "historyDialog"
    view = w(dialog, QTableView, "historyView")
    model = view.model()
    date_from = w(dialog, QDateEdit, "historyFrom")
    date_to = w(dialog, QDateEdit, "historyTo")
    assert date_from.date().daysTo(date_to.date()) == 30
    assert model.rowCount() == 2  # the last 30 days
    assert model.data(model.index(0, 5)) == "Sales INV-1"  # the type in words
    assert model.data(model.index(1, 5)) == f"{item_key(9)} ← Purchases DOC-9"
    assert model.data(model.index(1, 4)) == "Failed"

    text = w(dialog, QLineEdit, "historyText")
    text.setText("INV-1")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.data(model.index(0, 6)) == "a@example.com"
    text.setText("할당")  # the message is searched too
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.data(model.index(0, 8)) == "-11005018")
    text.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 2)

    result = w(dialog, QComboBox, "historyResult")
    requery(qtbot, dialog, lambda: result.setCurrentIndex(result.findData("failed")))
    assert model.rowCount() == 1 and model.data(model.index(0, 3)) == "Assign MgtKey"
    requery(qtbot, dialog, lambda: result.setCurrentIndex(result.findData("ok")))
    assert model.rowCount() == 1 and model.data(model.index(0, 3)) == "Resend email"
    requery(qtbot, dialog, lambda: result.setCurrentIndex(result.findData("")))
    operation = w(dialog, QComboBox, "historyOperation")
    requery(qtbot, dialog, lambda: operation.setCurrentIndex(operation.findData("assign_mgt_key")))
    assert model.rowCount() == 1
    requery(qtbot, dialog, lambda: operation.setCurrentIndex(operation.findData("")))
    requery(qtbot, dialog, lambda: date_from.setDate(date_from.date().addDays(-30)))
    assert model.rowCount() == 3
    assert "3" in w(dialog, QLabel, "historyCount").text()


def test_history_dialog_exports_the_filtered_records(
    qtbot: QtBot,
    filled_history: History,
    make_dialog: Callable[[], HistoryDialog],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = make_dialog()
    result = w(dialog, QComboBox, "historyResult")
    requery(qtbot, dialog, lambda: result.setCurrentIndex(result.findData("ok")))
    target = tmp_path / "history.csv"
    monkeypatch.setattr(file_dialogs, "save_path", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as blocker:
        qtbot.mouseClick(w(dialog, QPushButton, "historyExport"), Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == [
        "Time",
        "Environment",
        "Business number",
        "Operation",
        "Result",
        "Keys",
        "Receiver",
        "HTTP",
        "Code",
        "Message",
        "Duration (ms)",
    ]
    assert len(table) == 2  # the failed call and the old one are filtered out
    line = table[1]
    when = datetime.fromisoformat(line[0])
    assert when.tzinfo is not None and abs(when - (datetime.now().astimezone() - timedelta(hours=1))) < timedelta(
        minutes=5
    )
    assert line[1:] == [
        "Test",
        DEMO_CORP_NUM,
        "Resend email",
        "OK",
        "Sales INV-1",
        "a@example.com",
        "200",
        "1",
        "이메일 재전송 완료",
        "123",
    ]

    requery(qtbot, dialog, lambda: result.setCurrentIndex(result.findData("")))
    xlsx = tmp_path / "history.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        assert dialog.export_to(str(xlsx))
    book = openpyxl.load_workbook(xlsx, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert len(rows) == 3 and rows[2][5] == f"{item_key(9)} ← Purchases DOC-9" and rows[2][8] == -11005018
