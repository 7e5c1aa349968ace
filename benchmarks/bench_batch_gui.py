"""One measured process: the window's event loop while its batch tab runs a batch against a simulator.

    .venv/bin/python benchmarks/bench_batch_gui.py http://127.0.0.1:PORT FILE.csv TMPDIR [--timer-ms 5]

The real window is built offscreen with create_window(environ={POPBILL_* pointing at the simulator, demo
credentials, POPBILL_HISTORY in TMPDIR}, settings_path=TMPDIR/settings.json) and its batch tab shown
(popbill_gui/ui/batch/batch_tab.py). Every confirmation answers yes (the tab's confirm, the window's, and any
modal dialog that opens anyway is accepted). After the first paint, a 5 ms precise QTimer records the gaps
between its timeouts: 1 s idle (the machine's own jitter), then from the moment start() is called (its own time
on the GUI thread counts) until ``busy`` is False again. A watchdog thread samples the GUI thread's Python stack
whenever the timer is late by more than --stall-ms, so a long gap comes with where the GUI thread was.
Prints one JSON line; bench_batch.py spawns this script.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import math
import os
import sqlite3
import sys
import threading
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any

GAP_LIMITS_MS = (16.7, 50.0)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def gap_stats(gaps: Sequence[float]) -> dict[str, Any]:
    return {
        "n": len(gaps),
        "median": percentile(gaps, 50),
        "p99": percentile(gaps, 99),
        "worst": max(gaps, default=math.nan),
        "over": {f"{limit:g}": sum(g > limit for g in gaps) for limit in GAP_LIMITS_MS},
    }


def emit(report: dict[str, Any]) -> int:
    print(json.dumps(report, default=str), flush=True)
    return 0


def _where(frame: FrameType | None) -> str:
    """The GUI thread's innermost frames of the application (popbill_gui), else its innermost frame."""
    stack = traceback.extract_stack(frame) if frame is not None else []
    ours = [f for f in stack if "popbill_gui" in f.filename.replace(os.sep, "/")]
    if not ours:
        if stack and stack[-1].name in ("exec", "exec_", "main", "run_phase"):
            return "inside Qt (no application Python frame: layout, painting, event dispatch)"
        last = stack[-1] if stack else None
        return f"{Path(last.filename).name}:{last.lineno} {last.name}" if last else "?"
    parts = [f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in ours[-3:]]
    inner = stack[-1]
    if inner is not ours[-1]:
        parts.append(f"-> {Path(inner.filename).name}:{inner.lineno} {inner.name}")
    return " < ".join(reversed(parts))


class Watchdog(threading.Thread):
    """Samples the GUI thread's stack every few ms while the timer is late by more than `stall_ms`."""

    def __init__(self, gui_ident: int, last_tick: list[float], stall_ms: float) -> None:
        super().__init__(name="gui-watchdog", daemon=True)
        self.gui_ident = gui_ident
        self.last_tick = last_tick
        self.stall = stall_ms / 1000
        self.samples: collections.Counter[str] = collections.Counter()
        self.active = threading.Event()
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.wait(0.005):
            if self.active.is_set() and time.perf_counter() - self.last_tick[0] > self.stall:
                frame = sys._current_frames().get(self.gui_ident)
                self.samples[_where(frame)] += 1


def history_counts(path: Path) -> dict[str, int]:
    if not path.exists():
        return {}
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            rows = conn.execute("SELECT state, COUNT(*) FROM batch_rows GROUP BY state").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return {"error": str(exc)}  # type: ignore[dict-item]
    return {str(state): int(count) for state, count in rows}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("file")
    parser.add_argument("tmp")
    parser.add_argument("--timer-ms", type=int, default=5)
    parser.add_argument("--idle-s", type=float, default=1.0)
    parser.add_argument("--stall-ms", type=float, default=25.0, help="sample the GUI stack when a tick is this late")
    parser.add_argument("--deadline-s", type=float, default=180.0)
    parser.add_argument("--concurrency", type=int, default=0, help="set the tab's concurrency (0: leave its default)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

    from popbill_gui.app import create_window, ensure_app
    from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY

    def on_qt_message(_kind: object, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:  # the offscreen platform says this on every show()
            print(f"qt: {message}", file=sys.stderr)

    qInstallMessageHandler(on_qt_message)
    tmp = Path(args.tmp)
    history_path = tmp / "gui-history.sqlite3"
    report: dict[str, Any] = {"status": "ok"}
    app = ensure_app()
    loop = QEventLoop()
    environ = {
        "POPBILL_BASE_URL": args.base_url,
        "POPBILL_AUTH_URL": args.base_url,
        "POPBILL_CORP_NUM": DEMO_CORP_NUM,
        "POPBILL_LINK_ID": DEMO_LINK_ID,
        "POPBILL_SECRET_KEY": DEMO_SECRET_KEY,
        "POPBILL_HISTORY": str(history_path),
    }

    def yes(*_args: object, **_kwargs: object) -> bool:
        return True

    accepted: list[str] = []

    def accept_modal() -> None:
        """A modal dialog that opened despite the replaced confirms: answer yes, and say so in the report."""
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox):
            button = widget.button(QMessageBox.StandardButton.Yes) or widget.button(QMessageBox.StandardButton.Ok)
            accepted.append(widget.text()[:80])
            if button is not None:
                button.click()
            else:
                widget.accept()
        elif isinstance(widget, QDialog):
            accepted.append(type(widget).__name__)
            widget.accept()

    modal_timer = QTimer()
    modal_timer.timeout.connect(accept_modal)
    modal_timer.start(50)

    window = create_window(environ=environ, settings_path=tmp / "settings.json")
    window.confirm = yes
    window.tabs.setCurrentWidget(window.batch_page)  # as a user does: the tab is built when first shown
    tab = window.batch_tab
    report["route"] = "window (objectName batchTab)"

    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)

    def run_phase(seconds: float) -> None:
        deadline.start(int(seconds * 1000))
        loop.exec()
        deadline.stop()

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.window() is window:
                app.removeEventFilter(self)
                QTimer.singleShot(300, loop.quit)  # the first frame, then a little settling
            return False

    painted = Painted()
    app.installEventFilter(painted)
    watchdog: Watchdog | None = None
    try:
        window.show()
        run_phase(15)

        ticks: list[float] = []
        last_tick = [time.perf_counter()]
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(args.timer_ms)

        def idle_tick() -> None:
            ticks.append(time.perf_counter())
            if ticks[-1] - ticks[0] >= args.idle_s:
                timer.stop()
                loop.quit()

        timer.timeout.connect(idle_tick)
        ticks.append(time.perf_counter())
        timer.start()
        run_phase(args.idle_s + 10)
        timer.timeout.disconnect(idle_tick)
        report["idle"] = gap_stats([(b - a) * 1000 for a, b in itertools.pairwise(ticks)])

        tab.set_operation("resend_email")
        spin = tab.ui.concurrency
        if args.concurrency:
            spin.setValue(args.concurrency)
        report["concurrency"] = spin.value()
        t0 = time.perf_counter()
        loaded = tab.load_file(args.file)
        report["load_file_ms"] = (time.perf_counter() - t0) * 1000  # returns at once; read on a job
        if loaded:
            outcome: list[bool] = []
            tab.loaded.connect(lambda ok: (outcome.append(ok), loop.quit()))
            run_phase(30)
            report["read_ms"] = (time.perf_counter() - t0) * 1000
            loaded = bool(outcome and outcome[0])
        if not loaded:
            report.update(status="error", error="load_file() returned False for the 1000-row SendEmail file")
            return emit(report)
        run_phase(0.3)  # the preview table is painted before the batch starts

        watchdog = Watchdog(threading.get_ident(), last_tick, args.stall_ms)
        watchdog.start()
        ticks.clear()
        marks: dict[str, float] = {}

        def start() -> None:
            marks["start"] = time.perf_counter()
            marks["started"] = float(bool(tab.start()))
            marks["start_ms"] = (time.perf_counter() - marks["start"]) * 1000

        def batch_tick() -> None:
            now = time.perf_counter()
            ticks.append(now)
            last_tick[0] = now
            if "start" not in marks or "start_ms" not in marks:
                return
            if not marks["started"]:
                timer.stop()
                loop.quit()
            elif tab.busy:
                marks.setdefault("busy_seen", now)
            elif "busy_seen" in marks or now - marks["start"] > 5:
                marks["done"] = now
                timer.stop()
                loop.quit()

        timer.timeout.connect(batch_tick)
        ticks.append(time.perf_counter())
        last_tick[0] = ticks[-1]
        watchdog.active.set()
        timer.start()
        QTimer.singleShot(0, start)
        run_phase(args.deadline_s)
        watchdog.active.clear()
        timer.stop()

        if "started" in marks and not marks["started"]:
            report.update(status="error", error="start() returned False")
        elif "done" not in marks:
            report.update(status="error", error=f"the batch was still busy after {args.deadline_s:g} s")
        elif "busy_seen" not in marks:
            report.update(status="error", error="busy never became True within 5 s of start()")
        gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
        report["batch"] = gap_stats(gaps)
        start_at = marks.get("start", ticks[0] if ticks else 0.0)
        worst = sorted(range(len(gaps)), key=lambda i: -gaps[i])[:5]
        # Where in the batch the worst gaps ended, in seconds after start() was called.
        report["worst_gaps"] = [[gaps[i], ticks[i + 1] - start_at] for i in sorted(worst)]
        report["start_ms"] = marks.get("start_ms", math.nan)
        report["batch_s"] = marks["done"] - marks["start"] if "done" in marks else math.nan
        report["stalls"] = watchdog.samples.most_common(8)
        report["stall_ms"] = args.stall_ms
        run_phase(0.2)
        report["rows"] = history_counts(history_path)
        report["modal_dialogs_accepted"] = accepted
    finally:
        if watchdog is not None:
            watchdog.halt.set()
        modal_timer.stop()
        window.close()
        jobs = getattr(window, "jobs", None)
        if jobs is not None:
            jobs.shutdown(3000)
    return emit(report)


if __name__ == "__main__":
    sys.exit(main())
