"""One measured process: the vendor SDK's search() looped by hand over given windows and all their pages.

Run with the SDK's interpreter:
    .venv-sdk/bin/python benchmarks/loop_search_sdk.py http://127.0.0.1:PORT SELL 20260224:20260823 20260824:20261123
Pages of 1000 (the most the SDK sends), newest first, the next page asked while the last one was full and
pageCount says there is more: what a careful programmer writes around the SDK. Prints one line
``ok SEARCHES LOOP_SECONDS INVOICES`` (the loop includes the first token). Credentials as in loop_sdk.py.
bench_search.py spawns this script; it does not import popbill_gui (the SDK venv does not have it).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sdk_shim import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, point_sdk_at

PER_PAGE = 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("mgt_key_type")
    parser.add_argument("windows", nargs="+", help="yyyyMMdd:yyyyMMdd, in the order to search them")
    args = parser.parse_args(argv)

    point_sdk_at(args.base_url)
    from popbill import PopbillException, TaxinvoiceService

    service = TaxinvoiceService(
        os.environ.get("POPBILL_LINK_ID") or DEMO_LINK_ID, os.environ.get("POPBILL_SECRET_KEY") or DEMO_SECRET_KEY
    )
    service.IsTest = True
    corp_num = os.environ.get("POPBILL_CORP_NUM") or DEMO_CORP_NUM

    searches = 0
    seen: set[str] = set()
    start = time.perf_counter()
    try:
        for window in args.windows:
            first, last = window.split(":")
            page = 1
            while True:
                answer = service.search(corp_num, args.mgt_key_type, "W", first, last, None, None, None, None,
                                        None, None, None, page, PER_PAGE, "D")  # fmt: skip
                searches += 1
                seen.update(row.itemKey for row in answer.list)
                if len(answer.list) < PER_PAGE or page >= answer.pageCount:
                    break
                page += 1
    except PopbillException as error:
        print(f"search: [{error.code}] {error.message}", file=sys.stderr)
        return 1
    print(f"ok {searches} {time.perf_counter() - start:.6f} {len(seen)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
