"""Document IDs from a pattern: reading the pattern, numbering oldest first, the ID rules and the flags."""

from __future__ import annotations

from datetime import date

import pytest

from popbill_gui.core.id_pattern import Flaw, PatternError, oldest_first, parse_pattern, propose
from popbill_gui.core.invoices import Invoice


def invoice(item_key: str, written: date | None, mgt_key: str = "", kind: str = "SELL") -> Invoice:
    data = {
        "itemKey": item_key,
        "writeDate": f"{written:%Y%m%d}" if written else "",
        "invoicerMgtKey" if kind == "SELL" else "invoiceeMgtKey": mgt_key,
    }
    return Invoice.from_api(data, kind)


A = invoice("026010000000000003", date(2026, 1, 15))
B = invoice("026010000000000001", date(2026, 1, 5))
C = invoice("026010000000000002", date(2026, 1, 15))


def test_placeholders_render() -> None:
    pattern = parse_pattern("INV-{date}-{n:03}")
    assert pattern.numbered and pattern.dated
    assert pattern.render(date(2026, 1, 15), 7) == "INV-20260115-007"
    assert parse_pattern("X{n}").render(None, 1234) == "X1234"
    assert parse_pattern("X{n:4}").render(None, 5) == "X0005"  # a width without the 0 pads with zeros too
    assert parse_pattern("{{A}}-{n}").render(None, 1) == "{A}-1"  # doubled braces are the brace itself
    assert not parse_pattern("FIXED").numbered


@pytest.mark.parametrize(
    ("text", "kind", "piece"),
    [
        ("INV-{", "brace", ""),
        ("INV-}", "brace", ""),
        ("INV-{nope}", "unknown", "{nope}"),
        ("INV-{date:%y}", "unknown", "{date:%y}"),
        ("INV-{n:x}", "unknown", "{n:x}"),
        ("INV-{n!r}", "unknown", "{n!r}"),
        ("INV-{}", "unknown", "{}"),
        ("INV-{0}", "unknown", "{0}"),
    ],
)
def test_unreadable_patterns_say_why(text: str, kind: str, piece: str) -> None:
    with pytest.raises(PatternError) as raised:
        parse_pattern(text)
    assert raised.value.kind == kind and raised.value.piece == piece


def test_numbered_oldest_first_from_the_first_number() -> None:
    assert [i.item_key for i in oldest_first([A, B, C])] == [B.item_key, C.item_key, A.item_key]
    proposals = propose("INV-{date}-{n:02}", [A, B, C], first=9)
    assert [(p.invoice.item_key, p.mgt_key) for p in proposals] == [
        (B.item_key, "INV-20260105-09"),
        (C.item_key, "INV-20260115-10"),
        (A.item_key, "INV-20260115-11"),
    ]
    assert all(p.ok for p in proposals)
    assert [p.mgt_key for p in propose("INV-{date}-{n:02}", [C, A, B], first=9)] == [p.mgt_key for p in proposals]


def test_duplicates_are_flagged_ignoring_case() -> None:
    proposals = propose("DAY-{date}", [A, B, C])
    flaws = {p.invoice.item_key: (p.flaw, p.other) for p in proposals}
    assert flaws[B.item_key] == (None, "")
    assert flaws[C.item_key] == (None, "")  # the first of 2026-01-15 keeps it
    assert flaws[A.item_key] == (Flaw.DUPLICATE, C.item_key)
    upper = invoice("026010000000000009", date(2026, 1, 1), mgt_key="inv-1")
    proposals = propose("INV-{n}", [B], taken=[upper, B])
    assert proposals[0].flaw is Flaw.TAKEN and proposals[0].other == upper.item_key


def test_an_invoice_with_an_id_and_the_id_rules() -> None:
    has = invoice("026010000000000004", date(2026, 1, 2), mgt_key="OLD-1")
    proposals = propose("N-{n}", [has, B])
    assert proposals[0].invoice is has and proposals[0].flaw is Flaw.HAS_MGT_KEY and proposals[0].other == "OLD-1"
    assert proposals[1].ok
    bad = propose("문서-{n}", [B])[0]
    assert not bad.ok and bad.flaw is None and [p.key for p in bad.problems] == ["mgt_key.bad_chars"]
    long = propose("X" * 22 + "{n:03}", [B])[0]
    assert [p.key for p in long.problems] == ["mgt_key.too_long"]
    undated = invoice("026010000000000005", None)
    assert propose("D{date}{n}", [undated])[0].flaw is Flaw.NO_DATE
    assert propose("D{n}", [undated])[0].ok
    assert propose("", [B])[0].problems  # an empty ID is refused by the rules too
