"""Errors, environments and the LINKHUB signature: pieces of the core that need no server."""

from __future__ import annotations

import pytest

from popbill_gui.core import auth, environments
from popbill_gui.core.errors import CLIENT_CODE, Kind, PopbillError, hint_for
from popbill_gui.core.messages import CATALOG
from popbill_gui.core.validation import Problem


def test_signature_matches_the_vendor_sdk() -> None:
    # Computed once with the vendor's linkhub 1.6.0 (Utils.b64_hmac_sha256) for this exact body and date.
    key = auth.decode_secret("c2VjcmV0LWtleS1mb3ItdGVzdHMtMDEyMzQ1Njc4OWFi")
    body = b'{"access_id": "1248100998", "scope": ["member", "110"]}'
    date, path = "2026-11-24T07:11:28Z", "/POPBILL_TEST/Token"
    assert auth.signature(key, body, date, path) == "2xDRoN3Te35pr4DVCvmDc0fhiKJPwqGPTkkh4ZHB8aA="
    assert auth.signature(key, body, date, path, "*") == "IyLDzTTpxs6bsImrSJGZ3/6RrqKeWnlXEgDfWzVr6s4="


@pytest.mark.parametrize("bad", ["", "not base64!", "====", "c2VjcmV0"[:-1]])
def test_a_secret_key_that_is_not_base64_is_refused_without_repeating_it(bad: str) -> None:
    with pytest.raises(PopbillError) as caught:
        auth.decode_secret(bad, "en")
    assert caught.value.kind is Kind.NO_CREDENTIALS
    assert "44-character key" in caught.value.message  # what a SecretKey looks like, in words
    if bad:
        assert bad not in caught.value.message


def test_expiration_parsing() -> None:
    assert auth.parse_expiration("1970-01-01T00:01:40.000Z") == 100.0
    assert auth.parse_expiration("1970-01-01T00:01:40Z") == 100.0
    with pytest.raises(ValueError):
        auth.parse_expiration("tomorrow")


def test_pasted_token_must_be_header_safe() -> None:
    with pytest.raises(PopbillError) as caught:
        auth.PastedToken("abc def\r\nX-Evil: 1")
    assert caught.value.kind is Kind.NO_CREDENTIALS
    token = auth.PastedToken("  abc.DEF-123  ")
    assert token.token().value == "abc.DEF-123"
    assert "abc" not in repr(token) and "abc" not in repr(token.token())


def test_environments_default_hosts() -> None:
    test = environments.resolve("test")
    assert test.base_url == "https://popbill-test.linkhub.co.kr"
    assert test.auth_url + test.token_path == "https://auth.linkhub.co.kr/POPBILL_TEST/Token"
    prod = environments.resolve("production", "static")
    assert prod.base_url == "https://static-popbill.linkhub.co.kr"
    assert prod.auth_url + prod.token_path == "https://static-auth.linkhub.co.kr/POPBILL/Token"
    assert prod.is_production
    ga = environments.resolve("test", "ga")
    assert (ga.base_url, ga.auth_url) == ("https://ga-popbill-test.linkhub.co.kr", "https://ga-auth.linkhub.co.kr")


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8080", "http://localhost:1/", "http://[::1]:9000", "https://proxy.example.com/popbill"],
)
def test_custom_urls_allowed(url: str) -> None:
    env = environments.resolve("test", base_url=url, auth_url=url)
    assert env.base_url == url.rstrip("/")


@pytest.mark.parametrize("url", ["http://popbill.linkhub.co.kr", "http://10.0.0.5:80", "http://127.evil.com"])
def test_plain_http_is_refused_off_loopback(url: str) -> None:
    with pytest.raises(PopbillError) as caught:
        environments.resolve("test", base_url=url, lang="en")
    assert caught.value.kind is Kind.PLAIN_HTTP
    assert "loopback" in caught.value.message


@pytest.mark.parametrize("url", ["ftp://x", "popbill.linkhub.co.kr", "https://", "https://h:notaport", "https://u:p@h"])
def test_malformed_urls_are_refused(url: str) -> None:
    with pytest.raises(PopbillError) as caught:
        environments.resolve("test", auth_url=url)
    assert caught.value.kind is Kind.BAD_URL


def test_every_client_kind_has_a_sentence_in_both_languages() -> None:
    for kind in Kind:
        if kind in (Kind.POPBILL, Kind.AUTH):
            continue
        ko = PopbillError.client(kind, "ko", host="h", seconds=1, status=500, url="u", reason="r", limit="1 MiB")
        en = PopbillError.client(kind, "en", host="h", seconds=1, status=500, url="u", reason="r", limit="1 MiB")
        assert ko.code == en.code == CLIENT_CODE
        assert f"error.{kind.value}" in CATALOG, kind
        assert ko.message != en.message
        assert "{" not in ko.message and "{" not in en.message


def test_known_codes_have_hints_and_unknown_do_not() -> None:
    assert hint_for(-99005001, "en") == "Not enough points. Top up on the POPBiLL website."
    assert hint_for(-11001038, "ko")
    assert hint_for(-12345678) is None
    refused = PopbillError(-11000005, "해당 문서가 없습니다", 400)
    assert refused.hint and "문서번호" in refused.hint
    assert str(refused) == "[-11000005] 해당 문서가 없습니다"


def test_invalid_input_error_names_every_problem() -> None:
    problems = [Problem("mgt_key", "mgt_key.required"), Problem("receiver", "receiver.required")]
    error = PopbillError.invalid(problems, "en")
    assert error.kind is Kind.INVALID_INPUT
    assert "Enter a document ID" in error.message and "receiver's e-mail" in error.message


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("7imtb8WN0L00WXbRqA6BbJJcvWRMAzQQIpmtSJ96Fgg=", None),  # a key as POPBiLL issues them: 32 bytes, 44 characters
        ("MDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1u", None),  # 24 bytes: not a length seen, but a real key; never locked out
        ("abcd1234", "secret_key.password"),  # valid base64, and a clerk's password
        ("popbill!2026", "secret_key.password"),
        ("7imtb8WN0L00WXbRqA6BbJJcvWRMAzQQIpmtSJ96F", "secret_key.invalid"),  # a key cut short by a copy
        ("7imtb8WN0L00WXbRqA6BbJJcvWRMAzQQIpmtSJ96Fgg=AAAA", "secret_key.invalid"),
    ],
)
def test_a_typed_secret_key_is_a_key_or_said_to_look_like_a_password(typed: str, code: str | None) -> None:
    from popbill_gui.core.validation import check_secret_key

    problems = check_secret_key(typed)
    assert [p.key for p in problems] == ([code] if code else [])
    assert all(typed not in p.describe("en") for p in problems)
