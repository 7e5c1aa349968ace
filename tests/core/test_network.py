"""The network under the client, over real sockets: sent or not sent, deadlines, proxies (issues 12 and 14)."""

from __future__ import annotations

import base64
import errno
import importlib.metadata
import io
import json
import socket
import ssl
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme
from urllib3.exceptions import MaxRetryError, NewConnectionError

from popbill_gui.batch.journal import Journal
from popbill_gui.batch.model import InputRow, RowState
from popbill_gui.batch.runner import BatchRunner, Stop
from popbill_gui.cli import Cli
from popbill_gui.core.client import TaxinvoiceClient
from popbill_gui.core.errors import Kind, PopbillError
from popbill_gui.core.transport import classify
from popbill_gui.simulator import DEMO_CORP_NUM, Simulator
from popbill_gui.storage.history import History
from tests.servers import CORRUPT, ConnectProxy, DribbleServer, Request, TlsServer, ok_answer

ClientFactory = Callable[..., TaxinvoiceClient]
ITEM_KEY = "024112415000000001"
API_HOST = "popbill-test.linkhub.co.kr"  # never resolved: through a proxy, the proxy connects


@pytest.fixture
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> str:
    path = tmp_path / "company-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


def server_context(ca: trustme.CA, *names: str) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*(names or ("127.0.0.1", "localhost"))).configure_cert(context)
    return context


def corrupt_assign(request: Request) -> bytes:
    """Answers mail normally; an assign is read whole, then answered with a broken TLS record."""
    return CORRUPT if "MgtKey=T1" in request.body.decode() else ok_answer(request)


@pytest.fixture
def corrupting(ca: trustme.CA) -> Iterator[TlsServer]:
    with TlsServer(server_context(ca), corrupt_assign) as server:
        yield server


@pytest.fixture(autouse=True)
def _no_proxy_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


# ---- 12.1: a TLS failure after the request was written may have been delivered ----
def test_broken_tls_answer_after_the_request_may_have_been_delivered(
    corrupting: TlsServer, ca_file: str, make_client: ClientFactory
) -> None:
    client = make_client(base_url=corrupting.url, token="pasted-token", ca_bundle=ca_file, lang="en")
    with pytest.raises(PopbillError) as caught:
        client.assign_mgt_key(ITEM_KEY, "SELL", "T1")
    error = caught.value
    assert error.kind is Kind.ANSWER_LOST and error.maybe_delivered
    assert "answer was lost" in error.message and "may have been processed" in error.message
    assert "certificate" not in error.message
    assert [r.body for r in corrupting.requests] == [b"MgtKey=T1"]  # delivered once, never repeated


def test_certificate_refused_before_the_request_is_not_delivered(
    corrupting: TlsServer, make_client: ClientFactory
) -> None:
    client = make_client(base_url=corrupting.url, token="pasted-token", lang="en")  # our CA is not trusted
    with pytest.raises(PopbillError) as caught:
        client.assign_mgt_key(ITEM_KEY, "SELL", "T1")
    assert caught.value.kind is Kind.TLS and not caught.value.maybe_delivered
    assert "nothing was sent" in caught.value.message
    assert corrupting.requests == []


def test_the_catch_all_is_delivered_after_writing_and_not_before() -> None:
    unreachable = OSError(errno.ENETUNREACH, "Network is unreachable")
    cause = NewConnectionError(None, "Failed to establish a new connection")  # type: ignore[arg-type]
    cause.__cause__ = unreachable
    exc = MaxRetryError(None, "/", cause)  # type: ignore[arg-type]
    assert classify(exc, written=False) is Kind.CONNECT_FAILED
    assert classify(exc, written=True) is Kind.NETWORK
    assert PopbillError.client(Kind.NETWORK).maybe_delivered
    assert not PopbillError.client(Kind.CONNECT_FAILED).maybe_delivered


def test_cli_single_call_exits_3_with_maybe_delivered(corrupting: TlsServer, ca_file: str, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    environ = {
        "POPBILL_BASE_URL": corrupting.url,
        "POPBILL_AUTH_URL": corrupting.url,
        "POPBILL_CORP_NUM": DEMO_CORP_NUM,
        "POPBILL_TOKEN": "pasted-token",
        "POPBILL_CA_BUNDLE": ca_file,
        "POPBILL_HISTORY": str(tmp_path / "history.sqlite3"),
        "POPBILL_LANG": "en",
    }
    cli = Cli(environ=environ, stdout=out, stderr=err)
    code = cli.run(["assign-mgtkey", "--item-key", ITEM_KEY, "--type", "SELL", "--mgt-key", "T1", "--json"])
    answer = json.loads(out.getvalue())
    assert code == 3
    assert answer["maybe_delivered"] is True and answer["kind"] == "answer_lost"
    # Sent once; the look-ups after the lost answer (issue 18) got answers that are no invoice: nothing proven.
    assert [r.method for r in corrupting.requests].count("POST") == 1 and "checked" not in answer


def test_batch_row_becomes_unknown_and_is_not_sent_again_on_resume(
    corrupting: TlsServer, ca_file: str, make_client: ClientFactory, tmp_path: Path
) -> None:
    client = make_client(base_url=corrupting.url, token="pasted-token", ca_bundle=ca_file)
    rows = [
        InputRow(n, {"item_key": f"02411241500000000{n}", "mgt_key_type": "SELL", "mgt_key": f"T{n}"})
        for n in (1, 2, 3)
    ]
    opened = History(tmp_path / "history.sqlite3")
    history = Journal(opened)
    try:
        batch = history.create_batch(
            operation="assign_mgt_key",
            source="rows.csv",
            fingerprint="f",
            environment="test",
            corp_num=DEMO_CORP_NUM,
            rows=rows,
            concurrency=1,
        )
        first = BatchRunner(client, history, "assign_mgt_key", concurrency=1).run(batch, rows)
        assert first.stop is Stop.UNREACHABLE and first.error is not None and first.error.maybe_delivered
        states = {j.row: j.outcome.state for j in history.batch_rows(batch)}
        assert states == {1: RowState.UNKNOWN, 2: RowState.PENDING, 3: RowState.PENDING}
        # What a resume sends: the journal's pending rows after recovery (the unknown one is checked, not resent).
        history.recover(batch)
        pending = [j.input_row() for j in history.batch_rows(batch) if j.outcome.state is RowState.PENDING]
        second = BatchRunner(client, history, "assign_mgt_key", concurrency=1).run(batch, pending)
        assert second.stop is Stop.COMPLETED
        states = {j.row: j.outcome.state for j in history.batch_rows(batch)}
        assert states == {1: RowState.UNKNOWN, 2: RowState.DONE, 3: RowState.DONE}
    finally:
        opened.close()
    posted = [r.body for r in corrupting.requests if r.method == "POST"]  # the look-ups of row 1 are GETs
    assert posted == [b"MgtKey=T1", b"MgtKey=T2", b"MgtKey=T3"]


# ---- 12.9: never a proxy for loopback ----
@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_never_goes_through_a_proxy(
    sim: Simulator, make_client: ClientFactory, closed_port: int, monkeypatch: pytest.MonkeyPatch, host: str
) -> None:
    dead = f"http://127.0.0.1:{closed_port}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"):
        monkeypatch.setenv(name, dead)
    url = sim.base_url.replace("127.0.0.1", host)
    assert make_client(base_url=url).resend_email("SELL", "K1", "a@example.com").code == 1
    assert sim.count("send_email") == 1


# ---- 14.7: the system's proxy settings and the variables are honoured for real hosts ----
@pytest.fixture
def api_behind_proxy(ca: trustme.CA) -> Iterator[tuple[TlsServer, ConnectProxy]]:
    with TlsServer(server_context(ca, API_HOST)) as api, ConnectProxy(("127.0.0.1", api.port)) as proxy:
        yield api, proxy


def test_proxy_variable_tunnels_to_the_api(
    api_behind_proxy: tuple[TlsServer, ConnectProxy],
    ca_file: str,
    make_client: ClientFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    api, proxy = api_behind_proxy
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    client = make_client(base_url=f"https://{API_HOST}", token="pasted-token", ca_bundle=ca_file)
    assert client.resend_email("SELL", "K1", "a@example.com").code == 1
    assert proxy.targets == [f"CONNECT {API_HOST}:443"]
    assert api.requests[0].headers["authorization"] == "Bearer pasted-token"  # inside the tunnel, in TLS


def test_a_proxy_password_in_the_variable_goes_to_the_proxy_only(
    api_behind_proxy: tuple[TlsServer, ConnectProxy],
    ca_file: str,
    make_client: ClientFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # user:password in the proxy's URL (percent-encoded) is the proxy's Basic login, sent with the CONNECT only.
    api, proxy = api_behind_proxy
    monkeypatch.setenv("HTTPS_PROXY", proxy.url.replace("http://", "http://clerk%40corp:p%C3%A4ss%3Aword@"))
    client = make_client(base_url=f"https://{API_HOST}", token="pasted-token", ca_bundle=ca_file)
    assert client.resend_email("SELL", "K1", "a@example.com").code == 1
    login = base64.b64encode("clerk@corp:päss:word".encode("latin-1")).decode()
    assert proxy.headers[0]["proxy-authorization"] == f"Basic {login}"
    assert "proxy-authorization" not in api.requests[0].headers  # never inside the tunnel, to the API


def test_a_proxy_variable_without_a_scheme_is_an_http_proxy(
    api_behind_proxy: tuple[TlsServer, ConnectProxy],
    ca_file: str,
    make_client: ClientFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # HTTPS_PROXY=host:port, as many companies write it: curl and browsers take it as http://host:port.
    api, proxy = api_behind_proxy
    monkeypatch.setenv("HTTPS_PROXY", proxy.url.removeprefix("http://"))
    client = make_client(base_url=f"https://{API_HOST}", token="pasted-token", ca_bundle=ca_file)
    assert client.resend_email("SELL", "K1", "a@example.com").code == 1
    assert proxy.targets == [f"CONNECT {API_HOST}:443"] and len(api.requests) == 1


def test_a_socks_proxy_is_said_to_be_unusable_and_nothing_is_sent(
    make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch, closed_port: int
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", f"socks5://127.0.0.1:{closed_port}")
    client = make_client(base_url=f"https://{API_HOST}", token="pasted-token", lang="en")
    with pytest.raises(PopbillError) as caught:
        client.assign_mgt_key(ITEM_KEY, "SELL", "T1")
    assert caught.value.kind is Kind.PROXY and not caught.value.maybe_delivered


def test_system_proxy_settings_are_honoured(
    api_behind_proxy: tuple[TlsServer, ConnectProxy],
    ca_file: str,
    make_client: ClientFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # What urllib.request.getproxies() returns on Windows (from the registry) or macOS (SystemConfiguration)
    # when no variable is set; on Linux it reads the variables only, so the system's answer is injected here.
    api, proxy = api_behind_proxy
    monkeypatch.setattr(urllib.request, "getproxies", lambda: {"https": proxy.url})
    client = make_client(base_url=f"https://{API_HOST}", token="pasted-token", ca_bundle=ca_file)
    assert client.resend_email("SELL", "K1", "a@example.com").code == 1
    assert proxy.targets == [f"CONNECT {API_HOST}:443"]
    assert len(api.requests) == 1


def test_certificate_refused_through_a_proxy_is_not_sent(
    api_behind_proxy: tuple[TlsServer, ConnectProxy], make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The CONNECT line is written to the proxy while connecting: it is not the request.
    api, proxy = api_behind_proxy
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    client = make_client(base_url=f"https://{API_HOST}", token="pasted-token", lang="en")
    with pytest.raises(PopbillError) as caught:
        client.assign_mgt_key(ITEM_KEY, "SELL", "T1")
    assert caught.value.kind is Kind.TLS and not caught.value.maybe_delivered
    assert proxy.targets and api.requests == []


def test_proxy_refusing_the_tunnel_names_the_system_settings(
    ca_file: str, make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch, closed_port: int
) -> None:
    with ConnectProxy(("127.0.0.1", closed_port), refuse=True) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        for lang, words in (("en", "Windows proxy settings"), ("ko", "프록시 설정")):
            client = make_client(base_url=f"https://{API_HOST}", token="pasted-token", ca_bundle=ca_file, lang=lang)
            with pytest.raises(PopbillError) as caught:
                client.assign_mgt_key(ITEM_KEY, "SELL", "T1")
            assert caught.value.kind is Kind.PROXY and not caught.value.maybe_delivered
            assert words in caught.value.message and "PAC" in caught.value.message


# ---- 12.11: a whole-call deadline, however slowly the bytes arrive ----
@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_dribbling_server_is_cut_off(make_client: ClientFactory, where: str) -> None:
    # 60 bytes, one per 0.1 s: 6 s in all; each byte comes well within the 0.3 s read timeout.
    with DribbleServer(where, count=60, interval=0.1) as server:
        client = make_client(base_url=server.url, token="t", read_timeout=0.3, connect_timeout=0.3, lang="en")
        with pytest.raises(PopbillError) as caught:
            client.assign_mgt_key(ITEM_KEY, "SELL", "T1")
        server.join()
    assert caught.value.kind is Kind.READ_TIMEOUT and caught.value.maybe_delivered
    assert "0.9 s" in caught.value.message  # the whole-call limit: connect + 2 x read timeout
    assert server.cut_off and not server.finished  # the client hung up long before the answer was whole
    assert server.sent < server.count
    assert len(server.requests) == 1


def test_a_short_deadline_after_long_ones_still_cuts_off(sim: Simulator, make_client: ClientFactory) -> None:
    # The watchdog sleeps until the earliest deadline it knows; calls with later ones never wake it, an earlier
    # one must. First calls with a long limit (finished, still on its heap), then one with a short limit.
    patient = make_client(read_timeout=60.0, connect_timeout=10.0)
    for key in ("K1", "K2"):
        assert patient.resend_email("SELL", key, "a@example.com").code == 1
    with DribbleServer("body", count=60, interval=0.1) as server:
        client = make_client(base_url=server.url, token="t", read_timeout=0.3, connect_timeout=0.3, lang="en")
        with pytest.raises(PopbillError) as caught:
            client.resend_email("SELL", "K3", "a@example.com")
        server.join()
    assert caught.value.kind is Kind.READ_TIMEOUT and "0.9 s" in caught.value.message
    assert server.cut_off and not server.finished


def test_cli_call_to_a_dribbling_server_exits_3(tmp_path: Path) -> None:
    with DribbleServer("body", count=60, interval=0.1) as server:
        out = io.StringIO()
        environ = {
            "POPBILL_BASE_URL": server.url,
            "POPBILL_CORP_NUM": DEMO_CORP_NUM,
            "POPBILL_TOKEN": "t",
            "POPBILL_TIMEOUT": "0.3",
            "POPBILL_HISTORY": str(tmp_path / "history.sqlite3"),
        }
        code = Cli(environ=environ, stdout=out, stderr=io.StringIO()).run(
            ["resend-email", "--type", "SELL", "--mgt-key", "K1", "--receiver", "a@example.com", "--json"]
        )
        server.join()
    assert code == 3
    assert json.loads(out.getvalue())["kind"] == "read_timeout"
    assert server.cut_off and not server.finished


def test_nothing_leaves_once_the_deadline_has_passed(
    sim: Simulator, make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A name look-up has no timeout of its own and no socket to cut: it ends after the deadline (0.6 s).
    resolve = socket.getaddrinfo

    def slow(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(1.2)
        return resolve(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", slow)
    url = sim.base_url.replace("127.0.0.1", "localhost")
    client = make_client(base_url=url, token="t", read_timeout=0.2, connect_timeout=0.2, lang="en")
    with pytest.raises(PopbillError) as caught:
        client.assign_mgt_key(ITEM_KEY, "SELL", "T1")
    assert caught.value.kind is Kind.CONNECT_TIMEOUT and not caught.value.maybe_delivered
    assert sim.count("assign") == 0


# ---- 12.13 ----
def test_urllib3_floor_is_declared_and_met() -> None:
    requires: list[Any] = importlib.metadata.requires("popbill-gui") or []
    assert any(r.replace(" ", "").startswith("urllib3>=2.6") for r in requires)
    major, minor = (int(p) for p in importlib.metadata.version("urllib3").split(".")[:2])
    assert (major, minor) >= (2, 6)
