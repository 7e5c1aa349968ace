"""Files handed to the program, shown on the batch tab as a dropped file is: read and checked, nothing sent before
the clerk presses Start.

They come three ways: the command line (`popbill-gui FILE`, which is also how Windows' "Open with" / 연결 프로그램
starts a program), a second start that hands its files to the window already open (`platform/single_instance.py`:
`received`, emitted on the listener's thread, arrives here queued), and macOS' Finder (a file dropped on the Dock
icon or opened with the app arrives as Qt's FileOpen event on the application: `watch_file_open`). Each brings the
window to the front. The batch tab shows one file: with several, the first is shown and the others named in the log.

The operation is the one the file's columns fit: the tab reads it for its chosen operation and, when the columns
are those of the other one, offers to switch (`batch.other_operation`); a handed file takes that offer at once.
A path that names nothing, or a folder, is one sentence in the log; anything else the tab's reader says about it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from ..log.entries import note

if TYPE_CHECKING:
    from ..batch.batch_tab import BatchTab

# Only macOS hands files to a running program as FileOpen events (Finder, the Dock); elsewhere the filter that
# waits for them would only cost a call for every event of the application. Tests set it to see them anywhere.
SYSTEM_SENDS_FILE_OPEN: Final = sys.platform == "darwin"


class FileOpener(QObject):
    """`open(paths)` shows the first on the batch tab (`open_tab()` builds and shows it) and raises `window`."""

    received = Signal(list)  # paths from a second start, emitted on any thread: opened on the window's
    logged = Signal(object)  # LogEntry: what was done with a handed file, or why not

    def __init__(self, window: QWidget, open_tab: Callable[[], BatchTab]) -> None:
        super().__init__(window)
        self._window = window
        self._open_tab = open_tab
        self._waiting: list[str] | None = None  # paths handed before the window was first shown
        self.received.connect(self.open)

    # -- ways in ------------------------------------------------------------------------------------------
    def open_when_shown(self, paths: Sequence[str]) -> None:
        """`open(paths)` once the window is on screen (the command line's files: the window is not shown yet, and
        its first showing sets the room of its tabs and log, which the batch tab then shares out)."""
        if self._window.isVisible():
            self.open(paths)
            return
        self._waiting = list(paths)
        self._window.installEventFilter(self)

    def watch_file_open(self, app: QApplication) -> None:
        """Take macOS' FileOpen events (the filter sees every event of the application: installed only where the
        system sends them)."""
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            self.open([event.file()])
            return True
        if watched is self._window and kind == QEvent.Type.Show and self._waiting is not None:
            paths, self._waiting = self._waiting, None
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, lambda: self.open(paths))  # after the window's own first showing
        return False

    # -- opening ------------------------------------------------------------------------------------------
    def open(self, paths: Sequence[str]) -> bool:
        """Bring the window to the front and show the first of `paths` on the batch tab. True when the tab took
        it (its reading then says the rest); False and a sentence in the log otherwise. No paths: only the
        window comes to the front (a second start without a file)."""
        self.raise_window()
        if not paths:
            return False
        first, *others = paths
        if others:
            names = ", ".join(Path(name).name for name in others)
            self._note(False, self.tr("The batch tab shows one file at a time; not opened: %1").replace("%1", names))
        problem = self._problem(Path(first))
        if problem:
            self._note(False, problem)
            return False
        tab = self._open_tab()
        if tab.busy:
            self._note(False, self.tr("%1 was not opened: a batch is running. Open it on the Batch tab once the "
                                      "batch has ended.").replace("%1", first))  # fmt: skip
            return False

        def loaded(ok: bool) -> None:
            tab.loaded.disconnect(loaded)
            offer = tab.ui.switch_button
            operation = offer.property("operation")
            if not ok and operation and not offer.isHidden():  # the columns are the other operation's
                tab.set_operation(operation)  # read again for it, as the clerk's click on the offer does

        tab.loaded.connect(loaded)
        if not tab.load_file(first):
            tab.loaded.disconnect(loaded)
            return False
        self._note(True, self.tr("Shown on the Batch tab: %1. Nothing is sent before you press Start.")
                   .replace("%1", first))  # fmt: skip
        return True

    def _problem(self, path: Path) -> str | None:
        try:
            if path.is_dir():
                return self.tr("%1 is a folder: choose a CSV or Excel file.").replace("%1", str(path))
            if not path.exists():
                return self.tr("%1 was not found: it may have been moved, renamed or deleted.").replace("%1", str(path))
        except OSError as exc:  # a name the system refuses (too long, a character it cannot hold)
            return self.tr("%1 cannot be opened: %2").replace("%1", str(path)).replace("%2", exc.strerror or "")
        return None

    def raise_window(self) -> None:
        """The window in front: shown again if minimised, and a dialog open in it (Settings, a question) on top."""
        window = self._window
        if window.isMinimized():
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        front = QApplication.activeModalWidget() or window
        if front.isActiveWindow():
            return
        # Windows lets a program come to the front only when the start that handed it the file allowed it
        # (single_instance.hand_over does); the offscreen platform (tests) has no stacking and warns.
        if QGuiApplication.platformName() != "offscreen":
            window.raise_()
            front.raise_()
        front.activateWindow()

    def _note(self, ok: bool, message: str) -> None:
        self.logged.emit(note("batch", ok, message))
