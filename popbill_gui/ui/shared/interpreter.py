"""How the window's process shares the interpreter between the GUI thread and the job runner's workers: every
process-wide setting the window makes, in one place, each with its reason and its benchmark.

- The switch interval (`share_with_the_gui`): CPython makes a thread that holds the interpreter hand it over every
  switch interval (5 ms by default). While a worker read a 100,000-row file, the window's median wait to run was
  about 18 ms; at 1 ms it is about 2 ms, for a few per cent of the reading speed (benchmarks/bench_load.py).
- The cyclic collector (`quiet_collector`): off while a job builds a great many objects, and what it built frozen
  out of later collections (gc.freeze). Off also while the window's modules load (at the top of `app.py`, which
  must hold it before PySide6 and this module are imported): about 50 collections, 7 ms of the start-up, that
  would free nothing; what they made is then frozen, so that the next collections do not walk it either (8 ms).
- Big things let go of in pieces (`release`), on a job.
- PySide's import hook made cheap (`lighten_pyside_imports`, run by `ui/__init__.py` before any of the window's
  modules loads): PySide6 looks at every module imported after it for the word "PySide6" (for its `__feature__`
  switches, which this program does not use) with `inspect.getsource`, which reads each file through `linecache`
  and keeps every line of it for the rest of the process: about 4 MB and 10-40 ms of the window's start-up, on
  whichever thread imports (benchmarks/bench_gui.py). The same question is answered from the file's bytes, kept
  nowhere, and what it cached before that is dropped.
"""

from __future__ import annotations

import gc
import itertools
import linecache
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Final

GUI_SWITCH_INTERVAL: Final = 0.001  # seconds: how often a worker hands the interpreter to the GUI thread


def share_with_the_gui() -> None:
    """Set the process's switch interval for a window (the command line keeps CPython's default)."""
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)


_quiet_lock = threading.Lock()
_quiet_count = 0


@contextmanager
def quiet_collector() -> Iterator[None]:
    """For a job that builds a great many objects (100,000 rows of a batch file): no cyclic garbage collection
    while it runs, and what it built is then left out of later collections (gc.freeze).

    Why: a full collection walks every object and holds the interpreter meanwhile; with a million new row objects
    that is a pause of 100 ms or more on every thread, the GUI's included, several times per file. The rows hold
    no reference cycles, so reference counting alone frees them when the file is dropped. Nested and concurrent
    uses are counted: the collector is back on when the last one ends.
    """
    global _quiet_count
    with _quiet_lock:
        _quiet_count += 1
        if _quiet_count == 1:
            gc.disable()
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_count -= 1
            if _quiet_count == 0:
                gc.freeze()  # what exists now is never walked again (freed as usual when no longer referenced)
                gc.enable()


def release(*held: object, chunk: int = 2000) -> None:
    """Let go of large lists and dicts a piece at a time (run it as a job).

    Freeing 100,000 rows in one `clear()` is one long step that holds the interpreter, and so stalls the GUI
    thread just as if it ran there; freed in pieces, the threads take turns in between.
    """
    for thing in held:
        if isinstance(thing, list):
            while thing:
                del thing[-chunk:]
        elif isinstance(thing, dict):
            while thing:
                for key in list(itertools.islice(thing, chunk)):
                    del thing[key]


def lighten_pyside_imports() -> None:
    """PySide6's per-import check (does this module's source say "PySide6"?) answered from the file's bytes
    instead of `inspect.getsource`, which caches every line of every module. Same answer; nothing kept. Does
    nothing when PySide6 has no such hook (another version): the check is PySide's, only its cost is ours."""
    import PySide6  # noqa: F401 -- installs the hook this replaces

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, "lightened", False):
        return
    feature._mod_uses_pyside = _uses_pyside(original)  # type: ignore[attr-defined]
    linecache.clearcache()  # the lines its check cached so far: a traceback reads them again if it needs them


def _uses_pyside(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)  # no plain source file (a frozen or compiled module): PySide's own answer

    uses_pyside.lightened = True  # type: ignore[attr-defined]
    return uses_pyside

