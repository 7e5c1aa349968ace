"""popbill-cli batch, reading side: --check (every row checked, nothing sent, nothing recorded, no credentials),
rows hidden in Excel never sent without --hidden-rows send|skip, the sheet read and what was assumed said first, and
the results file with the types in words and the clerk's own columns beside ours."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator

CLI = str(Path(sys.executable).with_name("popbill-cli"))
HEADER = ["구분", "문서번호", "수신메일", "거래처명"]


def bare_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """No POPBILL_* at all: no credentials, no server; the history where the test can see it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POPBILL_")}
    env.update({"POPBILL_HISTORY": str(tmp_path / "history.sqlite3"), "POPBILL_LANG": "en", **extra})
    return env


def env_for(sim: Simulator, tmp_path: Path) -> dict[str, str]:
    return bare_env(
        tmp_path,
        POPBILL_BASE_URL=sim.base_url,
        POPBILL_AUTH_URL=sim.base_url,
        POPBILL_CORP_NUM=DEMO_CORP_NUM,
        POPBILL_LINK_ID=DEMO_LINK_ID,
        POPBILL_SECRET_KEY=DEMO_SECRET_KEY,
    )


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([CLI, "batch", *args], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert "Traceback" not in result.stderr + result.stdout
    return result


def workbook(path: Path, rows: list[list[object]], hidden: tuple[int, ...] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "11월"
    for row in (HEADER, *rows):
        sheet.append(row)
    for number in hidden:
        sheet.row_dimensions[number].hidden = True
    book.save(path)
    return path


ROWS: list[list[object]] = [
    ["매출", "INV-1", "a@example.com", "한빛상사"],
    ["매입", "INV-2", "b@example.com", "두리"],
    ["매출", "INV-3", "c@example.com", "가람"],
]


# ---- --check ----


def test_check_reads_every_row_and_sends_nothing(tmp_path: Path) -> None:
    source = workbook(tmp_path / "list.xlsx", ROWS)
    result = run(["resend-email", str(source), "--check"], bare_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""  # no invalid row to list
    assert "Sheet: 11월" in result.stderr and "3 row(s): 3 valid, 0 not valid. Nothing was sent." in result.stderr
    assert "Your columns, kept in the results: 거래처명" in result.stderr
    assert not (tmp_path / "history.sqlite3").exists()  # no history, no journal: nothing to record


def test_check_lists_the_invalid_rows_with_their_reasons(tmp_path: Path) -> None:
    rows = [*ROWS, ["매출", 1234567890123456789, "d@example.com", "네온"], ["매출", "INV-5", "nobody", "다솜"]]
    source = workbook(tmp_path / "list.xlsx", rows)
    result = run(["resend-email", str(source), "--check"], bare_env(tmp_path, POPBILL_LANG="ko"))
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert [line.split("\t")[:2] for line in lines] == [["5", "문서번호"], ["6", "수신메일"]]
    assert "1.23457E+18" in lines[0] and "'텍스트'로 바꾸고" in lines[0]
    assert "행 5개 중 올바른 행 3개, 올바르지 않은 행 2개" in result.stderr
    assert not (tmp_path / "history.sqlite3").exists()


def test_check_of_a_file_refused_whole(tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_text("문서번호,수신메알\nINV-1,a@example.com\n", encoding="utf-8")
    result = run(["resend-email", str(source), "--check"], bare_env(tmp_path))
    assert result.returncode == 2 and "'수신메알' → '수신메일'" in result.stderr


def test_check_takes_no_resume_or_results_file(tmp_path: Path) -> None:
    source = workbook(tmp_path / "list.xlsx", ROWS)
    for extra in (["--resume"], ["--out", str(tmp_path / "r.csv")]):
        result = run(["resend-email", str(source), "--check", *extra], bare_env(tmp_path))
        assert result.returncode == 2 and "--check" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.xlsx"]


# ---- hidden rows ----


def test_hidden_rows_are_refused_without_a_choice(sim: Simulator, tmp_path: Path) -> None:
    source = workbook(tmp_path / "list.xlsx", ROWS, hidden=(3,))
    result = run(["resend-email", str(source)], env_for(sim, tmp_path))
    assert result.returncode == 2
    assert "1 row(s) are hidden" in result.stderr and "--hidden-rows send | --hidden-rows skip" in result.stderr
    assert sim.requests == []  # nothing sent, not even a token asked for


def test_hidden_rows_skipped(sim: Simulator, tmp_path: Path) -> None:
    source = workbook(tmp_path / "list.xlsx", ROWS, hidden=(3,))
    out = tmp_path / "results.csv"
    result = run(["resend-email", str(source), "--hidden-rows", "skip", "--out", str(out)], env_for(sim, tmp_path))
    assert result.returncode == 1, result.stderr  # not every row done: one was left out
    assert sorted(mail.mgt_key for mail in sim.state.sent_mails) == ["INV-1", "INV-3"]
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["Row", "Type", "Document ID", "E-mail", "거래처명", "Status", "Code", "Message"]
    assert table[1][:5] == ["2", "sales", "INV-1", "a@example.com", "한빛상사"]
    assert table[2][1] == "purchases" and table[2][5] == "skipped" and "hidden row" in table[2][7]


def test_hidden_rows_sent(sim: Simulator, tmp_path: Path) -> None:
    source = workbook(tmp_path / "list.xlsx", ROWS, hidden=(3,))
    result = run(["resend-email", str(source), "--hidden-rows", "send"], env_for(sim, tmp_path))
    assert result.returncode == 0, result.stderr
    assert len(sim.state.sent_mails) == 3
    assert "Sheet: 11월" in result.stderr and "1 hidden row(s): 3" in result.stderr


@pytest.mark.parametrize("choice", ["never", ""])
def test_hidden_rows_takes_send_or_skip_only(tmp_path: Path, choice: str) -> None:
    source = workbook(tmp_path / "list.xlsx", ROWS, hidden=(3,))
    result = run(["resend-email", str(source), "--hidden-rows", choice], bare_env(tmp_path))
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_a_typeless_resend_file_is_sent_as_sales_and_says_so(sim: Simulator, tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_text("문서번호,수신메일\nINV-1,a@example.com\n", encoding="utf-8")
    result = run(["resend-email", str(source)], env_for(sim, tmp_path))
    assert result.returncode == 0, result.stderr
    assert "every row is read as sales" in result.stderr
    assert [(mail.mgt_key_type, mail.mgt_key) for mail in sim.state.sent_mails] == [("SELL", "INV-1")]
