"""An e-mail address refused in our own words: Korean never carries the e-mail library's English, the usual
mistakes are named in both languages, and the problem's key stays receiver.invalid (the CLI's JSON names it)."""

from __future__ import annotations

import re

import pytest

from popbill_gui.core import validation as v
from popbill_gui.core.errors import PopbillError, hint_for
from popbill_gui.core.messages import text

BAD = [
    "test", "test@", "@test.com", "a@b", "a b@test.com", "a@test.com\r\nBcc: x@y.z", "홍길동@example.com",
    "a..b@c.com", ".a@b.com", "a@.b.com", "a@b.com.", "a@b_c.com", "a(b)@c.com", "a@[1.2.3.4]", '"a b"@c.com',
    "a@b.com;c@d.com", "a＠b.com", "a@-b.com", "a@b-.com", "staff@examplecom",
]  # fmt: skip


@pytest.mark.parametrize("address", BAD)
def test_korean_never_carries_the_libraries_english(address: str) -> None:
    (problem,) = v.check_receiver(address)
    assert problem.key == "receiver.invalid"
    korean = problem.describe("ko")
    assert re.search("[가-힣]", korean)
    assert not re.search(r"[A-Za-z]{4,}", korean.replace("name@example.com", "").replace("example.com", "")), korean


@pytest.mark.parametrize(
    ("address", "ko", "en"),
    [
        ("staff@examplecom", "점(.)이 없습니다", "has no dot"),
        ("staffexample.com", "'@'가 없습니다", "needs an '@'"),
        ("a@x.kr, b@x.kr", "공백", "space"),
        ("a@x.kr;b@x.kr", "하나만", "one e-mail address only"),
        ("담당자@example.com", "담 당 자", "not allowed: 담 당 자"),
        ("a＠example.com", "＠", "＠"),
        ("a@exam_ple.com", "쓸 수 없는 문자가 있습니다: _", "not allowed: _"),
    ],
)
def test_the_usual_mistakes_are_named(address: str, ko: str, en: str) -> None:
    (problem,) = v.check_receiver(address)
    assert ko in problem.describe("ko") and en in problem.describe("en")


def test_an_invalid_request_names_the_address_problem_in_korean() -> None:
    error = PopbillError.invalid(v.check_resend("SELL", "INV-1", "staff@examplecom"), "ko")
    assert "점(.)이 없습니다" in error.message and "period" not in error.message


def test_not_found_advice_follows_what_was_looked_up() -> None:
    resend = hint_for(-11000005, "ko", "resend_email")
    assign = hint_for(-11000005, "ko", "assign_mgt_key")
    assert resend == hint_for(-11000005, "ko") == text("hint.not_found", "ko")
    assert assign is not None and "팝빌번호" in assign and "문서번호" not in assign and "ItemKey" not in assign
    english = hint_for(-11000005, "en", "assign_mgt_key") or ""
    assert "POPBiLL number" in english and "ItemKey" not in english and "SELL" not in english
    error = PopbillError(-11000005, "not found", 400, lang="en")
    error.operation = "assign_mgt_key"
    assert error.hint == hint_for(-11000005, "en", "assign_mgt_key")


def test_the_client_gives_an_assign_refusal_the_itemkey_advice(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client(lang="en")
    with pytest.raises(PopbillError) as refused:
        client.assign_mgt_key("000000415000000001", "SELL", "INV-1")  # the simulator: no invoice has it
    assert refused.value.code == -11000005 and refused.value.operation == "assign_mgt_key"
    assert refused.value.hint == hint_for(-11000005, "en", "assign_mgt_key")
    with pytest.raises(PopbillError) as missing:
        client.resend_email("SELL", "NOTFOUND-1", "a@example.com")
    assert missing.value.hint == text("hint.not_found", "en")
