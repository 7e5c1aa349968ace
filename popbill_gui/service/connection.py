"""The core client opened from settings and credentials: the one way, for the service and the connection test.

When the credentials came from the keyring, the session token is kept there too (and reused by the next run).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.client import TaxinvoiceClient, open_client
from ..core.environments import resolve
from ..core.errors import Kind, PopbillError
from ..core.models import Credentials, LinkCredentials
from ..core.validation import Problem
from ..storage.settings import Settings

if TYPE_CHECKING:
    from ..storage.secrets import SecretStore


def open_configured_client(
    settings: Settings, credentials: Credentials | None, store: SecretStore | None = None
) -> TaxinvoiceClient:
    """A client for these settings; `store`: the keyring the credentials came from, to keep the token in."""
    s = settings
    if credentials is None:
        raise PopbillError.client(Kind.NO_CREDENTIALS, s.lang)
    if isinstance(credentials, LinkCredentials) and not s.corp_num:
        raise PopbillError.invalid([Problem("corp_num", "corp_num.required")], s.lang)
    environment = resolve(s.env, s.hosts, s.base_url, s.auth_url, s.lang)  # type: ignore[arg-type]
    # The kept token is bound to these hosts: one issued by another server is never sent here.
    cached, keep = (
        store.token_keeping(
            s.env, credentials, s.corp_num or "", auth_url=environment.auth_url, base_url=environment.base_url
        )
        if store
        else (None, None)
    )
    return open_client(
        environment,
        s.corp_num or "",
        credentials,
        user_id=s.user_id,
        lang=s.lang,
        connect_timeout=s.connect_timeout,
        read_timeout=s.timeout,
        ca_bundle=s.ca_bundle,
        pac_url=s.pac_url,
        cached_token=cached,
        on_token=keep,
    )
