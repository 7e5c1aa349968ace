"""The Start-menu shortcut and the application-menu entry: `popbill-gui --install-shortcut` / `--remove-shortcut`.

Windows  popbill-gui.lnk in the user's Start Menu\\Programs (the folder Windows reports, so a redirected profile
         works), made by Windows PowerShell through the WScript.Shell COM object: nothing to install. PowerShell
         reads a constant ASCII script from standard input (`-Command -`: no encoded blob on a command line, which
         endpoint security tools flag) and the values from its environment (UTF-16: Korean survives, nothing is
         quoted). WScript.Shell's shortcut object passes text through the ANSI code page, so the script reads the
         target back and, when it no longer names a file, removes the shortcut and says so (exit 3) instead of
         leaving one that starts nothing. (Not a text comparison: Windows may give the target back in its long form.)
Linux    popbill-gui.desktop in $XDG_DATA_HOME/applications (~/.local/share/applications), its Exec quoted as the
         Desktop Entry Specification says; packaging/install-menu-entry runs this, so there is one way to write it.
macOS    nothing to make: popbill-gui.app goes into /Applications, and a sentence says so.

What the shortcut starts: the frozen program itself, or (installed with pip) this Python with `-m popbill_gui`.
Every outcome is one sentence (core/messages.py); a failure raises ShortcutError carrying it.
"""

from __future__ import annotations

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
Exec={exec} %F
Icon={icon}
Terminal=false
Categories=Office;Finance;
MimeType=text/csv;application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;
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
        path = _powershell(WINDOWS_INSTALL_SCRIPT, windows_install_values(launch), lang, run, environ)
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
        status, _, path = _powershell(WINDOWS_REMOVE_SCRIPT, {}, lang, run, environ).partition("\t")
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
# The script is a constant, pure ASCII: every value (paths that may hold Korean, quotes, $ or %) reaches it through the
# environment, which Windows passes as UTF-16, so nothing is quoted anywhere and no code page touches the values.
# PowerShell reads it from standard input (-Command -) statement by statement, as if typed at its prompt: so it is
# one statement, `& { ... }`, and a blank line ends it. A statement it never ran leaves no output: a failure below.
ENV_TARGET = "POPBILL_SHORTCUT_TARGET"
ENV_ARGUMENTS = "POPBILL_SHORTCUT_ARGUMENTS"
ENV_FOLDER = "POPBILL_SHORTCUT_FOLDER"
ENV_DESCRIPTION = "POPBILL_SHORTCUT_DESCRIPTION"

_PS_OPEN = [
    "& {",
    "  $ErrorActionPreference = 'Stop'",
    "  try {",
    "    [Console]::OutputEncoding = [System.Text.Encoding]::UTF8",  # the path printed back may be Korean
    f"    $path = Join-Path ([Environment]::GetFolderPath('Programs')) '{LINK_NAME}'",
]
_PS_CLOSE = ["  } catch {", "    [Console]::Error.WriteLine($_.Exception.Message)", "    exit 1", "  }", "}", "", ""]

WINDOWS_INSTALL_SCRIPT = "\n".join(
    [
        *_PS_OPEN,
        f"    $target = [string]$env:{ENV_TARGET}",
        "    $shell = New-Object -ComObject WScript.Shell",
        "    $link = $shell.CreateShortcut($path)",
        "    $link.TargetPath = $target",
        f"    $link.Arguments = [string]$env:{ENV_ARGUMENTS}",
        f"    $link.WorkingDirectory = [string]$env:{ENV_FOLDER}",
        "    $link.IconLocation = $target + ',0'",
        f"    $link.Description = [string]$env:{ENV_DESCRIPTION}",
        "    $link.Save()",
        # WScript.Shell passes text through the ANSI code page: read the target back, and remove a shortcut whose
        # target no longer names a file (Hangul on a non-Korean Windows comes back as "?").
        "    $saved = $shell.CreateShortcut($path).TargetPath",
        "    if (-not ($saved -and (Test-Path -LiteralPath $saved -PathType Leaf))) {",
        "      Remove-Item -LiteralPath $path -Force",
        f"      exit {BAD_CHARS_EXIT}",
        "    }",
        "    Write-Output $path",
        *_PS_CLOSE,
    ]
)
"""Makes the shortcut from the environment's values (windows_install_values) and prints its path."""

WINDOWS_REMOVE_SCRIPT = "\n".join(
    [
        *_PS_OPEN,
        "    if (Test-Path -LiteralPath $path) {",
        "      Remove-Item -LiteralPath $path -Force",
        '      Write-Output "removed`t$path"',
        "    } else {",
        '      Write-Output "nothing`t$path"',
        "    }",
        *_PS_CLOSE,
    ]
)
"""Removes the shortcut and prints `removed<TAB>path` or `nothing<TAB>path`."""


def windows_install_values(launch: Launcher) -> dict[str, str]:
    """What WINDOWS_INSTALL_SCRIPT reads from its environment for this launcher."""
    program = PureWindowsPath(launch.program)
    return {
        ENV_TARGET: str(program),
        ENV_ARGUMENTS: subprocess.list2cmdline(list(launch.arguments)),
        ENV_FOLDER: str(program.parent),
        ENV_DESCRIPTION: DESCRIPTION,
    }


def powershell_command(environ: Mapping[str, str] | None = None) -> list[str]:
    """The command line of Windows PowerShell reading its script from standard input (by its full path: never one
    found on PATH first). Nothing else is on it: no script, no encoded blob."""
    environ = os.environ if environ is None else environ
    root = environ.get("SystemRoot") or environ.get("SYSTEMROOT")
    exe = "powershell"
    if root:
        exe = str(PureWindowsPath(root, "System32", "WindowsPowerShell", "v1.0", "powershell.exe"))
    return [exe, "-NoLogo", "-NoProfile", "-NonInteractive", "-Command", "-"]


def _powershell(
    script: str, values: Mapping[str, str], lang: Lang, run: Runner, environ: Mapping[str, str] | None
) -> str:
    """Run the script with `values` in its environment; its printed line. Raises ShortcutError with PowerShell's own
    reason when it fails."""
    base = os.environ if environ is None else environ
    options: dict[str, Any] = {
        "input": script.encode("ascii"),
        "capture_output": True,
        "env": {**base, **values},
        "timeout": 120,
    }
    if sys.platform == "win32":
        options["creationflags"] = subprocess.CREATE_NO_WINDOW  # a windowed popbill-gui: no console flashing up
    try:
        done = run(powershell_command(environ), **options)
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
