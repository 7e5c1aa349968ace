"""popbill-cli: the two POPBiLL calls, credentials in the keyring and the simulator, from a terminal.

The same core as the window. Exit codes are a contract (scripts rely on them):
0 done; 1 POPBiLL refused the call; 2 invalid input, nothing sent; 3 the service could not be reached or
its answer not understood; 4 no usable credentials. None of these ever prints a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from . import __version__
from .batch.model import InputRow, Operation, RowOutcome, RowState
from .core.auth import PastedToken, decode_secret
from .core.client import CallResult, Credentials, LinkCredentials, TaxinvoiceClient, TokenCredentials
from .core.environments import Environment, resolve
from .core.errors import CREDENTIAL_KINDS, UNREACHABLE_KINDS, Kind, PopbillError
from .core.messages import Lang, normalize_lang, text
from .core.validation import MGT_KEY_TYPES, Problem
from .storage import settings as settings_mod
from .storage.connection import open_configured_client
from .storage.settings import DEFAULT_TIMEOUT, ENV_VARS, Settings, SettingsError, env_credentials

if TYPE_CHECKING:
    from .batch.runner import BatchResult, BatchRunner, Progress
    from .storage.history import History
    from .storage.secrets import SecretStore

EXIT_OK, EXIT_REFUSED, EXIT_INVALID, EXIT_UNREACHABLE, EXIT_CREDENTIALS = 0, 1, 2, 3, 4


def exit_code_for(error: PopbillError) -> int:
    if error.kind in CREDENTIAL_KINDS:
        return EXIT_CREDENTIALS
    if error.kind in UNREACHABLE_KINDS:
        return EXIT_UNREACHABLE
    if error.kind is Kind.POPBILL:
        return EXIT_REFUSED
    return EXIT_INVALID  # invalid input or configuration: nothing was sent


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
        description="POPBiLL e-Tax invoice tools: resend notification mail, assign document IDs.",
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

    p = sub.add_parser("batch", help="one call per row of a CSV or Excel file, journaled and resumable")
    p.add_argument("operation", choices=("resend-email", "assign-mgtkey"))
    p.add_argument("file", metavar="FILE", help="CSV (UTF-8 or CP949) or .xlsx with a header row")
    p.add_argument("--concurrency", type=int, default=4, metavar="N", help="calls at once, 1-16 (default 4)")
    p.add_argument("--out", metavar="RESULTS", help="write every row's result to RESULTS.csv or RESULTS.xlsx")
    p.add_argument("--resume", action="store_true", help="continue the interrupted batch of this file")
    p.add_argument("--skip-invalid", action="store_true", help="send the valid rows, skip the invalid ones")
    p.add_argument(
        "--resend-unknown", action="store_true", help="resend-email only: send again rows whose outcome is unknown"
    )
    _add_settings(p)

    p = sub.add_parser("simulator", help="run the POPBiLL simulator on loopback until stopped")
    p.add_argument("--port", type=int, default=0, help="port (default: any free port)")
    p.add_argument("--latency-ms", type=float, default=0.0, help="delay before every answer")
    p.add_argument("--fault", help="misbehave on API calls: " + ", ".join(_faults()))
    p.add_argument("--auth-fault", help="misbehave on token requests (same names)")
    p.add_argument("--token-ttl", type=float, default=3600.0, help="token lifetime in seconds")
    p.add_argument("--link-id", help="accepted LinkID (default: the demo LinkID)")
    p.add_argument("--secret-key", help="accepted SecretKey, base64 (default: the demo key)")
    p.add_argument("--verbose", action="store_true", help="log every request to stderr")
    return parser


def _faults() -> Sequence[str]:
    from .simulator import FAULTS

    return FAULTS


class UsageError(Exception):
    """A setting or option that cannot be used; exit 2 with the message."""


def read_settings(args: argparse.Namespace, environ: dict[str, str]) -> Settings:
    """Options, then POPBILL_* variables, then defaults: the command line does not read the window's file."""
    try:
        return settings_mod.resolve({name: getattr(args, name, None) for name in ENV_VARS}, environ)
    except SettingsError as exc:
        raise UsageError(str(exc)) from None


def _system_store(lang: Lang) -> SecretStore:
    # Imported when the keyring is needed: credentials from the environment never pay for it.
    from .storage.secrets import SecretStore

    return SecretStore.system(lang)


class Cli:
    """One run of popbill-cli; streams and the keyring are injectable for tests."""

    def __init__(
        self,
        environ: dict[str, str] | None = None,
        stdin: IO[str] | None = None,
        stdout: IO[str] | None = None,
        stderr: IO[str] | None = None,
        store_factory: Callable[[Lang], SecretStore] | None = None,
    ) -> None:
        self.environ = dict(os.environ if environ is None else environ)
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self._store_factory = store_factory or _system_store
        self.lang: Lang = normalize_lang(self.environ.get("POPBILL_LANG"))

    def out(self, line: str) -> None:
        print(line, file=self.stdout, flush=True)

    def err(self, line: str) -> None:
        print(line, file=self.stderr, flush=True)

    def run(self, argv: Sequence[str] | None) -> int:
        parser = build_parser()
        args = parser.parse_args(argv)  # exits 2 with a usage line on a missing or unknown option
        try:
            if args.command == "simulator":
                return self.simulator(args)
            settings = read_settings(args, self.environ)
            self.lang = settings.lang
            handler: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
                "resend-email": self.call,
                "assign-mgtkey": self.call,
                "check": self.check,
                "login": self.login,
                "logout": self.logout,
                "batch": self.batch,
            }
            return handler[args.command](args, settings)
        except UsageError as exc:
            self.err(f"popbill-cli: {exc}")
            return EXIT_INVALID
        except PopbillError as exc:
            return self.report_error(exc, getattr(args, "json", False))

    # ---- output ----
    def report_error(self, error: PopbillError, as_json: bool) -> int:
        code = exit_code_for(error)
        if as_json:
            self.out(json.dumps(error_json(error), ensure_ascii=False))
            return code
        # For invalid input the problems follow one per line, so the first line is only the summary.
        first = text("error.invalid_input", error.lang) if error.problems else error.message
        self.err(f"[{error.code}] {first}")
        for problem in error.problems:
            self.err(f"  - {problem.field}: {problem.describe(self.lang)}")
        if error.hint:
            self.err(f"  → {error.hint}")
        return code

    # ---- commands ----
    def _environment(self, s: Settings) -> Environment:
        return resolve(s.env, s.hosts, s.base_url, s.auth_url, s.lang)  # type: ignore[arg-type]

    def _client(self, s: Settings) -> TaxinvoiceClient:
        self._environment(s)  # settings first: a bad URL is named before the keyring is asked
        # Environment variables first (then the keyring is not asked at all), else the keyring entry.
        credentials = env_credentials(self.environ, s.lang)
        store = None
        if credentials is None:
            store = self._store_factory(s.lang)
            credentials = store.load(s.env)
        return open_configured_client(s, credentials, store)

    def call(self, args: argparse.Namespace, s: Settings) -> int:
        # Check the input before anything else (credentials, keyring), so bad input is named at once.
        from .core.validation import check_assign, check_resend

        if args.command == "resend-email":
            problems = check_resend(args.type, args.mgt_key, args.receiver)
        else:
            problems = check_assign(args.item_key, args.type, args.mgt_key)
        if problems:
            raise PopbillError.invalid(problems, s.lang)
        operation = "resend_email" if args.command == "resend-email" else "assign_mgt_key"
        keys = {"mgt_key_type": args.type.strip(), "mgt_key": args.mgt_key.strip()}
        keys.update(
            {"receiver": args.receiver.strip()} if operation == "resend_email" else {"item_key": args.item_key.strip()}
        )
        start = time.monotonic()
        with self._client(s) as client:
            try:
                if operation == "resend_email":
                    result = client.resend_email(args.type, args.mgt_key, args.receiver)
                else:
                    result = client.assign_mgt_key(args.item_key, args.type, args.mgt_key)
            except PopbillError as exc:
                if exc.kind not in CREDENTIAL_KINDS:  # the call was tried: it belongs in the history
                    self._record(
                        s, operation, keys, exc.http_status, exc.code, exc.message, time.monotonic() - start, False
                    )
                raise
        self._record(s, operation, keys, result.http_status, result.code, result.message, result.duration, True)
        if args.json:
            self.out(json.dumps(result_json(result), ensure_ascii=False))
        else:
            self.out(f"[{result.code}] {result.message}")
        return EXIT_OK

    def check(self, args: argparse.Namespace, s: Settings) -> int:
        with self._client(s) as client:
            token = client.issue_token()
        env = client.environment
        if args.json:
            self.out(json.dumps({"code": 1, "message": "ok", "environment": env.name, "expires": token.expiry_text()}))
        else:
            self.out(f"OK: {env.name} ({env.base_url}), token expires {token.expiry_text()}")
        return EXIT_OK

    def _read_secret(self, prompt: str) -> str:
        if self.stdin.isatty():
            return getpass.getpass(prompt)  # no echo on a terminal
        return self.stdin.readline().strip()

    def login(self, args: argparse.Namespace, s: Settings) -> int:
        credentials: Credentials
        if args.token:
            value = self._read_secret("Session token: ")
            try:
                PastedToken(value, s.lang)  # refuses a token that cannot travel in a header
            except PopbillError:
                raise PopbillError.invalid([Problem("token", "token.invalid")], s.lang) from None
            credentials = TokenCredentials(value)
        else:
            link_id = args.link_id.strip()
            if not link_id or any(c.isspace() or not c.isprintable() for c in link_id):
                raise PopbillError.invalid([Problem("link_id", "link_id.invalid")], s.lang)
            secret = self._read_secret("SecretKey: ")
            if not secret:
                raise PopbillError.invalid([Problem("secret_key", "secret_key.required")], s.lang)
            try:
                decode_secret(secret, s.lang)
            except PopbillError:
                raise PopbillError.invalid([Problem("secret_key", "secret_key.invalid")], s.lang) from None
            credentials = LinkCredentials(link_id, secret)
        store = self._store_factory(s.lang)
        store.save(s.env, credentials)
        self.out(text("cli.saved", s.lang, env=s.env, backend=store.backend_name))
        return EXIT_OK

    def logout(self, args: argparse.Namespace, s: Settings) -> int:
        removed = self._store_factory(s.lang).delete(s.env)
        self.out(text("cli.removed" if removed else "cli.nothing_saved", s.lang, env=s.env))
        return EXIT_OK

    def _record(
        self,
        s: Settings,
        operation: str,
        keys: dict[str, str],
        http: int | None,
        code: int,
        message: str,
        seconds: float,
        ok: bool,
    ) -> None:
        """One call into the history; a history that cannot be written never changes the outcome."""
        try:
            history = self._history()
            try:
                history.record_request(
                    environment=s.env,
                    corp_num=s.corp_num or "",
                    operation=operation,
                    keys=keys,
                    http_status=http,
                    code=code,
                    message=message,
                    duration=seconds,
                    ok=ok,
                )
            finally:
                history.close()
        except Exception as exc:  # noqa: BLE001 -- say so, once, and go on
            self.err(f"popbill-cli: the call was not written to the history ({type(exc).__name__})")

    def _history(self) -> History:
        from .storage.history import History

        path = self.environ.get("POPBILL_HISTORY")
        return History(Path(path) if path else None)

    def batch(self, args: argparse.Namespace, s: Settings) -> int:
        from .batch.export import result_table, write_results
        from .batch.reader import BatchFileError, read_batch
        from .batch.runner import MAX_CONCURRENCY, BatchRunner, Stop

        lang = s.lang
        operation: Operation = "resend_email" if args.operation == "resend-email" else "assign_mgt_key"
        if not 1 <= args.concurrency <= MAX_CONCURRENCY:
            raise UsageError(f"--concurrency must be 1 to {MAX_CONCURRENCY}, not {args.concurrency}")
        if args.resend_unknown and operation == "assign_mgt_key":
            raise UsageError("--resend-unknown is for resend-email only: AssignMgtKey is never sent twice")
        if args.out and Path(args.out).suffix.lower() not in (".csv", ".xlsx"):
            raise UsageError("--out must name a .csv or .xlsx file")
        try:
            file = read_batch(args.file, operation)
        except BatchFileError as exc:
            self.err(f"popbill-cli: {exc.describe(lang)}")
            return EXIT_INVALID
        invalid = file.invalid_rows
        if invalid and not args.skip_invalid:
            self.err(text("batch.file_refused", lang, count=len(invalid)))
            for row in invalid:
                for problem in row.problems:
                    self.err(f"  {row.row}: {problem.field}: {problem.describe(lang)}")
            return EXIT_INVALID
        history = self._history()
        try:
            unfinished = history.unfinished_batches(file.fingerprint())
            if unfinished and not args.resume:
                self.err(text("batch.interrupted_exists", lang, batch=unfinished[0].id))
                return EXIT_INVALID
            with self._client(s) as client:
                if args.resume and unfinished:
                    batch_id = unfinished[0].id
                    history.recover(batch_id)
                    states = {j.row: j.outcome.state for j in history.batch_rows(batch_id)}
                    wanted = {RowState.PENDING} | ({RowState.UNKNOWN} if args.resend_unknown else set())
                    to_send = [r for r in file.valid_rows if states.get(r.row) in wanted]
                else:
                    batch_id = history.create_batch(
                        operation=operation,
                        source=str(args.file),
                        fingerprint=file.fingerprint(),
                        environment=s.env,
                        corp_num=s.corp_num or "",
                        rows=file.rows,
                        concurrency=args.concurrency,
                        skip_invalid=args.skip_invalid,
                    )
                    to_send = file.valid_rows
                result = self._run_batch(
                    BatchRunner(client, history, operation, concurrency=args.concurrency), batch_id, to_send
                )
            outcomes = {j.row: j.outcome for j in history.batch_rows(batch_id)}
            if result.stop is Stop.COMPLETED:
                history.finish_batch(batch_id, "completed")
            if args.out:
                written = write_results(args.out, result_table(operation, file.rows, outcomes, lang))
                self.err(text("batch.results_written", lang, path=str(written)))
        finally:
            history.close()
        return self._batch_summary(result, outcomes, lang)

    def _run_batch(self, runner: BatchRunner, batch_id: int, rows: Sequence[InputRow]) -> BatchResult:
        """Run on a thread so Ctrl+C can cancel: no new call starts, calls in flight finish and are journaled."""
        show = self.stderr.isatty()

        def progress(outcome: RowOutcome, p: Progress) -> None:
            if show:
                eta = f"{p.eta:.0f}s" if p.eta is not None else "?"
                self.stderr.write(
                    f"\r{p.finished}/{p.total} ok {p.done} failed {p.failed} check {p.unknown} "
                    f"{p.rate:.1f}/s eta {eta}   "
                )
                self.stderr.flush()

        runner.on_row = progress
        box: list[BatchResult] = []
        thread = threading.Thread(target=lambda: box.append(runner.run(batch_id, rows)), name="batch", daemon=True)
        thread.start()
        while thread.is_alive():
            try:
                thread.join(0.2)
            except KeyboardInterrupt:
                runner.cancel()
                self.err("\n" + text("batch.cancelling", self.lang))
        if show:
            self.stderr.write("\n")
        return box[0]

    def _batch_summary(self, result: BatchResult, outcomes: dict[int, RowOutcome], lang: Lang) -> int:
        from .batch.model import state_text
        from .batch.runner import Stop

        counts = {state: sum(1 for o in outcomes.values() if o.state is state) for state in RowState}
        for outcome in sorted(outcomes.values(), key=lambda o: o.row):
            if outcome.state in (RowState.FAILED, RowState.UNKNOWN):
                code = "" if outcome.code is None else f"[{outcome.code}] "
                self.out(f"{outcome.row}\t{state_text(outcome.state, lang)}\t{code}{outcome.message}")
        summary = ", ".join(f"{state_text(state, lang)} {n}" for state, n in counts.items() if n)
        self.err(summary)
        if result.error is not None and result.stop is not Stop.COMPLETED:
            self.err(text("batch.stopped", lang) + f" [{result.error.code}] {result.error.message}")
            if result.error.hint:
                self.err(f"  → {result.error.hint}")
        if result.stop is Stop.UNREACHABLE:
            return EXIT_UNREACHABLE
        if result.stop is Stop.CREDENTIALS:
            return EXIT_CREDENTIALS
        if result.stop is Stop.CANCELLED:
            return 130
        return EXIT_OK if counts[RowState.DONE] == len(outcomes) else EXIT_REFUSED

    def simulator(self, args: argparse.Namespace) -> int:
        from .simulator import AUTH_FAULTS, DEMO_LINK_ID, DEMO_SECRET_KEY, FAULTS, Simulator

        for name, value, allowed in (("--fault", args.fault, FAULTS), ("--auth-fault", args.auth_fault, AUTH_FAULTS)):
            if value is not None and value not in allowed:
                raise UsageError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
        if (args.link_id is None) != (args.secret_key is None):
            raise UsageError("--link-id and --secret-key go together")
        stop = threading.Event()
        sim = Simulator(
            port=args.port,
            link_id=args.link_id or DEMO_LINK_ID,
            secret_key=args.secret_key or DEMO_SECRET_KEY,
            latency_ms=args.latency_ms,
            fault=args.fault,
            auth_fault=args.auth_fault,
            token_ttl=args.token_ttl,
            verbose=args.verbose,
        )
        try:
            sim.start()
        except OSError as exc:
            self.err(f"popbill-cli: cannot listen on port {args.port}: {exc.strerror}")
            return EXIT_UNREACHABLE
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        self.out(sim.base_url)
        self.err(f"simulator serving at {sim.base_url} (Ctrl+C to stop)")
        try:
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
        finally:
            sim.stop()
        return EXIT_OK


def result_json(result: CallResult) -> dict[str, Any]:
    return {
        "code": result.code,
        "message": result.message,
        "http_status": result.http_status,
        "operation": result.operation,
        "duration_ms": round(result.duration * 1000, 1),
    }


def error_json(error: PopbillError) -> dict[str, Any]:
    return {
        "code": error.code,
        "message": error.message,
        "http_status": error.http_status,
        "kind": error.kind.value,
        "hint": error.hint,
        "problems": [{"field": p.field, "key": p.key, "message": p.describe(error.lang)} for p in error.problems],
        "maybe_delivered": error.maybe_delivered,
    }


def main(argv: Sequence[str] | None = None) -> NoReturn:
    logging.basicConfig(level=logging.WARNING, format="popbill-cli: %(message)s")
    cli = Cli()
    try:
        code = cli.run(argv)
    except KeyboardInterrupt:
        cli.err("popbill-cli: interrupted")
        code = 130
    except Exception as exc:
        if os.environ.get("POPBILL_DEBUG"):
            raise
        cli.err(f"popbill-cli: internal error ({type(exc).__name__}); set POPBILL_DEBUG=1 for details")
        code = 70
    sys.exit(code)
