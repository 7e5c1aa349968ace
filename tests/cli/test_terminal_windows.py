"""popbill-cli's Windows console code on Windows itself: the pipe-name check behind "Git Bash would echo the key".

tests/cli/test_terminal.py injects the detection; these (the `windows` marker: the workflow's windows job) make
real named pipes with the names a Cygwin/MSYS terminal gives its pipes, ask Windows for the name as
cli/terminal.py does (GetFileInformationByHandleEx), and hand such a pipe to a real `popbill-cli login` as its
standard input: it must refuse to read the SecretKey there, with the sentence saying what to do instead.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from popbill_gui.cli import terminal
from popbill_gui.core.messages import text

from .test_cli import CLI, base_env

pytestmark = pytest.mark.windows


@contextmanager
def named_pipe(name: str) -> Iterator[int]:
    """A real named pipe \\\\.\\pipe\\<name>; yields a file descriptor of its client end (read side)."""
    import ctypes
    import msvcrt
    from ctypes import wintypes

    kernel32: Any = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateNamedPipeW.restype = wintypes.HANDLE
    kernel32.CreateNamedPipeW.argtypes = [wintypes.LPCWSTR, *[wintypes.DWORD] * 6, wintypes.LPVOID]
    kernel32.CreateFileW.restype = wintypes.HANDLE
    dword = wintypes.DWORD
    kernel32.CreateFileW.argtypes = [wintypes.LPCWSTR, dword, dword, wintypes.LPVOID, dword, dword, wintypes.HANDLE]
    invalid = wintypes.HANDLE(-1).value
    path = "\\\\.\\pipe\\" + name
    pipe_access_duplex, open_existing, generic_read_write = 3, 3, 0xC0000000
    server = kernel32.CreateNamedPipeW(path, pipe_access_duplex, 0, 1, 4096, 4096, 0, None)
    assert server != invalid, ctypes.get_last_error()
    client = kernel32.CreateFileW(path, generic_read_write, 0, None, open_existing, 0, None)
    assert client != invalid, ctypes.get_last_error()
    fd = msvcrt.open_osfhandle(client, os.O_RDONLY)
    try:
        yield fd
    finally:
        os.close(fd)
        kernel32.CloseHandle(server)


def msys_name(kind: str) -> str:
    return f"msys-{secrets.token_hex(8)}-{kind}"


@pytest.mark.parametrize(
    ("kind", "echoing"),
    [("pty0-from-master", True), ("pty3-to-master", True), ("4480-pipe-0x1", False)],
)
def test_the_name_windows_gives_a_pipe_is_what_the_check_reads(kind: str, echoing: bool) -> None:
    name = msys_name(kind)
    with named_pipe(name) as fd:
        assert terminal._pipe_name(fd) == "\\" + name
        with open(fd, closefd=False) as stream:  # the descriptor itself is named_pipe's to close
            assert terminal.echoing_terminal(stream) is echoing


def test_an_anonymous_pipe_and_a_file_are_no_terminal(tmp_path: Path) -> None:
    read, write = os.pipe()
    try:
        assert not terminal.is_msys_pty_name(terminal._pipe_name(read) or "")
    finally:
        os.close(read)
        os.close(write)
    with open(tmp_path / "input.txt", "w+") as file:
        assert terminal._pipe_name(file.fileno()) is None  # a disk file: not even asked for a name


def test_popbill_cli_login_refuses_to_read_the_key_from_a_git_bash_terminal() -> None:
    with named_pipe(msys_name("pty0-from-master")) as fd:
        done = subprocess.run(
            [CLI, "login", "--link-id", "LINK"],
            stdin=fd,
            capture_output=True,
            env=base_env(POPBILL_LANG="en"),
            timeout=60,
            check=False,
        )
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, err
    assert text("cli.secret_would_echo", "en") in err and "winpty" in err
    assert "Traceback" not in err and sys.platform == "win32"
