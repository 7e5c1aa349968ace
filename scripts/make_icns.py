"""Make the macOS icon, resources/icons/popbill-gui.icns, from the SVG (popbill_gui/icons/popbill-gui.svg).

    .venv/bin/pip install pillow   # for this script only; not a dependency of the program or its build
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icns.py

Qt draws the SVG at every size the .icns holds (32 to 1024 pixels, so nothing is an enlarged bitmap), and Pillow
packs the PNGs into the .icns container (it writes that format on any system). The drawing is scaled so that the
rounded square fills 824 of 1024 pixels, the size of the body of a macOS application icon: drawn edge to edge it
would look larger than every other icon in the Dock. The result is committed; run this again when the SVG changes.
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
SIZES = (32, 64, 128, 256, 512, 1024)  # what Pillow's .icns writer stores (ic07-ic14)
BODY = 824 / 1024  # the body of a macOS app icon in its canvas
SVG_BODY = 240 / 256  # the SVG's rounded square (x 8..248) in its 256-unit view box


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    side = size * BODY / SVG_BODY
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
