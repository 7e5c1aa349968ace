"""Readable in a dark palette (issue 14, dark mode): every colour the window sets is checked against what it is drawn
on, with WCAG's 4.5:1: bars and result lines set their background and their text together; colours on the palette's
own background (field messages, table words) are made readable on it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.ui.batch.batch_preview import PreviewModel
from popbill_gui.ui.calls.result_line import _LOOKS
from popbill_gui.ui.log.log_model import OUTCOMES, LogEntry, LogModel
from popbill_gui.ui.shared.palette import MIN_CONTRAST, contrast

from .conftest import ClerkWindow

DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#333333",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
}


@pytest.fixture(params=["dark", "light"])
def palette(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    if request.param == "dark":
        dark = QPalette(before)
        for role, color in DARK.items():
            dark.setColor(role, QColor(color))
        app.setPalette(dark)
    yield request.param
    app.setPalette(before)


def colours(style: str) -> tuple[QColor | None, QColor | None]:
    """(background, text colour) named in a style sheet's first rule (or plain declarations)."""
    fill = re.search(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6}|white|black)", style)
    ink = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6}|white|black)", style)
    return (QColor(fill.group(1)) if fill else None), (QColor(ink.group(1)) if ink else None)


def window_colour() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.Window)


def base_colour() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.Base)


def readable_on_own_fill(widget: QWidget) -> None:
    fill, ink = colours(widget.styleSheet())
    assert fill is not None and ink is not None, (widget.objectName(), widget.styleSheet())
    assert contrast(fill, ink) >= MIN_CONTRAST, widget.objectName()


def test_bars_strip_and_result_lines_set_both_colours(
    qtbot: QtBot, clerk_window: ClerkWindow, palette: str, tmp_path: Path
) -> None:
    window = clerk_window("ko", demo=False)  # the setup bar shows
    readable_on_own_fill(window.status.strip)
    readable_on_own_fill(window.findChild(QWidget, "setupBar"))  # type: ignore[arg-type]
    readable_on_own_fill(window.findChild(QWidget, "resumeBar"))  # type: ignore[arg-type]
    for kind in ("test", "production", "demo"):
        from popbill_gui.ui.window.status import _STRIP_STYLES

        fill, ink = colours(_STRIP_STYLES[kind])
        assert fill is not None and ink is not None and contrast(fill, ink) >= MIN_CONTRAST, kind
    for fill, ink in _LOOKS.values():
        assert contrast(QColor(fill), QColor(ink)) >= MIN_CONTRAST
    # A field's message is drawn on the window's own background.
    edit = window.resend_tab.receiver.edit
    edit.setText("nobody")
    window.resend_tab.receiver._dirty = True
    window.resend_tab.receiver.recheck()
    message = window.findChild(QLabel, "resendReceiverMessage")
    assert message is not None and message.isVisibleTo(window)
    _, ink = colours(message.styleSheet())
    assert ink is not None and contrast(ink, window_colour()) >= MIN_CONTRAST


def test_table_words_are_readable_on_the_tables_background(qtbot: QtBot, palette: str) -> None:
    log = LogModel()
    for outcome in OUTCOMES:
        state = None if outcome in ("ok", "failed") else outcome
        log.add(LogEntry(datetime.now(), "batch", "", outcome in ("ok", "done"), None, "x", state=state))
    result = LogModel.COLUMNS.index("result")
    for row in range(log.rowCount()):
        color = log.data(log.index(row, result), Qt.ItemDataRole.ForegroundRole)
        assert isinstance(color, QColor) and contrast(color, base_colour()) >= MIN_CONTRAST, row

    from popbill_gui.batch.model import InputRow, RowOutcome, RowState
    from popbill_gui.core.validation import Problem

    preview = PreviewModel()
    rows = [InputRow(2, {"mgt_key_type": "SELL", "mgt_key": "A", "receiver": "a@x.kr"}),
            InputRow(3, {"mgt_key_type": "X", "mgt_key": "B", "receiver": "b@x.kr"}, [Problem("x", "y")])]  # fmt: skip
    preview.set_file("resend_email", rows)
    preview.set_outcomes({2: RowOutcome(2, RowState.DONE), 3: RowOutcome(3, RowState.FAILED)})
    for column in ("result",):
        index = preview.columns().index(column)
        for row in range(2):
            color = preview.data(preview.index(row, index), Qt.ItemDataRole.ForegroundRole)
            assert isinstance(color, QColor) and contrast(color, base_colour()) >= MIN_CONTRAST, (column, row)


def test_the_settings_dialogs_messages_are_readable(qtbot: QtBot, palette: str) -> None:
    from popbill_gui.storage.settings import Settings
    from popbill_gui.ui.settings.settings_dialog import SettingsDialog
    from popbill_gui.ui.shared.jobs import JobRunner

    jobs = JobRunner()
    dialog = SettingsDialog(Settings(env="production"), None, locked=set(), keyring_available=False, jobs=jobs)
    qtbot.addWidget(dialog)
    dialog.link_id.setText("TESTER")
    dialog.secret_key.setText("c2VjcmV0")
    for name in ("settingsEnvNote", "settingsKeyringWarning", "settingsOkReason"):
        label = dialog.findChild(QLabel, name)
        assert label is not None and label.isVisibleTo(dialog), name
        _, ink = colours(label.styleSheet())
        assert ink is not None and contrast(ink, window_colour()) >= MIN_CONTRAST, name
    jobs.shutdown(1000)
