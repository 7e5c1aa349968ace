"""A proxy auto-configuration script run in a child process, each run bounded in time.

pypac runs scripts in dukpy's QuickJS, which holds Python's global lock while a script runs and stops only for a
signal to the main thread: a script that loops forever, run in this process in any thread, would stop every thread
of the program, the window's included, for good. So the script runs in a child process (multiprocessing's "spawn",
the same on Windows, macOS and Linux; the packaged program calls freeze_support() first), started when a session
first needs the script and kept for the session. A start, a compile or a look-up that takes longer than its bound
ends the child, and the script is not used again in that session (the caller goes direct and says why). The child
also ends itself (faulthandler's watchdog, which needs no lock) should this process be gone while a script loops,
and it keeps the JavaScript engine out of the program's own memory. As with any use of multiprocessing, a Python
file that is run as the program must start it under `if __name__ == "__main__":` (the child imports that file
again); the console scripts, `python -m` and the packaged entry scripts do.
"""

from __future__ import annotations

import logging
import threading
import weakref
from typing import Any

log = logging.getLogger(__name__)

PAC_START_TIMEOUT = 30.0  # seconds for the child to start and load the engine (a packaged program, a cold disk)
PAC_RUN_TIMEOUT = 10.0  # seconds for one compile or FindProxyForURL (a script may look host names up: DNS is slow)

TOO_SLOW = "proxy.reason.too_slow"
ENGINE = "proxy.reason.engine"
NOT_SCRIPT = "proxy.reason.not_script"
FAILED = "proxy.reason.failed"


class PacProblem(Exception):
    """The script cannot answer: `reason` is the message key saying why (proxy.reason.*)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PacScript:
    """One script in its own child process: `find(url, host)` is FindProxyForURL's answer, parsed.

    Thread-safe (one look-up at a time). `close()` ends the child; so does garbage collection, and the end of
    this process (a daemon child).
    """

    def __init__(self, source: str) -> None:
        self._source = source
        self._lock = threading.Lock()
        self._conn: Any = None  # multiprocessing.connection.Connection
        self._process: Any = None  # multiprocessing.Process
        self._dead: str | None = None  # why the script is no longer asked (a message key)
        self._finalizer: weakref.finalize[..., PacScript] | None = None

    def start(self) -> None:
        """Start the child and compile the script there; PacProblem if it cannot be used."""
        with self._lock:
            if self._process is None and self._dead is None:
                self._start()
            if self._dead is not None:
                raise PacProblem(self._dead)

    def find(self, url: str, host: str) -> tuple[str, list[str]]:
        """FindProxyForURL(url, host) as the script returned it, and its choices (pypac's parse_pac_value)."""
        with self._lock:
            if self._process is None and self._dead is None:
                self._start()
            if self._dead is not None:
                raise PacProblem(self._dead)
            reply = self._ask(("find", PAC_RUN_TIMEOUT, url, host), PAC_RUN_TIMEOUT)
            if reply[0] != "value":
                raise PacProblem(FAILED)
            return str(reply[1]), [str(choice) for choice in reply[2]]

    def close(self) -> None:
        with self._lock:
            self._end(self._dead or FAILED)

    @property
    def running(self) -> bool:
        """Whether a child process is there for this script."""
        process = self._process
        return process is not None and process.is_alive()

    # -- the child's life, from here (the lock is held) ----------------------------------------------------

    def _start(self) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        try:
            ours, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs,), name="popbill-pac", daemon=True)
            process.start()
        except Exception as exc:  # noqa: BLE001 -- no child can be started here (resources, a daemon process)
            log.warning("the proxy auto-configuration script cannot be run: %s", type(exc).__name__)
            self._dead = ENGINE
            return
        theirs.close()  # only the child holds its end now: its exit is seen as the end of the pipe
        self._conn, self._process = ours, process
        self._finalizer = weakref.finalize(self, _stop, process, ours)
        try:
            started = self._ask(None, PAC_START_TIMEOUT, slow=ENGINE)
            if started != ("started", True):
                raise PacProblem(ENGINE)
            compiled = self._ask(("compile", PAC_RUN_TIMEOUT, self._source), PAC_RUN_TIMEOUT)
            if compiled[0] != "ready":
                raise PacProblem(str(compiled[1]) if compiled[0] == "problem" else FAILED)
        except PacProblem as problem:
            self._end(problem.reason)

    def _ask(self, message: tuple[Any, ...] | None, timeout: float, slow: str = TOO_SLOW) -> tuple[Any, ...]:
        """Send `message` (if any) and wait up to `timeout` for the answer; past it the child is ended."""
        try:
            if message is not None:
                self._conn.send(message)
            if not self._conn.poll(timeout):
                log.warning("the proxy auto-configuration script did not answer within %g s: not used", timeout)
                self._end(slow)
                raise PacProblem(slow)
            reply = self._conn.recv()
        except (EOFError, OSError):  # the child is gone (it crashed, or ended itself)
            self._end(FAILED)
            raise PacProblem(FAILED) from None
        return tuple(reply)

    def _end(self, reason: str) -> None:
        self._dead = reason
        if self._finalizer is not None:
            self._finalizer()  # runs _stop once
        self._conn = self._process = self._finalizer = None


def _stop(process: Any, conn: Any) -> None:
    """End a child: ask it to go, then make it go."""
    try:
        conn.send(None)
    except (OSError, ValueError):
        pass
    conn.close()
    process.join(0.2)
    if process.is_alive():
        process.kill()  # SIGKILL / TerminateProcess: a script in a loop hears nothing else
        process.join(2.0)


# -- the child process ---------------------------------------------------------------------------------------


def _serve(conn: Any) -> None:
    """The child: load the engine, compile the script, answer look-ups until told to stop or the pipe closes."""
    import faulthandler
    import os
    import signal
    import sys
    import warnings

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal reaches us too: the program decides
    # Nothing of ours reaches the program's output (popbill-cli --json prints there): not pypac's warnings about
    # odd entries, not what a script prints with alert() or console.log(). The program says what matters.
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    quiet = open(os.devnull, "w")  # open for the process's life
    for stream in (1, 2):
        try:
            os.dup2(quiet.fileno(), stream)
        except OSError:  # a windowed program may have no such stream
            pass
    sys.stdout = sys.stderr = quiet
    try:
        import dukpy  # noqa: F401 -- pypac's engine
        import pypac.parser  # noqa: F401
    except ImportError:
        conn.send(("started", False))
        return
    conn.send(("started", True))
    # Should the program be gone while a script loops (killed), nothing would end us: this watchdog, a C thread
    # that needs no lock, ends this process after twice the program's bound of the run (the message's second item).
    script: Any = None
    try:
        while True:
            message = conn.recv()
            if message is None:
                return
            faulthandler.dump_traceback_later(2 * message[1], exit=True, file=quiet)
            try:
                if message[0] == "compile":
                    script, reply = _compile_reply(message[2])
                else:
                    reply = _find_reply(script, message[2], message[3])
            finally:
                faulthandler.cancel_dump_traceback_later()
            conn.send(reply)
    except (EOFError, OSError):  # the program ended, or ended us
        return


def _compile_reply(source: str) -> tuple[Any, tuple[Any, ...]]:
    try:
        return _compile(source), ("ready",)
    except OSError:  # the engine's own script files are missing (a package built without them)
        return None, ("problem", ENGINE)
    except Exception:  # noqa: BLE001 -- MalformedPacError, a script that throws, the engine failing on odd input
        return None, ("problem", NOT_SCRIPT)


def _find_reply(script: Any, url: str, host: str) -> tuple[Any, ...]:
    from pypac.parser import parse_pac_value

    try:
        value = str(script.find_proxy_for_url(url, host) or "")
        return ("value", value, parse_pac_value(value, "socks5"))
    except Exception:  # noqa: BLE001 -- dukpy's JSRuntimeError, or a script that returns garbage
        return ("failed",)


# Runs before a script: dukpy's interpreter gives every script a snapshot of the process's environment, where
# POPBILL_SECRET_KEY or POPBILL_TOKEN may be, and a CommonJS loader that reads files.
_PRELUDE = (
    "delete globalThis.process; globalThis.process = undefined; globalThis.require = undefined;"
    " globalThis.module = undefined; globalThis.exports = undefined;"
)


def _compile(source: str) -> Any:
    """A pypac PACFile for `source`, fenced: a script from the network (WPAD above all) could otherwise read the
    environment or files and spell them out in a dnsResolve() look-up. The interpreter is built as pypac's PACFile
    builds it (its PAC functions injected, a trial call), less dukpy's module loader, and the prelude runs first."""
    import itertools

    from dukpy import JSInterpreter
    from pypac.parser import PACFile, _inject_function_into_js
    from pypac.parser_functions import function_injections
    from pypac.parser_functions_ex import function_injections as ipv6_functions

    context = JSInterpreter()
    for name in ("dukpy.load_module", "dukpy.normalize_module"):  # what require() and call_python() would read with
        context._funcs.pop(name, None)
    for name, func in itertools.chain(function_injections.items(), ipv6_functions.items()):
        _inject_function_into_js(context, name, func)
    context.evaljs(_PRELUDE)
    context.evaljs(source)
    pac = PACFile.__new__(PACFile)
    pac._context, pac._entry_func, pac.js = context, "FindProxyForURL", source
    pac.find_proxy_for_url("/", "0.0.0.0")  # noqa: S104 -- as pypac does: an unimplemented function shows here, not later
    return pac
