"""What a batch file is by its bytes, when it is not what its name says: protected by document-security (DRM)
software, an Office file encrypted with a password, an old .xls renamed, or no text at all.

Korean offices protect documents with DRM (Fasoo, MarkAny, SoftCamp): the file keeps its name and extension but its
bytes are an encrypted container, so Excel opens it (through the DRM client) and every other program sees noise.
Saying "damaged, save it again" sends the clerk in a circle (saving encrypts it again); saying "protected, export it
without protection" does not. The marks below are the containers' own first bytes where they are known (SoftCamp
"SCDS…", Fasoo "\\x9b DRMONE" and "<!-- FasooSecureContainer") and, for the others, the vendor's name near the
start; Office's own encryption (a password, or rights management) is an OLE2 compound file holding an
"EncryptedPackage" stream.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from .errors import BatchFileError

OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: .xls, .doc, an encrypted .xlsx
ZIP: Final = (b"PK\x03\x04", b"PK\x05\x06")  # an .xlsx is a zip archive
_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")
DRM_STARTS: Final = (b"SCDS", b"\x9b DRMONE", b"<!-- FasooSecureContainer")
DRM_WORDS: Final = (b"fasoo", b"markany", b"softcamp", b"drmone", b"documentsafer", b"document safer")
_HEAD: Final = 4096


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def protected_by_drm(head: bytes) -> bool:
    """The first bytes of a DRM container: a known start, or a DRM vendor's name within the first 4 KiB."""
    if head.startswith(DRM_STARTS):
        return True
    lowered = head[:_HEAD].lower()
    return any(word in lowered for word in DRM_WORDS)


def binary(head: bytes) -> bool:
    """Not text in any encoding the reader takes: NUL bytes without a UTF-16 byte-order mark."""
    return b"\0" in head[:_HEAD] and not head.startswith(_UTF16_BOMS)


def not_an_xlsx(path: Path, data: bytes) -> BatchFileError | None:
    """Why an ".xlsx" whose bytes are no zip archive cannot be read, when its bytes tell; None when they look like
    text (a CSV renamed, or a damaged file: the caller's "cannot read this Excel file")."""
    if data.startswith(ZIP):
        return None
    if protected_by_drm(data):
        return BatchFileError("batch.protected", {"name": path.name})
    if data.startswith(OLE2):
        return _compound(path, data)
    if binary(data):
        return BatchFileError("batch.maybe_protected", {"name": path.name})
    return None  # text, or nothing at all: a damaged file, or a CSV given the wrong name


def not_a_text(path: Path, data: bytes) -> BatchFileError | None:
    """Why a ".csv" or ".txt" is no text at all, when its bytes tell (checked before decoding: a DRM container may
    decode as CP949 noise); None for text."""
    if protected_by_drm(data):
        return BatchFileError("batch.protected", {"name": path.name})
    if data.startswith(OLE2):
        return _compound(path, data)
    if data.startswith(ZIP) or binary(data):
        return BatchFileError("batch.maybe_protected", {"name": path.name})
    return None


def _compound(path: Path, data: bytes) -> BatchFileError:
    """An OLE2 compound file: an Office file encrypted (by rights management or a password), or an old .xls."""
    params: dict[str, object] = {"name": path.name}
    if _utf16("EncryptedPackage") in data:
        # Rights management (IRM/AIP) keeps its licence in a "DRMEncrypted…" data space; a password does not.
        return BatchFileError("batch.protected" if _utf16("DRMEncrypted") in data else "batch.password", params)
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return BatchFileError("batch.xls", params)
    return BatchFileError("batch.maybe_protected", params)
