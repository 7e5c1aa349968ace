"""The program's own files: the demo's throw-away history goes with it, even through os._exit; the log file is
the owner's alone."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from popbill_gui import app

# The demo window, a call that does not end (a worker blocked for 30 s), the window closed: main() gives the call
# 2 s, then ends the process with os._exit, which skips atexit.
DEMO_WITH_A_CALL_IN_FLIGHT = """
import atexit, glob, os, sys, tempfile, threading
from PySide6.QtCore import QTimer
from popbill_gui import app

atexit.register(lambda: print("atexit ran", flush=True))
real = app.create_window

def create_window(*args, **kwargs):
    window = real(*args, **kwargs)

    def call_and_close():
        print(*glob.glob(os.path.join(tempfile.gettempdir(), "popbill-gui-demo-*")), flush=True)
        assert window.jobs.submit(lambda: threading.Event().wait(30), key=("test", "hang"))
        QTimer.singleShot(200, window.close)

    QTimer.singleShot(300, call_and_close)
    return window

app.create_window = create_window
sys.exit(app.main(["--demo"]))
"""


def test_the_demo_history_folder_goes_even_when_the_program_ends_through_os_exit(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", DEMO_WITH_A_CALL_IN_FLIGHT], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    folders = out.stdout.split()
    assert len(folders) == 1 and Path(folders[0]).parent == temp  # the demo made its folder there
    assert "atexit ran" not in out.stdout  # the process did end through os._exit
    assert list(temp.iterdir()) == []


def test_remove_temp_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = [tmp_path / "a", tmp_path / "b"]
    for folder in folders:
        (folder / "inner").mkdir(parents=True)
        (folder / "inner" / "history.sqlite3").write_bytes(b"x")
    monkeypatch.setattr(app, "_temp_folders", [str(f) for f in folders])
    app.remove_temp_folders()
    app.remove_temp_folders()  # twice: atexit after main()
    assert list(tmp_path.iterdir()) == [] and app._temp_folders == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_the_log_file_is_private(tmp_path: Path) -> None:
    script = """
import logging, os, sys
os.umask(0o022)
from popbill_gui import app
app._setup_logging()
logging.getLogger("popbill_gui.check").warning("receiver person@example.com")
app._open_log_file()
"""
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0 and out.stderr == "", out.stderr
    log_file = tmp_path / "state" / "popbill-gui" / "log" / "popbill-gui.log"
    assert "person@example.com" in log_file.read_text(encoding="utf-8")
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    for folder in (log_file.parent, log_file.parent.parent, tmp_path / "state"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
