"""popbill-cli's commands: the two calls, credentials in the keyring, the connection check and the simulator.

A thin face over the service (`popbill_gui/service/`), like the window: it turns arguments into typed requests and
results into lines and exit codes. Batches are in `batch.py`, search and info in `lookup.py`.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import IO

from ..core.messages import Lang, normalize_lang, text
from ..core.validation import Problem, check_link_id, check_secret_key, check_token
from ..service import (
    AssignRequest,
    CallResult,
    CallsClosed,
    Credentials,
    Kind,
    LinkCredentials,
    PopbillError,
    Request,
    ResendRequest,
    Service,
    StoreFactory,
    TokenCredentials,
    system_store,
)
from ..storage.settings import Settings, history_path
from .advice import advice, hint
from .output import EXIT_INVALID, EXIT_OK, EXIT_UNREACHABLE, error_json, exit_code_for, result_json
from .parser import UsageError, build_parser, read_settings
from .terminal import echoing_terminal, json_line, write_line


class Cli:
    """One run of popbill-cli; streams and the keyring are injectable for tests."""

    def __init__(
        self,
        environ: dict[str, str] | None = None,
        stdin: IO[str] | None = None,
        stdout: IO[str] | None = None,
        stderr: IO[str] | None = None,
        store_factory: StoreFactory | None = None,
    ) -> None:
        self.environ = dict(os.environ if environ is None else environ)
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self._store_factory: StoreFactory = store_factory or system_store
        self.lang: Lang = normalize_lang(self.environ.get("POPBILL_LANG"))

    def out(self, line: str) -> None:
        write_line(self.stdout, line)  # never an encoding error (terminal.py)

    def err(self, line: str) -> None:
        write_line(self.stderr, line)

    def out_json(self, data: object) -> None:
        """One line of JSON, valid whatever the stream's encoding (terminal.py)."""
        self.out(json_line(data, self.stdout))

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
                "batch": self._batch,
                "search": self._search,
                "info": self._info,
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
            self.out_json(error_json(error))
            return code
        # For invalid input the problems follow one per line, so the first line is only the summary.
        first = text("error.invalid_input", error.lang) if error.problems else error.message
        self.err(f"[{error.code}] {first}")
        for problem in error.problems:
            self.err(f"  - {problem.field}: {problem.describe(self.lang)}")
        what_to_do = hint(error)
        if what_to_do:
            self.err(f"  → {what_to_do}")
        return code

    # ---- the service ----
    def service(self, s: Settings, *, credentials: bool = True) -> Service:
        """The service for these settings; with `credentials`, from POPBILL_* variables (then the keyring is not
        asked at all) or else from the keyring (a KEYRING error when none is usable)."""
        service = Service(s, store_factory=self._store_factory, history_path=history_path(self.environ))
        service.environment()  # settings first: a bad URL is named before the keyring is asked
        if credentials and not service.use_environment_credentials(self.environ):
            service.read_keyring(required=True)
        return service

    # ---- commands ----
    def call(self, args: argparse.Namespace, s: Settings) -> int:
        request: Request
        if args.command == "resend-email":
            request = ResendRequest(args.type, args.mgt_key, args.receiver)
        else:
            request = AssignRequest(args.item_key, args.type, args.mgt_key)
        # Check the input before anything else (credentials, keyring), so bad input is named at once.
        problems = request.problems()
        if problems:
            raise PopbillError.invalid(problems, s.lang)
        service = self.service(s)
        try:
            result = self._call_interruptibly(service, request)
        finally:
            service.close()
        if args.json:
            self.out_json(result_json(result))
        else:
            self.out(f"[{result.code}] {result.message}")
        return EXIT_OK

    def _call_interruptibly(self, service: Service, request: Request) -> CallResult:
        """The call on a thread of its own, so that Ctrl+C is heard while it waits. Ctrl+C after the request was
        sent: recorded as "unknown" and reported as a lost answer (exit 3, maybe_delivered); before: interrupted
        (130), nothing sent."""
        box: list[CallResult] = []
        failure: list[BaseException] = []
        # An Event, not Thread.is_alive(): after a join() interrupted by Ctrl+C, is_alive() may wrongly say False.
        ended = threading.Event()

        def work() -> None:
            try:
                box.append(service.call(request))
            except BaseException as exc:  # noqa: BLE001 -- handed to the main thread, which reports it
                failure.append(exc)
            finally:
                ended.set()

        threading.Thread(target=work, name="call", daemon=True).start()
        try:
            while not ended.wait(0.1):
                pass
        except KeyboardInterrupt:
            if service.give_up_calls():  # sent, no answer yet: recorded as unknown, reported as a lost answer
                raise PopbillError.client(Kind.INTERRUPTED, self.lang) from None
            ended.wait(0.5)  # nothing on its way, and none will begin: the answer arriving now, or nothing sent
            if not ended.is_set() or (failure and isinstance(failure[0], CallsClosed)):
                raise
        if failure:
            raise failure[0]
        return box[0]

    def check(self, args: argparse.Namespace, s: Settings) -> int:
        service = self.service(s)
        try:
            token = service.issue_token()
            env = service.environment()
        finally:
            service.close()
        if args.json:
            self.out_json({"code": 1, "message": "ok", "environment": env.name, "expires": token.expiry_text()})
        else:
            self.out(f"OK: {env.name} ({env.base_url}), token expires {token.expiry_text()}")
        return EXIT_OK

    def _read_secret(self, prompt: str) -> str:
        """The secret, never echoed: getpass on a terminal, one line from a pipe or a file; refused (exit 2,
        nothing read) where the terminal would show it (terminal.py)."""
        if self.stdin.isatty():
            import getpass  # here: only login reads a secret
            import warnings

            with warnings.catch_warnings():
                # getpass falls back to reading with echo (and only warns) where it cannot switch echo off.
                warnings.simplefilter("error", getpass.GetPassWarning)
                try:
                    return getpass.getpass(prompt)
                except getpass.GetPassWarning:
                    raise UsageError(advice("secret_would_echo", self.lang)) from None
        if echoing_terminal(self.stdin):
            raise UsageError(advice("secret_would_echo", self.lang))
        return self.stdin.readline().strip()

    def login(self, args: argparse.Namespace, s: Settings) -> int:
        credentials: Credentials
        problems: list[Problem]
        if args.token:
            value = self._read_secret("Session token: ")
            problems = check_token(value)
            credentials = TokenCredentials(value.strip())
        else:
            problems = check_link_id(args.link_id)
            if problems:  # named before the secret is asked for
                raise PopbillError.invalid(problems, s.lang)
            secret = self._read_secret("SecretKey: ")
            problems = check_secret_key(secret)
            credentials = LinkCredentials(args.link_id.strip(), secret.strip())
        if problems:
            raise PopbillError.invalid(problems, s.lang)
        backend = self.service(s, credentials=False).save_credentials(credentials)
        self.out(text("cli.saved", s.lang, env=s.env, backend=backend))
        return EXIT_OK

    def logout(self, args: argparse.Namespace, s: Settings) -> int:
        removed = self.service(s, credentials=False).forget_credentials()
        self.out(text("cli.removed" if removed else "cli.nothing_saved", s.lang, env=s.env))
        return EXIT_OK

    # The commands' modules load with the command: a batch does not load the look-ups, nor a search the batches.
    def _batch(self, args: argparse.Namespace, s: Settings) -> int:
        from .batch import run_batch

        return run_batch(self, args, s)

    def _search(self, args: argparse.Namespace, s: Settings) -> int:
        from .lookup import run_search

        return run_search(self, args, s)

    def _info(self, args: argparse.Namespace, s: Settings) -> int:
        from .lookup import run_info

        return run_info(self, args, s)

    def simulator(self, args: argparse.Namespace) -> int:
        from ..simulator import AUTH_FAULTS, DEMO_LINK_ID, DEMO_SECRET_KEY, FAULTS, Simulator

        for name, value, allowed in (("--fault", args.fault, FAULTS), ("--auth-fault", args.auth_fault, AUTH_FAULTS)):
            if value is not None and value not in allowed:
                raise UsageError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
        if (args.link_id is None) != (args.secret_key is None):
            raise UsageError("--link-id and --secret-key go together")
        if not 0 <= args.book_size <= 99_999:
            raise UsageError(f"--book-size must be 0 to 99999, not {args.book_size}")
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
            strict=args.strict,
            book_size=args.book_size,
            book_seed=args.book_seed,
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
