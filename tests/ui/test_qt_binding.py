"""The Qt binding itself: PySide6-Essentials 6.12.0 on Python 3.10/3.11 miscounts references (its abi3 wheel
assumes 3.12's immortal None/True/False), and the app then aborts after about a thousand signals. This runs the
installed binding hard in a child process, so a bad version is caught here, not on a user's desk."""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
class Source(QObject):
    changed = Signal(object)
source = Source()
seen = []
source.changed.connect(seen.append)
label = QLabel()
none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
for i in range(20000):
    source.changed.emit(i)
    label.setText(str(i))
assert len(seen) == 20000
print(sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
"""


def test_signals_and_setters_do_not_leak_or_drop_references() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    none_delta, true_delta = map(int, result.stdout.split())
    assert abs(none_delta) < 100 and abs(true_delta) < 100
