"""The batch tab driven through real widgets (pytest-qt, offscreen) against the simulator.

Every test uses its own history file in tmp_path: the user's real history is never touched. Reading a file, planning
a start and exporting run on the tab's job runner: the tests wait for them as a clerk would, never by sleeping.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
)
from pytestqt.qtbot import QtBot

from popbill_gui.batch.export import result_table
from popbill_gui.batch.journal import Journal
from popbill_gui.batch.model import RowState, state_text
from popbill_gui.batch.reader import read_batch
from popbill_gui.batch.runner import Stop
from popbill_gui.core.errors import hint_for
from popbill_gui.simulator import DEMO_CORP_NUM, Simulator
from popbill_gui.storage.history import History
from popbill_gui.ui.batch.batch_tab import BatchTab
from popbill_gui.ui.shared import file_dialogs

from .batch_tabs import (
    KO_RESEND_HEADER,
    RUN_TIMEOUT,
    asked,
    choose_operation,
    click,
    column,
    history,
    interrupted_batch,
    item_key,
    journal,
    load,
    mails,
    make_tab,
    resend_rows,
    run,
    settle,
    w,
    write_assign_xlsx,
    write_cp949_csv,
)
from .conftest import switch_language

__all__ = ["history", "journal", "make_tab"]  # fixtures, used by name

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

# ---- the contract: objectNames and defaults ----
def test_object_names_and_defaults(make_tab: Callable[..., BatchTab]) -> None:
    tab = make_tab()
    assert tab.objectName() == "batchTab"
    operation = w(tab, QComboBox, "batchOperation")
    assert [operation.itemData(i) for i in range(operation.count())] == ["resend_email", "assign_mgt_key"]
    for cls, name in [
        (QPushButton, "batchChoose"),
        (QLabel, "batchFile"),
        (QTableView, "batchPreview"),
        (QCheckBox, "batchSkipInvalid"),
        (QCheckBox, "batchResendUnknown"),
        (QPushButton, "batchStart"),
        (QPushButton, "batchCancel"),
        (QProgressBar, "batchProgress"),
        (QLabel, "batchStatus"),
        (QPushButton, "batchExport"),
    ]:
        w(tab, cls, name)
    spin = w(tab, QSpinBox, "batchConcurrency")
    assert (spin.minimum(), spin.maximum(), spin.value()) == (1, 16, 4)
    assert tab.acceptDrops()
    assert not w(tab, QPushButton, "batchStart").isEnabled()
    assert not w(tab, QPushButton, "batchCancel").isEnabled()
    assert not w(tab, QPushButton, "batchExport").isEnabled()
    assert w(tab, QLabel, "batchStatus").text()  # says what to do first


# ---- the file: preview, validation, refusal ----
def test_preview_shows_invalid_rows_and_start_waits_for_skip_invalid(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path
) -> None:
    rows = [("SELL", "INV-1", "a@example.com"), ("SELL", "문서1", "b@example.com"), ("BUY", "INV-3", "not-an-address")]
    rows.append(("TRUSTEE", "INV-4", "d@example.com"))
    path = write_cp949_csv(tmp_path / "메일.csv", rows)
    tab = make_tab()
    assert load(qtbot, tab, path) is True
    assert w(tab, QLabel, "batchFile").text() == str(path)
    file = read_batch(path, "resend_email")
    model = tab.model
    assert model.rowCount() == 4
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:5] == ["행", "결과", *KO_RESEND_HEADER]  # the result second: no wide column pushes it away
    assert column(tab, "row") == ["2", "3", "4", "5"]  # as the spreadsheet numbers them (header = 1)
    assert column(tab, "mgt_key") == ["INV-1", "문서1", "INV-3", "INV-4"]
    checks, messages = column(tab, "result"), column(tab, "message")
    assert checks[0] == checks[3] == "정상" and messages[0] == messages[3] == ""  # the window speaks Korean
    for position in (1, 2):  # invalid: a word and an icon of its own, the problem in words beside
        assert checks[position] == "잘못된 행"
        assert messages[position] == " / ".join(p.describe("ko") for p in file.rows[position].problems)
    check = model.columns().index("result")
    good_icon = model.data(model.index(0, check), Qt.ItemDataRole.DecorationRole)
    bad_icon = model.data(model.index(1, check), Qt.ItemDataRole.DecorationRole)
    assert good_icon is not None and bad_icon is not None
    assert good_icon.cacheKey() != bad_icon.cacheKey()  # type: ignore[attr-defined]
    assert "문" in messages[1]

    start = w(tab, QPushButton, "batchStart")
    status = w(tab, QLabel, "batchStatus")
    assert not start.isEnabled()
    assert "잘못된 행: 2개." in status.text() and "잘못된 행 건너뛰기" in status.text()
    assert tab.start() is False and not tab.working and sim.count("send_email") == 0
    w(tab, QCheckBox, "batchSkipInvalid").setChecked(True)
    assert start.isEnabled()

    result = run(qtbot, tab, lambda: click(qtbot, start))
    assert result.stop is Stop.COMPLETED
    assert asked(tab) == []  # the test environment asks nothing for mails
    assert sorted(mails(sim)) == ["INV-1", "INV-4"]
    assert column(tab, "result") == [
        state_text(s, "ko") for s in (RowState.DONE, RowState.SKIPPED, RowState.SKIPPED)
    ] + [state_text(RowState.DONE, "ko")]


def test_refused_file_and_operation_change_rereads(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path
) -> None:
    path = write_assign_xlsx(tmp_path / "assign.xlsx", 3)
    tab = make_tab(lang="en")
    assert load(qtbot, tab, path) is False  # an assign file read for Resend email: it fits the other operation
    status = w(tab, QLabel, "batchStatus").text()
    assert "Assign MgtKey" in status and "nothing will be sent" in status
    assert w(tab, QPushButton, "batchSwitchOperation").isVisibleTo(tab)
    assert tab.model.rowCount() == 0 and not w(tab, QPushButton, "batchStart").isEnabled()
    choose_operation(qtbot, tab, "assign_mgt_key")  # the same file is read again for the new operation
    assert tab.model.rowCount() == 3
    assert column(tab, "item_key") == [item_key(1), item_key(2), item_key(3)]
    assert w(tab, QPushButton, "batchStart").isEnabled()
    assert not w(tab, QCheckBox, "batchResendUnknown").isEnabled()  # AssignMgtKey is never sent twice
    assert load(qtbot, tab, tmp_path / "missing.csv") is False
    assert "missing.csv" in w(tab, QLabel, "batchStatus").text()
    assert sim.count("assign") == 0


# ---- runs ----
def test_resend_batch_completes(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path
) -> None:
    path = write_cp949_csv(tmp_path / "mails.csv", resend_rows(12))
    tab = make_tab(lang="en")
    assert load(qtbot, tab, path)
    result = run(qtbot, tab, tab.start)
    assert result.stop is Stop.COMPLETED and result.error is None
    assert set(column(tab, "result")) == {state_text(RowState.DONE, "en")}
    assert set(column(tab, "code")) == {"1"}
    assert Counter(mails(sim)) == Counter(f"INV-{i}" for i in range(1, 13))  # every row once
    assert sorted(m.receiver for m in sim.state.sent_mails) == sorted(f"user{i}@example.com" for i in range(1, 13))
    progress = w(tab, QProgressBar, "batchProgress")
    assert progress.value() == progress.maximum() == 12
    status = w(tab, QLabel, "batchStatus").text()
    assert "Finished." in status and "Done 12 · failed 0 · check 0 · pending 0" in status
    journal = tab.service.journal()
    assert journal.unfinished_batches() == []
    assert tab.batch_id is not None and journal.batch(tab.batch_id).status == "completed"
    assert journal.batch(tab.batch_id).environment == "test"
    assert len(journal.history.recent(None, batch_id=tab.batch_id)) == 12
    # Sent: pressing Start again would send every mail twice; choosing the file again is needed.
    assert not w(tab, QPushButton, "batchStart").isEnabled()
    assert tab.start() is False and sim.count("send_email") == 12
    assert load(qtbot, tab, path) and w(tab, QPushButton, "batchStart").isEnabled()


def test_assign_batch_always_confirms_and_declining_sends_nothing(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path, history: History, journal: Journal
) -> None:
    path = write_assign_xlsx(tmp_path / "assign.xlsx", 5)
    tab = make_tab(lang="en", answer=False)
    choose_operation(qtbot, tab, "assign_mgt_key")
    assert load(qtbot, tab, path)
    tab.start()  # planned on a job, then asked
    settle(qtbot, tab)
    assert len(asked(tab)) == 1
    _title, text = asked(tab)[0]
    assert "5" in text and "cannot be undone" in text and "PRODUCTION" not in text
    assert sim.count("assign") == 0 and sim.count("token") == 0
    assert journal.unfinished_batches() == [] and history.recent(None) == []  # nothing journaled either
    assert "Not started: nothing was sent." in w(tab, QLabel, "batchStatus").text()

    tab.confirm.answer = True  # type: ignore[attr-defined]
    result = run(qtbot, tab, tab.start)
    assert result.stop is Stop.COMPLETED
    assert len(asked(tab)) == 2
    assert [(a.item_key, a.mgt_key) for a in sorted(sim.state.assignments, key=lambda a: a.mgt_key)] == [
        (item_key(i), f"DOC-{i}") for i in range(1, 6)
    ]
    assert sim.count("assign") == 5


def test_production_confirms_every_batch(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path
) -> None:
    path = write_cp949_csv(tmp_path / "mails.csv", resend_rows(3))
    tab = make_tab(env="production", answer=False)
    assert load(qtbot, tab, path)
    tab.start()
    settle(qtbot, tab)
    assert "PRODUCTION" in asked(tab)[0][1] and "3" in asked(tab)[0][1]
    assert sim.count("send_email") == 0
    tab.confirm.answer = True  # type: ignore[attr-defined]
    assert run(qtbot, tab, tab.start).stop is Stop.COMPLETED
    assert sim.count("send_email") == 3
    assert tab.service.journal().batch(tab.batch_id or 0).environment == "production"


def test_cancel_mid_run_then_start_resumes_without_sending_twice(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path, journal: Journal
) -> None:
    sim.latency_ms = 200
    path = write_cp949_csv(tmp_path / "mails.csv", resend_rows(8))
    tab = make_tab(lang="en")
    assert load(qtbot, tab, path)
    w(tab, QSpinBox, "batchConcurrency").setValue(1)
    with qtbot.waitSignal(tab.finished, timeout=RUN_TIMEOUT) as blocker:
        assert tab.start()
        assert not w(tab, QPushButton, "batchStart").isEnabled()
        qtbot.waitUntil(lambda: tab.busy, timeout=RUN_TIMEOUT)  # planned, and running
        assert w(tab, QPushButton, "batchCancel").isEnabled()
        qtbot.waitUntil(lambda: sim.count("send_email") >= 1, timeout=RUN_TIMEOUT)
        qtbot.mouseClick(w(tab, QPushButton, "batchCancel"), Qt.MouseButton.LeftButton)
        assert "Cancelling" in w(tab, QLabel, "batchStatus").text()
    result = blocker.args[0]
    assert result.stop is Stop.CANCELLED
    sent = mails(sim)
    assert 1 <= len(sent) < 8 and len(set(sent)) == len(sent)
    batch_id = result.batch_id
    info = journal.batch(batch_id)
    assert info.unfinished  # resumable
    assert info.counts[RowState.DONE] == len(sent)  # the call in flight finished and was recorded
    assert info.counts[RowState.PENDING] == 8 - len(sent)
    assert column(tab, "result").count(state_text(RowState.PENDING, "en")) == 8 - len(sent)
    assert "Cancelled" in w(tab, QLabel, "batchStatus").text()

    # Start again: the interrupted batch is offered for resuming instead of a new one that would resend.
    sim.latency_ms = 0
    result = run(qtbot, tab, tab.start)
    assert "interrupted batch" in asked(tab)[0][1]
    assert result.stop is Stop.COMPLETED and result.batch_id == batch_id
    assert Counter(mails(sim)) == Counter(f"INV-{i}" for i in range(1, 9))  # every row exactly once
    assert sim.count("send_email") == 8
    assert journal.unfinished_batches() == []


def test_account_wide_refusal_stops_the_batch_with_one_message(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path, journal: Journal
) -> None:
    path = write_cp949_csv(tmp_path / "nopoint.csv", resend_rows(30, prefix="NOPOINT"))
    tab = make_tab(lang="en")
    assert load(qtbot, tab, path)
    result = run(qtbot, tab, tab.start)
    assert result.stop is Stop.REFUSED_ALL
    assert result.error is not None and result.error.code == -99005001
    info = journal.batch(result.batch_id)
    assert 1 <= info.counts[RowState.FAILED] <= 4  # at most the calls already in flight
    assert info.counts[RowState.PENDING] >= 26 and info.unfinished
    status = w(tab, QLabel, "batchStatus").text()
    assert "-99005001" not in status  # the code is in the row's detail and behind 열 선택, not in the sentence
    hint = hint_for(-99005001, "en")
    assert hint is not None and status.count(hint) == 1 and result.error.message in status
    assert "Stopped" in status and "resume" in status
    assert sim.count("send_email") == info.counts[RowState.FAILED]


# ---- resuming an interrupted batch ----
def test_resume_flags_unknown_rows_and_sends_only_pending_ones(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path, journal: Journal
) -> None:
    path = write_cp949_csv(tmp_path / "mails.csv", resend_rows(5))
    batch_id = interrupted_batch(journal, path)
    tab = make_tab(lang="en")
    result = run(qtbot, tab, lambda: tab.resume(batch_id))
    assert result.stop is Stop.COMPLETED and result.batch_id == batch_id
    assert w(tab, QLabel, "batchFile").text() == str(path)
    sent = [r.path for r in sim.requests if r.kind == "send_email"]
    assert len(sent) == 3 and len(set(sent)) == 3
    assert sorted(mails(sim)) == ["INV-3", "INV-4", "INV-5"]  # rows 4-6; not row 2 (done) nor row 3 (unknown)
    states = column(tab, "result")
    assert states[1] == state_text(RowState.UNKNOWN, "en")  # check on the website
    assert states[0] == states[2] == states[3] == states[4] == state_text(RowState.DONE, "en")
    status = w(tab, QLabel, "batchStatus").text()
    assert "Check them on the POPBiLL website" in status
    assert journal.batch_rows(batch_id)[1].outcome.state is RowState.UNKNOWN


def test_resume_resends_unknown_mails_only_when_ticked(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path, journal: Journal
) -> None:
    path = write_cp949_csv(tmp_path / "mails.csv", resend_rows(5))
    batch_id = interrupted_batch(journal, path)
    tab = make_tab()
    w(tab, QCheckBox, "batchResendUnknown").setChecked(True)
    assert run(qtbot, tab, lambda: tab.resume(batch_id)).stop is Stop.COMPLETED
    assert sorted(mails(sim)) == ["INV-2", "INV-3", "INV-4", "INV-5"]
    assert set(column(tab, "result")) == {state_text(RowState.DONE, "ko")}


def test_resume_refuses_a_changed_or_missing_file_and_another_environment(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path, journal: Journal
) -> None:
    path = write_cp949_csv(tmp_path / "mails.csv", resend_rows(5))
    batch_id = interrupted_batch(journal, path)
    tab = make_tab(lang="en")
    write_cp949_csv(path, resend_rows(6))
    tab.resume(batch_id)
    settle(qtbot, tab)
    assert "has changed" in w(tab, QLabel, "batchChangedText").text()
    assert "Nothing was sent" in w(tab, QLabel, "batchStatus").text()
    path.unlink()
    tab.resume(batch_id)
    settle(qtbot, tab)
    assert "cannot be read" in w(tab, QLabel, "batchStatus").text()
    production = make_tab(env="production", lang="en")
    write_cp949_csv(path, resend_rows(5))
    production.resume(batch_id)
    settle(qtbot, production)
    assert "test environment" in w(production, QLabel, "batchStatus").text()
    assert sim.count("send_email") == 0 and journal.batch(batch_id).unfinished


def test_resume_of_a_batch_running_in_another_window_is_refused_in_the_status_line(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path, journal: Journal
) -> None:
    # Two tabs, two services on one history: what a second window (or popbill-cli) beside this one is.
    sim.latency_ms = 500  # the run lasts 4 s unless sped up below
    path = write_cp949_csv(tmp_path / "mails.csv", resend_rows(8))
    running = make_tab(lang="en")
    assert load(qtbot, running, path)
    w(running, QSpinBox, "batchConcurrency").setValue(1)
    other = make_tab(lang="en")
    with qtbot.waitSignal(running.finished, timeout=RUN_TIMEOUT) as blocker:
        assert running.start()
        qtbot.waitUntil(lambda: sim.count("send_email") >= 1, timeout=RUN_TIMEOUT)
        batch_id = journal.unfinished_batches()[0].id
        for resend_unknown in (False, True):
            w(other, QCheckBox, "batchResendUnknown").setChecked(resend_unknown)
            assert other.resume(batch_id)
            settle(qtbot, other)
            status = w(other, QLabel, "batchStatus").text()
            assert "is running in another window or program" in status and "Nothing was sent" in status
            assert not other.busy and running.busy
        assert not any(j.outcome.state is RowState.UNKNOWN for j in journal.batch_rows(batch_id))
        sim.latency_ms = 0
    assert blocker.args[0].stop is Stop.COMPLETED
    assert Counter(mails(sim)) == Counter(f"INV-{i}" for i in range(1, 9))  # every mail exactly once
    switch_language("ko")
    assert "다른 창이나 프로그램" in w(other, QLabel, "batchStatus").text()  # said again in the new language


def test_declining_a_resume_frees_the_batch_for_another_window(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path, journal: Journal
) -> None:
    path = write_cp949_csv(tmp_path / "mails.csv", resend_rows(5))
    batch_id = interrupted_batch(journal, path, env="production")  # production: every batch is confirmed
    declining = make_tab(env="production", lang="en", answer=False)
    assert declining.resume(batch_id)
    settle(qtbot, declining)
    assert asked(declining) and "Not resumed" in w(declining, QLabel, "batchStatus").text()
    assert not journal.running_elsewhere(batch_id)  # the plan gave its run lock back with the refusal
    other = make_tab(env="production", lang="en")
    assert run(qtbot, other, lambda: other.resume(batch_id)).stop is Stop.COMPLETED
    assert sorted(mails(sim)) == ["INV-3", "INV-4", "INV-5"]


# ---- results ----
def test_export_csv_and_xlsx_every_row_in_order(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        ("SELL", "INV-1", "a@example.com"),
        ("SELL", "NOTFOUND-2", "b@example.com"),  # refused by POPBiLL: -11000005
        ("SELL", "bad key", "c@example.com"),  # invalid: skipped
        ("BUY", "INV-4", "d@example.com"),
    ]
    path = write_cp949_csv(tmp_path / "mails.csv", rows)
    tab = make_tab()
    assert load(qtbot, tab, path)
    w(tab, QCheckBox, "batchSkipInvalid").setChecked(True)
    assert run(qtbot, tab, tab.start).stop is Stop.COMPLETED
    expected = result_table("resend_email", read_batch(path, "resend_email").rows, tab.model.outcomes(), "ko")
    export = w(tab, QPushButton, "batchExport")
    assert export.isEnabled()

    for name in ("results.csv", "results.xlsx"):
        target = tmp_path / name
        monkeypatch.setattr(file_dialogs, "save_path", lambda *a, target=target, **k: (str(target), ""))
        with qtbot.waitSignal(tab.exported, timeout=RUN_TIMEOUT) as blocker:
            qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
        assert blocker.args == [True] and target.exists()
        if name.endswith(".csv"):
            assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 with a BOM
            with target.open(encoding="utf-8-sig", newline="") as handle:
                table = list(csv.reader(handle))
        else:
            book = openpyxl.load_workbook(target, read_only=True)
            sheet = book.worksheets[0]
            table = [["" if v is None else str(v) for v in line] for line in sheet.iter_rows(values_only=True)]
            book.close()
        assert table == [[str(v) for v in line] for line in expected]
        assert [line[0] for line in table[1:]] == ["2", "3", "4", "5"]  # every input row, in file order
        assert [line[4] for line in table[1:]] == [
            state_text(s, "ko") for s in (RowState.DONE, RowState.FAILED, RowState.SKIPPED, RowState.DONE)
        ]
        assert table[2][5] == "-11000005"
        assert str(target) in w(tab, QLabel, "batchStatus").text()


# ---- drag and drop, language ----
def test_a_dropped_file_is_loaded(qtbot: QtBot, make_tab: Callable[..., BatchTab], tmp_path: Path) -> None:
    path = write_cp949_csv(tmp_path / "dropped.csv", resend_rows(2))
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"%PDF")
    tab = make_tab()

    def drag(target: Path) -> QDragEnterEvent:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(target))])
        event = QDragEnterEvent(
            QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(tab, event)
        return event

    assert not drag(other).isAccepted()
    assert drag(path).isAccepted()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(tab.loaded, timeout=RUN_TIMEOUT):
        QApplication.sendEvent(tab, drop)
    assert w(tab, QLabel, "batchFile").text() == str(path)
    assert tab.model.rowCount() == 2


def test_a_language_change_describes_problems_in_the_new_language(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], tmp_path: Path
) -> None:
    path = write_cp949_csv(tmp_path / "mails.csv", [("SELL", "문서", "a@example.com")])
    tab = make_tab()
    assert load(qtbot, tab, path)
    problem = read_batch(path, "resend_email").rows[0].problems[0]
    assert column(tab, "message") == [problem.describe("ko")]
    assert column(tab, "mgt_key_type") == ["매출"]
    switch_language("en")
    assert column(tab, "message") == [problem.describe("en")]
    assert column(tab, "mgt_key_type") == ["sales"]
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Row", "Result", "Type", "Document ID", "E-mail"]  # words, not MgtKeyType/MgtKey/Receiver
    assert tab.model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "MgtKey"


# ---- nothing slow on the GUI thread ----
def test_load_file_returns_before_the_file_is_read_and_the_window_keeps_answering(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], tmp_path: Path
) -> None:
    path = tmp_path / "big.csv"
    rows = 20_000
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["MgtKeyType", "MgtKey", "Receiver"])
        out.writerows(["SELL", f"BIG-{i}", f"clerk{i}@example.com"] for i in range(rows))
    tab = make_tab(lang="en")
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(tab.loaded, timeout=60_000) as blocker:
        assert tab.load_file(str(path)) is True
        # Returned at once: nothing read yet, the tab says what it is doing, Start waits.
        assert tab.model.rowCount() == 0 and tab.working
        assert "being read" in w(tab, QLabel, "batchStatus").text()
        assert not w(tab, QPushButton, "batchStart").isEnabled()
        assert w(tab, QProgressBar, "batchProgress").maximum() == 0  # busy, length unknown
    timer.stop()
    assert blocker.args == [True]
    assert tab.model.rowCount() == rows and w(tab, QPushButton, "batchStart").isEnabled()
    # The event loop ran all along: a zero timer fired many times while the rows were read on a job.
    assert len(ticks) > 20


# ---- assign files by NTS confirmation number ----
def test_an_nts_number_file_shows_the_item_keys_found_and_the_rows_that_found_none(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path
) -> None:
    book = [
        i for i in sim.state.invoices(DEMO_CORP_NUM, "SELL") if not i.our_mgt_key and i.fields["ntsconfirmNum"]
    ][:2]
    nts = [i.fields["ntsconfirmNum"] for i in book]
    path = tmp_path / "by-nts.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["국세청승인번호", "문서유형", "문서번호"])
        out.writerow([f"{nts[0][:8]}-{nts[0][8:16]}-{nts[0][16:]}", "SELL", "NTS-UI-1"])
        out.writerow(["20200101-41000000-00000000", "SELL", "NTS-UI-2"])  # finds no invoice
        out.writerow([nts[1], "SELL", "NTS-UI-3"])
    tab = make_tab(lang="en")
    choose_operation(qtbot, tab, "assign_mgt_key")
    assert load(qtbot, tab, path)
    assert "nts_confirm_num" in tab.model.columns() and "item_key" not in tab.model.columns()
    assert tab.model.headerData(2, Qt.Orientation.Horizontal) == "NTS number"

    tab.start()  # the numbers are looked up while planning, before anything is sent
    settle(qtbot, tab)
    assert sim.count("assign") == 0
    assert tab.model.columns()[2:4] == ("nts_confirm_num", "item_key")
    assert column(tab, "item_key")[0] == book[0].item_key and column(tab, "item_key")[2] == book[1].item_key
    checks = column(tab, "result")
    assert checks[0] == checks[2] == "OK" and "20200101-41000000-00000000" in column(tab, "message")[1]
    assert "Skip invalid rows" in w(tab, QLabel, "batchStatus").text()

    w(tab, QCheckBox, "batchSkipInvalid").setChecked(True)
    report = run(qtbot, tab, tab.start)
    assert report.stop is Stop.COMPLETED
    assigned = {a.item_key: a.mgt_key for a in sim.state.assignments}
    assert assigned == {book[0].item_key: "NTS-UI-1", book[1].item_key: "NTS-UI-3"}
    target = tmp_path / "results.csv"
    with qtbot.waitSignal(tab.exported, timeout=RUN_TIMEOUT):
        assert tab.export_to(str(target))
    with target.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0][:3] == ["Row", "NTS confirmation number", "POPBiLL number"] and table[1][2] == book[0].item_key


def test_a_file_started_elsewhere_while_the_start_was_confirmed_is_not_sent_again(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path, journal: Journal
) -> None:
    # popbill-cli starts the same file while the clerk reads the confirmation: both planned it before either ran.
    path = write_cp949_csv(tmp_path / "mails.csv", resend_rows(4))
    tab = make_tab(env="production", lang="en")  # production: the start is confirmed
    held = []

    def confirm_while_the_cli_starts(title: str, text: str) -> bool:
        file = read_batch(path, "resend_email")
        batch_id = journal.create_batch(
            operation="resend_email",
            source=str(path),
            fingerprint=file.fingerprint(),
            environment="production",
            corp_num=DEMO_CORP_NUM,
            rows=file.rows,
            concurrency=1,
        )
        held.append(journal.lock(batch_id))  # the CLI's run holds its lock
        return True

    tab.confirm = confirm_while_the_cli_starts
    assert load(qtbot, tab, path)
    assert tab.start()
    settle(qtbot, tab)
    status = w(tab, QLabel, "batchStatus").text()
    assert "is running in another window or program" in status and "Internal error" not in status
    assert sim.count("send_email") == 0 and len(journal.unfinished_batches()) == 1  # nothing sent, nothing journaled
    assert not tab.busy
    held[0].release()
