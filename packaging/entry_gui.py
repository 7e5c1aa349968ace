"""Frozen entry point of popbill-gui (the window); see popbill-gui.spec.

In the windowed Windows program, an exception that escapes this script (a module the build left out, say) makes
PyInstaller's bootloader open a dialog that waits for a click; the spec's disable_windowed_traceback only takes the
traceback out of that dialog. For a clerk the dialog is right: it says what broke. For an unattended run it is a
hang, so under --smoke-test (what CI and packaging/check run) the exception is printed instead and the program
exits 70 (an internal error, as popbill-cli says it): the bootloader shows no dialog for SystemExit.
"""

import sys
from collections.abc import Callable, Sequence

INTERNAL_ERROR = 70


def run(argv: Sequence[str], load: Callable[[], Callable[[], None]]) -> None:
    """Import the program (load) and start it; under --smoke-test every failure is an exit code, never a dialog."""
    try:
        load()()
    except Exception:
        if "--smoke-test" not in argv[1:]:
            raise
        import traceback

        if sys.stderr is not None:  # a windowed program started with no console has none
            traceback.print_exc()
        raise SystemExit(INTERNAL_ERROR) from None


def _load() -> Callable[[], None]:
    from popbill_gui.app import gui_main

    return gui_main


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # a PAC script's child process (core/pac_engine.py) starts here, not a window
    run(sys.argv, _load)
