"""A guided first start (issue 13.2): no failure row for what is merely not set up yet; a bar above the tabs says what
is missing and opens Settings; Send and Start say, in the window's words, where to enter the credentials (never a
command line or an environment variable)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.core.client import LinkCredentials
from popbill_gui.simulator import DEMO_LINK_ID, DEMO_SECRET_KEY
from popbill_gui.storage.settings import Settings
from popbill_gui.ui.shared.session import Source
from popbill_gui.ui.window.main_window import MainWindow

from .conftest import ClerkWindow

WHERE = {"ko": "파일 → 설정", "en": "File → Settings"}
CLI_WORDS = ("popbill-cli", "POPBILL_", "login")


def w(parent: QWidget, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


def everything_said(window: MainWindow) -> str:
    labels = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    rows = [window.log_model.entry(r).message for r in range(window.log_model.rowCount())]
    return "\n".join(labels + rows)


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("keyring", [True, False])
def test_the_setup_bar_says_what_is_missing_and_no_failure_is_logged(
    qtbot: QtBot, clerk_window: ClerkWindow, lang: str, keyring: bool
) -> None:
    window = clerk_window(lang, demo=False, keyring=keyring)
    assert window.session.source is Source.NONE
    bar = w(window, QWidget, "setupBar")
    assert bar.isVisible()
    said = w(window, QLabel, "setupBarText").text()
    assert ("LinkID" in said and "SecretKey" in said) and ("설정" in said if lang == "ko" else "Settings" in said)
    assert ("키링이 없어" in said or "no usable keyring" in said) == (not keyring)
    assert window.log_model.rowCount() == 0
    assert bar.geometry().bottom() <= window.tabs.mapTo(window.centralWidget(), window.tabs.rect().topLeft()).y()
    # Its button opens Settings.
    opened: list[str] = []

    def close_settings() -> None:
        dialog = QApplication.activeModalWidget()
        opened.append(dialog.objectName() if dialog else "")
        if isinstance(dialog, QDialog):
            dialog.reject()

    QTimer.singleShot(200, close_settings)
    qtbot.mouseClick(w(window, QPushButton, "setupBarOpenSettings"), Qt.MouseButton.LeftButton)
    assert opened == ["settingsDialog"]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_send_and_start_without_credentials_say_where_to_enter_them(
    qtbot: QtBot, clerk_window: ClerkWindow, lang: str, tmp_path: Path
) -> None:
    window = clerk_window(lang, demo=False)
    tab = window.resend_tab
    tab.mgt_key.edit.setText("INV-1")
    tab.receiver.edit.setText("a@example.com")
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    result = w(window, QLabel, "resendResult")
    assert result.isVisible() and WHERE[lang] in result.text() and result.wordWrap()
    assert WHERE[lang] in window.log_model.entry(0).message
    assert WHERE[lang] in w(window, QLabel, "logDetail").text()
    path = tmp_path / "a.csv"
    path.write_text("문서유형,문서번호,수신메일\nSELL,INV-1,a@example.com\n", encoding="utf-8")
    window.tabs.setCurrentWidget(window.batch_page)
    with qtbot.waitSignal(window.batch_tab.loaded, timeout=10_000):
        window.batch_tab.load_file(str(path))
    assert window.batch_tab.start() is False
    assert WHERE[lang] in w(window, QLabel, "batchStatus").text()
    said = everything_said(window)
    assert not any(word in said for word in CLI_WORDS), said


def test_credentials_without_a_corp_num_say_that_and_nothing_else(
    qtbot: QtBot, clerk_window: ClerkWindow, tmp_path: Path
) -> None:
    window = clerk_window("en", demo=False)
    window.settings_keeper.apply(Settings(lang="en"), LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY), session_only=True)
    said = w(window, QLabel, "setupBarText").text()
    assert w(window, QWidget, "setupBar").isVisible() and "business registration number" in said
    assert "LinkID" not in said
    tab = window.resend_tab
    tab.mgt_key.edit.setText("INV-1")
    tab.receiver.edit.setText("a@example.com")
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    result = w(window, QLabel, "resendResult").text()
    assert "business registration number" in result and WHERE["en"] in result
    assert "POPBILL_CORP_NUM" not in everything_said(window)
    window.settings_keeper.apply(
        Settings(lang="en", corp_num="1248100998"), LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY), session_only=True
    )
    assert not w(window, QWidget, "setupBar").isVisible()


def test_the_demo_needs_no_setting_up(qtbot: QtBot, clerk_window: ClerkWindow) -> None:
    window = clerk_window("ko")
    assert not w(window, QWidget, "setupBar").isVisible()
    # Its settings do not warn about a keyring: the demo's credentials are the demo's.
    dialog = window.settings_keeper.dialog()
    qtbot.addWidget(dialog)
    assert not w(dialog, QLabel, "settingsKeyringWarning").isVisibleTo(dialog)


def test_a_batch_that_finds_no_credentials_when_it_runs_says_the_windows_words(qtbot: QtBot) -> None:
    from popbill_gui.core.errors import Kind, PopbillError
    from popbill_gui.service.batches import BatchReport
    from popbill_gui.service.records import Stop
    from popbill_gui.ui.batch.batch_texts import BatchTexts
    from popbill_gui.ui.log.entries import batch_entry
    from popbill_gui.ui.shared import i18n

    i18n.install("ko")
    report = BatchReport(0, Stop.CREDENTIALS, PopbillError.client(Kind.NO_CREDENTIALS, "ko"), {})
    entry = batch_entry(report)  # the core's sentence as it is, and the window's advice as what to do
    for said in (BatchTexts().ended(report), f"{entry.message}\n{entry.hint}"):
        assert WHERE["ko"] in said and not any(word in said for word in CLI_WORDS), said
