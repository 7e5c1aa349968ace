"""Credentials in the operating system's keyring, and nowhere else.

The SecretKey (with its LinkID) or a pasted session token is stored per environment (test, production)
as one keyring entry. The backend is chosen explicitly from a known list (Windows Credential Manager,
macOS Keychain, Secret Service, KWallet), because a frozen build cannot discover backends through entry
points. When none is usable this says so plainly; there is no plaintext fallback, ever. `MemoryKeyring`
holds secrets for the life of the process only: for tests and for an explicit session-only mode.
"""

from __future__ import annotations

import importlib
import json
import logging
import sys
from collections.abc import Callable
from functools import partial

from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, KeyringLocked, NoKeyringError, PasswordDeleteError

from ..core.errors import CLIENT_CODE, Kind, PopbillError
from ..core.messages import Lang, text
from ..core.models import Credentials, LinkCredentials, Token, TokenCredentials
from ..core.validation import check_corp_num

log = logging.getLogger(__name__)

SERVICE = "popbill-gui"
TokenKeeper = Callable[[Token], None]

# (module, class) per platform, most preferred first.
_CANDIDATES: dict[str, tuple[tuple[str, str], ...]] = {
    "win32": (("keyring.backends.Windows", "WinVaultKeyring"),),
    "darwin": (("keyring.backends.macOS", "Keyring"),),
    "linux": (("keyring.backends.SecretService", "Keyring"), ("keyring.backends.kwallet", "DBusKeyring")),
}


class MemoryKeyring(KeyringBackend):
    """Secrets held in this process only, gone when it exits."""

    priority = -1  # never picked by keyring's own auto-selection

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._items.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


def system_backend() -> KeyringBackend | None:
    """The first usable backend of this platform, or None: never a plaintext or "null" keyring."""
    platform = "linux" if sys.platform.startswith(("linux", "freebsd")) else sys.platform
    for module_name, class_name in _CANDIDATES.get(platform, ()):
        try:
            cls = getattr(importlib.import_module(module_name), class_name)
            if cls.viable:
                return cls()  # type: ignore[no-any-return]
        except Exception as exc:  # noqa: BLE001 -- a broken backend is "not usable", whatever it raised
            log.debug("keyring backend %s.%s not usable: %s", module_name, class_name, type(exc).__name__)
    return None


def _keyring_error(exc: BaseException | None, lang: Lang) -> PopbillError:
    if exc is None or isinstance(exc, NoKeyringError):
        reason = text("keyring.none", lang)
    elif isinstance(exc, KeyringLocked):
        reason = text("keyring.locked", lang)
    else:
        reason = text("keyring.failed", lang, error=type(exc).__name__)
    return PopbillError(CLIENT_CODE, text("error.keyring", lang, reason=reason), None, Kind.KEYRING, lang=lang)


class SecretStore:
    """Saves, loads and deletes credentials in one keyring backend; every failure is a KEYRING error."""

    def __init__(self, backend: KeyringBackend | None, lang: Lang = "ko") -> None:
        self.backend = backend
        self.lang: Lang = lang

    @classmethod
    def system(cls, lang: Lang = "ko", finder: Callable[[], KeyringBackend | None] = system_backend) -> SecretStore:
        return cls(finder(), lang)

    @property
    def available(self) -> bool:
        return self.backend is not None

    @property
    def backend_name(self) -> str:
        return type(self.backend).__module__ + "." + type(self.backend).__name__ if self.backend else "-"

    def _backend(self) -> KeyringBackend:
        if self.backend is None:
            raise _keyring_error(None, self.lang)
        return self.backend

    def save(self, env: str, credentials: Credentials) -> None:
        if isinstance(credentials, TokenCredentials):
            payload = {"token": credentials.token}
        else:
            payload = {"link_id": credentials.link_id, "secret_key": credentials.secret_key}
        try:
            self._backend().set_password(SERVICE, f"{env}/credentials", json.dumps(payload))
        except KeyringError as exc:
            raise _keyring_error(exc, self.lang) from None

    def load(self, env: str) -> Credentials | None:
        try:
            raw = self._backend().get_password(SERVICE, f"{env}/credentials")
        except KeyringError as exc:
            raise _keyring_error(exc, self.lang) from None
        if raw is None:
            return None
        try:
            data = json.loads(raw)
            if "token" in data:
                return TokenCredentials(str(data["token"]))
            return LinkCredentials(str(data["link_id"]), str(data["secret_key"]))
        except (ValueError, TypeError, KeyError):
            log.warning("the keyring entry for %s is unreadable; ignoring it", env)
            return None

    def delete(self, env: str) -> bool:
        """Remove the credentials and the kept session token; False when there were no credentials."""
        backend = self._backend()
        try:
            if backend.get_password(SERVICE, f"{env}/token") is not None:
                backend.delete_password(SERVICE, f"{env}/token")
            if backend.get_password(SERVICE, f"{env}/credentials") is None:
                return False
            backend.delete_password(SERVICE, f"{env}/credentials")
        except KeyringError as exc:
            raise _keyring_error(exc, self.lang) from None
        return True

    # The last session token, so that the next run (or the next popbill-cli) need not ask for a new one.
    # It is bound to the LinkID and CorpNum it was issued for and is a secret like the SecretKey.
    def save_token(self, env: str, link_id: str, corp_num: str, token: Token) -> None:
        payload = {"link_id": link_id, "corp_num": corp_num, "token": token.value, "expires_at": token.expires_at}
        try:
            self._backend().set_password(SERVICE, f"{env}/token", json.dumps(payload))
        except KeyringError as exc:
            raise _keyring_error(exc, self.lang) from None

    def load_token(self, env: str, link_id: str, corp_num: str) -> Token | None:
        """The kept token if it was issued for this LinkID and CorpNum (its expiry is checked by its user)."""
        try:
            raw = self._backend().get_password(SERVICE, f"{env}/token")
        except KeyringError as exc:
            raise _keyring_error(exc, self.lang) from None
        try:
            data = json.loads(raw) if raw else None
            if not data or data.get("link_id") != link_id or data.get("corp_num") != corp_num:
                return None
            return Token(str(data["token"]), float(data["expires_at"]))
        except (ValueError, TypeError, KeyError, AttributeError):
            return None

    def token_keeping(
        self, env: str, credentials: Credentials, corp_num: str
    ) -> tuple[Token | None, TokenKeeper | None]:
        """The token kept for these credentials (None if none or unreadable) and a function that keeps the next.

        For open_client(cached_token=..., on_token=...). Pasted tokens are not kept: they are saved as credentials.
        """
        if not isinstance(credentials, LinkCredentials):
            return None, None
        corp = check_corp_num(corp_num).value
        try:
            cached = self.load_token(env, credentials.link_id, corp)
        except PopbillError:
            cached = None
        return cached, partial(self.save_token, env, credentials.link_id, corp)
