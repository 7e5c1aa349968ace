"""Files that are not what their name says (issue 21, "the right cause"): a file under Korean office DRM (SoftCamp,
Fasoo, MarkAny), an Office file encrypted with a password or by rights management, an old .xls, or no text at all
is named as such, never "encoding not recognised" or "damaged, save it again" (saving encrypts it again)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from popbill_gui.batch.reader import BatchFileError, read_batch

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NOISE = os.urandom(3000) + b"\0" * 16  # what an encrypted body looks like: bytes of no encoding


def utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def refusal(tmp_path: Path, name: str, content: bytes) -> BatchFileError:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BatchFileError) as caught:
        read_batch(path, "resend_email")
    error = caught.value
    assert name in error.describe("ko") and name in error.describe("en")
    return error


# The first bytes of each container as found in public code that detects them (SoftCamp Document Security:
# "SCDSA002"/"SCDSA004" then a header; Fasoo: "\x9b DRMONE" or an XML comment); MarkAny by its name in the header.
DRM_FILES = {
    "softcamp": b"SCDSA002\x00\x00\xf0\x06\x00\x00" + NOISE,
    "softcamp-4": b"SCDSA004\x00\x00\xf0\x06\x00\x00" + NOISE,
    "fasoo": b"\x9b DRMONE  \x00\x01" + NOISE,
    "fasoo-container": b"<!-- FasooSecureContainer -->\r\n" + NOISE,
    "markany": b"\x00\x00\x01\x00MarkAny Document SAFER v3\x00" + NOISE,
}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".txt"])
@pytest.mark.parametrize("kind", list(DRM_FILES))
def test_a_file_under_drm_is_named_protected(tmp_path: Path, kind: str, suffix: str) -> None:
    error = refusal(tmp_path, f"목록{suffix}", DRM_FILES[kind])
    assert error.key == "batch.protected"
    assert "DRM" in error.describe("ko") and "문서보안" in error.describe("ko")
    english = error.describe("en")
    assert "without protection" in english and "encoding" not in english and "damaged" not in english


def test_a_workbook_encrypted_with_a_password(tmp_path: Path) -> None:
    content = OLE2 + b"\0" * 504 + utf16("EncryptionInfo") + b"\0" * 64 + utf16("EncryptedPackage") + NOISE
    error = refusal(tmp_path, "암호.xlsx", content)
    assert error.key == "batch.password" and "Encrypt with Password" in error.describe("en")


def test_a_workbook_under_rights_management(tmp_path: Path) -> None:
    content = OLE2 + b"\0" * 504 + utf16("\x06DataSpaces") + utf16("DRMEncryptedDataSpace") + utf16("EncryptedPackage")
    assert refusal(tmp_path, "irm.xlsx", content + NOISE).key == "batch.protected"


def test_an_old_xls_given_another_name(tmp_path: Path) -> None:
    content = OLE2 + b"\0" * 504 + utf16("Workbook") + NOISE
    for name in ("old.xlsx", "old.csv"):
        error = refusal(tmp_path, name, content)
        assert error.key == "batch.xls" and "Excel Workbook (*.xlsx)" in error.describe("en")


def test_an_xls_is_answered_at_once(tmp_path: Path) -> None:
    """By its name, before anything is read (the window says it the moment a .xls is dropped)."""
    with pytest.raises(BatchFileError) as caught:
        read_batch(tmp_path / "not even there.XLS", "resend_email")
    assert caught.value.key == "batch.xls" and "다른 이름으로 저장" in caught.value.describe("ko")


@pytest.mark.parametrize("name", ["noise.xlsx", "noise.csv"])
def test_bytes_that_are_no_text_and_no_workbook(tmp_path: Path, name: str) -> None:
    error = refusal(tmp_path, name, b"\x01\x02garbled" + NOISE)
    assert error.key == "batch.maybe_protected"
    assert "neither an Excel file nor a CSV file" in error.describe("en")


def test_text_or_nothing_named_xlsx_is_still_a_damaged_workbook(tmp_path: Path) -> None:
    assert refusal(tmp_path, "csv.xlsx", b"MgtKeyType,MgtKey,Receiver\n").key == "batch.bad_xlsx"
    assert refusal(tmp_path, "empty.xlsx", b"").key == "batch.bad_xlsx"


def test_a_cp949_csv_is_still_read(tmp_path: Path) -> None:
    """No false alarm: Korean text in CP949 has no NUL and no DRM mark."""
    path = tmp_path / "목록.csv"
    path.write_bytes("문서유형,문서번호,수신메일\n매출,INV-1,a@example.com\n".encode("cp949"))
    assert read_batch(path, "resend_email").rows[0].valid
