"""Trim the ICU data that Qt links on Linux, and show that the trimmed copy answers Qt's questions like the full one.

PySide6's Linux wheels ship ICU, and its data library (libicudata.so.NN, 31 MB) is the largest file of the package:
every locale's names of languages, currencies, units and regions, 190 legacy converters, line-break dictionaries
for Chinese, Japanese and Thai, transliterators.  Qt itself calls only four families of ICU functions (checked
below, at every build, on the libQt6Core that is packaged):

    ucol_*      collation (QCollator, QString::localeAwareCompare)
    ucnv_*      legacy text encodings (QStringConverter for names it does not implement itself)
    ucal_*      time-zone names and IDs (QTimeZone)
    u_strTo*    locale-aware case mapping (QLocale::toUpper/toLower)

and reads its own CLDR tables for everything else a locale formats.  So the package keeps ICU's root data plus the
Korean and English locales, the converters for Korean and Western text, and every non-locale table; it drops the
other languages' locale data, the break-iterator, transliteration and number-spelling trees (no ubrk_/utrans_/unum_
caller), and the other converters.  31 MB become about 5 MB.

The tools are ICU's own: icupkg lists and removes items of the data package, genccode writes it out as the
assembly of a data library with the same symbol, and gcc links it under the same soname (Debian: icu-devtools,
gcc).  icupkg's version need not match the wheel's ICU: the package format (CmnD) has not changed since ICU 3.

    python3 packaging/lean_icu.py build LIBICUDATA OUTDIR [--qtcore LIBQT6CORE]
        writes OUTDIR/libicudata.so.NN, trimmed
    python3 packaging/lean_icu.py compare FULL_LIB_DIR TRIMMED_LIB_DIR
        runs the same ICU calls Qt makes (Korean and English collation, cp949/EUC-KR conversion, Seoul's time-zone
        names, case mapping) against both directories' libicuuc/libicui18n and exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Locale data kept: root (every lookup's last fallback) and the two languages of the app.
KEEP_LANGUAGES = {"root", "ko", "en"}
# Legacy converters kept: Korean (cp949 = windows-949 = ibm-949_P11A, EUC-KR = ibm-970, ibm-1363 = KS C 5601 variant,
# IBM-949) and Western (windows-1252 = ibm-5348).  Unicode, Latin-1 and ASCII are algorithmic: no file.
KEEP_CONVERTERS = re.compile(r"^(ibm-949_|ibm-970_|ibm-1363_|windows-949|ibm-5348_)")
# Trees no Qt function reads (see the module docstring); removed whole, root and all.
UNUSED_TREES = ("brkitr/", "translit/", "rbnf/")
# The ICU function families Qt is known to call; a Qt build that calls any other makes the trim unsafe.
QT_ICU_FAMILIES = re.compile(r"^(ucol_|ucnv_|UCNV_|ucal_|u_strToUpper|u_strToLower)")
LOCALE_ITEM = re.compile(r"^(?:[a-z]+/)?([a-z]{2,3}(?:_[A-Za-z0-9]*)*|root)\.res$")


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def icu_major(library: Path) -> str:
    match = re.search(r"\.so\.(\d+)", library.name)
    if not match:
        raise SystemExit(f"lean_icu: cannot tell the ICU version of {library.name}")
    return match.group(1)


def check_qt_calls(qtcore: Path) -> list[str]:
    """The ICU functions libQt6Core imports; SystemExit when one is outside the families the trim keeps."""
    names = sorted(set(re.findall(r"\b([A-Za-z]\w*?)_\d+\b", _run("nm", "-D", "--undefined-only", str(qtcore)))))
    icu = [
        name
        for name in names
        if re.match(r"^(u|uc|ucol|ucnv|ucal|ubrk|utrans|unum|udat|uloc|ures)[A-Z_]", name) or name.startswith("UCNV_")
    ]
    unknown = [name for name in icu if not QT_ICU_FAMILIES.match(name)]
    if unknown:
        raise SystemExit(
            f"lean_icu: {qtcore.name} calls ICU functions the trimmed data may not serve: {unknown}; "
            "extend KEEP rules in packaging/lean_icu.py (or build with POPBILL_PACKAGE_FULL_ICU=1)"
        )
    return icu


def extract(library: Path) -> bytes:
    """The data package embedded in libicudata: the bytes of its one exported symbol, icudtNN_dat."""
    symbol = f"icudt{icu_major(library)}_dat"
    match = re.search(
        rf"^([0-9a-f]+) ([0-9a-f]+) [RrDd] {symbol}$", _run("nm", "-D", "-S", "--defined-only", str(library)), re.M
    )
    if not match:
        raise SystemExit(f"lean_icu: {library} has no {symbol}")
    address, size = int(match.group(1), 16), int(match.group(2), 16)
    sections = re.findall(
        r"\]\s+\S+\s+PROGBITS\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", _run("readelf", "-SW", str(library))
    )
    for start, offset, length in ((int(a, 16), int(o, 16), int(n, 16)) for a, o, n in sections):
        if start <= address and address + size <= start + length:
            with library.open("rb") as handle:
                handle.seek(offset + address - start)
                return handle.read(size)
    raise SystemExit(f"lean_icu: {symbol} is in no section of {library}")


def removals(items: list[str]) -> list[str]:
    """The items of the data package that the packaged app does without."""
    drop = []
    for item in items:
        locale = LOCALE_ITEM.match(item)
        if item.startswith(UNUSED_TREES):
            drop.append(item)
        elif item.endswith(".cnv"):
            if not KEEP_CONVERTERS.match(item):
                drop.append(item)
        elif locale and locale.group(1).split("_")[0] not in KEEP_LANGUAGES:
            drop.append(item)
    return drop


def build(library: Path, outdir: Path, qtcore: Path | None = None) -> Path:
    for tool in ("icupkg", "genccode", "gcc", "nm", "readelf"):
        if not shutil.which(tool):
            raise SystemExit(f"lean_icu: {tool} is missing (Debian: apt-get install icu-devtools gcc binutils)")
    if qtcore is not None:
        check_qt_calls(qtcore)
    major = icu_major(library)
    name = f"icudt{major}l"  # the package's name is its items' prefix: it must stay what libicuuc looks for
    work = outdir / "icu-work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / "full").mkdir()
    full = work / "full" / f"{name}.dat"
    full.write_bytes(extract(library))
    items = _run("icupkg", "-l", str(full)).split()
    (work / "remove.lst").write_text("\n".join(removals(items)) + "\n", encoding="ascii")
    trimmed = work / f"{name}.dat"
    # --ignore-deps: brkitr/root.res names the dictionaries, and brkitr/ goes whole (no caller in Qt).
    subprocess.run(
        ["icupkg", "--ignore-deps", "-r", str(work / "remove.lst"), str(full), str(trimmed)],
        check=True,
        capture_output=True,
    )
    subprocess.run(["genccode", "-q", "-a", "gcc", "-e", f"icudt{major}", "-d", str(work), str(trimmed)], check=True)
    target = outdir / library.name
    subprocess.run(
        ["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(target), str(work / f"{name}_dat.S")],
        check=True,
    )
    return target


# --- compare: the calls Qt makes, against the full and the trimmed library ------------------------------------------


def _probe(libdir: Path) -> dict[str, object]:
    """Run Qt's kinds of ICU calls with the libraries in libdir (one process per directory: same sonames)."""
    uc = next(libdir.glob("libicuuc.so.*"))
    major = icu_major(uc)
    ctypes.CDLL(str(libdir / f"libicudata.so.{major}"), mode=ctypes.RTLD_GLOBAL)
    ctypes.CDLL(str(uc), mode=ctypes.RTLD_GLOBAL)
    i18n = ctypes.CDLL(str(libdir / f"libicui18n.so.{major}"), mode=ctypes.RTLD_GLOBAL)
    libuc = ctypes.CDLL(str(uc))

    def fn(lib: ctypes.CDLL, name: str, restype: object, *argtypes: object):
        function = getattr(lib, f"{name}_{major}")
        function.restype, function.argtypes = restype, list(argtypes)
        return function

    P, I32, S = ctypes.c_void_p, ctypes.c_int32, ctypes.c_char_p
    UCharP, Err = ctypes.POINTER(ctypes.c_uint16), ctypes.POINTER(ctypes.c_int)

    def uchars(text: str):
        data = text.encode("utf-16-le")
        return (ctypes.c_uint16 * (len(data) // 2 + 1)).from_buffer_copy(data + b"\0\0"), len(data) // 2

    def text_of(buffer: ctypes.Array, length: int) -> str:  # type: ignore[type-arg]
        return bytes(buffer)[: 2 * length].decode("utf-16-le")

    results: dict[str, object] = {}
    ucol_open = fn(i18n, "ucol_open", P, S, Err)
    ucol_sortkey = fn(i18n, "ucol_getSortKey", I32, P, UCharP, I32, ctypes.c_char_p, I32)
    words = ["한국", "가나다", "힣", "ㄱ", "apple", "Apple", "Zebra", "éclair", "전자세금계산서", "123", "Ω"]
    for locale in ("", "ko", "ko_KR", "en", "en_US", "en_GB"):
        status = ctypes.c_int(0)
        collator = ucol_open(locale.encode(), ctypes.byref(status))
        keys = []
        for word in words:
            source, length = uchars(word)
            out = ctypes.create_string_buffer(256)
            size = ucol_sortkey(collator, source, length, out, 256)
            keys.append(out.raw[:size].hex())
        results[f"collation {locale or 'root'}"] = [status.value, sorted(words, key=lambda w: keys[words.index(w)])]

    ucnv_open = fn(libuc, "ucnv_open", P, S, Err)
    from_u = fn(libuc, "ucnv_fromUChars", I32, P, ctypes.c_char_p, I32, UCharP, I32, Err)
    to_u = fn(libuc, "ucnv_toUChars", I32, P, UCharP, I32, ctypes.c_char_p, I32, Err)
    get_name = fn(libuc, "ucnv_getName", S, P, Err)
    sample = "전자세금계산서 이메일 재전송 — ABC 123 é"
    for encoding in (
        "cp949",
        "windows-949",
        "EUC-KR",
        "KS_C_5601-1987",
        "ISO-2022-KR",
        "windows-1252",
        "UTF-8",
        "ISO-8859-1",
        "US-ASCII",
    ):
        status = ctypes.c_int(0)
        converter = ucnv_open(encoding.encode(), ctypes.byref(status))
        if not converter:
            results[f"converter {encoding}"] = [status.value]
            continue
        source, length = uchars(sample)
        out = ctypes.create_string_buffer(512)
        size = from_u(converter, out, 512, source, length, ctypes.byref(status))
        back = (ctypes.c_uint16 * 512)()
        back_size = to_u(converter, back, 512, out.raw[:size], size, ctypes.byref(status))
        results[f"converter {encoding}"] = [
            status.value,
            get_name(converter, ctypes.byref(status)).decode(),
            out.raw[:size].hex(),
            text_of(back, back_size),
        ]

    ucal_open = fn(i18n, "ucal_open", P, UCharP, I32, S, ctypes.c_int, Err)
    zone_name = fn(i18n, "ucal_getTimeZoneDisplayName", I32, P, ctypes.c_int, S, UCharP, I32, Err)
    canonical = fn(
        i18n, "ucal_getCanonicalTimeZoneID", I32, UCharP, I32, UCharP, I32, ctypes.POINTER(ctypes.c_int8), Err
    )
    for zone in ("Asia/Seoul", "ROK", "UTC", "America/New_York", "Europe/London"):
        source, length = uchars(zone)
        out = (ctypes.c_uint16 * 128)()
        system, status = ctypes.c_int8(0), ctypes.c_int(0)
        size = canonical(source, length, out, 128, ctypes.byref(system), ctypes.byref(status))
        names: list[object] = [status.value, text_of(out, size)]
        for locale in ("ko_KR", "en_US"):
            status = ctypes.c_int(0)
            calendar = ucal_open(source, length, locale.encode(), 1, ctypes.byref(status))  # 1: UCAL_GREGORIAN
            for kind in range(4):  # standard, short standard, daylight, short daylight
                size = zone_name(calendar, kind, locale.encode(), out, 128, ctypes.byref(status))
                names.append(text_of(out, size))
            names.append(status.value)
        results[f"time zone {zone}"] = names

    for name in ("u_strToUpper", "u_strToLower"):
        function = fn(libuc, name, I32, UCharP, I32, UCharP, I32, S, Err)
        for locale in ("ko", "en", "tr", "lt", "el"):
            source, length = uchars("İstanbul ıi ΌΣΟΣ Straße ǅ 한국")
            out, status = (ctypes.c_uint16 * 128)(), ctypes.c_int(0)
            size = function(out, 128, source, length, locale.encode(), ctypes.byref(status))
            results[f"{name} {locale}"] = [status.value, text_of(out, size)]
    return results


def compare(full: Path, trimmed: Path) -> int:
    answers = []
    for libdir in (full, trimmed):
        out = subprocess.run([sys.executable, __file__, "probe", str(libdir)], capture_output=True, text=True)
        if out.returncode:
            print(f"lean_icu: the ICU of {libdir} failed:\n{out.stderr}", file=sys.stderr)
            return 1
        answers.append(json.loads(out.stdout))
    differ = [key for key in answers[0] if answers[0][key] != answers[1].get(key)]
    for key in differ:
        print(f"lean_icu: {key}: full {answers[0][key]!r} != trimmed {answers[1].get(key)!r}", file=sys.stderr)
    bad = [
        key
        for key, value in answers[1].items()
        if isinstance(value, list) and isinstance(value[0], int) and value[0] > 0
    ]  # an ICU error (warnings are negative, and compared above)
    for key in bad:
        print(f"lean_icu: {key}: ICU error {answers[1][key][0]}", file=sys.stderr)
    if differ or bad:
        return 1
    print(f"lean_icu: the trimmed ICU answers {len(answers[1])} of Qt's kinds of calls as the full one does")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("library", type=Path)
    b.add_argument("outdir", type=Path)
    b.add_argument("--qtcore", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("full", type=Path)
    c.add_argument("trimmed", type=Path)
    p = sub.add_parser("probe")
    p.add_argument("libdir", type=Path)
    args = parser.parse_args(argv)
    if args.command == "build":
        print(build(args.library, args.outdir, args.qtcore))
        return 0
    if args.command == "compare":
        return compare(args.full, args.trimmed)
    print(json.dumps(_probe(args.libdir), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
