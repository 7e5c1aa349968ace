"""packaging/install-menu-entry, run from an unpacked folder whose name holds &, |, %, quotes and Korean.

The script hands the work to `popbill-gui --install-shortcut` (one writer of the entry). A real packaged folder is
minutes away (packaging/check does that one); here `popbill-gui` is a stand-in that sets what PyInstaller sets in a
frozen program (sys.frozen, and sys.executable = the program itself) and runs the real popbill_gui.app.main. When the
menu starts it, it records its argv, so GLib's `gio launch` shows the entry starts the program in that folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from popbill_gui.platform import shortcuts
from tests.platform.desktop_spec import keys, launch, parse_exec, validate

REPO = Path(__file__).resolve().parents[2]
# A shell script making a freedesktop menu entry, from a folder named with | and ": Linux only (the workflow runs the
# suite on Windows and macOS too).
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux menu entry")

STAND_IN = '''\
import os
import sys

if "--install-shortcut" in sys.argv or "--remove-shortcut" in sys.argv:
    sys.frozen = True  # as PyInstaller's bootloader leaves it
    sys.executable = os.path.abspath(__file__)
    from popbill_gui.app import main

    sys.exit(main(sys.argv[1:]))
with open({marker!r}, "w", encoding="utf-8") as out:
    out.write("".join(arg + "\\n" for arg in [os.path.abspath(__file__), *sys.argv[1:]]))
'''


def run_script(folder: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(folder / "install-menu-entry"), *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_install_menu_entry_from_a_folder_named_with_reserved_characters(tmp_path: Path) -> None:
    folder = tmp_path / "Tom & Jerry | 100% 'q' \"d\" $x 회계" / "popbill-gui"
    folder.mkdir(parents=True)
    shutil.copy2(REPO / "packaging" / "install-menu-entry", folder)
    marker = tmp_path / "argv"
    program = folder / "popbill-gui"
    program.write_text(f"#!{sys.executable}\n" + STAND_IN.format(marker=str(marker)), encoding="utf-8")
    program.chmod(0o755)
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "POPBILL_LANG": "en",
    }
    entry = tmp_path / "data" / "applications" / "popbill-gui.desktop"

    done = run_script(folder, env)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Added an application-menu entry: {entry}\n"
    validate(entry)
    fields = keys(entry.read_text(encoding="utf-8"))
    assert parse_exec(fields["Exec"]) == ["env", str(program)]  # "%" in the path: through env (see exec_value)
    assert Path(fields["Icon"]) == shortcuts.ICON
    assert launch(entry, marker) == [str(program)]

    done = run_script(folder, env, "--remove")
    assert (done.returncode, done.stdout) == (0, f"Removed {entry}\n")
    assert not entry.exists()
