"""What every benchmark's measured processes share: they run as the installed program does, and the load is said.

- Bytecode: an installed program (pip's install, the packaged folder) has its modules compiled to .pyc files. A
  shell with PYTHONDONTWRITEBYTECODE set makes every child compile every module it imports, every time: start-up
  then measures the compiler (tens of ms, and the interpreter held meanwhile). `as_installed()` drops the
  variable for this process and its children, so the first (warm-up) run writes the .pyc files and the measured
  runs use them, as they would on the clerk's computer.
- The load: these machines are shared. `load_line()` says the load average when a figure is taken, so a figure
  is read with the load it was measured under.
"""

from __future__ import annotations

import os
import sys


def as_installed() -> None:
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False


def load_line() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "load: unknown"
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min), {os.cpu_count()} CPUs"
