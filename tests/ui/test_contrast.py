"""Every coloured text readable in a dark and a light palette (issue 21): the window at 1366×768 with what colours it
on screen (a field's message, result lines, the invoice card under a field, the log, a batch file's preview, Find's
list with its numbering panel, History, Settings), under Fusion with a dark palette as Windows' and macOS' dark modes
give one. Each label whose text is coloured is measured against what is actually painted behind it (the window
grabbed, the most common colour in the label's place); each table colour (ForegroundRole) against the table's own
background or the row's BackgroundRole. WCAG's 4.5:1 for every one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.storage.settings import Settings
from popbill_gui.ui.find.find_dialog import FindDialog
from popbill_gui.ui.find.invoice_lookup import DEBOUNCE_MS
from popbill_gui.ui.history.history_dialog import HistoryDialog
from popbill_gui.ui.settings.settings_dialog import SettingsDialog
from popbill_gui.ui.shared.jobs import JobRunner
from popbill_gui.ui.shared.palette import MIN_CONTRAST, contrast
from popbill_gui.ui.window.main_window import MainWindow

from .conftest import ClerkWindow
from .test_dark_mode import DARK

Failures = list[str]


@pytest.fixture(params=["dark", "light"])
def palette(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before, style = app.palette(), app.style().name()
    app.setStyle("Fusion")
    if request.param == "dark":
        dark = QPalette(before)
        for role, color in DARK.items():
            dark.setColor(role, QColor(color))
        dark.setColor(QPalette.ColorRole.PlaceholderText, QColor("#9a9a9a"))
        app.setPalette(dark)
    yield request.param
    app.setPalette(before)
    app.setStyle(style)


def painted_behind(image: QImage, label: QLabel, top: QWidget) -> QColor:
    """The most common colour painted in `label`'s place: what its text stands on."""
    ratio = image.devicePixelRatio()
    corner = label.mapTo(top, QPoint(0, 0))
    x0, y0 = int(corner.x() * ratio), int(corner.y() * ratio)
    x1 = min(image.width(), int((corner.x() + label.width()) * ratio))
    y1 = min(image.height(), int((corner.y() + label.height()) * ratio))
    counts = Counter(image.pixel(x, y) for x in range(x0, x1, 2) for y in range(y0, y1, 2))
    assert counts, label.objectName()
    return QColor.fromRgb(counts.most_common(1)[0][0])


def check_labels(top: QWidget, failures: Failures) -> int:
    """Every shown, enabled label whose text colour is not the palette's own."""
    image = top.grab().toImage()
    plain = QApplication.palette().color(QPalette.ColorRole.WindowText)
    checked = 0
    for label in top.findChildren(QLabel):
        if not (label.isVisibleTo(top) and label.isEnabled() and label.text().strip()):
            continue
        label.ensurePolished()
        ink = label.palette().color(label.foregroundRole())
        if ink == plain:
            continue
        behind = painted_behind(image, label, top)
        ratio = contrast(ink, behind)
        checked += 1
        if ratio < MIN_CONTRAST:
            failures.append(f"{label.objectName() or label.text()[:30]!r}: {ink.name()} on {behind.name()} {ratio:.1f}")
    return checked


def check_tables(top: QWidget, failures: Failures) -> int:
    checked = 0
    for view in top.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisibleTo(top):
            continue
        backgrounds = [view.palette().color(QPalette.ColorRole.Base)]
        if view.alternatingRowColors():
            backgrounds.append(view.palette().color(QPalette.ColorRole.AlternateBase))
        for row in range(min(model.rowCount(), 300)):
            for column in range(model.columnCount()):
                index = model.index(row, column, QModelIndex())
                ink = index.data(Qt.ItemDataRole.ForegroundRole)
                if ink is None:
                    continue
                ink = ink.color() if isinstance(ink, QBrush) else QColor(ink)
                own = index.data(Qt.ItemDataRole.BackgroundRole)
                behind = [own.color() if isinstance(own, QBrush) else QColor(own)] if own is not None else backgrounds
                checked += 1
                for fill in behind:
                    ratio = contrast(ink, fill)
                    if ratio < MIN_CONTRAST:
                        name = view.objectName() or type(model).__name__
                        failures.append(f"{name} row {row} col {column}: {ink.name()} on {fill.name()} {ratio:.1f}")
    return checked


def typed(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, text)


def colour_the_window(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """Put on screen what the window colours: messages, result lines, invoice cards, the log, a preview."""
    resend = window.resend_tab
    for key, address in (("NOTFOUND-1", "a@example.com"), ("INV-1", "a@example.com")):
        typed(qtbot, resend.mgt_key.edit, key)
        typed(qtbot, resend.receiver.edit, address)
        rows = window.log_model.rowCount()
        resend.button.click()
        qtbot.waitUntil(lambda rows=rows: window.log_model.rowCount() > rows, timeout=10000)
    typed(qtbot, resend.receiver.edit, "nobody")  # a field's message
    qtbot.wait(DEBOUNCE_MS + 200)
    window.jobs.wait(5000)


@pytest.fixture
def jobs() -> Iterator[JobRunner]:
    runner = JobRunner()
    yield runner
    runner.shutdown(1000)


def test_every_coloured_text_is_readable(
    qtbot: QtBot, clerk_window: ClerkWindow, palette: str, tmp_path: Path, jobs: JobRunner
) -> None:
    window = clerk_window("ko", (1366, 768))
    failures: Failures = []
    colour_the_window(qtbot, window, tmp_path)
    checked = check_labels(window, failures) + check_tables(window, failures)

    # The assign tab: an ItemKey of an invoice that already has a document ID, and one that names none.
    window.tabs.setCurrentWidget(window.assign_tab)
    with_id = next(i for i in window.simulator.state.invoices(window.session.settings.corp_num, "SELL")
                   if i.our_mgt_key)  # type: ignore[union-attr]  # fmt: skip
    for item_key in (with_id.item_key, "999999999999999999"):
        typed(qtbot, window.assign_tab.item_key.edit, item_key)
        qtbot.wait(DEBOUNCE_MS + 100)
        window.jobs.wait(5000)
        qtbot.wait(50)
        checked += check_labels(window, failures)

    # A batch file with right and wrong rows.
    path = tmp_path / "목록.csv"
    path.write_text("문서유형,문서번호,수신메일\nSELL,K1,a@x.kr\nSELL,K 2,nobody\n", encoding="utf-8")
    window.tabs.setCurrentWidget(window.batch_page)
    with qtbot.waitSignal(window.batch_tab.loaded, timeout=10000):
        window.batch_tab.load_file(str(path))
    checked += check_labels(window, failures) + check_tables(window, failures)

    # Find: the list, the numbering panel with flagged and good proposals.
    find = window.finder.open(lambda invoice: None, mgt_key_type="SELL")
    assert isinstance(find, FindDialog)
    qtbot.waitUntil(lambda: not find.searching and find.model.rowCount() > 3, timeout=15000)
    find.assign.setChecked(True)
    find.view.selectRow(0)
    selection = find.view.selectionModel()
    for row in (1, 2):
        selection.select(find.model.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    for pattern in ("SAME", "T-{date}-{n:02}"):  # duplicates flagged (red), then all good (green)
        find.assign.pattern.setText(pattern)
        qtbot.wait(50)
        checked += check_labels(find, failures) + check_tables(find, failures)
    find.close()

    history = HistoryDialog(window.service, window.jobs, window)
    qtbot.addWidget(history)
    history.resize(1000, 600)
    history.show()
    qtbot.waitUntil(lambda: history.model.rowCount() >= 2, timeout=10000)
    checked += check_labels(history, failures) + check_tables(history, failures)
    history.close()

    settings = SettingsDialog(Settings(env="production"), None, locked=set(), keyring_available=False, jobs=jobs)
    qtbot.addWidget(settings)
    settings.show()
    settings.link_id.setText("TESTER")
    settings.secret_key.setText("c2VjcmV0")
    qtbot.waitExposed(settings)
    checked += check_labels(settings, failures)

    assert checked > 40  # the walk saw what it should
    assert failures == [], f"{palette}: " + "; ".join(failures)


def test_the_walk_catches_a_fixed_colour(qtbot: QtBot, palette: str) -> None:
    """A label with a fixed dark red on the palette's background: unreadable in the dark palette, found."""
    top = QWidget()
    qtbot.addWidget(top)
    top.resize(300, 100)
    label = QLabel("실패했습니다", top)
    label.setObjectName("fixedRed")
    label.setStyleSheet("color: #b71c1c;")
    label.resize(200, 30)
    top.show()
    qtbot.waitExposed(top)
    failures: Failures = []
    assert check_labels(top, failures) == 1
    assert bool(failures) == (palette == "dark"), failures
