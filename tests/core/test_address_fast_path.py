"""The plain-address fast path (issue 20) gives exactly email-validator's verdict, and the whole check is unchanged.

`is_plain_address` says "valid" without asking email-validator; everything else goes to it as before. The property:
whenever the fast path says valid, email-validator (as the project calls it) and the project's own rules say valid
too, and `check_receiver` answers what the project's rules plus email-validator alone answer, for generated
addresses near the edges (lengths, dots, hyphens, Punycode, special-use names, quotes, IDN, spaces, the full-width
at-sign) and for typical ones, which must take the fast path.
"""

from __future__ import annotations

import email_validator
import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from popbill_gui.core import validation as v

ATEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-"
HOST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"


def library_accepts(address: str) -> bool:
    try:
        validate_email(address, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError:
        return False
    return True


def reference(address: str) -> list[str]:
    """What the check answered before the fast path: the project's rules, then email-validator."""
    address = address.strip()
    if not address:
        return ["receiver.required"]
    if v._receiver_shape(address) is not None or not library_accepts(address):
        return ["receiver.invalid"]
    return []


def keys(address: str) -> list[str]:
    return [p.key for p in v.check_receiver(address)]


@st.composite
def near_plain_label(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:  # at and around the 63-character label limit
        return draw(st.sampled_from("ab9-")) * draw(st.sampled_from([62, 63, 64]))
    if kind == 1:
        return draw(st.sampled_from(["xn--bcher-kva", "xn--3e0b707e", "xn--abc", "XN--BCHER-KVA", "ab--cd", "a--b"]))
    if kind == 2:
        odd = ["bücher", "한국", "例え", "ｅｘａｍｐｌｅ", "exa\u200bmple", "ex_ample", "-a", "a-"]
        return draw(st.sampled_from(odd))
    return draw(st.text(HOST, min_size=1, max_size=draw(st.sampled_from([3, 12, 70]))))


@st.composite
def addresses(draw: st.DrawFn) -> str:
    longest = draw(st.sampled_from([8, 30, 70]))
    atoms = draw(st.lists(st.text(ATEXT, min_size=0, max_size=longest), min_size=1, max_size=4))
    local = ".".join(atoms)
    if draw(st.integers(0, 15)) == 0:
        local = draw(st.sampled_from(['"quoted"', '"a b"', "a b", "é", "이메일", "a\tb", "", "a@b"])) + local
    labels = draw(st.lists(near_plain_label(), max_size=5))
    tlds = ["com", "kr", "co", "c", "c1", "123", "test", "TEST", "local", "onion", "invalid", "arpa", "localhost",
            "example", "x" * 63, "x" * 64, "co-kr", "k-", "한국", "xn--3e0b707e"]  # fmt: skip
    tld = draw(st.sampled_from(tlds))
    domain = ".".join([*labels, tld])
    if draw(st.integers(0, 20)) == 0:
        domain = draw(st.sampled_from([domain + ".", "." + domain, domain.replace(".", "..", 1), domain.upper()]))
    at = draw(st.sampled_from(["@"] * 12 + ["＠", "@@", " @ "]))
    padding = draw(st.sampled_from(["", "", "", " ", "\u3000"]))
    return padding + local + at + domain + padding


@given(addresses())
@settings(max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@example("tax@hanbit-trade.example.com")
@example("a" * 64 + "@example.com")
@example("a" * 65 + "@example.com")  # the library checks the local part's length in strict mode only
@example("a@" + ("x" * 63 + ".") * 3 + "x" * 57 + "com")  # 253 after the '@'
@example("ab@" + ("x" * 63 + ".") * 3 + "x" * 57 + "com")  # 254 in all
@example("abc@" + ("x" * 63 + ".") * 3 + "x" * 57 + "com")  # 255 in all
@example("a@" + ("x" * 63 + ".") * 3 + "x" * 58 + "com")  # 254 after the '@'
@example("user.name+tag@sub.Example.CO.KR")
@example("a@b.c")
@example("a@b.x1")
@example("a@1.2.3.4")
@example("a@b.TEST")
@example("a@ab--cd.com")
@example("a@xn--bcher-kva.ch")
@example('"quoted"@example.com')
@example("a.@example.com")
@example("a@-example.com")
@example("a@example-.com")
@example("postmaster@example.com")
def test_the_fast_path_gives_email_validators_verdict(address: str) -> None:
    trimmed = address.strip()
    if v.is_plain_address(trimmed):
        assert library_accepts(trimmed), trimmed
        assert v._receiver_shape(trimmed) is None, trimmed
    assert keys(address) == reference(address), address


@given(
    st.lists(st.text(ATEXT.replace(".", ""), min_size=1, max_size=20), min_size=1, max_size=3),
    st.lists(st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=20), min_size=1, max_size=3),
    st.sampled_from(["com", "kr", "net", "org", "co.kr", "or.kr", "go.kr", "example.com"]),
)
@settings(max_examples=500, deadline=None)
def test_typical_addresses_take_the_fast_path(atoms: list[str], labels: list[str], suffix: str) -> None:
    address = ".".join(atoms) + "@" + ".".join([*labels, suffix])
    assert v.is_plain_address(address) and library_accepts(address)


@pytest.mark.parametrize(
    "address",
    ["bücher@example.com", "a@bücher.de", "a@한국.kr", '"a b"@example.com', "a@[127.0.0.1]", "a@b.com.", "이메일@a.kr"],
)
def test_everything_else_goes_to_email_validator(address: str) -> None:
    assert not v.is_plain_address(address)
    assert keys(address) == reference(address)


def test_the_special_use_names_are_email_validators() -> None:
    # A newer email-validator with another list would make the fast path disagree: this says so first.
    assert tuple(email_validator.SPECIAL_USE_DOMAIN_NAMES) == v.SPECIAL_USE_DOMAINS
