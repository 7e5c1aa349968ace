"""The service: what a user can do, written once for the window and the command line.

`Service` holds what the program is connected with (settings, credentials, the keyring they came from, the call
history) and opens the core client from them on first use, sharing it between threads until something changes.
Every call goes through `call()`, which checks the request with the core's rules, sends it and records it in the
history, so neither face opens a client or writes a record itself. Batches are planned and run by
`service.batches` (`batches.py`). Qt-free; safe to use from worker threads.

Heavy imports (urllib3 and ssl, keyring, sqlite3) happen on first use, on whichever thread needs them: the window's
start-up never waits for them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from ..core.errors import CLIENT_CODE, CREDENTIAL_KINDS, UNREACHABLE_KINDS, Kind, PopbillError
from ..core.messages import Lang, text
from ..core.models import CallResult, Credentials, Token
from ..storage.settings import Settings, env_credentials
from .requests import AssignRequest, Request, ResendRequest

if TYPE_CHECKING:
    from ..batch.journal import BatchInfo, Journal
    from ..core.client import TaxinvoiceClient
    from ..core.environments import Environment
    from ..storage.history import CallRecord, History
    from ..storage.secrets import SecretStore
    from .batches import Batches
    from .lookups import Lookups

log = logging.getLogger(__name__)

StoreFactory = Callable[[Lang], "SecretStore"]


class CallsClosed(RuntimeError):
    """A call asked for after `give_up_calls` (Ctrl+C, the window closing): nothing was sent."""


@dataclass(frozen=True)
class InFlight:
    """A single call whose request may be on its way: its "sending" record, the request, when it started."""

    record_id: int
    request: Request
    started: float  # time.monotonic()


def _call_state(error: PopbillError) -> str:
    """The history's state of a call that failed with `error` (storage/history.py CALL_STATES)."""
    if error.maybe_delivered:
        return "unknown"
    if error.kind in UNREACHABLE_KINDS:
        return "not_done"  # it never left (DNS, refused, TLS, proxy), or a look-up showed it was not carried out
    return "failed"


class _Keep:
    """The default of `configure`'s arguments: leave this part as it is (None means "none")."""


KEEP: Final = _Keep()


def system_store(lang: Lang) -> SecretStore:
    """The operating system's keyring (imported when first needed: the keyring module is not start-up's business)."""
    from ..storage.secrets import SecretStore

    return SecretStore.system(lang)


def test_connection(settings: Settings, credentials: Credentials | None) -> Token:
    """Issue a token with these settings and credentials (not yet applied): what "Test connection" does."""
    from .connection import open_configured_client

    client = open_configured_client(settings, credentials)
    try:
        return client.issue_token()
    finally:
        client.close()


test_connection.__test__ = False  # type: ignore[attr-defined]  # a function for users, not a pytest test


class Service:
    """One company's connection to POPBiLL (or the demo's simulator) and its call history.

    `history_path`: the history file (None: the platform's data folder). `demo`: calls are recorded under the
    environment "demo" and never mix with real ones.
    """

    def __init__(
        self,
        settings: Settings,
        credentials: Credentials | None = None,
        *,
        store: SecretStore | None = None,
        store_factory: StoreFactory | None = None,
        history_path: Path | None = None,
        demo: bool = False,
    ) -> None:
        self._settings = settings
        self._credentials = credentials
        self._store = store
        self._store_factory: StoreFactory = store_factory or system_store
        self._history_path = history_path
        self._history: History | None = None
        self._journal: Journal | None = None
        self._history_lock = threading.Lock()
        self._client: TaxinvoiceClient | None = None
        self._lock = threading.Lock()
        self._batches: Batches | None = None
        self._lookups: Lookups | None = None
        self._flight_lock = threading.Lock()
        self._in_flight: dict[int, InFlight] = {}  # single calls sent and not yet settled, by history record id
        self._calls_closed = False  # give_up_calls: no call begins any more
        self.demo = demo

    # -- what it is connected with ------------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def credentials(self) -> Credentials | None:
        return self._credentials

    @property
    def store(self) -> SecretStore | None:
        """The keyring the credentials came from (their session token is kept there too), if any."""
        return self._store

    @property
    def lang(self) -> Lang:
        return self._settings.lang

    @property
    def environment_name(self) -> str:
        """What the history records: "demo", "test" or "production"."""
        return "demo" if self.demo else self._settings.env

    @property
    def corp_num(self) -> str:
        return self._settings.corp_num or ""

    def configure(
        self,
        *,
        settings: Settings | _Keep = KEEP,
        credentials: Credentials | _Keep | None = KEEP,
        store: SecretStore | _Keep | None = KEEP,
    ) -> None:
        """Change what calls are made with; None clears. The next call opens a new client (and a new token).
        Nothing else is implied: applying the user's settings, where the environment may change, is
        `switch_settings`."""
        with self._lock:
            if not isinstance(settings, _Keep):
                self._settings = settings
            if not isinstance(credentials, _Keep):
                self._credentials = credentials
            if not isinstance(store, _Keep):
                self._store = store
            # Not closed: a worker may still be using it; its connections close when it is collected.
            self._client = None

    def switch_settings(self, settings: Settings, entered: Credentials | None = None) -> bool:
        """Apply the user's settings; `entered`: credentials the user typed with them (None: none typed; never the
        ones already in use handed back). Credentials belong to one environment: when the environment changes
        (test ↔ production), the ones in use are dropped at once, whatever they were (from the keyring, kept for
        this session only, a pasted token), with their keyring, and only `entered` ones are used; they are never
        sent to the other server. Returns True when the switch left no credentials: read the new environment's
        keyring entry (`read_keyring`)."""
        switched = settings.env != self._settings.env
        if entered is not None:
            self.configure(settings=settings, credentials=entered)
        elif switched:
            self.configure(settings=settings, credentials=None, store=None)
        else:
            self.configure(settings=settings)
        return switched and entered is None

    def environment(self) -> Environment:
        """Where calls go (a PopbillError names a custom URL that cannot be used)."""
        from ..core.environments import resolve

        s = self._settings
        return resolve(s.env, s.hosts, s.base_url, s.auth_url, s.lang)  # type: ignore[arg-type]

    @staticmethod
    def warm_up() -> None:
        """Load now, on the calling thread, what the first call would otherwise load while the user waits: the HTTP
        client's modules (urllib3, ssl, the certificate store's truststore) and OpenSSL's first context.
        Nothing is sent, no keyring is read, no client is opened (settings and credentials may still change).
        The window runs it on a job at the user's first key press or click (`ui/window/warm_up.py`)."""
        from ..core.trust import system_context
        from . import connection  # noqa: F401 -- the import is the point

        system_context()

    def client(self) -> TaxinvoiceClient:
        """The shared client, opened on first use; a PopbillError says what is missing."""
        from .connection import open_configured_client

        with self._lock:
            if self._client is None:
                self._client = open_configured_client(self._settings, self._credentials, self._store)
            return self._client

    def close(self) -> None:
        """Close the client and the history (the command line, at its end)."""
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()
        with self._history_lock:
            history, self._history, self._journal = self._history, None, None
        if history is not None:
            history.close()

    # -- calls --------------------------------------------------------------------------------------------
    def call(self, request: Request) -> CallResult:
        """Send one request and record it in the history; a PopbillError (its `duration` set) if it failed.

        Input that fails the rules is refused before anything else (credentials, keyring, network). Like a batch
        row, the call is journaled: a "sending" record is committed durably before the request leaves (a history
        that cannot be written: a HISTORY PopbillError, nothing sent), and settled with the answer. An AssignMgtKey
        whose answer is lost is settled by looking the invoice up (`checked` on the result or the error).
        """
        problems = request.problems()
        if problems:
            raise PopbillError.invalid(problems, self.lang)
        start = time.monotonic()
        try:
            client = self.client()
            client.issue_token()  # before the record: a call refused for its credentials never left
        except PopbillError as exc:
            exc.duration = time.monotonic() - start
            if exc.kind not in CREDENTIAL_KINDS and exc.kind is not Kind.INVALID_INPUT:
                self._record(request, exc.http_status, exc.code, exc.message, exc.duration, ok=False, state="not_done")
            raise
        call_id = self._begin(request)
        try:
            if isinstance(request, AssignRequest):
                result = client.assign_mgt_key(request.item_key, request.mgt_key_type, request.mgt_key)
            else:
                result = client.resend_email(request.mgt_key_type, request.mgt_key, request.receiver)
        except PopbillError as exc:
            exc.duration = time.monotonic() - start
            if isinstance(request, AssignRequest) and exc.maybe_delivered:
                looked = self._look_up(client, request, exc)
                if isinstance(looked, CallResult):
                    self._settle(call_id, "done", exc.http_status, looked.code, looked.message, looked.duration)
                    return looked
                exc = looked
            state = _call_state(exc)
            self._settle(call_id, state, exc.http_status, exc.code, exc.message, exc.duration)
            raise exc from None
        except BaseException:
            # Not a failure of the call (interrupted, an error in the client): the answer is unknown.
            self._settle(call_id, "unknown", None, None, text("history.interrupted", self.lang), None)
            raise
        self._settle(call_id, "done", result.http_status, result.code, result.message, result.duration)
        return result

    def calls_in_flight(self) -> list[InFlight]:
        """Single calls sent and not yet answered (what closing the window, or Ctrl+C, would leave unknown)."""
        with self._flight_lock:
            return list(self._in_flight.values())

    def give_up_calls(self, message: str | None = None) -> list[InFlight]:
        """The calls in flight are left to run without us (Ctrl+C, the window closing): each is recorded now as
        "unknown" (it may have been carried out), with `message` (default: interrupted by Ctrl+C); their answers,
        should they still come, change nothing. From now on no call begins (CallsClosed, nothing sent): an empty
        list means nothing is on its way."""
        with self._flight_lock:
            self._calls_closed = True
            given_up, self._in_flight = list(self._in_flight.values()), {}
        message = message or text("error.interrupted", self.lang)
        for call in given_up:
            self._write_settle(call.record_id, "unknown", None, None, message, time.monotonic() - call.started)
        return given_up

    def _begin(self, request: Request) -> int:
        from ..storage.errors import HistoryError

        with self._flight_lock:
            if self._calls_closed:
                raise CallsClosed("no call begins after give_up_calls")
        try:
            call_id = self.history().begin_call(
                environment=self.environment_name,
                corp_num=self.corp_num,
                operation=request.operation,
                keys=request.keys(),
                message=text("history.sending", self.lang),
            )
        except HistoryError as exc:
            log.warning("nothing sent: the history cannot be written (%s)", exc)
            raise PopbillError.client(Kind.HISTORY, self.lang, reason=exc.describe(self.lang)) from None
        with self._flight_lock:
            if not self._calls_closed:
                self._in_flight[call_id] = InFlight(call_id, request, time.monotonic())
                return call_id
        self._write_settle(call_id, "not_done", None, None, text("error.interrupted_before", self.lang), None)
        raise CallsClosed("no call begins after give_up_calls")

    def _settle(
        self, call_id: int, state: str, http: int | None, code: int | None, message: str, seconds: float | None
    ) -> None:
        with self._flight_lock:
            if self._in_flight.pop(call_id, None) is None:
                return  # given up meanwhile (give_up_calls): recorded as unknown
        self._write_settle(call_id, state, http, code, message, seconds)

    def _write_settle(
        self, call_id: int, state: str, http: int | None, code: int | None, message: str, seconds: float | None
    ) -> None:
        try:
            self.history().settle_call(
                call_id, state=state, http_status=http, code=code, message=message, duration=seconds
            )
        except Exception as exc:  # noqa: BLE001 -- the call happened; its record stays "sending" (maybe done)
            log.warning("the call's answer was not written to the history (%s)", type(exc).__name__)

    def _look_up(
        self, client: TaxinvoiceClient, request: AssignRequest, error: PopbillError
    ) -> CallResult | PopbillError:
        """A lost AssignMgtKey answer settled by looking the invoice up: the result (our ID is on it), or the error
        to raise (with `checked`: not assigned, another ID), or the error as it was (the look-up proved nothing)."""
        from ..core.assigned import Checked, check_assignment

        keys = request.keys()
        try:
            check = check_assignment(client, keys["item_key"], keys["mgt_key_type"], keys["mgt_key"])
        except PopbillError as failed:
            log.warning("the look-up after a lost answer failed too (%s)", failed.kind.value)
            return error
        if check is None:
            return error
        seconds = error.duration or 0.0
        if check.checked is Checked.ASSIGNED:
            message = text("check.assigned", self.lang)
            return CallResult(request.operation, 1, message, error.http_status or 0, seconds, Checked.ASSIGNED.value)
        if check.checked is Checked.NOT_ASSIGNED:
            error.checked = Checked.NOT_ASSIGNED.value
            error.message = f"{text('check.not_assigned', self.lang)} ({error.message})"
            return error
        other = PopbillError(
            CLIENT_CODE,
            text("check.other_key", self.lang, ours=keys["mgt_key"], other=check.found_key),
            error.http_status,
            Kind.POPBILL,
            lang=self.lang,
        )
        other.checked, other.duration, other.operation = Checked.OTHER_KEY.value, error.duration, request.operation
        return other

    def resend(self, request: ResendRequest) -> CallResult:
        return self.call(request)

    def assign(self, request: AssignRequest) -> CallResult:
        return self.call(request)

    def issue_token(self) -> Token:
        """A current token for the configured connection: the connection check."""
        return self.client().issue_token()

    def _record(
        self, request: Request, http: int | None, code: int, message: str, seconds: float, *, ok: bool, state: str
    ) -> None:
        """A call that never left, into the history; a history that cannot be written changes nothing."""
        try:
            self.history().record_request(
                environment=self.environment_name,
                corp_num=self.corp_num,
                operation=request.operation,
                keys=request.keys(),
                http_status=http,
                code=code,
                message=message,
                duration=seconds,
                ok=ok,
                state=state,
            )
        except Exception as exc:  # noqa: BLE001 -- only its record is lost, and the log says so
            log.warning("the call was not written to the history (%s)", type(exc).__name__)

    # -- credentials --------------------------------------------------------------------------------------
    def use_environment_credentials(self, environ: Mapping[str, str]) -> bool:
        """Credentials from POPBILL_TOKEN or POPBILL_LINK_ID + POPBILL_SECRET_KEY, when set (the keyring is then
        never asked); False when none is set. Half a pair is a NO_CREDENTIALS error."""
        credentials = env_credentials(environ, self.lang)
        if credentials is None:
            return False
        self.configure(credentials=credentials, store=None)
        return True

    def read_keyring(self, *, required: bool = False) -> bool:
        """Use the credentials the keyring holds for this environment; False when no keyring is usable (with
        `required`, that is a KEYRING PopbillError too).

        Whatever happens, the old credentials go: none found, no keyring, or a keyring error (re-raised as a
        KEYRING PopbillError) leaves the service without credentials rather than with another environment's.
        """
        try:
            store = self._store_factory(self.lang)
            credentials = store.load(self._settings.env) if store.available or required else None
        except BaseException:
            self.configure(credentials=None, store=None)
            raise
        self.configure(credentials=credentials, store=store if store.available else None)
        return store.available

    def save_credentials(self, credentials: Credentials) -> str:
        """Keep the credentials in the keyring (this environment's entry) and use them; the backend's name."""
        store = self._store_factory(self.lang)
        store.save(self._settings.env, credentials)
        self.configure(credentials=credentials, store=store)
        return store.backend_name

    def forget_credentials(self) -> bool:
        """Remove this environment's credentials and kept token from the keyring; False when none were saved."""
        removed = self._store_factory(self.lang).delete(self._settings.env)
        if self._store is not None:
            self.configure(credentials=None, store=None)
        return removed

    def with_lang(self, lang: Lang) -> None:
        """Speak `lang` from now on (our sentences and POPBiLL's, through Accept-Language)."""
        if lang != self.lang:
            self.configure(settings=replace(self._settings, lang=lang))

    # -- history ------------------------------------------------------------------------------------------
    def history(self) -> History:
        """The call history (SQLite), opened on first use; a HistoryError when it cannot be used."""
        from ..storage.history import History

        with self._history_lock:
            if self._history is None:
                self._history = History(self._history_path)
            return self._history

    def journal(self) -> Journal:
        """The batch journal, in the history file."""
        from ..batch.journal import Journal

        history = self.history()
        with self._history_lock:
            if self._journal is None or self._journal.history is not history:
                self._journal = Journal(history, self.lang)
            return self._journal

    def recent_calls(self, limit: int | None = 200, **filters: Any) -> list[CallRecord]:
        """Recorded calls matching the filters (operation, ok, text, since, until, batch_id: see History.recent),
        oldest first."""
        return self.history().recent(limit, **filters)

    def unfinished_batches(self) -> list[BatchInfo]:
        """Batches not finished (any file, any account), newest first: what the window offers to resume. One that
        another run holds now (popbill-cli, another window) is left out: it is not interrupted, and resuming it
        would only be refused."""
        journal = self.journal()
        return [b for b in journal.unfinished_batches() if not journal.running_elsewhere(b.id)]

    @property
    def batches(self) -> Batches:
        """Planning, running and exporting batches (see batches.py)."""
        from .batches import Batches

        if self._batches is None:
            self._batches = Batches(self)
        return self._batches

    @property
    def lookups(self) -> Lookups:
        """Finding invoices: search, one invoice, NTS numbers (see lookups.py)."""
        from .lookups import Lookups

        if self._lookups is None:
            self._lookups = Lookups(self)
        return self._lookups
