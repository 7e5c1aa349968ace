"""The packaged program: folder size and file count, archive size, build time, frozen start-up against source.

    .venv/bin/python benchmarks/bench_package.py [--runs 7] [--no-build] [--xvfb]

1. Build: `packaging/build --clean` timed as a whole (the build venv is reused when it is there, so this is the
   PyInstaller run and the archive; a first build also makes the venv, about 20 s more). --no-build measures the
   dist/popbill-gui/ that is there.
2. Size: the folder (bytes, as du --apparent-size would count them) and its files, the archive, the largest files,
   and what the trimmed ICU data saves (the build venv's full libicudata against the packaged one). Goals from
   issue 20: folder at most 90 MiB, archive at most 25 MiB (the units of its "96 / 27 MB" before: 100.9 and 28.2
   million bytes). A symbolic link (Linux's popbill-cli) counts as nothing, as du counts it.
3. Start-up to first paint: `dist/popbill-gui/popbill-gui --smoke-test` (frozen) against
   `.venv/bin/python -m popbill_gui --smoke-test` (source), the same code path: each run a fresh process, the
   time from spawning it to the first Paint event of its window, which the smoke test writes to
   POPBILL_SMOKE_PAINT_FILE (time.monotonic(), one clock for all processes on Linux). One warm-up round, then
   --runs rounds alternating which goes first; medians, min and max. Offscreen unless --xvfb.

Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist" / "popbill-gui"
BUILD_VENV = ROOT / "packaging" / ".venv-build"
GOAL_FOLDER_MIB = 90
GOAL_ARCHIVE_MIB = 25


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)"


def build() -> float:
    start = time.monotonic()
    out = subprocess.run([str(ROOT / "packaging" / "build"), "--clean"], capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"packaging/build failed ({out.returncode}):\n{out.stdout}{out.stderr}")
    return time.monotonic() - start


def sizes() -> None:
    files = [path for path in DIST.rglob("*") if path.is_file() and not path.is_symlink()]
    total = sum(path.stat().st_size for path in files)
    verdict = "met" if total <= GOAL_FOLDER_MIB * 2**20 else "NOT met"
    print(f"folder     {mb(total)}, {len(files)} files  (goal <= {GOAL_FOLDER_MIB} MiB: {verdict})")
    for archive in sorted(DIST.parent.glob("popbill-gui-*.tar.xz")) + sorted(DIST.parent.glob("popbill-gui-*.zip")):
        size = archive.stat().st_size
        verdict = "met" if size <= GOAL_ARCHIVE_MIB * 2**20 else "NOT met"
        print(f"archive    {mb(size)}  {archive.name}  (goal <= {GOAL_ARCHIVE_MIB} MiB: {verdict})")
    groups: dict[str, int] = {}
    for path in files:
        relative = path.relative_to(DIST).as_posix()
        if "libicu" in relative:
            group = "ICU"
        elif relative.startswith("_internal/PySide6/Qt/"):
            group = "Qt (libraries, plugins, translations)"
        elif relative.startswith(("_internal/PySide6/", "_internal/shiboken6/")):
            group = "PySide6 bindings"
        elif relative.startswith("_internal/cryptography"):
            group = "cryptography (Secret Service encryption)"
        elif relative in ("popbill-gui", "popbill-cli", "popbill-gui.exe", "popbill-cli.exe"):
            group = "the programs (bootloader + bytecode; one file on Linux)"
        elif "libpython" in relative or "lib-dynload" in relative or relative.endswith("base_library.zip"):
            group = "Python"
        else:
            group = "other libraries and data"
        groups[group] = groups.get(group, 0) + path.stat().st_size
    for group, size in sorted(groups.items(), key=lambda item: -item[1]):
        print(f"  {size / 1e6:6.1f} MB  {group}")
    print("largest files:")
    for path in sorted(files, key=lambda p: -p.stat().st_size)[:8]:
        print(f"  {path.stat().st_size / 1e6:6.1f} MB  {path.relative_to(DIST)}")
    packaged = next(DIST.glob("_internal/PySide6/Qt/lib/libicudata.so.*"), None)
    full = next(BUILD_VENV.glob("lib/python3*/site-packages/PySide6/Qt/lib/libicudata.so.*"), None)
    if packaged is not None and full is not None:
        print(f"ICU data   {mb(full.stat().st_size)} in the wheel -> {mb(packaged.stat().st_size)} packaged")


def first_paint(command: list[str], env: dict[str, str], tmp: Path) -> float:
    marker = tmp / "paint"
    marker.unlink(missing_ok=True)
    spawned = time.monotonic()
    proc = subprocess.run(
        command,
        env={**env, "POPBILL_SMOKE_PAINT_FILE": str(marker)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if proc.returncode != 0 or proc.stdout or proc.stderr:
        raise RuntimeError(f"{command[0]}: exit {proc.returncode}: {(proc.stdout + proc.stderr).strip()[:300]}")
    painted = float(marker.read_text(encoding="ascii"))
    if not spawned <= painted <= time.monotonic():
        raise RuntimeError("the child's monotonic clock is not this process's: times are meaningless")
    return painted - spawned


def startup(runs: int, platform: str) -> None:
    programs = {
        "frozen": [str(DIST / "popbill-gui"), "--smoke-test"],
        "source": [str(ROOT / ".venv" / "bin" / "python"), "-m", "popbill_gui", "--smoke-test"],
    }
    times: dict[str, list[float]] = {name: [] for name in programs}
    with tempfile.TemporaryDirectory(prefix="bench_package_") as name:
        tmp = Path(name)
        env = {key: value for key, value in os.environ.items() if not key.startswith("POPBILL_")}
        env.update(
            QT_QPA_PLATFORM=platform,
            HOME=str(tmp),
            XDG_CONFIG_HOME=str(tmp / "config"),
            XDG_DATA_HOME=str(tmp / "data"),
            XDG_STATE_HOME=str(tmp / "state"),
            XDG_CACHE_HOME=str(tmp / "cache"),
        )
        for round_ in range(-1, runs):
            order = list(programs) if round_ % 2 == 0 else list(reversed(programs))
            for program in order:
                seconds = first_paint(programs[program], env, tmp)
                if round_ >= 0:  # the first round warms the page cache and Python's bytecode
                    times[program].append(seconds)
    frozen, source = statistics.median(times["frozen"]), statistics.median(times["source"])
    for program, values in times.items():
        print(
            f"start-up   {program}: median {statistics.median(values):.3f} s "
            f"(min {min(values):.3f}, max {max(values):.3f}, {len(values)} runs, {platform})"
        )
    print(f"start-up   frozen / source: {frozen / source:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-build", action="store_true", help="measure the dist/popbill-gui/ that is there")
    parser.add_argument("--xvfb", action="store_true", help="start-up on a real X server (xvfb-run) instead")
    args = parser.parse_args()
    if args.xvfb and "DISPLAY" not in os.environ and shutil.which("xvfb-run"):
        return subprocess.call(["xvfb-run", "-a", sys.executable, __file__, *sys.argv[1:]])
    if not args.no_build:
        print(f"build      {build():.0f} s (packaging/build --clean: PyInstaller and the archive)")
    elif not DIST.is_dir():
        print("no dist/popbill-gui/: run packaging/build first, or leave out --no-build")
        return 1
    sizes()
    startup(args.runs, "xcb" if args.xvfb else "offscreen")
    return 0


if __name__ == "__main__":
    sys.exit(main())
