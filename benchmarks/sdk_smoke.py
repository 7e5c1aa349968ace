"""Drive the vendor's SDK against the simulator: SendEmail and AssignMgtKey, print both answers.

Run with the SDK's interpreter:  /tmp/sdkvenv/bin/python benchmarks/sdk_smoke.py http://127.0.0.1:PORT
Exit status 0 when both calls answer code 1. Does not import popbill_gui (the SDK venv does not have it).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sdk_shim import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, point_sdk_at


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="the simulator's base URL, e.g. http://127.0.0.1:8080")
    parser.add_argument("--link-id", default=DEMO_LINK_ID)
    parser.add_argument("--secret-key", default=DEMO_SECRET_KEY)
    parser.add_argument("--corp-num", default=DEMO_CORP_NUM)
    parser.add_argument("--receiver", default="test@test.com")
    args = parser.parse_args(argv)

    point_sdk_at(args.base_url)
    from popbill import PopbillException, TaxinvoiceService

    service = TaxinvoiceService(args.link_id, args.secret_key)
    service.IsTest = True

    rng = random.SystemRandom()
    item_key = "".join(rng.choice("0123456789") for _ in range(18))
    while item_key.startswith(("000000", "111111")):  # the simulator's magic ItemKeys
        item_key = "".join(rng.choice("0123456789") for _ in range(18))
    mgt_key = f"SMOKE-{rng.randrange(10**12):012d}"

    ok = True
    try:
        result = service.sendEmail(args.corp_num, "SELL", mgt_key, args.receiver)
        print(f"sendEmail: {result.code} {result.message}")
        ok = ok and result.code == 1
    except PopbillException as error:
        print(f"sendEmail: {error.code} {error.message}")
        ok = False
    try:
        result = service.assignMgtKey(args.corp_num, "SELL", item_key, mgt_key)
        print(f"assignMgtKey: {result.code} {result.message} (ItemKey {item_key}, MgtKey {mgt_key})")
        ok = ok and result.code == 1
    except PopbillException as error:
        print(f"assignMgtKey: {error.code} {error.message}")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
