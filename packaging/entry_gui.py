"""Frozen entry point of popbill-gui (the window); see popbill-gui.spec."""

from popbill_gui.app import gui_main

if __name__ == "__main__":
    gui_main()
