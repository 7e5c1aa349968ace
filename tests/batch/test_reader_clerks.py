"""Batch files written the clerks' way: the window's own labels and common variants as headers, 매출/매입/위수탁 and
any case as types, a file made for the other operation named as such, and templates that read back."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from popbill_gui.batch import reader
from popbill_gui.batch.model import OPERATIONS, Operation
from popbill_gui.batch.reader import BatchFileError, read_batch
from popbill_gui.batch.template import template_header, write_template
from popbill_gui.core.messages import LANGS

ITEM = "241124150000000012"


def csv_file(path: Path, lines: Sequence[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "header",
    [
        "문서유형,문서번호,수신 이메일",  # the form's own label
        "유형,문서 번호,이메일",
        "문서유형,문서번호(MgtKey),받는 사람",  # the form's label with the POPBiLL name in parentheses
        "Type,Document ID (MgtKey),E-mail",
        "mgtkeytype,MGTKEY,Receiver e-mail",
        "Type,Document number,Email address",
    ],
)
def test_resend_headers_clerks_write_are_read(tmp_path: Path, header: str) -> None:
    batch = read_batch(csv_file(tmp_path / "a.csv", [header, "SELL,INV-1,a@example.com"]), "resend_email")
    assert batch.rows[0].values == {"mgt_key_type": "SELL", "mgt_key": "INV-1", "receiver": "a@example.com"}
    assert batch.rows[0].valid


@pytest.mark.parametrize("header", ["팝빌번호(ItemKey),문서유형,문서번호(MgtKey)", "Item Key,Type,Document ID"])
def test_assign_headers_clerks_write_are_read(tmp_path: Path, header: str) -> None:
    batch = read_batch(csv_file(tmp_path / "a.csv", [header, f"{ITEM},BUY,INV-1"]), "assign_mgt_key")
    assert batch.rows[0].values == {"item_key": ITEM, "mgt_key_type": "BUY", "mgt_key": "INV-1"}


def test_a_column_own_name_wins_over_an_alias_and_two_aliases_are_refused(tmp_path: Path) -> None:
    # 수신메일 is the column's own name; 이메일 beside it (say, the clerk's own address) is left alone.
    row = "me@example.com,SELL,INV-1,a@example.com"
    path = csv_file(tmp_path / "a.csv", ["이메일,문서유형,문서번호,수신메일", row])
    assert read_batch(path, "resend_email").rows[0].values["receiver"] == "a@example.com"
    path = csv_file(tmp_path / "b.csv", ["이메일,문서유형,문서번호,E-mail", row])
    with pytest.raises(BatchFileError) as refused:
        read_batch(path, "resend_email")
    assert refused.value.key == "batch.duplicate_column"
    assert "'이메일', 'E-mail'" in refused.value.describe("en")


def test_every_alias_names_one_column_only() -> None:
    seen: dict[str, str] = {}
    for column, names in (*reader.HEADER_ALIASES.items(), *reader.HEADER_NAMES.items()):
        for name in names:
            key = reader._loose(name)[0]
            assert seen.setdefault(key, column) == column, (name, seen[key], column)


@pytest.mark.parametrize(
    ("written", "sent"),
    [("매출", "SELL"), ("매입", "BUY"), ("위수탁", "TRUSTEE"), ("sell", "SELL"), ("Buy", "BUY"), ("trustee", "TRUSTEE"),
     ("매출 (SELL)", "SELL"), ("Consignment (TRUSTEE)", "TRUSTEE"), (" 매입 ", "BUY")],
)  # fmt: skip
def test_types_in_korean_and_any_case_are_taken(tmp_path: Path, written: str, sent: str) -> None:
    path = csv_file(tmp_path / "a.csv", ["문서유형,문서번호,수신메일", f"{written},INV-1,a@example.com"])
    row = read_batch(path, "resend_email").rows[0]
    assert row.valid and row.values["mgt_key_type"] == sent


def test_a_type_that_is_no_type_is_still_refused(tmp_path: Path) -> None:
    lines = ["문서유형,문서번호,수신메일", "매출입,INV-1,a@example.com", "SELLS,INV-2,b@x.kr"]
    path = csv_file(tmp_path / "a.csv", lines)
    rows = read_batch(path, "resend_email").rows
    assert [[p.key for p in row.problems] for row in rows] == [["mgt_key_type.invalid"]] * 2
    assert rows[0].values["mgt_key_type"] == "매출입"  # shown as written


def test_the_same_file_with_types_written_either_way_is_the_same_batch(tmp_path: Path) -> None:
    a = csv_file(tmp_path / "a.csv", ["문서유형,문서번호,수신메일", "매출,INV-1,a@example.com"])
    b = csv_file(tmp_path / "b.csv", ["MgtKeyType,MgtKey,Receiver", "SELL,INV-1,a@example.com"])
    assert read_batch(a, "resend_email").fingerprint() == read_batch(b, "resend_email").fingerprint()


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_file_for_the_other_operation_says_so(tmp_path: Path, operation: Operation) -> None:
    other = next(op for op in OPERATIONS if op != operation)
    header = ",".join(template_header(other, "ko"))
    values = f"{ITEM},SELL,INV-1" if other == "assign_mgt_key" else "SELL,INV-1,a@example.com"
    with pytest.raises(BatchFileError) as refused:
        read_batch(csv_file(tmp_path / "a.csv", [header, values]), operation)
    error = refused.value
    assert error.key == "batch.other_operation" and error.params["operation"] == other
    names = {"resend_email": ("이메일 재전송", "Resend email"), "assign_mgt_key": ("문서번호 할당", "Assign MgtKey")}
    assert names[other][0] in error.describe("ko") and names[other][1] in error.describe("en")
    assert names[operation][1] not in error.describe("en")


def test_a_file_missing_a_column_of_both_is_only_missing_a_column(tmp_path: Path) -> None:
    with pytest.raises(BatchFileError) as refused:
        read_batch(csv_file(tmp_path / "a.csv", ["문서유형,문서번호", "SELL,INV-1"]), "assign_mgt_key")
    assert refused.value.key == "batch.missing_columns"


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_template_reads_back_once_a_row_is_added(
    tmp_path: Path, operation: Operation, lang: str, suffix: str
) -> None:
    path = write_template(tmp_path / f"template{suffix}", operation, lang)  # type: ignore[arg-type]
    # Header only: the reader takes the header and says there is nothing to send yet.
    with pytest.raises(BatchFileError) as empty:
        read_batch(path, operation)
    assert empty.value.key == "batch.empty"
    row = {"resend_email": ["SELL", "INV-1", "a@example.com"], "assign_mgt_key": [ITEM, "SELL", "INV-1"]}[operation]
    if suffix == ".csv":
        path.write_text(path.read_text(encoding="utf-8-sig") + ",".join(row) + "\n", encoding="utf-8-sig")
    else:
        book = openpyxl.load_workbook(path)
        sheet = book.worksheets[0]
        assert [c.value for c in sheet[1]] == template_header(operation, lang)  # type: ignore[arg-type]
        assert all(sheet.column_dimensions[c].number_format == "@" for c in "ABC")  # typed ItemKeys stay text
        sheet.append(row)
        book.save(path)
    batch = read_batch(path, operation)
    assert [r.valid for r in batch.rows] == [True]
    expected = {"resend_email": ("MgtKeyType", "문서유형"), "assign_mgt_key": ("ItemKey", "팝빌번호")}[operation]
    assert template_header(operation, lang)[0] == expected[0 if lang == "en" else 1]  # type: ignore[arg-type]


def test_a_template_refuses_other_extensions(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=re.escape("template.txt")):
        write_template(tmp_path / "template.txt", "resend_email")


def test_an_nts_number_file_read_for_resend_names_assign(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "a.csv", ["국세청 승인번호,문서유형,문서번호", "20250312-41000089-00001234,매출,INV-1"])
    with pytest.raises(BatchFileError) as refused:
        read_batch(path, "resend_email")
    assert refused.value.key == "batch.other_operation" and refused.value.params["operation"] == "assign_mgt_key"
    assert "NTSConfirmNum/국세청승인번호" in refused.value.describe("ko")
    batch = read_batch(path, "assign_mgt_key")  # and the alias is read for what it is
    assert batch.rows[0].values["nts_confirm_num"] and batch.rows[0].values["mgt_key_type"] == "SELL"
