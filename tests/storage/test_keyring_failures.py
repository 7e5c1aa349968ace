"""Whatever a keyring backend raises is a KEYRING failure (exit 4, one clear line), and the program keeps working.

The Windows backend raises win32ctypes' pywintypes.error, not KeyringError: error 1312 under the "do not
allow storage of passwords" policy, 1783 for a value over Credential Manager's 2,560 bytes. `PyWinError`
below has that class's shape (an Exception with winerror, funcname and strerror), since win32ctypes itself
is Windows-only. Also: the session token kept in the keyring is bound to its hosts (issue 12.6).
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from popbill_gui.cli import Cli
from popbill_gui.core.client import LinkCredentials, TokenCredentials
from popbill_gui.core.errors import Kind, PopbillError
from popbill_gui.service.connection import open_configured_client
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage import secrets
from popbill_gui.storage.secrets import MemoryKeyring, SecretStore
from popbill_gui.storage.settings import Settings


class PyWinError(Exception):
    """The shape of win32ctypes.pywintypes.error (what keyring's Windows backend lets through)."""

    def __init__(self, *args: object) -> None:
        self.winerror = args[0] if len(args) > 0 else None
        self.funcname = args[1] if len(args) > 1 else None
        self.strerror = args[2] if len(args) > 2 else None
        super().__init__(*args)


class FailingKeyring(MemoryKeyring):
    """Raises `make()` for every entry whose name ends with one of `names` (all by default)."""

    def __init__(self, make: Callable[[], Exception], names: tuple[str, ...] = ("",)) -> None:
        super().__init__()
        self.make, self.names = make, names
        self.writes = 0

    def _maybe_fail(self, username: str) -> None:
        if username.endswith(self.names):
            raise self.make()

    def get_password(self, service: str, username: str) -> str | None:
        self._maybe_fail(username)
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.writes += 1
        self._maybe_fail(username)
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._maybe_fail(username)
        super().delete_password(service, username)


SECRET = "U1VQRVJTRUNSRVQtS0VZLTAxMjM0NTY3ODlhYmNkZWY="  # 32 bytes, as POPBiLL issues a SecretKey

FAILURES = [
    (lambda: PyWinError(1312, "CredWrite", "A specified logon session does not exist."), "error 1312"),
    (lambda: PyWinError(1783, "CredWrite", "The stub received bad data."), "error 1783"),
    (lambda: PyWinError(5, "CredRead", "Access is denied."), "PyWinError 5"),
    (lambda: RuntimeError(f"D-Bus said no to {SECRET}"), "RuntimeError"),
    (lambda: OSError(13, "Permission denied"), "PermissionError"),
]


@pytest.mark.parametrize(("make", "words"), FAILURES)
def test_every_backend_failure_is_a_keyring_error(make: Callable[[], Exception], words: str) -> None:
    store = SecretStore(FailingKeyring(make), "en")
    actions = {
        "save": lambda: store.save("test", LinkCredentials("LINK", SECRET)),
        "load": lambda: store.load("test"),
        "delete": lambda: store.delete("test"),
        "load_token": lambda: store.load_token("test", "LINK", DEMO_CORP_NUM, auth_url="a", base_url="b"),
    }
    for name, action in actions.items():
        with pytest.raises(PopbillError) as caught:
            action()
        error = caught.value
        assert error.kind is Kind.KEYRING, name
        assert "keyring" in error.message and words in error.message, (name, error.message)
        assert SECRET not in str(error) + repr(error)  # an exception's own text is never shown


def test_the_windows_policy_sentence_says_what_to_ask_it() -> None:
    store = SecretStore(FailingKeyring(lambda: PyWinError(1312, "CredWrite", "x")), "ko")
    with pytest.raises(PopbillError) as caught:
        store.save("test", TokenCredentials("tok"))
    assert "정책" in caught.value.message and "전산 담당자" in caught.value.message


@pytest.mark.parametrize(("make", "words"), FAILURES[:2])
def test_cli_login_with_a_failing_keyring_exits_4(make: Callable[[], Exception], words: str) -> None:
    err = io.StringIO()
    cli = Cli(
        environ={"POPBILL_LANG": "en"},
        stdin=io.StringIO(SECRET + "\n"),
        stdout=io.StringIO(),
        stderr=err,
        store_factory=lambda lang: SecretStore(FailingKeyring(make), lang),
    )
    assert cli.run(["login", "--link-id", "LINK"]) == 4
    (line,) = err.getvalue().splitlines()
    assert words in line and "internal error" not in line and SECRET not in line


def test_cli_call_with_a_failing_keyring_read_exits_4(sim: Simulator) -> None:
    err = io.StringIO()
    environ = {"POPBILL_BASE_URL": sim.base_url, "POPBILL_AUTH_URL": sim.base_url, "POPBILL_CORP_NUM": DEMO_CORP_NUM}
    cli = Cli(
        environ=environ,
        stdout=io.StringIO(),
        stderr=err,
        store_factory=lambda lang: SecretStore(FailingKeyring(lambda: PyWinError(5, "CredRead", "x")), lang),
    )
    assert cli.run(["resend-email", "--type", "SELL", "--mgt-key", "K1", "--receiver", "a@example.com"]) == 4
    assert sim.count("send_email") == 0


@pytest.mark.parametrize("failure", [lambda: PyWinError(1783, "CredWrite", "x"), lambda: RuntimeError("dbus")])
def test_a_failing_token_read_or_write_never_breaks_a_call(sim: Simulator, failure: Callable[[], Exception]) -> None:
    backend = FailingKeyring(failure, names=("/token",))  # the credentials entry works, the token entry fails
    store = SecretStore(backend)
    store.save("test", LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY))
    settings = Settings(base_url=sim.base_url, auth_url=sim.base_url, corp_num=DEMO_CORP_NUM)
    for key in ("K1", "K2"):
        with open_configured_client(settings, store.load("test"), store) as client:
            assert client.resend_email("SELL", key, "a@example.com").code == 1
    assert sim.count("send_email") == 2 and sim.count("token") == 2  # nothing kept, so a token per run


def test_an_overlong_token_is_refused_before_it_reaches_the_store() -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend, "en")
    limit = secrets.MAX_ENTRY - len('{"token": ""}')
    store.save("test", TokenCredentials("t" * limit))  # the longest that fits Windows Credential Manager
    with pytest.raises(PopbillError) as caught:
        store.save("production", TokenCredentials("t" * (limit + 1)))
    error = caught.value
    assert error.kind is Kind.INVALID_INPUT
    assert [(p.field, p.key, p.params["limit"]) for p in error.problems] == [("token", "credentials.too_long", limit)]
    assert "too long" in error.message
    assert backend.get_password(secrets.SERVICE, "production/credentials") is None
    assert secrets.check_entry_size(LinkCredentials("LINK", "A" * 5000))[0].field == "secret_key"
    assert secrets.check_entry_size(LinkCredentials("LINK", SECRET)) == []


def test_cli_login_with_an_overlong_token_exits_2_with_the_reason() -> None:
    keyring = FailingKeyring(lambda: RuntimeError("never reached"), names=("-nothing-",))
    err = io.StringIO()
    cli = Cli(
        environ={"POPBILL_LANG": "en"},
        stdin=io.StringIO("x" * 3000 + "\n"),
        stdout=io.StringIO(),
        stderr=err,
        store_factory=lambda lang: SecretStore(keyring, lang),
    )
    assert cli.run(["login", "--token"]) == 2
    assert "3000 characters" in err.getvalue() and "at most" in err.getvalue()
    assert keyring.writes == 0


# ---- 12.6: a kept token goes only to the hosts it came from ----
def test_a_kept_token_is_never_sent_to_another_server() -> None:
    store = SecretStore(MemoryKeyring())
    credentials = LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY)
    with Simulator() as first, Simulator() as second:
        for sim in (first, second, first):
            settings = Settings(base_url=sim.base_url, auth_url=sim.base_url, corp_num=DEMO_CORP_NUM)
            with open_configured_client(settings, credentials, store) as client:
                assert client.resend_email("SELL", "K1", "a@example.com").code == 1
        bearer = {
            name: {r.header("Authorization") for r in sim.requests if r.kind == "send_email"}
            for name, sim in (("first", first), ("second", second))
        }
    assert not bearer["first"] & bearer["second"]  # the first server's token never reached the second
    assert first.count("token") == 2 and second.count("token") == 1  # each issued its own; the last run kept B's
