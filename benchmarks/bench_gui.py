"""The window's start-up time, idle memory and event-loop responsiveness, against a bare PySide6 window.

    .venv/bin/python benchmarks/bench_gui.py [--runs 5] [--idle-ms 1000] [--latency-ms 1500] [--xvfb]

1. Start-up, whole process: from spawning a process to the first Paint event of its main window. Each run is
   a fresh ``benchmarks/bench_gui_firstpaint.py`` process: ``demo`` (what ``popbill-gui --demo`` does:
   logging, create_window(demo=True) with its in-process simulator), ``env`` (what ``popbill-gui`` does with
   credentials in POPBILL_* variables: no keyring, settings file in a temp dir) and ``bare`` (a QMainWindow
   with a QTabWidget holding two empty tabs, the same 900 x 620). One warm-up round is discarded, then
   --runs rounds, the three kinds interleaved in a rotating order; medians are reported. Goal: ours at most
   1.5 x bare.
2. Idle memory: VmRSS of each of those processes 1 s (--idle-ms) after its first paint. Goal: at most 1.4 x.
3. Event-loop responsiveness, in this process: the real window (create_window with POPBILL_* pointing at a
   Simulator(latency_ms=1500) started here, settings file in a temp dir) sends one Resend Email; while the
   token request and the call wait on the simulator (about 3 s), a 5 ms precise QTimer records the gaps
   between its timeouts, until the log has the row. The same timer over 1 s of idling first gives the
   machine's own jitter. Goal: worst gap at most 50 ms.

Qt runs on the offscreen platform (QT_QPA_PLATFORM=offscreen) unless --xvfb is given and ``xvfb-run`` exists:
then this whole script re-runs once under one Xvfb server (xcb platform), so the server's start-up is never
inside a measured time. The children's XDG_STATE_HOME and XDG_DATA_HOME point to a temp dir, so the log file
and the history the app opens are not the user's (and the event-loop window has its own empty history too).
Figures only: nothing here passes or fails, the exit status is 0.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from measured import as_installed

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CHILD = HERE / "bench_gui_firstpaint.py"
KINDS = ("demo", "env", "bare")  # the first is the headline "ours"
GOAL_STARTUP = 1.5
GOAL_RSS = 1.4
GOAL_WORST_GAP_MS = 50.0
UNDER_XVFB = "--_under-xvfb"


# ---- 1 and 2: child processes --------------------------------------------------------------------------


@dataclass
class Kind:
    name: str
    paint: list[float] = field(default_factory=list)  # spawn → first Paint event, s
    frame: list[float] = field(default_factory=list)  # spawn → first frame complete, s
    interp: list[float] = field(default_factory=list)  # spawn → first line of the child script, s
    imports: list[float] = field(default_factory=list)  # Qt (+ popbill_gui) imports, s
    build: list[float] = field(default_factory=list)  # QApplication + window construction, s
    show_paint: list[float] = field(default_factory=list)  # show() → first Paint event, s
    rss: list[int] = field(default_factory=list)  # KiB
    hwm: list[int] = field(default_factory=list)  # KiB
    errors: list[str] = field(default_factory=list)
    rss_is_peak: bool = False


def child_env(platform: str, tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POPBILL_")}
    env["QT_QPA_PLATFORM"] = platform
    env["XDG_STATE_HOME"] = str(tmp / "state")  # app._setup_logging writes its log file there (Linux)
    env["XDG_DATA_HOME"] = str(tmp / "data")  # the history read after the first paint: an empty one, not the user's
    from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY

    env.update(POPBILL_LINK_ID=DEMO_LINK_ID, POPBILL_SECRET_KEY=DEMO_SECRET_KEY, POPBILL_CORP_NUM=DEMO_CORP_NUM)
    return env


def run_child(kind: str, env: dict[str, str], idle_ms: int, settings: Path) -> tuple[float, dict[str, Any]]:
    """Spawn one child; its spawn time (perf_counter, the clock the child reports in) and its report."""
    command = [sys.executable, str(CHILD), kind, "--idle-ms", str(idle_ms), "--settings", str(settings)]
    spawned = time.perf_counter()
    proc = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise RuntimeError(f"exit {proc.returncode}: {tail}")
    report = json.loads(lines[-1])
    if not spawned <= report["t_start"] <= report["t_paint"] <= time.perf_counter():
        raise RuntimeError("the child's perf_counter is not this process's clock; times are meaningless")
    return spawned, report


def measure_processes(runs: int, idle_ms: int, platform: str, warmup: bool) -> dict[str, Kind]:
    kinds = {name: Kind(name) for name in KINDS}
    with tempfile.TemporaryDirectory(prefix="bench_gui_") as tmp_name:
        tmp = Path(tmp_name)
        env = child_env(platform, tmp)
        settings = tmp / "settings.json"  # never written: the env kind reads defaults, never the user's file
        rounds = ([-1] if warmup else []) + list(range(runs))
        for r in rounds:
            order = KINDS[r % len(KINDS) :] + KINDS[: r % len(KINDS)] if r >= 0 else KINDS
            for name in order:
                kind = kinds[name]
                try:
                    spawned, rep = run_child(name, env, idle_ms, settings)
                except (RuntimeError, subprocess.TimeoutExpired, ValueError, KeyError) as exc:
                    kind.errors.append(f"round {r}: {exc}")
                    continue
                if r < 0:
                    continue  # warm-up: page cache, font cache, .pyc files
                kind.paint.append(rep["t_paint"] - spawned)
                kind.frame.append(rep.get("t_frame", rep["t_paint"]) - spawned)
                kind.interp.append(rep["t_start"] - spawned)
                kind.imports.append(rep["t_imported"] - rep["t_start"])
                kind.build.append(rep["t_built"] - rep["t_imported"])
                kind.show_paint.append(rep["t_paint"] - rep["t_shown"])
                if "rss_kb" in rep:
                    kind.rss.append(int(rep["rss_kb"]))
                    kind.hwm.append(int(rep.get("hwm_kb", 0)))
                    kind.rss_is_peak = bool(rep.get("rss_is_peak"))
    return kinds


# ---- 3: event loop during a call ---------------------------------------------------------------------------


@dataclass
class Loop:
    idle_gaps: list[float] = field(default_factory=list)  # ms
    call_gaps: list[float] = field(default_factory=list)  # ms
    click_ms: float = math.nan  # time spent inside button.click() on the GUI thread
    call_s: float = math.nan  # click → log row
    row: str = ""
    error: str = ""


def measure_event_loop(latency_ms: float, timer_ms: int, idle_s: float) -> Loop:
    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, qInstallMessageHandler
    from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

    from popbill_gui.app import create_window, ensure_app
    from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator

    def on_qt_message(_kind: object, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:  # the offscreen platform says this on every show()
            print(f"qt: {message}", file=sys.stderr)

    qInstallMessageHandler(on_qt_message)
    result = Loop()
    app = ensure_app()
    # A local loop for each phase: QApplication.quit() would close the window (Qt 6), and its closeEvent shuts
    # the job runner down.
    loop = QEventLoop()
    sim = Simulator(latency_ms=latency_ms).start()
    with tempfile.TemporaryDirectory(prefix="bench_gui_") as tmp:
        environ = {
            "POPBILL_BASE_URL": sim.base_url,
            "POPBILL_AUTH_URL": sim.base_url,
            "POPBILL_CORP_NUM": DEMO_CORP_NUM,
            "POPBILL_LINK_ID": DEMO_LINK_ID,
            "POPBILL_SECRET_KEY": DEMO_SECRET_KEY,
        }
        # Its own history: the user's would be shown in the log after the first paint and count as the answer.
        window = create_window(
            environ=environ, settings_path=Path(tmp) / "settings.json", history_path=Path(tmp) / "history.sqlite3"
        )
        try:
            window.confirm = lambda *_args: True
            baseline_rows = window.log_model.rowCount()

            class Painted(QObject):
                def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                    if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                        if watched.window() is window:
                            app.removeEventFilter(self)
                            QTimer.singleShot(200, loop.quit)  # the first frame, then a little settling
                    return False

            painted = Painted()
            app.installEventFilter(painted)
            deadline = QTimer()
            deadline.setSingleShot(True)
            deadline.timeout.connect(loop.quit)
            deadline.start(15000)
            window.show()
            loop.exec()
            deadline.stop()
            if not window.isVisible():
                result.error = "the window is not visible after its first paint"
                return result

            mgt_key = window.findChild(QLineEdit, "resendMgtKey")
            receiver = window.findChild(QLineEdit, "resendReceiver")
            send = window.findChild(QPushButton, "resendSend")
            if mgt_key is None or receiver is None or send is None:
                result.error = "resendMgtKey, resendReceiver or resendSend not found"
                return result
            mgt_key.setText("INV-2026-0001")
            receiver.setText("name@example.com")
            if not send.isEnabled():
                result.error = "resendSend is disabled after filling the form"
                return result

            ticks: list[float] = []
            marks: dict[str, float] = {}
            timer = QTimer()
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            timer.setInterval(timer_ms)

            def idle_tick() -> None:
                ticks.append(time.perf_counter())
                if ticks[-1] - ticks[0] >= idle_s:
                    timer.stop()
                    loop.quit()

            timer.timeout.connect(idle_tick)
            ticks.append(time.perf_counter())
            timer.start()
            loop.exec()
            result.idle_gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
            timer.timeout.disconnect(idle_tick)

            ticks.clear()

            def call_tick() -> None:
                ticks.append(time.perf_counter())
                if window.log_model.rowCount() > baseline_rows:
                    marks["done"] = ticks[-1]
                    timer.stop()
                    loop.quit()

            def click() -> None:
                marks["click"] = time.perf_counter()
                send.click()
                marks["clicked"] = time.perf_counter()

            timer.timeout.connect(call_tick)
            QTimer.singleShot(0, click)
            deadline.start(int(latency_ms * 2 + 30000))
            ticks.append(time.perf_counter())
            timer.start()
            loop.exec()
            deadline.stop()
            timer.stop()
            result.call_gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
            if "clicked" in marks:
                result.click_ms = (marks["clicked"] - marks["click"]) * 1000
            if "done" not in marks:
                result.error = "no log row within the deadline"
                return result
            result.call_s = marks["done"] - marks["click"]
            entry = window.log_model.entry(window.log_model.rowCount() - 1)
            result.row = f"{'ok' if entry.ok else 'FAILED'} [{entry.code}] {entry.message}"
        finally:
            window.close()
            window.jobs.shutdown(3000)
            sim.stop()
    return result


# ---- report --------------------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def med(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def ratio_text(ours: float, bare: float) -> str:
    return f"{ours / bare:.2f}x" if bare and not math.isnan(ours) and not math.isnan(bare) else "n/a"


def verdict(value: float, goal: float, unit: str) -> str:
    if math.isnan(value):
        return "n/a"
    if value <= goal:
        return "within goal"
    return f"over by {value - goal:.2f}{unit}"


def print_processes(kinds: dict[str, Kind], runs: int) -> None:
    print(f"1+2. start-up to first paint and idle RSS, {runs} runs each (+1 warm-up), medians:")
    print(
        f"  {'kind':<5} {'n':>2} {'paint s':>8} {'min':>7} {'max':>7} {'frame s':>8} {'interp':>7} "
        f"{'imports':>8} {'build':>7} {'show→paint':>10} {'RSS MiB':>8} {'HWM MiB':>8}"
    )
    for k in kinds.values():
        print(
            f"  {k.name:<5} {len(k.paint):>2} {med(k.paint):>8.3f} {min(k.paint, default=math.nan):>7.3f} "
            f"{max(k.paint, default=math.nan):>7.3f} {med(k.frame):>8.3f} {med(k.interp):>7.3f} "
            f"{med(k.imports):>8.3f} {med(k.build):>7.3f} {med(k.show_paint):>10.3f} "
            f"{med(k.rss) / 1024:>8.1f} {med(k.hwm) / 1024:>8.1f}"
        )
        for error in k.errors:
            print(f"  {k.name}: error: {error}")
    if any(k.rss_is_peak for k in kinds.values()):
        print("  note: no /proc here; RSS is the peak from resource.getrusage")
    print("  paint = spawn → first Paint event of the main window; frame = spawn → that frame finished;")
    print("  interp = spawn → the child's first line; imports/build/show→paint split the rest")


def print_loop(loop: Loop, timer_ms: int, latency_ms: float) -> None:
    print(f"3. event loop, {timer_ms} ms precise timer, one Resend Email against Simulator(latency_ms={latency_ms:g}):")
    for label, gaps in (("idle, no call", loop.idle_gaps), ("during call", loop.call_gaps)):
        if gaps:
            print(
                f"  {label:<13} {len(gaps):>4} gaps: median {med(gaps):6.2f} ms, p99 {percentile(gaps, 99):6.2f} ms, "
                f"worst {max(gaps):6.2f} ms, over 16.7 ms: {sum(g > 1000 / 60 for g in gaps)}"
            )
    if not math.isnan(loop.click_ms):
        print(f"  button.click() on the GUI thread: {loop.click_ms:.2f} ms")
    if not math.isnan(loop.call_s):
        print(f"  click → log row: {loop.call_s:.3f} s; row: {loop.row}")
    if loop.error:
        print(f"  error: {loop.error}")


def print_summary(kinds: dict[str, Kind], loop: Loop) -> None:
    bare = kinds["bare"]
    rows: list[tuple[str, str, str, str, str, str]] = []
    for name in ("demo", "env"):
        ours = kinds[name]
        r = med(ours.paint) / med(bare.paint) if ours.paint and bare.paint else math.nan
        rows.append(
            (
                f"start-up to first paint ({name})",
                f"{med(ours.paint):.3f} s",
                f"{med(bare.paint):.3f} s",
                ratio_text(med(ours.paint), med(bare.paint)),
                f"<= {GOAL_STARTUP}x",
                verdict(r, GOAL_STARTUP, "x"),
            )
        )
    for name in ("demo", "env"):
        ours = kinds[name]
        r = med(ours.rss) / med(bare.rss) if ours.rss and bare.rss else math.nan
        rows.append(
            (
                f"idle RSS, paint + 1 s ({name})",
                f"{med(ours.rss) / 1024:.1f} MiB",
                f"{med(bare.rss) / 1024:.1f} MiB",
                ratio_text(med(ours.rss), med(bare.rss)),
                f"<= {GOAL_RSS}x",
                verdict(r, GOAL_RSS, "x"),
            )
        )
    worst = max(loop.call_gaps, default=math.nan)
    rows.append(
        (
            "event loop worst gap, during call",
            f"{worst:.1f} ms",
            f"{max(loop.idle_gaps, default=math.nan):.1f} ms idle",
            "",
            f"<= {GOAL_WORST_GAP_MS:g} ms",
            verdict(worst, GOAL_WORST_GAP_MS, " ms"),
        )
    )
    rows.append(
        (
            "event loop p99 gap, during call",
            f"{percentile(loop.call_gaps, 99):.1f} ms",
            f"{percentile(loop.idle_gaps, 99):.1f} ms idle",
            "",
            "",
            "",
        )
    )
    header = ("figure", "ours", "bare / baseline", "ratio", "goal", "")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    print("summary:")
    for row in [header, *rows]:
        print("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def main(argv: Sequence[str] | None = None) -> int:
    as_installed()  # children use .pyc files, as the installed program does (measured.py)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="measured runs of each kind of process (default 5)")
    parser.add_argument("--idle-ms", type=int, default=1000, help="idle time after first paint before RSS")
    parser.add_argument("--latency-ms", type=float, default=1500, help="simulator latency for the event-loop test")
    parser.add_argument("--timer-ms", type=int, default=5, help="event-loop probe interval (default 5)")
    parser.add_argument("--no-warmup", action="store_true", help="count the first round too")
    parser.add_argument("--xvfb", action="store_true", help="run under one xvfb-run server instead of offscreen")
    parser.add_argument(UNDER_XVFB, action="store_true", help=argparse.SUPPRESS)
    raw = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(raw)

    platform = "offscreen"
    if args.xvfb and not args._under_xvfb:
        xvfb_run = shutil.which("xvfb-run")
        if xvfb_run:
            command = [xvfb_run, "-a", "-s", "-screen 0 1280x1024x24", sys.executable, __file__, *raw, UNDER_XVFB]
            env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
            subprocess.run(command, env=env, check=False)
            return 0
        print("--xvfb: xvfb-run not found; using the offscreen platform")
    elif args._under_xvfb:
        platform = "xcb"
    os.environ["QT_QPA_PLATFORM"] = platform

    import PySide6

    started = time.perf_counter()
    print(
        f"bench_gui: Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, Qt platform {platform}, "
        f"{os.cpu_count()} CPUs"
    )
    kinds = measure_processes(args.runs, args.idle_ms, platform, not args.no_warmup)
    print_processes(kinds, args.runs)
    loop = measure_event_loop(args.latency_ms, args.timer_ms, idle_s=1.0)
    print_loop(loop, args.timer_ms, args.latency_ms)
    print_summary(kinds, loop)
    elapsed = time.perf_counter() - started
    print(f"(ours = demo: `popbill-gui --demo`; env: credentials from POPBILL_*; whole run {elapsed:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
