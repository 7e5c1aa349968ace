"""Translations: our compiled Qt Linguist files plus Qt's own, so standard dialogs speak the same language.

Sources are `resources/i18n/popbill_gui_<lang>.ts` (edited with Qt Linguist, compiled by `scripts/i18n`);
the compiled `.qm` files ship inside the package (`popbill_gui/i18n/`). English is the source language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ...core.messages import Lang

log = logging.getLogger(__name__)

QM_DIR = Path(__file__).resolve().parents[2] / "i18n"
_installed: list[QTranslator] = []


def qm_path(lang: Lang) -> Path:
    return QM_DIR / f"popbill_gui_{lang}.qm"


def loaded_files() -> list[str]:
    """The file names of the translations now installed (the packaged-program checks look for both)."""
    return [Path(translator.filePath()).name for translator in _installed]


def remove() -> None:
    """Uninstall our translators (the source language, English, remains)."""
    app = QCoreApplication.instance()
    if app is not None:
        for translator in _installed:
            app.removeTranslator(translator)
    _installed.clear()


def install(lang: Lang) -> bool:
    """Replace the installed translators with those of `lang`; False if ours could not be loaded."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    remove()
    ours = QTranslator(app)
    loaded = ours.load(str(qm_path(lang)))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("translation %s not found", qm_path(lang).name)
    qt_own = QTranslator(app)
    if qt_own.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    QLocale.setDefault(QLocale(QLocale.Language.Korean if lang == "ko" else QLocale.Language.English))
    return loaded
