"""Credentials follow the environment (issue 18): switching between 테스트 and 운영 in Settings drops the credentials in
use at once, whatever they were (kept for this session only, a pasted token, the keyring's), and nothing is sent to
the other server with them: not a call, not a connection test. The simulator answers both environments here (custom
URLs), so a request made with the old credentials would reach it and be counted."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from popbill_gui.app import create_window
from popbill_gui.core.models import Credentials, LinkCredentials, TokenCredentials
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage.secrets import MemoryKeyring, SecretStore
from popbill_gui.storage.settings import Settings
from popbill_gui.ui.shared.session import Source
from popbill_gui.ui.window.main_window import STARTUP_WORK_DELAY_MS, MainWindow


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator() as simulator:
        yield simulator


def start(qtbot: QtBot, tmp_path: Path, sim: Simulator, *, keyring: bool) -> MainWindow:
    store = SecretStore(MemoryKeyring() if keyring else None, "en")  # type: ignore[arg-type]
    window = create_window(
        environ={"POPBILL_LANG": "en", "POPBILL_BASE_URL": sim.base_url, "POPBILL_AUTH_URL": sim.base_url},
        settings_path=tmp_path / "settings.json",
        store_factory=lambda _lang: store,
        history_path=tmp_path / "history.sqlite3",
    )
    qtbot.addWidget(window)
    window.confirm = lambda title, text: True
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(STARTUP_WORK_DELAY_MS + 50)
    qtbot.waitUntil(lambda: window.session.source is not Source.PENDING)
    return window


def settings(sim: Simulator, env: str) -> Settings:
    return Settings(env=env, base_url=sim.base_url, auth_url=sim.base_url, corp_num=DEMO_CORP_NUM, lang="en")


def send(qtbot: QtBot, window: MainWindow, key: str) -> QLabel:
    tab = window.resend_tab
    tab.mgt_key.edit.setText(key)
    tab.receiver.edit.setText("a@example.com")
    before = window.log_model.rowCount()
    qtbot.mouseClick(window.findChild(QPushButton, "resendSend"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.log_model.rowCount() > before, timeout=10_000)
    window.jobs.wait(5000)
    return window.findChild(QLabel, "resendResult")


@pytest.mark.parametrize(
    "credentials",
    [LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY), TokenCredentials("pasted-token-for-test")],
    ids=["session-only keys", "pasted token"],
)
def test_switching_environment_drops_session_only_credentials_and_a_pasted_token(
    qtbot: QtBot, tmp_path: Path, sim: Simulator, credentials: Credentials
) -> None:
    window = start(qtbot, tmp_path, sim, keyring=False)
    window.settings_keeper.apply(settings(sim, "test"), credentials, session_only=True)
    assert window.session.source is Source.SESSION and window.service.credentials == credentials
    if isinstance(credentials, LinkCredentials):
        assert window.log_model.rowCount() == 0
        send(qtbot, window, "TEST-1")  # they work where they were entered
        assert sim.count("send_email") == 1
    requests = len(sim.requests)

    window.settings_keeper.apply(settings(sim, "production"), None, session_only=True)  # nothing typed with it
    qtbot.waitUntil(lambda: window.session.source is not Source.PENDING)
    assert window.service.credentials is None and window.session.source is Source.NONE
    assert "none yet" in window.findChild(QLabel, "statusCredentials").text()
    result = send(qtbot, window, "PROD-1")
    assert "File → Settings" in result.text()
    assert len(sim.requests) == requests  # nothing went to the production server with the test's credentials


def test_the_settings_dialog_hands_back_only_what_was_typed_and_tests_nothing_with_the_old_ones(
    qtbot: QtBot, tmp_path: Path, sim: Simulator
) -> None:
    window = start(qtbot, tmp_path, sim, keyring=False)
    window.settings_keeper.apply(settings(sim, "test"), LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY), True)
    dialog = window.settings_keeper.dialog()
    qtbot.addWidget(dialog)
    assert dialog.secret_key.placeholderText() == "(saved)" and dialog.link_id.text() == DEMO_LINK_ID
    dialog.env.setCurrentIndex(dialog.env.findData("production"))
    # The test environment's keys are not offered for production: no "(saved)", no LinkID filled in.
    assert dialog.secret_key.placeholderText() == "" and dialog.link_id.text() == ""
    assert dialog.ok_button.isEnabled()  # nothing typed: production's own entry is read after OK
    requests = len(sim.requests)
    dialog.test_button.click()
    assert "Enter the credentials first" in dialog.test_result.text()
    assert dialog.entered_credentials() is None
    assert dialog.result_settings().env == "production"
    window.settings_keeper.apply(dialog.result_settings(), dialog.entered_credentials(), dialog.session_only())
    qtbot.waitUntil(lambda: window.session.source is not Source.PENDING)
    assert window.service.credentials is None
    window.jobs.wait(5000)
    assert len(sim.requests) == requests
    # Back to test: the keys come back with it in the dialog (its saved LinkID), nothing else changes.
    dialog.env.setCurrentIndex(dialog.env.findData("test"))
    assert dialog.link_id.text() == DEMO_LINK_ID


def test_keys_typed_with_the_switch_are_used_for_the_new_environment(
    qtbot: QtBot, tmp_path: Path, sim: Simulator
) -> None:
    window = start(qtbot, tmp_path, sim, keyring=True)
    window.settings_keeper.apply(settings(sim, "test"), LinkCredentials("TEST_LINK", DEMO_SECRET_KEY), False)
    qtbot.waitUntil(lambda: window.session.source is Source.KEYRING)
    production = LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY)
    window.settings_keeper.apply(replace(settings(sim, "production")), production, False)
    qtbot.waitUntil(lambda: window.session.source is Source.KEYRING)
    assert window.service.credentials == production
    send(qtbot, window, "PROD-2")
    tokens = [r for r in sim.requests if r.kind == "token"]
    assert tokens and all(r.path.startswith("/POPBILL/") for r in tokens)  # production's token service only
