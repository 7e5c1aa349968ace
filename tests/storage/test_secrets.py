"""The credential store: round trips, failures as clear KEYRING errors, and no plaintext fallback."""

from __future__ import annotations

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordSetError

from popbill_gui.core.client import LinkCredentials, TokenCredentials
from popbill_gui.core.errors import Kind, PopbillError
from popbill_gui.storage import secrets
from popbill_gui.storage.secrets import MemoryKeyring, SecretStore


def test_round_trip_per_environment() -> None:
    store = SecretStore(MemoryKeyring())
    store.save("test", LinkCredentials("LINK", "c2VjcmV0"))
    store.save("production", TokenCredentials("tok-123"))
    assert store.load("test") == LinkCredentials("LINK", "c2VjcmV0")
    assert store.load("production") == TokenCredentials("tok-123")
    assert store.delete("test") is True
    assert store.load("test") is None
    assert store.delete("test") is False
    assert store.load("production") == TokenCredentials("tok-123")


def test_credentials_repr_hides_secrets() -> None:
    assert "c2VjcmV0" not in repr(LinkCredentials("LINK", "c2VjcmV0"))
    assert "tok-123" not in repr(TokenCredentials("tok-123"))


def test_no_keyring_is_a_clear_error_not_a_fallback() -> None:
    store = SecretStore.system("en", finder=lambda: None)
    assert not store.available
    for action in (lambda: store.load("test"), lambda: store.save("test", TokenCredentials("t"))):
        with pytest.raises(PopbillError) as caught:
            action()
        assert caught.value.kind is Kind.KEYRING
        assert "no usable keyring" in caught.value.message


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError(f"refused to store {password}")


def test_locked_and_refusing_keyrings_are_reported_without_the_secret() -> None:
    store = SecretStore(LockedKeyring(), "en")
    with pytest.raises(PopbillError) as locked:
        store.load("test")
    assert locked.value.kind is Kind.KEYRING and "locked" in locked.value.message
    with pytest.raises(PopbillError) as refused:
        store.save("test", LinkCredentials("L", "SUPERSECRET=="))
    assert refused.value.kind is Kind.KEYRING
    assert "SUPERSECRET" not in str(refused.value) + repr(refused.value)


def test_unreadable_entry_is_ignored() -> None:
    backend = MemoryKeyring()
    backend.set_password(secrets.SERVICE, "test/credentials", "not json")
    assert SecretStore(backend).load("test") is None


def test_system_backend_is_chosen_from_the_known_list_only(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = secrets.system_backend()
    # Whatever is found here is one of the explicit candidates, never keyring's plaintext or null backends.
    allowed = {name for pairs in secrets._CANDIDATES.values() for _, name in pairs}
    assert backend is None or type(backend).__name__ in allowed
    monkeypatch.setattr(secrets, "_CANDIDATES", {"linux": (("no.such.module", "Keyring"),)})
    monkeypatch.setattr(secrets.sys, "platform", "linux")
    assert secrets.system_backend() is None


def test_memory_keyring_is_never_auto_selected() -> None:
    assert MemoryKeyring.priority < 0
    assert isinstance(MemoryKeyring(), KeyringBackend)


def test_session_token_is_kept_for_its_link_id_corp_num_and_hosts_only() -> None:
    from popbill_gui.core.models import Token

    hosts = {"auth_url": "https://auth.linkhub.co.kr", "base_url": "https://popbill-test.linkhub.co.kr"}
    store = SecretStore(MemoryKeyring())
    store.save_token("test", "LINK", "1248100998", Token("tok-1", 2_000_000_000.0), **hosts)
    assert store.load_token("test", "LINK", "1248100998", **hosts) == Token("tok-1", 2_000_000_000.0)
    assert store.load_token("test", "OTHER", "1248100998", **hosts) is None
    assert store.load_token("test", "LINK", "1234567890", **hosts) is None
    assert store.load_token("production", "LINK", "1248100998", **hosts) is None
    # Another token service, or another API host: the token is not theirs (issue 12.6).
    assert store.load_token("test", "LINK", "1248100998", **{**hosts, "auth_url": "https://evil.example"}) is None
    assert store.load_token("test", "LINK", "1248100998", **{**hosts, "base_url": "http://127.0.0.1:8080"}) is None
    store.save("test", LinkCredentials("LINK", "c2VjcmV0"))
    cached, keep = store.token_keeping("test", LinkCredentials("LINK", "c2VjcmV0"), "124-81-00998", **hosts)
    assert cached == Token("tok-1", 2_000_000_000.0) and keep is not None
    keep(Token("tok-2", 2_000_000_100.0))
    assert store.load_token("test", "LINK", "1248100998", **hosts) == Token("tok-2", 2_000_000_100.0)
    elsewhere = {**hosts, "base_url": "https://static-popbill-test.linkhub.co.kr"}
    assert store.token_keeping("test", LinkCredentials("LINK", "c2VjcmV0"), "1248100998", **elsewhere)[0] is None
    assert store.token_keeping("test", TokenCredentials("pasted"), "1248100998", **hosts) == (None, None)
    assert store.delete("test") is True
    assert store.load_token("test", "LINK", "1248100998", **hosts) is None  # logout forgets the token too


def test_a_token_kept_before_it_was_bound_to_hosts_is_not_used() -> None:
    backend = MemoryKeyring()
    old = '{"link_id": "LINK", "corp_num": "1248100998", "token": "tok-old", "expires_at": 2000000000.0}'
    backend.set_password(secrets.SERVICE, "test/token", old)
    store = SecretStore(backend)
    hosts = {"auth_url": "https://auth.linkhub.co.kr", "base_url": "https://popbill-test.linkhub.co.kr"}
    assert store.load_token("test", "LINK", "1248100998", **hosts) is None
