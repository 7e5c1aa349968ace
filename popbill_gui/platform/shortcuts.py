"""The Start-menu shortcut and the application-menu entry: `popbill-gui --install-shortcut` / `--remove-shortcut`.

Windows  popbill-gui.lnk in the user's Start Menu\\Programs (the folder Windows reports, so a redirected profile
         works), made by Windows PowerShell through the WScript.Shell COM object: nothing to install. The script
         travels as -EncodedCommand (base64 of UTF-16LE), so no command-line quoting is involved and Korean survives;
         the one quoting layer left is PowerShell's single-quoted literal (powershell_literal). WScript.Shell's
         shortcut object passes text through the ANSI code page, so the script reads the target back and, when it
         no longer names a file, removes the shortcut and says so (exit 3) instead of leaving one that starts
         nothing. (Not a text comparison: Windows may give the target back in its long form.)
Linux    popbill-gui.desktop in $XDG_DATA_HOME/applications (~/.local/share/applications), its Exec quoted as the
         Desktop Entry Specification says; packaging/install-menu-entry runs this, so there is one way to write it.
macOS    nothing to make: popbill-gui.app goes into /Applications, and a sentence says so.

What the shortcut starts: the frozen program itself, or (installed with pip) this Python with `-m popbill_gui`.
Every outcome is one sentence (core/messages.py); a failure raises ShortcutError carrying it.
"""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import Any

from ..core.messages import Lang, text

ENTRY_NAME = "popbill-gui.desktop"
LINK_NAME = "popbill-gui.lnk"
ICON = Path(__file__).resolve().parent.parent / "icons" / "popbill-gui.png"  # package data, frozen or not
DESCRIPTION = "팝빌 전자세금계산서 도구 (POPBiLL e-Tax invoice tools)"
BAD_CHARS_EXIT = 3  # the Windows script's exit code when the target did not survive the ANSI code page

Runner = Callable[..., "subprocess.CompletedProcess[bytes]"]

ENTRY_TEMPLATE = """\
[Desktop Entry]
Type=Application
Version=1.0
Name=popbill-gui
GenericName=POPBiLL e-Tax invoice tools
GenericName[ko]=팝빌 전자세금계산서 도구
Comment=Resend invoice e-mail and assign document IDs on POPBiLL
Comment[ko]=팝빌 세금계산서 이메일 재전송과 문서번호 할당
Exec={exec}
Icon={icon}
Terminal=false
Categories=Office;Finance;
StartupWMClass=popbill-gui
"""


class ShortcutError(Exception):
    """Nothing was made or removed; str() is the sentence to show."""


@dataclass(frozen=True)
class Launcher:
    """What a shortcut starts, and the picture a Linux menu shows for it (Windows takes the program's own icon)."""

    program: Path
    arguments: tuple[str, ...] = ()
    icon: Path = ICON


def launcher(*, frozen: bool | None = None, executable: str | None = None, platform: str | None = None) -> Launcher:
    """This program: the frozen executable, or this Python with -m popbill_gui (on Windows pythonw.exe: no console)."""
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    platform = sys.platform if platform is None else platform
    program = Path(executable or sys.executable)
    if frozen:
        return Launcher(program)
    if platform == "win32" and program.with_name("pythonw.exe").exists():
        program = program.with_name("pythonw.exe")
    return Launcher(program, ("-m", "popbill_gui"))


def install(
    lang: Lang = "ko",
    *,
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
    launch: Launcher | None = None,
    run: Runner = subprocess.run,
) -> str:
    """Add the shortcut (replacing one there already); the sentence saying where. Raises ShortcutError."""
    platform = sys.platform if platform is None else platform
    launch = launch or launcher(platform=platform)
    if platform == "win32":
        path = _powershell(windows_install_script(launch), lang, run, environ)
        return text("shortcut.added_windows", lang, path=path)
    if platform == "darwin":
        return text("shortcut.macos", lang)
    if _is_xdg(platform):
        return text("shortcut.added_linux", lang, path=install_entry(launch, lang, environ))
    raise ShortcutError(text("shortcut.unsupported", lang, platform=platform))


def remove(
    lang: Lang = "ko",
    *,
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
    run: Runner = subprocess.run,
) -> str:
    """Take the shortcut away; saying so when there was none is not a failure. Raises ShortcutError."""
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        status, _, path = _powershell(windows_remove_script(), lang, run, environ).partition("\t")
        return text("shortcut.removed" if status == "removed" else "shortcut.nothing", lang, path=path)
    if platform == "darwin":
        return text("shortcut.macos", lang)
    if _is_xdg(platform):
        entry = applications_dir(environ) / ENTRY_NAME
        try:
            entry.unlink()
        except FileNotFoundError:
            return text("shortcut.nothing", lang, path=entry)
        except OSError as exc:
            raise ShortcutError(text("shortcut.write_failed", lang, path=entry, reason=exc.strerror)) from None
        _update_desktop_database(entry.parent)
        return text("shortcut.removed", lang, path=entry)
    raise ShortcutError(text("shortcut.unsupported", lang, platform=platform))


def _is_xdg(platform: str) -> bool:
    return platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


# -- Linux and other freedesktop.org desktops -----------------------------------------------------------------------
def applications_dir(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_DATA_HOME/applications; ~/.local/share/applications when XDG_DATA_HOME is unset or not absolute."""
    environ = os.environ if environ is None else environ
    data_home = environ.get("XDG_DATA_HOME", "")
    if not os.path.isabs(data_home):
        home = Path(environ["HOME"]) if environ.get("HOME") else Path.home()
        data_home = str(home / ".local" / "share")
    return Path(data_home) / "applications"


def string_value(value: str) -> str:
    """A value of type string: backslash and tab escaped; a line break or other control character cannot be held."""
    if any((ord(c) < 0x20 and c != "\t") or c == "\x7f" for c in value):
        raise ValueError("a control character in a desktop entry value")
    return value.replace("\\", "\\\\").replace("\t", "\\t")


def exec_argument(argument: str) -> str:
    """One argument of the Exec key before the string escapes: quoted in whole, with " ` $ and backslash escaped
    by a backslash and % doubled (% starts a field code such as %f)."""
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return ('"' + escaped + '"').replace("%", "%%")


def exec_value(argv: Sequence[str]) -> str:
    """The Exec key's value for this command line."""
    args = list(argv)
    if "%" in args[0]:
        # GLib (GNOME's menus) looks the program up by the Exec's first word *before* it undoes %%, finds no
        # ".../100%%/popbill-gui" and hides the entry; `env` is found, and is given the path with %% undone.
        args.insert(0, "env")
    return string_value(" ".join(exec_argument(arg) for arg in args))


def desktop_entry(launch: Launcher, lang: Lang = "ko") -> str:
    """The text of popbill-gui.desktop for this launcher."""
    try:
        exec_line = exec_value([str(launch.program), *launch.arguments])
        icon = string_value(str(launch.icon))
    except ValueError:
        raise ShortcutError(text("shortcut.newline", lang)) from None
    return ENTRY_TEMPLATE.format(exec=exec_line, icon=icon)


def install_entry(launch: Launcher, lang: Lang = "ko", environ: Mapping[str, str] | None = None) -> Path:
    """Write popbill-gui.desktop for this launcher (whole or not at all); its path."""
    content = desktop_entry(launch, lang)
    entry = applications_dir(environ) / ENTRY_NAME
    partial = entry.with_name(ENTRY_NAME + ".tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(content, encoding="utf-8")
        os.replace(partial, entry)
    except OSError as exc:
        with contextlib.suppress(OSError):  # the folder may be the very thing that failed
            partial.unlink(missing_ok=True)
        raise ShortcutError(text("shortcut.write_failed", lang, path=entry, reason=exc.strerror)) from None
    _update_desktop_database(entry.parent)
    return entry


def _update_desktop_database(folder: Path) -> None:
    """Some menus read a cache of the folder; refresh it when the tool is there (not being there is fine)."""
    tool = shutil.which("update-desktop-database")
    if tool:
        subprocess.run([tool, "-q", str(folder)], check=False, capture_output=True, timeout=60)  # noqa: S603 -- found by name on PATH, our arguments


# -- Windows -----------------------------------------------------------------------------------------------------------
# PowerShell ends a single-quoted string at any of these (the typographic ones too); inside, each is written twice.
_PS_QUOTES = "'\u2018\u2019\u201a\u201b"


def powershell_literal(value: str) -> str:
    """`value` as a PowerShell single-quoted string, in which nothing ($, `, &, %, ...) is expanded."""
    return "'" + "".join(c * 2 if c in _PS_QUOTES else c for c in value) + "'"


_PS_PROLOGUE = [
    "$ErrorActionPreference = 'Stop'",
    "try {",
    "  [Console]::OutputEncoding = [System.Text.Encoding]::UTF8",  # the path printed back may be Korean
]
_PS_CATCH = ["} catch {", "  [Console]::Error.WriteLine($_.Exception.Message)", "  exit 1", "}"]
_PS_LINK_PATH = "  $path = Join-Path ([Environment]::GetFolderPath('Programs')) " + powershell_literal(LINK_NAME)


def windows_install_script(launch: Launcher) -> str:
    """The PowerShell script that makes the shortcut and prints its path."""
    target = str(PureWindowsPath(launch.program))
    arguments = subprocess.list2cmdline(list(launch.arguments))
    return "\n".join(
        [
            *_PS_PROLOGUE,
            f"  $target = {powershell_literal(target)}",
            _PS_LINK_PATH,
            "  $shell = New-Object -ComObject WScript.Shell",
            "  $link = $shell.CreateShortcut($path)",
            "  $link.TargetPath = $target",
            f"  $link.Arguments = {powershell_literal(arguments)}",
            f"  $link.WorkingDirectory = {powershell_literal(str(PureWindowsPath(launch.program).parent))}",
            f"  $link.IconLocation = {powershell_literal(target + ',0')}",
            f"  $link.Description = {powershell_literal(DESCRIPTION)}",
            "  $link.Save()",
            "  $saved = $shell.CreateShortcut($path).TargetPath",
            "  if (-not ($saved -and (Test-Path -LiteralPath $saved -PathType Leaf))) {",
            "    Remove-Item -LiteralPath $path -Force",
            f"    exit {BAD_CHARS_EXIT}",
            "  }",
            "  Write-Output $path",
            *_PS_CATCH,
        ]
    )


def windows_remove_script() -> str:
    """The PowerShell script that removes the shortcut and prints `removed<TAB>path` or `nothing<TAB>path`."""
    return "\n".join(
        [
            *_PS_PROLOGUE,
            _PS_LINK_PATH,
            "  if (Test-Path -LiteralPath $path) {",
            "    Remove-Item -LiteralPath $path -Force",
            '    Write-Output "removed`t$path"',
            "  } else {",
            '    Write-Output "nothing`t$path"',
            "  }",
            *_PS_CATCH,
        ]
    )


def powershell_command(script: str, environ: Mapping[str, str] | None = None) -> list[str]:
    """The command line that runs `script` in Windows PowerShell (by its full path: never one found on PATH first)."""
    environ = os.environ if environ is None else environ
    root = environ.get("SystemRoot") or environ.get("SYSTEMROOT")
    exe = "powershell"
    if root:
        exe = str(PureWindowsPath(root, "System32", "WindowsPowerShell", "v1.0", "powershell.exe"))
    encoded = base64.b64encode(script.encode("utf-16-le")).decode("ascii")
    return [exe, "-NoLogo", "-NoProfile", "-NonInteractive", "-EncodedCommand", encoded]


def _powershell(script: str, lang: Lang, run: Runner, environ: Mapping[str, str] | None) -> str:
    """Run the script; its printed line. Raises ShortcutError with PowerShell's own reason when it fails."""
    options: dict[str, Any] = {"capture_output": True, "stdin": subprocess.DEVNULL, "timeout": 120}
    if sys.platform == "win32":
        options["creationflags"] = subprocess.CREATE_NO_WINDOW  # a windowed popbill-gui: no console flashing up
    try:
        done = run(powershell_command(script, environ), **options)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ShortcutError(text("shortcut.failed", lang, reason=f"powershell: {type(exc).__name__}")) from None
    out = done.stdout.decode("utf-8", "replace").strip()
    if done.returncode == BAD_CHARS_EXIT:
        raise ShortcutError(text("shortcut.failed", lang, reason=text("shortcut.bad_chars", lang)))
    if done.returncode != 0 or not out:
        lines = [line.strip() for line in done.stderr.decode("utf-8", "replace").splitlines() if line.strip()]
        reason = lines[-1] if lines else f"powershell exit {done.returncode}"
        raise ShortcutError(text("shortcut.failed", lang, reason=reason[:300]))
    return out.splitlines()[-1]
