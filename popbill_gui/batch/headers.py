"""A batch file's header row as Korean offices write it: which column is which, the clerk's own columns, what to
assume, and what to suggest when a column is missing.

Columns are named by POPBiLL's names or ours (HEADER_NAMES), or by the window's labels and common variants
(HEADER_ALIASES), compared without case, spaces, dots, dashes and underscores, whole or either side of a parenthesis
("문서번호(MgtKey)"); a column's own name wins over an alias. A resend file without a type column is read as 매출
(SELL), and says so. Every other column with a header is the clerk's own (거래처명, 비고, …): kept, in its order, and
written beside ours in the results. A header that comes close to a missing column's name is offered in the refusal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ..core.messages import Lang
from .errors import BatchFileError
from .export import HEADERS as RESULT_HEADERS
from .model import COLUMNS, NTS_COLUMNS, OPERATIONS, Operation

# Canonical column → its header names (English, Korean), as the messages name them.
HEADER_NAMES: Final[dict[str, tuple[str, str]]] = {
    "mgt_key_type": ("MgtKeyType", "문서유형"),
    "mgt_key": ("MgtKey", "문서번호"),
    "receiver": ("Receiver", "수신메일"),
    "item_key": ("ItemKey", "팝빌번호"),
    "nts_confirm_num": ("NTSConfirmNum", "국세청승인번호"),  # assign files: instead of ItemKey
}
# What we write and say (templates, results, sentences): English in words, as the window's labels; both read back.
HEADER_WORDS: Final[dict[str, tuple[str, str]]] = {
    "mgt_key_type": ("Type", "문서유형"),
    "mgt_key": ("Document ID", "문서번호"),
    "receiver": ("E-mail", "수신메일"),
    "item_key": ("POPBiLL number", "팝빌번호"),
    "nts_confirm_num": ("NTS confirmation number", "국세청승인번호"),
}
_ALIASES: Final[dict[str, str]] = {name.casefold(): column for column, names in HEADER_NAMES.items() for name in names}
# Other ways clerks head a column: the window's own labels and common variants. Compared without case, spaces, dots,
# dashes and underscores, whole or either side of a parenthesis ("문서번호(MgtKey)"); a name above always wins.
HEADER_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "mgt_key_type": (
        "문서유형", "문서 유형", "유형", "세금계산서 유형", "구분", "매출/매입", "매출구분", "매출 매입 구분",
        "Type", "Invoice type", "MgtKey type",
    ),
    "mgt_key": ("문서번호", "문서 번호", "문서관리번호", "관리번호", "Document ID", "Document number", "Mgt Key"),
    "receiver": (
        "수신메일", "수신 이메일", "수신 메일", "수신자 이메일", "수신자", "이메일", "이메일 주소", "메일 주소",
        "받는 사람", "받는 사람 이메일", "E-mail", "Email address", "Mail", "Receiver e-mail", "Receiver address",
    ),
    "item_key": ("팝빌번호", "팝빌 번호", "POPBiLL number", "Item Key", "POPBiLL ItemKey"),
    "nts_confirm_num": ("국세청 승인번호", "승인번호", "NTS confirmation number", "NTS number", "NTS Confirm Num"),
}  # fmt: skip
# MgtKeyType values written the clerks' way (any case; "매출 (SELL)" as the window shows it; the words the results
# files write in either language).
TYPE_ALIASES: Final[dict[str, str]] = {
    "sell": "SELL", "매출": "SELL", "sales": "SELL",
    "buy": "BUY", "매입": "BUY", "purchase": "BUY", "purchases": "BUY",
    "trustee": "TRUSTEE", "위수탁": "TRUSTEE", "consignment": "TRUSTEE", "consigned": "TRUSTEE",
}  # fmt: skip
_TYPES: Final = frozenset(TYPE_ALIASES.values())
ASSUMED_TYPE: Final = "SELL"  # a resend file without a type column: 매출, as most resends are
# The columns each operation cannot do without (a resend file's type may be assumed).
_REQUIRED: Final[dict[Operation, tuple[str, ...]]] = {
    "resend_email": ("mgt_key", "receiver"),
    "assign_mgt_key": COLUMNS["assign_mgt_key"],
}
_CLOSE_ENOUGH: Final = 0.6  # difflib's ratio from which a header is offered as meaning a column's name


def loose(text: str) -> list[str]:
    """`text` compared loosely: whole, then before and inside a parenthesis; no case, spaces, . - _ or :."""

    def squeeze(part: str) -> str:
        return "".join(c for c in part.casefold() if not c.isspace() and c not in ".-_:")

    whole = squeeze(text)
    head, _, rest = text.partition("(")
    return [whole, squeeze(head), squeeze(rest.partition(")")[0])] if rest else [whole]


_LOOSE_ALIASES: Final[dict[str, str]] = {
    key: column for column, names in HEADER_ALIASES.items() for name in names for key in loose(name)[:1]
} | {key: column for column, names in HEADER_NAMES.items() for name in names for key in loose(name)[:1]}


def type_value(value: str) -> str:
    """A MgtKeyType as written in a file, as POPBiLL names it when it is one of the clerks' ways ("매출" → "SELL");
    anything else unchanged (the rules then name it)."""
    if value in _TYPES:  # as POPBiLL names it already: most rows of most files
        return value
    return next((TYPE_ALIASES[key] for key in loose(value) if key in TYPE_ALIASES), value)


def header_text(value: object) -> str:
    """A header cell as text: trimmed, without a byte-order mark or zero-width space."""
    return ("" if value is None else str(value)).strip().strip("\ufeff\u200b").strip()


def column_name(column: str, lang: Lang = "ko") -> str:
    """A column as its header is written in `lang` (mgt_key → 문서번호 / Document ID); anything else as it is."""
    names = HEADER_WORDS.get(column)
    return column if names is None else names[0 if lang == "en" else 1]



@dataclass(frozen=True)
class Header:
    """What a header row says: each column's index, how an assign file names its invoices, what is assumed, and
    the clerk's own columns (index, header as written), in their order."""

    columns: dict[str, int]
    by_nts: bool = False
    type_assumed: bool = False
    extras: tuple[tuple[int, str], ...] = ()

    def wanted(self, operation: Operation) -> tuple[str, ...]:
        return NTS_COLUMNS if self.by_nts else COLUMNS[operation]


def _column(text: str) -> tuple[str, int] | None:
    """The canonical column a header names and how surely: 0 by one of HEADER_NAMES, 1 by an alias."""
    column = _ALIASES.get(text.casefold())
    if column is not None:
        return column, 0
    return next(((_LOOSE_ALIASES[key], 1) for key in loose(text) if key in _LOOSE_ALIASES), None)


def read_header(cells: Sequence[object], operation: Operation) -> Header:
    """The header row's columns; refuses a column named twice, a missing one (offering headers that come close), or
    both ways of naming the invoice, and says so when the columns are those of the other operation."""
    texts = [header_text(cell) for cell in cells]
    found: dict[str, int] = {}
    headers: dict[str, list[str]] = {}
    ranks: dict[str, int] = {}
    for index, text in enumerate(texts):
        named = _column(text) if text else None
        if named is None:
            continue  # an empty header or the clerk's own column
        column, rank = named
        if rank > ranks.get(column, rank):
            continue  # an alias where the column's own name is in the header too
        if rank < ranks.get(column, rank):  # the column's own name after an alias: the alias is dropped
            del headers[column], found[column]
        ranks[column] = rank
        headers.setdefault(column, []).append(text)
        found.setdefault(column, index)
    for column, names in headers.items():
        if len(names) > 1:
            raise BatchFileError(
                "batch.duplicate_column",
                {"column_key": column, "headers": ", ".join(repr(n) for n in names)},
            )
    by_nts = operation == "assign_mgt_key" and "nts_confirm_num" in found
    if by_nts and "item_key" in found:
        # Two answers to "which invoice?" that may disagree: the file must choose one.
        params: dict[str, object] = {"item_key": headers["item_key"][0], "nts": headers["nts_confirm_num"][0]}
        raise BatchFileError("batch.both_id_columns", params)
    required = NTS_COLUMNS if by_nts else _REQUIRED[operation]
    missing = [column for column in required if column not in found]
    if missing:
        _refuse_missing(operation, found, missing, texts)
    type_assumed = operation == "resend_email" and "mgt_key_type" not in found
    wanted = NTS_COLUMNS if by_nts else COLUMNS[operation]
    used = {found[column] for column in wanted if column in found}
    extras = tuple((index, text) for index, text in enumerate(texts) if text and index not in used)
    return Header(found, by_nts, type_assumed, _without_our_results(extras))


def _refuse_missing(operation: Operation, found: dict[str, int], missing: list[str], texts: list[str]) -> None:
    other = next(op for op in OPERATIONS if op != operation)
    ways = (_REQUIRED[other], NTS_COLUMNS) if other == "assign_mgt_key" else (_REQUIRED[other],)
    fits = next((way for way in ways if all(column in found for column in way)), None)
    if fits is not None:
        shown = [c for c in (NTS_COLUMNS if fits is NTS_COLUMNS else COLUMNS[other]) if c in found]
        columns = ", ".join(texts[found[c]] for c in shown)  # as the file heads them: the clerk's own words
        raise BatchFileError("batch.other_operation", {"columns": columns, "operation": other, "missing": missing})
    also: list[str] = ["batch.nts_instead"] if "item_key" in missing else []
    params: dict[str, object] = {"column_keys": missing, "missing": missing}
    named = set(found.values())
    unknown = [text for index, text in enumerate(texts) if text and index not in named]
    guesses = closest(unknown, missing)
    if guesses:
        also.append("batch.header_closest")
        params["guesses"] = ", ".join(f"'{text}' → '{name}'" for text, name in guesses)
    elif unknown:
        also.append("batch.headers_found")
        params["headers"] = ", ".join(f"'{text}'" for text in [t for t in texts if t][:8])
    raise BatchFileError("batch.missing_columns", params, also=also)


def closest(unknown: Sequence[str], missing: Sequence[str]) -> list[tuple[str, str]]:
    """Each unknown header that comes close to a name of a missing column, with that name (difflib's ratio)."""
    import difflib  # here: only a file that lacks a column gets this far

    # The column's own names last, so they are offered where an alias compares the same ("수신 메일").
    names = {loose(name)[0]: name for column in missing for name in (*HEADER_ALIASES[column], *HEADER_NAMES[column])}
    guesses: list[tuple[str, str]] = []
    for text in unknown:
        match = difflib.get_close_matches(loose(text)[0], list(names), n=1, cutoff=_CLOSE_ENOUGH)
        if match:
            guesses.append((text, names[match[0]]))
    return guesses[:5]


# A results file read back in: its row, state, code and message columns are ours, not the clerk's.
_RESULTS_OWN: Final = ("row", "state", "code", "message")


def _without_our_results(extras: tuple[tuple[int, str], ...]) -> tuple[tuple[int, str], ...]:
    by_lang = [{RESULT_HEADERS[c][lang].casefold() for c in _RESULTS_OWN} for lang in (0, 1)]
    names = {text.casefold() for _, text in extras}
    ours = next((own for own in by_lang if own <= names), None)
    if ours is None:
        return extras
    return tuple((index, text) for index, text in extras if text.casefold() not in ours)
