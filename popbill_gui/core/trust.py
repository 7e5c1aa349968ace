"""Which certificates the client trusts: the operating system's store, plus a company CA file if one is named.

The store is the one the rest of the computer uses (truststore, as pip does): the Windows certificate store,
the macOS Keychain, the system's CA files on Linux. So a company whose TLS-inspecting firewall has its root
certificate installed by IT works with no setting at all, on and off the company network. A CA file
(POPBILL_CA_BUNDLE, or Settings → Advanced) *adds* to that store; it never replaces it. Verification is never
switched off.

A CA file may be PEM (one or more "BEGIN CERTIFICATE" blocks, as IT usually hands out) or DER (what the
Windows certificate export wizard writes by default as .cer), with surrounding quotes as "Copy as path"
gives them.
"""

from __future__ import annotations

import os
import re
import ssl
from pathlib import Path

from .messages import Lang, text
from .validation import Problem

MAX_CA_FILE = 5 * 1024 * 1024  # bytes: a bundle of every public root is about 250 KB
_PEM_CERT = re.compile(rb"-----BEGIN CERTIFICATE-----\s.+?-----END CERTIFICATE-----", re.DOTALL)


class CaFileError(ValueError):
    """A CA file that cannot be used; `key` is the message key, `path` the file as named."""

    def __init__(self, key: str, path: str) -> None:
        super().__init__(f"{key}: {path}")
        self.key = key
        self.path = path

    def describe(self, lang: Lang = "ko") -> str:
        return text(self.key, lang, path=self.path)


def clean_ca_path(raw: str) -> str:
    """The path as typed or pasted, without surrounding white space or quotes ("Copy as path"), ~ expanded."""
    value = raw.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    return os.path.expanduser(value) if value.startswith("~") else value


def read_ca_file(raw: str) -> str | bytes:
    """The certificates of a CA file, for SSLContext.load_verify_locations(cadata=...), not yet checked by OpenSSL.

    PEM blocks are returned as text (a byte-order mark, CRLF or text around them do not matter), anything else
    as bytes (DER). Raises CaFileError for a missing, unreadable or oversized file; `load_ca_file` also
    refuses one that holds no certificate.
    """
    path = clean_ca_path(raw)
    if not path:
        raise CaFileError("ca_file.missing", raw)
    file = Path(path)
    try:
        if file.is_dir():
            raise CaFileError("ca_file.folder", path)
        if not file.is_file():
            raise CaFileError("ca_file.missing", path)
        if file.stat().st_size > MAX_CA_FILE:
            raise CaFileError("ca_file.not_certificates", path)
        data = file.read_bytes()
    except OSError:
        raise CaFileError("ca_file.unreadable", path) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode" (UTF-16)
        data = data.decode("utf-16", "replace").encode("ascii", "replace")
    blocks = _PEM_CERT.findall(data)
    return b"\n".join(blocks).decode("ascii", "replace") + "\n" if blocks else data


def load_ca_file(context: ssl.SSLContext, raw: str) -> None:
    """Add the certificates of a CA file to `context`; CaFileError if there are none or the file is unusable."""
    cadata = read_ca_file(raw)
    try:
        # PEM text holds at least one block here; DER bytes that are not a certificate fail to load.
        context.load_verify_locations(cadata=cadata)
    except (ssl.SSLError, ValueError):
        raise CaFileError("ca_file.not_certificates", clean_ca_path(raw)) from None


def check_ca_file(raw: str, field_name: str = "ca_bundle") -> list[Problem]:
    """Why this CA file cannot be used, as a field's problem (none when it can, or when none is named)."""
    if not raw.strip():
        return []
    try:
        load_ca_file(ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT), raw)
    except CaFileError as exc:
        return [Problem(field_name, exc.key, {"path": exc.path})]
    return []


def ca_file_problem(raw: str, lang: Lang = "ko") -> str | None:
    """One sentence saying why this CA file cannot be used, or None when it can (or none is named).

    Qt-free, for the settings dialog to say it at once; the same check runs when settings are resolved.
    """
    problems = check_ca_file(raw)
    return problems[0].describe(lang) if problems else None


def system_context() -> ssl.SSLContext:
    """A client SSLContext on the operating system's store (add CA files to it with `load_ca_file`)."""
    import truststore  # imported here: the window's start-up does not need it

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def is_system_bundle(raw: str) -> bool:
    """Whether this file is the system's own CA bundle (REQUESTS_CA_BUNDLE is often set to it): nothing to add."""
    defaults = ssl.get_default_verify_paths()
    path = clean_ca_path(raw)
    for known in {defaults.cafile, defaults.openssl_cafile}:
        try:
            if known and os.path.samefile(path, known):
                return True
        except OSError:
            continue
    return False
