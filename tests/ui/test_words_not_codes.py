"""Words, not codes (issue 19 item 6), walked over the real window after real calls to the simulator: no
(MgtKey)/(ItemKey)/(CorpNum) suffix in a label, no SELL/BUY/TRUSTEE, no HTTP status, no POPBiLL code and no duration
where a clerk reads (labels, buttons, result lines, the details under the tables, the visible columns of the log and
the History); they are kept where IT looks (tooltips, 열 선택 / Columns). An invoice's state reads as words
(304 → 발행완료·국세청 전송 완료), its code in the tooltip. The demo's Settings opens with 고급 collapsed."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from popbill_gui.simulator import DEMO_CORP_NUM
from popbill_gui.ui.history.history_dialog import HistoryDialog
from popbill_gui.ui.window.main_window import MainWindow

from .conftest import ClerkWindow

SUFFIXES = ("(MgtKey)", "(ItemKey)", "(CorpNum)")
CODES = (
    re.compile(r"\b(SELL|BUY|TRUSTEE)\b"),
    re.compile(r"\bHTTP\b"),
    re.compile(r"-\d{7,8}\b"),  # POPBiLL's codes (-11000005, -99010007)
    re.compile(r"\b\d+ ms\b"),
    re.compile(r"\[\s*-?\d+\s*\]"),  # "[code] message"
    re.compile(r"\b(ItemKey|MgtKeyType)s?\b"),  # the API's names: 팝빌번호 / POPBiLL number, 문서유형 / type
)
def what_a_clerk_reads(top: QWidget) -> dict[str, str]:
    """Every text shown now: labels, buttons, combo boxes' choices, tab names, visible table headers."""
    said: dict[str, str] = {}
    for widget in top.findChildren(QWidget):
        if not widget.isVisible():
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
            said[f"{name}#{id(widget)}"] = widget.text()
        elif isinstance(widget, QComboBox):
            said[f"{name}#{id(widget)}"] = " | ".join(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabWidget):
            said[name] = " | ".join(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QTableView):
            header, model = widget.horizontalHeader(), widget.model()
            shown = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
            said[f"{name} header"] = " | ".join(str(model.headerData(c, Qt.Orientation.Horizontal)) for c in shown)
            for row in range(model.rowCount()):
                said[f"{name} row {row}"] = " | ".join(str(model.index(row, c).data() or "") for c in shown)
    return said


def offending(said: dict[str, str]) -> list[tuple[str, str]]:
    found = []
    for where, words in said.items():
        if any(suffix in words for suffix in SUFFIXES) or any(code.search(words) for code in CODES):
            found.append((where, words))
    return found


def send(qtbot: QtBot, window: MainWindow, mgt_key: str) -> None:
    window.tabs.setCurrentWidget(window.resend_tab)
    window.findChild(QLineEdit, "resendMgtKey").setText(mgt_key)
    window.findChild(QLineEdit, "resendReceiver").setText("staff@example.com")
    before = window.log_model.rowCount()
    qtbot.mouseClick(window.findChild(QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() > before, timeout=10_000)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_suffix_raw_code_or_http_in_the_default_view(qtbot: QtBot, clerk_window: ClerkWindow, lang: str) -> None:
    window = clerk_window(lang)
    send(qtbot, window, "INV-1")  # accepted
    send(qtbot, window, "NOTFOUND-1")  # refused, with POPBiLL's code
    result = window.findChild(QLabel, "resendResult")
    assert result.isVisible() and ("매출 NOTFOUND-1" if lang == "ko" else "Sales NOTFOUND-1") in result.text()
    said = what_a_clerk_reads(window)
    assert offending(said) == []
    assert any("NOTFOUND-1" in words for words in said.values())  # the walk saw the failure's row and detail
    window.tabs.setCurrentWidget(window.assign_tab)  # the other form, and its refusal: no such invoice
    window.findChild(QLineEdit, "assignItemKey").setText("000000415000000001")
    window.findChild(QLineEdit, "assignMgtKey").setText("INV-2026-0101")
    qtbot.mouseClick(window.findChild(QPushButton, "assignSend"), Qt.MouseButton.LeftButton)
    refused = window.findChild(QLabel, "assignResult")
    qtbot.waitUntil(lambda: refused.outcome == "failed", timeout=10_000)  # type: ignore[attr-defined]
    said = what_a_clerk_reads(window)
    assert offending(said) == []
    assert any("000000415000000001" in words for words in said.values())
    window.tabs.setCurrentWidget(window.resend_tab)
    # The codes are where IT looks: the log's hidden columns and the detail's tooltip.
    detail = window.findChild(QLabel, "logDetail")
    assert "-11000005" in detail.toolTip() and "HTTP 400" in detail.toolTip()
    entry = window.log_model.entry(window.log_model.rowCount() - 1)
    assert entry.code == -11000005 and entry.http_status == 400

    dialog = HistoryDialog(window.service, window.jobs, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=10_000)
    said = what_a_clerk_reads(dialog)
    assert offending(said) == [] and "CorpNum" not in " ".join(said.values())
    assert any("NOTFOUND-1" in words for words in said.values())
    assert "-11000005" in dialog.findChild(QLabel, "historyDetail").toolTip()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_an_invoices_state_reads_as_words_with_its_code_in_the_tooltip(
    qtbot: QtBot, clerk_window: ClerkWindow, lang: str
) -> None:
    window = clerk_window(lang)
    assert window.simulator is not None  # type: ignore[attr-defined]
    book = window.simulator.state.invoices(DEMO_CORP_NUM, "SELL")  # type: ignore[attr-defined]
    invoice = next(i for i in book if i.state_code == 304 and not i.our_mgt_key)
    window.tabs.setCurrentWidget(window.assign_tab)
    window.findChild(QLineEdit, "assignItemKey").setText(invoice.item_key)
    card = window.findChild(QLabel, "assignInvoice")
    qtbot.waitUntil(lambda: invoice.fields["invoiceeCorpName"] in card.text(), timeout=10_000)
    words = "발행완료·국세청 전송 완료" if lang == "ko" else "Issued and filed to the NTS"
    assert words in card.text() and "304" not in card.text()
    assert "304" in card.toolTip()
    assert not any(code.search(card.text()) for code in CODES)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_demos_settings_open_with_advanced_collapsed(qtbot: QtBot, clerk_window: ClerkWindow, lang: str) -> None:
    window = clerk_window(lang)
    dialog = window.settings_keeper.dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.findChild(QWidget, "settingsAdvancedSection").isVisible()
    assert not dialog.findChild(QComboBox, "settingsEnv").isEnabled()  # the demo stays the demo
    said = what_a_clerk_reads(dialog)
    assert offending(said) == []
    for word in ("base64", "세션 토큰", "session token", "127.0.0.1"):
        assert word not in " ".join(said.values()), word
