"""popbill-gui --install-shortcut / --remove-shortcut (popbill_gui/platform/shortcuts.py).

Linux for real: the entry is written into a temporary XDG_DATA_HOME, checked by desktop-file-validate, read back by
the specification's rules (tests/platform/desktop_spec.py), and started by GLib's `gio launch` from folders whose
names hold every character the specification reserves, '%', a field code and Korean. Windows cannot run here: what
is checked here is the PowerShell script (one ASCII statement, every value from the environment), the command line
(`-Command -`, nothing else) and how each answer of PowerShell becomes a sentence; the workflow's windows job runs
the real PowerShell once (`windows` marker, below) and packaging/check does it with the packaged program.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path, PureWindowsPath
from typing import Any

import pytest

from popbill_gui import app
from popbill_gui.platform import shortcuts
from popbill_gui.platform.shortcuts import Launcher, ShortcutError
from tests.platform.desktop_spec import keys, launch, parse_exec, recorder, validate

WEIRD = "Tom & Jerry | 100% 'q' \"d\" $HOME `c` \\back 회계 %f;(x)*?#~<>\tend"


# Folder names with | " < > * ? or a line break cannot exist on Windows, and `popbill-gui --install-shortcut` makes a
# menu entry on Linux only (the workflow runs this file on Windows and macOS too).
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the freedesktop menu entry: Linux")


def environ(tmp_path: Path) -> dict[str, str]:
    return {"XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path / "home")}


# -- Linux --------------------------------------------------------------------------------------------------------
@linux_only
@pytest.mark.parametrize("folder", ["plain", "with space", WEIRD, "no-percent & | 'q' \"d\" $x `c` \\b 회계"])
def test_entry_starts_the_program_whatever_its_folder_is_called(tmp_path: Path, folder: str) -> None:
    marker = tmp_path / "argv"
    prog = recorder(tmp_path / "apps" / folder / "popbill-gui", marker)
    entry = shortcuts.install_entry(Launcher(prog, ("--demo",)), "en", environ(tmp_path))

    assert entry == tmp_path / "data" / "applications" / "popbill-gui.desktop"
    validate(entry)
    fields = keys(entry.read_text(encoding="utf-8"))
    argv = parse_exec(fields["Exec"])
    # GLib would hide an entry whose program path holds "%%": such a path goes through env (see exec_value).
    assert argv == (["env"] if "%" in folder else []) + [str(prog), "--demo"]
    assert Path(fields["Icon"]) == shortcuts.ICON and shortcuts.ICON.is_file()
    assert launch(entry, marker) == [str(prog), "--demo"]


@linux_only
def test_entry_hands_files_to_the_program(tmp_path: Path) -> None:
    """A file opened with the program from the file manager (Open With) reaches it as an argument."""
    marker = tmp_path / "argv"
    prog = recorder(tmp_path / "apps" / "popbill-gui", marker)
    entry = shortcuts.install_entry(Launcher(prog), "ko", environ(tmp_path))
    fields = keys(entry.read_text(encoding="utf-8"))
    assert "text/csv" in fields["MimeType"].split(";")
    sheet = tmp_path / "11월 목록.xlsx"
    sheet.write_bytes(b"PK")
    assert launch(entry, marker, files=(sheet,)) == [str(prog), str(sheet)]


def test_entry_keeps_the_translations_and_writes_nothing_else(tmp_path: Path) -> None:
    prog = recorder(tmp_path / "popbill-gui", tmp_path / "argv")
    entry = shortcuts.install_entry(Launcher(prog), "ko", environ(tmp_path))
    fields = keys(entry.read_text(encoding="utf-8"))
    assert fields["GenericName[ko]"] == "팝빌 전자세금계산서 도구"
    assert fields["Terminal"] == "false" and fields["Type"] == "Application"
    assert sorted(p.name for p in entry.parent.iterdir() if p.suffix != ".cache") == ["popbill-gui.desktop"]


@linux_only
def test_a_line_break_in_the_path_is_refused_with_a_sentence_and_nothing_written(tmp_path: Path) -> None:
    with pytest.raises(ShortcutError, match="line break"):
        shortcuts.install_entry(Launcher(tmp_path / "two\nlines" / "popbill-gui"), "en", environ(tmp_path))
    assert not (tmp_path / "data").exists()


def test_an_unwritable_menu_folder_is_one_sentence_naming_it(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "applications").write_text("a file where the folder should be")
    with pytest.raises(ShortcutError) as caught:
        shortcuts.install_entry(Launcher(tmp_path / "popbill-gui"), "en", environ(tmp_path))
    assert str(caught.value).startswith("The menu entry could not be written (")
    assert str(tmp_path / "data" / "applications" / "popbill-gui.desktop") in str(caught.value)


def test_applications_folder_follows_xdg_data_home_and_ignores_a_relative_one(tmp_path: Path) -> None:
    assert shortcuts.applications_dir({"XDG_DATA_HOME": "/x/data", "HOME": "/h"}) == Path("/x/data/applications")
    assert shortcuts.applications_dir({"XDG_DATA_HOME": "rel", "HOME": "/h"}) == Path("/h/.local/share/applications")
    assert shortcuts.applications_dir({"HOME": "/h"}) == Path("/h/.local/share/applications")


def test_install_then_remove_on_linux(tmp_path: Path) -> None:
    env = environ(tmp_path)
    entry = tmp_path / "data" / "applications" / "popbill-gui.desktop"
    said = shortcuts.install("en", platform="linux", environ=env, launch=Launcher(tmp_path / "popbill-gui"))
    assert said == f"Added an application-menu entry: {entry}" and entry.is_file()
    assert shortcuts.remove("en", platform="linux", environ=env) == f"Removed {entry}"
    assert not entry.exists()
    assert shortcuts.remove("ko", platform="linux", environ=env) == f"지울 바로 가기가 없습니다: {entry}"


def test_launcher_is_the_frozen_program_or_this_python(tmp_path: Path) -> None:
    assert shortcuts.launcher(frozen=True, executable="/opt/p/popbill-gui") == Launcher(Path("/opt/p/popbill-gui"))
    assert shortcuts.launcher(frozen=False) == Launcher(Path(sys.executable), ("-m", "popbill_gui"))
    (tmp_path / "python.exe").touch()
    with_console = shortcuts.launcher(frozen=False, executable=str(tmp_path / "python.exe"), platform="win32")
    assert with_console.program == tmp_path / "python.exe"
    (tmp_path / "pythonw.exe").touch()  # beside python.exe: starts the window with no console
    windowed = shortcuts.launcher(frozen=False, executable=str(tmp_path / "python.exe"), platform="win32")
    assert windowed == Launcher(tmp_path / "pythonw.exe", ("-m", "popbill_gui"))


@linux_only
def test_popbill_gui_install_shortcut_writes_the_entry_without_a_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in environ(tmp_path).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("POPBILL_LANG", "en")
    entry = tmp_path / "data" / "applications" / "popbill-gui.desktop"

    assert app.main(["--install-shortcut"]) == 0
    assert capsys.readouterr().out == f"Added an application-menu entry: {entry}\n"
    assert parse_exec(keys(entry.read_text(encoding="utf-8"))["Exec"]) == [sys.executable, "-m", "popbill_gui"]
    assert app.main(["--remove-shortcut"]) == 0
    assert capsys.readouterr().out == f"Removed {entry}\n"

    shutil.rmtree(tmp_path / "data" / "applications")
    (tmp_path / "data" / "applications").write_text("not a folder")
    assert app.main(["--install-shortcut"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("The menu entry could not be written")

    with pytest.raises(SystemExit) as caught:
        app.main(["--install-shortcut", "--remove-shortcut"])
    assert caught.value.code == 2


def test_macos_says_where_the_app_goes_and_other_systems_are_refused() -> None:
    assert "Applications" in shortcuts.install("en", platform="darwin")
    assert "Applications" in shortcuts.remove("en", platform="darwin")
    with pytest.raises(ShortcutError, match="sunos5"):
        shortcuts.install("en", platform="sunos5", launch=Launcher(Path("/x")))


# -- Windows: the script, its values and the command ------------------------------------------------------------
NASTY = "‘회계’ Tom & Jerry's 100% $env:USERNAME `n ‚x‛ \"q\" [1]"
EXE = PureWindowsPath(f"C:\\Users\\김철수\\바탕 화면\\{NASTY}\\popbill-gui\\popbill-gui.exe")


@pytest.mark.parametrize("script", [shortcuts.WINDOWS_INSTALL_SCRIPT, shortcuts.WINDOWS_REMOVE_SCRIPT])
def test_the_scripts_are_one_ascii_statement_that_a_blank_line_ends(script: str) -> None:
    # Read from standard input, PowerShell runs what it has parsed whenever a statement is complete, and waits for a
    # blank line to end a multi-line one; a stray statement outside the block would run on its own.
    assert script.isascii()  # whatever the console's code page, the script arrives as written
    lines = script.split("\n")
    assert lines[0] == "& {" and lines[-3:] == ["}", "", ""]
    body = lines[1:-3]
    assert body and all(line.startswith("  ") for line in body)  # everything inside the one block
    assert body[:2] == ["  $ErrorActionPreference = 'Stop'", "  try {"]
    assert body[-4:] == ["  } catch {", "    [Console]::Error.WriteLine($_.Exception.Message)", "    exit 1", "  }"]
    assert "    $path = Join-Path ([Environment]::GetFolderPath('Programs')) 'popbill-gui.lnk'" in body


def test_the_install_script_takes_every_value_from_its_environment() -> None:
    script = shortcuts.WINDOWS_INSTALL_SCRIPT
    values = shortcuts.windows_install_values(Launcher(Path(str(EXE))))
    assert values == {
        "POPBILL_SHORTCUT_TARGET": str(EXE),
        "POPBILL_SHORTCUT_ARGUMENTS": "",
        "POPBILL_SHORTCUT_FOLDER": str(EXE.parent),
        "POPBILL_SHORTCUT_DESCRIPTION": shortcuts.DESCRIPTION,
    }
    for name in values:
        assert f"[string]$env:{name}" in script
    for value in values.values():
        assert not value or value not in script  # no path, no Korean, nothing to quote in the script itself
    lines = script.splitlines()
    assert "    $link.TargetPath = $target" in lines and "    $link.IconLocation = $target + ',0'" in lines
    # The shortcut object goes through the ANSI code page: the target is read back, and one that no longer names
    # a file (Hangul on a non-Korean Windows becomes "?") is removed.
    check = lines.index("    $saved = $shell.CreateShortcut($path).TargetPath")
    assert lines[check + 1 : check + 4] == [
        "    if (-not ($saved -and (Test-Path -LiteralPath $saved -PathType Leaf))) {",
        "      Remove-Item -LiteralPath $path -Force",
        "      exit 3",
    ]


def test_a_pip_install_passes_module_arguments() -> None:
    values = shortcuts.windows_install_values(Launcher(Path(r"C:\Py 3\pythonw.exe"), ("-m", "popbill_gui")))
    assert values["POPBILL_SHORTCUT_ARGUMENTS"] == "-m popbill_gui"
    assert values["POPBILL_SHORTCUT_FOLDER"] == r"C:\Py 3"


def test_the_command_line_reads_the_script_from_standard_input_and_carries_nothing_else() -> None:
    command = shortcuts.powershell_command({"SystemRoot": "C:\\Windows"})
    assert command == [
        r"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe",
        "-NoLogo",
        "-NoProfile",
        "-NonInteractive",
        "-Command",
        "-",
    ]
    assert "-EncodedCommand" not in command and "-ExecutionPolicy" not in command
    assert shortcuts.powershell_command({})[0] == "powershell"


def completed(code: int, out: str = "", err: str = "") -> subprocess.CompletedProcess[bytes]:
    return subprocess.CompletedProcess([], code, out.encode("utf-8"), err.encode("utf-8"))


class FakePowerShell:
    """Stands in for powershell.exe: records what it was given, answers as told."""

    def __init__(self, answer: subprocess.CompletedProcess[bytes] | Exception) -> None:
        self.answer = answer
        self.calls: list[tuple[list[str], dict[str, Any]]] = []

    def __call__(self, command: list[str], **options: Any) -> subprocess.CompletedProcess[bytes]:
        self.calls.append((command, options))
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer

    def script(self) -> str:
        return self.calls[0][1]["input"].decode("ascii")

    def environment(self) -> dict[str, str]:
        return self.calls[0][1]["env"]


LNK = "C:\\Users\\김철수\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\popbill-gui.lnk"


def test_install_on_windows_runs_the_script_and_says_where_the_shortcut_is() -> None:
    fake = FakePowerShell(completed(0, LNK + "\r\n"))
    environ = {"SystemRoot": "C:\\Windows", "PATH": "C:\\Windows\\System32"}
    said = shortcuts.install("ko", platform="win32", environ=environ, launch=Launcher(Path(str(EXE))), run=fake)
    assert said == f"시작 메뉴에 바로 가기를 만들었습니다: {LNK}"
    assert fake.calls[0][0] == shortcuts.powershell_command(environ)
    assert fake.script() == shortcuts.WINDOWS_INSTALL_SCRIPT
    # The program's own environment (PowerShell needs SystemRoot to start) with the values added.
    assert fake.environment() == {**environ, **shortcuts.windows_install_values(Launcher(Path(str(EXE))))}
    options = fake.calls[0][1]
    assert options["capture_output"] and options["timeout"] > 0 and "stdin" not in options


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (completed(3), "the program's folder path has characters a Windows shortcut cannot hold"),
        (completed(1, err="\r\nAccess to the path is denied.\r\n"), "Access to the path is denied."),
        (completed(0, ""), "powershell exit 0"),
        (FileNotFoundError(2, "No such file"), "powershell: FileNotFoundError"),
        (subprocess.TimeoutExpired("powershell", 120), "powershell: TimeoutExpired"),
    ],
)
def test_every_powershell_failure_is_one_sentence(answer: Any, expected: str) -> None:
    with pytest.raises(ShortcutError) as caught:
        shortcuts.install("en", platform="win32", launch=Launcher(Path(str(EXE))), run=FakePowerShell(answer))
    message = str(caught.value)
    assert message.startswith("The shortcut could not be made or removed: ") and expected in message
    assert "Pin to Start" in message and "\n" not in message


def test_remove_on_windows_tells_removed_from_nothing_there() -> None:
    removed = shortcuts.remove("en", platform="win32", run=FakePowerShell(completed(0, f"removed\t{LNK}\r\n")))
    assert removed == f"Removed {LNK}"
    nothing = shortcuts.remove("en", platform="win32", run=FakePowerShell(completed(0, f"nothing\t{LNK}\r\n")))
    assert nothing == f"There is no shortcut to remove: {LNK}"
    script = shortcuts.WINDOWS_REMOVE_SCRIPT
    assert "Test-Path -LiteralPath $path" in script and "Remove-Item -LiteralPath $path -Force" in script
    fake = FakePowerShell(completed(0, f"nothing\t{LNK}\r\n"))
    shortcuts.remove("en", platform="win32", environ={"SystemRoot": "C:\\Windows"}, run=fake)
    assert fake.script() == script and fake.environment() == {"SystemRoot": "C:\\Windows"}


@pytest.mark.windows
def test_the_real_powershell_makes_and_removes_the_shortcut(tmp_path: Path) -> None:
    if os.environ.get("CI") != "true":
        pytest.skip("CI=true only: it would replace this user's own Start-menu shortcut")
    folder = tmp_path / "Tom & Jerry's 100% ‘q’ $env:X `n" / "popbill-gui"
    folder.mkdir(parents=True)
    program = folder / "popbill-gui.exe"
    shutil.copyfile(sys.executable, program)  # any file will do: the shortcut is made, not started
    said = shortcuts.install("en", platform="win32", launch=Launcher(program))
    lnk = Path(said.rpartition(": ")[2])
    assert lnk.name == "popbill-gui.lnk" and lnk.is_file()
    assert shortcuts.remove("en", platform="win32") == f"Removed {lnk}"
    assert not lnk.exists()
    assert shortcuts.remove("en", platform="win32") == f"There is no shortcut to remove: {lnk}"
