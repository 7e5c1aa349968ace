"""`popbill-cli batch resend-email FILE --check` over 100,000 distinct addresses, against email-validator alone.

    .venv/bin/python benchmarks/bench_check.py [--count 100000] [--repeat 5] [--odd 0.03]

The file holds --count SendEmail rows, every receiver distinct (made as bench_addresses.py makes them: office
addresses, nearly all plain ASCII, a few with an IDN domain, a quoted local part, a space, two dots, no dot).
Each measured run is a fresh process timed from spawn to exit: the whole `--check` run (start-up, reading the CSV,
every row checked by the project's rules, the summary and the invalid rows printed) against email-validator
alone over the same addresses (benchmarks/loop_email_validator.py: start-up, reading a file of them, validating
each), --repeat times interleaved; medians. The verdicts are compared too: the rows `--check` flags for their
receiver must be those email-validator refuses plus those the project's own rules refuse (must be 0 apart).
Goal (issue 20): the whole `--check` run at most 0.5x email-validator alone. Figures only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench_addresses import make_addresses
from measured import as_installed, load_line

HERE = Path(__file__).resolve().parent
GOAL_RATIO = 0.5


def _cli() -> list[str]:
    cli = Path(sys.executable).parent / ("popbill-cli.exe" if os.name == "nt" else "popbill-cli")
    return [str(cli)] if cli.exists() else [sys.executable, "-c", "from popbill_gui.cli import main; main()"]


def write_files(folder: Path, addresses: Sequence[str]) -> tuple[Path, Path]:
    batch = folder / "check.csv"
    with batch.open("w", encoding="utf-8", newline="") as handle:
        handle.write("MgtKeyType,MgtKey,Receiver\r\n")
        for i, address in enumerate(addresses, start=1):
            quoted = '"' + address.replace('"', '""') + '"' if ('"' in address or "," in address) else address
            handle.write(f"SELL,CHK-{i:07d},{quoted}\r\n")
    plain = folder / "addresses.txt"
    plain.write_text("\n".join(addresses) + "\n", encoding="utf-8")
    return batch, plain


def run(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 2):  # --check: 2 when some row is not valid
        raise RuntimeError(f"{command[1:3]} exited {done.returncode}: {done.stderr.strip()[-300:]}")
    return seconds, done.stdout


def measure(count: int = 100_000, repeat: int = 5, odd: float = 0.03) -> dict[str, float]:
    """The medians, the ratio and the verdicts apart (for bench_all.py)."""
    addresses = make_addresses(count, odd)
    env = {k: v for k, v in os.environ.items() if not k.startswith("POPBILL_")}
    env["POPBILL_LANG"] = "en"
    with tempfile.TemporaryDirectory(prefix="bench_check_") as tmp:
        batch, plain = write_files(Path(tmp), addresses)
        ours_cmd = [*_cli(), "batch", "resend-email", str(batch), "--check"]
        lib_cmd = [sys.executable, str(HERE / "loop_email_validator.py"), str(plain)]
        run(ours_cmd, env)  # warm-up: page cache, .pyc files
        run(lib_cmd, env)
        ours: list[float] = []
        lib: list[float] = []
        ours_out = lib_out = ""
        for i in range(repeat):
            for kind in ("ours", "lib") if i % 2 == 0 else ("lib", "ours"):
                if kind == "ours":
                    seconds, ours_out = run(ours_cmd, env)
                    ours.append(seconds)
                else:
                    seconds, lib_out = run(lib_cmd, env)
                    lib.append(seconds)
    from popbill_gui.core.validation import _receiver_shape

    # Row numbers as the spreadsheet shows them: the header is row 1, the first address row 2.
    flagged = {int(line.split("\t")[0]) - 2 for line in ours_out.splitlines() if "\tReceiver\t" in line}
    refused = {int(line) - 1 for line in lib_out.splitlines() if line.isdigit()}
    own_rules = {i for i, a in enumerate(addresses) if _receiver_shape(a) is not None}
    apart = len(flagged ^ (refused | own_rules))
    o, e = statistics.median(ours), statistics.median(lib)
    return {"ours_s": o, "lib_s": e, "ratio": o / e, "apart": apart, "flagged": len(flagged), "count": count}


def main(argv: Sequence[str] | None = None) -> int:
    as_installed()  # children use .pyc files, as the installed program does (measured.py)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--odd", type=float, default=0.03, help="share of addresses off the fast path")
    args = parser.parse_args(argv)
    print(f"bench_check: {load_line()}")
    r = measure(args.count, args.repeat, args.odd)
    print(f"{r['count']:,.0f} distinct addresses, {r['flagged']:,.0f} rows flagged; median of {args.repeat} processes")
    print(f"  email-validator alone (process)    {r['lib_s']:7.3f} s")
    print(f"  popbill-cli batch ... --check      {r['ours_s']:7.3f} s")
    verdict = "met" if r["ratio"] <= GOAL_RATIO else "NOT met"
    print(f"  ratio --check / email-validator    {r['ratio']:7.3f}x   (goal <= {GOAL_RATIO}x: {verdict})")
    print(f"  verdicts apart (beyond the project's own rules): {r['apart']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
