"""`popbill-gui --smoke-test`: the check CI and the packaged-program check rely on must catch a broken build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from popbill_gui.app import create_window
from popbill_gui.core.models import LinkCredentials
from popbill_gui.simulator import DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage.secrets import MemoryKeyring, SecretStore
from popbill_gui.ui.shared import i18n
from popbill_gui.ui.window.main_window import MainWindow
from popbill_gui.ui.window.smoke import SMOKE_CALL, SmokeTest


def run_smoke(qtbot: QtBot, window: MainWindow, demo: bool, timeout_ms: int = 10000) -> SmokeTest:
    done: list[bool] = []
    watcher = SmokeTest(window, demo=demo, timeout_ms=timeout_ms, on_done=lambda: done.append(True))
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watcher)
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitUntil(lambda: bool(done), timeout=timeout_ms + 5000)
    finally:
        app.removeEventFilter(watcher)
        window.close()
        window.jobs.wait(5000)
    assert done == [True]  # once
    return watcher


def make_window(
    tmp_path: Path, demo: bool, lang: str = "ko", keyring: MemoryKeyring | None = None, **environ: str
) -> MainWindow:
    keyring = MemoryKeyring() if keyring is None else keyring
    return create_window(
        demo=demo,
        environ={"POPBILL_LANG": lang, **environ},
        settings_path=tmp_path / "settings.json",
        store_factory=lambda lang: SecretStore(keyring, lang),
        history_path=tmp_path / "history.sqlite3",
    )


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_demo_smoke_makes_one_real_call(qtbot: QtBot, tmp_path: Path, lang: str) -> None:
    window = make_window(tmp_path, demo=True, lang=lang)
    watcher = run_smoke(qtbot, window, demo=True)
    assert watcher.problems == []
    assert watcher.painted
    assert window.simulator is not None
    calls = [r.path for r in window.simulator.requests if r.kind not in ("token", "time")]
    assert len(calls) == 1 and calls[0].endswith(f"/{SMOKE_CALL.mgt_key_type}/{SMOKE_CALL.mgt_key}")
    assert f"popbill_gui_{i18n.lang()}.qm" in i18n.loaded_files()
    assert not window.windowIcon().pixmap(32, 32).isNull()  # the app's own icon, found where it is installed


def test_smoke_reports_a_failed_demo_call(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(tmp_path, demo=True)
    window.ensure_simulator()
    assert window.simulator is not None
    window.simulator.fault = "html-500"
    watcher = run_smoke(qtbot, window, demo=True)
    assert len(watcher.problems) == 1 and watcher.problems[0].startswith("the test call failed: ")


def test_smoke_reports_missing_translations(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "QM_DIR", tmp_path / "nowhere")  # what a package that lost its .qm files sees
    window = make_window(tmp_path, demo=False)
    watcher = run_smoke(qtbot, window, demo=False)
    assert watcher.problems == ["translations not loaded: popbill_gui_ko.qm"]


def test_smoke_reports_no_answer(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(tmp_path, demo=True)
    window.ensure_simulator()
    assert window.simulator is not None
    window.simulator.latency_ms = 5000  # longer than the smoke test waits
    watcher = run_smoke(qtbot, window, demo=True, timeout_ms=1500)
    assert watcher.problems == ["the test call had no answer within 1.5 s"]


@pytest.fixture
def expect_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POPBILL_SMOKE_EXPECT", "keyring")


def sim_settings(sim: Simulator) -> dict[str, str]:
    return {"POPBILL_BASE_URL": sim.base_url, "POPBILL_AUTH_URL": sim.base_url, "POPBILL_CORP_NUM": "1234567890"}


def test_keyring_smoke_reads_the_keyring_and_calls_with_it(
    qtbot: QtBot, tmp_path: Path, expect_keyring: None, sim: Simulator
) -> None:
    keyring = MemoryKeyring()
    SecretStore(keyring).save("test", LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY))
    window = make_window(tmp_path, demo=False, keyring=keyring, **sim_settings(sim))
    watcher = run_smoke(qtbot, window, demo=False)
    assert watcher.problems == []
    assert sim.count("send_email") == 1 and sim.count("token") == 1


def test_keyring_smoke_reports_an_empty_keyring(
    qtbot: QtBot, tmp_path: Path, expect_keyring: None, sim: Simulator
) -> None:
    window = make_window(tmp_path, demo=False, **sim_settings(sim))
    watcher = run_smoke(qtbot, window, demo=False)
    assert watcher.problems == ["credentials not read from the keyring (source: none)"]
    assert sim.count("send_email") == 0


def test_keyring_smoke_never_calls_production(qtbot: QtBot, tmp_path: Path, expect_keyring: None) -> None:
    keyring = MemoryKeyring()
    SecretStore(keyring).save("production", LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY))
    window = make_window(tmp_path, demo=False, keyring=keyring, POPBILL_ENV="production")
    watcher = run_smoke(qtbot, window, demo=False)
    assert watcher.problems == ["no test call in the production environment"]


def test_smoke_test_command(tmp_path: Path) -> None:
    """The command CI runs: exit 0 and not one character printed; a real process, as the packaged program."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    for args in (["--demo", "--smoke-test"], ["--smoke-test"]):
        out = subprocess.run(
            [sys.executable, "-m", "popbill_gui", *args], capture_output=True, text=True, env=env, timeout=120
        )
        assert (out.returncode, out.stdout, out.stderr) == (0, "", "")


def test_log_file_opens_after_the_paint_and_keeps_what_came_before(tmp_path: Path) -> None:
    """The log file waits until after the first paint (its imports cost start-up); nothing logged before is lost,
    and nothing reaches the console, Qt's own messages included."""
    script = """
import logging, sys
from pathlib import Path
from PySide6.QtCore import qWarning
from popbill_gui import app
app._setup_logging()
logging.getLogger("popbill_gui.check").warning("before the file")
qWarning("a Qt warning before the file")
log_file = Path(sys.argv[1]) / "popbill-gui" / "log" / "popbill-gui.log"
assert not log_file.exists()
app._open_log_file()
app._open_log_file()  # idempotent: one handler, records written once
logging.getLogger("popbill_gui.check").info("after")
print(log_file.read_text(encoding="utf-8"), end="")
"""
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0 and out.stderr == "", out.stderr
    messages = [line.split(": ", 1)[1] for line in out.stdout.splitlines()]
    assert messages == ["before the file", "a Qt warning before the file", "after"]
    assert " WARNING qt: " in out.stdout.splitlines()[1]
