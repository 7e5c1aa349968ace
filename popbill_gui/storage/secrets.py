"""Credentials in the operating system's keyring, and nowhere else.

The SecretKey (with its LinkID) or a pasted session token is stored per environment (test, production)
as one keyring entry. Every failure of a backend, whatever it raises (KeyringError, the Windows backend's
pywintypes.error, a D-Bus error, an OSError), is one KEYRING error with a sentence; an entry too long for
the most limited store (Windows Credential Manager) is refused with a reason before the store sees it.
The backend is chosen explicitly from a known list (Windows Credential Manager, macOS Keychain, Secret
Service, KWallet), because a frozen build cannot discover backends through entry points. When none is usable
this says so plainly; there is no plaintext fallback, ever. `MemoryKeyring` holds secrets for the life of the
process only: for tests and for an explicit session-only mode.
"""

from __future__ import annotations

import importlib
import json
import logging
import sys
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, NoKeyringError, PasswordDeleteError

from ..core.errors import CLIENT_CODE, Kind, PopbillError
from ..core.messages import Lang, text
from ..core.models import Credentials, LinkCredentials, Token, TokenCredentials
from ..core.validation import Problem, check_corp_num

log = logging.getLogger(__name__)

SERVICE = "popbill-gui"
TokenKeeper = Callable[[Token], None]
T = TypeVar("T")

# Windows Credential Manager keeps at most 2,560 bytes per entry, stored as UTF-16; our entries are JSON with
# ASCII escapes, so this many characters. Held everywhere alike: an entry saved on Linux fits Windows too.
MAX_ENTRY = 1280
# Windows error numbers that deserve their own sentence (win32ctypes' pywintypes.error.winerror).
_WIN_NO_SUCH_LOGON_SESSION = 1312  # the "do not allow storage of passwords and credentials" policy
_WIN_BAD_STUB_DATA = 1783  # a value over the size limit

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
    # Only the exception's type and error number are shown: its text could quote what was being stored.
    winerror = getattr(exc, "winerror", None)
    if exc is None or isinstance(exc, NoKeyringError):
        reason = text("keyring.none", lang)
    elif isinstance(exc, KeyringLocked):
        reason = text("keyring.locked", lang)
    elif winerror == _WIN_NO_SUCH_LOGON_SESSION:
        reason = text("keyring.win_policy", lang)
    elif winerror == _WIN_BAD_STUB_DATA:
        reason = text("keyring.value_too_long", lang)
    else:
        name = type(exc).__name__ + (f" {winerror}" if isinstance(winerror, int) else "")
        reason = text("keyring.failed", lang, error=name)
    return PopbillError(CLIENT_CODE, text("error.keyring", lang, reason=reason), None, Kind.KEYRING, lang=lang)


def _payload(credentials: Credentials) -> str:
    if isinstance(credentials, TokenCredentials):
        return json.dumps({"token": credentials.token})
    return json.dumps({"link_id": credentials.link_id, "secret_key": credentials.secret_key})


def check_entry_size(credentials: Credentials) -> list[Problem]:
    """The problem if these credentials are too long to keep in every keyring (a mis-pasted token, say).

    Qt-free: the window can check a pasted value at once; `SecretStore.save` refuses such credentials anyway.
    """
    payload = _payload(credentials)
    if len(payload) <= MAX_ENTRY:
        return []
    if isinstance(credentials, TokenCredentials):
        field, value = "token", credentials.token
    elif len(credentials.secret_key) >= len(credentials.link_id):
        field, value = "secret_key", credentials.secret_key
    else:
        field, value = "link_id", credentials.link_id
    room = MAX_ENTRY - (len(payload) - (len(json.dumps(value)) - 2))  # what this field may take beside the rest
    return [Problem(field, "credentials.too_long", {"length": len(value), "limit": max(room, 0)})]


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

    def _use(self, action: Callable[[KeyringBackend], T]) -> T:
        """Run one backend operation; whatever the backend raises becomes a KEYRING PopbillError."""
        backend = self._backend()
        try:
            return action(backend)
        except Exception as exc:  # noqa: BLE001 -- backends raise KeyringError, pywintypes.error, D-Bus errors...
            log.warning("the keyring failed: %s %s", type(exc).__name__, getattr(exc, "winerror", "") or "")
            raise _keyring_error(exc, self.lang) from None

    def save(self, env: str, credentials: Credentials) -> None:
        """Keep the credentials; too long ones are refused (INVALID_INPUT) before the store sees them."""
        problems = check_entry_size(credentials)
        if problems:
            raise PopbillError.invalid(problems, self.lang)
        payload = _payload(credentials)
        self._use(lambda b: b.set_password(SERVICE, f"{env}/credentials", payload))

    def load(self, env: str) -> Credentials | None:
        raw = self._use(lambda b: b.get_password(SERVICE, f"{env}/credentials"))
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

        def work(backend: KeyringBackend) -> bool:
            if backend.get_password(SERVICE, f"{env}/token") is not None:
                backend.delete_password(SERVICE, f"{env}/token")
            if backend.get_password(SERVICE, f"{env}/credentials") is None:
                return False
            backend.delete_password(SERVICE, f"{env}/credentials")
            return True

        return self._use(work)

    # The last session token, so that the next run (or the next popbill-cli) need not ask for a new one. It is
    # bound to the LinkID and CorpNum it was issued for, and to the token service and API it came from and was
    # meant for (a token from one host is never sent to another), and is a secret like the SecretKey.
    def save_token(self, env: str, link_id: str, corp_num: str, token: Token, *, auth_url: str, base_url: str) -> None:
        payload = json.dumps(
            {
                "link_id": link_id,
                "corp_num": corp_num,
                "auth_url": auth_url,
                "base_url": base_url,
                "token": token.value,
                "expires_at": token.expires_at,
            }
        )
        if len(payload) > MAX_ENTRY:
            log.warning("the session token is too long for the keyring; it is not kept")
            return
        self._use(lambda b: b.set_password(SERVICE, f"{env}/token", payload))

    def load_token(self, env: str, link_id: str, corp_num: str, *, auth_url: str, base_url: str) -> Token | None:
        """The kept token if it was issued for this LinkID, CorpNum and pair of hosts (its user checks expiry)."""
        raw = self._use(lambda b: b.get_password(SERVICE, f"{env}/token"))
        try:
            data = json.loads(raw) if raw else None
            wanted = {"link_id": link_id, "corp_num": corp_num, "auth_url": auth_url, "base_url": base_url}
            if not isinstance(data, dict) or any(data.get(k) != v for k, v in wanted.items()):
                return None
            return Token(str(data["token"]), float(data["expires_at"]))
        except (ValueError, TypeError, KeyError, AttributeError):
            return None

    def token_keeping(
        self, env: str, credentials: Credentials, corp_num: str, *, auth_url: str, base_url: str
    ) -> tuple[Token | None, TokenKeeper | None]:
        """The token kept for these credentials and hosts (None if none or unreadable) and a function keeping the next.

        For open_client(cached_token=..., on_token=...), with the environment's auth_url and base_url. Pasted
        tokens are not kept: they are saved as credentials. A keyring that fails here never fails the call: the
        token is then asked for anew (and the keeper's failures are logged by LinkhubAuth).
        """
        if not isinstance(credentials, LinkCredentials):
            return None, None
        corp = check_corp_num(corp_num).value
        try:
            cached = self.load_token(env, credentials.link_id, corp, auth_url=auth_url, base_url=base_url)
        except PopbillError:
            cached = None
        return cached, partial(self.save_token, env, credentials.link_id, corp, auth_url=auth_url, base_url=base_url)
