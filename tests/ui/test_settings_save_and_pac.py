"""Issue 21 in Settings: a settings file that cannot be written is said in the window (it was only logged to the log
file) while the settings still hold for this run; the proxy script's address (PAC) has its field under 고급 /
Advanced, checked as it is typed like the other addresses, saved, and used by the calls."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from popbill_gui.core.messages import text
from popbill_gui.storage import settings as settings_store
from popbill_gui.storage.settings import Settings

from .conftest import ClerkWindow


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_settings_file_that_cannot_be_written_is_said_in_the_window(
    qtbot: QtBot, clerk_window: ClerkWindow, lang: str, tmp_path: Path
) -> None:
    window = clerk_window(lang, demo=False, saved=Settings(lang=lang))  # type: ignore[arg-type]
    target = tmp_path / "settings.json"
    target.unlink()
    target.mkdir()  # something in the file's place (a folder: refused even to root, unlike a read-only folder)
    window.settings_keeper.apply(Settings(lang=lang, corp_num="1248100998"), None, session_only=False)  # type: ignore[arg-type]
    assert window.log_model.rowCount() == 1
    entry = window.log_model.entry(0)
    assert not entry.ok and entry.operation == "settings"
    assert ("저장하지 못했습니다" in entry.message) if lang == "ko" else ("could not be saved" in entry.message)
    assert ("파일 → 설정" if lang == "ko" else "File → Settings") in entry.message
    assert window.findChild(QLabel, "logDetail").text().count(entry.message) == 1  # shown, whole
    assert window.session.settings.corp_num == "1248100998"  # holds for this run
    assert window.session.saved.corp_num is None  # not saved: the next OK tries again
    target.rmdir()
    window.settings_keeper.apply(Settings(lang=lang, corp_num="1248100998"), None, session_only=False)  # type: ignore[arg-type]
    assert settings_store.load(target).corp_num == "1248100998" and window.log_model.rowCount() == 1


def test_the_pac_field_is_checked_saved_and_used(qtbot: QtBot, clerk_window: ClerkWindow, tmp_path: Path) -> None:
    window = clerk_window("en", demo=False, saved=Settings(lang="en"))
    dialog = window.settings_keeper.dialog()
    qtbot.addWidget(dialog)
    field = dialog.findChild(QLineEdit, "settingsPacUrl")
    assert field is not None and not field.isVisibleTo(dialog)  # under 고급 / Advanced
    label = next(lab for lab in dialog.findChildren(QLabel) if lab.buddy() is field)
    assert "PAC" in label.text() and "proxy" in field.toolTip() and "IT" in field.toolTip()
    message = dialog.findChild(QLabel, "settingsPacUrlMessage")
    qtbot.keyClicks(field, "wpad.corp/proxy.pac")  # neither an address nor a file
    assert not dialog.ok_button.isEnabled() and field.isVisibleTo(dialog)  # the section opened to show it
    assert text("error.bad_pac", "en", url="wpad.corp/proxy.pac") in message.text()
    for good in ("http://wpad.corp.example/wpad.dat", "https://proxy.example.com/p.pac", r"C:\proxy\company.pac"):
        field.setText(good)
        assert dialog.ok_button.isEnabled(), good
        assert dialog.result_settings().pac_url == good
    field.setText(f'"{tmp_path / "company proxy.pac"}"')  # Windows' "Copy as path" quotes it
    assert dialog.result_settings().pac_url == str(tmp_path / "company proxy.pac")
    field.setText("http://wpad.corp.example/wpad.dat")
    window.settings_keeper.apply(dialog.result_settings(), None, session_only=False)
    assert settings_store.load(tmp_path / "settings.json").pac_url == "http://wpad.corp.example/wpad.dat"
    assert window.service.settings.pac_url == "http://wpad.corp.example/wpad.dat"  # what the next client uses


def test_a_pac_script_in_settings_routes_the_calls(qtbot: QtBot, clerk_window: ClerkWindow) -> None:
    """The field's value reaches the calls: a script that sends every host through a proxy that refuses the tunnel
    makes the first request stop at that proxy (asked to CONNECT to POPBiLL's host; nothing leaves this computer)."""
    from popbill_gui.core.models import LinkCredentials
    from popbill_gui.simulator import DEMO_LINK_ID, DEMO_SECRET_KEY
    from tests.servers import ConnectProxy, PacServer

    with ConnectProxy(("127.0.0.1", 9), refuse=True) as proxy, PacServer(
        f'function FindProxyForURL(url, host) {{ return "PROXY 127.0.0.1:{proxy.port}"; }}'
    ) as pac:
        window = clerk_window("en", demo=False, saved=Settings(lang="en"))
        chosen = Settings(lang="en", corp_num="1248100998", pac_url=pac.url)
        window.settings_keeper.apply(chosen, LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY), session_only=True)
        window.findChild(QLineEdit, "resendMgtKey").setText("INV-1")
        window.findChild(QLineEdit, "resendReceiver").setText("a@example.com")
        window.resend_tab.try_submit()
        qtbot.waitUntil(lambda: window.log_model.rowCount() == 1, timeout=20_000)
        assert len(pac.requests) >= 1  # the script named in Settings was read
        assert proxy.targets and all("linkhub.co.kr" in target for target in proxy.targets)  # and obeyed
        assert not window.log_model.entry(0).ok
