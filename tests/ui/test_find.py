"""Finding invoices in the window (issue 11), through real widgets (pytest-qt, offscreen) against the simulator's
book over real sockets: the Find dialog, the debounced look-ups of the two tabs, and assigning many from the list.

Expected lists are read from the simulator's book directly (its fields as generated), never from the code under
test. Waits are for what a clerk would see (a label, a list, the log), never sleeps of a guessed length.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
)
from pytestqt.qtbot import QtBot

from popbill_gui.service.assign_list import set_aside
from popbill_gui.simulator import DEMO_CORP_NUM, BookInvoice, Simulator
from popbill_gui.ui.find.find_dialog import FindDialog
from popbill_gui.ui.find.invoice_lookup import DEBOUNCE_MS
from popbill_gui.ui.find.invoice_model import InvoiceListModel
from popbill_gui.ui.shared import i18n
from popbill_gui.ui.window.main_window import MainWindow

from .confirmations import Confirmations

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

NEW_ID = InvoiceListModel.COLUMNS.index("new_mgt_key")


@pytest.fixture
def slow_sim() -> Iterator[Simulator]:
    with Simulator(latency_ms=150) as simulator:
        yield simulator


def child(parent: object, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = parent.findChild(cls, name)  # type: ignore[attr-defined]
    assert found is not None, name
    return found


def type_text(edit: QLineEdit, text: str) -> None:
    """Type like a user, one key event per character."""
    edit.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def book(sim: Simulator, kind: str, first: date, last: date, *, without_key: bool = True) -> list[BookInvoice]:
    """The invoices a search of written dates first..last finds, read from the simulator's book."""
    low, high = f"{first:%Y%m%d}", f"{last:%Y%m%d}"
    return [
        i
        for i in sim.state.invoices(DEMO_CORP_NUM, kind)
        if low <= i.fields["writeDate"] <= high and not (without_key and i.our_mgt_key)
    ]


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def open_find(qtbot: QtBot, window: MainWindow) -> FindDialog:
    window.tabs.setCurrentWidget(window.assign_tab)
    qtbot.mouseClick(child(window, QPushButton, "assignFind"), Qt.MouseButton.LeftButton)
    dialog = window.findChild(FindDialog, "findDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.searching, timeout=15000)
    return dialog


def search(qtbot: QtBot, dialog: FindDialog) -> None:
    with qtbot.waitSignal(dialog.searched, timeout=15000):
        qtbot.mouseClick(child(dialog, QPushButton, "findSearch"), Qt.MouseButton.LeftButton)


def listed(dialog: FindDialog) -> list[str]:
    return [dialog.model.invoice(row).item_key for row in range(dialog.model.rowCount())]


def an_invoice_with_a_key(sim: Simulator, kind: str = "SELL") -> BookInvoice:
    return next(i for i in sim.state.invoices(DEMO_CORP_NUM, kind) if i.our_mgt_key and i.fields["invoiceeEmail1"])


# ---- the Find dialog ------------------------------------------------------------------------------------
def test_find_lists_the_book_and_use_fills_the_assign_tab(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    window = window_factory(sim)
    dialog = open_find(qtbot, window)  # opened, it searches at once with its defaults
    today = QDate.currentDate()
    date_from, date_to = child(dialog, QDateEdit, "findFrom"), child(dialog, QDateEdit, "findTo")
    assert date_to.date() == today
    assert date_from.date() == QDate(today.year(), today.month(), 1).addMonths(-1)
    without = child(dialog, QCheckBox, "findWithoutMgtKey")
    assert without.isCheckable() and without.isChecked()
    assert isinstance(child(dialog, QTableView, "findResults"), QAbstractItemView)
    first, last = date_from.date().toPython(), date_to.date().toPython()
    expected = book(sim, "SELL", first, last)
    assert expected, "the book has invoices without a document ID in the last two months"
    assert sorted(listed(dialog)) == sorted(i.item_key for i in expected)
    assert sim.count("search") >= 1 and sim.count("detail") == 0

    # The list's words: partner, business number, amounts and state as a clerk reads them.
    model = dialog.model
    row = next(r for r in range(model.rowCount()) if model.invoice(r).item_key == expected[0].item_key)
    cells = [model.index(row, c).data() for c in range(len(InvoiceListModel.COLUMNS))]
    fields = expected[0].fields
    assert fields["invoiceeCorpName"] in cells and f"{int(fields['supplyCostTotal']):,}" in cells
    corp = fields["invoiceeCorpNum"]
    assert f"{corp[:3]}-{corp[3:5]}-{corp[5:]}" in cells and expected[0].item_key in cells

    # Filters: the partner, then every invoice (with a document ID too), then purchases.
    partner = fields["invoiceeCorpName"]
    type_text(child(dialog, QLineEdit, "findPartner"), partner)
    search(qtbot, dialog)
    assert listed(dialog) and all(dialog.model.invoice(r).partner_name == partner for r in range(model.rowCount()))
    child(dialog, QLineEdit, "findPartner").clear()
    without.setChecked(False)
    search(qtbot, dialog)
    assert sorted(listed(dialog)) == sorted(i.item_key for i in book(sim, "SELL", first, last, without_key=False))
    combo = child(dialog, QComboBox, "findMgtKeyType")
    combo.setCurrentIndex(combo.findData("BUY"))
    search(qtbot, dialog)
    buys = book(sim, "BUY", first, last, without_key=False)
    assert sorted(listed(dialog)) == sorted(i.item_key for i in buys)

    # Use: one row chosen, the dialog closes, the assign tab holds its ItemKey and type and shows it.
    dialog.view.selectRow(0)
    chosen = dialog.model.invoice(0)
    requests = len(sim.requests)
    qtbot.mouseClick(child(dialog, QPushButton, "findUse"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert child(window, QLineEdit, "assignItemKey").text() == chosen.item_key
    assert child(window, QComboBox, "assignMgtKeyType").currentData() == "BUY"
    label = child(window, QLabel, "assignInvoice")
    assert chosen.partner_name in label.text() and chosen.write_date.isoformat() in label.text()
    qtbot.wait(DEBOUNCE_MS + 200)
    assert len(sim.requests) == requests  # the invoice was known: not looked up again


def test_double_click_and_enter_use_a_row(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    window = window_factory(sim)
    dialog = open_find(qtbot, window)
    view = dialog.view
    assert dialog.model.rowCount() >= 2
    second = dialog.model.invoice(1)
    rect = view.visualRect(dialog.model.index(1, InvoiceListModel.COLUMNS.index("partner")))
    # A real double-click: press and release, then the second press (QTest sends only that one as DblClick).
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not dialog.isVisible()
    assert child(window, QLineEdit, "assignItemKey").text() == second.item_key

    again = window.assign_tab.open_find()
    assert again is dialog and dialog.isVisible() and dialog.model.rowCount() >= 2  # the last list is kept
    dialog.view.selectRow(0)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert child(window, QLineEdit, "assignItemKey").text() == dialog.model.invoice(0).item_key


def test_a_long_range_shows_progress_and_can_be_stopped(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], slow_sim: Simulator
) -> None:
    window = window_factory(slow_sim)
    dialog = open_find(qtbot, window)
    today = QDate.currentDate()
    dialog.date_from.setDate(today.addYears(-3).addDays(1))  # three years: six windows of six months
    reported: list[tuple[int, int]] = []
    bar = dialog.progress
    bar.valueChanged.connect(lambda value: reported.append((value, bar.maximum())))
    with qtbot.waitSignal(dialog.searched, timeout=20000) as ended:
        dialog.search()
        qtbot.waitUntil(lambda: slow_sim.count("search") >= 3, timeout=10000)
        qtbot.mouseClick(child(dialog, QPushButton, "findStop"), Qt.MouseButton.LeftButton)
    assert ended.args == [False]
    assert any(maximum == 6 and 0 < value < 6 for value, maximum in reported)
    assert "Stopped" in dialog.status.text()
    searches = slow_sim.count("search")
    assert searches < 1 + 6  # the first search's one page, and fewer than the six windows
    qtbot.wait(400)
    assert slow_sim.count("search") == searches  # nothing more after the stop

    # To the end: every window, the bar full.
    with qtbot.waitSignal(dialog.searched, timeout=30000) as ended:
        dialog.search()
    assert ended.args == [True] and reported[-1] == (6, 6) and not bar.isVisible()


def test_a_new_search_makes_the_older_one_stale(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], slow_sim: Simulator
) -> None:
    window = window_factory(slow_sim)
    dialog = open_find(qtbot, window)
    dialog.without_mgt_key.setChecked(False)
    dialog.date_from.setDate(QDate.currentDate().addYears(-1))
    assert dialog.search()
    qtbot.waitUntil(lambda: dialog.progress.maximum() > 1 or slow_sim.count("search") >= 2, timeout=10000)
    buy = dialog.mgt_key_type.findData("BUY")
    dialog.mgt_key_type.setCurrentIndex(buy)
    dialog.date_from.setDate(QDate.currentDate().addDays(-10))
    shown: list[int] = []
    dialog.model.modelReset.connect(lambda: shown.append(dialog.model.rowCount()))
    with qtbot.waitSignal(dialog.searched, timeout=15000):
        assert dialog.search()
    window.jobs.wait(10000)
    qtbot.wait(50)  # the older job's answer, if any, has been delivered by now
    first, last = date.today() - timedelta(days=10), date.today()
    assert sorted(listed(dialog)) == sorted(i.item_key for i in book(slow_sim, "BUY", first, last, without_key=False))
    assert len(shown) == 1  # only the newest search's answer reached the list
    assert all(dialog.model.invoice(r).mgt_key_type == "BUY" for r in range(dialog.model.rowCount()))


def test_bad_filters_and_no_credentials_send_nothing(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    window = window_factory(sim, credentials=False)
    assert window.session.credentials is None
    window.tabs.setCurrentWidget(window.assign_tab)
    qtbot.mouseClick(child(window, QPushButton, "assignFind"), Qt.MouseButton.LeftButton)
    dialog = window.findChild(FindDialog, "findDialog")
    assert dialog is not None and "credentials" in dialog.status.text()
    dialog.partner.setText("bad\x01name")
    assert not dialog.search()
    assert "partner" in dialog.status.text().lower()
    assert sim.count("search") == 0 and sim.count("token") == 0


# ---- look-ups as a key is typed -------------------------------------------------------------------------
def test_a_typed_document_id_is_looked_up_once_and_its_address_used(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    window = window_factory(sim)
    invoice = an_invoice_with_a_key(sim)
    label = child(window, QLabel, "resendInvoice")
    use = child(window, QPushButton, "resendUseInvoiceAddress")
    assert not use.isEnabled()
    type_text(child(window, QLineEdit, "resendMgtKey"), invoice.our_mgt_key)  # every prefix is a valid ID too
    assert sim.count("info") == 0  # nothing while typing
    partner = invoice.fields["invoiceeCorpName"]
    qtbot.waitUntil(lambda: partner in label.text(), timeout=5000)
    assert sim.count("info") == 1 and sim.count("detail") == 1  # one look-up for the whole key
    assert f"{int(invoice.fields['totalAmount']):,}" in label.text()
    assert invoice.fields["writeDate"][:4] in label.text()
    qtbot.mouseClick(use, Qt.MouseButton.LeftButton)
    assert child(window, QLineEdit, "resendReceiver").text() == invoice.fields["invoiceeEmail1"]
    assert child(window, QPushButton, "resendSend").isEnabled()

    # The type is part of the key: another type is another look-up (and this document ID is not a purchase).
    combo = child(window, QComboBox, "resendMgtKeyType")
    combo.setCurrentIndex(combo.findData("BUY"))
    qtbot.waitUntil(lambda: "No invoice" in label.text(), timeout=5000)
    assert sim.count("info") == 2 and not use.isEnabled()
    assert "-11000005" not in label.text() and label.text().count("(") >= 1  # POPBiLL's reason in brackets


def test_a_stale_answer_is_dropped_and_never_two_in_flight(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], slow_sim: Simulator
) -> None:
    window = window_factory(slow_sim)
    sells = [i for i in slow_sim.state.invoices(DEMO_CORP_NUM, "SELL") if i.our_mgt_key]
    first = sells[0]
    second = next(i for i in sells if i.fields["invoiceeCorpName"] != first.fields["invoiceeCorpName"])
    lookup = window.resend_tab.lookup
    shown: list[object] = []
    lookup.found.connect(shown.append)
    edit = child(window, QLineEdit, "resendMgtKey")
    edit.setText(first.our_mgt_key)
    qtbot.waitUntil(lambda: slow_sim.count("info") == 1, timeout=5000)  # the first look-up is in flight
    edit.setText(second.our_mgt_key)
    label = child(window, QLabel, "resendInvoice")
    qtbot.waitUntil(lambda: second.fields["invoiceeCorpName"] in label.text(), timeout=10000)
    assert [getattr(i, "item_key", None) for i in shown if i is not None] == [second.item_key]
    assert first.fields["invoiceeCorpName"] not in label.text()
    looked_up = [r.path.split("?")[0].rsplit("/", 1)[-1] for r in slow_sim.requests if r.kind in ("info", "detail")]
    # The second key waited for the first look-up's both requests: never two in flight.
    assert looked_up == [first.our_mgt_key] * 2 + [second.our_mgt_key] * 2


def test_a_typed_item_key_shows_its_invoice_and_sets_the_type(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    window = window_factory(sim, lang="ko")
    buy = next(i for i in sim.state.invoices(DEMO_CORP_NUM, "BUY") if not i.our_mgt_key and i.state_code // 100 == 3)
    label = child(window, QLabel, "assignInvoice")
    type_text(child(window, QLineEdit, "assignItemKey"), buy.item_key)
    qtbot.waitUntil(lambda: buy.fields["invoicerCorpName"] in label.text(), timeout=5000)
    assert child(window, QComboBox, "assignMgtKeyType").currentData() == "BUY"
    assert "작성" in label.text()  # Korean words, the core's state words too
    assert sim.count("detail") == 1

    unknown = "0" * 18
    edit = child(window, QLineEdit, "assignItemKey")
    edit.setText(unknown)
    qtbot.waitUntil(lambda: "팝빌번호" in label.text() or "ItemKey" in label.text(), timeout=5000)
    assert buy.fields["invoicerCorpName"] not in label.text()


def test_no_look_up_without_credentials(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    window = window_factory(sim, credentials=False)
    type_text(child(window, QLineEdit, "resendMgtKey"), "INV-1")
    label = child(window, QLabel, "resendInvoice")
    qtbot.waitUntil(lambda: "credentials" in label.text(), timeout=3000)
    assert sim.count("info") == 0 and sim.count("token") == 0


# ---- assigning many from the list -------------------------------------------------------------------------
def test_assign_many_previews_flags_duplicates_and_runs_as_a_batch(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator, tmp_path: Path
) -> None:
    window = window_factory(sim)
    dialog = open_find(qtbot, window)
    model = dialog.model
    assert model.rowCount() >= 3
    group = dialog.assign
    assert dialog.view.isColumnHidden(NEW_ID)
    group.setChecked(True)
    assert not dialog.view.isColumnHidden(NEW_ID)
    selection = dialog.view.selectionModel()
    picked = [r for r in range(model.rowCount()) if set_aside(model.invoice(r)) is None][:3]
    assert len(picked) == 3
    dialog.view.selectRow(picked[0])
    for row in picked[1:]:
        selection.select(model.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    pattern = child(dialog, QLineEdit, "findPattern")
    button = child(dialog, QPushButton, "findAssignMany")

    # A pattern without {n}: invoices of one day would share an ID; here all three do.
    pattern.setText("SAME")
    tips = [model.index(row, NEW_ID).data(Qt.ItemDataRole.ToolTipRole) or "" for row in picked]
    flagged = [tip for tip in tips if "Duplicate" in tip]
    assert len(flagged) == 2 and not button.isEnabled()
    pattern.setText("T-{nope}")
    assert "{nope}" in child(dialog, QLabel, "findPatternStatus").text() and not button.isEnabled()
    pattern.setText("T-{date}-{n:02}-문")
    assert "-문" in model.index(picked[0], NEW_ID).data() and not button.isEnabled()  # the ID rules, live

    pattern.setText("T-{date}-{n:02}")
    child(dialog, QSpinBox, "findFirstNumber").setValue(7)
    chosen = sorted((model.invoice(r) for r in picked), key=lambda i: (i.write_date, i.item_key))
    expected = {i.item_key: f"T-{i.write_date:%Y%m%d}-{n:02d}" for n, i in enumerate(chosen, start=7)}
    assert {model.invoice(r).item_key: model.index(r, NEW_ID).data() for r in picked} == expected
    assert [model.index(r, NEW_ID).data() for r in picked] == sorted(expected.values())  # down the list
    assert button.isEnabled() and "3" in button.text()

    confirmations = window.confirm
    assert isinstance(confirmations, Confirmations)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: window._batch_tab is not None and window.tabs.currentWidget() is window.batch_page)
    tab = window.batch_tab
    with qtbot.waitSignal(tab.finished, timeout=20000) as finished:
        pass
    report = finished.args[0]
    assert confirmations.asked and "3" in confirmations.asked[-1]  # asked before anything was sent
    assert report.stop.value == "completed" and len(report.outcomes) == 3
    assigned = {(a.item_key, a.mgt_key_type, a.mgt_key) for a in sim.state.assignments}
    assert assigned == {(k, "SELL", v) for k, v in expected.items()}
    for item_key, mgt_key in expected.items():
        found = sim.state.find(DEMO_CORP_NUM, item_key=item_key)
        assert found is not None and found.our_mgt_key == mgt_key  # in the book: GetInfo now finds it

    # The rows went through a file in the data folder beside the history, journaled and exportable.
    lists = list((tmp_path / "assign-lists").glob("assign-*.csv"))
    assert len(lists) == 1
    with lists[0].open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["ItemKey", "MgtKeyType", "MgtKey", "Partner", "Written", "Total", "Invoice state"]
    assert len(rows) == 4 and [r[1] for r in rows[1:]] == ["sales"] * 3
    assert window.service.unfinished_batches() == []
    with qtbot.waitSignal(tab.exported, timeout=10000) as exported:
        assert tab.export_to(str(tmp_path / "results.csv"))
    assert exported.args == [True]
    assert (tmp_path / "results.csv").read_text(encoding="utf-8-sig").count("\n") == 4

    # Opened again, the list is searched again: the invoices that got their IDs are no longer without one.
    searches = sim.count("search")
    assert window.assign_tab.open_find() is dialog
    qtbot.waitUntil(lambda: not dialog.searching and sim.count("search") > searches, timeout=10000)
    assert not set(expected) & set(listed(dialog)) and listed(dialog)


def test_assign_many_while_a_batch_runs_leaves_that_batch_alone(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], slow_sim: Simulator, tmp_path: Path
) -> None:
    window = window_factory(slow_sim)
    rows = "\n".join(f"SELL,INV-{i},a{i}@example.com" for i in range(30))
    (tmp_path / "mails.csv").write_text(f"MgtKeyType,MgtKey,Receiver\n{rows}\n", encoding="utf-8")
    window.tabs.setCurrentWidget(window.batch_page)
    tab = window.batch_tab
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.load_file(str(tmp_path / "mails.csv"))
    tab.ui.concurrency.setValue(1)
    assert tab.start()
    qtbot.waitUntil(lambda: tab.busy and len(slow_sim.state.sent_mails) >= 1, timeout=10000)

    dialog = open_find(qtbot, window)
    dialog.assign.setChecked(True)
    dialog.view.selectRow(0)
    logged = window.log_model.rowCount()
    qtbot.mouseClick(dialog.assign.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() >= logged + 2, timeout=10000)
    notes = [window.log_model.entry(r).message for r in range(logged, window.log_model.rowCount())]
    assert any("assign-" in note for note in notes)  # where the list was written
    assert any("once the batch under way has ended" in note for note in notes)
    assert tab.busy and tab.current_operation() == "resend_email"  # the running batch untouched
    assert slow_sim.count("assign") == 0
    tab.cancel()
    qtbot.waitUntil(lambda: not tab.busy, timeout=15000)


def test_assign_many_declined_sends_nothing_and_flags_invoices_with_an_id(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    window = window_factory(sim)
    window.confirm = Confirmations(answer=False)
    dialog = open_find(qtbot, window)
    dialog.without_mgt_key.setChecked(False)
    search(qtbot, dialog)
    model = dialog.model
    dialog.assign.setChecked(True)  # the list runs oldest first from now on
    with_key = next(r for r in range(model.rowCount()) if model.invoice(r).mgt_key)
    without = next(
        r for r in range(model.rowCount()) if not model.invoice(r).mgt_key and model.invoice(r).state_code == 304
    )
    dialog.view.selectRow(with_key)
    assert "already has" in model.index(with_key, NEW_ID).data(Qt.ItemDataRole.ToolTipRole)
    # An ID another invoice in the list has is taken.
    dialog.view.selectRow(without)
    dialog.assign.pattern.setText(model.invoice(with_key).mgt_key.replace("{", "{{").replace("}", "}}"))
    assert "Taken" in model.index(without, NEW_ID).data(Qt.ItemDataRole.ToolTipRole)
    dialog.assign.pattern.setText("NEW-{n}")
    assert dialog.assign.button.isEnabled()
    dialog.assign.button.click()
    tab = window.batch_tab
    qtbot.waitUntil(lambda: bool(window.confirm.asked), timeout=10000)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not tab.working, timeout=10000)
    assert sim.count("assign") == 0 and sim.state.assignments == []
    assert "nothing was sent" in child(tab, QLabel, "batchStatus").text()


def test_the_dialog_follows_a_language_change(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    from dataclasses import replace

    window = window_factory(sim, lang=None)
    assert i18n.lang() == "ko"
    dialog = open_find(qtbot, window)
    state = InvoiceListModel.COLUMNS.index("state")
    assert dialog.windowTitle() == "세금계산서 찾기" and not dialog.model.index(0, state).data().isascii()
    window.settings_keeper.apply(replace(window.session.settings, lang="en"), None, False)
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Find invoices")
    assert dialog.model.index(0, state).data().isascii()  # the core's state words, in English now
    assert dialog.model.headerData(state, Qt.Orientation.Horizontal) == "State"
    assert "document ID" in child(window, QLabel, "resendInvoice").text()  # the idle words too
