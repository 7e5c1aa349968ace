"""popbill-cli: the two POPBiLL calls, batches, finding invoices, credentials in the keyring and the simulator.

The same service as the window (`popbill_gui/service/`). Exit codes are a contract (scripts rely on them):
0 done; 1 POPBiLL refused the call; 2 invalid input, nothing sent; 3 the service could not be reached or
its answer not understood; 4 no usable credentials; 130 cancelled. None of these ever prints a traceback.

    parser.py    the arguments and the settings they resolve
    commands.py  the Cli: single calls, check, login/logout, simulator
    batch.py     popbill-cli batch
    lookup.py    popbill-cli search and info
    table.py     columns that line up with Korean text in a terminal
    output.py    exit codes and JSON
    terminal.py  output that never fails on encoding, secrets that never echo
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from .commands import Cli
from .output import EXIT_CANCELLED, EXIT_INTERNAL, EXIT_OK
from .terminal import never_fail

__all__ = ["Cli", "main"]


def main(argv: Sequence[str] | None = None) -> NoReturn:
    for stream in (sys.stdout, sys.stderr):
        never_fail(stream)  # a code page without Korean: escapes, never a UnicodeEncodeError after the call
    logging.basicConfig(level=logging.WARNING, format="popbill-cli: %(message)s")
    cli = Cli()
    try:
        code = cli.run(argv)
    except KeyboardInterrupt:
        cli.err("popbill-cli: interrupted")
        code = EXIT_CANCELLED
    except BrokenPipeError:
        # Whoever read our output stopped early (`popbill-cli search … | head`): they had what they wanted. Output
        # goes nowhere from now on, so the interpreter's last flush cannot fail again (Python's own advice).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = EXIT_OK
    except Exception as exc:
        if os.environ.get("POPBILL_DEBUG"):
            raise
        cli.err(f"popbill-cli: internal error ({type(exc).__name__}); set POPBILL_DEBUG=1 for details")
        code = EXIT_INTERNAL
    sys.exit(code)
