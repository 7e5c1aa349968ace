"""Assign files that name invoices by NTS confirmation number (국세청승인번호) instead of ItemKey: the column, a file
with both, every number checked as the file is read, duplicates, Excel number cells, the fingerprint, the results."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from popbill_gui.batch.export import result_table
from popbill_gui.batch.model import RowOutcome, RowState
from popbill_gui.batch.reader import BatchFileError, read_batch
from tests.batch.test_reader import ITEM_1, problems, refusal, write_csv, write_xlsx

NTS_1 = "202611244100123400005678"
NTS_2 = "202611204100999900001111"


def dashed(nts: str) -> str:
    return f"{nts[:8]}-{nts[8:16]}-{nts[16:]}"


@pytest.mark.parametrize("header", ["NTSConfirmNum", "국세청승인번호", "ntsconfirmnum"])
def test_the_nts_column_names_the_invoices(tmp_path: Path, header: str) -> None:
    path = write_csv(tmp_path / "a.csv", [f"{header},MgtKeyType,MgtKey", f"{NTS_1},SELL,K1", f"{dashed(NTS_2)},BUY,K2"])
    batch = read_batch(path, "assign_mgt_key")
    assert batch.by_nts and batch.columns == ("nts_confirm_num", "mgt_key_type", "mgt_key")
    assert batch.result_columns == ("nts_confirm_num", "item_key", "mgt_key_type", "mgt_key")
    assert [r.values for r in batch.rows] == [
        {"nts_confirm_num": NTS_1, "mgt_key_type": "SELL", "mgt_key": "K1"},
        {"nts_confirm_num": dashed(NTS_2), "mgt_key_type": "BUY", "mgt_key": "K2"},  # as typed, hyphens kept
    ]
    assert batch.invalid_rows == []


def test_an_item_key_file_is_as_before(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", ["ItemKey,MgtKeyType,MgtKey", f"{ITEM_1},SELL,K1"])
    batch = read_batch(path, "assign_mgt_key")
    assert not batch.by_nts and batch.columns == batch.result_columns == ("item_key", "mgt_key_type", "mgt_key")
    # A resend file may carry an NTS column: it is ignored there, as any other column.
    resend = write_csv(tmp_path / "r.csv", ["국세청승인번호,MgtKeyType,MgtKey,Receiver", f"{NTS_1},SELL,K1,a@b.co"])
    assert not read_batch(resend, "resend_email").by_nts


def test_both_columns_refuse_the_file_with_one_sentence(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "both.csv", ["팝빌번호,NTSConfirmNum,MgtKeyType,MgtKey", f"{ITEM_1},{NTS_1},SELL,K1"])
    error = refusal(path, "assign_mgt_key")
    assert error.key == "batch.both_id_columns"
    english, korean = error.describe("en"), error.describe("ko")
    assert "팝빌번호" in english and "NTSConfirmNum" in english and "keep only one" in english
    assert "하나만" in korean and "NTSConfirmNum" in korean


def test_no_column_naming_the_invoice_says_either_will_do(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "none.csv", ["MgtKeyType,MgtKey", "SELL,K1"])
    error = refusal(path, "assign_mgt_key")
    assert error.key == "batch.missing_columns" and error.params["missing"] == ["item_key"]
    assert "POPBiLL number" in error.describe("en") and "NTSConfirmNum" in error.describe("en")
    assert "국세청승인번호" in error.describe("ko")
    # Missing only the MgtKey of an NTS file: no word about NTS numbers, which it has.
    other = refusal(write_csv(tmp_path / "nts.csv", ["국세청승인번호,MgtKeyType", f"{NTS_1},SELL"]), "assign_mgt_key")
    assert other.params["missing"] == ["mgt_key"] and "instead" not in other.describe("en")


def test_every_number_is_checked_as_the_file_is_read(tmp_path: Path) -> None:
    lines = [
        "NTSConfirmNum,MgtKeyType,MgtKey",
        f"{NTS_1},SELL,K1",  # 2: fine
        ",SELL,K2",  # 3: missing
        "2026112441001234,SELL,K3",  # 4: 16 digits
        "20261131-41001234-00005678,SELL,K4",  # 5: 31 November
        "2026112441OO1234OOOO5678,SELL,K5",  # 6: letters O for zeros
        f"{NTS_2},SEL,",  # 7: the other columns' rules too (a misspelt type: lowercase sell is taken)
    ]
    batch = read_batch(write_csv(tmp_path / "bad.csv", lines), "assign_mgt_key")
    assert problems(batch) == {
        3: [("nts_confirm_num", "nts.required")],
        4: [("nts_confirm_num", "nts.length")],
        5: [("nts_confirm_num", "nts.date")],
        6: [("nts_confirm_num", "nts.bad_chars")],
        7: [("mgt_key_type", "mgt_key_type.invalid"), ("mgt_key", "mgt_key.required")],
    }
    row6 = next(r for r in batch.rows if r.row == 6)
    assert "(not allowed: O)" in row6.problems[0].describe("en")


def test_the_same_number_twice_with_or_without_hyphens(tmp_path: Path) -> None:
    lines = ["국세청승인번호,문서유형,문서번호", f"{NTS_1},SELL,K1", f"{NTS_2},SELL,K2", f" {dashed(NTS_1)} ,SELL,K3"]
    batch = read_batch(write_csv(tmp_path / "dup.csv", lines), "assign_mgt_key")
    assert problems(batch) == {4: [("nts_confirm_num", "batch.duplicate_nts")]}
    assert "row 2" in batch.rows[2].problems[0].describe("en")


def test_an_nts_number_in_an_excel_number_cell(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "n.xlsx", [["NTSConfirmNum", "MgtKeyType", "MgtKey"], [float(NTS_1), "SELL", "K1"]])
    batch = read_batch(path, "assign_mgt_key")
    keys = [key for _, key in problems(batch)[2]]
    assert keys == ["cell.long_number"]  # what Excel did, said once
    assert "Format the column as Text" in batch.rows[0].problems[-1].describe("en")
    # Typed as text in Excel: read exactly.
    text = write_xlsx(tmp_path / "t.xlsx", [["NTSConfirmNum", "MgtKeyType", "MgtKey"], [dashed(NTS_1), "SELL", "K1"]])
    assert read_batch(text, "assign_mgt_key").invalid_rows == []


def test_the_fingerprint_covers_the_numbers_as_given(tmp_path: Path) -> None:
    rows = [["NTSConfirmNum", "MgtKeyType", "MgtKey"], [NTS_1, "SELL", "K1"], [NTS_2, "BUY", "K2"]]
    from_csv = read_batch(write_csv(tmp_path / "a.csv", [",".join(r) for r in rows]), "assign_mgt_key")
    from_xlsx = read_batch(write_xlsx(tmp_path / "a.xlsx", rows), "assign_mgt_key")
    assert from_csv.fingerprint() == from_xlsx.fingerprint()
    # The ItemKeys found later are not part of it (a resume finds the batch without resolving again).
    resolved = [type(r)(r.row, {**r.values, "item_key": ITEM_1}, []) for r in from_csv.rows]
    assert replace(from_csv, rows=resolved).fingerprint() == from_csv.fingerprint()
    # An ItemKey file with the very same cells is another file.
    same_cells = write_csv(tmp_path / "i.csv", ["ItemKey,MgtKeyType,MgtKey", f"{NTS_1},SELL,K1", f"{NTS_2},BUY,K2"])
    assert read_batch(same_cells, "assign_mgt_key").fingerprint() != from_csv.fingerprint()
    changed = write_csv(
        tmp_path / "c.csv", ["NTSConfirmNum,MgtKeyType,MgtKey", f"{dashed(NTS_1)},SELL,K1", f"{NTS_2},BUY,K2"]
    )
    assert read_batch(changed, "assign_mgt_key").fingerprint() != from_csv.fingerprint()


def test_an_item_key_file_keeps_the_fingerprint_its_journals_were_made_with(tmp_path: Path) -> None:
    batch = read_batch(
        write_csv(tmp_path / "a.csv", ["ItemKey,MgtKeyType,MgtKey", f"{ITEM_1},SELL,K1"]), "assign_mgt_key"
    )
    earlier = json.dumps(["assign_mgt_key", [[2, [ITEM_1, "SELL", "K1"]]]], ensure_ascii=False, separators=(",", ":"))
    assert batch.fingerprint() == hashlib.sha256(earlier.encode("utf-8")).hexdigest()


def test_results_of_an_nts_file_show_the_number_and_the_item_key(tmp_path: Path) -> None:
    batch = read_batch(
        write_csv(tmp_path / "a.csv", ["NTSConfirmNum,MgtKeyType,MgtKey", f"{NTS_1},SELL,K1"]), "assign_mgt_key"
    )
    rows = [type(r)(r.row, {**r.values, "item_key": ITEM_1}, []) for r in batch.rows]
    outcomes = {2: RowOutcome(2, RowState.DONE, 1, "ok")}
    table = result_table("assign_mgt_key", rows, outcomes, "ko", batch.result_columns)
    assert table[0][:5] == ["행", "국세청승인번호", "팝빌번호", "문서유형", "문서번호"]
    assert table[1][:5] == [2, NTS_1, ITEM_1, "매출", "K1"]
    # Without columns, as before: the operation's.
    english = result_table("assign_mgt_key", rows, outcomes, "en")[0][:4]
    assert english == ["Row", "POPBiLL number", "Type", "Document ID"]


def test_batch_file_error_with_a_second_sentence() -> None:
    error = BatchFileError("batch.missing_columns", {"columns": "X", "missing": ["item_key"]}, also="batch.nts_instead")
    assert error.describe("en").startswith("Required columns are missing: X.") and str(error) == error.describe("en")
