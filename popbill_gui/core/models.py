"""Plain data the core hands around: credentials, session tokens and the result of an accepted call.

Kept apart from `client.py` so that the window can name them without importing the HTTP client at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Literal

Operation = Literal["resend_email", "assign_mgt_key"]


@dataclass(frozen=True)
class LinkCredentials:
    """A partner's LinkID and SecretKey."""

    link_id: str
    secret_key: str = field(repr=False)


@dataclass(frozen=True)
class TokenCredentials:
    """A session token pasted by the user."""

    token: str = field(repr=False)


Credentials = LinkCredentials | TokenCredentials


@dataclass(frozen=True)
class Token:
    """A session token and when it expires (None: unknown, for a pasted token)."""

    value: str = field(repr=False)
    expires_at: float | None = None  # POSIX seconds, server clock

    def expiry_text(self) -> str:
        if self.expires_at is None:
            return "?"
        return datetime.fromtimestamp(self.expires_at, timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")

    def local_expiry_text(self) -> str:
        """The expiry in this computer's time zone, as a clerk reads a clock ("2026-11-30 18:11:28 KST")."""
        if self.expires_at is None:
            return "?"
        return datetime.fromtimestamp(self.expires_at).astimezone().strftime("%Y-%m-%d %H:%M:%S %Z").strip()


@dataclass(frozen=True)
class CallResult:
    """A call POPBiLL accepted: its code (1) and message verbatim."""

    operation: Operation
    code: int
    message: str
    http_status: int
    duration: float
    # "assigned" when the answer was lost and looking the invoice up showed our document ID on it (core/assigned.py).
    checked: str | None = None
