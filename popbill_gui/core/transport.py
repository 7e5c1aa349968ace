"""HTTP for the core: urllib3's pools on our trust, connect-only retries, bounded reads, failures mapped to kinds.

Both the token service and the API go through `Transport.request`, so every failure (DNS, refused, proxy,
TLS, timeouts, reset, unreadable or oversized answers) becomes the same `PopbillError` with its own kind
and sentence, wherever it happens. Whether a failure came before or after the request was written is
recorded on the wire (`wire.py`), so "not sent" is said only when it is certain. Certificates are checked
against the operating system's store plus an optional CA file (`trust.py`). Which proxy, if any, is decided
once per host and session (`proxies.py`: the variables, a PAC script, the system's settings), never one for
this computer's own (loopback) addresses; a DNS or connection failure says when a script or a system proxy
was involved.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import socket
import ssl
import threading
import time
from base64 import b64encode
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from urllib3.connectionpool import HTTPConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    HTTPError,
    LocationParseError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ProxySchemeUnknown,
    ReadTimeoutError,
)
from urllib3.exceptions import ProxyError as Urllib3ProxyError
from urllib3.exceptions import SSLError as Urllib3SSLError
from urllib3.poolmanager import PoolManager, ProxyManager
from urllib3.response import BaseHTTPResponse
from urllib3.util.retry import Retry
from urllib3.util.timeout import Timeout

from . import wire
from .errors import CLIENT_CODE, Kind, PopbillError
from .messages import Lang
from .proxies import MAX_PAC, PAC_TIMEOUT, Note, ProxyRoutes, Route
from .trust import CaFileError, clean_ca_path, is_system_bundle, load_ca_file, system_context

log = logging.getLogger(__name__)

MAX_BODY = 1 << 20  # 1 MiB: the two calls answer with a few hundred bytes
_CHUNK = 64 * 1024
POOL_SIZE = 16  # the largest batch concurrency
# The failures before a connection was made, where a PAC script or a system proxy may be the cause.
_CONNECTING_KINDS = frozenset({Kind.DNS, Kind.REFUSED, Kind.CONNECT_FAILED, Kind.CONNECT_TIMEOUT, Kind.PROXY})


@dataclass(frozen=True)
class Answer:
    """An HTTP answer read whole (it is at most MAX_BODY bytes) and decompressed."""

    status: int
    body: bytes
    content_type: str
    elapsed: float


_NO_RETRY = Retry(total=0, connect=0, read=0, redirect=0, status=0, other=0, raise_on_status=False)


class _Managers:
    """The pool managers: one for direct connections and one per proxy, all on our connections (which record when
    the request is written: wire.py) and our SSLContext, which holds the whole trust, also through proxies; a proxy
    URL's user and password become its Proxy-Authorization (Basic), sent to the proxy only (the CONNECT of a
    tunnel). Safe to share between a session's worker threads."""

    def __init__(self, ssl_context: ssl.SSLContext) -> None:
        self._ssl_context = ssl_context
        self.direct = PoolManager(num_pools=4, maxsize=POOL_SIZE, ssl_context=ssl_context)
        self.direct.pool_classes_by_scheme = dict(wire.POOL_CLASSES)
        self._proxied: dict[str, ProxyManager] = {}
        self._lock = threading.Lock()

    def through(self, proxy: str) -> ProxyManager:
        """The manager for a proxy URL (made once); ProxySchemeUnknown for a SOCKS or other proxy we cannot use."""
        with self._lock:
            manager = self._proxied.get(proxy)
            if manager is None:
                manager = ProxyManager(
                    proxy,
                    num_pools=4,
                    maxsize=POOL_SIZE,
                    proxy_headers=proxy_headers(proxy),
                    ssl_context=self._ssl_context,
                )
                manager.pool_classes_by_scheme = dict(wire.POOL_CLASSES)
                self._proxied[proxy] = manager
            return manager

    def clear(self) -> None:
        with self._lock:
            managers = [self.direct, *self._proxied.values()]
            self._proxied.clear()
        for manager in managers:
            manager.clear()


def proxy_headers(proxy: str) -> dict[str, str]:
    """Proxy-Authorization from the user and password written into a proxy's URL (percent-decoded), as requests
    made it: only when both are there (a user without a password sends none); Latin-1, or UTF-8 beyond it."""
    parts = urlsplit(proxy)
    if not parts.username or parts.password is None:
        return {}
    pair = f"{unquote(parts.username)}:{unquote(parts.password)}"
    try:
        raw = pair.encode("latin-1")
    except UnicodeEncodeError:
        raw = pair.encode("utf-8")
    return {"Proxy-Authorization": "Basic " + b64encode(raw).decode("ascii")}


def _host(url: str) -> str:
    return urlsplit(url).hostname or "?"


def read_retry(connect: int = 2, read: int = 1) -> Retry:
    """For read-only GETs: also retry when the answer did not come (reset, read timeout), never on a status.
    One read retry: after a read timeout, each more is another full wait for the user."""
    return Retry(
        total=connect + read,
        connect=connect,
        read=read,
        redirect=0,
        status=0,
        other=0,
        allowed_methods=frozenset({"GET"}),
        backoff_factor=0.2,
        raise_on_status=False,
    )


def _trust(ca_bundle: str | None, lang: Lang) -> ssl.SSLContext:
    """The system's store, plus the settings' CA file and those of REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE.

    A CA file named in the settings that cannot be used is an error (nothing is sent); the two standard
    variables, which other programs on the computer may have set, are used when they can be and skipped
    otherwise, as they are when they name the system's own bundle (loading it again would only cost time).
    """
    context = system_context()
    if ca_bundle:
        try:
            load_ca_file(context, ca_bundle)
        except CaFileError as exc:
            raise PopbillError(CLIENT_CODE, exc.describe(lang), None, Kind.CA_FILE, lang=lang) from None
    seen = {clean_ca_path(ca_bundle)} if ca_bundle else set()
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        value = clean_ca_path(os.environ.get(name, ""))
        if not value or value in seen or is_system_bundle(value):
            continue
        seen.add(value)
        try:
            load_ca_file(context, value)
        except CaFileError as exc:
            log.warning("%s is not used: %s", name, exc.describe("en"))
    return context


def connect_only_retry(attempts: int) -> Retry:
    """Retry only failures before the request left (no connection could be made); never after."""
    return Retry(
        total=attempts,
        connect=attempts,
        read=0,
        redirect=0,
        status=0,
        other=0,
        backoff_factor=0.2,
        raise_on_status=False,
    )


class Transport:
    """HTTP for one client session: timeouts always set, TLS always verified, reads bounded.

    Calls go straight to urllib3's connection pools (`_Managers`: our SSLContext and tracked connections, a proxy
    manager per proxy with any Proxy-Authorization). No requests: its Session machinery (preparing, re-quoting,
    cookies, hooks, the environment and ~/.netrc read again on every call) was most of the client's time per call,
    and its import most of the client's start; the request is built once here, its route and pool found once per
    origin.
    """

    def __init__(
        self,
        *,
        user_agent: str,
        lang: Lang = "ko",
        connect_timeout: float = 10.0,
        read_timeout: float = 30.0,
        ca_bundle: str | None = None,
        connect_retries: int = 2,
        pac_url: str | None = None,
        routes: ProxyRoutes | None = None,
    ) -> None:
        self.lang: Lang = lang
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        # Verification is never switched off. The system's store is trusted; a CA file adds to it.
        self.ssl_context = _trust(ca_bundle, lang)
        # Only our headers: no cookies, no ~/.netrc (it would replace our Authorization header), no br/zstd.
        self.headers = {"User-Agent": user_agent, "Accept-Encoding": "gzip"}
        self.managers = _Managers(self.ssl_context)
        self._retry = connect_only_retry(connect_retries)
        self._timeout = Timeout(connect=connect_timeout, read=read_timeout)
        # Proxies are decided once per origin and session (PAC scripts run once), not on every call.
        self.routes = routes or ProxyRoutes(pac_url, fetch=self._fetch_script)
        self._pools: dict[tuple[str, str], tuple[HTTPConnectionPool, bool, Route]] = {}

    def close(self) -> None:
        self._pools.clear()
        self.managers.clear()
        self.routes.close()  # a PAC script's child process ends with the session

    @property
    def call_limit(self) -> float:
        """Seconds one call may take in all, however slowly its bytes arrive: connecting plus twice the read timeout."""
        return self.connect_timeout + 2 * self.read_timeout

    def request(
        self,
        method: str,
        url: str,
        *,
        data: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        repeatable: bool = True,
        retry: Retry | None = None,
        max_body: int = MAX_BODY,
    ) -> Answer:
        """Send one request; `repeatable=False` forbids even the connect-only retries, `retry` replaces them
        for this request (e.g. `read_retry` for a GET), `max_body` bounds the answer (a search page is large)."""
        start = time.monotonic()
        # Our URLs are a checked base URL (no user, query or fragment) plus a path built from checked parts.
        scheme, _, rest = url.partition("://")
        netloc, slash, tail = rest.partition("/")
        pool, absolute, route = self._pool_for(scheme, netloc)  # before the call starts: a PAC fetch is not it
        target = url if absolute else slash + tail or "/"
        sent = {**self.headers, **headers} if headers else self.headers
        call, current = wire.begin(start + self.call_limit)
        try:
            try:
                response = pool.urlopen(
                    method,
                    target,
                    body=data,
                    headers=sent,
                    retries=(retry or self._retry) if repeatable else _NO_RETRY,
                    redirect=False,
                    assert_same_host=False,
                    timeout=self._timeout,
                    preload_content=False,
                    decode_content=False,
                )
            except (HTTPError, OSError) as exc:
                raise self._failure(exc, call, method, url, None, route) from None
            status = response.status
            consumed = False
            try:
                body = self._read_bounded(response, call, netloc, max_body)
                consumed = True
            except (HTTPError, OSError) as exc:
                raise self._failure(exc, call, method, url, status, route) from None
            finally:
                call.finish()  # before the connection goes back to the pool, where another call may take it
                if not consumed:
                    response.close()  # a connection with unread bytes is never reused
                response.release_conn()
            if call.expired:  # cut off: what was read may be the start of the answer only
                raise self._error(Kind.READ_TIMEOUT, _host(url), status, seconds=self.call_limit)
        finally:
            wire.end(call, current)
        elapsed = time.monotonic() - start
        if log.isEnabledFor(logging.DEBUG):
            log.debug("%s %s -> HTTP %s in %.0f ms", method, urlsplit(url).path, status, elapsed * 1000)
        return Answer(status, body, response.headers.get("Content-Type", ""), elapsed)

    def _pool_for(self, scheme: str, netloc: str) -> tuple[HTTPConnectionPool, bool, Route]:
        """The connection pool for an origin (through its proxy, if any), and whether the request line names
        the whole URL (plain http through a proxy); found once per origin."""
        found = self._pools.get((scheme, netloc))
        if found is not None and found[0].pool is not None:  # a pool the manager dropped is closed: find it again
            return found
        parts = urlsplit(f"{scheme}://{netloc}")
        host = parts.hostname or ""
        route = self.routes.route(scheme, netloc, host)
        port = parts.port or (443 if scheme == "https" else 80)
        extra = {"cert_reqs": "CERT_REQUIRED"} if scheme == "https" else None
        try:
            manager = self.managers.through(route.proxy) if route.proxy else self.managers.direct
        except (ProxySchemeUnknown, LocationParseError, ValueError):  # e.g. socks://: not supported
            raise self._error(Kind.PROXY, host, note=route.note) from None
        pool = manager.connection_from_host(host, port, scheme, pool_kwargs=extra)
        found = self._pools[(scheme, netloc)] = (pool, bool(route.proxy) and scheme == "http", route)
        return found

    def _fetch_script(self, url: str) -> tuple[int, str, bytes]:
        """GET a proxy auto-configuration script: directly, with our trust, bounded in time and size."""
        call, current = wire.begin(time.monotonic() + 2 * PAC_TIMEOUT)
        try:
            response = self.managers.direct.request(
                "GET",
                url,
                headers=self.headers,
                timeout=Timeout(connect=PAC_TIMEOUT, read=PAC_TIMEOUT),
                retries=Retry(total=3, connect=0, read=0, redirect=3, status=0, other=0, raise_on_status=False),
                preload_content=False,
            )
            try:
                body = response.read(MAX_PAC + 1, decode_content=True)
            finally:
                call.finish()
                response.close()
                response.release_conn()
            if call.expired:
                raise OSError("the script did not arrive in time")
            return response.status, response.headers.get("Content-Type", ""), body
        except HTTPError as exc:
            raise OSError(str(exc)) from None
        finally:
            wire.end(call, current)

    def _failure(
        self, exc: BaseException, call: wire.Call, method: str, url: str, status: int | None, route: Route
    ) -> PopbillError:
        host = _host(url)
        path = urlsplit(url).path
        if call.expired:
            kind = Kind.READ_TIMEOUT if call.written else Kind.CONNECT_TIMEOUT
            log.debug("%s %s cut off after %g s (%s)", method, path, self.call_limit, type(exc).__name__)
            return self._error(kind, host, status, seconds=self.call_limit, note=route.note)
        kind = classify(exc, written=call.written)
        log.debug("%s %s failed: %s (%s)", method, path, kind.value, type(exc).__name__)
        return self._error(kind, host, status, note=route.note)

    def _error(
        self,
        kind: Kind,
        host: str,
        status: int | None = None,
        *,
        seconds: float | None = None,
        limit: int = MAX_BODY,
        note: Note | None = None,
    ) -> PopbillError:
        if seconds is None:
            seconds = self.read_timeout if kind is Kind.READ_TIMEOUT else self.connect_timeout
        size = f"{limit / (1 << 20):g} MiB"
        params = {"host": host, "seconds": f"{seconds:g}", "status": status, "limit": size}
        error = PopbillError.client(kind, self.lang, status, **params)
        if note is not None and kind in _CONNECTING_KINDS:
            # A PAC script or the system's proxy settings had a say in how this host was reached: say so.
            error.message = f"{error.message} {note.describe(self.lang)}"
            error.args = (error.code, error.message)
        return error

    def _read_bounded(self, response: BaseHTTPResponse, call: wire.Call, host: str, limit: int = MAX_BODY) -> bytes:
        """The whole answer, decompressed, at most `limit` bytes of it (urllib3 >= 2.6 inflates gzip only as
        far as each read asks, so a gzip bomb never fills memory)."""
        announced = response.headers.get("Content-Length", "")
        if announced.isdigit() and int(announced) > limit:
            raise self._error(Kind.TOO_LARGE, host, response.status, limit=limit)
        buf = bytearray()
        for chunk in response.stream(_CHUNK, decode_content=True):
            buf += chunk
            if len(buf) > limit:
                raise self._error(Kind.TOO_LARGE, host, response.status, limit=limit)
            if time.monotonic() > call.deadline:  # the watchdog's cut-off, should a read outlive it
                raise self._error(Kind.READ_TIMEOUT, host, response.status, seconds=self.call_limit)
        return bytes(buf)

    def json_of(self, answer: Answer, host: str) -> dict[str, Any]:
        """The answer's JSON object, or the error saying why there is none."""
        text = answer.body.strip()
        if "html" in answer.content_type.lower() or text[:1] == b"<":
            raise self._error(Kind.HTML_PAGE, host, answer.status)
        try:
            data = json.loads(text.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise self._error(Kind.NOT_JSON, host, answer.status) from None
        if not isinstance(data, dict):
            raise self._error(Kind.NOT_JSON, host, answer.status)
        return data

    def refusal(self, answer: Answer, data: Mapping[str, Any], host: str, kind: Kind) -> PopbillError:
        """POPBiLL's error object as a PopbillError, its code and message kept verbatim."""
        code = data.get("code")
        if isinstance(code, bool) or not isinstance(code, (int, str)):
            raise self._error(Kind.NO_CODE, host, answer.status)
        try:
            number = int(code)
        except ValueError:
            raise self._error(Kind.NO_CODE, host, answer.status) from None
        return PopbillError(number, str(data.get("message", "")), answer.status, kind, lang=self.lang)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception and everything it wraps: urllib3 nests the real cause deeply."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        inner = [current.__cause__, current.__context__, getattr(current, "reason", None)]
        inner += [a for a in current.args if isinstance(a, BaseException)]
        todo += [e for e in inner if isinstance(e, BaseException)]


def classify(exc: BaseException, written: bool = True) -> Kind:
    """Which kind of failure an exception of urllib3 is; `written`: whether the request had started to leave.

    Only a failure before the request was written (connecting, the proxy, the TLS handshake and certificate
    check) is "not sent". After it, a broken connection or TLS record means the answer was lost, and the
    request may have been carried out. When in doubt (`written` unknown), the caller says True.
    """
    top = exc.reason if isinstance(exc, MaxRetryError) else exc  # urllib3: what made it give up
    if isinstance(top, Urllib3ProxyError):
        return Kind.PROXY
    chain = list(_causes(exc))
    if any(isinstance(e, (ssl.SSLError, Urllib3SSLError)) for e in chain):
        return Kind.ANSWER_LOST if written else Kind.TLS
    if isinstance(top, ConnectTimeoutError) and not isinstance(top, NewConnectionError):
        return Kind.CONNECT_TIMEOUT
    if any(isinstance(e, (ReadTimeoutError, socket.timeout)) for e in chain):
        # urllib3 reports a TLS handshake that timed out as a read timeout: not written, so not sent.
        return Kind.READ_TIMEOUT if written else Kind.CONNECT_TIMEOUT
    if any(isinstance(e, DecodeError) for e in chain):
        return Kind.BAD_GZIP
    if any(isinstance(e, (NameResolutionError, socket.gaierror)) for e in chain):
        return Kind.DNS
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return Kind.REFUSED
    if not written:
        return Kind.CONNECT_FAILED  # no route, reset during the handshake, ...: the request never left
    broken = (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected, http.client.IncompleteRead)
    if any(isinstance(e, broken) for e in chain):
        return Kind.RESET
    if any(isinstance(e, ProtocolError) for e in chain):
        return Kind.RESET
    return Kind.NETWORK
