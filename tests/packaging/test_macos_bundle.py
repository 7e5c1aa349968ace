"""The macOS bundle's pieces that can be checked here: Info.plist (packaging/macos_bundle.py, used by the spec),
the oldest macOS read from the wheels, the committed .icns (scripts/make_icns.py) and the entitlements file.
The bundle itself is built and run only on the macOS runners of .github/workflows/package.yml."""

from __future__ import annotations

import importlib.util
import plistlib
import struct
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("macos_bundle", REPO / "packaging" / "macos_bundle.py")
assert spec is not None and spec.loader is not None
macos_bundle = importlib.util.module_from_spec(spec)
spec.loader.exec_module(macos_bundle)


def test_minimum_macos_is_the_newest_the_python_and_the_qt_wheels_name() -> None:
    assert macos_bundle.minimum_macos(["macosx-11.0-arm64", "cp310-abi3-macosx_13_0_universal2"]) == "13.0"
    assert macos_bundle.minimum_macos(["macosx-10.9-universal2", "cp39-abi3-macosx_12_0_x86_64"]) == "12.0"
    assert macos_bundle.minimum_macos(["macosx_14_2_arm64", "macosx_13_9_arm64"]) == "14.2"
    # Nothing says more (a Linux build, a wheel with no macOS tag): the first macOS on Apple silicon.
    assert macos_bundle.minimum_macos(["linux-x86_64", "cp310-abi3-manylinux_2_34_x86_64"]) == "11.0"


def test_wheel_platforms_reads_the_installed_qt_wheels() -> None:
    tags = macos_bundle.wheel_platforms()
    assert tags and all(tag.startswith("cp") for tag in tags)  # this machine's PySide6 and shiboken6
    assert macos_bundle.wheel_platforms(["no-such-distribution"]) == []


@pytest.mark.parametrize(
    ("version", "short"), [("0.1.0", "0.1.0"), ("1.2", "1.2.0"), ("0.2.0.dev1", "0.2.0"), ("2.0.0+local.7", "2.0.0")]
)
def test_bundle_version_is_three_integers(version: str, short: str) -> None:
    assert macos_bundle.bundle_version(version) == short


def test_info_plist_names_the_window_and_keeps_the_app_in_the_dock() -> None:
    info = macos_bundle.info_plist("0.1.0", "13.0")
    assert info["CFBundleExecutable"] == "popbill-gui"  # not popbill-cli, the first in the sorted folder
    assert info["LSBackgroundOnly"] is False and info["NSHighResolutionCapable"] is True
    assert info["LSMinimumSystemVersion"] == "13.0"
    assert info["CFBundleIdentifier"] == macos_bundle.BUNDLE_ID
    assert info["CFBundleShortVersionString"] == info["CFBundleVersion"] == "0.1.0"
    assert info["CFBundleLocalizations"] == ["ko", "en"]
    plistlib.dumps(info)  # every value is one a property list can hold


def icns_entries(data: bytes) -> dict[bytes, bytes]:
    magic, length = struct.unpack(">4sI", data[:8])
    assert magic == b"icns" and length == len(data)
    entries, at = {}, 8
    while at < len(data):
        kind, size = struct.unpack(">4sI", data[at : at + 8])
        entries[kind] = data[at + 8 : at + size]
        at += size
    assert at == len(data)
    return entries


def test_the_icns_holds_every_size_drawn_from_the_svg() -> None:
    entries = icns_entries((REPO / "resources" / "icons" / "popbill-gui.icns").read_bytes())
    expected = {b"ic11": 32, b"ic12": 64, b"ic07": 128, b"ic08": 256, b"ic13": 256, b"ic09": 512, b"ic14": 512}
    expected[b"ic10"] = 1024
    for kind, side in expected.items():
        image = QImage.fromData(entries[kind], "PNG")
        assert (image.width(), image.height()) == (side, side), kind
    big = QImage.fromData(entries[b"ic10"], "PNG")
    assert big.pixelColor(512, 512).alpha() == 255  # the drawing
    assert big.pixelColor(40, 40).alpha() == 0  # the margin macOS icons keep around their body
    assert big.pixelColor(110, 512).alpha() == 255  # the body reaches 100 of 1024 px from the edge


def test_entitlements_are_a_valid_property_list_asking_little() -> None:
    with (REPO / "packaging" / "macos" / "entitlements.plist").open("rb") as handle:
        entitlements = plistlib.load(handle)
    assert entitlements == {"com.apple.security.cs.allow-unsigned-executable-memory": True}


def test_the_app_takes_batch_files_from_finder_and_the_dock() -> None:
    """Open With and a file dropped on the Dock icon (then Qt's FileOpen event): CSV and .xlsx, never the default."""
    (document,) = macos_bundle.info_plist("0.1.0", "13.0")["CFBundleDocumentTypes"]  # type: ignore[misc]
    assert set(document["LSItemContentTypes"]) == {
        "public.comma-separated-values-text",
        "org.openxmlformats.spreadsheetml.sheet",
    }
    assert document["LSHandlerRank"] == "Alternate" and document["CFBundleTypeRole"] == "Viewer"
    plistlib.loads(plistlib.dumps(macos_bundle.info_plist("0.1.0", "13.0")))
