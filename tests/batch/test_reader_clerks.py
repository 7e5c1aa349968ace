"""Batch files written the clerks' way: the window's own labels and common variants as headers (구분, 매출/매입),
매출/매입/위수탁 and any case as types, a resend file without a type column read as 매출, a header that comes close
offered, the clerk's own columns kept for the results, a file made for the other operation named as such, and
templates that read back."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from popbill_gui.batch import headers
from popbill_gui.batch.export import result_table
from popbill_gui.batch.model import OPERATIONS, Operation, RowOutcome, RowState
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
    for column, names in (*headers.HEADER_ALIASES.items(), *headers.HEADER_NAMES.items()):
        for name in names:
            key = headers.loose(name)[0]
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
    assert f"({', '.join(template_header(other, 'ko'))})" in error.describe("en")  # the file's own headers
    assert "ItemKey" not in error.describe("ko") and "MgtKeyType" not in error.describe("ko")


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
    expected = {"resend_email": ("Type", "문서유형"), "assign_mgt_key": ("POPBiLL number", "팝빌번호")}[operation]
    assert template_header(operation, lang)[0] == expected[0 if lang == "en" else 1]  # type: ignore[arg-type]


def test_a_template_refuses_other_extensions(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=re.escape("template.txt")):
        write_template(tmp_path / "template.txt", "resend_email")


def test_an_nts_number_file_read_for_resend_names_assign(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "a.csv", ["국세청 승인번호,문서유형,문서번호", "20250312-41000089-00001234,매출,INV-1"])
    with pytest.raises(BatchFileError) as refused:
        read_batch(path, "resend_email")
    assert refused.value.key == "batch.other_operation" and refused.value.params["operation"] == "assign_mgt_key"
    assert "(국세청 승인번호, 문서유형, 문서번호)" in refused.value.describe("ko")  # as the file heads them
    batch = read_batch(path, "assign_mgt_key")  # and the alias is read for what it is
    assert batch.rows[0].values["nts_confirm_num"] and batch.rows[0].values["mgt_key_type"] == "SELL"


# ---- Korean offices' files (issue 19) ----


@pytest.mark.parametrize("type_header", ["구분", "매출/매입", "매출구분", "매출 구분"])
@pytest.mark.parametrize(("written", "sent"), [("매출", "SELL"), ("매입", "BUY"), ("위수탁", "TRUSTEE")])
def test_the_type_column_headed_as_offices_do(tmp_path: Path, type_header: str, written: str, sent: str) -> None:
    """The walk-through: a 구분 column refused the whole file, advising a header "in English or Korean"."""
    path = csv_file(tmp_path / "a.csv", [f"{type_header},문서번호,수신메일", f"{written},INV-1,a@example.com"])
    batch = read_batch(path, "resend_email")
    assert batch.rows[0].values["mgt_key_type"] == sent and batch.rows[0].valid and not batch.type_assumed


def test_a_resend_file_without_a_type_column_is_read_as_sales(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "a.csv", ["문서번호,수신메일", "INV-1,a@example.com", "INV-2,b@example.com"])
    batch = read_batch(path, "resend_email")
    assert [row.values["mgt_key_type"] for row in batch.rows] == ["SELL", "SELL"]
    assert batch.type_assumed and batch.invalid_rows == []
    assert "모든 행을 매출로 읽었습니다" in " ".join(batch.notes("ko"))
    assert "read as sales" in " ".join(batch.notes("en"))
    written = csv_file(
        tmp_path / "b.csv", ["문서유형,문서번호,수신메일", "매출,INV-1,a@example.com", "SELL,INV-2,b@example.com"]
    )
    assert read_batch(written, "resend_email").fingerprint() == batch.fingerprint()  # the same requests


def test_an_assign_file_still_needs_its_type(tmp_path: Path) -> None:
    with pytest.raises(BatchFileError) as refused:
        read_batch(csv_file(tmp_path / "a.csv", ["팝빌번호,문서번호", f"{ITEM},INV-1"]), "assign_mgt_key")
    assert refused.value.key == "batch.missing_columns" and refused.value.params["missing"] == ["mgt_key_type"]


def test_a_typeless_resend_file_read_for_assign_names_resend(tmp_path: Path) -> None:
    with pytest.raises(BatchFileError) as refused:
        read_batch(csv_file(tmp_path / "a.csv", ["문서번호,수신메일", "INV-1,a@example.com"]), "assign_mgt_key")
    assert refused.value.key == "batch.other_operation" and refused.value.params["operation"] == "resend_email"


@pytest.mark.parametrize(
    ("header", "guess"),
    [
        ("문서유형,문서번호,수신메알", "'수신메알' → '수신메일'"),
        ("MgtKeyTyp,MgtKey,Reciever", "'Reciever' → 'Receiver'"),
    ],
)
def test_a_header_that_comes_close_is_offered(tmp_path: Path, header: str, guess: str) -> None:
    with pytest.raises(BatchFileError) as refused:
        read_batch(csv_file(tmp_path / "a.csv", [header, "SELL,INV-1,a@example.com"]), "resend_email")
    error = refused.value
    assert error.key == "batch.missing_columns" and guess in error.describe("ko") and guess in error.describe("en")
    assert "Rename them so" in error.describe("en") and "English or Korean" not in error.describe("en")


def test_headers_that_come_close_to_nothing_are_shown_as_read(tmp_path: Path) -> None:
    with pytest.raises(BatchFileError) as refused:
        read_batch(csv_file(tmp_path / "a.csv", ["거래처명,금액,비고", "한빛상사,1000,3월"]), "resend_email")
    assert "This file's header: '거래처명', '금액', '비고'" in refused.value.describe("en")


def test_the_clerks_own_columns_are_kept_in_order_and_written_beside_ours(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "a.csv",
        [
            "거래처명,구분,문서번호,비고,수신메일,",
            "한빛상사,매출,INV-1,3월분,a@example.com,",
            "두리,매입,INV 2,,b@example.com,x",
        ],
    )
    batch = read_batch(path, "resend_email")
    assert batch.extra_columns == ("거래처명", "비고")  # a column without a header is not kept
    assert [row.extras for row in batch.rows] == [("한빛상사", "3월분"), ("두리", "")]
    assert "결과 파일에 함께 적을 열: 거래처명, 비고" in batch.notes("ko")
    outcomes = {2: RowOutcome(2, RowState.DONE, 1, "완료"), 3: RowOutcome(3, RowState.SKIPPED)}
    table = result_table("resend_email", batch.rows, outcomes, "ko", batch.columns, batch.extra_columns)
    assert table[0] == ["행", "문서유형", "문서번호", "수신메일", "거래처명", "비고", "상태", "코드", "메시지"]
    assert table[1][:7] == [2, "매출", "INV-1", "a@example.com", "한빛상사", "3월분", "완료"]
    assert table[2][1] == "매입" and table[2][4] == "두리"
    english = result_table("resend_email", batch.rows, outcomes, "en", batch.columns, batch.extra_columns)
    assert english[1][1] == "sales" and english[2][1] == "purchases"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_results_file_reads_back_without_repeating_our_columns(tmp_path: Path, suffix: str, lang: str) -> None:
    from popbill_gui.batch.export import write_results

    source = csv_file(tmp_path / "a.csv", ["거래처명,구분,문서번호,수신메일", "한빛상사,위수탁,INV-1,a@example.com"])
    batch = read_batch(source, "resend_email")
    outcomes = {2: RowOutcome(2, RowState.DONE, 1, "ok")}
    table = result_table("resend_email", batch.rows, outcomes, lang, batch.columns, batch.extra_columns)  # type: ignore[arg-type]
    again = read_batch(write_results(tmp_path / f"results{suffix}", table), "resend_email")
    assert again.extra_columns == ("거래처명",) and again.rows[0].values["mgt_key_type"] == "TRUSTEE"
    assert again.fingerprint() == batch.fingerprint()


def test_numbers_in_the_clerks_columns_stay_numbers_in_excel(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["문서유형", "문서번호", "수신메일", "공급가액", "작성일자"])
    sheet.append(["매출", "INV-1", "a@example.com", 1500000, __import__("datetime").date(2026, 11, 30)])
    book.save(tmp_path / "a.xlsx")
    batch = read_batch(tmp_path / "a.xlsx", "resend_email")
    assert batch.rows[0].extras == (1500000, "2026-11-30")
