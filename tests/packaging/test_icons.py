"""The Windows icon (resources/icons/popbill-gui.ico, made by scripts/make_icns.py): the sizes Windows picks.

Read from the file's own directory (ICONDIR and its 16-byte entries), not through an image library: every size Windows
asks for at 100-200 % display scaling is there once, square, 32-bit, and its data is a PNG or a DIB of that size.
"""

from __future__ import annotations

import struct
from itertools import pairwise
from pathlib import Path

ICO = Path(__file__).resolve().parents[2] / "resources" / "icons" / "popbill-gui.ico"
SIZES = [16, 20, 24, 32, 40, 48, 64, 256]  # 20, 24 and 40: the 125 % and 150 % sizes
PNG = b"\x89PNG\r\n\x1a\n"


def entries(data: bytes) -> list[dict[str, int]]:
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1), "not an icon file (ICONDIR reserved 0, type 1)"
    found = []
    for index in range(count):
        width, height, colors, zero, planes, bits, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        found.append(
            {
                "width": width or 256,  # 0 means 256
                "height": height or 256,
                "colors": colors,
                "reserved": zero,
                "planes": planes,
                "bits": bits,
                "size": size,
                "offset": offset,
            }
        )
    return found


def image_size(blob: bytes) -> tuple[int, int]:
    """Width and height of an entry's image: a PNG's IHDR, or a DIB's BITMAPINFOHEADER (its height counts the mask)."""
    if blob.startswith(PNG):
        assert blob[12:16] == b"IHDR"
        return struct.unpack_from(">II", blob, 16)
    header, width, height = struct.unpack_from("<Iii", blob, 0)
    assert header == 40, "neither a PNG nor a BITMAPINFOHEADER"
    return width, height // 2


def test_the_ico_holds_every_size_windows_picks_each_once() -> None:
    data = ICO.read_bytes()
    found = entries(data)
    assert sorted(entry["width"] for entry in found) == SIZES
    directory_end = 6 + 16 * len(found)
    for entry in found:
        assert entry["width"] == entry["height"] and entry["bits"] == 32 and entry["colors"] == 0
        assert entry["reserved"] == 0 and entry["planes"] in (0, 1)
        assert directory_end <= entry["offset"] and entry["offset"] + entry["size"] <= len(data)
        blob = data[entry["offset"] : entry["offset"] + entry["size"]]
        assert image_size(blob) == (entry["width"], entry["height"])


def test_the_entries_do_not_overlap() -> None:
    spans = sorted((entry["offset"], entry["offset"] + entry["size"]) for entry in entries(ICO.read_bytes()))
    assert all(end <= start for (_, end), (start, _) in pairwise(spans))
