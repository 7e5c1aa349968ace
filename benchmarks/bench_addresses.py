"""Checking 100,000 distinct e-mail addresses: the project's whole check against email-validator alone (issue 20).

    .venv/bin/python benchmarks/bench_addresses.py [--count 100000] [--repeat 5] [--odd 0.03]

The addresses are made up the way office files hold them: partners' billing addresses, nearly all plain ASCII, a
few (`--odd`, 3%) with something the fast path leaves to email-validator (an IDN domain, an upper-case special-use
name, a quoted local part) or that is wrong (a space, two dots, no top-level domain). Every address is distinct, so
no verdict is remembered from an earlier row. Each run times, in this process, `check_receiver` (the window's and
the batch reader's check: the project's own rules, the plain-address fast path, email-validator for the rest; its
memo of verdicts emptied first) and `email_validator.validate_email` alone (syntax only, as the project calls it)
over the same list; the order alternates between runs and the median is reported. It also counts the addresses
where the two verdicts differ beyond the project's own extra rules (must be 0). Figures only: nothing here passes
or fails. Goal: the whole check at most 0.5x email-validator alone.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence

from measured import as_installed

GOAL_RATIO = 0.5

_LOCALS = ("tax", "account", "billing", "finance", "office", "accounting", "invoice", "kim.minsu", "lee_jiyoung",
           "park-sy", "choi.accounting", "seoul.office", "ar", "ap", "tax.invoice", "gyeongri",
           "jeonja.segum")  # fmt: skip
_DOMAINS = ("hanbit-trade.co.kr", "daesung-mach.com", "greenforest.kr", "seoul-food.co.kr", "saehan-elec.com",
            "donghae.kr", "mirae-soft.co.kr", "hangyeol.com", "daon-print.co.kr", "cheongsol.kr", "naver.com",
            "daum.net", "gmail.com", "hanmail.net", "nate.com", "company.or.kr", "city.go.kr")  # fmt: skip
_ODD = (
    "{local}{i}@한빛무역.kr",  # IDN domain: email-validator converts it
    "{local}{i}@bücher-{i}.de",
    "{local}{i}@PARTNER{i}.TEST",  # special-use, in upper case
    '"{local} {i}"@example.com',  # quoted local part (refused: not allowed)
    "{local} {i}@example.com",  # a space (the project's own rule)
    "{local}..{i}@example.com",  # two dots
    "{local}{i}@partner{i}",  # no top-level domain
    "{local}{i}@xn--{i}abc.com",  # Punycode that may not decode
)


def make_addresses(count: int, odd_share: float, seed: int = 2026) -> list[str]:
    rng = random.Random(seed)  # made-up data
    made: list[str] = []
    for i in range(count):
        local = rng.choice(_LOCALS)
        if rng.random() < odd_share:
            made.append(rng.choice(_ODD).format(local=local, i=i))
        else:
            domain = rng.choice(_DOMAINS)
            made.append(f"{local}{i}@{domain}" if rng.random() < 0.7 else f"{local}@p{i}.{domain}")
    assert len(set(made)) == count
    return made


def ours(addresses: Sequence[str]) -> list[bool]:
    from popbill_gui.core.validation import _library_verdict, check_receiver

    _library_verdict.cache_clear()
    return [not check_receiver(a) for a in addresses]


def library_alone(addresses: Sequence[str]) -> list[bool]:
    from email_validator import EmailNotValidError, validate_email

    verdicts = []
    for address in addresses:
        try:
            validate_email(address, check_deliverability=False, allow_smtputf8=False)
            verdicts.append(True)
        except EmailNotValidError:
            verdicts.append(False)
    return verdicts


def timed(work: Callable[[Sequence[str]], list[bool]], addresses: Sequence[str]) -> tuple[float, list[bool]]:
    gc.collect()
    start = time.perf_counter()
    verdicts = work(addresses)
    return time.perf_counter() - start, verdicts


def main(argv: Sequence[str] | None = None) -> int:
    as_installed()  # children use .pyc files, as the installed program does (measured.py)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--odd", type=float, default=0.03, help="share of addresses off the fast path")
    args = parser.parse_args(argv)

    from popbill_gui.core.validation import _receiver_shape, is_plain_address

    addresses = make_addresses(args.count, args.odd)
    # Both imported and warmed before timing (the regular expressions compiled, the first call made).
    ours(addresses[:10])
    library_alone(addresses[:10])

    mine: list[float] = []
    theirs: list[float] = []
    our_verdicts: list[bool] = []
    library_verdicts: list[bool] = []
    for run in range(args.repeat):
        plan = [(mine, ours), (theirs, library_alone)]
        for series, work in plan if run % 2 == 0 else reversed(plan):
            seconds, verdicts = timed(work, addresses)
            series.append(seconds)
            if work is ours:
                our_verdicts = verdicts
            else:
                library_verdicts = verdicts

    # The project refuses more than the library (its own rules: spaces, the full-width at-sign, ...), never less.
    extra_rules = [_receiver_shape(a) is not None for a in addresses]
    pairs = zip(our_verdicts, library_verdicts, extra_rules, strict=True)
    differ = sum(1 for o, lib, extra in pairs if o != (lib and not extra))
    fast = sum(1 for a in addresses if is_plain_address(a))
    ours_s, lib_s = statistics.median(mine), statistics.median(theirs)
    ratio = ours_s / lib_s
    print(f"{args.count:,} distinct addresses, {fast:,} on the fast path ({fast / args.count:.1%}), "
          f"{sum(our_verdicts):,} valid; median of {args.repeat} runs in this process")  # fmt: skip
    print(f"  email-validator alone      {lib_s:7.3f} s  {lib_s / args.count * 1e6:6.1f} µs/address")
    print(f"  our whole check            {ours_s:7.3f} s  {ours_s / args.count * 1e6:6.1f} µs/address")
    verdict = "met" if ratio <= GOAL_RATIO else "NOT met"
    print(f"  ratio ours/email-validator {ratio:7.3f}x   (goal <= {GOAL_RATIO}x: {verdict})")
    print(f"  verdicts differing beyond the project's own rules: {differ}")
    return 0 if differ == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
