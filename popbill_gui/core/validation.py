"""Input rules of docs/PROTOCOL.md, "Input rules" as pure functions that return every problem found.

Shared by the window (live checks), the command line and the batch runner, and applied again by the
client so that nothing failing them is ever sent. Values are trimmed of surrounding white space and
otherwise left exactly as typed: no silent upper-casing, no character replacement.
"""

from __future__ import annotations

import base64
import binascii
import functools
import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from typing import Final

from .messages import Lang, text

MGT_KEY_TYPES: Final = ("SELL", "BUY", "TRUSTEE")
# Which date a search period is about, and the API's DType for it (core/invoices.py; here for popbill-cli's parser,
# which then does not load the search's modules at every start).
DATE_KINDS: Final = {"written": "W", "registered": "R", "issued": "I"}
MGT_KEY_MAX: Final = 24
ITEM_KEY_LEN: Final = 18
USER_ID_MAX: Final = 50
CORP_NUM_LEN: Final = 10
NTS_CONFIRM_NUM_LEN: Final = 24

# Everything that goes into a URL path must match this (and is percent-quoted anyway).
PATH_SAFE: Final = re.compile(r"[A-Za-z0-9_-]+")
_MGT_KEY_ALLOWED: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CORP_WEIGHTS: Final = (1, 3, 7, 1, 3, 7, 1, 3, 5)
# LinkIDs and tokens travel in the Authorization header: printable ASCII without spaces only.
HEADER_WORD: Final = re.compile(r"[\x21-\x7e]+")


@dataclass(frozen=True)
class Problem:
    """One broken rule: which field, a message key from `messages.CATALOG`, and values for the message."""

    field: str
    key: str
    params: dict[str, object] = dataclass_field(default_factory=dict, compare=False, hash=False)

    def describe(self, lang: Lang = "ko") -> str:
        # `detail`: a more precise sentence of the same kind (which part of an address is wrong); the key stays.
        detail = self.params.get("detail")
        return text(str(detail) if detail else self.key, lang, **self.params)


def clean(value: str | None) -> str:
    """The value as it will be used: surrounding white space trimmed, nothing else changed."""
    return (value or "").strip()


def _shown(chars: list[str]) -> str:
    # repr() makes invisible characters (a tab, a zero-width space) visible in the message.
    unique = list(dict.fromkeys(chars))
    return " ".join(c if c.isprintable() and not c.isspace() else repr(c) for c in unique[:10])


def check_mgt_key_type(value: str | None, field_name: str = "mgt_key_type") -> list[Problem]:
    if clean(value) in MGT_KEY_TYPES:
        return []
    return [Problem(field_name, "mgt_key_type.invalid")]


def check_mgt_key(value: str | None, field_name: str = "mgt_key") -> list[Problem]:
    key = clean(value)
    if not key:
        return [Problem(field_name, "mgt_key.required")]
    problems = []
    if len(key) > MGT_KEY_MAX:
        problems.append(Problem(field_name, "mgt_key.too_long", {"length": len(key)}))
    bad = [c for c in key if c not in _MGT_KEY_ALLOWED]
    if bad:
        problems.append(Problem(field_name, "mgt_key.bad_chars", {"chars": _shown(bad)}))
    return problems


def check_item_key(value: str | None, field_name: str = "item_key") -> list[Problem]:
    key = clean(value)
    if not key:
        return [Problem(field_name, "item_key.required")]
    problems = []
    # str.isdigit() accepts other scripts' digits (e.g. '١'); only ASCII digits are POPBiLL's.
    bad = [c for c in key if c not in "0123456789"]
    if bad:
        problems.append(Problem(field_name, "item_key.not_digits", {"chars": _shown(bad)}))
    if len(key) != ITEM_KEY_LEN:
        problems.append(Problem(field_name, "item_key.length", {"length": len(key)}))
    return problems


def check_receiver(value: str | None, field_name: str = "receiver") -> list[Problem]:
    address = clean(value)
    if not address:
        return [Problem(field_name, "receiver.required")]
    if is_plain_address(address):
        return []  # what nearly every file holds, valid by email-validator's rules without asking it
    shape = _receiver_shape(address)
    if shape is not None:
        detail, params = shape
        reason = text(detail, "en", **params)
        return [Problem(field_name, "receiver.invalid", {"detail": detail, **params, "reason": reason})]
    verdict = _library_verdict(address)
    if verdict is not None:
        return [Problem(field_name, "receiver.invalid", {"reason": verdict})]
    return []


@functools.lru_cache(maxsize=8192)
def _library_verdict(address: str) -> str | None:
    """email-validator's reason an address is not valid (None: it is), remembered: the library takes about 0.1 ms
    an address, most of a 100,000-row file's checking, and a batch names the same partners' addresses on many rows."""
    # Imported on first use: it compiles large regular expressions, which the window's start-up need not wait for.
    from email_validator import EmailNotValidError, validate_email

    try:
        # Syntax only: a DNS look-up would be slow, fail offline and say nothing about the mailbox.
        validate_email(address, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None


# The plain address: a dot-atom of ASCII atext, one '@', and host-name labels of ASCII letters, digits and inner
# hyphens (no "--" anywhere, so no Punycode and none of IDNA's hyphen rules), at least two of them, the last ending
# in a letter. Every address of this shape whose lengths are within the limits and whose domain is not a special-use
# name is valid by email-validator's rules (syntax.py: split_email, validate_email_local_part with a DOT_ATOM_TEXT
# local part, validate_email_domain_name for an ASCII host name, validate_email_length); tests/core/
# test_address_fast_path.py checks the two verdicts against each other.
_ATEXT: Final = r"A-Za-z0-9!#$%&'*+/=?^_`{|}~-"
_PLAIN_ADDRESS: Final = re.compile(
    rf"[{_ATEXT}]+(?:\.[{_ATEXT}]+)*@(?!.*--)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{{0,61}}[A-Za-z0-9])?\.)+"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?<=[A-Za-z])"
)
EMAIL_MAX_LENGTH: Final = 254  # email-validator's: the whole address
DOMAIN_MAX_LENGTH: Final = 253  # email-validator's: after the '@'
# email-validator's SPECIAL_USE_DOMAIN_NAMES (test_environment off): never a deliverable domain. A test keeps the
# two lists equal, so a new version of the library that changes its list is noticed.
SPECIAL_USE_DOMAINS: Final = ("arpa", "invalid", "local", "localhost", "onion", "test")


def is_plain_address(address: str) -> bool:
    """True when `address` (already trimmed) is a plain ASCII address that email-validator accepts; False means
    "ask email-validator" (an IDN domain, a quoted local part, an odd or invalid address), not "invalid"."""
    if len(address) > EMAIL_MAX_LENGTH or _PLAIN_ADDRESS.fullmatch(address) is None:
        return False
    domain = address[address.index("@") + 1 :].lower()
    if len(domain) > DOMAIN_MAX_LENGTH:
        return False
    tld = domain[domain.rindex(".") + 1 :]
    if tld in SPECIAL_USE_DOMAINS:
        return False
    return not any(domain.endswith("." + name) for name in SPECIAL_USE_DOMAINS if "." in name)


# What may stand before the '@' (RFC 5322's atext and the dot) and, in ASCII, after it (IDN domains are left to the
# library, which converts them).
_LOCAL_CHARS: Final = frozenset(_MGT_KEY_ALLOWED | set("!#$%&'*+/=?^`{|}~."))
_DOMAIN_CHARS: Final = frozenset(_MGT_KEY_ALLOWED - {"_"} | {"."})


def _receiver_shape(address: str) -> tuple[str, dict[str, object]] | None:
    """The usual mistakes in an address, said in our words (message key and values), before the e-mail library
    judges the rest: it explains only in English."""
    if _CONTROL.search(address):
        return "receiver.control", {}
    if any(c.isspace() for c in address):
        return "receiver.spaces", {}
    count = address.count("@")
    if count == 0:
        # A Korean input method in full-width mode types ＠, which looks like the one it means.
        return ("receiver.bad_chars", {"chars": "＠"}) if "＠" in address else ("receiver.no_at", {})
    if count > 1:
        return "receiver.many_at", {"count": count}
    local, domain = address.split("@")
    if not local:
        return "receiver.no_local", {}
    if not domain:
        return "receiver.no_domain", {}
    if not local.isascii():
        return "receiver.non_ascii", {"chars": _shown([c for c in local if not c.isascii()])}
    bad = [c for c in local if c not in _LOCAL_CHARS] + [c for c in domain if c.isascii() and c not in _DOMAIN_CHARS]
    if bad:
        return "receiver.bad_chars", {"chars": _shown(bad)}
    if ".." in address or any(part.startswith(".") or part.endswith(".") for part in (local, domain)):
        return "receiver.dots", {}
    if "." not in domain:
        return "receiver.domain_dot", {}
    return None


def check_user_id(value: str | None, field_name: str = "user_id") -> list[Problem]:
    """An optional POPBiLL user ID; it travels in a header, so control characters are refused."""
    user_id = clean(value)
    if not user_id:
        return []
    problems = []
    if _CONTROL.search(user_id):
        problems.append(Problem(field_name, "user_id.control"))
    elif not user_id.isascii() or not user_id.isprintable():
        problems.append(Problem(field_name, "user_id.not_ascii"))
    if len(user_id) > USER_ID_MAX:
        problems.append(Problem(field_name, "user_id.too_long"))
    return problems


@dataclass(frozen=True)
class CorpNumCheck:
    """A CorpNum as it will be used (dashes removed), what blocks it, and what is only a warning."""

    value: str
    problems: list[Problem]
    warnings: list[Problem]


def corp_num_checksum_ok(digits: str) -> bool:
    """The check digit rule of the Korean business registration number (docs/PROTOCOL.md, "Input rules")."""
    nums = [int(c) for c in digits]
    total = sum(n * w for n, w in zip(nums[:9], _CORP_WEIGHTS, strict=True))
    total += (nums[8] * 5) // 10
    return (10 - total % 10) % 10 == nums[9]


def check_corp_num(value: str | None, field_name: str = "corp_num") -> CorpNumCheck:
    digits = clean(value).replace("-", "")
    if not digits:
        return CorpNumCheck(digits, [Problem(field_name, "corp_num.required")], [])
    if len(digits) != CORP_NUM_LEN or any(c not in "0123456789" for c in digits):
        return CorpNumCheck(digits, [Problem(field_name, "corp_num.format")], [])
    # A failed check digit only warns: the vendor's own test examples use 1234567890.
    warnings = [] if corp_num_checksum_ok(digits) else [Problem(field_name, "corp_num.checksum")]
    return CorpNumCheck(digits, [], warnings)


def check_link_id(value: str | None, field_name: str = "link_id") -> list[Problem]:
    link_id = clean(value)
    if not link_id:
        return [Problem(field_name, "link_id.required")]
    return [] if HEADER_WORD.fullmatch(link_id) else [Problem(field_name, "link_id.invalid")]


def secret_key_bytes(value: str | None) -> bytes:
    """The SecretKey's bytes (base64-decoded), or b"" when it is not usable."""
    try:
        return base64.b64decode(clean(value), validate=True)
    except (binascii.Error, ValueError):
        return b""


SECRET_KEY_BYTES: Final = 32  # a SecretKey as POPBiLL issues it: 32 bytes, written as 44 characters of base64
SECRET_KEY_TEXT: Final = 44
# The vendor documents a SecretKey only as base64 text; every key seen is 32 bytes, but a key of another length that
# is still a real HMAC key (16 bytes and more) is taken, so a clerk is never locked out by our guess.
SECRET_KEY_MIN_BYTES: Final = 16


def check_secret_key(value: str | None, field_name: str = "secret_key") -> list[Problem]:
    """A SecretKey is base64 text of 32 bytes as POPBiLL issues it (16 or more taken); the problem never repeats the
    value.

    Clerks have a POPBiLL login and password, and type the password here: anything clearly shorter than a key
    ("abcd1234" is valid base64 too) is said to look like a password, once; a long value that is not a key as
    POPBiLL writes them is said to be not one (a part of it copied, or something else pasted)."""
    cleaned = clean(value)
    if not cleaned:
        return [Problem(field_name, "secret_key.required")]
    if len(secret_key_bytes(cleaned)) >= SECRET_KEY_MIN_BYTES:
        return []
    if len(cleaned) < SECRET_KEY_TEXT - 4:
        return [Problem(field_name, "secret_key.password")]
    return [Problem(field_name, "secret_key.invalid")]


def check_token(value: str | None, field_name: str = "token") -> list[Problem]:
    """A pasted session token: one word of printable ASCII (it travels in a header)."""
    return [] if HEADER_WORD.fullmatch(clean(value)) else [Problem(field_name, "token.invalid")]


@dataclass(frozen=True)
class NtsCheck:
    """An NTS confirmation number as it will be used (24 digits, hyphens removed) and what blocks it."""

    value: str
    problems: list[Problem]

    @property
    def issue_date(self) -> date | None:
        """The date its first eight digits name (the day of issue), when the number is valid."""
        return None if self.problems else _nts_date(self.value)


def _nts_date(digits: str) -> date | None:
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def check_nts_confirm_num(value: str | None, field_name: str = "nts_confirm_num") -> NtsCheck:
    """국세청승인번호: 24 digits, typed with or without hyphens (yyyyMMdd-XXXXXXXX-XXXXXXXX); the first eight
    are the date of issue. Hyphens are removed wherever they are; nothing else is changed."""
    typed = clean(value)
    digits = typed.replace("-", "")
    if not digits:
        return NtsCheck(digits, [Problem(field_name, "nts.required")])
    bad = [c for c in digits if c not in "0123456789"]
    if bad:
        return NtsCheck(digits, [Problem(field_name, "nts.bad_chars", {"chars": _shown(bad)})])
    if len(digits) != NTS_CONFIRM_NUM_LEN:
        return NtsCheck(digits, [Problem(field_name, "nts.length", {"length": len(digits)})])
    if _nts_date(digits) is None or digits[:2] not in ("19", "20"):
        return NtsCheck(digits, [Problem(field_name, "nts.date", {"date": digits[:8]})])
    return NtsCheck(digits, [])


def format_nts_confirm_num(digits: str) -> str:
    """24 digits as staff see them on Hometax: yyyyMMdd-XXXXXXXX-XXXXXXXX (other text is returned as is)."""
    if len(digits) != NTS_CONFIRM_NUM_LEN or not digits.isascii() or not digits.isdigit():
        return digits
    return f"{digits[:8]}-{digits[8:16]}-{digits[16:]}"


def check_resend(mgt_key_type: str | None, mgt_key: str | None, receiver: str | None) -> list[Problem]:
    """Every problem of a SendEmail request."""
    return check_mgt_key_type(mgt_key_type) + check_mgt_key(mgt_key) + check_receiver(receiver)


def check_assign(item_key: str | None, mgt_key_type: str | None, mgt_key: str | None) -> list[Problem]:
    """Every problem of an AssignMgtKey request."""
    return check_item_key(item_key) + check_mgt_key_type(mgt_key_type) + check_mgt_key(mgt_key)


def is_path_safe(value: str) -> bool:
    return PATH_SAFE.fullmatch(value) is not None
