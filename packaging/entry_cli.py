"""Frozen entry point of popbill-cli (the console program); see popbill-gui.spec."""

from popbill_gui.cli import main

if __name__ == "__main__":
    main()
