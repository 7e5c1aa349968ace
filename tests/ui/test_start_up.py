"""The window's start-up: the network stack warmed on a job at the first input, never before and never on the GUI
thread; PySide's per-import check made cheap before the window's modules load (ui/shared/interpreter.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from popbill_gui.app import create_window
from popbill_gui.service import Service
from popbill_gui.ui.window.warm_up import NetworkWarmUp

REPO = Path(__file__).resolve().parents[2]


def test_the_network_stack_is_warmed_on_a_job_at_the_first_key_press_only(qtbot: QtBot, tmp_path: Path) -> None:
    threads: list[int] = []
    warmed = threading.Event()

    def warm_up() -> None:
        threads.append(threading.get_ident())
        warmed.set()

    window = create_window(
        environ={"POPBILL_LANG": "en"}, settings_path=tmp_path / "s.json", history_path=tmp_path / "h.sqlite3"
    )
    qtbot.addWidget(window)
    window.service.warm_up = warm_up  # type: ignore[method-assign]
    warm = window.findChild(NetworkWarmUp)
    assert warm is not None
    with qtbot.waitExposed(window):
        window.show()
    qtbot.wait(50)  # painted and idle: nothing warmed yet (a window left unused stays lean)
    assert not warm.started and threads == []
    field = window.findChild(QLineEdit, "resendMgtKey")
    assert field is not None
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert field.text() == "a"  # the key press that started it went on to the field
    qtbot.waitUntil(warmed.is_set)
    assert threads and threads[0] != threading.get_ident()  # on a job, not the GUI thread
    qtbot.keyClick(field, Qt.Key.Key_B)
    assert len(threads) == 1  # once
    window.close()


WARM = """
import sys
from popbill_gui.service import Service
assert "popbill_gui.core.client" not in sys.modules and "ssl" not in sys.modules
Service.warm_up()
assert {"popbill_gui.core.client", "urllib3", "ssl", "truststore"} <= set(sys.modules)
assert "requests" not in sys.modules  # the client is urllib3's pools alone
print("warm")
"""


def test_warm_up_loads_the_client_and_sends_nothing() -> None:
    # A fresh interpreter: nothing of the network stack yet, and no credentials, settings or network at all.
    done = subprocess.run([sys.executable, "-c", WARM], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "warm"
    assert callable(Service.warm_up)


LIGHT = """
import linecache, sys
import PySide6.QtWidgets
import popbill_gui.ui.window.main_window
import popbill_gui.service.records
print(len(linecache.cache))
feature = sys.modules["shibokensupport.feature"]
answers = feature.pyside_feature_dict
print(answers.get("popbill_gui.ui.window.status"), answers.get("popbill_gui.storage.settings"), answers.get("json"))
"""


def test_pyside_import_check_keeps_no_source_and_gives_the_same_answers() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", LIGHT], cwd=REPO, capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    cached, answers = done.stdout.split("\n")[:2]
    assert cached == "0"  # PySide6 kept every line of every module imported after it; now none
    assert answers == "0 -1 -1"  # a module that uses PySide6: 0; one that does not: -1 (as PySide says)


LEAN = """
import gc, sys
import popbill_gui.app
print(sorted({"popbill_gui.batch.model", "popbill_gui.core.cells", "logging.handlers", "socket"} & set(sys.modules)))
print(gc.isenabled(), gc.get_freeze_count() > 10000, gc.get_count()[0] < 700)
"""


def test_the_window_modules_load_nothing_its_first_paint_does_not_need_and_are_frozen() -> None:
    """The batch model and Excel's cell rules come with the batch tab or the first Copy, logging.handlers with the
    log file (opened after the paint); what loaded is out of the collector's later walks (app.py)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", LEAN], cwd=REPO, capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    loaded, collector = done.stdout.split("\n")[:2]
    assert loaded == "[]"
    assert collector == "True True True"
