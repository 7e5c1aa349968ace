"""Mnemonic letters shown only where they work: not on macOS.

The window's labels carry Alt+letter mnemonics, in Korean as a letter in brackets (`시작(&S)`, Windows' own
convention). On macOS Qt turns mnemonics off (there is no Alt+letter for buttons there), hides the `&` and leaves
`시작(S)` on the button: a letter that does nothing. Qt's native menus on macOS drop them already
(QPlatformTheme::removeMnemonics); everything else is drawn by Qt and is not. So on macOS every translated text goes
through `WithoutMnemonics`, which asks the real translators (ours and Qt's own) and removes the markers, the Korean
`(&S)` with the spaces before it, and the `&` of an English `&Start`. `&&` (a literal ampersand) stays as it is:
the widgets read a lone `&` as a marker.

What a keyboard user has on macOS instead (Tab with Keyboard navigation on, Space, Return, Esc, ⌘ shortcuts) is in
the README.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTranslator

PLATFORM = sys.platform  # tests set "darwin" here to see the macOS labels on any system


def shown() -> bool:
    """Whether mnemonic letters belong in the labels on this system (everywhere but macOS)."""
    return PLATFORM != "darwin"


def without_mnemonics(text: str) -> str:
    """`text` without mnemonic markers: `시작(&S)` → `시작`, `&Start` → `Start`; `&&` is kept.

    The rule of Qt's QPlatformTheme::removeMnemonics (a bracketed `(&X)` goes with the spaces before it), except that
    `&&` stays `&&`, since the result is shown by widgets, which read `&&` as one ampersand."""
    if "&" not in text:
        return text
    out: list[str] = []
    i, length = 0, len(text)
    while i < length:
        char = text[i]
        if char == "(" and i + 3 < length and text[i + 1] == "&" and text[i + 2] != "&" and text[i + 3] == ")":
            while out and out[-1].isspace():
                out.pop()
            i += 4
            continue
        if char == "&":
            if i + 1 < length and text[i + 1] == "&":
                out.append("&&")
                i += 2
                continue
            i += 1  # the marker goes, the letter after it stays
            continue
        out.append(char)
        i += 1
    return "".join(out)


class WithoutMnemonics(QTranslator):
    """One translator in place of `translators` (asked in their order, as Qt asks the installed ones, last installed
    first): the first translation found, without mnemonic markers. Both languages translate every text of ours
    (English to itself), so one of ours shown untranslated is a text not yet through scripts/i18n."""

    def __init__(self, translators: Sequence[QTranslator], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translators = list(translators)

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        for translator in self._translators:
            text = translator.translate(context, source_text, disambiguation, n)
            if text:
                return without_mnemonics(text)
        if context.startswith("Q") and "&" in source_text:
            # Qt's own words that no translation has (English has no qtbase file): "&Yes" is "Yes". PySide's tr()
            # of our classes ends its walk up the class's bases at Qt's classes, so our words come here last.
            return without_mnemonics(source_text)
        # None (a null QString): Qt goes on with the source text, and PySide's tr() with the next class of the MRO
        # (MainWindow's words for DemoWindow). An empty string would be taken as the translation.
        return None

    def isEmpty(self) -> bool:
        return False
