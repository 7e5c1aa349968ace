"""One measured process: N sequential SendEmail calls of popbill_gui's client against a running simulator.

Run with the project's interpreter:  .venv/bin/python benchmarks/loop_ours.py http://127.0.0.1:PORT --calls 1000
Credentials come from POPBILL_LINK_ID, POPBILL_SECRET_KEY and POPBILL_CORP_NUM (bench_client.py sets them to
popbill_gui.simulator's demo values), else from popbill_gui.simulator itself; the harness passes them so that
the measured process does not import the simulator, which a real run of the client never does.
Prints one line ``ok CALLS LOOP_SECONDS LOOP_CPU_SECONDS FIRST_CALL_SECONDS`` and exits 0 when every call
answered code 1. ``--profile FILE`` makes one warm-up call (token issued, connection opened), then runs the
N calls under cProfile and writes the stats to FILE. bench_client.py spawns this script; it is not imported.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time

# What a run of the product pays for: the imports are inside the timed process.
from popbill_gui.core.client import LinkCredentials, open_client
from popbill_gui.core.environments import resolve
from popbill_gui.core.errors import PopbillError


def demo_credentials() -> tuple[str, str, str]:
    """LinkID, SecretKey and CorpNum: from the environment, else popbill_gui.simulator's demo values."""
    names = ("POPBILL_LINK_ID", "POPBILL_SECRET_KEY", "POPBILL_CORP_NUM")
    if all(os.environ.get(n) for n in names):
        return os.environ[names[0]], os.environ[names[1]], os.environ[names[2]]
    from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY

    return DEMO_LINK_ID, DEMO_SECRET_KEY, DEMO_CORP_NUM


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="the simulator's base URL, e.g. http://127.0.0.1:8080")
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--receiver", default="test@test.com")
    parser.add_argument("--profile", metavar="FILE", help="profile the loop with cProfile, stats to FILE")
    args = parser.parse_args(argv)

    # As popbill-cli configures logging: the core's debug lines are off.
    logging.basicConfig(level=logging.WARNING, format="loop_ours: %(message)s")
    environment = resolve("test", base_url=args.base_url, auth_url=args.base_url)
    link_id, secret_key, corp_num = demo_credentials()
    client = open_client(environment, corp_num, LinkCredentials(link_id, secret_key), lang="ko")

    def one(i: int) -> bool:
        try:
            return client.resend_email("SELL", f"BENCH-{i:07d}", args.receiver).code == 1
        except PopbillError as error:
            print(f"call {i}: {error}", file=sys.stderr)
            return False

    first = 0.0
    profiler = None
    if args.profile:
        import cProfile

        start = time.perf_counter()
        if not one(0):
            return 1
        first = time.perf_counter() - start
        profiler = cProfile.Profile()

    ok = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.enable()
    for i in range(1, args.calls + 1):
        ok += one(i)
    if profiler is not None:
        profiler.disable()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    client.close()
    if profiler is not None:
        profiler.dump_stats(args.profile)
    print(f"ok {ok} {wall:.6f} {cpu:.6f} {first:.6f}", flush=True)
    return 0 if ok == args.calls else 1


if __name__ == "__main__":
    sys.exit(main())
