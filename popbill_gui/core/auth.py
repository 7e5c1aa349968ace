"""Session tokens: Linkhub token issuing with the HMAC signature, a cache with expiry, pasted tokens.

`LinkhubAuth` issues a token for one CorpNum, keeps it until a minute before it expires, renews it once
when the API refuses it, and re-signs with the server's clock (`GET /Time`) when the token service says
the PC clock is off. `PastedToken` is a ready token that is used as is and never renewed. Both are safe
to share between worker threads. The SecretKey and tokens never appear in a repr, log line or error.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import Protocol
from urllib.parse import urlsplit

from .environments import Environment
from .errors import CLIENT_CODE, Kind, PopbillError
from .messages import Lang, accept_language, text
from .models import Token
from .transport import Transport
from .validation import HEADER_WORD, secret_key_bytes

log = logging.getLogger(__name__)

LH_VERSION = "2.0"
SCOPES: tuple[str, ...] = ("member", "110")  # 110: e-Tax invoice
RENEW_MARGIN = 60.0  # seconds before expiry at which a cached token is renewed
CLOCK_CODE = -99010004  # token request dated outside the accepted window
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class TokenSource(Protocol):
    """What the client needs: a current token, and a way to drop one the API refused."""

    renewable: bool

    def token(self) -> Token: ...

    def invalidate(self, token: Token) -> None: ...


def decode_secret(secret_key: str, lang: Lang = "ko") -> bytes:
    """The SecretKey's bytes; a key that is not base64 is refused without repeating it."""
    key = secret_key_bytes(secret_key)
    if not key:
        raise PopbillError(CLIENT_CODE, text("secret_key.invalid", lang), None, Kind.NO_CREDENTIALS, lang=lang)
    return key


def signature(secret_key: bytes, body: bytes, date: str, path: str, forwarded_ip: str | None = None) -> str:
    """The LINKHUB signature of docs/PROTOCOL.md, "The session token"."""
    lines = ["POST", base64.b64encode(hashlib.sha256(body).digest()).decode("ascii"), date]
    if forwarded_ip is not None:
        lines.append(forwarded_ip)
    lines += [LH_VERSION, path]
    digest = hmac.new(secret_key, "\n".join(lines).encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def parse_expiration(value: str) -> float:
    """'2026-11-24T08:11:28.000Z' → POSIX seconds."""
    stamp = value.strip().rstrip("Z").replace("T", " ")
    if "." in stamp:
        stamp = stamp.split(".", 1)[0]
    return datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc).timestamp()


class LinkhubAuth:
    """Issues and caches session tokens for one CorpNum with a LinkID and SecretKey."""

    renewable = True

    def __init__(
        self,
        transport: Transport,
        environment: Environment,
        link_id: str,
        secret_key: str,
        corp_num: str,
        *,
        scopes: Sequence[str] = SCOPES,
        forwarded_ip: str | None = None,
        renew_margin: float = RENEW_MARGIN,
        clock: Callable[[], float] = time.time,
        cached: Token | None = None,
        on_issued: Callable[[Token], None] | None = None,
    ) -> None:
        self._transport = transport
        self._env = environment
        self._link_id = link_id.strip()
        lang = transport.lang
        if not HEADER_WORD.fullmatch(self._link_id):
            key = "link_id.invalid" if self._link_id else "link_id.required"
            raise PopbillError(CLIENT_CODE, text(key, lang), None, Kind.NO_CREDENTIALS, lang=lang)
        self._key = decode_secret(secret_key, transport.lang)
        self._corp_num = corp_num
        self._scopes = list(scopes)
        self._forwarded_ip = forwarded_ip
        self._margin = renew_margin
        self._clock = clock
        self._offset = 0.0  # server clock minus ours, learned from GET /Time after a clock refusal
        # A token kept from an earlier run (the keyring) is used until it is due for renewal like any other.
        self._token: Token | None = cached
        self._on_issued = on_issued
        self._lock = threading.Lock()
        self.issued = 0  # how many tokens were issued: tests and benchmarks read it

    def __repr__(self) -> str:
        return f"LinkhubAuth(link_id={self._link_id!r}, corp_num={self._corp_num!r})"

    def now(self) -> float:
        """Our best idea of the server's clock."""
        return self._clock() + self._offset

    def token(self) -> Token:
        with self._lock:  # one issue at a time: batch workers share the token
            current = self._token
            if current is None or current.expires_at is None or self.now() >= current.expires_at - self._margin:
                self._token = current = self._issue()
                if self._on_issued is not None:
                    try:
                        self._on_issued(current)
                    except Exception as exc:  # noqa: BLE001 -- keeping a copy is a convenience; the call goes on
                        log.warning("the new token was not kept (%s)", type(exc).__name__)
            return current

    def invalidate(self, token: Token) -> None:
        with self._lock:
            if self._token is not None and self._token.value == token.value:
                self._token = None

    def _issue(self) -> Token:
        try:
            return self._issue_signed()
        except PopbillError as exc:
            if exc.code != CLOCK_CODE:
                raise
            log.info("token service refused our clock; re-signing with its time")
            self._offset = self._server_time() - self._clock()
            return self._issue_signed()

    def _issue_signed(self) -> Token:
        path = self._env.token_path
        url = self._env.auth_url + path
        body = json.dumps({"access_id": self._corp_num, "scope": self._scopes}).encode("utf-8")
        date = time.strftime(_DATE_FORMAT, time.gmtime(self.now()))
        headers = {
            "x-lh-date": date,
            "x-lh-version": LH_VERSION,
            "Content-Type": "application/json; charset=utf-8",
            "Accept-Language": accept_language(self._transport.lang),
            "Authorization": f"LINKHUB {self._link_id} {signature(self._key, body, date, path, self._forwarded_ip)}",
        }
        if self._forwarded_ip is not None:
            headers["x-lh-forwarded"] = self._forwarded_ip
        host = urlsplit(url).hostname or "?"
        answer = self._transport.request("POST", url, data=body, headers=headers)
        data = self._transport.json_of(answer, host)
        if answer.status != 200:
            raise self._transport.refusal(answer, data, host, Kind.AUTH)
        value, expiration = data.get("session_token"), data.get("expiration")
        if not isinstance(value, str) or not value or not isinstance(expiration, str):
            raise PopbillError.client(Kind.BAD_TOKEN_ANSWER, self._transport.lang, answer.status)
        try:
            expires_at = parse_expiration(expiration)
        except ValueError:
            raise PopbillError.client(Kind.BAD_TOKEN_ANSWER, self._transport.lang, answer.status) from None
        self.issued += 1
        log.debug("token issued for %s, expires %s", self._corp_num, expiration)
        return Token(value, expires_at)

    def _server_time(self) -> float:
        url = self._env.auth_url + "/Time"
        host = urlsplit(url).hostname or "?"
        answer = self._transport.request("GET", url)
        stamp = answer.body.decode("utf-8", "replace").strip().strip('"')
        try:
            return parse_expiration(stamp)
        except ValueError:
            raise PopbillError.client(Kind.NOT_JSON, self._transport.lang, answer.status, host=host) from None


class PastedToken:
    """A session token the user pasted: used as is, never renewed."""

    renewable = False

    def __init__(self, value: str, lang: Lang = "ko") -> None:
        value = value.strip()
        if not HEADER_WORD.fullmatch(value):
            raise PopbillError(CLIENT_CODE, text("token.invalid", lang), None, Kind.NO_CREDENTIALS, lang=lang)
        self._token = Token(value)

    def __repr__(self) -> str:
        return "PastedToken(<hidden>)"

    def token(self) -> Token:
        return self._token

    def invalidate(self, token: Token) -> None:
        pass  # nothing to renew it with; the client reports the refusal
