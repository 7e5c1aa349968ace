"""Drive the vendor's SDK against the simulator with a list of calls; print each answer as one JSON line.

Run with the SDK's interpreter:
    .venv-sdk/bin/python benchmarks/sdk_lookups.py http://127.0.0.1:PORT '[{"call": "getInfo", "args": ["SELL", "K"]}]'
Each call is a TaxinvoiceService method name and its arguments after CorpNum (search: the SDK's positional
order, DType … MgtKey). Prints {"ok": true, "result": …} (the SDK's answer turned back into plain JSON) or
{"ok": false, "code": …, "message": …}. Exit status 0 when every line was printed. Used by
tests/simulator/test_lookups.py; does not import popbill_gui (the SDK venv does not have it).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sdk_shim import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, point_sdk_at


def plain(value: Any) -> Any:
    """The SDK's JsonObject / namedtuple answers as plain dicts and lists again."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, tuple) and hasattr(type(value), "_asdict"):  # a namedtuple
        return {k: plain(v) for k, v in value._asdict().items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return {k: plain(v) for k, v in vars(value).items()}  # JsonObject: its __getattr__ answers None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="the simulator's base URL, e.g. http://127.0.0.1:8080")
    parser.add_argument("calls", help="a JSON list of {call, args}")
    args = parser.parse_args(argv)

    point_sdk_at(args.base_url)
    from popbill import PopbillException, TaxinvoiceService

    service = TaxinvoiceService(
        os.environ.get("POPBILL_LINK_ID") or DEMO_LINK_ID, os.environ.get("POPBILL_SECRET_KEY") or DEMO_SECRET_KEY
    )
    service.IsTest = True
    corp_num = os.environ.get("POPBILL_CORP_NUM") or DEMO_CORP_NUM
    for step in json.loads(args.calls):
        try:
            result = getattr(service, step["call"])(corp_num, *step.get("args", []))
            line = {"ok": True, "result": plain(result)}
        except PopbillException as error:
            line = {"ok": False, "code": error.code, "message": error.message}
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
