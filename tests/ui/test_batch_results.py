"""What the batch tab shows and writes (issue 19 items 3, 4, 6, 7; issue 18's verify and journal stop, window side):
files as Korean offices write them (구분, no type column, their own columns) in the preview and the results, one
result column that never says 정상 for a refused row and stays on screen, .xls in the dialog and on drop, export names
refused with a sentence, a refusal that survives a checkbox, a list from Find confirmed as the chosen invoices, a
finished assign batch checked on POPBiLL, a history that cannot be written said as such, and the table's room."""

from __future__ import annotations

import csv
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.batch.model import InputRow, RowOutcome, RowState, state_text
from popbill_gui.batch.runner import Stop
from popbill_gui.core.messages import text
from popbill_gui.simulator import Simulator
from popbill_gui.storage import history as history_module
from popbill_gui.ui.batch.batch_tab import BatchTab
from popbill_gui.ui.shared import file_dialogs
from tests.assign_book import book_rows, without_id
from tests.batch.test_reader_sheets import two_sheets
from tests.service.test_journal_failures import Locker

from .batch_tabs import asked, column, history, journal, load, mails, make_tab, run, settle, w
from .conftest import ClerkWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")
__all__ = ["history", "journal", "make_tab"]  # fixtures, used by name


def headers(tab: BatchTab) -> list[str]:
    model = tab.model
    return [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


# ---- files as Korean offices write them ----
def test_a_korean_office_file_shows_its_types_in_words_and_its_own_columns_in_the_preview_and_the_results(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path
) -> None:
    path = tmp_path / "거래처.csv"
    path.write_text(
        "구분,문서번호,수신 이메일,거래처명,비고\n"
        "매출,K-1,k1@example.com,가나상사,11월분\n"
        "매입,NOTFOUND-2,k2@example.com,다라상회,\n"  # POPBiLL refuses it
        "위수탁,K-3,k3@example.com,마바물산,재발송\n",
        encoding="utf-8",
    )
    tab = make_tab()
    assert load(qtbot, tab, path)
    assert headers(tab)[:8] == ["행", "결과", "문서유형", "문서번호", "수신메일", "거래처명", "비고", "메시지"]
    assert column(tab, "mgt_key_type") == ["매출", "매입", "위수탁"]  # never SELL/BUY/TRUSTEE
    assert column(tab, "extra:0") == ["가나상사", "다라상회", "마바물산"]
    assert "결과 파일에 함께 적을 열: 거래처명, 비고" in w(tab, QLabel, "batchFile").text()
    assert run(qtbot, tab, tab.start).stop is Stop.COMPLETED
    # One result column: the refused row says 실패, never 정상; the reason beside it; nothing else to look across.
    assert column(tab, "result") == ["완료", "실패", "완료"]
    assert "-11000005" not in column(tab, "message")[1] and column(tab, "message")[1]
    target = tmp_path / "결과.csv"
    with qtbot.waitSignal(tab.exported, timeout=20000):
        assert tab.export_to(str(target))
    table = read_csv(target)
    assert table[0][:6] == ["행", "문서유형", "문서번호", "수신메일", "거래처명", "비고"]
    assert [line[1] for line in table[1:]] == ["매출", "매입", "위수탁"]
    assert [line[4] for line in table[1:]] == ["가나상사", "다라상회", "마바물산"]


def test_a_resend_file_without_a_type_column_says_it_read_every_row_as_sales(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "11월"
    sheet.append(["문서번호", "이메일"])
    sheet.append(["T-1", "t1@example.com"])
    book.create_sheet("메모")
    book.save(tmp_path / "무유형.xlsx")
    tab = make_tab()
    assert load(qtbot, tab, tmp_path / "무유형.xlsx")
    line = w(tab, QLabel, "batchFile").text()
    assert "시트: 11월" in line and text("batch.note.type_assumed", "ko") in line
    assert column(tab, "mgt_key_type") == ["매출"]
    assert run(qtbot, tab, tab.start).stop is Stop.COMPLETED
    assert [(m.mgt_key_type, m.mgt_key) for m in sim.state.sent_mails] == [("SELL", "T-1")]


def test_a_workbook_whose_sheet_is_hidden_is_refused_with_the_readers_sentence(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path
) -> None:
    path = two_sheets(tmp_path / "숨은시트.xlsx", first_state="hidden", active=0)  # Excel opens it on a hidden sheet
    tab = make_tab()
    assert load(qtbot, tab, path) is False
    said = w(tab, QLabel, "batchStatus").text()
    assert text("batch.first_sheet_hidden", "ko", name=path.name, sheet="지난달") in said
    assert "아무것도 보내지 않습니다" in said
    assert tab.model.rowCount() == 0 and sim.count("send_email") == 0


def test_the_result_column_stays_on_screen_with_the_failed_rows_filter_and_codes_wait_behind_choose_columns(
    qtbot: QtBot, clerk_window: ClerkWindow, tmp_path: Path
) -> None:
    window = clerk_window("ko", (800, 560))
    path = tmp_path / "넓은.csv"
    long_note = "아주 긴 비고 " * 12
    rows = [f"매출,W-{i},w{i}@example.com,{long_note}" for i in range(8)]
    rows[2] = f"매출,NOTFOUND-2,w2@example.com,{long_note}"
    rows[4] = f"매출,W/4,w4@example.com,{long_note}"  # invalid
    path.write_text("구분,문서번호,수신메일,비고\n" + "\n".join(rows) + "\n", encoding="utf-8")
    window.tabs.setCurrentWidget(window.batch_page)
    tab = window.batch_tab
    assert load(qtbot, tab, path)
    w(tab, QCheckBox, "batchSkipInvalid").setChecked(True)
    assert run(qtbot, tab, tab.start).stop is Stop.COMPLETED
    preview = w(tab, QTableView, "batchPreview")
    columns = tab.model.columns()
    for name in ("code", "http", "duration"):  # behind 열 선택 until chosen
        assert preview.isColumnHidden(columns.index(name))
    before = preview.columnWidth(columns.index("result"))
    w(tab, QCheckBox, "batchFailedOnly").setChecked(True)
    qtbot.wait(50)  # the columns are fitted a turn of the event loop at a time
    shown = preview.model()
    assert shown.rowCount() == 2
    result = columns.index("result")
    assert [shown.index(r, result).data() for r in range(2)] == ["실패", "건너뜀"]  # not "정상"
    left = preview.columnViewportPosition(result)
    assert 0 <= left and left + preview.columnWidth(result) <= preview.viewport().width()  # on screen
    assert preview.columnWidth(result) == before  # no filter widens it
    assert before >= preview.sizeHintForColumn(result)  # and no word in it is cut
    # The column chooser shows the code on request, and keeps the choice for the next file.
    menu = w(tab, QPushButton, "batchColumns").menu()
    menu.aboutToShow.emit()
    code = next(a for a in menu.actions() if a.text() == "코드")
    code.trigger()
    assert not preview.isColumnHidden(columns.index("code"))
    assert shown.index(0, columns.index("code")).data() == "-11000005"
    assert load(qtbot, tab, path)
    assert not preview.isColumnHidden(tab.model.columns().index("code"))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_word_of_the_result_column_is_cut(qtbot: QtBot, make_tab: Callable[..., BatchTab], lang: str) -> None:
    tab = make_tab(lang=lang)
    tab.show()
    values = {"mgt_key_type": "SELL", "mgt_key": "C-1", "receiver": "c@example.com"}
    rows = [InputRow(n, dict(values)) for n in range(2, 8)]
    tab.model.set_file("resend_email", rows)
    tab.model.set_outcomes({n: RowOutcome(n, state) for n, state in zip(range(2, 8), RowState, strict=True)})
    preview = w(tab, QTableView, "batchPreview")
    result = tab.model.columns().index("result")
    assert preview.columnWidth(result) >= preview.sizeHintForColumn(result)  # before: "check on the web…"


# ---- .xls, export names, a refusal kept ----
def test_xls_is_offered_in_the_dialog_and_a_dropped_one_is_answered_at_once(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []

    def open_path(parent: QWidget, title: str, folder: str, filters: str) -> str:
        offered.append(filters)
        return ""

    monkeypatch.setattr(file_dialogs, "open_path", open_path)
    tab = make_tab()
    qtbot.mouseClick(w(tab, QPushButton, "batchChoose"), Qt.MouseButton.LeftButton)
    assert "*.xls)" in offered[0] and "*.xlsx" in offered[0] and "*.csv" in offered[0]

    old = tmp_path / "예전.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)  # an OLE2 (BIFF) workbook's signature
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(old))])
    enter = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(tab, enter)
    assert enter.isAccepted()  # before: ignored, nothing said
    drop = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(tab.loaded, timeout=20000) as loaded:
        QApplication.sendEvent(tab, drop)
    assert loaded.args == [False]
    assert text("batch.xls", "ko", name="예전.xls") in w(tab, QLabel, "batchStatus").text()


def test_the_reason_a_file_is_refused_survives_ticking_skip_invalid_rows(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], tmp_path: Path
) -> None:
    path = tmp_path / "머리글.csv"
    path.write_text("문서유형,문서번호,수신메알\n매출,A-1,a@example.com\n", encoding="utf-8")
    tab = make_tab()
    assert load(qtbot, tab, path) is False
    status = w(tab, QLabel, "batchStatus")
    reason = status.text()
    assert "수신메알" in reason
    for ticked in (True, False):
        w(tab, QCheckBox, "batchSkipInvalid").setChecked(ticked)
        assert status.text() == reason  # before: "CSV 또는 엑셀 파일을 고르세요"


@pytest.mark.parametrize(("typed", "written"), [("결과.txt", None), ("결과", "결과.xlsx"), ("결과.CSV", "결과.CSV")])
def test_an_export_name_that_is_not_csv_or_xlsx_is_refused_with_a_sentence(
    qtbot: QtBot,
    make_tab: Callable[..., BatchTab],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    typed: str,
    written: str | None,
) -> None:
    path = tmp_path / "m.csv"
    path.write_text("문서유형,문서번호,수신메일\n매출,X-1,x@example.com\n", encoding="utf-8")
    tab = make_tab()
    assert load(qtbot, tab, path)
    target = tmp_path / "out" / typed
    monkeypatch.setattr(file_dialogs, "save_path", lambda *a, **k: (str(target), "Excel (*.xlsx)"))
    with qtbot.waitSignal(tab.exported, timeout=20000) as exported:
        qtbot.mouseClick(w(tab, QPushButton, "batchExport"), Qt.MouseButton.LeftButton)
    files = sorted(p.name for p in (tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else []
    if written is None:
        assert exported.args == [False] and files == []  # before: 결과.txt.xlsx
        said = w(tab, QLabel, "batchStatus").text()
        assert text("export.suffix", "ko", name="결과.txt") in said
    else:
        assert exported.args == [True] and files == [written]


# ---- a list handed over from Find ----
def test_a_list_from_find_shows_its_invoices_and_is_confirmed_as_the_chosen_invoices(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path
) -> None:
    invoices = without_id(sim)[:3]
    path = tmp_path / "assign-20261130-101500.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["팝빌번호", "문서유형", "문서번호", "거래처", "작성일자", "합계금액", "상태"])
        for n, invoice in enumerate(invoices, start=1):
            fields = invoice.fields
            out.writerow(
                [invoice.item_key, "SELL", f"F-{n}", fields["invoiceeCorpName"], fields["writeDate"],
                 fields["totalAmount"], "발행완료"]
            )  # fmt: skip
    tab = make_tab()
    tab.set_operation("assign_mgt_key")
    with qtbot.waitSignal(tab.loaded, timeout=20000):
        assert tab.load_file(str(path), from_find=True)
    assert tab.from_find
    assert w(tab, QLabel, "batchFile").text() == "찾기에서 고른 세금계산서 3건"  # no file the clerk made
    shown = headers(tab)
    after_id = shown.index("문서번호") + 1
    assert shown[after_id : after_id + 4] == ["거래처", "작성일자", "합계금액", "상태"]  # beside every new ID
    assert column(tab, "extra:0") == [i.fields["invoiceeCorpName"] for i in invoices]
    assert run(qtbot, tab, tab.start).stop is Stop.COMPLETED
    question = asked(tab)[0][1]
    assert "선택한 세금계산서 3건에 문서번호를 할당합니다" in question and "파일에 적힌 대로" not in question
    for n, invoice in enumerate(invoices, start=1):
        fields = invoice.fields
        line = next(line for line in question.splitlines() if f"→ F-{n}" in line)
        assert fields["invoiceeCorpName"] in line and fields["writeDate"] in line and fields["totalAmount"] in line
    # A file of the clerk's own is asked about as a file.
    other = tmp_path / "own.csv"
    rows = book_rows(sim, 5, prefix="OWN")[3:]
    other.write_text("ItemKey,MgtKeyType,MgtKey\n" + "".join(f"{a},{b},{c}\n" for a, b, c in rows), encoding="utf-8")
    assert load(qtbot, tab, other) and not tab.from_find
    assert run(qtbot, tab, tab.start).stop is Stop.COMPLETED
    assert "파일에 적힌 대로" in asked(tab)[1][1]


# ---- verify a finished assign batch ----
def test_a_finished_assign_batch_is_checked_on_popbill_and_the_export_gains_the_column(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path
) -> None:
    rows = book_rows(sim, 4, prefix="V")
    path = tmp_path / "v.csv"
    path.write_text("ItemKey,MgtKeyType,MgtKey,비고\n" + "".join(f"{a},{b},{c},메모{c}\n" for a, b, c in rows))
    tab = make_tab(lang="en")
    tab.set_operation("assign_mgt_key")
    assert load(qtbot, tab, path)
    verify = w(tab, QPushButton, "batchVerify")
    assert not verify.isVisibleTo(tab)  # nothing to check before the batch has run
    assert run(qtbot, tab, tab.start).stop is Stop.COMPLETED
    assert verify.isVisibleTo(tab) and verify.isEnabled()
    looked = sim.count("search") + sim.count("detail")
    qtbot.mouseClick(verify, Qt.MouseButton.LeftButton)
    settle(qtbot, tab)
    assert sim.count("search") + sim.count("detail") > looked and sim.count("assign") == 4  # looked, never sent
    assert column(tab, "verified") == ["carries its document ID"] * 4
    assert "Of 4 row(s) checked, 4 carry their document ID" in w(tab, QLabel, "batchStatus").text()

    sim.state.clear()  # POPBiLL's side made afresh: no invoice carries its ID any more
    qtbot.mouseClick(verify, Qt.MouseButton.LeftButton)
    settle(qtbot, tab)
    assert set(column(tab, "verified")) == {"no document ID"}
    assert "4 do not" in w(tab, QLabel, "batchStatus").text()
    target = tmp_path / "checked.csv"
    with qtbot.waitSignal(tab.exported, timeout=20000):
        assert tab.export_to(str(target))
    table = read_csv(target)
    assert table[0][-1] == "Checked on POPBiLL" and "비고" in table[0]
    assert [line[-1] for line in table[1:]] == ["no document ID"] * 4
    assert [line[table[0].index("비고")] for line in table[1:]] == [f"메모V-{n}" for n in range(1, 5)]


# ---- the history cannot be written ----
def test_a_history_that_cannot_be_written_is_said_as_such_and_the_batch_resumes(
    qtbot: QtBot,
    make_tab: Callable[..., BatchTab],
    sim: Simulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(history_module, "BUSY_TIMEOUT", 0.3)  # "locked past the wait", without waiting 30 s
    path = tmp_path / "m.csv"
    path.write_text("MgtKeyType,MgtKey,Receiver\n" + "".join(f"SELL,J-{i},j{i}@example.com\n" for i in range(8)))
    tab = make_tab(lang="en")
    assert load(qtbot, tab, path)
    w(tab, QWidget, "batchConcurrency").setValue(2)
    locker = Locker(tmp_path / "h.sqlite3")
    try:
        sim.latency_ms = 300

        def lock_when_in_flight() -> None:
            deadline = time.monotonic() + 30
            while sim.count("send_email") < 2 and time.monotonic() < deadline:
                time.sleep(0.005)
            locker.lock()

        watcher = threading.Thread(target=lock_when_in_flight, daemon=True)
        watcher.start()
        report = run(qtbot, tab, tab.start)
        watcher.join()
        sim.latency_ms = 0
        assert report.stop is Stop.JOURNAL
        status = w(tab, QLabel, "batchStatus").text()
        assert "Batch #1 stopped, because the history cannot be written" in status
        assert "another program" in status and "Press Start to resume the batch once the cause is gone" in status
        assert "would hit every row" not in status and "-99999999" not in status  # before: a refusal's words
        locker.release()
        # Once the cause is gone: Start offers the batch; it sends the rest, never a row twice.
        assert run(qtbot, tab, tab.start).stop is Stop.COMPLETED
        assert "interrupted batch" in asked(tab)[-1][1]
        # Every mail once: the two in flight when it stopped reached the simulator, and are "to check", not resent.
        assert Counter(mails(sim)) == Counter(f"J-{i}" for i in range(8))
        assert column(tab, "result").count(state_text(RowState.UNKNOWN, "en")) == 2
    finally:
        locker.close()


# ---- room on a real screen ----
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_batch_table_keeps_half_the_window_with_the_first_start_bar(
    qtbot: QtBot, clerk_window: ClerkWindow, tmp_path: Path, lang: str
) -> None:
    window = clerk_window(lang, (1100, 720), demo=False)  # no credentials yet: the setup bar is shown
    assert w(window, QWidget, "setupBar").isVisible()
    path = tmp_path / "거래처.csv"
    rows = [f"매출,INV-{i},a{i}@example.com,상사{i},메모" for i in range(40)]
    rows[7] = "매출,INV/7,a7@example.com,상사7,메모"  # invalid: the status line says what to do (a long sentence)
    path.write_text("구분,문서번호,수신 이메일,거래처명,비고\n" + "\n".join(rows) + "\n", encoding="utf-8")
    window.tabs.setCurrentWidget(window.batch_page)
    tab = window.batch_tab
    preview = w(window, QTableView, "batchPreview")
    qtbot.waitUntil(preview.isVisible)
    # Before a file: the tab says what it is for, and the table already has its room (before: 342 px, 47.5 %).
    assert preview.height() >= window.height() / 2, preview.height()
    assert load(qtbot, tab, path)
    print(f"{lang}: the table {preview.height()} of {window.height()} px ({preview.height() / window.height():.1%})")
    assert preview.height() >= window.height() / 2  # before: 342 of 720 px (47.5 %)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_at_800_by_560_the_batch_tab_with_its_bars_fits_the_window(
    qtbot: QtBot, clerk_window: ClerkWindow, tmp_path: Path, lang: str
) -> None:
    window = clerk_window(lang, (800, 560))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["구분", "문서번호", "수신메일", "거래처명"])
    for i in range(6):
        sheet.append(["매출", f"N-{i}", f"n{i}@example.com", f"상사 {i}"])
    sheet.row_dimensions[3].hidden = True
    book.save(tmp_path / "좁은.xlsx")
    window.tabs.setCurrentWidget(window.batch_page)
    assert load(qtbot, window.batch_tab, tmp_path / "좁은.xlsx")
    assert w(window, QWidget, "batchHiddenRows").isVisible()
    qtbot.wait(50)
    assert window.width() == 800  # nothing widened it (a row of options, a bar's answers)
    assert window.batch_tab.minimumSizeHint().width() <= window.batch_tab.width()

