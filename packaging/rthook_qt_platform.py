"""PyInstaller runtime hook of the Linux folder: a QT_QPA_PLATFORM of "wayland" falls back to xcb.

The folder carries no Wayland platform plugin (popbill-gui.spec says why): on a Wayland desktop Qt takes xcb through
XWayland by itself, but a QT_QPA_PLATFORM=wayland set by hand or by a distribution would stop the window with "no Qt
platform plugin could be initialized". Qt tries a ;-separated list in order, silently: "wayland;xcb" starts on xcb.
"""

import os
import sys


def fallback(platform: str) -> str:
    """The QT_QPA_PLATFORM to use instead of `platform` (the same when it needs nothing)."""
    names = [name.split(":")[0] for name in platform.split(";") if name]
    if names and all(name.startswith("wayland") for name in names):
        return platform + ";xcb"
    return platform


if sys.platform.startswith("linux") and os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = fallback(os.environ["QT_QPA_PLATFORM"])
