"""What makes two rows the same request, and two paths the same file: what a new batch leaves out, what a resume
of an edited file compares.

- `request_key(values, columns)`: the whole request as the file gives it (every column), to match an edited file's
  rows with its journal's: rows are compared by what they ask, never by their row numbers.
- `target_key(operation, values)`: what a request acts on. AssignMgtKey: the invoice (MgtKeyType and ItemKey; an
  invoice takes one document ID, so any row for it is the same work); SendEmail: the mail (MgtKeyType, document
  ID, receiver). What "done or may have been done before" is compared by (`leave_out`).
- `same_path(a, b)`: two spellings of one file (relative, absolute, through a link, in another case on Windows).

Document IDs and addresses are compared ignoring case and surrounding spaces, NTS numbers without their hyphens:
matching more rather than fewer is what keeps a request from going twice. Qt-free, no I/O but `same_path`'s.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..core.validation import clean

Key = tuple[str, ...]


def _norm(column: str, value: str) -> str:
    value = clean(value)
    if column == "mgt_key_type":
        return value.upper()
    if column in ("mgt_key", "receiver"):
        return value.casefold()
    if column == "nts_confirm_num":
        return value.replace("-", "")
    return value


def request_key(values: Mapping[str, str], columns: Sequence[str]) -> Key:
    """The request a row makes, by the file's `columns` (`BatchFile.columns`)."""
    return tuple(_norm(c, values.get(c, "")) for c in columns)


def target_key(operation: str, values: Mapping[str, str]) -> Key | None:
    """What the request acts on; None when the row does not say (an NTS row not resolved to an ItemKey)."""
    if operation == "assign_mgt_key":
        item_key = clean(values.get("item_key", ""))
        return (operation, _norm("mgt_key_type", values.get("mgt_key_type", "")), item_key) if item_key else None
    return (operation, *(_norm(c, values.get(c, "")) for c in ("mgt_key_type", "mgt_key", "receiver")))


def same_path(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file (compared as the system would open them)."""
    try:
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))
    except (OSError, ValueError):
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


@dataclass(frozen=True)
class Earlier:
    """One request done, or maybe done, before: from a call record of the history."""

    key: Key
    state: str  # "done", or "unknown" / "sending" (may have been carried out)
    batch_id: int | None  # the batch it was part of; None for a single call
    time: float  # POSIX seconds
    previous: bool = False  # part of the file's previous batch (abandoned, or resumed after an edit)


@dataclass(frozen=True)
class LeftOut:
    """A row a new batch does not send: what was done, or may have been, and where."""

    row: int
    done: bool  # False: its outcome is unknown (확인 필요)
    batch_id: int | None
    time: float
    previous: bool


def leave_out(
    operation: str, rows: Iterable[tuple[int, Mapping[str, str]]], earlier: Iterable[Earlier]
) -> dict[int, LeftOut]:
    """The rows (row number, values) whose request was done or may have been done before, by its target.
    Where several earlier calls match, "done" wins over "may have been", and then the latest."""
    best: dict[Key, Earlier] = {}
    for item in earlier:
        known = best.get(item.key)
        rank = (item.state == "done", item.time)
        if known is None or rank > (known.state == "done", known.time):
            best[item.key] = item
    found: dict[int, LeftOut] = {}
    for number, values in rows:
        key = target_key(operation, values)
        match = best.get(key) if key is not None else None
        if match is not None:
            found[number] = LeftOut(number, match.state == "done", match.batch_id, match.time, match.previous)
    return found
