"""Issue 20's table in one run: each figure with its anchor measured in the same run, then the table.

    .venv/bin/python benchmarks/bench_all.py [--repeat 3] [--runs 7] [--only batch,startup,send,check,client]

1. 800 SendEmail at 50 ms latency, `popbill-cli batch --concurrency 8`, against the vendor SDK's sequential loop
   (bench_batch.py part 1). The limit is 8x; goal at least 7.6x.
2. 1,000 SendEmail at 5 ms, `popbill-cli batch --concurrency 1`, whole process, against the SDK's loop
   (bench_batch.py part 2). Goal at most 1.1x.
3. Start to first paint and idle memory (1 s after the paint) of the real window, credentials from POPBILL_*,
   against a bare two-tab PySide6 window (bench_gui.py). Goals at most 1.3x and 1.25x.
4. The worst event-loop gap when Send is clicked as soon as the window is exposed, every run (bench_first_send.py).
   Goal at most 50 ms in every run.
5. `popbill-cli batch resend-email FILE --check` over 100,000 distinct addresses against email-validator alone on
   the same addresses, both whole processes (bench_check.py). Goal at most 0.5x.
6. Client CPU per call at 0 ms latency against the SDK's (bench_client.py). Goal at most 1.2x.

The package size (bench_package.py) and the test suite's time (`scripts/dev test`) are measured where they are
built. The SDK's interpreter: --sdk-python, POPBILL_SDK_PYTHON or .venv-sdk/ (see DEVELOPMENT.md). On a shared
machine the figures move with the load (printed before and after): compare runs made under a similar load.
Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import bench_batch
import bench_check
import bench_client
import bench_first_send
import bench_gui
from measured import as_installed, load_line

PARTS = ("batch", "startup", "send", "check", "client")


@dataclass
class Figure:
    name: str
    anchor: str
    ours: str
    ratio: float | None  # ours / anchor, or the figure itself for the gap
    goal: str
    met: bool | None


def _fmt(value: float | None, unit: str = "x") -> str:
    return "n/a" if value is None or math.isnan(value) else f"{value:.2f}{unit}"


def batch_figures(args: argparse.Namespace, sdk: str | None, tmp: Path) -> list[Figure]:
    report = bench_batch.Report()
    speed = bench_batch.part1(argparse.Namespace(speedup_rows=800, repeat=args.repeat), sdk, tmp, report)
    whole = bench_batch.part2(argparse.Namespace(rows=1000, repeat=args.repeat), sdk, tmp, report)
    anchor = "SDK loop" if sdk else "our own loop (no SDK interpreter)"
    return [
        Figure(
            "800 SendEmail, 50 ms, concurrency 8: speed-up",
            f"{anchor} {speed['loop_s']:.2f} s",
            f"{speed['batch_s']:.2f} s",
            speed["speedup"],
            ">= 7.6x (limit 8x)",
            speed["speedup"] >= bench_batch.GOAL_SPEEDUP,
        ),
        Figure(
            "1,000 SendEmail, 5 ms, concurrency 1, whole process",
            f"SDK loop {whole['sdk_s']:.2f} s",
            f"{whole['batch_s']:.2f} s",
            whole["ratio"],
            "<= 1.1x",
            None if math.isnan(whole["ratio"]) else whole["ratio"] <= bench_batch.GOAL_RATIO,
        ),
    ]


def startup_figures(args: argparse.Namespace) -> list[Figure]:
    kinds = bench_gui.measure_processes(args.runs, 1000, os.environ.get("QT_QPA_PLATFORM", "offscreen"), True)
    bench_gui.print_processes(kinds, args.runs)
    ours, bare = kinds["env"], kinds["bare"]
    paint = statistics.median(ours.paint) / statistics.median(bare.paint) if ours.paint and bare.paint else math.nan
    rss = statistics.median(ours.rss) / statistics.median(bare.rss) if ours.rss and bare.rss else math.nan
    return [
        Figure(
            "start to first paint",
            f"bare two-tab window {statistics.median(bare.paint):.3f} s",
            f"{statistics.median(ours.paint):.3f} s",
            paint,
            "<= 1.3x",
            paint <= 1.3,
        ),
        Figure(
            "idle memory, 1 s after the paint",
            f"bare window {statistics.median(bare.rss) / 1024:.1f} MiB",
            f"{statistics.median(ours.rss) / 1024:.1f} MiB",
            rss,
            "<= 1.25x",
            rss <= 1.25,
        ),
    ]


def send_figures(args: argparse.Namespace) -> list[Figure]:
    r = bench_first_send.measure(runs=args.runs)
    worsts = ", ".join(f"{x['worst']:.0f}" for x in r["results"] if "worst" in x)
    print(f"\n== first Send as the window appears: worst gap per run (ms): {worsts}")
    return [
        Figure(
            "worst event-loop gap, first Send right after the window appears",
            f"{r['runs']} runs: median of the runs' worst {r['median_worst']:.1f} ms",
            f"{r['max_worst']:.1f} ms worst",
            None,
            "<= 50 ms every run",
            r["runs_over"] == 0 and r["runs"] > 0,
        )
    ]


def check_figures(args: argparse.Namespace) -> list[Figure]:
    r = bench_check.measure(100_000, max(args.repeat, 3))
    print(f"\n== --check, 100,000 addresses: {r['ours_s']:.2f} s vs {r['lib_s']:.2f} s; verdicts apart {r['apart']}")
    return [
        Figure(
            "--check over 100,000 distinct addresses, whole run",
            f"email-validator alone {r['lib_s']:.2f} s",
            f"{r['ours_s']:.2f} s",
            r["ratio"],
            "<= 0.5x, same verdicts",
            r["ratio"] <= bench_check.GOAL_RATIO and r["apart"] == 0,
        )
    ]


def client_figures(args: argparse.Namespace, sdk: str | None) -> list[Figure]:
    if sdk is None:
        return [Figure("per-call client CPU at 0 ms", "SDK: not found", "n/a", None, "<= 1.2x", None)]
    with bench_client.SimulatorProcess(0) as sim:
        mine, theirs = bench_client.measure(sim.base_url, 1000, args.repeat, sys.executable, sdk)
    assert theirs is not None
    ours_cpu, sdk_cpu = mine.median("loop_cpu") / 1000, theirs.median("loop_cpu") / 1000
    ratio = ours_cpu / sdk_cpu
    return [
        Figure(
            "per-call client CPU at 0 ms (bench_client)",
            f"SDK {sdk_cpu * 1e6:.0f} µs",
            f"{ours_cpu * 1e6:.0f} µs",
            ratio,
            "<= 1.2x",
            ratio <= bench_client.GOAL_CPU_RATIO,
        )
    ]


def print_table(figures: Sequence[Figure]) -> None:
    header = ("figure", "anchor (same run)", "ours", "ratio", "goal", "")
    rows = [
        (f.name, f.anchor, f.ours, _fmt(f.ratio), f.goal, "" if f.met is None else "met" if f.met else "NOT met")
        for f in figures
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print("\n== issue 20's table")
    for row in [header, *rows]:
        print("  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def main(argv: Sequence[str] | None = None) -> int:
    as_installed()  # children use .pyc files, as the installed program does (measured.py)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="processes per batch, --check and client figure")
    parser.add_argument("--runs", type=int, default=7, help="windows started for start-up and the first Send")
    parser.add_argument("--only", default=",".join(PARTS), help=f"which figures, of {','.join(PARTS)}")
    parser.add_argument("--sdk-python", help="interpreter with the vendor's popbill SDK (POPBILL_SDK_PYTHON)")
    args = parser.parse_args(argv)
    wanted = set(args.only.split(","))
    sdk, origin = bench_client.find_sdk_python(args.sdk_python)
    started = time.perf_counter()
    print(f"bench_all: Python {sys.version.split()[0]}; SDK {sdk or 'not found'} ({origin})")
    print(f"before: {load_line()}")
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="bench_all_") as tmp:
        if "batch" in wanted:
            figures += batch_figures(args, sdk, Path(tmp))
        if "startup" in wanted:
            figures += startup_figures(args)
        if "send" in wanted:
            figures += send_figures(args)
        if "check" in wanted:
            figures += check_figures(args)
        if "client" in wanted:
            figures += client_figures(args, sdk)
    print_table(figures)
    print(f"after: {load_line()}; whole run {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
