"""One measured process: a whole batch run in-process, and how much the process's memory grew.

    .venv/bin/python benchmarks/bench_batch_memory.py http://127.0.0.1:PORT FILE.csv HISTORY.sqlite3
        [--concurrency 8] [--tracemalloc]

What the window's batch tab and ``popbill-cli batch`` do, without their UI: the client from
popbill_gui.core.client.open_client against the simulator at the URL given, ``read_batch`` on FILE (SendEmail
rows), ``Journal.create_batch`` in HISTORY, ``BatchRunner.run`` at --concurrency, ``finish_batch``.
Credentials come from POPBILL_LINK_ID, POPBILL_SECRET_KEY and POPBILL_CORP_NUM (bench_batch.py sets them to the
simulator's demo values). Memory is VmRSS / VmHWM from /proc/self/status (Linux; elsewhere the peak from
resource.getrusage), sampled before the file is read (modules imported, token issued, connection open: what
any run has before it touches the file), after reading, after journaling, and after the run. --tracemalloc
also traces Python's allocations over the same span (slower: the run's time is then not a throughput figure).
Prints one JSON line; bench_batch.py spawns this script.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from popbill_gui.batch.journal import Journal

# The modules a batch run uses, imported before the baseline: their code is not the batch's growth.
from popbill_gui.batch.reader import read_batch
from popbill_gui.batch.runner import BatchRunner, Stop
from popbill_gui.core.client import LinkCredentials, open_client
from popbill_gui.core.environments import resolve
from popbill_gui.storage.history import History


def memory_kib() -> dict[str, int]:
    """VmRSS and VmHWM in KiB (Linux); elsewhere both are the peak RSS from getrusage."""
    status = Path("/proc/self/status")
    if status.exists():
        found: dict[str, int] = {}
        for line in status.read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0])
        return {"rss": found["VmRSS"], "hwm": found["VmHWM"]}
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB elsewhere
    return {"rss": peak, "hwm": peak}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("file")
    parser.add_argument("history")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations (slower)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="bench_batch_memory: %(message)s")

    environment = resolve("test", base_url=args.base_url, auth_url=args.base_url)
    corp_num = os.environ["POPBILL_CORP_NUM"]
    credentials = LinkCredentials(os.environ["POPBILL_LINK_ID"], os.environ["POPBILL_SECRET_KEY"])
    client = open_client(environment, corp_num, credentials, lang="ko")
    client.issue_token()  # token issued, connection open: what every run has before the first row
    gc.collect()

    tracer: Any = None
    if args.tracemalloc:
        import tracemalloc

        tracer = tracemalloc
        tracer.start()
    marks: dict[str, dict[str, int]] = {"before": memory_kib()}
    times: dict[str, float] = {}

    t0 = time.perf_counter()
    file = read_batch(args.file, "resend_email")
    times["read"] = time.perf_counter() - t0
    marks["read"] = memory_kib()

    store = History(Path(args.history))
    history = Journal(store)
    t0 = time.perf_counter()
    batch_id = history.create_batch(
        operation="resend_email",
        source=args.file,
        fingerprint=file.fingerprint(),
        environment="test",
        corp_num=corp_num,
        rows=file.rows,
        concurrency=args.concurrency,
    )
    times["journal"] = time.perf_counter() - t0
    marks["journaled"] = memory_kib()

    t0 = time.perf_counter()
    result = BatchRunner(client, history, "resend_email", concurrency=args.concurrency).run(batch_id, file.valid_rows)
    if result.stop is Stop.COMPLETED:
        history.finish_batch(batch_id, "completed")
    times["run"] = time.perf_counter() - t0
    marks["run"] = memory_kib()
    traced_peak = traced_now = None
    if tracer is not None:
        traced_now, traced_peak = tracer.get_traced_memory()
        tracer.stop()

    done = sum(1 for o in result.outcomes.values() if o.state.value == "done")
    store.close()
    client.close()
    print(
        json.dumps(
            {
                "rows": len(file.rows),
                "done": done,
                "stop": result.stop.value,
                "marks": marks,
                "times": times,
                "traced_peak": traced_peak,
                "traced_end": traced_now,
            }
        ),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
