"""popbill-cli's arguments: the parser, and the settings it resolves (options, then POPBILL_* variables)."""

from __future__ import annotations

import argparse

from .. import __version__
from ..core.validation import DATE_KINDS, MGT_KEY_TYPES
from ..simulator.names import DEFAULT_SEED, DEFAULT_SIZE, FAULTS
from ..storage import settings as settings_mod
from ..storage.settings import DEFAULT_TIMEOUT, ENV_VARS, Settings, SettingsError


def _add_settings(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("settings (also from the environment variable named)")
    group.add_argument("--env", help="test | production (POPBILL_ENV, default test)")
    group.add_argument("--hosts", help="default | static | ga host set (POPBILL_HOSTS)")
    group.add_argument("--base-url", help="API base URL (POPBILL_BASE_URL)")
    group.add_argument("--auth-url", help="token service base URL; /ServiceID/Token is added (POPBILL_AUTH_URL)")
    group.add_argument("--corp-num", help="business registration number, 10 digits (POPBILL_CORP_NUM)")
    group.add_argument("--user-id", help="POPBiLL user ID, optional (POPBILL_USER_ID)")
    group.add_argument("--lang", help="ko | en (POPBILL_LANG, default ko)")
    group.add_argument("--timeout", help=f"read timeout in seconds (POPBILL_TIMEOUT, default {DEFAULT_TIMEOUT:g})")
    group.add_argument("--ca-bundle", help="CA bundle file for TLS (POPBILL_CA_BUNDLE)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="popbill-cli",
        description="POPBiLL e-Tax invoice tools: resend notification mail, assign document IDs, find invoices.",
        epilog="exit codes: 0 done, 1 refused by POPBiLL, 2 invalid input (nothing sent), "
        "3 service unreachable or answer not understood, 4 no usable credentials",
    )
    parser.add_argument("--version", action="version", version=f"popbill-cli {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    types = "|".join(MGT_KEY_TYPES)

    p = sub.add_parser("resend-email", help="resend the notification mail of one invoice to one address")
    p.add_argument("--type", required=True, metavar=types, help="MgtKeyType")
    p.add_argument("--mgt-key", required=True, metavar="KEY", help="document ID (MgtKey), 1-24 characters")
    p.add_argument("--receiver", required=True, metavar="ADDRESS", help="receiver e-mail address")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    _add_settings(p)

    p = sub.add_parser("assign-mgtkey", help="give a document ID to an invoice issued on the website")
    p.add_argument("--item-key", required=True, metavar="ITEMKEY", help="POPBiLL ItemKey, 18 digits")
    p.add_argument("--type", required=True, metavar=types, help="MgtKeyType")
    p.add_argument("--mgt-key", required=True, metavar="KEY", help="document ID (MgtKey) to assign")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    _add_settings(p)

    p = sub.add_parser("check", help="issue a session token and show its expiry (test the connection)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    _add_settings(p)

    p = sub.add_parser("login", help="save credentials in the keyring (secret read from standard input)")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--link-id", metavar="ID", help="LinkID; the SecretKey is read from standard input")
    how.add_argument("--token", action="store_true", help="read a ready session token from standard input")
    _add_settings(p)

    p = sub.add_parser("logout", help="remove the saved credentials of the environment from the keyring")
    _add_settings(p)

    p = sub.add_parser(
        "batch",
        help="one call per row of a CSV or Excel file, journaled and resumable; 'batch template' writes an empty file",
        usage="popbill-cli batch {resend-email,assign-mgtkey} FILE [options]\n"
        "       popbill-cli batch template {resend-email,assign-mgtkey} FILE\n"
        "       popbill-cli batch verify FILE [--out RESULTS]",
    )
    p.add_argument("operation", choices=("resend-email", "assign-mgtkey", "template", "verify"))
    p.add_argument("file", metavar="FILE", help="CSV (UTF-8 or CP949) or .xlsx with a header row")
    p.add_argument(
        "template_file",
        nargs="?",
        metavar="TEMPLATE_FILE",
        help="batch template OPERATION TEMPLATE_FILE: write the header row of OPERATION's file to TEMPLATE_FILE "
        "(.csv or .xlsx), to fill in and run",
    )
    p.add_argument("--concurrency", type=int, default=4, metavar="N", help="calls at once, 1-16 (default 4)")
    p.add_argument("--out", metavar="RESULTS", help="write every row's result to RESULTS.csv or RESULTS.xlsx")
    p.add_argument("--resume", action="store_true", help="continue the interrupted batch of this file")
    p.add_argument("--skip-invalid", action="store_true", help="send the valid rows, skip the invalid ones")
    p.add_argument(
        "--resend-unknown", action="store_true", help="resend-email only: send again rows whose outcome is unknown"
    )
    p.add_argument(
        "--abandon",
        action="store_true",
        help="give up the unfinished batch of this file (sends nothing); its next run leaves out what it did",
    )
    p.add_argument(
        "--again",
        action="store_true",
        help="also send rows done or maybe done in the last 24 hours or by an abandoned batch of the file",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="read and check every row, print the summary and the invalid rows; send nothing (exit 0 all valid, 2 not)",
    )
    p.add_argument(
        "--hidden-rows",
        choices=("send", "skip"),
        help="rows hidden in Excel (a filter, by hand): send them too, or skip them; required when there are any",
    )
    _add_settings(p)

    p = sub.add_parser("search", help="list invoices of a period (any length), e.g. those without a document ID")
    p.add_argument("--type", required=True, metavar=types, help="MgtKeyType: our side of the invoices")
    p.add_argument("--from", required=True, dest="start", metavar="YYYY-MM-DD", help="first day")
    p.add_argument("--to", required=True, dest="end", metavar="YYYY-MM-DD", help="last day")
    p.add_argument(
        "--date-kind",
        choices=tuple(DATE_KINDS),
        default="written",
        help="which date the period is about: written (default), registered or issued",
    )
    p.add_argument("--partner", metavar="TEXT", help="the partner's name or business number (part of it)")
    p.add_argument("--state", metavar="CODE[,CODE...]", help="state codes, '*' for any digit, e.g. 3**,6**")
    p.add_argument("--without-mgt-key", action="store_true", help="only invoices without our document ID")
    p.add_argument("--json", action="store_true", help="print a JSON array of the invoices (the API's fields)")
    p.add_argument("--out", metavar="FILE", help="also write the list to FILE.csv or FILE.xlsx for Excel")
    _add_settings(p)

    p = sub.add_parser("info", help="one invoice: by --type and --mgt-key, or by --item-key")
    p.add_argument("--type", metavar=types, help="MgtKeyType (with --mgt-key; optional with --item-key)")
    p.add_argument("--mgt-key", metavar="KEY", help="document ID (MgtKey): GetInfo, then the detail")
    p.add_argument("--item-key", metavar="ITEMKEY", help="POPBiLL ItemKey, 18 digits: the detail")
    p.add_argument("--json", action="store_true", help="print one JSON object (the API's fields)")
    _add_settings(p)

    p = sub.add_parser("simulator", help="run the POPBiLL simulator on loopback until stopped")
    p.add_argument("--port", type=int, default=0, help="port (default: any free port)")
    p.add_argument("--latency-ms", type=float, default=0.0, help="delay before every answer")
    p.add_argument("--fault", help="misbehave on API calls: " + ", ".join(FAULTS))
    p.add_argument("--auth-fault", help="misbehave on token requests (same names)")
    p.add_argument("--token-ttl", type=float, default=3600.0, help="token lifetime in seconds")
    p.add_argument("--link-id", help="accepted LinkID (default: the demo LinkID)")
    p.add_argument("--secret-key", help="accepted SecretKey, base64 (default: the demo key)")
    p.add_argument("--verbose", action="store_true", help="log every request to stderr")
    p.add_argument("--strict", action="store_true", help="refuse calls for invoices not in the book, as POPBiLL does")
    size, seed = DEFAULT_SIZE, DEFAULT_SEED
    p.add_argument(
        "--book-size", type=int, default=size, metavar="N",
        help=f"invoices in the demo company's nine months (default {size}); other companies' at that pace",
    )  # fmt: skip
    p.add_argument("--book-seed", type=int, default=seed, metavar="N", help="the book's seed (the same book for it)")
    return parser


class UsageError(Exception):
    """A setting or option that cannot be used; exit 2 with the message."""


def read_settings(args: argparse.Namespace, environ: dict[str, str]) -> Settings:
    """Options, then POPBILL_* variables, then defaults: the command line does not read the window's file."""
    try:
        return settings_mod.resolve({name: getattr(args, name, None) for name in ENV_VARS}, environ)
    except SettingsError as exc:
        raise UsageError(str(exc)) from None


