"""The window driven through real widgets (pytest-qt, offscreen) against the simulator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from keyring.errors import KeyringLocked
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.app import create_window
from popbill_gui.core.client import LinkCredentials
from popbill_gui.service import ResendRequest
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage import settings as settings_store
from popbill_gui.storage.secrets import MemoryKeyring, SecretStore
from popbill_gui.ui.shared.session import Source
from popbill_gui.ui.window.main_window import MainWindow

from .confirmations import Confirmations

ITEM_KEY = "024112415000000001"


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def window_factory(qtbot: QtBot, tmp_path: Path, memory_keyring: MemoryKeyring) -> Iterator[Callable[..., MainWindow]]:
    made: list[MainWindow] = []

    def make(
        environ: dict[str, str] | None = None,
        *,
        store: SecretStore | None = None,
        demo: bool = False,
        history: str | None = None,
    ) -> MainWindow:
        window = create_window(
            demo=demo,
            environ=environ or {},
            settings_path=tmp_path / "settings.json",
            store_factory=(lambda lang: store)
            if store is not None
            else (lambda lang: SecretStore(memory_keyring, lang)),
            # Each window its own history unless a test restarts "the same" program.
            history_path=tmp_path / f"{history or f'history-{len(made)}'}.sqlite3",
        )
        qtbot.addWidget(window)
        window.confirm = Confirmations()
        window.show()
        qtbot.waitExposed(window)
        if window.session.source is Source.PENDING:
            qtbot.waitUntil(lambda: window.session.source is not Source.PENDING)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
        window.jobs.wait(5000)


def sim_env(sim: Simulator, **extra: str) -> dict[str, str]:
    return {
        "POPBILL_BASE_URL": sim.base_url,
        "POPBILL_AUTH_URL": sim.base_url,
        "POPBILL_CORP_NUM": DEMO_CORP_NUM,
        "POPBILL_LINK_ID": DEMO_LINK_ID,
        "POPBILL_SECRET_KEY": DEMO_SECRET_KEY,
        **extra,
    }


def w(window: MainWindow, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = window.findChild(cls, name)
    assert found is not None, name
    return found


def type_text(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type like a user, Hangul included (qtbot.keyClicks cannot send characters above U+00FF)."""
    edit.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def fill_resend(qtbot: QtBot, window: MainWindow, mgt_key: str = "INV-1", receiver: str = "a@example.com") -> None:
    type_text(qtbot, w(window, QLineEdit, "resendMgtKey"), mgt_key)
    type_text(qtbot, w(window, QLineEdit, "resendReceiver"), receiver)


# ---- the contract: objectNames ----
def test_object_names(window_factory: Callable[..., MainWindow], sim: Simulator) -> None:
    window = window_factory(sim_env(sim))
    assert window.tabs.widget(0).objectName() == "resendTab"
    assert window.tabs.widget(1).objectName() == "assignTab"
    for cls, name in [
        (QComboBox, "resendMgtKeyType"),
        (QLineEdit, "resendMgtKey"),
        (QLineEdit, "resendReceiver"),
        (QPushButton, "resendSend"),
        (QLineEdit, "assignItemKey"),
        (QComboBox, "assignMgtKeyType"),
        (QLineEdit, "assignMgtKey"),
        (QPushButton, "assignSend"),
        (QTableView, "logView"),
    ]:
        w(window, cls, name)


# ---- live checks gate the buttons ----
def test_each_rule_gates_send(qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator) -> None:
    window = window_factory(sim_env(sim))
    send = w(window, QPushButton, "resendSend")
    key, receiver = w(window, QLineEdit, "resendMgtKey"), w(window, QLineEdit, "resendReceiver")
    message = w(window, QLabel, "resendMgtKeyMessage")
    assert not send.isEnabled()
    assert not message.isVisible()  # an untouched form does not open in red
    fill_resend(qtbot, window)
    assert send.isEnabled()
    assert w(window, QLabel, "resendMgtKeyCounter").text() == "5/24"
    type_text(qtbot, key, "문")
    assert not send.isEnabled()
    assert message.isVisible() and "문" in message.text()
    key.setText("A" * 25)
    assert not send.isEnabled() and "25" in message.text()
    assert w(window, QLabel, "resendMgtKeyCounter").text() == "25/24"
    key.setText("A" * 24)
    assert send.isEnabled()
    receiver.setText("not-an-address")
    assert not send.isEnabled()
    assert w(window, QLabel, "resendReceiverMessage").isVisible()

    assign = w(window, QPushButton, "assignSend")
    item = w(window, QLineEdit, "assignItemKey")
    type_text(qtbot, item, ITEM_KEY[:-1])
    type_text(qtbot, w(window, QLineEdit, "assignMgtKey"), "DOC-1")
    assert w(window, QLabel, "assignItemKeyCounter").text() == "17/18"
    assert not assign.isEnabled()
    type_text(qtbot, item, "1")
    assert assign.isEnabled()
    type_text(qtbot, item, "1")
    assert not assign.isEnabled() and "19" in w(window, QLabel, "assignItemKeyMessage").text()


def test_pasted_spaces_are_trimmed(qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator) -> None:
    window = window_factory(sim_env(sim))
    edit = w(window, QLineEdit, "resendMgtKey")
    edit.setFocus()
    QGuiApplication.clipboard().setText("  INV-7\t")
    edit.paste()
    assert edit.text() == "INV-7"


# ---- calls through workers into the log ----
def test_resend_by_clicks_reaches_the_log(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    window = window_factory(sim_env(sim))
    fill_resend(qtbot, window)
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 1)
    entry = window.log_model.entry(0)
    assert (entry.ok, entry.code, entry.http_status, entry.message) == (True, 1, 200, "이메일 재전송 완료")
    assert entry.keys == "매출 INV-1 → a@example.com"  # the type in words, in the window's language
    assert sim.count("send_email") == 1


def test_enter_sends_and_assign_always_confirms(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    window = window_factory(sim_env(sim))
    window.tabs.setCurrentIndex(1)
    type_text(qtbot, w(window, QLineEdit, "assignItemKey"), ITEM_KEY)
    combo = w(window, QComboBox, "assignMgtKeyType")
    combo.setCurrentIndex(combo.findData("BUY"))
    type_text(qtbot, w(window, QLineEdit, "assignMgtKey"), "DOC-9")
    window.confirm.answer = False  # type: ignore[attr-defined]
    qtbot.keyClick(w(window, QLineEdit, "assignMgtKey"), Qt.Key.Key_Return)
    assert len(window.confirm.asked) == 1  # type: ignore[attr-defined]
    asked = window.confirm.asked[0]  # type: ignore[attr-defined]
    assert "DOC-9" in asked and "매입" in asked and ITEM_KEY in asked
    assert sim.count("assign") == 0  # declined: nothing sent
    window.confirm.answer = True  # type: ignore[attr-defined]
    qtbot.keyClick(w(window, QLineEdit, "assignMgtKey"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 1)
    assert window.log_model.entry(0).ok and sim.state.assignments[0].mgt_key_type == "BUY"


def test_double_submit_is_refused(qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator) -> None:
    sim.latency_ms = 400
    window = window_factory(sim_env(sim))
    fill_resend(qtbot, window)
    send = w(window, QPushButton, "resendSend")
    qtbot.mouseClick(send, Qt.MouseButton.LeftButton)
    assert not send.isEnabled()  # the same request is in flight
    assert window.resend_tab.submit(window.resend_tab.request()) is False
    qtbot.keyClick(w(window, QLineEdit, "resendReceiver"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 1, timeout=10000)
    assert send.isEnabled()
    assert sim.count("send_email") == 1


def test_close_during_a_call_neither_hangs_nor_crashes(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    sim.fault = "hang"
    window = window_factory(sim_env(sim, POPBILL_TIMEOUT="30"))
    fill_resend(qtbot, window)
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sim.count("send_email") == 1)
    window.close()  # returns at once although the call is waiting
    assert not window.isVisible()
    assert window.resend_tab.submit(ResendRequest("SELL", "INV-2", "a@example.com")) is False  # nothing new starts
    sim.stop()  # the hanging answer ends; its late result goes nowhere
    assert window.jobs.wait(5000)
    qtbot.wait(50)
    assert window.log_model.rowCount() == 0


@pytest.mark.parametrize(
    ("fault", "needle"),
    [
        ("html-500", "error page"),
        ("empty-502", "HTTP 502"),
        ("non-json-200", "could not be read"),
        ("no-code-json", "no result code"),
        ("oversized", "too large"),
        ("reset", "cut off"),
        ("bad-gzip", "decompressed"),
        ("token-refused", ""),
        ("hang", "did not answer"),
    ],
)
def test_every_failure_kind_is_a_row_and_the_window_keeps_working(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator, fault: str, needle: str
) -> None:
    sim.fault = fault
    window = window_factory(sim_env(sim, POPBILL_LANG="en", POPBILL_TIMEOUT="0.5"))
    fill_resend(qtbot, window)
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 1, timeout=10000)
    entry = window.log_model.entry(0)
    assert not entry.ok and entry.code is not None
    assert needle in entry.message
    # A call that may have been carried out says "Check" (확인 필요), and the result line says what to check.
    unknown = fault not in ("token-refused",)
    assert entry.state == ("unknown" if unknown else None)
    assert window.log_model.data(window.log_model.index(0, 1)) == ("Check" if unknown else "Failed")
    result = w(window, QLabel, "resendResult")
    assert result.wordWrap() and needle in result.text()
    assert ("mail history on the POPBiLL website" in result.text()) == unknown
    sim.fault = None
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 2, timeout=10000)
    assert window.log_model.entry(1).ok


def test_network_and_credential_failures_are_rows(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator, closed_port: int
) -> None:
    window = window_factory(sim_env(sim, POPBILL_LANG="en", POPBILL_SECRET_KEY="c2VjcmV0LWtleS1mb3ItdGVzdA=="))
    fill_resend(qtbot, window)
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 1)
    assert window.log_model.entry(0).code == -99010007 and window.log_model.entry(0).hint
    url = f"http://127.0.0.1:{closed_port}"
    window2 = window_factory({**sim_env(sim, POPBILL_LANG="en"), "POPBILL_BASE_URL": url, "POPBILL_AUTH_URL": url})
    fill_resend(qtbot, window2)
    qtbot.mouseClick(w(window2, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window2.log_model.rowCount() == 1)
    assert "refused the connection" in window2.log_model.entry(0).message


def test_no_credentials_is_a_row_not_a_crash(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    env = {k: v for k, v in sim_env(sim, POPBILL_LANG="en").items() if "LINK_ID" not in k and "SECRET" not in k}
    window = window_factory(env)
    assert window.session.source is Source.NONE  # the (empty) keyring was read on a worker
    fill_resend(qtbot, window)
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    assert window.log_model.rowCount() == 1
    assert "No credentials" in window.log_model.entry(0).message
    assert sim.requests == []


def test_the_cores_sentence_is_kept_and_the_window_adds_where_to_fix_it(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    # A SecretKey that is not base64 is refused before anything is sent (a credentials failure): the window used to
    # replace the core's sentence with "No credentials yet", which was not true. Now the sentence stays, and the
    # window's advice (File → Settings, never a command) comes as what to do.
    window = window_factory(sim_env(sim, POPBILL_LANG="en", POPBILL_SECRET_KEY="not base64!"))
    fill_resend(qtbot, window)
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 1)
    entry = window.log_model.entry(0)
    assert "44-character key" in entry.message and "No credentials" not in entry.message
    assert entry.hint is not None and "File → Settings" in entry.hint and "popbill-cli" not in entry.hint
    result = w(window, QLabel, "resendResult").text()
    assert "44-character key" in result and "File → Settings" in result
    assert sim.requests == []


# ---- keyring, settings, session-only ----
class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")


def test_locked_keyring_is_said_by_the_setup_bar(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    env = {"POPBILL_BASE_URL": sim.base_url, "POPBILL_AUTH_URL": sim.base_url, "POPBILL_LANG": "en"}
    window = window_factory(env, store=SecretStore(LockedKeyring(), "en"))
    assert window.session.source is Source.NONE
    qtbot.waitUntil(lambda: w(window, QWidget, "setupBar").isVisible())
    assert "locked" in w(window, QLabel, "setupBarText").text()
    assert window.log_model.rowCount() == 0  # not a failure of the start: the bar says how to go on


def test_keyring_unavailable_then_session_only(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    env = {"POPBILL_BASE_URL": sim.base_url, "POPBILL_AUTH_URL": sim.base_url, "POPBILL_LANG": "en"}
    window = window_factory(env, store=SecretStore(None, "en"))
    assert window.session.keyring_available is False
    assert window.log_model.rowCount() == 0
    bar = w(window, QWidget, "setupBar")
    assert bar.isVisible() and "keyring cannot be used" in w(window, QLabel, "setupBarText").text()
    settings = settings_store.Settings(base_url=sim.base_url, auth_url=sim.base_url, corp_num=DEMO_CORP_NUM, lang="en")
    window.settings_keeper.apply(settings, LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY), session_only=True)
    assert window.session.source is Source.SESSION
    assert "this session only" in w(window, QLabel, "statusCredentials").text()
    assert not bar.isVisible()
    fill_resend(qtbot, window)
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 1)
    assert window.log_model.entry(0).ok


def test_settings_and_credentials_round_trip(
    qtbot: QtBot,
    window_factory: Callable[..., MainWindow],
    sim: Simulator,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    window = window_factory({})
    new = settings_store.Settings(
        base_url=sim.base_url, auth_url=sim.base_url, corp_num=DEMO_CORP_NUM, user_id="clerk", lang="en", timeout=12
    )
    window.settings_keeper.apply(new, LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY), session_only=False)
    qtbot.waitUntil(lambda: window.session.source is Source.KEYRING)
    assert settings_store.load(tmp_path / "settings.json") == new
    assert DEMO_SECRET_KEY not in (tmp_path / "settings.json").read_text()
    # A restart: a new window finds the settings in the file and the secret in the keyring.
    again = window_factory({})
    assert again.session.settings == new
    assert again.session.source is Source.KEYRING
    fill_resend(qtbot, again)
    qtbot.mouseClick(w(again, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.log_model.rowCount() == 1)
    assert again.log_model.entry(0).ok
    assert sim.requests[-1].header("X-PB-UserID") == "clerk"


def test_environment_overrides_saved_settings_and_skips_the_keyring(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator, tmp_path: Path
) -> None:
    settings_store.save(settings_store.Settings(corp_num="1234567890", lang="en"), tmp_path / "settings.json")
    asked: list[str] = []

    def store(lang: str) -> SecretStore:
        asked.append(lang)
        raise AssertionError("the keyring must not be asked")

    window = create_window(environ=sim_env(sim), settings_path=tmp_path / "settings.json", store_factory=store)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert window.session.settings.corp_num == DEMO_CORP_NUM
    assert window.session.settings.lang == "en"  # not overridden: the saved value
    assert window.session.source is Source.ENV and asked == []
    assert "corp_num" in window.session.locked


# ---- production, demo, language ----
def test_production_is_unmistakable_and_first_send_confirmed(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    window = window_factory(sim_env(sim, POPBILL_ENV="production"))
    assert "운영" in window.windowTitle() and "PRODUCTION" in window.windowTitle()
    assert "PRODUCTION" in w(window, QLabel, "statusEnvironment").text()
    assert "c62828" in w(window, QLabel, "environmentStrip").styleSheet()
    fill_resend(qtbot, window)
    window.confirm.answer = False  # type: ignore[attr-defined]
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    assert sim.count("send_email") == 0
    window.confirm.answer = True  # type: ignore[attr-defined]
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 1)
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 2)
    assert len(window.confirm.asked) == 2  # type: ignore[attr-defined]  # declined once, then once per session
    assert sim.requests[-1].path.startswith("/Taxinvoice/")
    assert [r.path for r in sim.requests if r.kind == "token"] == ["/POPBILL/Token"]


def test_demo_mode_by_clicks(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], memory_keyring: MemoryKeyring
) -> None:
    window = window_factory(demo=True)
    assert "데모" in window.windowTitle() and "DEMO" in window.windowTitle()
    assert window.session.source is Source.DEMO
    fill_resend(qtbot, window)
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 1, timeout=10000)
    assert window.log_model.entry(0).ok
    window.tabs.setCurrentIndex(1)
    type_text(qtbot, w(window, QLineEdit, "assignItemKey"), ITEM_KEY)
    type_text(qtbot, w(window, QLineEdit, "assignMgtKey"), "DEMO-1")
    qtbot.mouseClick(w(window, QPushButton, "assignSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 2, timeout=10000)
    assert window.log_model.entry(1).ok and window.log_model.entry(1).operation == "assign_mgt_key"
    assert window.simulator is not None and window.simulator.state.assignments[0].mgt_key == "DEMO-1"
    assert memory_keyring._items == {}  # the keyring untouched


def test_language_switch(qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator) -> None:
    window = window_factory(sim_env(sim))
    assert window.tabs.tabText(0) == "이메일 재전송"
    assert window.tabs.tabText(1) == "문서번호 할당"
    type_text(qtbot, w(window, QLineEdit, "resendMgtKey"), "문")
    assert "문서번호" in w(window, QLabel, "resendMgtKeyMessage").text()
    window.set_language("en")
    assert window.tabs.tabText(0) == "Resend Email"
    assert "document ID" in w(window, QLabel, "resendMgtKeyMessage").text()
    assert w(window, QPushButton, "resendSend").text().replace("&", "") == "Send"
    window.set_language("ko")
    assert window.tabs.tabText(0) == "이메일 재전송"


def test_log_copy_and_clear(qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator) -> None:
    window = window_factory(sim_env(sim, POPBILL_LANG="en"))
    fill_resend(qtbot, window, mgt_key="NOTFOUND-1")
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 1)
    window.log_pane.view.selectRow(0)
    window.log_pane.copy_selected()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0].split("\t")[:3] == ["Time", "Result", "Operation"]
    assert "-11000005" in copied[1] and "Failed" in copied[1]
    qtbot.mouseClick(w(window, QPushButton, "logClear"), Qt.MouseButton.LeftButton)
    assert window.log_model.rowCount() == 0


def test_settings_dialog_opens_from_the_menu_and_cancels(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    window = window_factory(sim_env(sim))
    before = window.session.settings
    seen: list[str] = []

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.objectName() if dialog else "")
        if dialog:
            dialog.reject()

    QTimer.singleShot(100, cancel)
    window.settings_action.trigger()
    assert seen == ["settingsDialog"]
    assert window.session.settings == before


def test_switching_environment_reads_that_environments_credentials(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    SecretStore(memory_keyring).save("production", LinkCredentials("PROD_LINK", DEMO_SECRET_KEY))
    window = window_factory({})
    assert window.session.source is Source.NONE  # nothing saved for test
    production = settings_store.Settings(env="production", corp_num=DEMO_CORP_NUM)
    window.settings_keeper.apply(production, None, session_only=False)
    qtbot.waitUntil(lambda: window.session.source is Source.KEYRING)
    assert window.session.credentials == LinkCredentials("PROD_LINK", DEMO_SECRET_KEY)


class _LockedFor(MemoryKeyring):
    """A keyring that refuses to read one environment's entry (a locked collection, a policy)."""

    def __init__(self, env: str) -> None:
        super().__init__()
        self.env = env

    def get_password(self, service: str, username: str) -> str | None:
        if username.startswith(f"{self.env}/"):
            raise KeyringLocked("locked")
        return super().get_password(service, username)


@pytest.mark.parametrize("production_entry", ["missing", "unreadable"])
def test_a_send_after_switching_environment_never_uses_the_old_credentials(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator, production_entry: str
) -> None:
    # Issue 12.4: the test environment's credentials were kept after switching to production while the status bar
    # said there were none, and the next Send used them. The simulator answers both environments here, so a send
    # with the old credentials would reach it.
    keyring = _LockedFor("production") if production_entry == "unreadable" else MemoryKeyring()
    SecretStore(keyring).save("test", LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY))
    env = {"POPBILL_BASE_URL": sim.base_url, "POPBILL_AUTH_URL": sim.base_url, "POPBILL_CORP_NUM": DEMO_CORP_NUM}
    window = window_factory({**env, "POPBILL_LANG": "en"}, store=SecretStore(keyring, "en"))
    assert window.session.source is Source.KEYRING and window.service.credentials is not None
    window.settings_keeper.apply(
        settings_store.Settings(env="production", base_url=sim.base_url, auth_url=sim.base_url, lang="en"),
        None,
        session_only=False,
    )
    qtbot.waitUntil(lambda: window.session.source is not Source.PENDING)
    assert window.session.source is Source.NONE
    assert window.service.credentials is None and window.session.credentials is None
    assert "none yet" in w(window, QLabel, "statusCredentials").text()
    before = window.log_model.rowCount()
    fill_resend(qtbot, window, mgt_key="PROD-1")
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() > before)
    entry = window.log_model.entry(window.log_model.rowCount() - 1)
    assert not entry.ok and entry.operation == "resend_email"
    window.jobs.wait(5000)
    assert sim.count("token") == 0 and sim.count("send_email") == 0  # nothing left with the test credentials


def test_connection_test_results_are_logged_and_keyring_save_failure_keeps_the_session(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    from popbill_gui.ui.settings import settings_dialog
    from popbill_gui.ui.settings.keeper import CONNECTION_TEST

    assert CONNECTION_TEST == settings_dialog.TEST_KEY
    window = window_factory(sim_env(sim, POPBILL_LANG="en"))
    assert window.settings_keeper.test_connection()
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 1)
    assert window.log_model.entry(0).ok and "Signed in until" in window.log_model.entry(0).message

    class Refusing(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            from keyring.errors import PasswordSetError

            raise PasswordSetError("no")

    env = {"POPBILL_BASE_URL": sim.base_url, "POPBILL_AUTH_URL": sim.base_url, "POPBILL_LANG": "en"}
    other = window_factory(env, store=SecretStore(Refusing(), "en"))
    settings = settings_store.Settings(base_url=sim.base_url, auth_url=sim.base_url, corp_num=DEMO_CORP_NUM, lang="en")
    other.settings_keeper.apply(settings, LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY), session_only=False)
    qtbot.waitUntil(lambda: other.session.source is Source.SESSION)
    assert other.log_model.entry(other.log_model.rowCount() - 1).operation == "keyring"


def test_a_restart_reuses_the_session_token_kept_in_the_keyring(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    SecretStore(memory_keyring).save("test", LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY))
    env = {"POPBILL_BASE_URL": sim.base_url, "POPBILL_AUTH_URL": sim.base_url, "POPBILL_CORP_NUM": DEMO_CORP_NUM}
    for run in range(2):
        window = window_factory(env)
        assert window.session.source is Source.KEYRING
        fill_resend(qtbot, window, mgt_key=f"K{run}")
        qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda window=window: window.log_model.rowCount() == 1)
        assert window.log_model.entry(0).ok
        window.close()
    assert sim.count("token") == 1 and sim.count("send_email") == 2


@pytest.mark.parametrize(
    ("tab_index", "names"),
    [
        (0, ["resendMgtKeyType", "resendMgtKey", "resendReceiver", "resendSend"]),
        (1, ["assignItemKey", "assignMgtKeyType", "assignMgtKey", "assignSend"]),
    ],
)
def test_keyboard_only_tab_order_mnemonics_and_names(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator, tab_index: int, names: list[str]
) -> None:
    window = window_factory(sim_env(sim, POPBILL_LANG="en"))
    tab = window.tabs.widget(tab_index)
    widgets = [tab.findChild(QWidget, name) for name in names]

    # Tab moves from each input to the next in reading order, then to the button.
    def next_tab_stop(widget: QWidget) -> QWidget:
        current = widget.nextInFocusChain()
        while not (current.focusPolicy() & Qt.FocusPolicy.TabFocus and current.isVisibleTo(tab)):
            current = current.nextInFocusChain()
        return current

    assert [next_tab_stop(x).objectName() for x in widgets[:-1]] == names[1:]
    for label in tab.labels:  # every label has a mnemonic and a buddy it focuses
        assert "&" in label.text() and label.buddy() in widgets
    for widget in widgets[:-1]:
        assert widget.accessibleName() and widget.toolTip()
    assert "&" in widgets[-1].text()


def test_calls_go_to_the_history_and_come_back_at_the_next_start(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator, tmp_path: Path
) -> None:
    from popbill_gui.storage.history import History

    first = window_factory(sim_env(sim, POPBILL_LANG="en"), history="shared")
    fill_resend(qtbot, first, mgt_key="NOTFOUND-3")
    qtbot.mouseClick(w(first, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.log_model.rowCount() == 1)
    first.close()
    (record,) = History(tmp_path / "shared.sqlite3").recent()
    assert (record.operation, record.mgt_key, record.receiver, record.code, record.ok) == (
        "resend_email",
        "NOTFOUND-3",
        "a@example.com",
        -11000005,
        False,
    )
    assert record.environment == "test" and record.corp_num == DEMO_CORP_NUM
    second = window_factory(sim_env(sim, POPBILL_LANG="en"), history="shared")
    qtbot.waitUntil(lambda: second.log_model.rowCount() == 1)
    entry = second.log_model.entry(0)
    assert entry.code == -11000005 and entry.keys == "Sales NOTFOUND-3 → a@example.com"  # words


def _resend_csv(path: Path, count: int) -> Path:
    lines = ["문서유형,문서번호,수신메일"] + [f"SELL,INV-{i},a{i}@example.com" for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="cp949")
    return path


def test_a_dropped_file_goes_to_the_batch_tab_and_the_run_is_logged(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator, tmp_path: Path
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = window_factory(sim_env(sim, POPBILL_LANG="en"))
    source = _resend_csv(tmp_path / "drop.csv", 5)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(drop)
    assert window.tabs.currentWidget() is window.batch_page
    qtbot.waitUntil(lambda: not window.batch_tab.working)  # read and checked on a job
    assert window.batch_tab.start()
    qtbot.waitUntil(lambda: not window.batch_tab.working and len(sim.state.sent_mails) == 5, timeout=15000)
    qtbot.waitUntil(
        lambda: any(window.log_model.entry(r).operation == "batch" for r in range(window.log_model.rowCount()))
    )
    row = next(
        window.log_model.entry(r)
        for r in range(window.log_model.rowCount())
        if window.log_model.entry(r).operation == "batch"
    )
    assert row.ok and "done 5" in row.message


def test_an_interrupted_batch_is_offered_for_resuming_at_start(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator, tmp_path: Path
) -> None:
    from popbill_gui.batch.journal import Journal
    from popbill_gui.batch.reader import read_batch
    from popbill_gui.storage.history import History

    source = _resend_csv(tmp_path / "half.csv", 6)
    file = read_batch(source, "resend_email")
    with History(tmp_path / "shared.sqlite3") as history:
        journal = Journal(history)
        batch_id = journal.create_batch(
            operation="resend_email",
            source=str(source),
            fingerprint=file.fingerprint(),
            environment="test",
            corp_num=DEMO_CORP_NUM,
            rows=file.rows,
            concurrency=2,
        )
        journal.mark_sending(batch_id, 2)  # in flight when "the power went out"
    window = window_factory(sim_env(sim, POPBILL_LANG="en"), history="shared")
    bar = w(window, QWidget, "resumeBar")
    qtbot.waitUntil(bar.isVisible)
    said = window.resume_bar.label.text()
    assert "half.csv" in said and "6 of 6" in said
    qtbot.mouseClick(w(window, QPushButton, "resumeButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.batch_tab.busy and len(sim.state.sent_mails) == 5, timeout=15000)
    assert not bar.isVisible()
    assert "INV-0" not in {m.mgt_key for m in sim.state.sent_mails}  # the row in flight is flagged, not resent


def test_history_dialog_opens_from_the_menu(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    window = window_factory(sim_env(sim))
    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.objectName() if dialog else "")
        if dialog:
            dialog.reject()

    QTimer.singleShot(100, close_it)
    window.history_action.trigger()
    assert seen == ["historyDialog"]


def test_the_batch_tab_is_built_when_first_shown(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    window = window_factory(sim_env(sim, POPBILL_LANG="en"))
    assert window.findChild(QWidget, "batchTab") is None  # not paid for at start-up
    assert window.tabs.tabText(2) == "Batch"
    window.tabs.setCurrentIndex(2)
    tab = window.findChild(QWidget, "batchTab")
    assert tab is not None and tab.isVisibleTo(window)
    assert window.findChild(QPushButton, "batchStart") is not None
    window.set_language("ko")
    assert window.tabs.tabText(2) == "일괄 처리"


def test_calls_made_before_the_history_is_read_are_not_shown_twice(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], sim: Simulator
) -> None:
    window = window_factory(sim_env(sim))
    window._started = True  # keep the start-up history read back until a call has been logged and recorded
    fill_resend(qtbot, window)
    qtbot.mouseClick(w(window, QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 1)
    window._start_background_work()  # the history now holds that call: it must not come back as a second row
    qtbot.waitUntil(lambda: not window.jobs.busy)
    qtbot.wait(50)
    assert window.log_model.rowCount() == 1
