"""The input rules: every problem reported, nothing unsafe accepted (hypothesis), nothing silently changed."""

from __future__ import annotations

import string
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from popbill_gui.core import validation as v
from popbill_gui.core.messages import CATALOG, text


def keys(problems: list[v.Problem]) -> list[str]:
    return [p.key for p in problems]


@pytest.mark.parametrize("value", ["SELL", "BUY", "TRUSTEE", "  SELL\t"])
def test_mgt_key_type_accepts_the_three_types(value: str) -> None:
    assert v.check_mgt_key_type(value) == []


@pytest.mark.parametrize("value", ["", "sell", "Sell", "SALE", "SELL/..", None])
def test_mgt_key_type_refuses_everything_else(value: str | None) -> None:
    assert keys(v.check_mgt_key_type(value)) == ["mgt_key_type.invalid"]


def test_mgt_key_limits() -> None:
    assert v.check_mgt_key("A" * 24) == []
    assert v.check_mgt_key("a-Z_09") == []
    assert keys(v.check_mgt_key("A" * 25)) == ["mgt_key.too_long"]
    assert keys(v.check_mgt_key("   ")) == ["mgt_key.required"]
    assert keys(v.check_mgt_key(None)) == ["mgt_key.required"]


def test_mgt_key_reports_every_problem_with_the_characters_named() -> None:
    problems = v.check_mgt_key("문서" * 13)
    assert keys(problems) == ["mgt_key.too_long", "mgt_key.bad_chars"]
    assert problems[0].params["length"] == 26  # characters, not bytes
    assert "문" in problems[1].describe("ko")
    assert "서" in problems[1].describe("en")


@pytest.mark.parametrize("bad", ["A/B", "A B", "A.B", "A%2F", "A\u200bB", "ＡＢ", "A\nB", "../x"])
def test_mgt_key_refuses_path_and_invisible_characters(bad: str) -> None:
    assert "mgt_key.bad_chars" in keys(v.check_mgt_key(bad))


def test_invisible_characters_are_made_visible_in_the_message() -> None:
    message = v.check_mgt_key("A\u200bB")[0].describe("en")
    assert "\\u200b" in message


def test_item_key() -> None:
    assert v.check_item_key("123456789012345678") == []
    assert v.check_item_key(" 123456789012345678 ") == []
    assert keys(v.check_item_key("12345678901234567")) == ["item_key.length"]
    assert keys(v.check_item_key("12345678901234567X")) == ["item_key.not_digits"]
    assert keys(v.check_item_key("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨")) == ["item_key.not_digits"]
    assert keys(v.check_item_key("12-45")) == ["item_key.not_digits", "item_key.length"]
    assert keys(v.check_item_key("")) == ["item_key.required"]


@pytest.mark.parametrize("address", ["test@test.com", "a.b+c@example.co.kr", " staff@example.com "])
def test_receiver_accepts_addresses(address: str) -> None:
    assert v.check_receiver(address) == []


@pytest.mark.parametrize("address", ["test", "test@", "@test.com", "a@b", "a b@test.com", "a@test.com\r\nBcc: x@y.z"])
def test_receiver_refuses_non_addresses(address: str) -> None:
    assert keys(v.check_receiver(address)) == ["receiver.invalid"]


def test_receiver_required() -> None:
    assert keys(v.check_receiver("")) == ["receiver.required"]


def test_corp_num_dashes_removed_and_checksum_only_warns() -> None:
    good = v.check_corp_num("124-81-00998")
    assert (good.value, good.problems, good.warnings) == ("1248100998", [], [])
    vendor_example = v.check_corp_num("1234567890")
    assert vendor_example.problems == []
    assert keys(vendor_example.warnings) == ["corp_num.checksum"]
    assert keys(v.check_corp_num("12345").problems) == ["corp_num.format"]
    assert keys(v.check_corp_num("12345678AB").problems) == ["corp_num.format"]
    assert keys(v.check_corp_num("").problems) == ["corp_num.required"]


def test_user_id_is_optional_but_header_safe() -> None:
    assert v.check_user_id(None) == []
    assert v.check_user_id("testkorea") == []
    assert keys(v.check_user_id("bad\r\nX-Evil: 1")) == ["user_id.control"]
    assert keys(v.check_user_id("사용자")) == ["user_id.not_ascii"]
    assert keys(v.check_user_id("u" * 51)) == ["user_id.too_long"]


def test_whole_requests_report_every_problem_at_once() -> None:
    problems = v.check_resend("sell", "", "nobody")
    assert keys(problems) == ["mgt_key_type.invalid", "mgt_key.required", "receiver.invalid"]
    problems = v.check_assign("1", "BUY", "X" * 30)
    assert [p.field for p in problems] == ["item_key", "mgt_key"]


def test_every_problem_key_has_both_languages() -> None:
    for key, (ko, en) in CATALOG.items():
        assert ko and en, key
        assert ko != en, key
    assert text("mgt_key.too_long", "en", length=30).endswith("(this one has 30).")


# ---- hypothesis: whatever the validators accept is safe in a URL path and a header ----
path_safe_alphabet = string.ascii_letters + string.digits + "-_"


@settings(max_examples=400)
@given(st.text(max_size=40))
def test_accepted_mgt_keys_are_path_safe(value: str) -> None:
    if not v.check_mgt_key(value):
        cleaned = v.clean(value)
        assert 1 <= len(cleaned) <= 24
        assert all(c in path_safe_alphabet for c in cleaned)
        assert quote(cleaned, safe="") == cleaned
        assert v.is_path_safe(cleaned)


@settings(max_examples=400)
@given(st.text(alphabet=st.sampled_from(path_safe_alphabet + " \t/%.한"), max_size=30))
def test_mgt_key_accepts_exactly_the_safe_alphabet(value: str) -> None:
    cleaned = v.clean(value)
    expected_ok = 0 < len(cleaned) <= 24 and all(c in path_safe_alphabet for c in cleaned)
    assert (v.check_mgt_key(value) == []) == expected_ok


@settings(max_examples=300)
@given(st.text(max_size=30))
def test_accepted_item_keys_are_18_ascii_digits(value: str) -> None:
    if not v.check_item_key(value):
        assert len(v.clean(value)) == 18
        assert v.clean(value).isascii() and v.clean(value).isdigit()


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_accepted_user_ids_are_header_safe(value: str) -> None:
    if not v.check_user_id(value):
        cleaned = v.clean(value)
        cleaned.encode("latin-1")  # requests sends header values as latin-1
        assert not any(c in cleaned for c in "\r\n\x00")


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_accepted_receivers_have_no_control_characters(value: str) -> None:
    if not v.check_receiver(value):
        assert all(c.isprintable() for c in v.clean(value))
        assert "@" in value
