"""Sequential SendEmail throughput of popbill_gui's client, and the vendor SDK's on the same simulator.

    .venv/bin/python benchmarks/bench_client.py [--calls 1000] [--repeat 3] [--sdk-python PATH]

For each latency (0 ms and 5 ms by default) a simulator runs as its own process
(``popbill-cli simulator --latency-ms N``), so neither this harness nor the server shares a GIL with the
client being measured. Each measured run is a fresh process (benchmarks/loop_ours.py, or
benchmarks/loop_sdk.py under the SDK's interpreter) timed from spawn to exit: start-up counts. Every
configuration runs --repeat times, ours and the SDK's interleaved, and the median is reported.

The SDK's interpreter comes from --sdk-python, else POPBILL_SDK_PYTHON, else .venv-sdk/bin/python when it
exists; without one the SDK's figures are skipped with a note. At 0 ms the harness also profiles our loop
in-process (cProfile) and shows where the per-call time goes. Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import os
import pstats
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from measured import as_installed

from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOAL_RATIO = 1.2  # at 5 ms latency, our whole-process time at most 1.2 x the SDK's
GOAL_LATENCY_MS = 5.0
GOAL_CPU_RATIO = 1.2  # issue 20: at 0 ms latency, our client CPU per call at most 1.2 x the SDK's
# Both loops read the simulator's demo credentials from the product's own variables, so the measured
# process never imports the simulator (a real run of the client does not).
LOOP_ENV = {
    **os.environ,
    "POPBILL_LINK_ID": DEMO_LINK_ID,
    "POPBILL_SECRET_KEY": DEMO_SECRET_KEY,
    "POPBILL_CORP_NUM": DEMO_CORP_NUM,
}


# ---- processes ---------------------------------------------------------------------------------------


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def find_sdk_python(option: str | None) -> tuple[str | None, str]:
    """The SDK's interpreter and where it came from, or None and why not."""
    if option:
        candidate, origin = option, "--sdk-python"
    elif os.environ.get("POPBILL_SDK_PYTHON"):
        candidate, origin = os.environ["POPBILL_SDK_PYTHON"], "POPBILL_SDK_PYTHON"
    elif _venv_python(ROOT / ".venv-sdk").exists():
        candidate, origin = str(_venv_python(ROOT / ".venv-sdk")), ".venv-sdk"
    else:
        return None, "no SDK interpreter (give --sdk-python or POPBILL_SDK_PYTHON, or make .venv-sdk/)"
    probe = subprocess.run(
        [candidate, "-c", "import popbill, linkhub"], capture_output=True, text=True, timeout=60, check=False
    )
    if probe.returncode != 0:
        return None, f"{candidate} ({origin}) cannot import popbill/linkhub"
    return candidate, origin


def _simulator_command(latency_ms: float) -> list[str]:
    cli = Path(sys.executable).parent / ("popbill-cli.exe" if os.name == "nt" else "popbill-cli")
    if cli.exists():
        base = [str(cli)]
    else:  # e.g. the harness run by an interpreter outside the venv that has the project installed
        base = [sys.executable, "-c", "from popbill_gui.cli import main; main()"]
    return [*base, "simulator", "--latency-ms", f"{latency_ms:g}"]


class SimulatorProcess:
    """popbill-cli simulator in its own process; its first stdout line is the base URL."""

    def __init__(self, latency_ms: float) -> None:
        self.latency_ms = latency_ms
        self.proc = subprocess.Popen(
            _simulator_command(latency_ms), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        stdout = self.proc.stdout
        assert stdout is not None
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(stdout.readline()), daemon=True)
        reader.start()
        reader.join(30)
        url = line[0].strip() if line else ""
        if not url.startswith("http"):
            self.stop()
            raise RuntimeError(f"the simulator did not start (first line {url!r})")
        self.base_url = url

    def stop(self) -> None:
        if self.proc.poll() is None:
            if os.name == "nt":
                self.proc.terminate()
            else:
                self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()

    def __enter__(self) -> SimulatorProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@dataclass(frozen=True)
class Run:
    """One measured process: wall time spawn to exit, and what the loop inside reported."""

    total: float  # seconds, spawn to exit
    loop: float  # seconds inside the loop
    loop_cpu: float  # CPU seconds of the client process inside the loop


def run_loop(python: str, script: str, base_url: str, calls: int, extra: Sequence[str] = ()) -> Run:
    command = [python, str(HERE / script), base_url, "--calls", str(calls), *extra]
    start = time.perf_counter()
    done = subprocess.run(command, env=LOOP_ENV, capture_output=True, text=True, timeout=600, check=False)
    total = time.perf_counter() - start
    fields = done.stdout.split()
    if done.returncode != 0 or len(fields) < 4 or fields[0] != "ok":
        detail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{script} failed (exit {done.returncode}): {detail}")
    return Run(total, float(fields[2]), float(fields[3]))


@dataclass
class Series:
    name: str
    runs: list[Run]

    def median(self, attribute: str) -> float:
        return float(statistics.median(getattr(r, attribute) for r in self.runs))

    def spread(self) -> str:
        totals = sorted(r.total for r in self.runs)
        return f"{totals[0]:.3f}-{totals[-1]:.3f} s" if len(totals) > 1 else ""


# ---- figures -----------------------------------------------------------------------------------------


def measure(base_url: str, calls: int, repeat: int, ours: str, sdk: str | None) -> tuple[Series, Series | None]:
    """Interleaved whole-process runs of both loops (the order alternates, so drift hits both)."""
    mine = Series("ours", [])
    theirs = Series("SDK", []) if sdk else None
    # One short untimed run of each: disk caches warm, the simulator's code paths exercised.
    run_loop(ours, "loop_ours.py", base_url, 5)
    if sdk:
        run_loop(sdk, "loop_sdk.py", base_url, 5)
    plan: list[tuple[Series, str, str]] = [(mine, ours, "loop_ours.py")]
    if sdk and theirs is not None:
        plan.append((theirs, sdk, "loop_sdk.py"))
    for i in range(repeat):
        for series, python, script in plan if i % 2 == 0 else reversed(plan):
            series.runs.append(run_loop(python, script, base_url, calls))
    return mine, theirs


def report_latency(latency_ms: float, calls: int, mine: Series, theirs: Series | None) -> tuple[float, float] | None:
    print(
        f"\n== {calls} sequential SendEmail calls, simulator latency {latency_ms:g} ms "
        f"(median of {len(mine.runs)} runs, whole process spawn to exit)"
    )
    print(
        f"  {'':5} {'total s':>8} {'calls/s':>8} {'loop s':>8} {'µs/call':>8} {'CPU µs/call':>11} "
        f"{'start-up+exit s':>15}  {'range':>13}"
    )
    print(
        "  (calls/s = calls / total, start-up included; loop = inside the process; CPU = the client process's "
        "CPU in the loop)"
    )
    for s in (mine, theirs):
        if s is None:
            continue
        total, loop, cpu = s.median("total"), s.median("loop"), s.median("loop_cpu")
        print(
            f"  {s.name:5} {total:8.3f} {calls / total:8.0f} {loop:8.3f} {loop / calls * 1e6:8.0f} "
            f"{cpu / calls * 1e6:11.0f} {total - loop:15.3f}  {s.spread():>13}"
        )
    if theirs is None:
        return None
    ratio = mine.median("total") / theirs.median("total")
    loop_ratio = mine.median("loop") / theirs.median("loop")
    cpu_ratio = mine.median("loop_cpu") / theirs.median("loop_cpu")
    line = f"  ratio ours/SDK: {ratio:.2f}x whole process, {loop_ratio:.2f}x loop only, {cpu_ratio:.2f}x client CPU"
    if latency_ms == GOAL_LATENCY_MS:
        verdict = "met" if ratio <= GOAL_RATIO else "NOT met"
        line += f"   (goal at {GOAL_LATENCY_MS:g} ms: <= {GOAL_RATIO}x whole process: {verdict})"
    if latency_ms == 0:
        verdict = "met" if cpu_ratio <= GOAL_CPU_RATIO else "NOT met"
        line += f"   (goal at 0 ms: client CPU <= {GOAL_CPU_RATIO}x: {verdict})"
    print(line)
    return ratio, cpu_ratio


# ---- profile -----------------------------------------------------------------------------------------

# Phases by the cumulative time of the function that does them; (file suffix, function name).
# Indentation shows nesting: a phase's figure includes the phases under it.
PHASES: list[tuple[int, str, str, str]] = [
    (0, "TaxinvoiceClient.resend_email (one whole call)", "popbill_gui/core/client.py", "resend_email"),
    (1, "input validation: check_resend", "popbill_gui/core/validation.py", "check_resend"),
    (2, "email_validator.validate_email", "email_validator/validate_email.py", "validate_email"),
    (1, "token: LinkhubAuth.token (cached; lock + clock)", "popbill_gui/core/auth.py", "token"),
    (1, "Transport.request", "popbill_gui/core/transport.py", "request"),
    (2, "route and pool (decided once per origin)", "popbill_gui/core/transport.py", "_pool_for"),
    (2, "whole-call deadline: wire.begin", "popbill_gui/core/wire.py", "begin"),
    (2, "urllib3 urlopen (send + wait + read headers)", "urllib3/connectionpool.py", "urlopen"),
    (3, "HTTPConnection.request (write request)", "urllib3/connection.py", "request"),
    (3, "HTTPConnection.getresponse (wait, parse headers)", "urllib3/connection.py", "getresponse"),
    (2, "response reading: Transport._read_bounded", "popbill_gui/core/transport.py", "_read_bounded"),
    (2, "release the connection", "urllib3/response.py", "release_conn"),
    (1, "json_of (strip, json.loads)", "popbill_gui/core/transport.py", "json_of"),
    (1, "requests Session.request (not on the call path any more)", "requests/sessions.py", "request"),
    (1, "get_environ_proxies (decided once per origin)", "requests/utils.py", "get_environ_proxies"),
]

# Self time (tottime) by where the code lives: non-overlapping, sums to the profiled total.
GROUPS: list[tuple[str, tuple[str, ...]]] = [
    (
        "waiting on the socket (recv/send/select)",
        (
            "<method 'recv_into'",
            "<method 'sendall'",
            "<method 'poll'",
            "<method 'select'",
            "<method 'send'",
            "<method 'recv'",
        ),
    ),
    ("email_validator + idna", ("email_validator/", "idna/")),
    (
        "os.environ scans, urllib.request proxy lookup, netrc",
        ("<frozen os>", "<frozen _collections_abc>:__iter__", "urllib/request.py", "netrc.py", "posixpath.py"),
    ),
    ("typing (runtime Protocol isinstance checks in requests)", ("typing.py",)),
    ("requests", ("requests/",)),
    ("urllib3", ("urllib3/",)),
    ("http.client + email.parser (headers)", ("http/client.py", "email/")),
    ("json", ("json/", "<method 'dumps'", "<method 'loads'", "'_json.")),
    ("logging", ("logging/",)),
    ("popbill_gui validation", ("popbill_gui/core/validation.py",)),
    ("popbill_gui auth (token)", ("popbill_gui/core/auth.py",)),
    ("popbill_gui transport", ("popbill_gui/core/transport.py",)),
    (
        "popbill_gui client + errors",
        ("popbill_gui/core/client.py", "popbill_gui/core/errors.py", "popbill_gui/core/messages.py"),
    ),
    ("urllib.parse", ("urllib/parse.py",)),
    ("socket/ssl/selectors wrappers", ("socket.py", "ssl.py", "selectors.py")),
    ("re", ("/re/", "re.Pattern")),
    (
        "contextvars/threading/locks",
        ("threading.py", "ContextVar", "<method 'acquire'", "<method 'release'", "_thread.lock"),
    ),
]


def _where(key: tuple[str, int, str]) -> str:
    filename, _line, name = key
    return f"{filename.replace(os.sep, '/')}:{name}" if filename != "~" else name


def profile(base_url: str, calls: int, python: str) -> None:
    """Our loop under cProfile in its own process, then the breakdown."""
    with tempfile.TemporaryDirectory() as tmp:
        stats_file = str(Path(tmp) / "ours.pstats")
        command = [python, str(HERE / "loop_ours.py"), base_url, "--calls", str(calls), "--profile", stats_file]
        done = subprocess.run(command, env=LOOP_ENV, capture_output=True, text=True, timeout=600, check=False)
        fields = done.stdout.split()
        if done.returncode != 0 or len(fields) < 5:
            print(f"\n(profile run failed, exit {done.returncode}: {done.stderr.strip()[-200:]})")
            return
        report_profile(stats_file, calls, float(fields[4]))


def report_profile(stats_file: str, calls: int, first_call: float) -> None:
    stats = pstats.Stats(stats_file)
    table = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in table.values())  # tottime summed: the profiled time
    print(
        f"\n== where our per-call time goes: cProfile in-process, {calls} calls at 0 ms "
        f"(after one untimed warm-up call of {first_call * 1000:.1f} ms: token issued, connection opened)"
    )
    print(
        f"  profiled total {total / calls * 1e6:.0f} µs/call (cProfile inflates Python-heavy code; "
        "compare shares, not absolutes)"
    )
    print("  by phase (cumulative; indented phases are inside the one above):")
    for depth, label, suffix, name in PHASES:
        cum = sum(
            entry[3]
            for (filename, _line, func), entry in table.items()
            if func == name and filename.replace(os.sep, "/").endswith(suffix)
        )
        print(f"    {'  ' * depth}{label:<{60 - 2 * depth}} {cum / calls * 1e6:7.0f} µs  {cum / total:5.1%}")
    print("  by where the code lives (self time; a builtin's time goes to the group of its callers):")
    grouped: dict[str, float] = {}
    for key, entry in table.items():
        for group, seconds in _attribute(key, entry):
            grouped[group] = grouped.get(group, 0.0) + seconds
    for group, seconds in sorted(grouped.items(), key=lambda kv: -kv[1]):
        print(f"    {group:<58} {seconds / calls * 1e6:7.0f} µs  {seconds / total:5.1%}")
    print("  top 15 functions by self time:")
    top = sorted(table.items(), key=lambda kv: -kv[1][2])[:15]
    for key, entry in top:
        print(f"    {entry[2] / calls * 1e6:7.1f} µs {entry[1] / calls:6.1f} calls/call  {_short(_where(key))}")


OTHER = "other (stdlib)"
FuncKey = tuple[str, int, str]  # pstats' (file, line, function)
StatEntry = tuple[int, int, float, float, dict[FuncKey, tuple[int, int, float, float]]]


def _group_of(key: FuncKey) -> str | None:
    where = _where(key)
    return next((g for g, marks in GROUPS if any(m in where for m in marks)), None)


def _attribute(key: FuncKey, entry: StatEntry) -> list[tuple[str, float]]:
    """A function's self time by group; a builtin without a group of its own is split among its callers."""
    group = _group_of(key)
    if group is not None:
        return [(group, entry[2])]
    callers = entry[4]
    if key[0] != "~" or not callers:
        return [(OTHER, entry[2])]
    # cProfile records, per caller, the builtin's own time spent for that caller.
    shares = [(_group_of(caller) or OTHER, timing[2]) for caller, timing in callers.items()]
    spent = sum(seconds for _, seconds in shares)
    if spent <= 0:
        return [(OTHER, entry[2])]
    return [(g, entry[2] * seconds / spent) for g, seconds in shares]


def _short(where: str) -> str:
    where = re.sub(r"^.*/site-packages/", "", where)
    where = re.sub(r"^.*/lib/python3\.\d+/", "", where)
    return where.replace(str(ROOT).replace(os.sep, "/") + "/", "")


# ---- main --------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    as_installed()  # children use .pyc files, as the installed program does (measured.py)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=1000, help="SendEmail calls per measured process")
    parser.add_argument("--repeat", type=int, default=3, help="measured processes per configuration (median)")
    parser.add_argument("--latency-ms", type=float, nargs="+", default=[0.0, 5.0], help="simulator latencies")
    parser.add_argument("--sdk-python", help="interpreter with the vendor's popbill SDK (POPBILL_SDK_PYTHON)")
    parser.add_argument("--profile-calls", type=int, default=500, help="calls profiled at 0 ms (0: no profile)")
    args = parser.parse_args(argv)
    if args.calls < 1 or args.repeat < 1:
        parser.error("--calls and --repeat must be at least 1")

    ours = sys.executable
    sdk, origin = find_sdk_python(args.sdk_python)
    print(f"ours: {ours}")
    print(f"SDK:  {sdk} (from {origin})" if sdk else f"SDK:  skipped: {origin}")
    print(f"cores: {os.cpu_count()}; each figure a fresh process; simulator in its own process")

    try:
        ratios = run_all(args, ours, sdk)
    except RuntimeError as exc:
        print(f"\nbench_client: {exc}")
        return 1
    print("\n== summary")
    for latency, pair in ratios.items():
        if pair is None:
            print(f"  {latency:g} ms: SDK not measured")
            continue
        ratio, cpu_ratio = pair
        goal = f"   goal <= {GOAL_RATIO}x" if latency == GOAL_LATENCY_MS else ""
        cpu_goal = f"   goal <= {GOAL_CPU_RATIO}x" if latency == 0 else ""
        print(f"  {latency:g} ms: ours/SDK {ratio:.2f}x (whole process){goal}; {cpu_ratio:.2f}x client CPU{cpu_goal}")
    return 0


def run_all(args: argparse.Namespace, ours: str, sdk: str | None) -> dict[float, tuple[float, float] | None]:
    ratios: dict[float, tuple[float, float] | None] = {}
    for latency in args.latency_ms:
        with SimulatorProcess(latency) as sim:
            mine, theirs = measure(sim.base_url, args.calls, args.repeat, ours, sdk)
            ratios[latency] = report_latency(latency, args.calls, mine, theirs)
            if latency == 0 and args.profile_calls > 0:
                profile(sim.base_url, args.profile_calls, ours)
    return ratios


if __name__ == "__main__":
    sys.exit(main())
