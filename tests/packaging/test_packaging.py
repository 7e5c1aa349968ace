"""The packaging helpers that run at build time: the ICU trim (packaging/lean_icu.py).

The package itself is built and checked by packaging/build and packaging/check (in .ci/run); these tests
cover the trim's rules and its safety nets fast, against the ICU of the test venv's PySide6."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

REPO = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("lean_icu", REPO / "packaging" / "lean_icu.py")
assert spec is not None and spec.loader is not None
lean_icu = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lean_icu)

QT_LIB = Path(PySide6.__file__).resolve().parent / "Qt" / "lib"
ICU_DATA = next(QT_LIB.glob("libicudata.so.*"), None)
TOOLS = ("icupkg", "genccode", "gcc", "nm", "readelf")


@pytest.fixture
def tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if ICU_DATA is None:
        pytest.skip("this PySide6 ships no ICU (not Linux)")
    if missing:
        # .ci/run installs them (scripts/dev: icu-devtools, gcc, binutils); there a skip would hide a broken trim.
        if os.environ.get("POPBILL_REQUIRE_TOOLS") == "1":
            pytest.fail(f"POPBILL_REQUIRE_TOOLS=1 but {missing} are missing")
        pytest.skip(f"{missing} not installed")


def test_removals_keep_root_korean_english_and_every_table() -> None:
    kept = [
        "root.res",
        "ko.res",
        "ko_KR.res",
        "en.res",
        "en_US_POSIX.res",
        "en_001.res",
        "coll/ko.res",
        "coll/root.res",
        "coll/ucadata.icu",
        "zone/ko.res",
        "zone/tzdbNames.res",
        "zone/pool.res",
        "pool.res",
        "zoneinfo64.res",
        "metaZones.res",
        "supplementalData.res",
        "likelySubtags.res",
        "cnvalias.icu",
        "uts46.nrm",
        "ibm-949_P110-1999.cnv",
        "ibm-949_P11A-1999.cnv",
        "ibm-970_P110_P110-2006_U2.cnv",
        "windows-949-2000.cnv",
        "ibm-5348_P100-1997.cnv",
        "curr/en.res",
        "lang/ko.res",
    ]
    dropped = [
        "de.res",
        "zh_Hant_TW.res",
        "yue.res",
        "coll/de__PHONEBOOK.res",
        "coll/es_.res",
        "coll/zh.res",
        "zone/ja.res",
        "brkitr/root.res",
        "brkitr/cjdict.dict",
        "brkitr/line.brk",
        "translit/root.res",
        "rbnf/ko.res",
        "gb18030.cnv",
        "ibm-1390_P110-2003.cnv",
        "euc-tw-2014.cnv",
        "curr/fr.res",
    ]
    assert lean_icu.removals(kept + dropped) == dropped


def test_qt_calls_only_what_the_trim_keeps(tools: None) -> None:
    qtcore = QT_LIB / "libQt6Core.so.6"
    calls = lean_icu.check_qt_calls(qtcore)
    assert "ucol_open" in calls and "ucnv_open" in calls  # it did find Qt's ICU calls


def test_a_qt_that_calls_break_iterators_stops_the_build(tools: None, tmp_path: Path) -> None:
    source = tmp_path / "fake.c"
    source.write_text(
        "extern void *ubrk_open_73(int, const char *, const void *, int, int *);\n"
        "extern void *ucol_open_73(const char *, int *);\n"
        'void *f(int *e) { ucol_open_73("ko", e); return ubrk_open_73(0, "ko", 0, 0, e); }\n'
    )
    library = tmp_path / "libQt6Core.so.6"
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
    with pytest.raises(SystemExit, match="ubrk_open"):
        lean_icu.check_qt_calls(library)


def trimmed_dir(tmp_path: Path) -> Path:
    assert ICU_DATA is not None
    out = tmp_path / "trimmed"
    out.mkdir()
    built = lean_icu.build(ICU_DATA, out, QT_LIB / "libQt6Core.so.6")
    assert built == out / ICU_DATA.name
    for other in ("libicuuc", "libicui18n"):
        shutil.copy2(next(QT_LIB.glob(f"{other}.so.*")), out)
    return out


def compare(full: Path, trimmed: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "packaging" / "lean_icu.py"), "compare", str(full), str(trimmed)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_trimmed_icu_answers_like_the_full_one_and_is_small(tools: None, tmp_path: Path) -> None:
    assert ICU_DATA is not None
    out = trimmed_dir(tmp_path)
    size = (out / ICU_DATA.name).stat().st_size
    assert size < ICU_DATA.stat().st_size / 4, size
    result = compare(QT_LIB, out)
    assert result.returncode == 0, result.stderr
    assert "answers 30 of Qt's kinds of calls" in result.stdout


def test_compare_catches_a_trim_that_drops_korean(tools: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lean_icu, "KEEP_LANGUAGES", {"root", "en"})
    result = compare(QT_LIB, trimmed_dir(tmp_path))
    assert result.returncode == 1
    assert "collation ko:" in result.stderr and "time zone Asia/Seoul:" in result.stderr
