"""What popbill-cli's terminal can carry: output that never fails on encoding, and secrets that never echo.

Output. Redirected output on Windows takes the system's code page (cp1252 on an English Windows, cp949 on a
Korean one), and `PYTHONIOENCODING` may name anything: a Korean sentence then cannot be encoded, and a call that
succeeded would end in UnicodeEncodeError (exit 70). So a stream whose encoding cannot carry all of Unicode writes
what it cannot show as backslash escapes (`\\uc774`), as Python's own stderr does: nothing is lost (the text can be
read back), nothing fails. JSON is written with `ensure_ascii=True` on such a stream instead: pure ASCII is valid
in every one of those code pages and parses back to the same text, where escaped Korean inside a JSON string
would sometimes not be JSON at all (`\\xe9`). A UTF-8 stream gets the text as it is, JSON included.

Secrets. A terminal (a POSIX tty, a Windows console) gets `getpass`: no echo. Input that is not a terminal (a pipe
from a script, a file) is read as one line with no prompt: nothing is shown anyway. The exception is Git Bash's
mintty (and Cygwin's) when it runs without a pseudo console: to a Windows program its terminal is a named pipe
(`\\msys-<16 hex>-pty<n>-from-master`), the terminal itself echoes what is typed, and no program can switch that
off (CONIN$ would read from a hidden console nobody can type into). There the SecretKey is not read at all: a
sentence says how to give it without echo (winpty, `read -rs` and a pipe, or the window). The detection is the
one Git for Windows and Rust's standard library use: the pipe's name, asked with GetFileInformationByHandleEx.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from typing import IO, Any, Final

# The pipe names of a Cygwin/MSYS terminal, as those terminals create them.
_MSYS_PTY: Final = re.compile(r"\\(?:cygwin|msys)-[0-9a-f]{16}-pty[0-9]+-(?:from|to)-master")
# Encodings that carry every character.
_UNICODE: Final = ("utf-8", "utf-16", "utf-32", "gb18030")


def unicode_capable(stream: IO[str]) -> bool:
    """Whether `stream` can carry every character (a text buffer with no encoding carries str as it is)."""
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return True
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return name.startswith(_UNICODE)


def never_fail(stream: IO[str]) -> None:
    """From now on `stream` writes what its encoding cannot carry as backslash escapes instead of raising."""
    if unicode_capable(stream):
        return
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):
            pass  # write_line still never fails


def write_line(stream: IO[str], line: str) -> None:
    """`line` and a newline, flushed; what the stream's encoding cannot carry is escaped, never an error."""
    try:
        stream.write(line + "\n")
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write((line + "\n").encode(encoding, "backslashreplace").decode(encoding))
    stream.flush()


def json_line(data: Any, stream: IO[str]) -> str:
    """`data` as one line of JSON that `stream` can carry whole: the text itself on a Unicode stream, \\u escapes
    (still the same JSON) on any other."""
    return json.dumps(data, ensure_ascii=not unicode_capable(stream))


def is_msys_pty_name(name: str) -> bool:
    """Whether a pipe's name is that of a Cygwin/MSYS terminal (mintty without a pseudo console)."""
    return _MSYS_PTY.search(name) is not None


def echoing_terminal(stream: IO[str]) -> bool:
    """Whether `stream` is a terminal that shows what is typed and cannot be told not to: on Windows, a
    Cygwin/MSYS terminal's pipe. False everywhere else (a tty or a console is asked with getpass)."""
    if sys.platform != "win32":
        return False
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    name = _pipe_name(fd)
    return name is not None and is_msys_pty_name(name)


def _pipe_name(fd: int) -> str | None:
    """The name of the pipe open as `fd` (Windows), or None when it is no pipe or cannot be asked."""
    if sys.platform != "win32":
        return None
    import ctypes
    import msvcrt
    from ctypes import wintypes

    file_type_pipe, file_name_info = 3, 2
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    try:
        handle = msvcrt.get_osfhandle(fd)
    except OSError:
        return None
    if kernel32.GetFileType(wintypes.HANDLE(handle)) != file_type_pipe:
        return None
    size = 4 + 2 * 1024  # FILE_NAME_INFO: a DWORD length in bytes, then the UTF-16 name
    buffer = ctypes.create_string_buffer(size)
    if not kernel32.GetFileInformationByHandleEx(wintypes.HANDLE(handle), file_name_info, buffer, size):
        return None
    length = int.from_bytes(buffer.raw[:4], "little")
    return buffer.raw[4 : 4 + min(length, size - 4)].decode("utf-16-le", "replace")
