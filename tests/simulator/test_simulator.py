"""The simulator over real sockets, with the standard library's http.client only."""

from __future__ import annotations

import base64
import gzip
import hashlib
import hmac
import http.client
import json
import os
import re
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest

from popbill_gui.simulator import (
    AUTH_FAULTS,
    DEMO_CORP_NUM,
    DEMO_LINK_ID,
    DEMO_SECRET_KEY,
    FAULTS,
    Simulator,
)

REPO = Path(__file__).resolve().parents[2]
ITEM_KEY = "202611240000000001"
OTHER_CORP = "1234567890"


# -- helpers -------------------------------------------------------------------------------------------


def lh_date(timestamp: float | None = None) -> str:
    return datetime.fromtimestamp(time.time() if timestamp is None else timestamp, timezone.utc).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )


def sign(secret: str, body: bytes, date: str, path: str, forwarded: str | None = None) -> str:
    lines = ["POST", base64.b64encode(hashlib.sha256(body).digest()).decode(), date]
    if forwarded is not None:
        lines.append(forwarded)
    lines += ["2.0", path]
    mac = hmac.new(base64.b64decode(secret), "\n".join(lines).encode(), hashlib.sha256)
    return base64.b64encode(mac.digest()).decode()


class Answer:
    def __init__(self, response: http.client.HTTPResponse, body: bytes) -> None:
        self.status = response.status
        self.headers = response.headers
        self.body = body

    def json(self) -> dict[str, Any]:
        data = json.loads(self.body)
        assert isinstance(data, dict)
        return data

    @property
    def code(self) -> int:
        code = self.json()["code"]
        assert isinstance(code, int)
        return code


def connect(sim: Simulator, timeout: float = 5.0) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", sim.port, timeout=timeout)


def call(
    sim: Simulator,
    method: str,
    path: str,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
    conn: http.client.HTTPConnection | None = None,
    timeout: float = 5.0,
) -> Answer:
    own = conn is None
    conn = conn or connect(sim, timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return Answer(response, response.read())
    finally:
        if own:
            conn.close()


def token_call(
    sim: Simulator,
    corp: str = DEMO_CORP_NUM,
    *,
    service: str = "POPBILL_TEST",
    secret: str = DEMO_SECRET_KEY,
    link_id: str = DEMO_LINK_ID,
    date: str | None = None,
    forwarded: str | None = None,
    body: bytes | None = None,
    version: str = "2.0",
) -> Answer:
    path = f"/{service}/Token"
    if body is None:
        body = json.dumps({"access_id": corp, "scope": ["member", "110"]}).encode()
    date = date or lh_date()
    headers = {
        "x-lh-date": date,
        "x-lh-version": version,
        "Content-Type": "application/json",
        "Authorization": f"LINKHUB {link_id} {sign(secret, body, date, path, forwarded)}",
    }
    if forwarded is not None:
        headers["x-lh-forwarded"] = forwarded
    return call(sim, "POST", path, body, headers)


def issue(sim: Simulator, corp: str = DEMO_CORP_NUM) -> str:
    answer = token_call(sim, corp)
    assert answer.status == 200, answer.body
    return str(answer.json()["session_token"])


def send_email(
    sim: Simulator,
    token: str | None,
    mgt_key: str,
    receiver: str = "test@test.com",
    mgt_key_type: str = "SELL",
    headers: dict[str, str] | None = None,
    conn: http.client.HTTPConnection | None = None,
) -> Answer:
    all_headers = {"Content-Type": "application/json", "X-HTTP-Method-Override": "EMAIL", "x-pb-version": "1.0"}
    if token is not None:
        all_headers["Authorization"] = f"Bearer {token}"
    all_headers.update(headers or {})
    body = json.dumps({"receiver": receiver}).encode()
    return call(sim, "POST", f"/Taxinvoice/{quote(mgt_key_type)}/{quote(mgt_key)}", body, all_headers, conn)


def assign(
    sim: Simulator,
    token: str,
    item_key: str,
    mgt_key: str,
    mgt_key_type: str = "SELL",
    headers: dict[str, str] | None = None,
    conn: http.client.HTTPConnection | None = None,
) -> Answer:
    all_headers = {
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        "Authorization": f"Bearer {token}",
        "x-pb-version": "1.0",
    }
    all_headers.update(headers or {})
    body = urlencode({"MgtKey": mgt_key}).encode()
    return call(sim, "POST", f"/Taxinvoice/{quote(item_key)}/{quote(mgt_key_type)}", body, all_headers, conn)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator() as simulator:
        yield simulator


@pytest.fixture
def token(sim: Simulator) -> str:
    return issue(sim)


# -- token service -------------------------------------------------------------------------------------


def test_demo_corp_num_passes_the_check_digit() -> None:
    digits = [int(c) for c in DEMO_CORP_NUM]
    weights = [1, 3, 7, 1, 3, 7, 1, 3, 5]
    total = sum(d * w for d, w in zip(digits, weights)) + (digits[8] * 5) // 10
    assert (10 - total % 10) % 10 == digits[9]


def test_token_issued_for_a_valid_signature(sim: Simulator) -> None:
    answer = token_call(sim)
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "application/json; charset=utf-8"
    data = answer.json()
    assert data["serviceID"] == "POPBILL_TEST"
    assert data["linkID"] == DEMO_LINK_ID
    assert data["usercode"] == "DEMO"
    assert data["ipaddress"] == "127.0.0.1"
    assert data["scope"] == ["member", "110"]
    assert len(data["session_token"]) >= 24
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z", data["expiration"])
    expires = datetime.strptime(data["expiration"], "%Y-%m-%dT%H:%M:%S.000Z").replace(tzinfo=timezone.utc)
    assert abs(expires.timestamp() - (time.time() + 3600)) < 5
    # The vendor SDK compares expiration[:-5] with the x-lh-date format as strings.
    assert data["expiration"][:-5] > lh_date()
    assert sim.count("token") == 1


def test_token_for_production_service_and_forwarded_ip(sim: Simulator) -> None:
    answer = token_call(sim, service="POPBILL", forwarded="*")
    assert answer.status == 200
    assert answer.json()["serviceID"] == "POPBILL"


def test_forwarded_header_is_part_of_the_signature(sim: Simulator) -> None:
    body = json.dumps({"access_id": DEMO_CORP_NUM, "scope": ["member"]}).encode()
    date = lh_date()
    headers = {
        "x-lh-date": date,
        "x-lh-version": "2.0",
        "x-lh-forwarded": "*",
        "Authorization": f"LINKHUB {DEMO_LINK_ID} {sign(DEMO_SECRET_KEY, body, date, '/POPBILL_TEST/Token')}",
    }
    answer = call(sim, "POST", "/POPBILL_TEST/Token", body, headers)
    assert (answer.status, answer.code) == (401, -99010007)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"secret": base64.b64encode(b"w" * 32).decode()},
        {"link_id": "SOMEONE_ELSE"},
    ],
    ids=["wrong-secret", "unknown-link-id"],
)
def test_bad_credentials_refused(sim: Simulator, kwargs: dict[str, Any]) -> None:
    answer = token_call(sim, **kwargs)
    assert answer.status == 401
    assert answer.code == -99010007
    assert answer.json()["message"]


def test_missing_authorization_refused(sim: Simulator) -> None:
    body = json.dumps({"access_id": DEMO_CORP_NUM, "scope": ["member"]}).encode()
    answer = call(sim, "POST", "/POPBILL_TEST/Token", body, {"x-lh-date": lh_date(), "x-lh-version": "2.0"})
    assert (answer.status, answer.code) == (401, -99010007)


def test_skewed_date_refused_and_time_gives_the_server_clock() -> None:
    with Simulator(clock_offset=3600) as sim:
        answer = token_call(sim)  # dated with the local clock, an hour behind the server
        assert (answer.status, answer.code) == (401, -99010004)

        time_answer = call(sim, "GET", "/Time")
        assert time_answer.status == 200
        assert time_answer.headers["Content-Type"].startswith("text/plain")
        server_time = time_answer.body.decode()
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", server_time)
        parsed = datetime.strptime(server_time, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        assert abs(parsed.timestamp() - (time.time() + 3600)) < 5
        assert sim.count("time") == 1

        assert token_call(sim, date=server_time).status == 200


@pytest.mark.parametrize("date", ["2026-11-24 07:11:28", "2026-11-24T07:11:28.000Z", ""])
def test_ill_formed_date_refused(sim: Simulator, date: str) -> None:
    body = json.dumps({"access_id": DEMO_CORP_NUM, "scope": ["member"]}).encode()
    headers = {
        "x-lh-date": date,
        "x-lh-version": "2.0",
        "Authorization": f"LINKHUB {DEMO_LINK_ID} {sign(DEMO_SECRET_KEY, body, date, '/POPBILL_TEST/Token')}",
    }
    answer = call(sim, "POST", "/POPBILL_TEST/Token", body, headers)
    assert (answer.status, answer.code) == (401, -99010004)


def test_wrong_version_refused(sim: Simulator) -> None:
    answer = token_call(sim, version="1.0")
    assert (answer.status, answer.code) == (400, -99010002)


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b'{"access_id": "12345", "scope": ["member"]}',
        b'{"access_id": "1248100998", "scope": ["110"]}',
        b'{"access_id": "1248100998"}',
    ],
)
def test_bad_token_body_refused(sim: Simulator, body: bytes) -> None:
    answer = token_call(sim, body=body)
    assert (answer.status, answer.code) == (400, -99010003)


def test_magic_corp_num_is_not_a_member(sim: Simulator) -> None:
    answer = token_call(sim, "0000000000")
    assert (answer.status, answer.code) == (400, -10000012)


def test_unknown_service_id_and_unknown_path(sim: Simulator) -> None:
    assert call(sim, "POST", "/OTHER/Token", b"{}").status == 404
    answer = call(sim, "GET", "/nowhere")
    assert (answer.status, answer.code) == (404, -99000001)
    assert sim.count("other") == 1
    assert sim.count("token") == 1


# -- API authentication --------------------------------------------------------------------------------


def test_token_expiry_uses_the_server_clock() -> None:
    with Simulator(token_ttl=1) as sim:
        token = issue(sim)
        assert send_email(sim, token, "KEY1").status == 200
        sim.clock_offset = 5
        answer = send_email(sim, token, "KEY1")
        assert (answer.status, answer.code) == (401, -99000026)
        # A new token, issued on the moved clock, works.
        assert send_email(sim, issue(sim), "KEY1").status == 200


def test_missing_unknown_and_revoked_tokens(sim: Simulator, token: str) -> None:
    answer = send_email(sim, None, "KEY1")
    assert (answer.status, answer.code) == (401, -10000034)
    answer = send_email(sim, "made-up", "KEY1")
    assert (answer.status, answer.code) == (401, -10000033)
    assert send_email(sim, token, "KEY1").status == 200
    sim.revoke_tokens()
    answer = send_email(sim, token, "KEY1")
    assert (answer.status, answer.code) == (401, -10000033)


# -- the two calls -------------------------------------------------------------------------------------


def test_send_email_and_assign_on_one_kept_alive_connection(sim: Simulator, token: str) -> None:
    conn = connect(sim)
    try:
        first = send_email(sim, token, "INV-001", "a@example.com", conn=conn)
        sock = conn.sock
        assert sock is not None
        second = assign(sim, token, ITEM_KEY, "INV-002", conn=conn)
        third = send_email(sim, token, "INV-002", "b@example.com", mgt_key_type="BUY", conn=conn)
        assert conn.sock is sock  # the same connection served all three
    finally:
        conn.close()
    assert sim.connections == 2  # one for the token, one kept alive for the three calls
    assert (first.status, first.json()) == (200, {"code": 1, "message": "이메일 재전송 완료"})
    assert (second.status, second.json()) == (200, {"code": 1, "message": "할당 완료"})
    assert third.status == 200
    assert first.headers["Content-Type"] == "application/json; charset=utf-8"
    assert int(first.headers["Content-Length"]) == len(first.body)
    mails = sim.state.sent_mails
    assert [(m.corp_num, m.mgt_key_type, m.mgt_key, m.receiver) for m in mails] == [
        (DEMO_CORP_NUM, "SELL", "INV-001", "a@example.com"),
        (DEMO_CORP_NUM, "BUY", "INV-002", "b@example.com"),
    ]
    assignments = sim.state.assignments
    assert [(a.corp_num, a.item_key, a.mgt_key_type, a.mgt_key) for a in assignments] == [
        (DEMO_CORP_NUM, ITEM_KEY, "SELL", "INV-002")
    ]
    assert sim.state.mgt_key_of(DEMO_CORP_NUM, ITEM_KEY) == ("SELL", "INV-002")
    assert (sim.count("send_email"), sim.count("assign")) == (2, 1)


def test_assign_with_the_sdks_empty_override_header(sim: Simulator, token: str) -> None:
    answer = assign(sim, token, ITEM_KEY, "SDK-1", headers={"X-HTTP-Method-Override": ""})
    assert (answer.status, answer.code) == (200, 1)
    recorded = sim.requests[-1]
    assert recorded.kind == "assign"
    assert recorded.header("x-http-method-override") == ""


def test_other_override_or_body_is_not_dispatched(sim: Simulator, token: str) -> None:
    answer = send_email(sim, token, "KEY1", headers={"X-HTTP-Method-Override": "DELETE"})
    assert (answer.status, answer.code) == (400, -11000001)
    answer = assign(sim, token, ITEM_KEY, "KEY1", headers={"Content-Type": "application/json"})
    assert (answer.status, answer.code) == (400, -11000001)
    headers = {"Authorization": f"Bearer {token}", "X-HTTP-Method-Override": "EMAIL"}
    answer = call(sim, "POST", "/Taxinvoice/SELL/KEY1", b"receiver=a@b.c", headers)
    assert (answer.status, answer.code) == (400, -11000001)
    assert sim.state.sent_mails == [] and sim.state.assignments == []


def test_override_is_case_insensitive(sim: Simulator, token: str) -> None:
    answer = send_email(sim, token, "KEY1", headers={"X-HTTP-Method-Override": "email"})
    assert (answer.status, answer.code) == (200, 1)


@pytest.mark.parametrize(
    ("call_name", "mgt_key_type", "mgt_key", "item_key", "receiver", "code"),
    [
        ("email", "SALE", "KEY1", None, "a@b.c", -11010008),
        ("assign", "sell", "KEY1", ITEM_KEY, None, -11010008),
        ("email", "SELL", "A" * 25, None, "a@b.c", -11001035),
        ("email", "SELL", "문서1", None, "a@b.c", -11001035),
        ("email", "SELL", "KEY 1", None, "a@b.c", -11001035),
        ("assign", "SELL", "", ITEM_KEY, None, -11001035),
        ("assign", "SELL", "KEY.1", ITEM_KEY, None, -11001035),
        ("assign", "SELL", "KEY1", "12345678901234567", None, -11000000),
        ("assign", "SELL", "KEY1", "12345678901234567X", None, -11000000),
        ("email", "SELL", "KEY1", None, "no-at-sign", -11005011),
        ("email", "SELL", "KEY1", None, "", -11005011),
    ],
)
def test_input_checks(
    sim: Simulator,
    token: str,
    call_name: str,
    mgt_key_type: str,
    mgt_key: str,
    item_key: str | None,
    receiver: str | None,
    code: int,
) -> None:
    if call_name == "email":
        answer = send_email(sim, token, mgt_key, receiver or "", mgt_key_type=mgt_key_type)
    else:
        assert item_key is not None
        answer = assign(sim, token, item_key, mgt_key, mgt_key_type=mgt_key_type)
    assert (answer.status, answer.code) == (400, code)


def test_missing_receiver(sim: Simulator, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}", "X-HTTP-Method-Override": "EMAIL"}
    answer = call(sim, "POST", "/Taxinvoice/SELL/KEY1", b"{}", headers)
    assert (answer.status, answer.code) == (400, -11005011)


def test_longest_mgt_key_and_percent_decoded_path(sim: Simulator, token: str) -> None:
    assert send_email(sim, token, "A" * 24).status == 200
    headers = {"Authorization": f"Bearer {token}", "X-HTTP-Method-Override": "EMAIL"}
    answer = call(sim, "POST", "/Taxinvoice/SELL/AB%2D_c", b'{"receiver": "a@b.c"}', headers)
    assert answer.status == 200
    assert sim.state.sent_mails[-1].mgt_key == "AB-_c"
    assert sim.requests[-1].path == "/Taxinvoice/SELL/AB%2D_c"  # recorded raw


def test_assign_state(sim: Simulator, token: str) -> None:
    assert assign(sim, token, ITEM_KEY, "DOC-1").status == 200
    again = assign(sim, token, ITEM_KEY, "DOC-2")
    assert (again.status, again.code) == (400, -11005018)
    used = assign(sim, token, "202611240000000002", "DOC-1")
    assert (used.status, used.code) == (400, -11001038)
    # The same document ID under another MgtKeyType, or in another company, is free.
    assert assign(sim, token, "202611240000000002", "DOC-1", mgt_key_type="BUY").status == 200
    other = issue(sim, OTHER_CORP)
    assert assign(sim, other, ITEM_KEY, "DOC-1").status == 200
    assert len(sim.state.assignments) == 3
    assert sim.state.item_key_of(OTHER_CORP, "SELL", "DOC-1") == ITEM_KEY


def test_send_email_for_an_unknown_mgt_key_is_accepted(sim: Simulator, token: str) -> None:
    assert send_email(sim, token, "ANYTHING-TYPED").status == 200


@pytest.mark.parametrize(
    ("call_name", "value", "status", "code"),
    [
        ("email", "NOTFOUND-1", 400, -11000005),
        ("email", "NOMAIL-1", 400, -11005002),
        ("email", "NOPOINT-1", 400, -99005001),
        ("assign", "NOPOINT-1", 400, -99005001),
        ("email", "NOIP-1", 403, -99910006),
        ("assign", "NOIP-1", 403, -99910006),
        ("assign", "TAKEN-1", 400, -11001038),
        ("assign-item", "000000123456789012", 400, -11000005),
        ("assign-item", "111111123456789012", 400, -11005018),
    ],
)
def test_magic_keys(sim: Simulator, token: str, call_name: str, value: str, status: int, code: int) -> None:
    if call_name == "email":
        answer = send_email(sim, token, value)
    elif call_name == "assign":
        answer = assign(sim, token, ITEM_KEY, value)
    else:
        answer = assign(sim, token, value, "FINE-1")
    assert (answer.status, answer.code) == (status, code)
    assert sim.state.sent_mails == [] and sim.state.assignments == []


def test_magic_keys_are_case_sensitive_and_per_call(sim: Simulator, token: str) -> None:
    assert send_email(sim, token, "notfound-1").status == 200
    assert send_email(sim, token, "TAKEN-1").status == 200  # TAKEN matters only to AssignMgtKey
    assert assign(sim, token, ITEM_KEY, "NOTFOUND-1").status == 200  # NOTFOUND only to SendEmail


# -- language, gzip, latency, recording ----------------------------------------------------------------


def test_korean_by_default_and_english_on_request(sim: Simulator, token: str) -> None:
    korean = send_email(sim, token, "KEY1", headers={"Accept-Language": "ko-KR"})
    english = send_email(sim, token, "KEY1", headers={"Accept-Language": "en-US"})
    assert korean.json()["message"] == "이메일 재전송 완료"
    assert english.json()["message"] == "Email has been resent."
    error_en = assign(sim, token, ITEM_KEY, "TAKEN-1", headers={"Accept-Language": "en-US,en;q=0.9"})
    error_ko = assign(sim, token, ITEM_KEY, "TAKEN-1")
    assert error_en.code == error_ko.code == -11001038
    assert error_en.json()["message"].isascii()
    assert not error_ko.json()["message"].isascii()
    token_error = token_call(sim, link_id="NOPE")
    assert not token_error.json()["message"].isascii()


def test_every_message_exists_in_both_languages() -> None:
    from popbill_gui.simulator import messages

    for code, (ko, en) in messages.MESSAGES.items():
        assert ko and en, code
        assert en.isascii(), code
        assert not ko.isascii(), code


def test_gzip_when_asked(sim: Simulator, token: str) -> None:
    zipped = send_email(sim, token, "KEY1", headers={"Accept-Encoding": "gzip, deflate"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert int(zipped.headers["Content-Length"]) == len(zipped.body)
    assert json.loads(gzip.decompress(zipped.body))["code"] == 1
    plain = send_email(sim, token, "KEY1")
    assert plain.headers["Content-Encoding"] is None
    assert plain.code == 1


def test_latency() -> None:
    with Simulator(latency_ms=150) as sim:
        started = time.monotonic()
        token = issue(sim)
        send_email(sim, token, "KEY1")
        assert time.monotonic() - started >= 0.3


def test_requests_are_recorded_as_sent(sim: Simulator, token: str) -> None:
    send_email(sim, token, "KEY1", headers={"X-PB-UserID": "someone"})
    recorded = sim.requests[-1]
    assert recorded.kind == "send_email"
    assert recorded.method == "POST"
    assert recorded.path == "/Taxinvoice/SELL/KEY1"
    assert "X-PB-UserID" in recorded.headers
    assert recorded.header("x-pb-userid") == "someone"
    assert recorded.header("Authorization") == f"Bearer {token}"
    assert recorded.header("absent") is None
    assert json.loads(recorded.body) == {"receiver": "test@test.com"}
    assert abs(recorded.received_at - time.time()) < 5
    assert [r.kind for r in sim.requests] == ["token", "send_email"]


def test_nothing_logged_per_request(capfd: pytest.CaptureFixture[str]) -> None:
    with Simulator() as sim:
        token = issue(sim)
        send_email(sim, token, "KEY1")
        call(sim, "GET", "/nowhere")
        for fault in ("reset", "oversized", "html-500"):
            sim.fault = fault
            conn = connect(sim, 0.5)
            try:
                conn.request("POST", "/Taxinvoice/SELL/KEY1", b"{}", {"Authorization": f"Bearer {token}"})
                conn.getresponse().read(1024)
            except OSError:
                pass
            finally:
                conn.close()
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""


# -- faults --------------------------------------------------------------------------------------------


def test_fault_names() -> None:
    assert "token-refused" in FAULTS
    assert "token-refused" not in AUTH_FAULTS
    assert set(AUTH_FAULTS) == set(FAULTS) - {"token-refused"}
    with pytest.raises(ValueError):
        Simulator(fault="nonsense")
    with pytest.raises(ValueError):
        Simulator(auth_fault="token-refused")


@pytest.mark.parametrize(
    ("fault", "status", "content_type", "check"),
    [
        ("html-500", 500, "text/html", lambda body: b"<html" in body),
        ("empty-502", 502, None, lambda body: body == b""),
        ("non-json-200", 200, "text/plain", lambda body: body == b"OK"),
        ("no-code-json", 200, "application/json", lambda body: json.loads(body) == {"message": "ok"}),
        ("token-refused", 401, "application/json", lambda body: json.loads(body)["code"] == -99000026),
    ],
)
def test_simple_faults(
    sim: Simulator, token: str, fault: str, status: int, content_type: str | None, check: Callable[[bytes], bool]
) -> None:
    sim.fault = fault
    answer = send_email(sim, token, "KEY1")
    assert answer.status == status
    if content_type is None:
        assert answer.headers["Content-Length"] == "0"
    else:
        assert answer.headers["Content-Type"].startswith(content_type)
    assert check(answer.body)
    assert sim.count("send_email") == 1  # recorded although faulted
    assert sim.state.sent_mails == []
    sim.fault = None
    assert send_email(sim, token, "KEY1").status == 200


def test_token_refused_applies_to_any_token(sim: Simulator) -> None:
    sim.fault = "token-refused"
    answer = send_email(sim, "made-up", "KEY1")
    assert (answer.status, answer.code) == (401, -99000026)
    assert token_call(sim).status == 200  # the token service is not affected


def test_bad_gzip(sim: Simulator, token: str) -> None:
    sim.fault = "bad-gzip"
    answer = send_email(sim, token, "KEY1", headers={"Accept-Encoding": "gzip"})
    assert answer.status == 200
    assert answer.headers["Content-Encoding"] == "gzip"
    with pytest.raises(gzip.BadGzipFile):
        gzip.decompress(answer.body)


def test_hang(sim: Simulator, token: str) -> None:
    sim.fault = "hang"
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        call(sim, "POST", "/Taxinvoice/SELL/KEY1", b"{}", {"Authorization": f"Bearer {token}"}, timeout=0.5)
    assert time.monotonic() - started < 2
    assert sim.count("assign") == 1


def test_oversized(sim: Simulator, token: str) -> None:
    sim.fault = "oversized"
    conn = connect(sim)
    try:
        conn.request("POST", "/Taxinvoice/SELL/KEY1", b"{}", {"Authorization": f"Bearer {token}"})
        response = conn.getresponse()
        assert response.status == 200
        assert response.headers["Content-Length"] == str(64 * 1024 * 1024)
        assert response.headers["Content-Type"].startswith("application/json")
        received = 0
        while received < 2 * 1024 * 1024:
            chunk = response.read(64 * 1024)
            assert chunk
            received += len(chunk)
    finally:
        conn.close()
    sim.fault = None
    assert send_email(sim, token, "KEY1").status == 200  # the simulator carries on


def test_reset(sim: Simulator, token: str) -> None:
    sim.fault = "reset"
    with pytest.raises(ConnectionResetError):
        send_email(sim, token, "KEY1")
    assert sim.count("send_email") == 1


def test_reset_is_a_real_reset(sim: Simulator) -> None:
    sim.fault = "reset"
    with socket.create_connection(("127.0.0.1", sim.port), timeout=5) as sock:
        sock.sendall(b"POST /Taxinvoice/SELL/KEY1 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
        with pytest.raises(ConnectionResetError):
            while sock.recv(1024):
                pass


@pytest.mark.parametrize("fault", ["html-500", "empty-502", "non-json-200", "no-code-json", "bad-gzip"])
def test_auth_faults(sim: Simulator, fault: str) -> None:
    token = issue(sim)
    sim.auth_fault = fault
    answer = token_call(sim)
    assert answer.status in (200, 500, 502)
    assert "session_token" not in answer.body.decode("latin-1")
    assert sim.count("token") == 2
    assert send_email(sim, token, "KEY1").status == 200  # the API is not affected


def test_auth_fault_reset_and_hang(sim: Simulator) -> None:
    sim.auth_fault = "reset"
    with pytest.raises(ConnectionResetError):
        token_call(sim)
    sim.auth_fault = "hang"
    conn = connect(sim, 0.3)
    try:
        with pytest.raises(TimeoutError):
            conn.request("POST", "/POPBILL_TEST/Token", b"{}")
            conn.getresponse()
    finally:
        conn.close()
    assert call(sim, "GET", "/Time").status == 200  # /Time is not faulted


def test_stop_is_prompt_while_a_hang_is_pending() -> None:
    sim = Simulator(fault="hang").start()
    outcome: list[BaseException | int] = []

    def client() -> None:
        try:
            outcome.append(call(sim, "POST", "/Taxinvoice/SELL/KEY1", b"{}", {}, timeout=10).status)
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=client)
    thread.start()
    deadline = time.monotonic() + 5
    while sim.count("assign") == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert sim.count("assign") == 1
    started = time.monotonic()
    sim.stop()
    assert time.monotonic() - started < 2
    thread.join(5)
    assert not thread.is_alive()
    assert isinstance(outcome[0], (ConnectionError, http.client.HTTPException))


def test_stop_closes_idle_kept_alive_connections_and_is_idempotent() -> None:
    sim = Simulator().start()
    conn = connect(sim)
    conn.request("GET", "/Time")
    conn.getresponse().read()
    started = time.monotonic()
    sim.stop()
    sim.stop()
    assert time.monotonic() - started < 2
    conn.close()
    with pytest.raises(RuntimeError):
        _ = sim.base_url


# -- TLS (optional: for tests of a client's certificate handling) -------------------------------------


@pytest.fixture
def tls_sim(tmp_path: Path) -> Iterator[tuple[Simulator, ssl.SSLContext]]:
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server_context)
    client_context = ssl.create_default_context()
    ca.configure_trust(client_context)
    with Simulator(ssl_context=server_context) as simulator:
        yield simulator, client_context


def test_tls(tls_sim: tuple[Simulator, ssl.SSLContext]) -> None:
    sim, client_context = tls_sim
    assert sim.base_url.startswith("https://127.0.0.1:")
    untrusting = http.client.HTTPSConnection("127.0.0.1", sim.port, timeout=5)
    try:
        with pytest.raises(ssl.SSLCertVerificationError):
            untrusting.request("GET", "/Time")
    finally:
        untrusting.close()
    conn = http.client.HTTPSConnection("127.0.0.1", sim.port, timeout=5, context=client_context)
    try:
        conn.request("GET", "/Time")
        assert conn.getresponse().read().endswith(b"Z")
        conn.request("GET", "/Time")  # kept alive
        assert conn.getresponse().status == 200
    finally:
        conn.close()
    assert sim.count("time") == 2
    assert sim.connections == 2


def test_tls_hang_then_prompt_stop(tls_sim: tuple[Simulator, ssl.SSLContext]) -> None:
    sim, client_context = tls_sim
    sim.fault = "hang"
    conn = http.client.HTTPSConnection("127.0.0.1", sim.port, timeout=0.3, context=client_context)
    try:
        with pytest.raises(TimeoutError):
            conn.request("POST", "/Taxinvoice/SELL/KEY1", b"{}")
            conn.getresponse()
    finally:
        conn.close()
    started = time.monotonic()
    sim.stop()
    assert time.monotonic() - started < 2


# -- the vendor SDK ------------------------------------------------------------------------------------


@pytest.mark.sdk
def test_vendor_sdk_against_the_simulator(sim: Simulator) -> None:
    if not os.environ.get("POPBILL_SDK_PYTHON"):
        # CI sets POPBILL_REQUIRE_SDK=1: there this check must run, never skip.
        if os.environ.get("POPBILL_REQUIRE_SDK") == "1":
            pytest.fail("POPBILL_REQUIRE_SDK=1 but POPBILL_SDK_PYTHON is not set (the SDK venv failed)")
        pytest.skip("POPBILL_SDK_PYTHON is not set")
    result = subprocess.run(
        [os.environ["POPBILL_SDK_PYTHON"], str(REPO / "benchmarks" / "sdk_smoke.py"), sim.base_url],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "sendEmail: 1 이메일 재전송 완료" in result.stdout
    assert "assignMgtKey: 1 할당 완료" in result.stdout
    assert [r.kind for r in sim.requests] == ["token", "send_email", "assign"]
    assert sim.requests[-1].header("X-HTTP-Method-Override") == ""
    assert len(sim.state.assignments) == 1 and len(sim.state.sent_mails) == 1
