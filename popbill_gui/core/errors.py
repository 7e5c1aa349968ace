"""One error type for everything that can go wrong with a call, and the hints for known POPBiLL codes.

POPBiLL's own refusals keep its code and message verbatim. Failures found on this side (network, TLS,
an unreadable answer, bad input) use the SDKs' client code -99999999, a `Kind` that callers branch on,
and a sentence from `messages`. No error text ever contains a SecretKey or a token: the sentences are
ours, and server messages are shown as the server wrote them.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from .messages import Lang, text
from .validation import Problem

CLIENT_CODE = -99999999


class Kind(str, Enum):
    """What kind of failure; decides the sentence, the exit code and whether retrying can help."""

    POPBILL = "popbill"  # POPBiLL answered and refused the call
    AUTH = "auth"  # the token service refused the credentials (signature, clock, not a member)
    TOKEN_REFUSED = "token_refused"  # noqa: S105 -- the API refused the token even after renewal, or a pasted token
    INVALID_INPUT = "invalid_input"
    NO_CREDENTIALS = "no_credentials"
    KEYRING = "keyring"
    PLAIN_HTTP = "plain_http"
    BAD_URL = "bad_url"
    DNS = "dns"
    REFUSED = "refused"
    PROXY = "proxy"
    TLS = "tls"  # the certificate or the TLS handshake failed: before the request was written, nothing sent
    ANSWER_LOST = "answer_lost"  # the TLS connection broke after the request was written: it may have been done
    CONNECT_FAILED = "connect_failed"  # no connection for another reason (no route, reset while connecting)
    CA_FILE = "ca_file"  # the CA file named in the settings cannot be used (nothing sent)
    CONNECT_TIMEOUT = "connect_timeout"
    READ_TIMEOUT = "read_timeout"
    RESET = "reset"
    NETWORK = "network"
    NOT_JSON = "not_json"
    NO_CODE = "no_code"
    HTML_PAGE = "html_page"
    BAD_GZIP = "bad_gzip"
    TOO_LARGE = "too_large"
    BAD_TOKEN_ANSWER = "bad_token_answer"  # noqa: S105 -- a kind, not a password
    INTERRUPTED = "interrupted"  # stopped by the user (Ctrl+C) after the request was sent: it may have been done
    HISTORY = "history"  # the history could not be written, so nothing was sent (or a batch stopped)


# Kinds where the request may have reached the server: it must not be repeated blindly. The transport gives
# the network kinds here only to failures after the request was written (and NETWORK, the catch-all, is
# counted as delivered); failures before it are DNS, REFUSED, PROXY, TLS, CONNECT_TIMEOUT or CONNECT_FAILED.
MAYBE_DELIVERED_KINDS = frozenset(
    {
        Kind.READ_TIMEOUT,
        Kind.RESET,
        Kind.ANSWER_LOST,
        Kind.NETWORK,
        Kind.NOT_JSON,
        Kind.NO_CODE,
        Kind.HTML_PAGE,
        Kind.BAD_GZIP,
        Kind.TOO_LARGE,
        Kind.INTERRUPTED,
    }
)
# Kinds where the service could not be reached or its answer not understood (CLI exit code 3): those, and the
# failures before anything was sent.
UNREACHABLE_KINDS = MAYBE_DELIVERED_KINDS | {
    Kind.DNS,
    Kind.REFUSED,
    Kind.PROXY,
    Kind.TLS,
    Kind.CONNECT_FAILED,
    Kind.CONNECT_TIMEOUT,
    Kind.BAD_TOKEN_ANSWER,
}
# Kinds where no usable credentials exist (CLI exit code 4).
CREDENTIAL_KINDS = frozenset({Kind.AUTH, Kind.TOKEN_REFUSED, Kind.NO_CREDENTIALS, Kind.KEYRING})

# Codes by which the API refuses the token itself; the client renews once and tries again.
TOKEN_CODES = frozenset({-99000026, -10000032, -10000033, -10000034})

# Known POPBiLL codes → hint key (what the user should do next). docs/PROTOCOL.md, "Errors".
_HINTS: dict[int, str] = {
    -99010004: "hint.clock",
    -99010007: "hint.signature",
    -10010006: "hint.not_member",
    -10000012: "hint.not_member",
    -99000026: "hint.token_expired",
    -99910006: "hint.ip",
    -99000031: "hint.ip",
    -99005001: "hint.points",
    -11000005: "hint.not_found",
    -11010008: "hint.mgt_key_type",
    -11005002: "hint.mail_state",
    -11005018: "hint.already_assigned",
    -11005019: "hint.already_assigned",
    -11005021: "hint.already_assigned",
    -11001038: "hint.key_in_use",
    -11001039: "hint.key_in_use",
    -11001040: "hint.key_in_use",
    -11001035: "hint.key_invalid",
    -11001036: "hint.key_invalid",
    -11001037: "hint.key_invalid",
    -11001120: "hint.key_invalid",
    -11001121: "hint.key_invalid",
    -11001122: "hint.key_invalid",
}

# Refusals that will hit every call alike (a batch stops on them rather than failing every row).
ACCOUNT_WIDE_CODES = frozenset({-99010004, -99010007, -10010006, -10000012, -99910006, -99000031, -99005001})


# Where the same code means another thing by what the call looked up: AssignMgtKey finds the invoice by its ItemKey.
_OPERATION_HINTS: dict[tuple[str, int], str] = {("assign_mgt_key", -11000005): "hint.item_key_not_found"}


def hint_for(code: int, lang: Lang = "ko", operation: str | None = None) -> str | None:
    """A one-line hint for a known POPBiLL code (answering `operation`, when known), or None."""
    key = _OPERATION_HINTS.get((operation or "", code)) or _HINTS.get(code)
    return text(key, lang) if key else None


class PopbillError(Exception):
    """A failed call: POPBiLL's code and message verbatim, or a client-side code, kind and sentence."""

    def __init__(
        self,
        code: int,
        message: str,
        http_status: int | None = None,
        kind: Kind = Kind.POPBILL,
        *,
        lang: Lang = "ko",
        problems: Sequence[Problem] = (),
        hint: str | None = None,
    ) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message
        self.http_status = http_status
        self.kind = kind
        self.lang: Lang = lang
        self.problems = list(problems)
        self._hint = hint
        self.duration: float | None = None  # seconds from the call's start, when the service measured it
        self.operation: str | None = None  # the call it answers ("assign_mgt_key", …), when the client knows it
        # What looking the invoice up showed after a lost AssignMgtKey answer (core/assigned.py Checked's value):
        # "not_assigned" or "other_key"; None when it was not looked up, or the look-up proved nothing.
        self.checked: str | None = None

    @classmethod
    def client(cls, kind: Kind, lang: Lang = "ko", http_status: int | None = None, **params: object) -> PopbillError:
        """A client-side failure of `kind`, worded in `lang`."""
        return cls(CLIENT_CODE, text(f"error.{kind.value}", lang, **params), http_status, kind, lang=lang)

    @classmethod
    def invalid(cls, problems: Sequence[Problem], lang: Lang = "ko") -> PopbillError:
        """Input that fails the rules: nothing is sent. The message names every problem."""
        lines = [text("error.invalid_input", lang)] + [p.describe(lang) for p in problems]
        return cls(CLIENT_CODE, " ".join(lines), None, Kind.INVALID_INPUT, lang=lang, problems=problems)

    @property
    def hint(self) -> str | None:
        """What to do next: the caller's own hint if it gave one, else the one for a known code."""
        if self._hint is not None:
            return self._hint
        if self.kind in (Kind.POPBILL, Kind.AUTH, Kind.TOKEN_REFUSED):
            return hint_for(self.code, self.lang, self.operation)
        return None

    @property
    def maybe_delivered(self) -> bool:
        """True when the request may have been processed although no clear answer came back (and no look-up
        showed since what became of it)."""
        return self.kind in MAYBE_DELIVERED_KINDS and self.checked is None

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"

    def __repr__(self) -> str:
        return f"PopbillError(code={self.code}, kind={self.kind.value}, http_status={self.http_status})"
