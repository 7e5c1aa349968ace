"""One measured process: popbill_gui's search_all over a date range (windows, every page) against a simulator.

Run with the project's interpreter:
    .venv/bin/python benchmarks/loop_search_ours.py http://127.0.0.1:PORT SELL 2026-02-24 2026-11-23
Prints one line ``ok SEARCHES LOOP_SECONDS INVOICES`` (the loop includes the first token, as the SDK's does).
Credentials as in loop_ours.py. bench_search.py spawns this script; it is not imported.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from datetime import date

# What a run of the product pays for: the imports are inside the timed process.
from loop_ours import demo_credentials

from popbill_gui.core.client import LinkCredentials, open_client
from popbill_gui.core.environments import resolve
from popbill_gui.core.errors import PopbillError
from popbill_gui.core.lookup import SearchFilter, search_all


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("mgt_key_type")
    parser.add_argument("start", type=date.fromisoformat)
    parser.add_argument("end", type=date.fromisoformat)
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.WARNING, format="loop_search_ours: %(message)s")
    environment = resolve("test", base_url=args.base_url, auth_url=args.base_url)
    link_id, secret_key, corp_num = demo_credentials()
    client = open_client(environment, corp_num, LinkCredentials(link_id, secret_key), lang="ko")
    start = time.perf_counter()
    try:
        result = search_all(client, SearchFilter(args.mgt_key_type, args.start, args.end))
    except PopbillError as error:
        print(f"search: {error}", file=sys.stderr)
        return 1
    print(f"ok {result.requests} {time.perf_counter() - start:.6f} {len(result.invoices)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
