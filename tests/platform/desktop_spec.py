"""Test helpers: reading a desktop entry back, independently of the code that wrote it.

parse_exec() follows the Desktop Entry Specification's text (string escapes first, then the Exec quoting, then the
%% field code); launch() asks GLib (`gio launch`, what GNOME's menus use) to start the entry for real and reports
the command line the started program received.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest

_STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
_QUOTED_ESCAPES = '"`$\\'


def keys(entry: str) -> dict[str, str]:
    """The [Desktop Entry] group's keys (raw values)."""
    out: dict[str, str] = {}
    for line in entry.splitlines():
        if "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            out[key] = value
    return out


def unescape_string(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value) and value[i + 1] in _STRING_ESCAPES:
            out.append(_STRING_ESCAPES[value[i + 1]])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


FILE_CODES = ("%f", "%F", "%u", "%U")  # the files handed to the program: a whole argument, standing alone


def parse_exec(value: str) -> list[str]:
    """The argument vector an Exec value stands for when no file is handed over (a standalone %f/%F/%u/%U then
    stands for nothing; no other field code expected but %%)."""
    text = unescape_string(value)
    args: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == " ":
            i += 1
            continue
        arg = []
        if text[i] == '"':
            i += 1
            while text[i] != '"':
                if text[i] == "\\":
                    assert text[i + 1] in _QUOTED_ESCAPES, f"bad escape in {text!r}"
                    i += 1
                arg.append(text[i])
                i += 1
            i += 1
        else:
            while i < len(text) and text[i] != " ":
                assert text[i] not in " \t\n\"'\\><~|&;$*?#()`", f"reserved character unquoted in {text!r}"
                arg.append(text[i])
                i += 1
            if "".join(arg) in FILE_CODES:
                continue
        word = "".join(arg)
        assert "%" not in word.replace("%%", ""), f"a field code in {word!r}"
        args.append(word.replace("%%", "%"))
    return args


def recorder(folder: Path, marker: Path) -> Path:
    """An executable `prog` in `folder` that writes its own path and arguments to `marker`, one per line."""
    folder.mkdir(parents=True, exist_ok=True)
    prog = folder / "prog"
    prog.write_text(f'#!/bin/sh\nprintf "%s\\n" "$0" "$@" > "{marker}.tmp" && mv "{marker}.tmp" "{marker}"\n')
    prog.chmod(prog.stat().st_mode | stat.S_IXUSR)
    return prog


def validate(entry: Path) -> None:
    """desktop-file-validate must accept the entry (skipped only where the tool is missing and not required)."""
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        if os.environ.get("POPBILL_REQUIRE_TOOLS") == "1":
            pytest.fail("POPBILL_REQUIRE_TOOLS=1 but desktop-file-validate is missing")
        return
    result = subprocess.run([tool, str(entry)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def launch(entry: Path, marker: Path, timeout: float = 10, files: tuple[Path, ...] = ()) -> list[str]:
    """Start the entry with GLib's `gio launch` (handing it `files`); what the started program saw as its argv."""
    gio = shutil.which("gio")
    if gio is None:
        if os.environ.get("POPBILL_REQUIRE_TOOLS") == "1":
            pytest.fail("POPBILL_REQUIRE_TOOLS=1 but gio (libglib2.0-bin) is missing")
        pytest.skip("gio not installed")
    marker.unlink(missing_ok=True)
    result = subprocess.run([gio, "launch", str(entry), *map(str, files)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"GLib refused the entry: {result.stderr}"
    deadline = time.monotonic() + timeout
    while not marker.exists():
        assert time.monotonic() < deadline, "the entry's program never started"
        time.sleep(0.05)
    return marker.read_text(encoding="utf-8").split("\n")[:-1]
