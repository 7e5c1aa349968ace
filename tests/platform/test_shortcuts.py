"""popbill-gui --install-shortcut / --remove-shortcut (popbill_gui/platform/shortcuts.py).

Linux for real: the entry is written into a temporary XDG_DATA_HOME, checked by desktop-file-validate, read back by
the specification's rules (tests/platform/desktop_spec.py), and started by GLib's `gio launch` from folders whose
names hold every character the specification reserves, '%', a field code and Korean. Windows cannot run here: what
is checked is the exact PowerShell script and command line, their quoting (read back by PowerShell's rules for
single-quoted strings), and how each answer of PowerShell becomes a sentence.
"""

from __future__ import annotations

import base64
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


def environ(tmp_path: Path) -> dict[str, str]:
    return {"XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path / "home")}


# -- Linux --------------------------------------------------------------------------------------------------------
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


def test_entry_keeps_the_translations_and_writes_nothing_else(tmp_path: Path) -> None:
    prog = recorder(tmp_path / "popbill-gui", tmp_path / "argv")
    entry = shortcuts.install_entry(Launcher(prog), "ko", environ(tmp_path))
    fields = keys(entry.read_text(encoding="utf-8"))
    assert fields["GenericName[ko]"] == "팝빌 전자세금계산서 도구"
    assert fields["Terminal"] == "false" and fields["Type"] == "Application"
    assert sorted(p.name for p in entry.parent.iterdir() if p.suffix != ".cache") == ["popbill-gui.desktop"]


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


# -- Windows: the script and the command, read back by PowerShell's rules -----------------------------------------
PS_QUOTES = "'\u2018\u2019\u201a\u201b"


def read_literal(source: str) -> tuple[str, str]:
    """A PowerShell single-quoted string at the start of `source`: its value and what follows it."""
    assert source[0] in PS_QUOTES
    out, i = [], 1
    while True:
        c = source[i]
        if c in PS_QUOTES:
            if i + 1 < len(source) and source[i + 1] in PS_QUOTES:
                out.append(source[i + 1])
                i += 2
                continue
            return "".join(out), source[i + 1 :]
        out.append(c)
        i += 1


def assignments(script: str) -> dict[str, str]:
    """`$name = '...'` and `$link.Prop = '...'` lines: the value PowerShell gives each (nothing else on the line)."""
    out = {}
    for line in script.splitlines():
        name, sep, rest = line.strip().partition(" = ")
        if sep and rest[:1] in PS_QUOTES:
            value, after = read_literal(rest)
            assert after == "", f"text after the string on {line!r}"
            out[name] = value
    return out


NASTY = "‘회계’ Tom & Jerry's 100% $env:USERNAME `n ‚x‛ \"q\" [1]"
EXE = PureWindowsPath(f"C:\\Users\\김철수\\바탕 화면\\{NASTY}\\popbill-gui\\popbill-gui.exe")


@pytest.mark.parametrize("value", ["", "plain", "'", "''", NASTY, "ends with quote’", "’'‘‛‚", "%PATH% & | ^ !"])
def test_powershell_literal_reads_back_as_the_same_text(value: str) -> None:
    literal = shortcuts.powershell_literal(value)
    assert read_literal(literal + " rest") == (value, " rest")


def test_the_install_script_for_a_folder_with_quotes_ampersand_percent_and_korean() -> None:
    script = shortcuts.windows_install_script(Launcher(Path(str(EXE))))
    values = assignments(script)
    assert values == {
        "$ErrorActionPreference": "Stop",
        "$target": str(EXE),
        "$link.Arguments": "",
        "$link.WorkingDirectory": str(EXE.parent),
        "$link.IconLocation": str(EXE) + ",0",
        "$link.Description": shortcuts.DESCRIPTION,
    }
    lines = script.splitlines()
    assert lines[0] == "$ErrorActionPreference = 'Stop'"
    assert "  $path = Join-Path ([Environment]::GetFolderPath('Programs')) 'popbill-gui.lnk'" in lines
    assert "  $link.TargetPath = $target" in lines
    # The shortcut object goes through the ANSI code page: the target is read back, and one that no longer names
    # a file (Hangul on a non-Korean Windows becomes "?") is removed.
    check = lines.index("  $saved = $shell.CreateShortcut($path).TargetPath")
    assert lines[check + 1 : check + 4] == [
        "  if (-not ($saved -and (Test-Path -LiteralPath $saved -PathType Leaf))) {",
        "    Remove-Item -LiteralPath $path -Force",
        "    exit 3",
    ]
    assert lines[-4:] == ["} catch {", "  [Console]::Error.WriteLine($_.Exception.Message)", "  exit 1", "}"]


def test_the_install_script_of_a_pip_install_passes_module_arguments() -> None:
    script = shortcuts.windows_install_script(Launcher(Path(r"C:\Py 3\pythonw.exe"), ("-m", "popbill_gui")))
    assert assignments(script)["$link.Arguments"] == "-m popbill_gui"


def test_the_command_line_carries_the_script_encoded_never_quoted() -> None:
    script = shortcuts.windows_install_script(Launcher(Path(str(EXE))))
    command = shortcuts.powershell_command(script, {"SystemRoot": "C:\\Windows"})
    assert command[:5] == [
        r"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe",
        "-NoLogo",
        "-NoProfile",
        "-NonInteractive",
        "-EncodedCommand",
    ]
    assert len(command) == 6
    assert base64.b64decode(command[5], validate=True).decode("utf-16-le") == script  # Korean and quotes intact
    # What Windows receives needs no quoting at all: base64 has no spaces or quotes.
    assert subprocess.list2cmdline(command[1:]) == " ".join(command[1:])
    assert shortcuts.powershell_command("x", {})[0] == "powershell"


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
        return base64.b64decode(self.calls[0][0][-1]).decode("utf-16-le")


LNK = "C:\\Users\\김철수\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\popbill-gui.lnk"


def test_install_on_windows_runs_the_script_and_says_where_the_shortcut_is() -> None:
    fake = FakePowerShell(completed(0, LNK + "\r\n"))
    said = shortcuts.install("ko", platform="win32", launch=Launcher(Path(str(EXE))), run=fake)
    assert said == f"시작 메뉴에 바로 가기를 만들었습니다: {LNK}"
    assert fake.script() == shortcuts.windows_install_script(Launcher(Path(str(EXE))))
    options = fake.calls[0][1]
    assert options["stdin"] is subprocess.DEVNULL and options["capture_output"] and options["timeout"] > 0


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
    script = shortcuts.windows_remove_script()
    assert "Test-Path -LiteralPath $path" in script and "Remove-Item -LiteralPath $path -Force" in script
