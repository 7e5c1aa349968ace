"""One window per user and data: a second start hands its files (or only its wish to be seen) to the first, and ends.

`claim(key)` takes an OS lock for the life of the process (`storage/locks.py`: flock / LockFile, so a crashed or
killed window holds nothing afterwards and no stale owner is guessed at). The process that has it is the first:
after its first paint it `listen`s, on a thread, for the others. A process that finds the lock held is a second
start: `hand_over(key, files)` connects to the first and sends it the files' absolute paths; the first answers "ok"
once it has them, and the second ends. No answer within `HAND_OVER_WAIT` (the first still starting, or hung): the
second opens a window of its own, as before there was any of this.

The channel is the standard library's `multiprocessing.connection` (no Qt module: QtNetwork would add 3 MB to the
packaged folder for this alone): a Unix socket in a folder only the user can enter (macOS, Linux: in the temporary
folder, `popbill-gui-<uid>`, 0700 and checked to be the user's), a named pipe on Windows, whose name carries the
user and the session (pipe names are machine-wide; Windows creates it with FILE_FLAG_FIRST_PIPE_INSTANCE, so nobody
else can take a name we hold, and its default ACL lets other users read, not write). Only the lock's holder ever
removes a socket file a crashed window left, so two starts never race to.

`key` names what a window works on (the user's history: POPBILL_HISTORY, or the default; the demo apart), so a
second window on other data is not handed over. Qt-free: the window turns `on_files` into a queued signal.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from ..storage.locks import FileLock, LockBusy
from ..storage.private import private_folder

if TYPE_CHECKING:
    from multiprocessing.connection import Listener
    from multiprocessing.connection import _ConnectionBase as Connection  # a socket's or (Windows) a pipe's

log = logging.getLogger(__name__)

HAND_OVER_WAIT: Final = 3.0  # seconds a second start tries to reach the first (which may be starting)
_ANSWER_WAIT: Final = 5.0  # seconds a second start waits for the first's "ok", once connected
_QUIET_CLIENT: Final = 2.0  # seconds the first waits for a connected start to say what it wants
MAX_MESSAGE: Final = 1 << 20  # bytes: a message is a list of paths
_OK: Final = b"ok"
_WAKE: Final = b"wake"  # what close() sends its own listener to end its accept()

OnFiles = Callable[[list[str]], None]


def instance_key(history: str | os.PathLike[str] | None, *, demo: bool) -> str:
    """What identifies a window: its history file (None: the platform's default) and whether it is the demo."""
    if demo:
        return "demo"
    return "default" if history is None else str(Path(history).absolute())


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for the uid (a container): the uid says the same
        if sys.platform == "win32":
            return "user"
        return str(os.getuid())


def _digest(key: str) -> str:
    """A short name for (user, Windows session, key): a name, not a secret (anyone can work a user's name out),
    so two CRC-32s rather than hashlib, whose OpenSSL costs the first window 6 ms of start-up."""
    session = os.environ.get("SESSIONNAME", "") if sys.platform == "win32" else ""
    data = f"{_user()}\0{session}\0{key}".encode()
    return f"{zlib.crc32(data):08x}{zlib.crc32(data, 0x9E3779B9):08x}"


def _folder() -> Path:
    """Where the lock (and, on macOS and Linux, the socket) lives: the user's own, 0700, checked to be theirs."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or tempfile.gettempdir()) / "popbill-gui" / "instance"
        return private_folder(base)
    # A folder of the user's own in the temporary folder (macOS's is the user's already; Linux's /tmp is shared,
    # hence the uid and the owner check). Not XDG_RUNTIME_DIR: TMPDIR keeps a test's program apart from a real
    # window. Kept short: a socket's path has at most 104 bytes on macOS.
    folder = private_folder(Path(tempfile.gettempdir()) / f"popbill-gui-{os.getuid()}")
    if folder.stat().st_uid != os.getuid():
        raise PermissionError(f"{folder} belongs to another user")
    return folder


def _address(digest: str, folder: Path) -> tuple[str, str]:
    """(address, family) of the first window's listener."""
    if sys.platform == "win32":
        return rf"\\.\pipe\popbill-gui-{digest}", "AF_PIPE"
    return str(folder / f"{digest}.sock"), "AF_UNIX"


class Instance:
    """The first window's claim: the lock, held until `close()` (or the process ends), and its listener."""

    def __init__(self, lock: FileLock, address: str, family: str) -> None:
        self._lock = lock
        self.address = address
        self.family = family
        self._listener: Listener | None = None
        self._thread: threading.Thread | None = None
        self._closed = threading.Event()
        self._ready = threading.Event()  # the listener made (or failed to be)

    @property
    def listening(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def listen(self, on_files: OnFiles) -> bool:
        """Take the second starts' files from now on: `on_files(paths)` runs on the listener's thread, once per
        start (an empty list: a start without files, which only wants the window seen). The listener is made on
        that thread too (its imports are no work for the window's); if it cannot be made, the window works alone
        and a second start opens its own. False if closed already."""
        if self._thread is None and not self._closed.is_set():
            self._thread = threading.Thread(
                target=self._run, args=(on_files,), name="popbill-gui instance", daemon=True
            )
            self._thread.start()
        return self.listening

    def wait_listening(self, timeout: float) -> bool:
        """Whether the listener is there, waiting up to `timeout` seconds for the thread to make it."""
        return self._ready.wait(timeout) and self._listener is not None and not self._closed.is_set()

    def _run(self, on_files: OnFiles) -> None:
        from multiprocessing.connection import Listener

        try:
            if self.family == "AF_UNIX" and os.path.exists(self.address):
                os.unlink(self.address)  # left by a window that crashed: we hold the lock, nobody else listens
            self._listener = Listener(self.address, self.family)
        except OSError as exc:
            log.warning("no hand-over from a second start: %s", type(exc).__name__)
            return
        finally:
            self._ready.set()
        self._serve(self._listener, on_files)

    def _serve(self, listener: Listener, on_files: OnFiles) -> None:
        while not self._closed.is_set():
            try:
                connection = listener.accept()
            except OSError:
                if self._closed.is_set():
                    return
                log.warning("a second start could not be taken", exc_info=True)
                time.sleep(0.1)  # not a tight loop on a listener that keeps failing
                continue
            with connection:
                if self._closed.is_set():
                    return
                self._take(connection, on_files)

    def _take(self, connection: Connection[Any, Any], on_files: OnFiles) -> None:
        try:
            if not connection.poll(_QUIET_CLIENT):
                return
            message = connection.recv_bytes(MAX_MESSAGE)
            if message == _WAKE:
                return
            files = json.loads(message.decode("utf-8"))["files"]
            if not isinstance(files, list) or not all(isinstance(name, str) for name in files):
                raise ValueError("not a list of paths")
            on_files(files)
            connection.send_bytes(_OK)
        except (OSError, EOFError, ValueError, KeyError, TypeError) as exc:
            log.warning("a second start's message was not understood: %s", type(exc).__name__)

    def close(self) -> None:
        """Stop listening and give the lock up (the window closes). Idempotent."""
        if self._closed.is_set():
            return
        self._closed.set()
        thread = self._thread
        if thread is not None and thread.is_alive():
            self._ready.wait(2.0)
            if self._listener is not None:
                try:
                    _send(self.address, self.family, _WAKE)  # accept() blocks: a connection of our own ends it
                except OSError:
                    pass
            thread.join(2.0)
        listener = self._listener
        if listener is not None:
            try:
                listener.close()  # removes the socket file (macOS, Linux)
            except OSError:
                pass
        folder = self._lock.path.parent
        self._lock.release()
        try:
            folder.rmdir()  # nothing left behind, unless another window (other data) is still there
        except OSError:
            pass


class NoClaim(Exception):
    """Neither first nor second: no lock can be had at all (a read-only folder, or one another user owns)."""


def claim(key: str) -> Instance | None:
    """The Instance if this process is the first window for `key`; None if another window holds it. Raises
    NoClaim when no lock can be had at all: the window then works alone, as before there was any of this."""
    try:
        folder = _folder()
        digest = _digest(key)
        lock = FileLock.acquire(folder / f"{digest}.lock")
    except LockBusy:
        return None
    except OSError as exc:
        log.warning("no single window: %s", exc)
        raise NoClaim(str(exc)) from exc
    return Instance(lock, *_address(digest, folder))


def _send(address: str, family: str, message: bytes) -> Connection[Any, Any]:
    from multiprocessing.connection import Client

    connection = Client(address, family)
    connection.send_bytes(message)
    return connection


def hand_over(key: str, files: Sequence[str], *, wait: float = HAND_OVER_WAIT) -> bool:
    """Give `files` (made absolute here: the first window has another working folder) to the first window for
    `key`; True once it said it has them. False if it could not be reached within `wait` seconds or did not
    answer: the caller then opens a window of its own."""
    try:
        folder = _folder()
    except OSError:
        return False
    address, family = _address(_digest(key), folder)
    if sys.platform == "win32":
        import ctypes

        # The window already open may come to the front: Windows lets only the program the user just started do
        # that, and this start is it (ASFW_ANY; without it the taskbar button only flashes).
        ctypes.windll.user32.AllowSetForegroundWindow(-1)
    message = json.dumps({"files": [os.path.abspath(name) for name in files]}).encode("utf-8")
    deadline = time.monotonic() + wait
    while True:
        try:
            connection = _send(address, family, message)
            break
        except OSError:  # not listening yet (starting) or gone (closing): try again until the deadline
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)
    with connection:
        try:
            return connection.poll(_ANSWER_WAIT) and connection.recv_bytes(16) == _OK
        except (OSError, EOFError):
            return False
