"""Translations in bulk, after `scripts/i18n` (lupdate) has refreshed the .ts files from the code.

    .venv/bin/python scripts/i18n_bulk.py carry [OLD.ts ...]   texts that moved to another class (or were
                                                               translated elsewhere) keep their translation
    .venv/bin/python scripts/i18n_bulk.py fill KO.json         new Korean texts from {"source": "번역"} or
                                                               {"Context|source": "번역"}

`carry`, for each of resources/i18n/popbill_gui_{ko,en}.ts: every unfinished message whose source text (with the
same disambiguating comment) has a finished translation, in this file in another context or in one of the OLD files
of the same language (e.g. `git show HEAD~1:resources/i18n/popbill_gui_ko.ts > /tmp/old_ko.ts`), takes it; English
is the source language, so its unfinished messages take their own text. `fill` does the same for Korean from the
JSON file. Both print what is still unfinished. Run `scripts/i18n` once more afterwards: it writes the files back in
lupdate's own format and compiles them.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
Key = tuple[str, str]  # (source, comment)
Lookup = Callable[[str, str, str], str | None]  # (context, source, comment) -> translation


def ts(lang: str) -> Path:
    return ROOT / "resources" / "i18n" / f"popbill_gui_{lang}.ts"


def finished(path: Path) -> dict[Key, str]:
    found: dict[Key, str] = {}
    for message in ET.parse(path).getroot().iter("message"):  # noqa: S314 -- the project's own files
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and translation.text:
            found[(message.findtext("source", ""), message.findtext("comment", ""))] = translation.text
    return found


def complete(path: Path, lookup: Lookup) -> list[str]:
    """Give each unfinished message of `path` the translation `lookup` knows; what is left, as lines."""
    tree = ET.parse(path)  # noqa: S314 -- the project's own files
    left = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = message.findtext("source", "")
            text = lookup(name, source, message.findtext("comment", ""))
            if text:
                translation.text = text
                del translation.attrib["type"]
            else:
                left.append(f"{path.name}: {name}: {source}")
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return left


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("carry", "fill") or (argv[0] == "fill" and len(argv) != 2):
        print(__doc__.strip().splitlines()[2:6][0], file=sys.stderr)
        return 2
    left: list[str] = []
    if argv[0] == "carry":
        old = [Path(a) for a in argv[1:]]
        for lang in ("ko", "en"):
            table: dict[Key, str] = {}
            for source in (*[p for p in old if p.name.endswith(f"_{lang}.ts")], ts(lang)):
                table.update(finished(source))
            if lang == "en":
                left += complete(ts(lang), lambda _c, source, _m: source)
            else:
                left += complete(ts(lang), lambda _c, source, comment, table=table: table.get((source, comment)))
    else:
        given: dict[str, str] = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        left += complete(ts("ko"), lambda context, source, _m: given.get(f"{context}|{source}", given.get(source)))
    for line in left:
        print(f"unfinished: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
