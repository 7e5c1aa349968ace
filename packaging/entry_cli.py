"""Frozen entry point of popbill-cli (the console program); see popbill-gui.spec."""

from popbill_gui.cli import main

if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # a PAC script's child process (core/pac_engine.py) starts here, not a command
    main()
