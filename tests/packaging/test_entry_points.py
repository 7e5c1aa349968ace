"""packaging/entry_gui.py: under --smoke-test a failure of the frozen window is an exit code, never a dialog.

PyInstaller's windowed Windows bootloader opens a dialog (waiting for a click) for an exception that escapes the
entry script, and none for SystemExit. That dialog cannot be shown here; what is checked is that the script turns
every escaping exception into SystemExit(70) under --smoke-test, and leaves it alone otherwise (a clerk gets the
dialog that says what broke). The script runs as a process, with a stand-in popbill_gui whose import fails the way
a module missing from a build does.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ENTRY = REPO / "packaging" / "entry_gui.py"
spec = importlib.util.spec_from_file_location("entry_gui", ENTRY)
assert spec is not None and spec.loader is not None
entry_gui = importlib.util.module_from_spec(spec)
spec.loader.exec_module(entry_gui)


def stand_in(tmp_path: Path, app_source: str) -> dict[str, str]:
    """An environment in which `popbill_gui.app` is `app_source`."""
    package = tmp_path / "stand_in" / "popbill_gui"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "app.py").write_text(app_source)
    return {**os.environ, "PYTHONPATH": str(package.parent)}


def run_entry(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ENTRY), *args], capture_output=True, text=True, env=env, timeout=60)


MISSING_MODULE = "import PySide6.QtMissingFromTheBuild\n\ndef gui_main():\n    pass\n"


def test_a_missing_module_under_smoke_test_is_exit_70_with_the_traceback(tmp_path: Path) -> None:
    env = stand_in(tmp_path, MISSING_MODULE)
    done = run_entry(env, "--smoke-test")
    assert done.returncode == entry_gui.INTERNAL_ERROR
    assert "Traceback (most recent call last):" in done.stderr
    assert "No module named 'PySide6.QtMissingFromTheBuild'" in done.stderr


def test_without_smoke_test_the_exception_escapes_as_before(tmp_path: Path) -> None:
    done = run_entry(stand_in(tmp_path, MISSING_MODULE), "--demo")
    assert done.returncode == 1  # Python's own unhandled exception: the frozen program's dialog, for a person
    assert "No module named 'PySide6.QtMissingFromTheBuild'" in done.stderr


@pytest.mark.parametrize("args", [(), ("--smoke-test",)])
def test_the_programs_own_exit_code_passes_through(tmp_path: Path, args: tuple[str, ...]) -> None:
    env = stand_in(tmp_path, "import sys\n\ndef gui_main():\n    sys.exit(4)\n")
    assert run_entry(env, *args).returncode == 4


def test_a_failure_after_start_under_smoke_test_is_exit_70(tmp_path: Path) -> None:
    env = stand_in(tmp_path, "def gui_main():\n    raise RuntimeError('broken after import')\n")
    done = run_entry(env, "--demo", "--smoke-test")
    assert done.returncode == 70 and "RuntimeError: broken after import" in done.stderr


def test_no_stderr_at_all_still_exits_70(monkeypatch: pytest.MonkeyPatch) -> None:
    def load() -> None:
        raise ImportError("gone")

    monkeypatch.setattr(sys, "stderr", None)  # a windowed program started with no console
    with pytest.raises(SystemExit) as caught:
        entry_gui.run(["popbill-gui", "--smoke-test"], load)
    assert caught.value.code == 70


def test_called_popbill_cli_it_starts_the_command_line(tmp_path: Path) -> None:
    # Linux's folder: popbill-cli is a symbolic link to popbill-gui, whose entry script picks by the name it was
    # started with; the window's module is never imported then (here it would fail).
    env = stand_in(tmp_path, MISSING_MODULE)
    cli = tmp_path / "stand_in" / "popbill_gui" / "cli.py"
    cli.write_text("import sys\n\ndef main():\n    print('cli', sys.argv[1:])\n    sys.exit(3)\n")
    named = tmp_path / "folder" / "popbill-cli"  # a copy: the name is what counts (and Windows may refuse links)
    named.parent.mkdir()
    shutil.copyfile(ENTRY, named)
    done = subprocess.run([sys.executable, named, "--version"], capture_output=True, text=True, env=env, timeout=60)
    assert (done.returncode, done.stdout) == (3, "cli ['--version']\n"), done.stderr
    assert entry_gui.called_as_cli("/opt/p/popbill-cli") and entry_gui.called_as_cli("C:\\p\\POPBILL-CLI.EXE")
    assert not entry_gui.called_as_cli("/opt/popbill-cli/popbill-gui") and not entry_gui.called_as_cli("")


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("wayland", "wayland;xcb"),
        ("wayland-egl", "wayland-egl;xcb"),
        ("xcb", "xcb"),
        ("offscreen", "offscreen"),
        ("wayland;xcb", "wayland;xcb"),
        ("", ""),
    ],
)
def test_a_wayland_platform_asked_for_falls_back_to_xcb(given: str, used: str) -> None:
    spec = importlib.util.spec_from_file_location("rthook", REPO / "packaging" / "rthook_qt_platform.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    assert hook.fallback(given) == used
