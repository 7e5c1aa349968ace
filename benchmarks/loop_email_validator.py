"""One measured process: email-validator alone over the addresses of a file, one a line (bench_check.py's anchor).

    .venv/bin/python benchmarks/loop_email_validator.py ADDRESSES.txt

Syntax only, as the project calls it (no DNS, no SMTPUTF8). Prints one line per address the library refuses
(its line number, from 1), then ``ok N VALID``.
"""

from __future__ import annotations

import sys

from email_validator import EmailNotValidError, validate_email


def main() -> int:
    valid = 0
    with open(sys.argv[1], encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    out = []
    for number, address in enumerate(lines, start=1):
        try:
            validate_email(address, check_deliverability=False, allow_smtputf8=False)
            valid += 1
        except EmailNotValidError:
            out.append(str(number))
    out.append(f"ok {len(lines)} {valid}")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
