"""Batches against the simulator: speed-up, whole-process cost with the journal, memory, window responsiveness.

    .venv/bin/python benchmarks/bench_batch.py [--rows 1000] [--repeat 3] [--mem-rows 10000] [--sdk-python PATH]
        [--parts 1234] [--tracemalloc]

Every simulator is its own process (``popbill-cli simulator --latency-ms N``), every measured run a fresh
process timed from spawn to exit, every history a fresh SQLite file in a temp dir (POPBILL_HISTORY), all on
loopback with the simulator's demo credentials in POPBILL_LINK_ID / POPBILL_SECRET_KEY / POPBILL_CORP_NUM.

1. Speed-up, 50 ms latency: ``popbill-cli batch resend-email FILE --concurrency 8`` over --speedup-rows (800)
   SendEmail rows (distinct MgtKeys) against the vendor SDK's sequential loop of as many calls
   (benchmarks/loop_sdk.py, when an SDK interpreter is found as bench_client.py finds it; else our own loop,
   benchmarks/loop_ours.py), --repeat times interleaved, medians. The limit is 8x (N·L / (N·L/C)); goal (issue 20):
   at least 7.6x, 95% of it.
2. Whole process at 5 ms latency: ``popbill-cli batch ... --concurrency 1`` over --rows (1000) rows (start-up,
   file, journal, results) against the SDK's loop, --repeat times interleaved, medians. Goal: at most 1.1x the
   SDK's loop. Our plain loop is shown too; the per-row journal cost is (batch - our loop) / rows. Where the
   batch's time goes comes from its own journal (row times and call durations) and an in-process timing of the
   journal's one write per row (a row's answer with the next row's mark, durable).
3. Memory, 0 ms latency: benchmarks/bench_batch_memory.py runs --mem-rows rows in-process (open_client,
   read_batch, History, BatchRunner at concurrency 8); peak RSS growth = VmHWM after the run - VmRSS before
   the file is read. Goal: under 20 MB. --tracemalloc adds a second run tracing Python's allocations (slow).
4. The window's event loop during a --rows batch (benchmarks/bench_batch_gui.py, offscreen): worst and p99 gap
   of a 5 ms timer from start() until the tab is no longer busy. Goal: at most 50 ms.

Figures only: no assertion, the exit status is 0.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench_client import Run, SimulatorProcess, find_sdk_python, run_loop
from measured import as_installed

from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOAL_SPEEDUP = 7.6  # issue 20: 95% of the 8x limit (N·L/C)
GOAL_RATIO = 1.1
GOAL_GROWTH_MB = 20.0
GOAL_GAP_MS = 50.0
CONCURRENCY = 8


@dataclass
class Goal:
    figure: str
    value: str
    goal: str
    met: bool | None  # None: not measured
    note: str = ""


@dataclass
class Report:
    goals: list[Goal] = field(default_factory=list)

    def add(self, figure: str, value: str, goal: str, met: bool | None, note: str = "") -> None:
        self.goals.append(Goal(figure, value, goal, met, note))


# ---- processes ---------------------------------------------------------------------------------------------


def _cli() -> list[str]:
    cli = Path(sys.executable).parent / ("popbill-cli.exe" if os.name == "nt" else "popbill-cli")
    return [str(cli)] if cli.exists() else [sys.executable, "-c", "from popbill_gui.cli import main; main()"]


def product_env(base_url: str, history: Path, tmp: Path) -> dict[str, str]:
    """The environment of a measured popbill-cli: the simulator, demo credentials, a fresh history."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POPBILL_")}
    env.update(
        POPBILL_ENV="test",
        POPBILL_BASE_URL=base_url,
        POPBILL_AUTH_URL=base_url,
        POPBILL_LINK_ID=DEMO_LINK_ID,
        POPBILL_SECRET_KEY=DEMO_SECRET_KEY,
        POPBILL_CORP_NUM=DEMO_CORP_NUM,
        POPBILL_HISTORY=str(history),
        XDG_CONFIG_HOME=str(tmp / "config"),
        XDG_DATA_HOME=str(tmp / "data"),
        XDG_STATE_HOME=str(tmp / "state"),
    )
    return env


def write_rows(path: Path, count: int, prefix: str) -> Path:
    """A SendEmail file: header MgtKeyType,MgtKey,Receiver and `count` rows with distinct MgtKeys."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("MgtKeyType,MgtKey,Receiver\r\n")
        for i in range(1, count + 1):
            handle.write(f"SELL,{prefix}-{i:07d},bench{i % 97}@example.com\r\n")
    return path


@dataclass
class BatchRun:
    total: float  # spawn → exit, s
    code: int
    journal: dict[str, Any]  # from the history file: see journal_figures


def journal_figures(history: Path, spawned_wall: float, exited_wall: float) -> dict[str, Any]:
    """What the batch's own journal says: row states, when the batch was created, when its last row was
    answered, and the sum of its calls' durations (time spent waiting on the simulator)."""
    conn = sqlite3.connect(f"file:{history}?mode=ro", uri=True)
    try:
        created = conn.execute("SELECT MIN(created) FROM batches").fetchone()[0]
        states = dict(conn.execute("SELECT state, COUNT(*) FROM batch_rows GROUP BY state").fetchall())
        first, last, calls = conn.execute("SELECT MIN(updated), MAX(updated), SUM(duration) FROM batch_rows").fetchone()
    finally:
        conn.close()
    if created is None or last is None:
        return {"states": states}
    return {
        "states": states,
        "startup": created - spawned_wall,  # spawn → the batch journaled (imports, file read, history opened)
        "rows": last - created,  # the batch journaled → the last row's answer recorded
        "first_row": first - created,  # the batch journaled → the first row's answer recorded (token, first call)
        "tail": exited_wall - last,  # results read back, summary, exit
        "calls": calls or 0.0,  # the rows' call durations, summed
    }


def run_batch(base_url: str, file: Path, concurrency: int, tmp: Path, tag: str) -> BatchRun:
    history = tmp / f"history-{tag}.sqlite3"
    command = [*_cli(), "batch", "resend-email", str(file), "--concurrency", str(concurrency)]
    env = product_env(base_url, history, tmp)
    spawned_wall = time.time()
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900, check=False)
    total = time.perf_counter() - start
    exited_wall = time.time()
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"popbill-cli batch exited {done.returncode}: {tail}")
    return BatchRun(total, done.returncode, journal_figures(history, spawned_wall, exited_wall))


def med(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else math.nan


def fmt_ratio(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.2f}x"


# ---- 1. speed-up at 50 ms ----------------------------------------------------------------------------------


def part1(args: argparse.Namespace, sdk: str | None, tmp: Path, report: Report) -> dict[str, float]:
    """The batch at concurrency 8 against the SDK's sequential loop (our own loop when no SDK), --repeat runs of
    each interleaved; the medians, the speed-up and the share of the limit (rows x 50 ms / 8)."""
    rows = args.speedup_rows
    print(
        f"\n== 1. {rows} SendEmail rows at 50 ms latency: batch --concurrency {CONCURRENCY} vs the sequential loop "
        f"(median of {args.repeat}, interleaved)"
    )
    file = write_rows(tmp / "p1.csv", rows, "P1")
    warm = write_rows(tmp / "p1-warm.csv", 5, "P1W")
    batches: list[BatchRun] = []
    loops: list[Run] = []
    python, script, base_name = (sdk, "loop_sdk.py", "SDK") if sdk else (sys.executable, "loop_ours.py", "our")
    with SimulatorProcess(50) as sim:
        # Untimed warm-up: page cache, .pyc files, the simulator's code paths.
        run_batch(sim.base_url, warm, CONCURRENCY, tmp, "p1-warm")
        run_loop(python, script, sim.base_url, 3)
        for i in range(args.repeat):
            for kind in ("batch", "loop") if i % 2 == 0 else ("loop", "batch"):
                if kind == "batch":
                    batches.append(run_batch(sim.base_url, file, CONCURRENCY, tmp, f"p1-{i}"))
                else:
                    loops.append(run_loop(python, script, sim.base_url, rows))
    b_total, l_total = med([b.total for b in batches]), med([r.total for r in loops])
    speedup = l_total / b_total
    limit = rows * 0.050 / (rows * 0.050 / CONCURRENCY)  # N·L / (N·L/C): the 8x a perfect batch would reach
    print(f"  {'':34} {'total s':>8} {'rows/s':>7} {'range s':>13}")
    for name, totals in (
        (f"batch --concurrency {CONCURRENCY} (process)", [b.total for b in batches]),
        (f"{base_name} sequential loop (process)", [r.total for r in loops]),
    ):
        print(f"  {name:34} {med(totals):8.2f} {rows / med(totals):7.1f} {min(totals):6.2f}-{max(totals):6.2f}")
    js = [b.journal for b in batches if "rows" in b.journal]
    if js:
        ideal = rows * 0.050 / CONCURRENCY
        print(
            f"  batch breakdown (its journal, medians): start-up to journaled {med([j['startup'] for j in js]):.2f} s,"
            f" rows {med([j['rows'] for j in js]):.2f} s (ideal {rows} x 50 ms / {CONCURRENCY} = {ideal:.2f} s), "
            f"tail {med([j['tail'] for j in js]):.2f} s; mean call {med([j['calls'] for j in js]) / rows * 1000:.1f} ms"
        )
    print(f"  speed-up {speedup:.2f}x = {speedup / limit:.0%} of the {limit:g}x limit")
    report.add(
        f"1. {rows} SendEmail @50 ms, c{CONCURRENCY}, vs {base_name} loop",
        f"{speedup:.2f}x ({b_total:.2f} s vs {l_total:.2f} s)",
        f">= {GOAL_SPEEDUP:g}x",
        speedup >= GOAL_SPEEDUP,
    )
    return {"speedup": speedup, "batch_s": b_total, "loop_s": l_total, "sdk": float(sdk is not None)}


# ---- 2. whole process at 5 ms, concurrency 1 ---------------------------------------------------------------


def journal_micro(tmp: Path, rows: int) -> dict[str, float]:
    """The journal's write per row at concurrency 1 (the answer of one row with the next row's durable mark: one
    transaction, `Journal.advance`), timed in this process on a fresh history in the same temp dir."""
    from popbill_gui.batch.journal import Journal
    from popbill_gui.batch.model import InputRow, RowOutcome, RowState
    from popbill_gui.storage.history import History

    values = [
        InputRow(i, {"mgt_key_type": "SELL", "mgt_key": f"MJ-{i:07d}", "receiver": "a@example.com"})
        for i in range(2, rows + 2)
    ]
    steps: list[float] = []
    with History(tmp / "journal-micro.sqlite3") as opened:
        history = Journal(opened)
        batch_id = history.create_batch(
            operation="resend_email",
            source="micro",
            fingerprint="micro",
            environment="test",
            corp_num=DEMO_CORP_NUM,
            rows=values,
            concurrency=1,
        )
        answered: RowOutcome | None = None
        for row in [*values, None]:
            t0 = time.perf_counter()
            if hasattr(history, "advance"):
                history.advance(batch_id, answered, None if row is None else row.row)
            else:  # the code before issue 20's group commit: two transactions per row
                if answered is not None:
                    history.mark_result(batch_id, answered.row, answered)
                if row is not None:
                    history.mark_sending(batch_id, row.row)
            steps.append(time.perf_counter() - t0)
            answered = None if row is None else RowOutcome(row.row, RowState.DONE, 1, "ok", 200, 0.005)
    # A bare fsync of a small write in the same directory: what one durable commit at least costs.
    syncs: list[float] = []
    probe = tmp / "fsync-probe"
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for _ in range(200):
            os.write(fd, b"x" * 4096)
            t0 = time.perf_counter()
            os.fsync(fd)
            syncs.append(time.perf_counter() - t0)
    finally:
        os.close(fd)
    return {"step_mean": statistics.fmean(steps), "step_median": med(steps), "fsync_median": med(syncs)}


def part2(args: argparse.Namespace, sdk: str | None, tmp: Path, report: Report) -> dict[str, float]:
    rows = args.rows
    print(
        f"\n== 2. {rows} rows at 5 ms latency, whole process: batch --concurrency 1 vs the SDK's sequential loop "
        f"(median of {args.repeat}, interleaved)"
    )
    file = write_rows(tmp / "p2.csv", rows, "P2")
    warm = write_rows(tmp / "p2-warm.csv", 5, "P2W")
    batches: list[BatchRun] = []
    ours: list[Run] = []
    theirs: list[Run] = []
    with SimulatorProcess(5) as sim:
        run_batch(sim.base_url, warm, 1, tmp, "p2-warm")
        run_loop(sys.executable, "loop_ours.py", sim.base_url, 3)
        if sdk:
            run_loop(sdk, "loop_sdk.py", sim.base_url, 3)
        kinds = ["batch", "ours", *(["sdk"] if sdk else [])]
        for i in range(args.repeat):
            for kind in kinds[i % len(kinds) :] + kinds[: i % len(kinds)]:
                if kind == "batch":
                    batches.append(run_batch(sim.base_url, file, 1, tmp, f"p2-{i}"))
                elif kind == "ours":
                    ours.append(run_loop(sys.executable, "loop_ours.py", sim.base_url, rows))
                else:
                    assert sdk is not None
                    theirs.append(run_loop(sdk, "loop_sdk.py", sim.base_url, rows))

    b_total = med([b.total for b in batches])
    o_total, o_loop = med([r.total for r in ours]), med([r.loop for r in ours])
    print(f"  {'':34} {'total s':>8} {'ms/row':>7} {'range s':>13} {'loop s':>7} {'start+exit s':>12}")

    def line(name: str, totals: list[float], loop: float) -> None:
        spread = f"{min(totals):.2f}-{max(totals):.2f}"
        loop_text = f"{loop:7.2f} {med(totals) - loop:12.2f}" if not math.isnan(loop) else ""
        print(f"  {name:34} {med(totals):8.2f} {med(totals) / rows * 1000:7.2f} {spread:>13} {loop_text}")

    line("batch --concurrency 1 (process)", [b.total for b in batches], math.nan)
    line("our plain loop (process)", [r.total for r in ours], o_loop)
    if theirs:
        line("SDK loop (process)", [r.total for r in theirs], med([r.loop for r in theirs]))
    journal_cost = (b_total - o_total) / rows
    print(f"  per-row journal cost (batch - our loop) / rows: {journal_cost * 1000:.2f} ms")

    # Where the batch's time goes, from the journals of its runs (medians).
    js = [b.journal for b in batches if "rows" in b.journal]
    if js:
        startup, span, tail = (
            med([j["startup"] for j in js]),
            med([j["rows"] for j in js]),
            med([j["tail"] for j in js]),
        )
        calls = med([j["calls"] for j in js])
        print(
            f"  batch, from its journal: start-up to journaled {startup:.2f} s, rows {span:.2f} s "
            f"({span / rows * 1000:.2f} ms/row, of which the call itself {calls / rows * 1000:.2f} ms and "
            f"{(span - calls) / rows * 1000:.2f} ms around it: journal writes, token check, bookkeeping), "
            f"tail {tail:.2f} s"
        )
        print(
            f"  our plain loop for comparison: {o_loop / rows * 1000:.2f} ms/call in the loop, "
            f"start-up+exit {o_total - o_loop:.2f} s"
        )
    micro = journal_micro(tmp, rows)
    print(
        f"  journal write per row in-process ({rows} rows, same temp dir; an answer and the next mark, durable): "
        f"{micro['step_median'] * 1000:.2f} ms median / {micro['step_mean'] * 1000:.2f} ms mean; "
        f"bare fsync {micro['fsync_median'] * 1000:.2f} ms"
    )
    if theirs:
        t_total = med([r.total for r in theirs])
        ratio = b_total / t_total
        print(f"  ratio batch/SDK loop: {ratio:.2f}x   (our plain loop/SDK loop: {o_total / t_total:.2f}x)")
        report.add(
            f"2. batch c1 / SDK loop, {rows} rows @5 ms, whole process",
            f"{ratio:.2f}x ({b_total:.2f} s vs {t_total:.2f} s)",
            f"<= {GOAL_RATIO:g}x",
            ratio <= GOAL_RATIO,
        )
        report.add("   our plain loop / SDK loop (reference)", f"{o_total / t_total:.2f}x ({o_total:.2f} s)", "", None)
    else:
        print("  SDK loop: not measured (no SDK interpreter)")
        report.add(f"2. batch c1 / SDK loop, {rows} rows @5 ms", "not measured (no SDK)", f"<= {GOAL_RATIO:g}x", None)
    report.add("   per-row journal cost (batch - our loop)", f"{journal_cost * 1000:.2f} ms/row", "", None)
    t_total = med([r.total for r in theirs]) if theirs else math.nan
    return {"ratio": b_total / t_total, "batch_s": b_total, "sdk_s": t_total, "ours_s": o_total}


# ---- 3. memory over 10,000 rows ----------------------------------------------------------------------------


def run_memory(base_url: str, file: Path, tmp: Path, tag: str, traced: bool) -> dict[str, Any]:
    command = [
        sys.executable,
        str(HERE / "bench_batch_memory.py"),
        base_url,
        str(file),
        str(tmp / f"history-{tag}.sqlite3"),
        "--concurrency",
        str(CONCURRENCY),
    ]
    if traced:
        command.append("--tracemalloc")
    env = product_env(base_url, tmp / "unused.sqlite3", tmp)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900, check=False)
    lines = [x for x in done.stdout.splitlines() if x.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"bench_batch_memory.py exited {done.returncode}: {tail}")
    result: dict[str, Any] = json.loads(lines[-1])
    result["process_s"] = time.perf_counter() - start
    return result


def part3(args: argparse.Namespace, tmp: Path, report: Report) -> None:
    rows = args.mem_rows
    print(f"\n== 3. memory over {rows:,} rows at 0 ms latency, in-process, concurrency {CONCURRENCY}")
    file = write_rows(tmp / "p3.csv", rows, "P3")
    with SimulatorProcess(0) as sim:
        m = run_memory(sim.base_url, file, tmp, "p3", traced=False)
        traced = run_memory(sim.base_url, file, tmp, "p3-traced", traced=True) if args.tracemalloc else None
    marks = m["marks"]
    before = marks["before"]["rss"]
    peak_growth = (marks["run"]["hwm"] - before) * 1024 / 1e6
    kept = (marks["run"]["rss"] - before) * 1024 / 1e6
    print(
        f"  rows done {m['done']}/{m['rows']} ({m['stop']}); read {m['times']['read']:.2f} s, journal "
        f"{m['times']['journal']:.2f} s, run {m['times']['run']:.2f} s ({m['rows'] / m['times']['run']:.0f} rows/s)"
    )
    print(f"  {'step':28} {'VmRSS MB':>9} {'VmHWM MB':>9} {'RSS vs before':>14}")
    for step, label in (
        ("before", "before reading the file"),
        ("read", "after read_batch"),
        ("journaled", "after create_batch"),
        ("run", "after the run"),
    ):
        rss, hwm = marks[step]["rss"] * 1024 / 1e6, marks[step]["hwm"] * 1024 / 1e6
        print(f"  {label:28} {rss:9.1f} {hwm:9.1f} {rss - before * 1024 / 1e6:+14.1f}")
    print(
        f"  peak growth (VmHWM after - VmRSS before): {peak_growth:.1f} MB; still held after the run: {kept:.1f} MB; "
        f"{kept * 1e6 / rows:.0f} bytes/row"
    )
    if traced is not None:
        print(
            f"  tracemalloc (second run, {traced['times']['run']:.1f} s under tracing): Python allocations peak "
            f"{traced['traced_peak'] / 1e6:.1f} MB, {traced['traced_end'] / 1e6:.1f} MB still allocated at the end"
        )
    else:
        print("  tracemalloc: not run (it slows the run about 2.5x; --tracemalloc adds a traced second run)")
    report.add(
        f"3. memory peak growth, {rows:,} rows",
        f"{peak_growth:.1f} MB",
        f"< {GOAL_GROWTH_MB:g} MB",
        peak_growth < GOAL_GROWTH_MB,
    )


# ---- 4. the window's event loop during a batch -------------------------------------------------------------


def part4(args: argparse.Namespace, tmp: Path, report: Report) -> None:
    rows = args.rows
    print(f"\n== 4. the window's event loop during a {rows}-row batch ({args.gui_latency_ms:g} ms latency, offscreen)")
    file = write_rows(tmp / "p4.csv", rows, "P4")
    gui_tmp = tmp / "gui"
    gui_tmp.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("POPBILL_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(gui_tmp / "config"),
        XDG_DATA_HOME=str(gui_tmp / "data"),
        XDG_STATE_HOME=str(gui_tmp / "state"),
    )
    with SimulatorProcess(args.gui_latency_ms) as sim:
        command = [sys.executable, str(HERE / "bench_batch_gui.py"), sim.base_url, str(file), str(gui_tmp)]
        if args.gui_concurrency:
            command += ["--concurrency", str(args.gui_concurrency)]
        done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    lines = [x for x in done.stdout.splitlines() if x.startswith("{")]
    tail = (
        next((x for x in done.stderr.splitlines() if "Fatal" in x), None)
        or (done.stderr.strip().splitlines() or ["no output"])[-1]
    )
    if not lines:
        raise RuntimeError(f"bench_batch_gui.py exited {done.returncode}: {tail}")
    r: dict[str, Any] = json.loads(lines[-1])
    if done.returncode != 0:
        # The figures were printed before the process ended; say how it ended, don't drop them.
        print(f"  note: the GUI process printed its figures, then exited {done.returncode}: {tail}")
    if r["status"] == "skipped":
        print(f"  skipped: {r['reason']}")
        report.add("4. window event loop worst gap", "skipped: no batch tab yet", f"<= {GOAL_GAP_MS:g} ms", None)
        return
    print(f"  tab: {r.get('route', '?')}; concurrency {r.get('concurrency', '?')}")
    if "idle" in r:
        i = r["idle"]
        print(
            f"  idle, no batch   {i['n']:5} gaps: median {i['median']:6.2f} ms, p99 {i['p99']:6.2f}, "
            f"worst {i['worst']:6.2f}"
        )
    if "load_file_ms" in r:
        print(f"  load_file() on the GUI thread: {r['load_file_ms']:.1f} ms (before the batch; not in the gaps below)")
    if "batch" in r:
        b = r["batch"]
        print(
            f"  during the batch {b['n']:5} gaps: median {b['median']:6.2f} ms, p99 {b['p99']:6.2f}, worst "
            f"{b['worst']:6.2f}; over 16.7 ms: {b['over']['16.7']}, over 50 ms: {b['over']['50']}"
        )
        print(
            f"  start() on the GUI thread: {r['start_ms']:.1f} ms; start() → not busy: {r['batch_s']:.2f} s; "
            f"journaled rows: {r.get('rows')}"
        )
        print(
            "  worst gaps (ms, ended at s after start()): "
            + ", ".join(f"{g:.1f} @ {t:.2f}" for g, t in r.get("worst_gaps", []))
        )
        if r.get("stalls"):
            print(f"  GUI thread when the timer was > {r['stall_ms']:g} ms late (samples every 5 ms):")
            for where, count in r["stalls"]:
                print(f"    {count:4}  {where}")
    if r.get("modal_dialogs_accepted"):
        print(f"  modal dialogs answered yes by the harness: {r['modal_dialogs_accepted']}")
    if r["status"] != "ok":
        print(f"  error: {r.get('error')}")
        report.add("4. window event loop worst gap", f"error: {r.get('error')}", f"<= {GOAL_GAP_MS:g} ms", None)
        return
    worst, p99 = r["batch"]["worst"], r["batch"]["p99"]
    report.add(
        f"4. window event loop worst gap, {rows} rows",
        f"{worst:.1f} ms (p99 {p99:.1f} ms)",
        f"<= {GOAL_GAP_MS:g} ms",
        worst <= GOAL_GAP_MS,
    )


# ---- main --------------------------------------------------------------------------------------------------


def print_summary(report: Report) -> None:
    header = ("figure", "value", "goal", "")
    rows = [
        (
            g.figure,
            g.value,
            g.goal,
            "" if not g.goal else ("not measured" if g.met is None else "met" if g.met else "NOT met"),
        )
        for g in report.goals
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    print("\n== summary")
    for row in [header, *rows]:
        print("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def filesystem_of(path: Path) -> str:
    """The filesystem type of `path` from /proc/mounts (the journal's fsync cost depends on it)."""
    try:
        mounts = [line.split() for line in Path("/proc/mounts").read_text().splitlines()]
    except OSError:
        return "unknown"
    resolved = str(path.resolve())
    best = max(
        (m for m in mounts if resolved == m[1] or resolved.startswith(m[1].rstrip("/") + "/")),
        key=lambda m: len(m[1]),
        default=None,
    )
    return f"{best[2]} ({best[1]})" if best else "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    as_installed()  # children use .pyc files, as the installed program does (measured.py)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speedup-rows", type=int, default=800, help="rows of part 1 (default 800)")
    parser.add_argument("--rows", type=int, default=1000, help="rows of parts 2 and 4 (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each process in parts 1 and 2 (median)")
    parser.add_argument("--mem-rows", type=int, default=10_000, help="rows of part 3 (default 10000)")
    parser.add_argument("--gui-latency-ms", type=float, default=5.0, help="simulator latency in part 4")
    parser.add_argument("--gui-concurrency", type=int, default=0, help="part 4: the tab's concurrency (0: its default)")
    parser.add_argument("--sdk-python", help="interpreter with the vendor's popbill SDK (POPBILL_SDK_PYTHON)")
    parser.add_argument("--parts", default="1234", help="which parts to run, e.g. 24")
    parser.add_argument("--tracemalloc", action="store_true", help="part 3: a second run tracing allocations")
    parser.add_argument("--tmp", help="directory for the temp dir (histories live there; default: the system's)")
    args = parser.parse_args(argv)
    if args.rows < 1 or args.repeat < 1 or args.mem_rows < 1:
        parser.error("--rows, --repeat and --mem-rows must be at least 1")

    started = time.perf_counter()
    sdk, origin = find_sdk_python(args.sdk_python)
    print(f"bench_batch: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"ours: {sys.executable}")
    print(f"SDK:  {sdk} (from {origin})" if sdk else f"SDK:  skipped: {origin}")
    report = Report()
    with tempfile.TemporaryDirectory(prefix="bench_batch_", dir=args.tmp) as tmp_name:
        tmp = Path(tmp_name)
        print(f"histories in {tmp} on {filesystem_of(tmp)}")
        parts = {
            "1": lambda: part1(args, sdk, tmp, report),
            "2": lambda: part2(args, sdk, tmp, report),
            "3": lambda: part3(args, tmp, report),
            "4": lambda: part4(args, tmp, report),
        }
        for key in "1234":
            if key not in args.parts:
                continue
            t0 = time.perf_counter()
            try:
                parts[key]()
            except (RuntimeError, subprocess.TimeoutExpired, OSError, sqlite3.Error, KeyError, ValueError) as exc:
                print(f"  part {key} failed: {type(exc).__name__}: {exc}")
                report.add(f"{key}. (failed)", str(exc)[:60], "", None)
            print(f"  (part {key}: {time.perf_counter() - t0:.0f} s)")
    print_summary(report)
    print(f"(whole run {time.perf_counter() - started:.0f} s; figures only, nothing here passes or fails)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
