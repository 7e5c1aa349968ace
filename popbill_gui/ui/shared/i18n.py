"""The window's one way to translate: our compiled Qt Linguist files plus Qt's own (so standard dialogs speak the
same language), and the language they speak, which the core's sentences are asked for in.

The window's own words go through Qt's tools: `self.tr()` in the classes, `resources/i18n/popbill_gui_<lang>.ts`
refreshed by `scripts/i18n` (lupdate: a text's context is its class's name) and compiled into `popbill_gui/i18n/`.
English is the source language. `install(lang)` swaps the translators; Qt then sends every widget a LanguageChange,
and each widget says its words again in `changeEvent` (`retranslate`), the core's sentences in `lang()` included.
Models and other non-widgets are worded again by the widget that shows them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ...core.messages import Lang
from . import mnemonics

log = logging.getLogger(__name__)

QM_DIR = Path(__file__).resolve().parents[2] / "i18n"
_installed: list[QTranslator] = []
_stripping: list[QTranslator] = []  # on macOS, the one translator installed in their place (mnemonics.py)
_lang: Lang = "en"  # the language of the installed translations (none: the source language)


def lang() -> Lang:
    """The language the window speaks now: the core's sentences are asked for in it."""
    return _lang


def qm_path(lang: Lang) -> Path:
    return QM_DIR / f"popbill_gui_{lang}.qm"


def loaded_files() -> list[str]:
    """The file names of the translations now installed (the packaged-program checks look for both)."""
    return [Path(translator.filePath()).name for translator in _installed]


def remove() -> None:
    """Uninstall our translators (the source language, English, remains)."""
    global _lang
    _lang = "en"
    app = QCoreApplication.instance()
    if app is not None:
        for translator in _installed + _stripping:
            app.removeTranslator(translator)
    _installed.clear()
    _stripping.clear()


def install(lang: Lang) -> bool:
    """Replace the installed translators with those of `lang`; False if ours could not be loaded."""
    global _lang
    app = QCoreApplication.instance()
    if app is None:
        return False
    remove()
    _lang = lang
    ours = QTranslator(app)
    loaded = ours.load(str(qm_path(lang)))
    if loaded:
        _installed.append(ours)
    else:
        log.warning("translation %s not found", qm_path(lang).name)
    qt_own = QTranslator(app)
    if qt_own.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt_own)
    if mnemonics.shown():
        for translator in _installed:
            app.installTranslator(translator)
    else:  # macOS: one translator asking both (Qt's own first, as Qt would), without the mnemonic markers
        _stripping.append(mnemonics.WithoutMnemonics(_installed[::-1], app))
        app.installTranslator(_stripping[0])
    QLocale.setDefault(QLocale(QLocale.Language.Korean if lang == "ko" else QLocale.Language.English))
    return loaded
