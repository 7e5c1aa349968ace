"""The real keyring: popbill-cli login/logout against the operating system's own store.

`scripts/dev test` (and so CI) runs the suite inside `dbus-run-session` with an unlocked gnome-keyring and sets
POPBILL_REAL_KEYRING=1; there these tests must pass, never skip. The workflow sets it too on its Windows job
(Credential Manager) and its macOS job (a throw-away keychain made the default). Elsewhere they are skipped
(the `real_keyring` marker, tests/conftest.py), and under pytest-xdist they take turns in one worker.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage.secrets import SecretStore, system_backend

pytestmark = pytest.mark.real_keyring
CLI = str(Path(sys.executable).with_name("popbill-cli"))
# The backend each system must give (storage/secrets.py's list, first choice).
EXPECTED_BACKEND = {
    "win32": "keyring.backends.Windows.WinVaultKeyring",
    "darwin": "keyring.backends.macOS.Keyring",
}.get(sys.platform, "keyring.backends.SecretService.Keyring")


def cli(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], env=env, input=stdin, capture_output=True, text=True, timeout=60, check=False)


def test_the_systems_own_store_is_the_backend() -> None:
    backend = system_backend()
    assert backend is not None, f"no usable keyring (expected {EXPECTED_BACKEND})"
    assert f"{type(backend).__module__}.{type(backend).__name__}" == EXPECTED_BACKEND


def test_login_survives_a_new_process_and_is_in_no_file(sim: Simulator, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("POPBILL_")}
    env.update(
        HOME=str(home),
        POPBILL_BASE_URL=sim.base_url,
        POPBILL_AUTH_URL=sim.base_url,
        POPBILL_CORP_NUM=DEMO_CORP_NUM,
        POPBILL_LANG="en",
    )
    login = cli(["login", "--link-id", DEMO_LINK_ID], env, stdin=DEMO_SECRET_KEY + "\n")
    assert login.returncode == 0, login.stderr
    assert EXPECTED_BACKEND in login.stdout
    try:
        # A new process finds the credentials in the keyring and uses them.
        sent = cli(["resend-email", "--type", "SELL", "--mgt-key", "K1", "--receiver", "a@example.com"], env)
        assert sent.returncode == 0, sent.stderr
        assert sim.count("send_email") == 1
        # A third process reuses the session token the second one kept in the keyring.
        again = cli(["resend-email", "--type", "SELL", "--mgt-key", "K2", "--receiver", "a@example.com"], env)
        assert again.returncode == 0, again.stderr
        assert (sim.count("token"), sim.count("send_email")) == (1, 2)
        assert SecretStore(system_backend()).load("test") is not None
        # The secret is in no file this run could have written: the home, the temp dir, the data dir.
        roots = [home, tmp_path, Path(os.environ.get("XDG_DATA_HOME", home))]
        for root in roots:
            for path in root.rglob("*"):
                if path.is_file():
                    assert DEMO_SECRET_KEY.encode() not in path.read_bytes(), path
    finally:
        logout = cli(["logout"], env)
    assert logout.returncode == 0 and "Removed" in logout.stdout
    after = cli(["check"], env)
    assert after.returncode == 4 and "No credentials" in after.stderr


def test_window_secret_survives_a_restart_through_the_keyring(qtbot, sim: Simulator, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from popbill_gui.app import create_window
    from popbill_gui.core.client import LinkCredentials
    from popbill_gui.storage import settings as settings_store
    from popbill_gui.ui.shared.session import Source

    path = tmp_path / "settings.json"
    first = create_window(environ={}, settings_path=path, history_path=tmp_path / "history.sqlite3")
    qtbot.addWidget(first)
    first.show()  # the keyring is read once the window is on screen
    qtbot.waitUntil(lambda: first.session.source is not Source.PENDING)
    assert first.session.keyring_available is True
    settings = settings_store.Settings(base_url=sim.base_url, auth_url=sim.base_url, corp_num=DEMO_CORP_NUM)
    first.settings_keeper.apply(settings, LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY), session_only=False)
    qtbot.waitUntil(lambda: first.session.source is Source.KEYRING)  # saved on a worker
    first.close()
    try:
        second = create_window(environ={}, settings_path=path, history_path=tmp_path / "history.sqlite3")
        qtbot.addWidget(second)
        second.show()
        qtbot.waitUntil(lambda: second.session.source is not Source.PENDING)
        assert second.session.source is Source.KEYRING
        assert second.session.credentials == LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY)
        second.resend_tab.mgt_key.edit.setText("K1")
        second.resend_tab.receiver.edit.setText("a@example.com")
        second.resend_tab.button.click()
        qtbot.waitUntil(lambda: second.log_model.rowCount() == 1)  # its own history: nothing from before
        assert second.log_model.entry(0).ok
        for file in tmp_path.rglob("*"):
            if file.is_file():
                assert DEMO_SECRET_KEY.encode() not in file.read_bytes(), file
        second.close()
    finally:
        SecretStore(system_backend()).delete("test")
