"""One measured process: N sequential sendEmail calls of the vendor's popbill SDK against a running simulator.

Run with the SDK's interpreter:  .venv-sdk/bin/python benchmarks/loop_sdk.py http://127.0.0.1:PORT --calls 1000
Prints one line ``ok CALLS LOOP_SECONDS LOOP_CPU_SECONDS 0`` and exits 0 when every call answered code 1.
Credentials come from POPBILL_LINK_ID, POPBILL_SECRET_KEY and POPBILL_CORP_NUM (bench_client.py sets them to
popbill_gui.simulator's demo values), else from the copies below. Does not import popbill_gui (the SDK venv
does not have it). bench_client.py spawns this script.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sdk_shim import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, point_sdk_at


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="the simulator's base URL, e.g. http://127.0.0.1:8080")
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--receiver", default="test@test.com")
    args = parser.parse_args(argv)

    point_sdk_at(args.base_url)
    # The SDK's import is inside the timed process, as ours is.
    from popbill import PopbillException, TaxinvoiceService

    link_id = os.environ.get("POPBILL_LINK_ID") or DEMO_LINK_ID
    secret_key = os.environ.get("POPBILL_SECRET_KEY") or DEMO_SECRET_KEY
    corp_num = os.environ.get("POPBILL_CORP_NUM") or DEMO_CORP_NUM
    service = TaxinvoiceService(link_id, secret_key)
    service.IsTest = True

    ok = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for i in range(1, args.calls + 1):
        try:
            ok += service.sendEmail(corp_num, "SELL", f"BENCH-{i:07d}", args.receiver).code == 1
        except PopbillException as error:
            print(f"call {i}: [{error.code}] {error.message}", file=sys.stderr)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    print(f"ok {ok} {wall:.6f} {cpu:.6f} 0", flush=True)
    return 0 if ok == args.calls else 1


if __name__ == "__main__":
    sys.exit(main())
