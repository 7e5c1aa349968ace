"""A guided first start (issue 13.2): no failure row for what is merely not set up yet; a bar above the tabs says what
is missing and opens Settings; Send and Start say, in the window's words, where to enter the credentials (never a
command line or an environment variable)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.core.client import LinkCredentials
from popbill_gui.simulator import DEMO_LINK_ID, DEMO_SECRET_KEY
from popbill_gui.storage import settings as settings_store
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


KEYS = {"ko": "연동 신청", "en": "연동 신청"}  # where LinkID and SecretKey come from, said in both languages
STORE = {"ko": "데스크톱의 키링", "en": "the desktop's keyring"}  # this machine is Linux: its word for the keyring


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("keyring", [True, False])
def test_the_setup_bar_says_what_is_missing_and_no_failure_is_logged(
    qtbot: QtBot, clerk_window: ClerkWindow, lang: str, keyring: bool
) -> None:
    window = clerk_window(lang, demo=False, keyring=keyring, saved=Settings(lang=lang))  # type: ignore[arg-type]
    assert window.session.source is Source.NONE and window.session.env_chosen
    bar = w(window, QWidget, "setupBar")
    assert bar.isVisible()
    said = w(window, QLabel, "setupBarText").text()
    assert ("LinkID" in said and "SecretKey" in said) and ("설정" in said if lang == "ko" else "Settings" in said)
    # What they are and where they come from: not the POPBiLL login, the API keys of the 연동 신청.
    assert KEYS[lang] in said and ("비밀번호가 아니라" in said if lang == "ko" else "not your POPBiLL" in said)
    # Where they are kept, in the system's own word (never the library's bare "keyring").
    assert STORE[lang].lower() in said.lower()
    assert ("저장할 수 없어" in said or "cannot be used" in said) == (not keyring)
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


@pytest.mark.parametrize(("platform", "lang", "words"), [
    ("win32", "ko", "Windows 자격 증명 관리자"), ("win32", "en", "Windows Credential Manager"),
    ("darwin", "ko", "macOS 키체인"), ("darwin", "en", "the macOS Keychain"),
    ("linux", "ko", "데스크톱의 키링"), ("linux", "en", "the desktop's keyring"),
])  # fmt: skip
def test_the_keyring_is_named_as_the_system_names_it(platform: str, lang: str, words: str) -> None:
    from popbill_gui.ui.shared import i18n
    from popbill_gui.ui.shared.advice import keyring_name

    i18n.install(lang)  # type: ignore[arg-type]
    assert keyring_name(platform) == words


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


# ---- 운영 or 테스트, asked ---------------------------------------------------------------------------------------


def settings_dialog_when_open(action) -> None:  # type: ignore[no-untyped-def]
    """Run `action(dialog)` on the settings dialog once it is open (it runs its own event loop)."""

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "settingsDialog":
            QTimer.singleShot(50, check)
            return
        action(dialog)

    QTimer.singleShot(50, check)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_first_start_asks_production_or_test_and_assumes_neither(
    qtbot: QtBot, clerk_window: ClerkWindow, lang: str, tmp_path: Path
) -> None:
    window = clerk_window(lang, demo=False)  # no settings saved, no variables: a first start
    assert not window.session.env_chosen
    strip = w(window, QLabel, "environmentStrip").text()
    assert "테스트 TEST" not in strip and "운영 PRODUCTION" not in strip  # nothing shown as chosen
    said = w(window, QLabel, "setupBarText").text()
    assert ("운영" in said and "테스트" in said) if lang == "ko" else ("Production" in said and "Test" in said)
    assert KEYS[lang] in said
    # Send says what to choose first; nothing is tried.
    tab = window.resend_tab
    tab.mgt_key.edit.setText("INV-1")
    tab.receiver.edit.setText("a@example.com")
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    result = w(window, QLabel, "resendResult").text()
    assert WHERE[lang] in result and (("운영" in result) if lang == "ko" else ("Production" in result))
    # Settings asks: the combo box starts empty, OK waits for the choice and says so.
    seen: dict[str, object] = {}

    def choose(dialog: QDialog) -> None:
        env = dialog.findChild(QComboBox, "settingsEnv")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        seen["index"], seen["ok"] = env.currentIndex(), ok.isEnabled()
        seen["reason"] = dialog.findChild(QLabel, "settingsOkReason").text()
        seen["placeholder"] = env.placeholderText()
        env.setCurrentIndex(env.findData("production"))
        seen["ok_after"] = ok.isEnabled()
        ok.click()

    settings_dialog_when_open(choose)
    qtbot.mouseClick(w(window, QPushButton, "setupBarOpenSettings"), Qt.MouseButton.LeftButton)
    assert seen["index"] == -1 and seen["ok"] is False and seen["ok_after"] is True
    assert ("운영" in str(seen["reason"])) if lang == "ko" else ("Production" in str(seen["reason"]))
    assert seen["placeholder"]
    assert window.session.env_chosen and window.session.settings.env == "production"
    assert "운영 PRODUCTION" in w(window, QLabel, "environmentStrip").text()
    assert settings_store.load(tmp_path / "settings.json").env == "production"  # saved: asked once only


def test_the_choice_is_saved_even_when_it_is_the_old_default(
    qtbot: QtBot, clerk_window: ClerkWindow, tmp_path: Path
) -> None:
    window = clerk_window("en", demo=False)
    window.settings_keeper.apply(Settings(lang="en"), None, session_only=False)  # 테스트 chosen, nothing else
    assert window.session.env_chosen
    assert (tmp_path / "settings.json").exists()  # the next start does not ask again


def test_variables_that_set_up_a_run_count_as_a_choice(clerk_window: ClerkWindow) -> None:
    window = clerk_window("en", demo=False, environ={"POPBILL_ENV": "test"})
    assert window.session.env_chosen
    assert clerk_window("en").session.env_chosen  # the demo: its simulator, nothing to choose


# ---- a password typed as the SecretKey ---------------------------------------------------------------------------


def visible_texts(dialog: QWidget) -> list[str]:
    found = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, (QLabel, QPushButton)) and widget.text():
            found.append(widget.text())
    return found


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_password_typed_as_the_secret_key_is_said_once(
    qtbot: QtBot, clerk_window: ClerkWindow, lang: str
) -> None:
    from popbill_gui.core.messages import text

    window = clerk_window(lang, demo=False, saved=Settings(lang=lang, corp_num="1248100998"))  # type: ignore[arg-type]
    dialog = window.settings_keeper.dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.link_id.setText("ourcompany")
    qtbot.keyClicks(dialog.secret_key, "popbill1234!")  # the clerk's POPBiLL password
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)  # and tries the connection: nothing is sent
    said = "\n".join(visible_texts(dialog))
    sentence = text("secret_key.password", lang)  # type: ignore[arg-type]
    assert said.count(sentence) == 1, said
    assert "base64" not in said and "popbill1234!" not in said
    assert not dialog.ok_button.isEnabled()
    assert not window.jobs.in_flight("settings-test")  # no connection test started (TEST_KEY)
    # A real key typed instead: nothing is said any more.
    dialog.secret_key.setText(DEMO_SECRET_KEY)
    assert sentence not in "\n".join(visible_texts(dialog)) and dialog.ok_button.isEnabled()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_settings_say_what_linkid_and_secretkey_are_and_keep_api_words_out(
    qtbot: QtBot, clerk_window: ClerkWindow, lang: str
) -> None:
    window = clerk_window(lang, demo=False, saved=Settings(lang=lang))  # type: ignore[arg-type]
    dialog = window.settings_keeper.dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    note = dialog.findChild(QLabel, "settingsKeysNote")
    assert note is not None and note.isVisible() and KEYS[lang] in note.text()
    said = "\n".join(visible_texts(dialog))
    for word in ("base64", "세션 토큰", "session token", "(CorpNum)", "CorpNum"):
        assert word not in said, word
    token = dialog.findChild(QWidget, "settingsUseToken")
    assert token is not None and not token.isVisible()  # behind 고급 / Advanced
