"""What popbill-gui.spec writes into the macOS bundle's Info.plist, and the oldest macOS the bundle can run on.

The oldest macOS is read from what is being bundled, never written by hand: the build Python's platform
(sysconfig: "macosx-11.0-arm64") and the platform tags of the Qt wheels ("cp310-abi3-macosx_13_0_universal2"),
whichever is newest. A PySide6 upgrade that needs a newer macOS then raises LSMinimumSystemVersion with it, so an
older Mac refuses to open the app with the system's own message instead of crashing.
"""

from __future__ import annotations

import importlib.metadata
import re
from collections.abc import Iterable

# Reverse-DNS name of the app. It identifies the app to the Keychain, to Gatekeeper and to macOS's settings: keep
# it once a version has shipped (changing it makes every Mac treat the app as a new one).
BUNDLE_ID = "io.github.popbill-gui"
QT_DISTRIBUTIONS = ("PySide6-Essentials", "PySide6", "shiboken6")
FLOOR = (11, 0)  # the first macOS on Apple silicon; what is left if nothing says more

_MACOS = re.compile(r"macosx[-_](\d+)[._](\d+)")


def minimum_macos(platforms: Iterable[str]) -> str:
    """The newest macOS version named by these platform strings or wheel tags, as "13.0"."""
    found = [(int(m.group(1)), int(m.group(2))) for p in platforms for m in [_MACOS.search(p)] if m]
    major, minor = max([FLOOR, *found])
    return f"{major}.{minor}"


def wheel_platforms(names: Iterable[str] = QT_DISTRIBUTIONS) -> list[str]:
    """The `Tag:` lines of the installed distributions' WHEEL files (distributions not installed are skipped)."""
    tags = []
    for name in names:
        try:
            wheel = importlib.metadata.distribution(name).read_text("WHEEL") or ""
        except importlib.metadata.PackageNotFoundError:
            continue
        tags += [line.split(":", 1)[1].strip() for line in wheel.splitlines() if line.startswith("Tag:")]
    return tags


# Uniform Type Identifiers of the files the batch tab reads: CSV, and Excel's .xlsx.
DOCUMENT_TYPES = ["public.comma-separated-values-text", "org.openxmlformats.spreadsheetml.sheet"]


def bundle_version(version: str) -> str:
    """"0.2.0.dev1" -> "0.2.0": macOS wants up to three integers in CFBundleShortVersionString."""
    numbers = [*re.findall(r"\d+", version.split("+")[0])[:3], "0", "0", "0"][:3]
    return ".".join(str(int(n)) for n in numbers)


def info_plist(version: str, minimum: str) -> dict[str, object]:
    """Info.plist keys on top of PyInstaller's own."""
    short = bundle_version(version)
    return {
        "CFBundleName": "popbill-gui",
        "CFBundleDisplayName": "popbill-gui",
        # PyInstaller takes the first executable of the sorted folder, which is popbill-cli.
        "CFBundleExecutable": "popbill-gui",
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": short,
        "CFBundleVersion": short,
        # PyInstaller copies `console` from the last executable (popbill-cli: True) and would make the app
        # background-only: no Dock icon, no menu bar.
        "LSBackgroundOnly": False,
        "NSHighResolutionCapable": True,
        "LSMinimumSystemVersion": minimum,
        # The system's own parts of the app (the application menu's Hide/Quit, file dialogs) speak the Mac's
        # language only when the bundle says it has it; Korean is the program's first language.
        "CFBundleDevelopmentRegion": "ko",
        "CFBundleLocalizations": ["ko", "en"],
        "LSApplicationCategoryType": "public.app-category.business",
        "NSHumanReadableCopyright": "MIT License",
        # The batch files, for Finder's Open With and a file dropped on the Dock icon (it reaches the window as Qt's
        # FileOpen event, ui/files/opener.py). Alternate: offered, never made the default for them (Excel stays).
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "CSV or Excel batch file",
                "CFBundleTypeRole": "Viewer",
                "LSHandlerRank": "Alternate",
                "LSItemContentTypes": DOCUMENT_TYPES,
            }
        ],
    }
