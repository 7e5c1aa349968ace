"""The client against the simulator over real sockets: the wire, tokens, and every failure kind."""

from __future__ import annotations

import json
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from urllib.parse import parse_qs

import pytest
import urllib3.util.connection

from popbill_gui import __version__
from popbill_gui.core.client import TaxinvoiceClient
from popbill_gui.core.errors import CLIENT_CODE, Kind, PopbillError
from popbill_gui.simulator import DEMO_SECRET_KEY, Simulator

ClientFactory = Callable[..., TaxinvoiceClient]  # the make_client fixture of conftest.py

ITEM_KEY = "024112415000000001"


def api_requests(sim: Simulator) -> list:
    return [r for r in sim.requests if r.kind in ("send_email", "assign")]


# ---- the two calls on the wire ----
def test_resend_email_on_the_wire(sim: Simulator, make_client: ClientFactory) -> None:
    client = make_client()
    result = client.resend_email("SELL", " INV-2026_0001 ", " staff@example.com ")
    assert (result.code, result.message, result.http_status) == (1, "이메일 재전송 완료", 200)
    (request,) = api_requests(sim)
    assert (request.method, request.path) == ("POST", "/Taxinvoice/SELL/INV-2026_0001")
    assert json.loads(request.body) == {"receiver": "staff@example.com"}
    assert request.header("Content-Type").startswith("application/json")
    assert request.header("X-HTTP-Method-Override") == "EMAIL"
    assert request.header("x-pb-version") == "1.0"
    assert request.header("Accept-Encoding") == "gzip"
    assert request.header("Accept-Language") == "ko-KR"
    assert request.header("User-Agent") == f"popbill-gui/{__version__}"
    assert request.header("Authorization").startswith("Bearer ")
    assert request.header("X-PB-UserID") is None
    mail = sim.state.sent_mails[-1]
    assert (mail.mgt_key_type, mail.mgt_key, mail.receiver) == ("SELL", "INV-2026_0001", "staff@example.com")


def test_assign_mgt_key_on_the_wire(sim: Simulator, make_client: ClientFactory) -> None:
    client = make_client(user_id="testkorea", lang="en")
    result = client.assign_mgt_key(ITEM_KEY, "BUY", "DOC-0001")
    assert result.code == 1 and result.operation == "assign_mgt_key"
    assert "assigned" in result.message.lower()  # English answer, decoded from gzip
    (request,) = api_requests(sim)
    assert request.path == f"/Taxinvoice/{ITEM_KEY}/BUY"  # ItemKey first
    assert request.body == b"MgtKey=DOC-0001"
    assert request.header("Content-Type") == "application/x-www-form-urlencoded; charset=utf-8"
    assert request.header("X-HTTP-Method-Override") is None
    assert request.header("X-PB-UserID") == "testkorea"
    assert request.header("Accept-Language") == "en-US"


def test_token_request_is_signed_as_the_protocol_says(sim: Simulator, make_client: ClientFactory) -> None:
    make_client().resend_email("SELL", "K1", "a@example.com")
    (token_request,) = [r for r in sim.requests if r.kind == "token"]
    assert token_request.path == "/POPBILL_TEST/Token"
    assert json.loads(token_request.body) == {"access_id": "1248100998", "scope": ["member", "110"]}
    assert token_request.header("x-lh-version") == "2.0"
    assert token_request.header("Authorization").startswith("LINKHUB POPBILL_GUI_DEMO ")
    assert token_request.header("x-lh-forwarded") is None


def test_invalid_input_sends_nothing_at_all(sim: Simulator, make_client: ClientFactory) -> None:
    client = make_client()
    with pytest.raises(PopbillError) as caught:
        client.resend_email("sell", "키/../x", "nobody")
    assert caught.value.kind is Kind.INVALID_INPUT
    assert [p.field for p in caught.value.problems] == ["mgt_key_type", "mgt_key", "receiver"]
    with pytest.raises(PopbillError):
        client.assign_mgt_key("12345", "SELL", "A" * 25)
    assert sim.requests == []  # not even a token was asked for


def test_state_and_popbill_refusals_keep_code_and_message(sim: Simulator, make_client: ClientFactory) -> None:
    client = make_client()
    client.assign_mgt_key(ITEM_KEY, "SELL", "DOC-1")
    with pytest.raises(PopbillError) as twice:
        client.assign_mgt_key(ITEM_KEY, "SELL", "DOC-2")
    assert (twice.value.code, twice.value.kind, twice.value.http_status) == (-11005018, Kind.POPBILL, 400)
    assert twice.value.message  # the server's words, verbatim
    assert twice.value.hint and "이미" in twice.value.hint
    with pytest.raises(PopbillError) as used:
        client.assign_mgt_key("024112415000000002", "SELL", "DOC-1")
    assert used.value.code == -11001038


@pytest.mark.parametrize(
    ("mgt_key", "code"),
    [("NOTFOUND-1", -11000005), ("NOMAIL-1", -11005002), ("NOPOINT-1", -99005001), ("NOIP-1", -99910006)],
)
def test_magic_refusals(make_client: ClientFactory, mgt_key: str, code: int) -> None:
    with pytest.raises(PopbillError) as caught:
        make_client(lang="en").resend_email("SELL", mgt_key, "a@example.com")
    assert caught.value.code == code and caught.value.kind is Kind.POPBILL
    assert caught.value.hint


# ---- tokens ----
def test_one_token_and_one_connection_for_many_calls(sim: Simulator, make_client: ClientFactory) -> None:
    client = make_client()
    for i in range(5):
        client.resend_email("SELL", f"K{i}", "a@example.com")
    assert sim.count("token") == 1
    assert sim.count("send_email") == 5
    assert sim.connections == 1  # token service and API share the host here: one kept-alive socket


def test_token_renewed_a_minute_before_expiry(sim: Simulator, make_client: ClientFactory) -> None:
    client = make_client()
    now = [time.time()]
    client.tokens._clock = lambda: now[0]  # type: ignore[attr-defined]
    client.resend_email("SELL", "K1", "a@example.com")
    expires = client.tokens.token().expires_at
    assert expires is not None
    # 61 s before expiry: still reused
    sim.clock_offset = now[0] = expires - 61 - time.time()
    now[0] = expires - 61
    client.resend_email("SELL", "K2", "a@example.com")
    assert sim.count("token") == 1
    # 59 s before expiry: renewed before the call, not after a refusal
    sim.clock_offset = expires - 59 - time.time()
    now[0] = expires - 59
    client.resend_email("SELL", "K3", "a@example.com")
    assert sim.count("token") == 2
    assert sim.count("send_email") == 3  # no refused call in between


def test_token_renewed_once_when_refused(sim: Simulator, make_client: ClientFactory) -> None:
    client = make_client()
    client.resend_email("SELL", "K1", "a@example.com")
    sim.revoke_tokens()
    client.assign_mgt_key(ITEM_KEY, "SELL", "DOC-1")  # refused (401), renewed, sent again: safe, not executed
    assert sim.count("token") == 2
    assert sim.count("assign") == 2
    assert len(sim.state.assignments) == 1


def test_token_refused_twice_is_reported_after_exactly_one_renewal(sim: Simulator, make_client: ClientFactory) -> None:
    sim.fault = "token-refused"
    with pytest.raises(PopbillError) as caught:
        make_client(lang="en").resend_email("SELL", "K1", "a@example.com")
    assert caught.value.kind is Kind.TOKEN_REFUSED
    assert caught.value.code == -99000026 and caught.value.http_status == 401
    assert caught.value.hint and "refused too" in caught.value.hint
    assert sim.count("token") == 2
    assert sim.count("send_email") == 2


def test_pasted_token_is_used_as_is_and_never_renewed(sim: Simulator, make_client: ClientFactory) -> None:
    make_client().resend_email("SELL", "K0", "a@example.com")
    token = api_requests(sim)[0].header("Authorization").removeprefix("Bearer ")
    pasted = make_client(token=token, lang="en")
    pasted.resend_email("SELL", "K1", "a@example.com")
    assert sim.count("token") == 1
    sim.revoke_tokens()
    with pytest.raises(PopbillError) as caught:
        pasted.resend_email("SELL", "K2", "a@example.com")
    assert caught.value.kind is Kind.TOKEN_REFUSED
    assert caught.value.hint and "paste" in caught.value.hint.lower()
    assert sim.count("token") == 1
    assert token not in str(caught.value) + repr(caught.value)


def test_clock_skew_resigns_with_server_time(sim: Simulator, make_client: ClientFactory) -> None:
    client = make_client()
    client.tokens._clock = lambda: time.time() + 7200  # type: ignore[attr-defined]  # PC clock 2 h fast
    assert client.resend_email("SELL", "K1", "a@example.com").code == 1
    assert (sim.count("token"), sim.count("time")) == (2, 1)
    client.resend_email("SELL", "K2", "a@example.com")  # the learned offset is kept
    assert (sim.count("token"), sim.count("time")) == (2, 1)


def test_wrong_secret_is_an_auth_refusal(sim: Simulator, make_client: ClientFactory) -> None:
    wrong = "c2VjcmV0LWtleS1mb3ItdGVzdHMtMDEyMzQ1Njc4OWFi"
    with pytest.raises(PopbillError) as caught:
        make_client(secret_key=wrong).resend_email("SELL", "K1", "a@example.com")
    assert (caught.value.code, caught.value.kind, caught.value.http_status) == (-99010007, Kind.AUTH, 401)
    assert wrong not in str(caught.value)
    assert sim.count("send_email") == 0


def test_not_a_member(make_client: ClientFactory) -> None:
    with pytest.raises(PopbillError) as caught:
        make_client(corp_num="0000000000").resend_email("SELL", "K1", "a@example.com")
    assert caught.value.kind is Kind.AUTH and caught.value.hint


# ---- answers that are not answers ----
@pytest.mark.parametrize(
    ("fault", "kind", "status"),
    [
        ("html-500", Kind.HTML_PAGE, 500),
        ("empty-502", Kind.NOT_JSON, 502),
        ("non-json-200", Kind.NOT_JSON, 200),
        ("no-code-json", Kind.NO_CODE, 200),
        ("bad-gzip", Kind.BAD_GZIP, 200),
        ("oversized", Kind.TOO_LARGE, 200),
    ],
)
def test_bad_answers_are_reported_not_crashed_and_never_repeated(
    sim: Simulator, make_client: ClientFactory, fault: str, kind: Kind, status: int
) -> None:
    sim.fault = fault
    client = make_client(lang="en")
    with pytest.raises(PopbillError) as caught:
        client.resend_email("SELL", "K1", "a@example.com")
    assert (caught.value.code, caught.value.kind, caught.value.http_status) == (CLIENT_CODE, kind, status)
    assert caught.value.maybe_delivered
    assert sim.count("send_email") == 1  # the request was delivered: never repeated
    sim.fault = None
    assert client.resend_email("SELL", "K2", "a@example.com").code == 1  # and the client keeps working


@pytest.mark.parametrize("fault", ["html-500", "non-json-200", "reset"])
def test_token_service_faults(sim: Simulator, make_client: ClientFactory, fault: str) -> None:
    sim.auth_fault = fault
    with pytest.raises(PopbillError) as caught:
        make_client().resend_email("SELL", "K1", "a@example.com")
    assert caught.value.code == CLIENT_CODE
    assert caught.value.kind in (Kind.HTML_PAGE, Kind.NOT_JSON, Kind.RESET)
    assert sim.count("send_email") == 0


def test_connection_reset_is_reported_and_assign_not_repeated(sim: Simulator, make_client: ClientFactory) -> None:
    client = make_client(lang="en")
    client.issue_token()
    sim.fault = "reset"
    with pytest.raises(PopbillError) as caught:
        client.assign_mgt_key(ITEM_KEY, "SELL", "DOC-1")
    assert caught.value.kind is Kind.RESET
    assert "check on the POPBiLL website" in caught.value.message
    assert sim.count("assign") == 1


def test_hanging_answer_is_bounded_in_time(sim: Simulator, make_client: ClientFactory) -> None:
    client = make_client(read_timeout=0.5, lang="en")
    client.issue_token()
    sim.fault = "hang"
    start = time.monotonic()
    with pytest.raises(PopbillError) as caught:
        client.assign_mgt_key(ITEM_KEY, "SELL", "DOC-1")
    assert caught.value.kind is Kind.READ_TIMEOUT
    assert time.monotonic() - start < 3
    assert "0.5 s" in caught.value.message
    assert sim.count("assign") == 1


def test_oversized_answer_is_bounded_in_memory(sim: Simulator, make_client: ClientFactory) -> None:
    client = make_client()
    client.issue_token()
    sim.fault = "oversized"
    tracemalloc.start()
    try:
        with pytest.raises(PopbillError) as caught:
            client.resend_email("SELL", "K1", "a@example.com")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.kind is Kind.TOO_LARGE
    assert peak < 4 * 1024 * 1024


# ---- the network below HTTP ----
@pytest.fixture
def connect_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, int]]]:
    """Observe (not replace) urllib3's TCP connects, to count attempts."""
    attempts: list[tuple[str, int]] = []
    original = urllib3.util.connection.create_connection

    def counting(address, *args, **kwargs):  # type: ignore[no-untyped-def]
        attempts.append(address)
        return original(address, *args, **kwargs)

    monkeypatch.setattr(urllib3.connection.connection, "create_connection", counting)
    yield attempts


def test_connection_refused_is_retried_for_mail_but_never_for_assign(
    make_client: ClientFactory, closed_port: int, connect_attempts: list[tuple[str, int]]
) -> None:
    url = f"http://127.0.0.1:{closed_port}"
    client = make_client(base_url=url, token="pasted-token", lang="en")
    with pytest.raises(PopbillError) as caught:
        client.resend_email("SELL", "K1", "a@example.com")
    assert caught.value.kind is Kind.REFUSED
    assert "refused the connection" in caught.value.message
    assert len(connect_attempts) == 3  # 1 + 2 connect-only retries: nothing was delivered
    connect_attempts.clear()
    with pytest.raises(PopbillError) as caught:
        client.assign_mgt_key(ITEM_KEY, "SELL", "DOC-1")
    assert caught.value.kind is Kind.REFUSED
    assert len(connect_attempts) == 1


def test_dns_failure(make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # The resolver is the operating system's; make it fail for one name instead of asking a real DNS server.
    real = socket.getaddrinfo

    def resolver(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(host).endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    client = make_client(base_url="https://popbill.invalid", token="pasted-token", lang="en")
    with pytest.raises(PopbillError) as caught:
        client.resend_email("SELL", "K1", "a@example.com")
    assert caught.value.kind is Kind.DNS
    assert "popbill.invalid" in caught.value.message


def test_proxy_failure(make_client: ClientFactory, closed_port: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{closed_port}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    client = make_client(base_url="https://popbill-test.linkhub.co.kr", token="pasted-token", lang="en")
    with pytest.raises(PopbillError) as caught:
        client.resend_email("SELL", "K1", "a@example.com")
    assert caught.value.kind is Kind.PROXY
    assert "HTTPS_PROXY" in caught.value.message


@pytest.fixture
def full_backlog() -> Iterator[int]:
    """A loopback port whose accept queue is full, so a new connection attempt gets no answer."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = server.getsockname()[1]
    fillers = []
    for _ in range(8):
        s = socket.socket()
        s.setblocking(False)
        s.connect_ex(("127.0.0.1", port))
        fillers.append(s)
    time.sleep(0.1)
    yield port
    for s in fillers:
        s.close()
    server.close()


def test_connect_timeout(make_client: ClientFactory, full_backlog: int) -> None:
    client = make_client(base_url=f"http://127.0.0.1:{full_backlog}", token="t", connect_timeout=0.3, lang="en")
    start = time.monotonic()
    with pytest.raises(PopbillError) as caught:
        client.resend_email("SELL", "K1", "a@example.com")
    assert caught.value.kind is Kind.CONNECT_TIMEOUT
    assert "within 0.3 s" in caught.value.message
    assert time.monotonic() - start < 5


# ---- TLS: verification on, custom CA bundle honoured ----
@pytest.fixture
def tls_sim(tmp_path) -> Iterator[tuple[Simulator, str]]:  # type: ignore[no-untyped-def]
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    import ssl

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    with Simulator(ssl_context=context) as simulator:
        yield simulator, str(ca_file)


def test_untrusted_certificate_is_refused(tls_sim: tuple[Simulator, str], make_client: ClientFactory) -> None:
    sim, _ = tls_sim
    assert sim.base_url.startswith("https://")
    client = make_client(base_url=sim.base_url, lang="en")
    with pytest.raises(PopbillError) as caught:
        client.resend_email("SELL", "K1", "a@example.com")
    assert caught.value.kind is Kind.TLS
    assert "certificate" in caught.value.message
    assert sim.count("token") == 0


def test_custom_ca_bundle_is_trusted(tls_sim: tuple[Simulator, str], make_client: ClientFactory) -> None:
    sim, ca_file = tls_sim
    client = make_client(base_url=sim.base_url, ca_bundle=ca_file)
    assert client.resend_email("SELL", "K1", "a@example.com").code == 1


# ---- threads share one client ----
def test_concurrent_calls_share_one_token(sim: Simulator, make_client: ClientFactory) -> None:
    client = make_client()
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            client.resend_email("SELL", f"K{i}", "a@example.com")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sim.count("token") == 1 and sim.count("send_email") == 8


# ---- secrets never leak ----
def test_no_secret_in_logs_errors_or_reprs(
    sim: Simulator, make_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client()
    outputs: list[str] = [repr(client.tokens), repr(client.issue_token())]
    client.resend_email("SELL", "K1", "a@example.com")
    for fault in ("token-refused", "html-500", "reset", "no-code-json"):
        sim.fault = fault
        try:
            client.assign_mgt_key(ITEM_KEY, "SELL", "DOC-1")
        except PopbillError as exc:
            outputs += [str(exc), repr(exc), exc.message, str(exc.hint)]
    tokens = {r.header("Authorization").removeprefix("Bearer ") for r in api_requests(sim)}
    assert len(tokens) >= 2
    signatures = {r.header("Authorization").rsplit(" ", 1)[1] for r in sim.requests if r.kind == "token"}
    haystack = caplog.text + "\n".join(outputs)
    assert "Taxinvoice" in caplog.text  # the scan looks at real log output
    for secret in [DEMO_SECRET_KEY, *tokens, *signatures]:
        assert secret not in haystack


def test_form_body_is_parseable(sim: Simulator, make_client: ClientFactory) -> None:
    make_client().assign_mgt_key(ITEM_KEY, "TRUSTEE", "A-B_C")
    assert parse_qs(api_requests(sim)[0].body.decode()) == {"MgtKey": ["A-B_C"]}


def test_netrc_never_replaces_our_authorization(
    sim: Simulator,
    make_client: ClientFactory,
    tmp_path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login someone password hunter2\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    assert make_client().resend_email("SELL", "K1", "a@example.com").code == 1
    assert api_requests(sim)[0].header("Authorization").startswith("Bearer ")


def test_ca_bundle_from_the_standard_variable(
    tls_sim: tuple[Simulator, str], make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    sim, ca_file = tls_sim
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", ca_file)
    assert make_client(base_url=sim.base_url).resend_email("SELL", "K1", "a@example.com").code == 1


def test_token_service_answers_in_the_chosen_language(sim: Simulator, make_client: ClientFactory) -> None:
    wrong = "c2VjcmV0LWtleS1mb3ItdGVzdHMtMDEyMzQ1Njc4OWFi"
    with pytest.raises(PopbillError) as caught:
        make_client(secret_key=wrong, lang="en").issue_token()
    assert caught.value.message.isascii()
    assert sim.requests[0].header("Accept-Language") == "en-US"


def test_a_kept_token_is_reused_and_a_new_one_is_handed_back(sim: Simulator, make_client: ClientFactory) -> None:
    first = make_client()
    first.resend_email("SELL", "K1", "a@example.com")
    kept = first.tokens.token()
    handed: list = []
    second = make_client(cached_token=kept, on_token=handed.append)
    second.resend_email("SELL", "K2", "a@example.com")
    assert sim.count("token") == 1 and handed == []  # reused: no new token
    sim.revoke_tokens()
    second.resend_email("SELL", "K3", "a@example.com")
    assert sim.count("token") == 2
    assert len(handed) == 1 and handed[0] != kept

    def broken(token: object) -> None:
        raise RuntimeError("keyring went away")

    expired = type(kept)(kept.value, time.time() - 10)
    third = make_client(cached_token=expired, on_token=broken)
    assert third.resend_email("SELL", "K4", "a@example.com").code == 1  # keeping failed, the call did not
    assert sim.count("token") == 3
