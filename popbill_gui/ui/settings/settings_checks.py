"""The settings dialog's checks for the addresses it takes, as `CheckedField` checks: the core's rules
(`check_url`, `check_pac_url`), their refusals re-worded per language as the field shows them."""

from __future__ import annotations

from ...core.environments import check_pac_url, check_url
from ...core.validation import Problem, clean
from ...service import PopbillError
from ..shared.fields import Check


def url_check(field_name: str) -> Check:
    """A CheckedField check for an optional custom URL (https anywhere, plain http on loopback only)."""

    def check(value: str) -> list[Problem]:
        if not clean(value):
            return []
        try:
            check_url(value)
        except PopbillError as exc:
            # check_url words its refusals as error.<kind> with the URL; the Problem re-words them per language.
            return [Problem(field_name, f"error.{exc.kind.value}", {"url": clean(value).rstrip("/")})]
        return []

    return check


def pac_check(value: str) -> list[Problem]:
    """A CheckedField check for the proxy script's address: a web address or a file (`check_pac_url`)."""
    if not clean(value):
        return []
    try:
        check_pac_url(value)
    except PopbillError:
        return [Problem("pac_url", "error.bad_pac", {"url": clean(value)})]
    return []
