"""Run the vendor's own example programs, unchanged, against the simulator.

Run with the SDK's interpreter, naming a checkout of the vendor's example programs (their repository
popbill.taxinvoice.example.py; it is not part of this project) and the programs to run:
    .venv-sdk/bin/python benchmarks/sdk_example.py http://127.0.0.1:PORT ~/popbill.taxinvoice.example.py \\
        search.py getInfo.py assignMgtKey.py
Each program runs as its author wrote it (its testValue.py: their example partner TESTER and CorpNum
1234567890), with the SDK's hosts pointed at the simulator first (sdk_shim.py); its output is printed under
its name. Exit status 0 when every program ran to its end (a POPBiLL refusal it prints is an end too).
"""

from __future__ import annotations

import argparse
import os
import runpy
import sys
import traceback
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sdk_shim import point_sdk_at


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="the simulator's base URL, e.g. http://127.0.0.1:8080")
    parser.add_argument("examples", type=Path, help="the folder of the vendor's example programs")
    parser.add_argument("programs", nargs="+", help="file names in that folder, e.g. search.py")
    args = parser.parse_args(argv)

    point_sdk_at(args.base_url)
    folder = args.examples.resolve()
    os.chdir(folder)  # as their README runs them: from their folder, importing testValue beside them
    sys.path.insert(0, str(folder))
    warnings.simplefilter("ignore", DeprecationWarning)  # their `import imp`
    failed = 0
    for name in args.programs:
        print(f"===== {name}", flush=True)
        try:
            runpy.run_path(str(folder / name), run_name="__main__")
        except Exception:  # a program that stops with an exception: say so, run the next
            traceback.print_exc(file=sys.stdout)
            failed += 1
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
