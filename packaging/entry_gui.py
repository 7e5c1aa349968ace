"""Frozen entry point of popbill-gui (the window), and on Linux of popbill-cli too; see popbill-gui.spec.

On Linux the folder holds one program file: popbill-cli is a symbolic link to popbill-gui, and this script starts
the command line when it is called by that name (the Python modules, 4 MB, are there once instead of twice).
Windows (a console program and a windowed one) and macOS keep two executables; entry_cli.py is popbill-cli's there.

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


def called_as_cli(argv0: str) -> bool:
    """Whether this program was started by the name popbill-cli (the Linux folder's symbolic link)."""
    name = argv0.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return name in ("popbill-cli", "popbill-cli.exe")


def _load() -> Callable[[], None]:
    if called_as_cli(sys.argv[0] if sys.argv else ""):
        from popbill_gui.cli import main

        return main
    from popbill_gui.app import gui_main

    return gui_main


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # a PAC script's child process (core/pac_engine.py) starts here, not a window
    run(sys.argv, _load)
