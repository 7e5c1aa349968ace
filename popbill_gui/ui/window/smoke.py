"""The smoke test behind `popbill-gui --smoke-test`: is this build (from source or packaged) whole?

It shows the window and waits for its first paint, then checks that the translations of the window's language
were found (a packaged program that lost its .qm files would otherwise just speak English), and in demo mode
makes one real call: the resend form's call, on a worker thread, over a socket to the in-process simulator.
That one call needs urllib3, the TLS and e-mail modules, the thread pool and the history database, the parts
a frozen build most often loses. Problems are collected, not raised, so the program can print them and exit 1.

POPBILL_SMOKE_EXPECT=keyring (packaging/check, after `popbill-cli login` into a real Secret Service) asks more of
a normal (not demo) window: it must read its credentials from the keyring, and then make the same call with them
to the configured server (never in production). That proves the window's own copy of the keyring backends, which
a packaged program carries apart from the command line's.

For benchmarks/bench_package.py (frozen against source start-up), POPBILL_SMOKE_PAINT_FILE names a file that gets
the time.monotonic() of the first paint; on Linux that clock is the same in every process.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer
from PySide6.QtWidgets import QApplication

from ...service import ResendRequest
from ..shared import i18n
from ..shared.session import Source
from .main_window import MainWindow

SMOKE_CALL = ResendRequest("SELL", "SMOKE-TEST-1", "smoke-test@example.com")


class SmokeTest(QObject):
    """Install on the application before the window is shown; `on_done` (quitting the event loop) runs once."""

    def __init__(
        self, window: MainWindow, *, demo: bool, timeout_ms: int, on_done: Callable[[], None] = QApplication.quit
    ) -> None:
        super().__init__(window)
        self.on_done = on_done
        self.window = window
        self.demo = demo
        self.painted = False
        self.finished = False
        self.problems: list[str] = []
        self._first_row = 0
        self._seconds = timeout_ms / 1000
        QTimer.singleShot(timeout_ms, self._time_out)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.painted and event.type() == QEvent.Type.Paint:
            if watched is self.window or (hasattr(watched, "window") and watched.window() is self.window):
                self.painted = True
                paint_file = os.environ.get("POPBILL_SMOKE_PAINT_FILE")
                if paint_file:
                    Path(paint_file).write_text(repr(time.monotonic()), encoding="ascii")
                QTimer.singleShot(0, self._after_paint)
        return False

    def _after_paint(self) -> None:
        lang = i18n.lang()
        missing = [name for name in (f"popbill_gui_{lang}.qm", f"qtbase_{lang}.qm") if name not in i18n.loaded_files()]
        if missing:
            self.problems.append(f"translations not loaded: {', '.join(missing)}")
        if self.demo:
            self._call()
        elif os.environ.get("POPBILL_SMOKE_EXPECT") == "keyring":
            self._await_keyring()
        else:
            self._finish()

    def _await_keyring(self) -> None:
        source = self.window.session.source
        if source is Source.PENDING:  # read on a worker after the first paint
            QTimer.singleShot(50, self._await_keyring)
            return
        if source is not Source.KEYRING:
            model = self.window.log_model
            notes = [
                model.entry(row).message for row in range(model.rowCount()) if model.entry(row).operation == "keyring"
            ]
            problem = self.window.settings_keeper.keyring_problem  # why not (the setup bar says it)
            if problem:
                notes.append(problem)
            self.problems.append(" ".join([f"credentials not read from the keyring (source: {source.value})", *notes]))
            self._finish()
        elif self.window.session.environment_name == "production":
            self.problems.append("no test call in the production environment")
            self._finish()
        else:
            self._call()

    def _call(self) -> None:
        model = self.window.log_model
        self._first_row = model.rowCount()
        model.rowsInserted.connect(self._on_rows)
        if not self.window.resend_tab.submit(SMOKE_CALL):
            self.problems.append("the test call was not started")
            self._finish()

    def _on_rows(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in range(max(first, self._first_row), last + 1):
            entry = self.window.log_model.entry(row)
            if entry.operation == SMOKE_CALL.operation and SMOKE_CALL.mgt_key in entry.keys:  # not a row of the history
                if not entry.ok:
                    self.problems.append(f"the test call failed: {entry.code} {entry.message}")
                self._finish()
                return

    def _time_out(self) -> None:
        if self.finished:
            return
        if not self.painted:
            waited_for = "the window was not painted"
        elif self.window.session.source is Source.PENDING:
            waited_for = "the keyring was not read"
        else:
            waited_for = "the test call had no answer"
        self.problems.append(f"{waited_for} within {self._seconds:g} s")
        self._finish()

    def _finish(self) -> None:
        if not self.finished:
            self.finished = True
            QTimer.singleShot(0, self.on_done)
