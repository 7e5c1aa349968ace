"""Document IDs made from a pattern, for assigning many invoices at once ("INV-{date}-{n:03}").

A pattern is text with placeholders: `{date}` is the invoice's written date (20260115), `{n}` a number counting
the invoices from a first number (1, 2, 3…), `{n:03}` that number with at least three digits (001). Anything else
is copied as it is; `{{` and `}}` are a literal brace. The invoices are numbered oldest first (written date, then
ItemKey), so the same selection always gets the same IDs.

Each proposed ID is checked with the same rules as a typed one (`validation.check_mgt_key`) and against the
others: an ID proposed twice (ignoring case, as the batch reader compares them), an ID another invoice in the
list already has, and an invoice that already has our document ID are flagged, with the reason as a code the
faces put in words. Qt-free; no network.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Final

from .validation import Problem, check_mgt_key

if TYPE_CHECKING:
    from .invoices import Invoice

PLACEHOLDERS: Final = ("date", "n")
MAX_WIDTH: Final = 9
_WIDTH: Final = re.compile(r"0?([1-9])")


class PatternError(ValueError):
    """The pattern cannot be read: `kind` is "brace" (a { or } without its partner) or "unknown" (a
    placeholder other than {date} and {n}, or a format they do not take); `piece` is what was written."""

    def __init__(self, kind: str, piece: str = "") -> None:
        super().__init__(kind, piece)
        self.kind = kind
        self.piece = piece


@dataclass(frozen=True)
class _Field:
    name: str  # "date" or "n"
    width: int  # digits for n (0: as it is)


Piece = str | _Field


@dataclass(frozen=True)
class Pattern:
    """A pattern read once, rendered per invoice."""

    text: str
    pieces: tuple[Piece, ...]

    @property
    def numbered(self) -> bool:
        """True when it holds {n}: without it, every invoice of one day would get the same ID."""
        return any(isinstance(p, _Field) and p.name == "n" for p in self.pieces)

    @property
    def dated(self) -> bool:
        return any(isinstance(p, _Field) and p.name == "date" for p in self.pieces)

    def render(self, written: date | None, number: int) -> str:
        out = []
        for piece in self.pieces:
            if isinstance(piece, str):
                out.append(piece)
            elif piece.name == "date":
                out.append(f"{written:%Y%m%d}" if written is not None else "")
            else:
                out.append(str(number).zfill(piece.width))
        return "".join(out)


def parse_pattern(text: str) -> Pattern:
    """Read a pattern; PatternError when it cannot be."""
    pieces: list[Piece] = []
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise PatternError("brace") from None
    for literal, name, spec, conversion in parsed:
        if literal:
            pieces.append(literal)
        if name is None:
            continue
        written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        if conversion or name not in PLACEHOLDERS:
            raise PatternError("unknown", written)
        if name == "date":
            if spec:
                raise PatternError("unknown", written)
            pieces.append(_Field("date", 0))
            continue
        match = _WIDTH.fullmatch(spec or "")
        if spec and match is None:
            raise PatternError("unknown", written)
        pieces.append(_Field("n", int(match.group(1)) if match else 0))
    return Pattern(text, tuple(pieces))


class Flaw(str, Enum):
    """Why a proposed ID cannot be used, beyond the rules of a document ID itself."""

    HAS_MGT_KEY = "has_mgt_key"  # the invoice has our document ID already (AssignMgtKey would refuse it)
    DUPLICATE = "duplicate"  # another selected invoice gets the same ID
    TAKEN = "taken"  # another invoice in the list already has this ID
    NO_DATE = "no_date"  # {date} asked for, and the invoice has no written date


@dataclass(frozen=True)
class Proposal:
    """One invoice and the document ID the pattern gives it, with everything that stops it being assigned."""

    invoice: Invoice
    number: int
    mgt_key: str
    problems: tuple[Problem, ...]  # the rules of a document ID (length, characters)
    flaw: Flaw | None = None
    other: str = ""  # DUPLICATE: the ItemKey of the invoice that gets it first; TAKEN: the one that has it

    @property
    def ok(self) -> bool:
        return not self.problems and self.flaw is None


def oldest_first(invoices: Iterable[Invoice]) -> list[Invoice]:
    """The order invoices are numbered in: written date, then ItemKey (those without a date last)."""
    return sorted(invoices, key=lambda i: (i.write_date is None, i.write_date or date.min, i.item_key))


def propose(
    pattern: Pattern | str,
    invoices: Sequence[Invoice],
    *,
    first: int = 1,
    taken: Iterable[Invoice] = (),
) -> list[Proposal]:
    """A document ID for each invoice (numbered oldest first from `first`), each checked; `taken`: invoices
    whose document IDs may not be given again (the rest of the list). PatternError for an unreadable pattern."""
    if isinstance(pattern, str):
        pattern = parse_pattern(pattern)
    in_use: dict[tuple[str, str], str] = {}
    for invoice in taken:
        if invoice.mgt_key:
            in_use.setdefault((invoice.mgt_key_type, invoice.mgt_key.casefold()), invoice.item_key)
    proposals: list[Proposal] = []
    given: dict[tuple[str, str], str] = {}
    for offset, invoice in enumerate(oldest_first(invoices)):
        number = first + offset
        mgt_key = pattern.render(invoice.write_date, number)
        problems = tuple(check_mgt_key(mgt_key))
        key = (invoice.mgt_key_type, mgt_key.casefold())
        flaw: Flaw | None = None
        other = ""
        if invoice.has_mgt_key:
            flaw, other = Flaw.HAS_MGT_KEY, invoice.mgt_key
        elif pattern.dated and invoice.write_date is None:
            flaw = Flaw.NO_DATE
        elif key in in_use and in_use[key] != invoice.item_key:
            flaw, other = Flaw.TAKEN, in_use[key]
        elif key in given:
            flaw, other = Flaw.DUPLICATE, given[key]
        if mgt_key and not invoice.has_mgt_key:
            given.setdefault(key, invoice.item_key)
        proposals.append(Proposal(invoice, number, mgt_key, problems, flaw, other))
    return proposals
