"""Make the program's icons from the SVG (popbill_gui/icons/popbill-gui.svg): resources/icons/popbill-gui.icns (macOS)
and resources/icons/popbill-gui.ico (Windows).

    .venv/bin/pip install pillow   # for this script only; not a dependency of the program or its build
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icns.py

Qt draws the SVG at every size each file holds (so nothing is an enlarged or shrunk bitmap), and Pillow packs the
PNGs into the .icns and .ico containers (it writes both formats on any system).

- .icns: 32 to 1024 pixels, the drawing scaled so that the rounded square fills 824 of 1024 pixels, the size of the
  body of a macOS application icon: drawn edge to edge it would look larger than every other icon in the Dock.
- .ico: 16, 20, 24, 32, 40, 48, 64 and 256 pixels, the drawing as it is: what Windows picks at 100 %, 125 %, 150 %
  and 200 % display scaling for the title bar, the taskbar, Explorer's views and the Start menu (20, 24 and 40 are
  the 125 % and 150 % sizes that were missing before; without them Windows shrinks a larger one and blurs it).
  Every size is a PNG entry (Windows Vista and later read those at any size).

The results are committed (tests/packaging/test_icons.py reads them); run this again when the SVG changes.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "popbill_gui" / "icons" / "popbill-gui.svg"
OUT = ROOT / "resources" / "icons" / "popbill-gui.icns"
ICO = ROOT / "resources" / "icons" / "popbill-gui.ico"
SIZES = (32, 64, 128, 256, 512, 1024)  # what Pillow's .icns writer stores (ic07-ic14)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)
BODY = 824 / 1024  # the body of a macOS app icon in its canvas
SVG_BODY = 240 / 256  # the SVG's rounded square (x 8..248) in its 256-unit view box


def render(renderer: QSvgRenderer, size: int, body: float = BODY / SVG_BODY) -> Image.Image:
    """The SVG drawn on a transparent `size` square, scaled by `body` around its centre (1.0: as it is)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    side = size * body
    offset = (size - side) / 2
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(offset, offset, side, side))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGBA")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"make_icns: cannot read {SVG}", file=sys.stderr)
        return 1
    images = [render(renderer, size) for size in SIZES]
    images[-1].save(OUT, format="ICNS", append_images=images[:-1])
    print(f"make_icns: {OUT} ({OUT.stat().st_size} bytes, {', '.join(map(str, SIZES))} px)")
    icons = [render(renderer, size, 1.0) for size in ICO_SIZES]
    icons[-1].save(ICO, format="ICO", sizes=[(size, size) for size in ICO_SIZES], append_images=icons[:-1])
    print(f"make_icns: {ICO} ({ICO.stat().st_size} bytes, {', '.join(map(str, ICO_SIZES))} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
