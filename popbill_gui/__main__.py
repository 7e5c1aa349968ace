"""`python -m popbill_gui` starts the window, like `popbill-gui`."""

from .app import gui_main

gui_main()
