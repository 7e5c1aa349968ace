"""The oldest Linux the packaged folder runs on: the newest glibc and libstdc++ symbol versions its files need.

PyInstaller bundles neither glibc nor (in our spec) libstdc++/libgcc_s: those come from the user's system, which
therefore must be at least as new as the newest version any bundled file asks for. A newer build machine or
wheel quietly raises that floor; this check makes it loud.

    python3 packaging/system_floor.py DIST_FOLDER [--glibc 2.35] [--glibcxx 3.4.30]

Prints the versions needed and the system libraries the folder expects (not bundled); exits 1 when a need is
above the floor (default: Ubuntu 22.04, glibc 2.35 and GCC 12's libstdc++, GLIBCXX_3.4.30).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--glibc", default="2.35")
    parser.add_argument("--glibcxx", default="3.4.30")
    args = parser.parse_args(argv)
    floors = {"GLIBC": _version(args.glibc), "GLIBCXX": _version(args.glibcxx)}
    newest: dict[str, tuple[tuple[int, ...], str]] = {}
    bundled = {path.name for path in elf_files(args.folder)}
    system: set[str] = set()
    for path in elf_files(args.folder):
        out = subprocess.run(["readelf", "-dVW", str(path)], capture_output=True, text=True, check=True).stdout
        system.update(
            name for name in re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out) if name not in bundled
        )
        needs = out[out.find("Version needs section") :] if "Version needs section" in out else ""
        for family, number in re.findall(r"Name: (GLIBC|GLIBCXX)_([\d.]+)", needs):
            version = _version(number)
            if family not in newest or version > newest[family][0]:
                newest[family] = (version, str(path.relative_to(args.folder)))
    status = 0
    for family, (version, where) in sorted(newest.items()):
        floor = floors[family]
        above = version > floor
        status |= above
        print(
            f"system_floor: {family}_{'.'.join(map(str, version))} needed (by {where}); "
            f"floor {'.'.join(map(str, floor))}: {'ABOVE' if above else 'ok'}"
        )
    print(f"system_floor: from the system: {' '.join(sorted(system))}")
    return status


if __name__ == "__main__":
    sys.exit(main())
