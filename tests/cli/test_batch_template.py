"""popbill-cli batch template resend-email|assign-mgtkey FILE: the header row a batch reads back; and a file made for
the other operation names the command that fits it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator

CLI = str(Path(sys.executable).with_name("popbill-cli"))


def cli(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("POPBILL_")}
    environ.update(POPBILL_HISTORY=str(tmp_path / "history.sqlite3"), **env)
    result = subprocess.run([CLI, *args], env=environ, capture_output=True, text=True, timeout=60, check=False)
    assert "Traceback" not in result.stderr + result.stdout
    return result


@pytest.mark.parametrize(
    ("lang", "header"), [("ko", "문서유형,문서번호,수신메일"), ("en", "Type,Document ID,E-mail")]
)
def test_template_then_a_batch_of_it(sim: Simulator, tmp_path: Path, lang: str, header: str) -> None:
    path = tmp_path / "resend.csv"
    made = cli(["batch", "template", "resend-email", str(path)], tmp_path, POPBILL_LANG=lang)
    assert made.returncode == 0, made.stderr
    assert str(path) in made.stdout
    assert path.read_text(encoding="utf-8-sig") == header + "\n"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("매출,INV-1,a@example.com\n")  # as a clerk fills it in
    sent = cli(
        ["batch", "resend-email", str(path)],
        tmp_path,
        POPBILL_LANG=lang,
        POPBILL_BASE_URL=sim.base_url,
        POPBILL_AUTH_URL=sim.base_url,
        POPBILL_CORP_NUM=DEMO_CORP_NUM,
        POPBILL_LINK_ID=DEMO_LINK_ID,
        POPBILL_SECRET_KEY=DEMO_SECRET_KEY,
    )
    assert sent.returncode == 0, sent.stderr
    assert sim.state.sent_mails and sim.requests[-1].path.startswith("/Taxinvoice/SELL/INV-1")


def test_template_xlsx_for_assign(tmp_path: Path) -> None:
    path = tmp_path / "할당.xlsx"
    assert cli(["batch", "template", "assign-mgtkey", str(path)], tmp_path).returncode == 0
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert [c.value for c in sheet[1]] == ["팝빌번호", "문서유형", "문서번호"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["batch", "template", "send-mail", "x.csv"], "resend-email or assign-mgtkey"),
        (["batch", "template", "resend-email"], "name the file"),
        (["batch", "template", "resend-email", "x.txt"], ".csv or .xlsx"),
        (["batch", "resend-email", "a.csv", "b.csv"], "unexpected argument"),
    ],
)
def test_template_usage_errors_exit_2(tmp_path: Path, args: list[str], says: str) -> None:
    result = cli(args, tmp_path)
    assert result.returncode == 2 and says in result.stderr
    assert list(tmp_path.glob("x.*")) == []


def test_a_file_for_the_other_operation_names_the_command(tmp_path: Path) -> None:
    path = tmp_path / "assign.csv"
    path.write_text("팝빌번호,문서유형,문서번호\n241124150000000012,SELL,INV-1\n", encoding="utf-8")
    result = cli(["batch", "resend-email", str(path)], tmp_path, POPBILL_LANG="en")
    assert result.returncode == 2
    assert "Assign MgtKey" in result.stderr and f"popbill-cli batch assign-mgtkey {path}" in result.stderr
