"""Hostile and large workbooks: how long reading takes and how much memory it needs, each file in its own process.

    .venv/bin/python benchmarks/bench_hostile.py [--only strings,wide,rows,normal] [--timeout 1800]

Builds, in a temporary folder:
- strings: an .xlsx whose shared strings unpack to 120 MiB at a ratio of about 92 (about 7.4 million short strings;
  1.4 MB on disk): under the zip checks' limits (128 MiB, ratio 100), so only a look at the strings themselves stops
  it before openpyxl turns each one into an object;
- strings60: the same at 60 MiB (3.7 million strings), under the size the strings may take, so their count stops it;
- wide: a 100 KB .xlsx of 20,000 rows, each with one empty cell at column XFD (openpyxl's read-only rows are padded
  to the widest row: 16,384 cells each);
- rows: 200,000 data rows with an empty row between each two (the data-row limit is 100,000; empty rows used not to
  count, so all 400,000 rows were read first);
- normal: a 100,000-row resend list as Excel writes it (text in shared strings), for scale: what a real list costs.

Each file is read by `read_batch(path, "resend_email")` in a fresh interpreter; printed per file: its size on disk,
the seconds the read took, the process's peak memory (VmHWM) and its growth over the interpreter with the
reader imported, and how it ended (rows read, or the refusal's key). Figures only: the exit status is 0.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])


def peak_kib():
    # VmHWM: this process's own peak (ru_maxrss keeps the parent's from before exec on Linux).
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


from popbill_gui.batch.reader import BatchFileError, read_batch
import openpyxl, openpyxl.reader.excel  # imported before the baseline: the reader's own code is not the file's cost
base = peak_kib()
start = time.perf_counter()
try:
    batch = read_batch(sys.argv[1], "resend_email")
    outcome = f"read {len(batch.rows)} rows"
except BatchFileError as exc:
    outcome = f"refused: {exc.key}"
seconds = time.perf_counter() - start
peak = peak_kib()
print(json.dumps({"seconds": seconds, "peak_kib": peak, "growth_kib": peak - base, "outcome": outcome}))
"""


def _parts(sheet_xml: bytes) -> dict[str, bytes]:
    return {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/></Types>'
        ).encode(),
        "_rels/.rels": (
            f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": (
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>"
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/worksheet" '
            f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{_DOC}/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>'
        ).encode(),
        "xl/worksheets/sheet1.xml": sheet_xml,
    }


def _write(path: Path, sheet_xml: bytes, strings: list[bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _parts(sheet_xml).items():
            archive.writestr(name, data)
        with archive.open("xl/sharedStrings.xml", "w") as out:
            out.write(f'<sst xmlns="{_MAIN}">'.encode())
            for chunk in strings or ():
                out.write(chunk)
            out.write(b"</sst>")
    return path


def _sheet(rows: list[bytes], dimension: str = "") -> bytes:
    head = f'<worksheet xmlns="{_MAIN}">' + (f'<dimension ref="{dimension}"/>' if dimension else "") + "<sheetData>"
    return head.encode() + b"".join(rows) + b"</sheetData></worksheet>"


def _text_row(number: int, texts: list[str]) -> bytes:
    cells = "".join(
        f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{text}</t></is></c>' for i, text in enumerate(texts)
    )
    return f'<row r="{number}">{cells}</row>'.encode()


HEADER = ["MgtKeyType", "MgtKey", "Receiver"]


def build_strings(path: Path, mib: int = 120) -> Path:
    """A header and one row, then `mib` MiB of one-letter shared strings (one in ten a B, so it packs about 92:1)."""
    rng = random.Random(1)
    count = mib * 1024 * 1024 // len(b"<si><t>A</t></si>")

    def chunks() -> list[bytes]:
        out = []
        for start in range(0, count, 100_000):
            n = min(100_000, count - start)
            out.append(b"".join(b"<si><t>B</t></si>" if rng.random() < 0.1 else b"<si><t>A</t></si>" for _ in range(n)))
        return out

    sheet = _sheet([_text_row(1, HEADER), _text_row(2, ["SELL", "K1", "a@example.com"])])
    return _write(path, sheet, chunks())


def build_wide(path: Path, rows: int = 20_000) -> Path:
    """`rows` rows, each holding one empty cell at column XFD (the last column Excel has)."""
    return _write(path, _sheet([f'<row r="{n}"><c r="XFD{n}"/></row>'.encode() for n in range(1, rows + 1)]))


def build_rows(path: Path, data_rows: int = 200_000) -> Path:
    """A header, then `data_rows` data rows with an empty row (a row element with an empty cell) between each two."""
    out = [_text_row(1, HEADER)]
    number = 2
    for i in range(data_rows):
        out.append(_text_row(number, ["SELL", f"K{i}", f"a{i}@example.com"]))
        out.append(f'<row r="{number + 1}"><c r="A{number + 1}"/></row>'.encode())
        number += 2
    return _write(path, _sheet(out))


def build_normal(path: Path, data_rows: int = 100_000) -> Path:
    """A resend list as Excel writes it: every text a shared string, cells typed t="s", the sheet's size named."""
    strings: list[bytes] = []
    index: dict[str, int] = {}

    def ref(text: str) -> int:
        if text not in index:
            index[text] = len(strings)
            strings.append(f"<si><t>{text}</t></si>".encode())
        return index[text]

    def row(number: int, texts: list[str]) -> bytes:
        cells = "".join(f'<c r="{chr(65 + i)}{number}" t="s"><v>{ref(t)}</v></c>' for i, t in enumerate(texts))
        return f'<row r="{number}" spans="1:3">{cells}</row>'.encode()

    rows = [row(1, HEADER)] + [row(n + 2, ["SELL", f"INV-{n:07d}", f"c{n}@example.com"]) for n in range(data_rows)]
    return _write(path, _sheet(rows, f"A1:C{data_rows + 1}"), [b"".join(strings)])


BUILDERS = {
    "strings": build_strings,
    "strings60": lambda path: build_strings(path, mib=60),
    "wide": build_wide,
    "rows": build_rows,
    "normal": build_normal,
}


def measure(path: Path, timeout: float) -> dict[str, object]:
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), str(ROOT)], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return {"outcome": f"still reading after {timeout:.0f} s (stopped)"}
    if done.returncode != 0:
        return {"outcome": f"failed: {done.stderr.strip().splitlines()[-1:]}"}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(BUILDERS), help="which files, comma-separated")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds before a read is stopped")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only.split(","):
            path = BUILDERS[name](Path(tmp) / f"{name}.xlsx")
            size = path.stat().st_size
            result = measure(path, args.timeout)
            figures = ""
            if "seconds" in result:
                peak, growth = int(str(result["peak_kib"])) / 1024, int(str(result["growth_kib"])) / 1024
                figures = f"{float(str(result['seconds'])):8.2f} s  peak {peak:7.1f} MiB (+{growth:.1f})  "
            print(f"{name:8} {size / 1024:8.0f} KiB  {figures}{result['outcome']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
