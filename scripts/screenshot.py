"""The README's screenshots, taken by the walk-through (scripts/walkthrough.py) of the real window in demo mode:

    xvfb-run -a .venv/bin/python scripts/screenshot.py [docs/screenshot.png [docs/batch.png]]
    xvfb-run -a .venv/bin/python scripts/screenshot.py --find FOLDER

`--find`: the Find dialog in Korean and English at 1100×720 and 800×560, FOLDER/find-<lang>-<size>.png (the Korean
1100×720 one is the README's docs/find.png).

The first picture is the resend tab after a success and a refusal (the result line and the log's detail); the second
the batch tab after a run, showing only the rows that need the clerk (one invalid row skipped, one refusal) with the
selected one in full. Korean, 1100×720. Run it on a machine with a Korean
font (fonts-nanum) so Hangul renders. For every screen in both languages at both sizes, run walkthrough.py itself.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from walkthrough import LANGS, SIZES, Walk, ensure_app  # beside this script


def find_shots(folder: Path) -> int:
    ensure_app()
    folder.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        for size in SIZES:
            walk = Walk(folder, lang, size)
            try:
                walk.find()
                target = folder / f"find-{lang}-{size[0]}x{size[1]}.png"
                walk.saved["find"].replace(target)
                print(target)
            finally:
                shutil.rmtree(walk.folder, ignore_errors=True)
    return 0


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--find":
        return find_shots(Path(sys.argv[2]))
    shot = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png")
    batch = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    ensure_app()
    out = Path(tempfile.mkdtemp(prefix="popbill-shots-"))
    walk = Walk(out, "ko", SIZES[0])
    try:
        walk.resend_only()
        if batch is not None:
            walk.batch()
        for source, target in (("resend-refused", shot), ("batch-failed-only", batch)):
            if target is not None:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(walk.saved[source], target)
                print(target)
    finally:
        shutil.rmtree(walk.folder, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
