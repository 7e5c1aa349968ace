"""The clerk starts from an invoice (issue 19 items 2, 3 and 7 for Find), through real widgets (pytest-qt, offscreen)
against the simulator over real sockets: Find from the Resend tab (the address on file filled, the tab unchanged, the
mail sent to it), an invoice without a document ID chosen for a resend, many mails resent as a batch, numbering that
runs oldest first down the list and leaves cancelled and NTS-failed invoices out unless ticked, the date presets and
dates typed whole, and the dialog's room on real screens.

What the list should hold is read from the simulator's book (its fields as generated), never from the code under
test. Waits are for what a clerk would see, never sleeps of a guessed length.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QRect, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.core.invoices import add_months
from popbill_gui.service.assign_list import CLERK_HEADERS
from popbill_gui.simulator import DEMO_CORP_NUM, Simulator
from popbill_gui.ui.find.dates import preset_range, typed_date
from popbill_gui.ui.find.find_dialog import FindDialog
from popbill_gui.ui.find.invoice_model import InvoiceListModel
from popbill_gui.ui.shared import screen_fit
from popbill_gui.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

NEW_ID = InvoiceListModel.COLUMNS.index("new_mgt_key")
Factory = Callable[..., MainWindow]


def child(parent: QWidget, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


def type_keys(widget: QWidget, text: str) -> None:
    """Type like a user, one key event per character, into the widget that has the focus."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def open_from(qtbot: QtBot, window: MainWindow, tab: str) -> FindDialog:
    page = window.resend_tab if tab == "resend" else window.assign_tab
    window.tabs.setCurrentWidget(page)
    qtbot.mouseClick(child(window, QPushButton, f"{tab}Find"), Qt.MouseButton.LeftButton)
    dialog = window.findChild(FindDialog, "findDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.searching, timeout=15000)
    return dialog


def searched(qtbot: QtBot, dialog: FindDialog, start: Callable[[], object]) -> None:
    with qtbot.waitSignal(dialog.searched, timeout=15000):
        start()


def rows_where(dialog: FindDialog, test: Callable[..., bool]) -> list[int]:
    return [row for row in range(dialog.model.rowCount()) if test(dialog.model.invoice(row))]


def select(dialog: FindDialog, rows: list[int]) -> None:
    selection = dialog.view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(dialog.model.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)


def double_click(qtbot: QtBot, dialog: FindDialog, row: int) -> None:
    view = dialog.view
    rect = view.visualRect(dialog.model.index(row, InvoiceListModel.COLUMNS.index("partner")))
    # A real double-click: press and release, then the second press (QTest sends only that one as DblClick).
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def address_on_file(sim: Simulator, item_key: str) -> str:
    found = sim.state.find(DEMO_CORP_NUM, item_key=item_key)
    assert found is not None
    return str(found.fields["invoiceeEmail1"])


# ---- resend from Find --------------------------------------------------------------------------------------------
def test_resend_from_find_fills_the_address_on_file_and_sends_to_it(
    qtbot: QtBot, window_factory: Factory, sim: Simulator
) -> None:
    window = window_factory(sim)
    dialog = open_from(qtbot, window, "resend")
    assert not child(dialog, QCheckBox, "findWithoutMgtKey").isChecked()  # from Resend: every invoice
    assert dialog.focusWidget() is dialog.partner  # the clerk starts from the partner's name
    issued = rows_where(dialog, lambda i: bool(i.mgt_key) and i.state_code == 304)
    assert issued, "the book has issued invoices with a document ID in the last two months"
    chosen = dialog.model.invoice(issued[0])

    # The partner's name typed, Enter: the list holds that partner's invoices.
    dialog.partner.selectAll()
    type_keys(dialog.partner, chosen.partner_name)
    searched(qtbot, dialog, lambda: qtbot.keyClick(dialog.partner, Qt.Key.Key_Return))
    assert {i.partner_name for i in dialog.model.invoices()} == {chosen.partner_name}
    row = rows_where(dialog, lambda i: i.item_key == chosen.item_key)[0]
    double_click(qtbot, dialog, row)

    assert not dialog.isVisible()
    assert window.tabs.currentWidget() is window.resend_tab  # the tab does not change
    assert child(window, QLineEdit, "resendMgtKey").text() == chosen.mgt_key
    assert child(window, QComboBox, "resendMgtKeyType").currentData() == chosen.mgt_key_type
    receiver = child(window, QLineEdit, "resendReceiver")
    expected = address_on_file(sim, chosen.item_key)
    qtbot.waitUntil(lambda: receiver.text() == expected, timeout=5000)
    assert window.focusWidget() is receiver  # where the clerk may change it
    assert chosen.partner_name in child(window, QLabel, "resendInvoice").text()

    send = child(window, QPushButton, "resendSend")
    assert send.isEnabled() and sim.count("send_email") == 0
    qtbot.mouseClick(send, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(sim.state.sent_mails) == 1, timeout=5000)
    mail = sim.state.sent_mails[0]
    assert (mail.mgt_key, mail.receiver) == (chosen.mgt_key, expected)
    posts = [r for r in sim.requests if r.kind == "send_email"]
    assert len(posts) == 1 and posts[0].path.endswith(f"/SELL/{chosen.mgt_key}")


def test_an_address_typed_while_the_invoice_is_looked_up_is_kept(
    qtbot: QtBot, window_factory: Factory, sim: Simulator
) -> None:
    window = window_factory(sim)
    dialog = open_from(qtbot, window, "resend")
    row = rows_where(dialog, lambda i: bool(i.mgt_key))[0]
    chosen = dialog.model.invoice(row)
    dialog.view.selectRow(row)
    qtbot.mouseClick(child(dialog, QPushButton, "findUse"), Qt.MouseButton.LeftButton)
    receiver = child(window, QLineEdit, "resendReceiver")
    type_keys(receiver, "boss@example.com")  # before the look-up's answer is in
    label = child(window, QLabel, "resendInvoice")
    qtbot.waitUntil(lambda: address_on_file(sim, chosen.item_key) in label.text(), timeout=5000)
    assert receiver.text() == "boss@example.com"  # the clerk's own address wins

    # The same invoice chosen again: the address on file again (its invoice is shown already: no look-up).
    requests = len(sim.requests)
    assert window.resend_tab.open_find() is dialog
    dialog.view.selectRow(rows_where(dialog, lambda i: i.item_key == chosen.item_key)[0])
    assert dialog.use_current()
    assert receiver.text() == address_on_file(sim, chosen.item_key) and len(sim.requests) == requests


def test_an_invoice_without_a_document_id_chosen_for_a_resend_gets_one_first(
    qtbot: QtBot, window_factory: Factory, sim: Simulator
) -> None:
    window = window_factory(sim)
    dialog = open_from(qtbot, window, "resend")
    unnamed = rows_where(dialog, lambda i: not i.mgt_key and i.state_code == 304)
    assert unnamed, "the book has issued invoices without a document ID in the last two months"
    chosen = dialog.model.invoice(unnamed[0])
    double_click(qtbot, dialog, unnamed[0])

    # Not used: the dialog says why, and offers the way out.
    assert dialog.isVisible() and child(window, QLineEdit, "resendMgtKey").text() == ""
    notice = child(dialog, QLabel, "findNoIdNotice")
    assert notice.isVisible() and "no document ID" in notice.text() and "cannot be resent" in notice.text()
    assert not child(dialog, QPushButton, "findUse").isEnabled()
    give = child(dialog, QPushButton, "findGiveId")
    assert give.isVisible() and dialog.focusWidget() is give
    # Another row (with a document ID): no notice.
    dialog.view.selectRow(rows_where(dialog, lambda i: bool(i.mgt_key))[0])
    assert not notice.isVisible() and child(dialog, QPushButton, "findUse").isEnabled()
    dialog.view.selectRow(unnamed[0])

    qtbot.mouseClick(give, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.tabs.currentWidget() is window.assign_tab
    assert child(window, QLineEdit, "assignItemKey").text() == chosen.item_key
    assert child(window, QComboBox, "assignMgtKeyType").currentData() == chosen.mgt_key_type
    assert chosen.partner_name in child(window, QLabel, "assignInvoice").text()
    assert window.focusWidget() is child(window, QLineEdit, "assignMgtKey")  # what the clerk types next
    assert sim.count("send_email") == 0 and sim.count("assign") == 0

    # Given its ID (asked first), it comes back to the Resend tab with that ID and the address on file.
    type_keys(child(window, QLineEdit, "assignMgtKey"), "RE-0001")
    qtbot.mouseClick(child(window, QPushButton, "assignSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.resend_tab, timeout=5000)
    assert [(a.item_key, a.mgt_key) for a in sim.state.assignments] == [(chosen.item_key, "RE-0001")]
    assert child(window, QLineEdit, "resendMgtKey").text() == "RE-0001"
    receiver = child(window, QLineEdit, "resendReceiver")
    qtbot.waitUntil(lambda: receiver.text() == address_on_file(sim, chosen.item_key), timeout=5000)
    qtbot.mouseClick(child(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(sim.state.sent_mails) == 1, timeout=5000)
    assert (sim.state.sent_mails[0].mgt_key, sim.state.sent_mails[0].receiver) == ("RE-0001", receiver.text())

    # Opened from the Assign tab, Find lists the invoices without a document ID again.
    searches = sim.count("search")
    again = open_from(qtbot, window, "assign")
    assert again is dialog and dialog.without_mgt_key.isChecked() and sim.count("search") > searches
    assert all(not i.mgt_key for i in dialog.model.invoices())


def test_resend_many_runs_a_batch_of_the_chosen_invoices_to_their_addresses(
    qtbot: QtBot, window_factory: Factory, sim: Simulator, tmp_path: Path
) -> None:
    window = window_factory(sim)
    dialog = open_from(qtbot, window, "resend")
    named = rows_where(dialog, lambda i: bool(i.mgt_key) and i.state_code == 304)[:3]
    unnamed = rows_where(dialog, lambda i: not i.mgt_key)[:1]
    assert len(named) == 3 and unnamed
    select(dialog, named + unnamed)
    button = child(dialog, QPushButton, "findResendMany")
    note = child(dialog, QLabel, "findResendNote")
    assert button.isEnabled() and "(3)" in button.text()
    assert note.isVisible() and "without a document ID: 1" in note.text()
    expected = {
        (dialog.model.invoice(r).mgt_key, address_on_file(sim, dialog.model.invoice(r).item_key)) for r in named
    }
    details = sim.count("detail")

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert sim.count("detail") - details == 3  # the addresses of the invoices with a document ID, no more
    qtbot.waitUntil(lambda: window._batch_tab is not None and window.tabs.currentWidget() is window.batch_page)
    tab = window.batch_tab
    # The rows are shown, as a file's are; nothing goes before Start.
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3 and not tab.working, timeout=10000)
    assert tab.from_find and tab.current_operation() == "resend_email"
    assert sim.count("send_email") == 0
    with qtbot.waitSignal(tab.finished, timeout=20000) as finished:
        qtbot.mouseClick(child(tab, QPushButton, "batchStart"), Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert report.stop.value == "completed" and len(report.outcomes) == 3
    assert {(m.mgt_key, m.receiver) for m in sim.state.sent_mails} == expected and len(sim.state.sent_mails) == 3

    # The rows went through a file beside the history, with partner, date, amount and state beside each row.
    (written,) = (tmp_path / "resend-lists").glob("resend-*.csv")
    with written.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["MgtKeyType", "MgtKey", "Receiver", *CLERK_HEADERS["en"]] and len(rows) == 4
    assert {(r[1], r[2]) for r in rows[1:]} == expected and all(r[0] == "sales" and r[3] for r in rows[1:])
    notes = [window.log_model.entry(r).message for r in range(window.log_model.rowCount())]
    assert any("Left out of the resend: 1 without a document ID" in n for n in notes)


# ---- numbering the clerk can check ----------------------------------------------------------------------------------
def test_numbers_follow_the_dates_and_run_down_the_list_while_the_panel_is_open(
    qtbot: QtBot, window_factory: Factory, sim: Simulator
) -> None:
    window = window_factory(sim)
    dialog = open_from(qtbot, window, "assign")
    model = dialog.model

    def dates() -> list[date]:
        return [i.write_date for i in model.invoices() if i.write_date is not None]

    assert len(dates()) >= 4 and dates() == sorted(dates(), reverse=True)  # as POPBiLL lists them: newest first
    plain = rows_where(dialog, lambda i: i.state_code == 304)
    chosen = {model.invoice(r).item_key for r in plain[:3]}
    select(dialog, plain[:3])
    dialog.assign.setChecked(True)
    assert dates() == sorted(dates())  # oldest first while numbering
    rows = dialog.selected_rows()
    assert {model.invoice(r).item_key for r in rows} == chosen  # the selection followed its invoices
    numbers = [model.index(r, NEW_ID).data() for r in rows]
    assert numbers == sorted(numbers) and len(set(numbers)) == 3  # the numbers run down the list
    assert [model.invoice(r).write_date for r in rows] == sorted(model.invoice(r).write_date for r in rows)
    dialog.assign.setChecked(False)
    assert dates() == sorted(dates(), reverse=True)
    assert {model.invoice(r).item_key for r in dialog.selected_rows()} == chosen


def test_cancelled_and_nts_failed_invoices_are_left_out_unless_ticked(
    qtbot: QtBot, window_factory: Factory, sim: Simulator
) -> None:
    window = window_factory(sim)
    dialog = open_from(qtbot, window, "assign")
    searched(qtbot, dialog, lambda: dialog.use_preset("last_3_months"))
    dialog.assign.setChecked(True)
    model = dialog.model
    cancelled = rows_where(dialog, lambda i: (i.state_code or 0) // 100 == 6)
    failed = rows_where(dialog, lambda i: i.state_code == 305)
    plain = rows_where(dialog, lambda i: i.state_code == 304)
    assert cancelled and failed and plain, "the book has each in the last three months"
    state = InvoiceListModel.COLUMNS.index("state")
    for row, words in ((cancelled[0], "Cancelled"), (failed[0], "NTS failed")):
        tip = model.index(row, state).data(Qt.ItemDataRole.ToolTipRole)
        assert words in tip.replace("Filing to the NTS failed", "NTS failed") and "numbering leaves it out" in tip
        assert model.index(row, state).data(Qt.ItemDataRole.DecorationRole) is not None  # marked in the list

    select(dialog, [cancelled[0], failed[0], plain[0]])
    proposals = dialog.assign.proposals
    assert [p.invoice.item_key for p in proposals] == [model.invoice(plain[0]).item_key]
    assert proposals[0].number == 1  # the left-out invoices use no number
    for row in (cancelled[0], failed[0]):
        assert model.index(row, NEW_ID).data() == "left out"
    status = child(dialog, QLabel, "findPatternStatus").text()
    assert "2 cancelled or NTS-failed invoices are left out" in status
    assert dialog.assign.button.isEnabled() and "1" in dialog.assign.button.text()

    select(dialog, [cancelled[0]])
    assert not dialog.assign.button.isEnabled() and "tick the box" in child(dialog, QLabel, "findPatternStatus").text()
    child(dialog, QCheckBox, "findIncludeSetAside").setChecked(True)
    select(dialog, [cancelled[0], failed[0], plain[0]])
    assert len(dialog.assign.proposals) == 3 and dialog.assign.button.isEnabled()


# ---- dates ---------------------------------------------------------------------------------------------------------
def test_presets_set_the_range_and_search(qtbot: QtBot, window_factory: Factory, sim: Simulator) -> None:
    window = window_factory(sim)
    dialog = open_from(qtbot, window, "assign")
    today = date.today()
    first_of_month = today.replace(day=1)
    end_of_last = first_of_month - timedelta(days=1)
    for name, (first, last) in (
        ("findThisMonth", (first_of_month, today)),
        ("findLastMonth", (end_of_last.replace(day=1), end_of_last)),
        ("findLast3Months", (add_months(today, -3), today)),
    ):
        searched(
            qtbot,
            dialog,
            lambda name=name: qtbot.mouseClick(child(dialog, QPushButton, name), Qt.MouseButton.LeftButton),
        )
        wanted = dialog.search_filter()
        assert (wanted.start, wanted.end) == (first, last), name
        shown = [i.write_date for i in dialog.model.invoices()]
        assert all(first <= d <= last for d in shown if d is not None), name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20261130", date(2026, 11, 30)),
        ("2026-11-30", date(2026, 11, 30)),
        ("2026.11.30.", date(2026, 11, 30)),
        ("2026/1/5", date(2026, 1, 5)),
        (" 20260228 ", date(2026, 2, 28)),
        ("20260230", None),
        ("2026113", None),
        ("30-11-2026", None),
    ],
)
def test_dates_typed_the_ways_clerks_type_them(text: str, expected: date | None) -> None:
    assert typed_date(text) == expected


def test_preset_ranges_across_years_and_month_ends() -> None:
    assert preset_range("last_month", date(2026, 1, 15)) == (date(2025, 12, 1), date(2025, 12, 31))
    assert preset_range("this_month", date(2026, 3, 1)) == (date(2026, 3, 1), date(2026, 3, 1))
    assert preset_range("last_3_months", date(2026, 5, 31)) == (date(2026, 2, 28), date(2026, 5, 31))
    assert preset_range("last_3_months", date(2026, 2, 10)) == (date(2025, 11, 10), date(2026, 2, 10))


@pytest.mark.parametrize("typed", ["20250103", "2025-01-03", "2025.1.3"])
def test_a_date_typed_whole_in_the_field_is_the_date_searched(
    qtbot: QtBot, window_factory: Factory, sim: Simulator, typed: str
) -> None:
    window = window_factory(sim)
    dialog = open_from(qtbot, window, "assign")
    field = dialog.date_from
    # Clicked into, as a clerk does: Qt would put the cursor in one section of the date.
    qtbot.mouseClick(field.lineEdit(), Qt.MouseButton.LeftButton)
    field.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: field.lineEdit().selectedText() == field.lineEdit().text())
    type_keys(field, typed)
    assert field.date() == QDate(2025, 1, 3)
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leaving the field: shown the usual way
    assert field.lineEdit().text() == "2025-01-03" and field.date() == QDate(2025, 1, 3)
    assert dialog.search_filter().start == date(2025, 1, 3)

    # Something that is no date leaves the date as it was.
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: field.lineEdit().selectedText() == field.lineEdit().text())
    type_keys(field, "2025-13-45")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.date() == QDate(2025, 1, 3) and field.lineEdit().text() == "2025-01-03"


# ---- room on real screens --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("free", "sideways"),
    [
        (QRect(0, 0, 1366, 728), False),  # a 1366×768 laptop, less the task bar
        (QRect(0, 0, 1536, 824), False),  # 1920×1080 at 125 %: the logical screen, less the task bar
        (QRect(0, 0, 800, 560), True),  # very small: the list may scroll, but cuts neither column
    ],
)
def test_find_takes_the_screens_room_and_never_cuts_the_partner_or_the_popbill_number(
    qtbot: QtBot, window_factory: Factory, sim: Simulator, monkeypatch: pytest.MonkeyPatch, free: QRect, sideways: bool
) -> None:
    monkeypatch.setattr(screen_fit, "free_area", lambda window: free)
    window = window_factory(sim, lang="ko")
    dialog = open_from(qtbot, window, "resend")  # every invoice: the document ID's column too
    assert dialog.width() <= free.width() and dialog.height() <= free.height()
    assert dialog.width() >= 0.9 * free.width()  # most of the screen
    dialog.assign.setChecked(True)  # the widest the list gets: the new IDs' column too
    select(dialog, rows_where(dialog, lambda i: not i.mgt_key)[:3])
    qtbot.waitUntil(lambda: dialog.view.viewport().width() > 0)
    view, header = dialog.view, dialog.view.horizontalHeader()
    for name in ("partner", "item_key", "date", "total"):
        column = InvoiceListModel.COLUMNS.index(name)
        assert view.columnWidth(column) >= view.sizeHintForColumn(column), name
    if not sideways:
        assert header.length() <= view.viewport().width()
        assert view.horizontalScrollBar().maximum() == 0
