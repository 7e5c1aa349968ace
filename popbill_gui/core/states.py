"""An invoice's stateCode in words: the exact meaning where the vendor documents the code, else its hundreds.

POPBiLL's states run 1xx temporarily saved, 2xx waiting for approval, 3xx issued (300 to 305 follow the filing
to the NTS), 4xx refused, 5xx cancelled before issue, 6xx cancelled after issue. The words are in `messages`.
"""

from __future__ import annotations

from .messages import CATALOG, Lang, text


def state_group(code: int | None) -> int | None:
    """1 to 6 for a known range (the hundreds digit), None otherwise."""
    if code is None or not 100 <= code <= 699:
        return None
    return code // 100


def state_words(code: int | None, lang: Lang = "ko") -> str:
    """'국세청 전송 완료' for 304, '승인대기' for any 2xx, '알 수 없는 상태' for None or an unknown range."""
    if code is not None and f"state.{code}" in CATALOG:
        return text(f"state.{code}", lang)
    group = state_group(code)
    return text(f"state.{group}xx" if group is not None else "state.unknown", lang)


def state_phrase(code: int | None, lang: Lang = "ko") -> str:
    """The state as a clerk reads it, without the code: its range's word and, where the code says more, that too
    ('발행완료·국세청 전송 완료' for 304, '발행취소' for 600, 'Issued and filed to the NTS'). The window shows this,
    with the code in a tooltip."""
    words = state_words(code, lang)
    group = state_group(code)
    if group is None:
        return words
    general = text(f"state.{group}xx", lang)
    return words if general.lower() in words.lower() else f"{general}·{words}"


def describe_state(code: int | None, lang: Lang = "ko") -> str:
    """The code and its words, e.g. '304 국세청 전송 완료' (just the words when there is no code)."""
    words = state_words(code, lang)
    return words if code is None else f"{code} {words}"


def is_issued(code: int | None) -> bool:
    """3xx: issued (and not cancelled): the invoices mail can be resent for and document IDs matter most."""
    return state_group(code) == 3
