"""The POPBiLL calls exactly as docs/PROTOCOL.md puts them on the wire: SendEmail and AssignMgtKey, and the
read-only look-ups (Search, GetInfo, the detail by document ID and by ItemKey).

`TaxinvoiceClient` validates every input first (nothing that fails the rules is sent), quotes what goes
into the URL path, adds a fresh token, renews that token once when the API refuses it, and never repeats
AssignMgtKey: it is not idempotent. The look-ups are GETs, repeated by urllib3 when the connection or the
answer failed. Safe to share between worker threads. Searching many windows and pages, and finding an
invoice by its NTS number, are in `lookup.py`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from .. import __version__
from .auth import LinkhubAuth, PastedToken, TokenSource
from .environments import Environment
from .errors import TOKEN_CODES, Kind, PopbillError
from .messages import Lang, accept_language, text
from .models import CallResult, Credentials, LinkCredentials, Operation, Token, TokenCredentials
from .transport import Answer, Transport, read_retry
from .validation import (
    Problem,
    check_assign,
    check_corp_num,
    check_item_key,
    check_mgt_key,
    check_mgt_key_type,
    check_resend,
    check_user_id,
    clean,
    is_path_safe,
)

if TYPE_CHECKING:  # the look-ups' types load with the first look-up: sending needs none of them
    from .invoices import Invoice, SearchPage, SearchQuery

API_VERSION = "1.0"
USER_AGENT = f"popbill-gui/{__version__}"
# A page of 1000 TaxinvoiceInfo is about 1 MB of JSON: the usual 1 MiB bound is too tight for Search.
SEARCH_MAX_BODY = 16 << 20

__all__ = [
    "CallResult",
    "Credentials",
    "LinkCredentials",
    "TaxinvoiceClient",
    "TokenCredentials",
    "open_client",
]


def _path(*segments: str) -> str:
    # Every segment was validated to [A-Za-z0-9_-]; this is the second fence, not the first. Such a segment
    # is its own URL quoting (quote() leaves letters, digits, '-' and '_' alone), so it goes in as it is.
    if not all(is_path_safe(s) for s in segments):
        raise ValueError("unvalidated path segment")
    return "/Taxinvoice/" + "/".join(segments)


class TaxinvoiceClient:
    """SendEmail and AssignMgtKey for one company (CorpNum) in one environment."""

    def __init__(
        self,
        transport: Transport,
        environment: Environment,
        tokens: TokenSource,
        *,
        user_id: str | None = None,
    ) -> None:
        self.transport = transport
        self.environment = environment
        self.tokens = tokens
        problems = check_user_id(user_id)
        if problems:
            raise PopbillError.invalid(problems, transport.lang)
        self._host = urlsplit(environment.base_url).hostname or "?"
        self._headers = {"x-pb-version": API_VERSION, "Accept-Language": accept_language(transport.lang)}
        if clean(user_id):
            self._headers["X-PB-UserID"] = clean(user_id)
        self._read_retry = read_retry()

    @property
    def lang(self) -> Lang:
        return self.transport.lang

    def close(self) -> None:
        self.transport.close()

    def __enter__(self) -> TaxinvoiceClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def issue_token(self) -> Token:
        """A current token (issued now if none is cached): what "Test connection" shows."""
        return self.tokens.token()

    def resend_email(self, mgt_key_type: str, mgt_key: str, receiver: str) -> CallResult:
        """SendEmail: resend the notification mail of one invoice to one address."""
        self._check(check_resend(mgt_key_type, mgt_key, receiver))
        body = json.dumps({"receiver": clean(receiver)}).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8", "X-HTTP-Method-Override": "EMAIL"}
        path = _path(clean(mgt_key_type), clean(mgt_key))
        # Resending a mail twice is harmless but noisy: only failures before sending are retried.
        return self._call("resend_email", path, body, headers, repeatable=True)

    def assign_mgt_key(self, item_key: str, mgt_key_type: str, mgt_key: str) -> CallResult:
        """AssignMgtKey: give a document ID to an invoice issued on the website (ItemKey first in the path)."""
        self._check(check_assign(item_key, mgt_key_type, mgt_key))
        body = urlencode({"MgtKey": clean(mgt_key)}).encode("ascii")
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
        path = _path(clean(item_key), clean(mgt_key_type))
        # Not idempotent: never repeated by the transport, whatever failed.
        return self._call("assign_mgt_key", path, body, headers, repeatable=False)

    # -- read-only look-ups ------------------------------------------------------------------------------

    def search_page(self, query: SearchQuery) -> SearchPage:
        """Search: one page of one window (at most 6 months) of the company's invoices of a MgtKeyType."""
        self._check(query.check())
        from .invoices import SearchPage

        path = _path(query.mgt_key_type) + "?" + query.query_string()
        data = self._get(path, max_body=SEARCH_MAX_BODY)
        try:
            return SearchPage.from_api(data, query.mgt_key_type)
        except ValueError:
            raise PopbillError.client(Kind.NOT_JSON, self.lang, 200, status=200) from None

    def get_info(self, mgt_key_type: str, mgt_key: str) -> Invoice:
        """GetInfo: the invoice that has this document ID (state, amounts, partner); -11000005 when none has."""
        self._check(check_mgt_key_type(mgt_key_type) + check_mgt_key(mgt_key))
        from .invoices import Invoice

        kind = clean(mgt_key_type)
        return Invoice.from_api(self._get(_path(kind, clean(mgt_key))), kind)

    def get_detail(self, mgt_key_type: str, mgt_key: str) -> Invoice:
        """GetDetailInfo: the whole invoice that has this document ID (total, the partner's addresses)."""
        self._check(check_mgt_key_type(mgt_key_type) + check_mgt_key(mgt_key))
        from .invoices import Invoice

        kind = clean(mgt_key_type)
        return Invoice.from_api(self._get(_path(kind, clean(mgt_key)) + "?Detail"), kind)

    def get_detail_by_item_key(self, item_key: str, mgt_key_type: str) -> Invoice:
        """The whole invoice by its ItemKey (GET /Taxinvoice/{ItemKey}?Detail). The answer does not say
        which side we are on: `mgt_key_type` says it (which party is the partner, which document ID ours)."""
        self._check(check_item_key(item_key) + check_mgt_key_type(mgt_key_type))
        from .invoices import Invoice

        key = clean(item_key)
        return Invoice.from_api(self._get(_path(key) + "?Detail"), clean(mgt_key_type), item_key=key)

    # -- plumbing ------------------------------------------------------------------------------------------

    def _check(self, problems: list[Problem]) -> None:
        if problems:
            raise PopbillError.invalid(problems, self.lang)

    def _call(
        self, operation: Operation, path: str, body: bytes, headers: dict[str, str], *, repeatable: bool
    ) -> CallResult:
        start = time.monotonic()
        try:
            answer, data = self._send("POST", path, body, headers, repeatable=repeatable)
        except PopbillError as exc:
            exc.operation = operation  # its advice may depend on what was looked up (errors.hint_for)
            raise
        return CallResult(operation, 1, str(data.get("message", "")), answer.status, time.monotonic() - start)

    def _get(self, path: str, *, max_body: int | None = None) -> dict[str, Any]:
        """A read-only GET: safe to repeat, so a failed connection or answer is retried (urllib3's Retry)."""
        kwargs = {} if max_body is None else {"max_body": max_body}
        return self._send("GET", path, None, {}, repeatable=True, retry=self._read_retry, **kwargs)[1]

    def _send(
        self,
        method: str,
        path: str,
        body: bytes | None,
        headers: dict[str, str],
        *,
        repeatable: bool,
        **transport: Any,
    ) -> tuple[Answer, dict[str, Any]]:
        """One call with a token; the answer and its JSON once POPBiLL accepted it, else the PopbillError."""
        url = self.environment.base_url + path
        renewed = False
        while True:
            token = self.tokens.token()
            sent = {**self._headers, **headers, "Authorization": f"Bearer {token.value}"}
            answer = self.transport.request(method, url, data=body, headers=sent, repeatable=repeatable, **transport)
            data = self.transport.json_of(answer, self._host)
            # A look-up's answer is the data itself (no code); a POST's is {"code": 1, "message": …}.
            code = data.get("code", 1 if method == "GET" else None)
            if answer.status == 200 and code == 1 and code is not True:
                return answer, data
            error = self.transport.refusal(answer, data, self._host, Kind.POPBILL)
            if answer.status == 200 and error.code == 1:
                return answer, data
            if not (answer.status == 401 or error.code in TOKEN_CODES):
                raise error
            # The API refused the token itself, so the call was not carried out: asking again is safe,
            # even for AssignMgtKey. Renew once; a second refusal is reported.
            if self.tokens.renewable and not renewed:
                self.tokens.invalidate(token)
                renewed = True
                continue
            key = "hint.token_refused_again" if self.tokens.renewable else "error.token_refused"
            hint = text(key, self.lang)
            raise PopbillError(error.code, error.message, answer.status, Kind.TOKEN_REFUSED, lang=self.lang, hint=hint)


def open_client(
    environment: Environment,
    corp_num: str,
    credentials: Credentials,
    *,
    user_id: str | None = None,
    lang: Lang = "ko",
    connect_timeout: float = 10.0,
    read_timeout: float = 30.0,
    ca_bundle: str | None = None,
    connect_retries: int = 2,
    pac_url: str | None = None,
    cached_token: Token | None = None,
    on_token: Callable[[Token], None] | None = None,
) -> TaxinvoiceClient:
    """A client with its own transport and token source; nothing is sent until the first call.

    `pac_url`: a proxy auto-configuration script that takes the place of the system's (`proxies.py`).
    `cached_token` (a token kept from an earlier run) is used while it is valid; `on_token` is called with
    every token issued, on the thread that issued it, so a caller can keep it in the keyring.
    """
    transport = Transport(
        user_agent=USER_AGENT,
        lang=lang,
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        ca_bundle=ca_bundle,
        connect_retries=connect_retries,
        pac_url=pac_url,
    )
    tokens: TokenSource
    if isinstance(credentials, TokenCredentials):
        tokens = PastedToken(credentials.token, lang)
    else:
        corp = check_corp_num(corp_num)
        if corp.problems:
            raise PopbillError.invalid(corp.problems, lang)
        tokens = LinkhubAuth(
            transport,
            environment,
            credentials.link_id,
            credentials.secret_key,
            corp.value,
            cached=cached_token,
            on_issued=on_token,
        )
    return TaxinvoiceClient(transport, environment, tokens, user_id=user_id)
