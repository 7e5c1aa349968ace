"""What the window is connected with: settings, where the credentials came from, and the one client.

Qt-free. The client is built once and reused by every worker (one token, kept-alive connections) until the
settings or credentials change. Credentials come from POPBILL_* variables (the keyring is then never asked),
from the keyring (loaded on a worker by the window), from memory in session-only mode, or from the demo.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from ..core.environments import Environment, resolve
from ..core.models import Credentials
from ..storage.settings import Settings

if TYPE_CHECKING:
    from ..core.client import TaxinvoiceClient
    from ..storage.secrets import SecretStore


class Source(str, Enum):
    NONE = "none"
    PENDING = "pending"  # the keyring is being read
    ENV = "env"
    KEYRING = "keyring"
    SESSION = "session"  # memory only, by the user's choice (no usable keyring)
    DEMO = "demo"


@dataclass
class Session:
    settings: Settings
    credentials: Credentials | None = None
    source: Source = Source.NONE
    keyring_available: bool | None = None  # None: not asked (yet, or not needed)
    locked: set[str] = field(default_factory=set)  # settings fixed by POPBILL_* variables
    saved: Settings = field(default_factory=Settings)  # what the settings file holds
    environ: Mapping[str, str] = field(default_factory=dict, repr=False)
    store: SecretStore | None = field(default=None, repr=False)  # the keyring the credentials came from
    _client: TaxinvoiceClient | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def demo(self) -> bool:
        return self.source is Source.DEMO

    def environment(self) -> Environment:
        s = self.settings
        return resolve(s.env, s.hosts, s.base_url, s.auth_url, s.lang)  # type: ignore[arg-type]

    def client(self) -> TaxinvoiceClient:
        """The shared client, built on first use; a PopbillError says what is missing."""
        with self._lock:
            if self._client is None:
                self._client = self._build()
            return self._client

    def _build(self) -> TaxinvoiceClient:
        # Imported on the first call, not at start-up: requests and TLS are a third of the window's start.
        from ..storage.connection import open_configured_client

        # With keyring credentials the session token is kept there too, so a restart reuses it. This runs on
        # the worker that builds the client: reading and writing the keyring may block.
        store = self.store if self.source is Source.KEYRING else None
        return open_configured_client(self.settings, self.credentials, store)

    def update(
        self, settings: Settings | None = None, credentials: Credentials | None = None, source: Source | None = None
    ) -> None:
        """New settings and/or credentials: the next call builds a new client (a new token)."""
        with self._lock:
            if settings is not None:
                self.settings = settings
            if credentials is not None:
                self.credentials = credentials
            if source is not None:
                self.source = source
            old, self._client = self._client, None
        # Not closed: a worker may still be using it; its connections close when it is collected.
        del old
