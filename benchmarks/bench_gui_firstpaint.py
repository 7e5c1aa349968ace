"""Child of bench_gui.py: start one window, note the first paint, idle, report one JSON line, exit.

    python benchmarks/bench_gui_firstpaint.py bare|demo|env [--idle-ms 1000] [--settings PATH]

bare  a QMainWindow holding a QTabWidget with two empty tabs, 900 x 620 like ours
demo  what `popbill-gui --demo` does: logging set up, create_window(demo=True) (in-process simulator)
env   what `popbill-gui` does with POPBILL_LINK_ID/POPBILL_SECRET_KEY/POPBILL_CORP_NUM in the environment
      (no keyring read), settings read from --settings

Times are time.perf_counter() values, a system-wide monotonic clock, so the parent subtracts the moment it
spawned this process. The first statement takes the first time: interpreter start-up before it counts in
the parent's figure, not in t_start.
"""

import time

T_START = time.perf_counter()

import argparse  # noqa: E402 -- after the first clock reading on purpose
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402


def _rss_kb() -> dict[str, int]:
    """VmRSS and VmHWM in KiB from /proc; elsewhere the peak from resource (or nothing)."""
    try:
        fields = {}
        for line in Path("/proc/self/status").read_text().splitlines():
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(rest.split()[0])
        if "VmRSS" in fields:
            return {"rss_kb": fields["VmRSS"], "hwm_kb": fields.get("VmHWM", 0)}
    except OSError:
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        peak_kb = peak // 1024 if sys.platform == "darwin" else peak
        return {"rss_kb": peak_kb, "hwm_kb": peak_kb, "rss_is_peak": 1}
    except (ImportError, OSError):
        return {}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["bare", "demo", "env"])
    parser.add_argument("--idle-ms", type=int, default=1000)
    parser.add_argument("--settings", type=Path, default=None)
    parser.add_argument("--timeout-ms", type=int, default=30000)
    args = parser.parse_args()
    report: dict[str, object] = {"kind": args.kind, "t_start": T_START}

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

    window: QMainWindow
    if args.kind == "bare":
        report["t_imported"] = time.perf_counter()
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        tabs = QTabWidget(window)
        tabs.addTab(QWidget(tabs), "Resend Email")
        tabs.addTab(QWidget(tabs), "Assign MgtKey")
        window.setCentralWidget(tabs)
        window.resize(900, 620)
    else:
        from popbill_gui import app as gui_app

        report["t_imported"] = time.perf_counter()
        setup_logging = getattr(gui_app, "_setup_logging", None)  # main() does it; XDG dirs point to a temp dir
        if setup_logging is not None:
            setup_logging()
        app = gui_app.ensure_app()
        if args.kind == "demo":
            window = gui_app.create_window(demo=True)
        else:
            window = gui_app.create_window(environ=os.environ, settings_path=args.settings)
    report["t_built"] = time.perf_counter()

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint:
                if isinstance(watched, QWidget) and watched.window() is window:
                    self.done = True
                    report["t_paint"] = time.perf_counter()
                    # Runs once the whole first frame (every widget painted, backing store flushed) is done.
                    QTimer.singleShot(0, lambda: report.__setitem__("t_frame", time.perf_counter()))
                    QTimer.singleShot(args.idle_ms, finish)
            return False

    def finish() -> None:
        report.update(_rss_kb())
        app.quit()

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    QTimer.singleShot(args.timeout_ms, app.quit)
    window.show()
    if args.kind != "bare" and hasattr(gui_app, "_open_log_file"):  # main() opens the log file after the paint
        QTimer.singleShot(gui_app.LOG_FILE_DELAY_MS, gui_app._open_log_file)
    report["t_shown"] = time.perf_counter()
    app.exec()
    app.removeEventFilter(watcher)
    print(json.dumps(report), flush=True)
    window.close()
    jobs = getattr(window, "jobs", None)
    if jobs is not None:
        jobs.shutdown(2000)
    return 0 if watcher.done else 1


if __name__ == "__main__":
    sys.exit(main())
