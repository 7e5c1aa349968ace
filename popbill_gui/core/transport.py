"""HTTP for the core: one requests.Session, connect-only retries, bounded reads, failures mapped to kinds.

Both the token service and the API go through `Transport.post`, so every failure (DNS, refused, proxy,
TLS, timeouts, reset, unreadable or oversized answers) becomes the same `PopbillError` with its own kind
and sentence, wherever it happens.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import socket
import ssl
import time
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import NameResolutionError, ProtocolError, ReadTimeoutError
from urllib3.util.retry import Retry

from .errors import Kind, PopbillError
from .messages import Lang

log = logging.getLogger(__name__)

MAX_BODY = 1 << 20  # 1 MiB: the two calls answer with a few hundred bytes
_CHUNK = 64 * 1024
POOL_SIZE = 16  # the largest batch concurrency


@dataclass(frozen=True)
class Answer:
    """An HTTP answer read whole (it is at most MAX_BODY bytes) and decompressed."""

    status: int
    body: bytes
    content_type: str
    elapsed: float


# Per-request retry policy. requests takes retries per adapter, not per request, so the adapter reads
# this context variable: a request that must never be repeated sets it to "no retries" for its own
# thread only, while other calls share the same connections.
_retry_override: ContextVar[Retry | None] = ContextVar("popbill_retry_override", default=None)
_NO_RETRY = Retry(total=0, connect=0, read=0, redirect=0, status=0, other=0, raise_on_status=False)


class _Adapter(HTTPAdapter):
    @property
    def max_retries(self) -> Retry:
        override = _retry_override.get()
        return override if override is not None else self._retries

    @max_retries.setter
    def max_retries(self, value: Retry) -> None:
        self._retries = value


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
    """One requests.Session with timeouts always set, TLS always verified and reads bounded."""

    def __init__(
        self,
        *,
        user_agent: str,
        lang: Lang = "ko",
        connect_timeout: float = 10.0,
        read_timeout: float = 30.0,
        ca_bundle: str | None = None,
        connect_retries: int = 2,
    ) -> None:
        self.lang: Lang = lang
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        # Verification is never switched off; a custom bundle replaces the default trust store.
        env_bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
        self.verify: bool | str = ca_bundle or env_bundle or True
        self.session = requests.Session()
        # requests would re-read the environment on every call (a quarter of our per-call time) and apply
        # ~/.netrc, which replaces our Authorization header. Proxies are read once per host instead.
        self.session.trust_env = False
        self._proxies: dict[str, dict[str, str]] = {}
        # Only our headers: requests would also advertise br/zstd, which POPBiLL's answers don't use.
        self.session.headers.clear()
        self.session.headers.update({"User-Agent": user_agent, "Accept-Encoding": "gzip", "Accept": "*/*"})
        adapter = _Adapter(max_retries=connect_only_retry(connect_retries), pool_connections=4, pool_maxsize=POOL_SIZE)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)

    def close(self) -> None:
        self.session.close()

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
        host = urlsplit(url).hostname or "?"
        token = _retry_override.set(retry if repeatable else _NO_RETRY)
        try:
            response = self.session.request(
                method,
                url,
                data=data,
                headers=dict(headers or {}),
                timeout=(self.connect_timeout, self.read_timeout),
                stream=True,
                allow_redirects=False,
                verify=self.verify,
                proxies=self._proxies_for(url),
            )
        except requests.RequestException as exc:
            raise self._failure(exc, method, url, None) from None
        finally:
            _retry_override.reset(token)
        try:
            body = self._read_bounded(response, start, host, max_body)
        except requests.RequestException as exc:
            raise self._failure(exc, method, url, response.status_code) from None
        finally:
            response.close()
        elapsed = time.monotonic() - start
        log.debug("%s %s -> HTTP %s in %.0f ms", method, urlsplit(url).path, response.status_code, elapsed * 1000)
        return Answer(response.status_code, body, response.headers.get("Content-Type", ""), elapsed)

    def _proxies_for(self, url: str) -> dict[str, str]:
        """HTTPS_PROXY / HTTP_PROXY / NO_PROXY for this URL's host, read from the environment once."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        found = self._proxies.get(origin)
        if found is None:
            found = self._proxies[origin] = requests.utils.get_environ_proxies(origin)
        return found

    def _failure(self, exc: requests.RequestException, method: str, url: str, status: int | None) -> PopbillError:
        kind = classify(exc)
        path = urlsplit(url).path
        log.debug("%s %s failed: %s (%s)", method, path, kind.value, type(exc).__name__)
        return self._error(kind, urlsplit(url).hostname or "?", status)

    def _error(self, kind: Kind, host: str, status: int | None = None, limit: int = MAX_BODY) -> PopbillError:
        seconds = self.read_timeout if kind is Kind.READ_TIMEOUT else self.connect_timeout
        size = f"{limit / (1 << 20):g} MiB"
        params = {"host": host, "seconds": f"{seconds:g}", "status": status, "limit": size}
        return PopbillError.client(kind, self.lang, status, **params)

    def _read_bounded(self, response: requests.Response, start: float, host: str, limit: int = MAX_BODY) -> bytes:
        announced = response.headers.get("Content-Length", "")
        if announced.isdigit() and int(announced) > limit:
            raise self._error(Kind.TOO_LARGE, host, response.status_code, limit)
        # The read timeout applies to each socket read; this deadline bounds a server that dribbles.
        deadline = start + self.connect_timeout + 2 * self.read_timeout
        buf = bytearray()
        for chunk in response.iter_content(_CHUNK):
            buf += chunk
            if len(buf) > limit:
                raise self._error(Kind.TOO_LARGE, host, response.status_code, limit)
            if time.monotonic() > deadline:
                raise self._error(Kind.READ_TIMEOUT, host, response.status_code)
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
    """The exception and everything it wraps: requests and urllib3 nest the real cause deeply."""
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


def classify(exc: requests.RequestException) -> Kind:
    """Which kind of failure a requests exception is."""
    if isinstance(exc, requests.exceptions.ProxyError):
        return Kind.PROXY
    if isinstance(exc, requests.exceptions.SSLError):
        return Kind.TLS
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return Kind.CONNECT_TIMEOUT
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return Kind.READ_TIMEOUT
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return Kind.BAD_GZIP
    chain = list(_causes(exc))
    if any(isinstance(e, ssl.SSLError) for e in chain):
        return Kind.TLS
    if any(isinstance(e, (ReadTimeoutError, socket.timeout)) for e in chain):
        return Kind.READ_TIMEOUT
    if any(isinstance(e, (NameResolutionError, socket.gaierror)) for e in chain):
        return Kind.DNS
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return Kind.REFUSED
    broken = (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected, http.client.IncompleteRead)
    if isinstance(exc, requests.exceptions.ChunkedEncodingError) or any(isinstance(e, broken) for e in chain):
        return Kind.RESET
    if any(isinstance(e, ProtocolError) for e in chain):
        return Kind.RESET
    return Kind.NETWORK
