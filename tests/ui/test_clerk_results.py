"""Results where the clerk looks (issue 13.1 and 13.6): the result line under Send and Assign, the log's detail and
columns, the history's detail and message column, a batch's summary row, and the confirmation's wording."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.core.errors import hint_for
from popbill_gui.core.messages import text
from popbill_gui.service.batches import BatchReport
from popbill_gui.service.records import RowOutcome, RowState, Stop
from popbill_gui.ui.history.history_dialog import HistoryDialog
from popbill_gui.ui.log.entries import batch_entry
from popbill_gui.ui.log.log_model import LogModel
from popbill_gui.ui.window.main_window import MainWindow

from .conftest import ClerkWindow


def w(parent: QWidget, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


def send(qtbot: QtBot, window: MainWindow, mgt_key: str, receiver: str = "staff@example.com") -> QLabel:
    tab = window.resend_tab
    tab.mgt_key.edit.setText(mgt_key)
    tab.receiver.edit.setText(receiver)
    rows = window.log_model.rowCount()
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() > rows, timeout=10_000)
    return w(window, QLabel, "resendResult")


def whole(label: QLabel) -> bool:
    """Word-wrapped, shown, and as tall as its words need at its width: nothing cut or elided."""
    return (
        label.wordWrap()
        and label.isVisible()
        and label.height() >= label.heightForWidth(label.width())
        and "…" not in label.text()
    )


def test_the_result_line_says_it_in_full_under_send(qtbot: QtBot, clerk_window: ClerkWindow) -> None:
    window = clerk_window("ko", (800, 560))
    result = send(qtbot, window, "INV-1")
    assert result.property("text") and "INV-1" in result.text() and "이메일 재전송 완료" in result.text()
    assert result.outcome == "ok"  # type: ignore[attr-defined]
    result = send(qtbot, window, "NOTFOUND-1")
    qtbot.waitUntil(lambda: whole(result))
    assert result.outcome == "failed"  # type: ignore[attr-defined]
    assert text("hint.not_found", "ko") in result.text()
    assert "-11000005" not in result.text() and "SELL" not in result.text() and "매출 NOTFOUND-1" in result.text()
    assert w(result, QLabel, "resendResultIcon").pixmap() is not None
    # The tab scrolls to it when the window is short.
    tab = window.resend_tab
    viewport = tab.scroller.viewport()
    qtbot.waitUntil(lambda: result.geometry().translated(0, -tab.scroller.verticalScrollBar().value()).bottom()
                    <= viewport.height())  # fmt: skip


def test_an_assign_refusal_speaks_of_the_popbill_number(qtbot: QtBot, clerk_window: ClerkWindow) -> None:
    window = clerk_window("ko")
    window.tabs.setCurrentIndex(1)
    asked: list[str] = []
    window.confirm = lambda title, body: asked.append(body) or True  # type: ignore[func-returns-value]
    w(window, QLineEdit, "assignItemKey").setText("000000415000000001")
    w(window, QLineEdit, "assignMgtKey").setText("INV-2026-0101")
    qtbot.mouseClick(w(window, QPushButton, "assignSend"), Qt.MouseButton.LeftButton)
    result = w(window, QLabel, "assignResult")
    qtbot.waitUntil(lambda: result.outcome == "failed")  # type: ignore[attr-defined]
    assert hint_for(-11000005, "ko", "assign_mgt_key") in result.text()
    assert text("hint.not_found", "ko") not in result.text()
    # The confirmation puts each value on its own line: no particle after a value ("…(SELL)을(를)").
    assert "을(를)" not in asked[0] and "\n문서번호: INV-2026-0101\n" in asked[0]
    assert "팝빌번호: 000000415000000001" in asked[0] and "매출" in asked[0] and "ItemKey" not in asked[0]


def test_an_unknown_outcome_says_what_to_check(qtbot: QtBot, clerk_window: ClerkWindow) -> None:
    window = clerk_window("en")
    window.simulator.fault = "reset"  # type: ignore[attr-defined]
    result = send(qtbot, window, "INV-9")
    assert result.outcome == "unknown"  # type: ignore[attr-defined]
    assert "Outcome unknown" in result.text() and "mail history on the POPBiLL website" in result.text()
    assert window.log_model.data(window.log_model.index(0, 1)) == "Check"


def test_the_log_shows_result_and_message_first_and_the_selected_row_whole(
    qtbot: QtBot, clerk_window: ClerkWindow
) -> None:
    window = clerk_window("en", (800, 560))
    send(qtbot, window, "INV-1")
    send(qtbot, window, "NOTFOUND-2")
    view = w(window, QTableView, "logView")
    header = view.horizontalHeader()
    columns = LogModel.COLUMNS
    assert [columns[header.logicalIndex(v)] for v in (0, 1)] == ["result", "message"]
    assert all(view.isColumnHidden(columns.index(c)) for c in ("http", "code", "duration", "hint"))
    detail = w(window, QLabel, "logDetail")
    assert detail.wordWrap()
    # Nothing selected: the newest row, whole.
    newest = detail.text()
    assert "NOTFOUND-2" in newest and "Cause: Document ID does not exist." in newest
    assert "What to do: " + text("hint.not_found", "en") in newest
    assert "-11000005" not in newest and "HTTP" not in newest and " ms" not in newest  # words, not codes
    facts = detail.toolTip()  # for IT
    assert "Code -11000005" in facts and "HTTP 400" in facts and " ms" in facts
    assert newest.count(":") >= 4  # the time too
    view.selectRow(0)
    assert "INV-1" in detail.text() and "Message: Email has been resent." in detail.text()
    # The header's menu (also the Columns button's) shows what is hidden.
    menu = w(window, QPushButton, "logColumns").menu()
    menu.aboutToShow.emit()
    http = next(a for a in menu.actions() if a.text() == "HTTP")
    assert not http.isChecked()
    http.trigger()
    assert not view.isColumnHidden(columns.index("http")) and view.columnWidth(columns.index("http")) > 8
    assert header.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_the_history_shows_the_message_on_screen_and_the_record_whole(
    qtbot: QtBot, clerk_window: ClerkWindow
) -> None:
    window = clerk_window("en", (800, 560))
    send(qtbot, window, "NOTFOUND-3")
    dialog = HistoryDialog(window.service, window.jobs, window)
    qtbot.addWidget(dialog)
    dialog.resize(800, 560)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    view = w(dialog, QTableView, "historyView")
    message = dialog.model.COLUMNS.index("message")
    left = view.columnViewportPosition(message)
    assert 0 <= left and left + 60 < view.viewport().width()  # on screen, with room to read
    for label in ("historyText", "historyFrom", "historyTo"):
        edit = w(dialog, QWidget, label)
        buddy_label = next(lab for lab in dialog.findChildren(QLabel) if lab.buddy() is edit)
        assert buddy_label.width() >= buddy_label.sizeHint().width()  # "To" is not "Tc"
    detail = w(dialog, QLabel, "historyDetail")
    assert "NOTFOUND-3" in detail.text() and text("hint.not_found", "en") in detail.text()
    assert "-11000005" not in detail.text() and "HTTP" not in detail.text()
    assert "Code -11000005" in detail.toolTip() and "HTTP 400" in detail.toolTip()


def test_a_batchs_summary_row_says_done_partly_failed_or_cancelled(qtbot: QtBot) -> None:
    model = LogModel()

    def report(states: list[RowState], stop: Stop = Stop.COMPLETED) -> BatchReport:
        return BatchReport(7, stop, None, {i: RowOutcome(i, state) for i, state in enumerate(states, start=2)})

    entries = [
        batch_entry(report([RowState.DONE] * 5)),
        batch_entry(report([RowState.DONE] * 4 + [RowState.FAILED])),
        batch_entry(report([RowState.DONE, RowState.PENDING], Stop.CANCELLED)),
        batch_entry(report([RowState.FAILED] * 2)),
    ]
    for entry in entries:
        model.add(entry)
    words = [model.result_text(e) for e in entries]
    assert [e.outcome for e in entries] == ["done", "partial", "cancelled", "failed"]
    assert words == ["Done", "Partly failed", "Cancelled", "Failed"]  # 완료, 일부 실패, 취소됨, 실패 in Korean
    icons: list[QIcon] = [model.data(model.index(r, 1), Qt.ItemDataRole.DecorationRole) for r in range(4)]  # type: ignore[misc]
    assert len({icon.cacheKey() for icon in icons[:3]}) == 3
    assert entries[0].ok and not entries[1].ok
