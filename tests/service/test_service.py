"""The service without Qt, against the simulator over real sockets: calls recorded, credentials, connection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.errors import KeyringLocked

from popbill_gui.service import (
    AssignRequest,
    Kind,
    LinkCredentials,
    PopbillError,
    ResendRequest,
    Service,
    TokenCredentials,
    test_connection,
)
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage.secrets import MemoryKeyring, SecretStore
from popbill_gui.storage.settings import Settings

CREDENTIALS = LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY)


def settings_for(sim: Simulator, **kw: object) -> Settings:
    values: dict[str, object] = {
        "base_url": sim.base_url,
        "auth_url": sim.base_url,
        "corp_num": DEMO_CORP_NUM,
        "lang": "en",
        "timeout": 5.0,
    }
    values.update(kw)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def service(sim: Simulator, tmp_path: Path) -> Iterator[Service]:
    s = Service(settings_for(sim), CREDENTIALS, history_path=tmp_path / "history.sqlite3")
    yield s
    s.close()


def test_a_resend_is_sent_once_and_recorded(service: Service, sim: Simulator) -> None:
    result = service.call(ResendRequest(" SELL ", "INV-1", " a@example.com "))
    assert (result.code, result.operation) == (1, "resend_email")
    assert [(m.mgt_key, m.receiver) for m in sim.state.sent_mails] == [("INV-1", "a@example.com")]
    (record,) = service.recent_calls()
    assert (record.operation, record.mgt_key_type, record.mgt_key, record.receiver) == (
        "resend_email",
        "SELL",
        "INV-1",
        "a@example.com",
    )
    assert record.ok and record.code == 1 and record.environment == "test" and record.corp_num == DEMO_CORP_NUM


def test_an_assignment_refused_by_popbill_is_recorded_with_its_code(service: Service, sim: Simulator) -> None:
    request = AssignRequest("111111000000000001", "SELL", "DOC-1")
    with pytest.raises(PopbillError) as caught:
        service.assign(request)
    assert caught.value.code == -11005018 and caught.value.kind is Kind.POPBILL
    assert caught.value.duration is not None and caught.value.duration >= 0
    (record,) = service.recent_calls()
    assert not record.ok and record.code == -11005018 and record.item_key == "111111000000000001"
    assert sim.count("assign") == 1


def test_invalid_input_is_refused_before_credentials_or_network(sim: Simulator, tmp_path: Path) -> None:
    service = Service(settings_for(sim), None, history_path=tmp_path / "h.sqlite3")  # no credentials at all
    with pytest.raises(PopbillError) as caught:
        service.call(ResendRequest("SELL", "문서/1", "nobody"))
    assert caught.value.kind is Kind.INVALID_INPUT
    assert {p.field for p in caught.value.problems} == {"mgt_key", "receiver"}
    assert sim.requests == [] and service.recent_calls() == []  # nothing sent, nothing recorded
    with pytest.raises(PopbillError) as missing:
        service.call(ResendRequest("SELL", "INV-1", "a@example.com"))
    assert missing.value.kind is Kind.NO_CREDENTIALS
    assert sim.requests == [] and service.recent_calls() == []  # never left: not a call to record
    service.close()


def test_demo_calls_are_recorded_as_demo(sim: Simulator, tmp_path: Path) -> None:
    service = Service(settings_for(sim), CREDENTIALS, history_path=tmp_path / "h.sqlite3", demo=True)
    service.call(ResendRequest("SELL", "INV-1", "a@example.com"))
    assert [r.environment for r in service.recent_calls()] == ["demo"]
    service.close()


def test_one_client_and_one_token_until_something_changes(service: Service, sim: Simulator) -> None:
    for n in range(3):
        service.call(ResendRequest("SELL", f"INV-{n}", "a@example.com"))
    assert sim.count("token") == 1 and service.client() is service.client()
    client = service.client()
    service.configure(settings=settings_for(sim, user_id="clerk01"))
    assert service.client() is not client
    service.call(ResendRequest("SELL", "INV-9", "a@example.com"))
    assert sim.count("token") == 2
    assert sim.requests[-1].header("X-PB-UserID") == "clerk01"


def test_a_call_whose_sending_record_cannot_be_written_is_not_sent(sim: Simulator, tmp_path: Path) -> None:
    # Issue 18: a single call is journaled like a batch row ("sending" before the request leaves); a history that
    # cannot be written refuses the call, nothing sent (before: sent, with no trace left if the process then died).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the history's folder should be")
    service = Service(settings_for(sim), CREDENTIALS, history_path=blocker / "history.sqlite3")
    with pytest.raises(PopbillError) as refused:
        service.call(AssignRequest("024112415000000001", "SELL", "DOC-1"))
    assert refused.value.kind is Kind.HISTORY and not refused.value.maybe_delivered
    assert "Nothing was sent" in refused.value.message and "not-a-folder" in refused.value.message
    assert sim.count("assign") == 0
    service.close()


def test_reading_the_keyring_replaces_the_credentials_whatever_it_finds(sim: Simulator, tmp_path: Path) -> None:
    backend = MemoryKeyring()
    SecretStore(backend).save("test", CREDENTIALS)
    service = Service(
        settings_for(sim), None, store_factory=lambda lang: SecretStore(backend, lang), history_path=tmp_path / "h"
    )
    assert service.read_keyring() is True and service.credentials == CREDENTIALS and service.store is not None
    # Another environment with nothing saved: the test credentials must not stay (they would be sent there).
    service.configure(settings=settings_for(sim, env="production"))
    assert service.read_keyring() is True and service.credentials is None
    # A keyring with no backend: nothing, and no error unless the caller needs one.
    empty = Service(settings_for(sim), CREDENTIALS, store_factory=lambda lang: SecretStore(None, lang))
    assert empty.read_keyring() is False and empty.credentials is None
    with pytest.raises(PopbillError) as caught:
        empty.read_keyring(required=True)
    assert caught.value.kind is Kind.KEYRING


def test_a_keyring_error_clears_the_credentials_and_is_a_keyring_error(sim: Simulator) -> None:
    class Locked(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise KeyringLocked("locked")

    service = Service(settings_for(sim), CREDENTIALS, store_factory=lambda lang: SecretStore(Locked(), lang))
    with pytest.raises(PopbillError) as caught:
        service.read_keyring()
    assert caught.value.kind is Kind.KEYRING and service.credentials is None


def test_saved_credentials_are_used_and_forgotten(sim: Simulator, tmp_path: Path) -> None:
    backend = MemoryKeyring()
    service = Service(
        settings_for(sim), None, store_factory=lambda lang: SecretStore(backend, lang), history_path=tmp_path / "h"
    )
    assert "MemoryKeyring" in service.save_credentials(CREDENTIALS)
    assert service.credentials == CREDENTIALS
    assert service.call(ResendRequest("SELL", "INV-1", "a@example.com")).code == 1
    kept = SecretStore(backend).load_token(
        "test", DEMO_LINK_ID, DEMO_CORP_NUM, auth_url=sim.base_url, base_url=sim.base_url
    )
    assert kept is not None  # the token is kept too, for these hosts
    assert service.forget_credentials() is True and service.credentials is None
    assert SecretStore(backend).load("test") is None and service.forget_credentials() is False


def test_environment_credentials(sim: Simulator) -> None:
    service = Service(settings_for(sim))
    assert service.use_environment_credentials({}) is False and service.credentials is None
    assert service.use_environment_credentials({"POPBILL_TOKEN": "abc"}) is True
    assert service.credentials == TokenCredentials("abc")
    with pytest.raises(PopbillError) as caught:
        service.use_environment_credentials({"POPBILL_LINK_ID": DEMO_LINK_ID})  # half a pair
    assert caught.value.kind is Kind.NO_CREDENTIALS


def test_connection_test_uses_the_values_given_and_keeps_nothing(sim: Simulator) -> None:
    token = test_connection(settings_for(sim), CREDENTIALS)
    assert token.expires_at is not None and sim.count("token") == 1
    with pytest.raises(PopbillError) as caught:
        test_connection(settings_for(sim), LinkCredentials(DEMO_LINK_ID, "bm90IHRoZSBrZXk="))
    assert caught.value.code == -99010007 and caught.value.kind is Kind.AUTH
    with pytest.raises(PopbillError) as missing:
        test_connection(settings_for(sim), None)
    assert missing.value.kind is Kind.NO_CREDENTIALS


# ---- credentials follow the environment (issue 18) ----
@pytest.mark.parametrize("credentials", [CREDENTIALS, TokenCredentials("pasted-token")])
def test_switching_the_environment_drops_credentials_kept_for_this_session(
    sim: Simulator, tmp_path: Path, credentials: LinkCredentials | TokenCredentials
) -> None:
    # Kept in memory only (no keyring, or the clerk's choice), or a pasted token: they must not follow a switch to
    # production (the window kept them, and sent them there).
    service = Service(settings_for(sim), credentials, history_path=tmp_path / "h.sqlite3")
    assert service.switch_settings(settings_for(sim, env="production")) is True  # read the keyring now
    assert service.credentials is None and service.store is None
    with pytest.raises(PopbillError) as caught:
        service.call(ResendRequest("SELL", "INV-1", "a@example.com"))
    assert caught.value.kind is Kind.NO_CREDENTIALS and sim.requests == []
    # Credentials typed with the new settings are the new environment's: used.
    entered = LinkCredentials(DEMO_LINK_ID, "cHJvZHVjdGlvbi1zZWNyZXQta2V5LTAxMjM0NTY3ODk=")
    assert service.switch_settings(settings_for(sim, env="test"), entered) is False
    assert service.credentials == entered
    # Settings that keep the environment keep the credentials (a language, a UserID).
    assert service.switch_settings(settings_for(sim, user_id="clerk01", lang="ko")) is False
    assert service.credentials == entered
    service.close()


def test_switching_the_environment_drops_the_keyrings_credentials_too(sim: Simulator, tmp_path: Path) -> None:
    backend = MemoryKeyring()
    SecretStore(backend).save("test", CREDENTIALS)
    service = Service(
        settings_for(sim), None, store_factory=lambda lang: SecretStore(backend, lang), history_path=tmp_path / "h"
    )
    assert service.read_keyring() and service.credentials == CREDENTIALS and service.store is not None
    assert service.switch_settings(settings_for(sim, env="production")) is True
    assert service.credentials is None and service.store is None
    assert service.read_keyring() is True and service.credentials is None  # production has none saved
    service.close()
