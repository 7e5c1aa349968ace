"""Searching 9 months of invoices: popbill_gui's search_all against the vendor SDK's search() looped by hand.

    .venv/bin/python benchmarks/bench_search.py [--repeat 5] [--latency-ms 50] [--book-size 3000] [--sdk-python PATH]

A simulator runs in its own process with a bigger book (3,000 invoices over nine months: about 1,500 of them
sales) and 50 ms latency per request. Both sides search SELL from nine months ago to yesterday, written date:
ours with one call of `search_all` (benchmarks/loop_search_ours.py), the SDK's `search()` over the same windows
(newest first) and every page of 1000 (benchmarks/loop_search_sdk.py). Each measured run is a fresh process;
the runs alternate and the median is reported. The simulator counts the requests each run made, and the
harness works out how many were needed from the book itself (one per page, a page per window at least).
Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from bench_client import LOOP_ENV, find_sdk_python

from popbill_gui.core.invoices import add_months
from popbill_gui.core.lookup import split_windows

HERE = Path(__file__).resolve().parent
GOAL_RATIO = 1.1
PER_PAGE = 1000


# ---- the simulator, in its own process ---------------------------------------------------------------------


def serve(latency_ms: float, book_size: int, today: date) -> int:
    """--serve: run a simulator; print its URL; answer "count" (requests by kind, then forgotten) on stdin."""
    from popbill_gui.simulator import Simulator

    with Simulator(latency_ms=latency_ms, book_size=book_size, book_today=today) as sim:
        print(sim.base_url, flush=True)
        for line in sys.stdin:
            if line.strip() == "count":
                kinds = [r.kind for r in sim.requests]
                sim.requests.clear()
                print(json.dumps({kind: kinds.count(kind) for kind in set(kinds)}), flush=True)
    return 0


class SimulatorProcess:
    def __init__(self, latency_ms: float, book_size: int, today: date) -> None:
        command = [sys.executable, str(Path(__file__).resolve()), "--serve", "--latency-ms", f"{latency_ms:g}",
                   "--book-size", str(book_size), "--today", today.isoformat()]  # fmt: skip
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.base_url = self._line(30)
        if not self.base_url.startswith("http"):
            self.stop()
            raise RuntimeError(f"the simulator did not start (first line {self.base_url!r})")

    def _line(self, timeout: float) -> str:
        stdout = self.proc.stdout
        assert stdout is not None
        got: list[str] = []
        reader = threading.Thread(target=lambda: got.append(stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        return got[0].strip() if got else ""

    def counts(self) -> dict[str, int]:
        """Requests received since the last call, by kind."""
        assert self.proc.stdin is not None
        self.proc.stdin.write("count\n")
        self.proc.stdin.flush()
        counts: dict[str, int] = json.loads(self._line(30))
        return counts

    def stop(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()


# ---- measured runs -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    total: float  # seconds, spawn to exit
    loop: float  # seconds inside the process: token and searches
    searches: int  # as the simulator counted them
    tokens: int
    invoices: int


def run(sim: SimulatorProcess, command: list[str]) -> Run:
    sim.counts()  # forget whatever came before
    start = time.perf_counter()
    done = subprocess.run(command, env=LOOP_ENV, capture_output=True, text=True, timeout=600, check=False)
    total = time.perf_counter() - start
    fields = done.stdout.split()
    if done.returncode != 0 or len(fields) < 4 or fields[0] != "ok":
        detail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{Path(command[1]).name} failed (exit {done.returncode}): {detail}")
    counts = sim.counts()
    return Run(total, float(fields[2]), counts.get("search", 0), counts.get("token", 0), int(fields[3]))


def median(runs: list[Run], attribute: str) -> float:
    return float(statistics.median(getattr(r, attribute) for r in runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="measured processes per side (median)")
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--book-size", type=int, default=3000, help="invoices of all types in the book")
    parser.add_argument("--sdk-python", help="interpreter with the vendor's popbill SDK (POPBILL_SDK_PYTHON)")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        return serve(args.latency_ms, args.book_size, args.today)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    from popbill_gui.simulator.book import generate

    today = date.today()
    end = today - timedelta(days=1)
    start = add_months(end, -9) + timedelta(days=1)
    windows = split_windows(start, end, newest_first=True)
    sold = [i for i in generate(today, size=args.book_size) if i.mgt_key_type == "SELL"]
    per_window = [sum(1 for i in sold if f"{a:%Y%m%d}" <= i.fields["writeDate"] <= f"{b:%Y%m%d}") for a, b in windows]
    needed = sum(max(1, math.ceil(n / PER_PAGE)) for n in per_window)
    sdk, origin = find_sdk_python(args.sdk_python)
    print(f"ours: {sys.executable}")
    print(f"SDK:  {sdk} (from {origin})" if sdk else f"SDK:  skipped: {origin}")
    print(f"book: {args.book_size} invoices, {sum(per_window)} sales {start}..{end}; latency {args.latency_ms:g} ms")
    shown = [f"{a}..{b} ({n})" for (a, b), n in zip(windows, per_window, strict=True)]
    print(f"windows (newest first): {', '.join(shown)}")
    print(f"searches needed: {needed} (one per page of {PER_PAGE}, at least one per window)")

    sim = SimulatorProcess(args.latency_ms, args.book_size, today)
    try:
        ours_cmd = [sys.executable, str(HERE / "loop_search_ours.py"), sim.base_url, "SELL", str(start), str(end)]
        spans = [f"{a:%Y%m%d}:{b:%Y%m%d}" for a, b in windows]
        plan = [("ours", ours_cmd)]
        if sdk:
            plan.append(("SDK", [sdk, str(HERE / "loop_search_sdk.py"), sim.base_url, "SELL", *spans]))
        runs: dict[str, list[Run]] = {name: [] for name, _ in plan}
        for _, command in plan:  # one untimed run each: disk caches warm, the book made
            run(sim, command)
        for i in range(args.repeat):
            for name, command in plan if i % 2 == 0 else reversed(plan):
                runs[name].append(run(sim, command))
    except RuntimeError as exc:
        print(f"\nbench_search: {exc}")
        return 1
    finally:
        sim.stop()

    print(f"\n== SELL, {start} to {end}, median of {args.repeat} fresh processes each")
    print(f"  {'':5} {'searches':>8} {'tokens':>6} {'invoices':>8} {'loop s':>8} {'total s':>8}")
    print("  (loop: inside the process, the token and the searches; total: spawn to exit)")
    for name, series in runs.items():
        print(
            f"  {name:5} {median(series, 'searches'):8.0f} {median(series, 'tokens'):6.0f} "
            f"{median(series, 'invoices'):8.0f} {median(series, 'loop'):8.3f} {median(series, 'total'):8.3f}"
        )
    mine = runs["ours"]
    extra = max(r.searches for r in mine) - needed
    print("\n== summary")
    verdict = "no more than needed" if extra <= 0 else f"{extra} too many"
    print(f"  searches: ours {mine[0].searches}, needed {needed}: {verdict}")
    if "SDK" in runs:
        theirs = runs["SDK"]
        loop_ratio = median(mine, "loop") / median(theirs, "loop")
        total_ratio = median(mine, "total") / median(theirs, "total")
        print(f"  time ours/SDK: {loop_ratio:.2f}x the search itself (goal <= {GOAL_RATIO}x)")
        print(f"                 {total_ratio:.2f}x whole process, start-up included")
        same = {r.invoices for r in mine} | {r.invoices for r in theirs}
        print(f"  invoices found: {'the same on both sides' if len(same) == 1 else f'differ: {sorted(same)}'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
