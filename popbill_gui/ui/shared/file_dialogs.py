"""Choosing a file to open or a path to save to, in the window's language.

The system's own file dialog speaks the system's language; Qt's own dialog speaks the window's (Qt's translations,
qtbase_<lang>, and ours for the two labels Qt's Korean file lacks). So the system's dialog is used when the system
speaks the window's language (a Korean Windows or macOS for a Korean window: the clerk's usual places, OneDrive
and network drives as the system shows them), and Qt's own (QFileDialog.DontUseNativeDialog) when it does not,
e.g. an English system for a Korean window, or a Linux session without a platform dialog, where the dialog would
otherwise be half in English.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtWidgets import QFileDialog, QWidget

from ...core.messages import Lang
from . import i18n

ROOMY: Final = (860, 540)  # Qt's own dialog at its default size cut its columns ("32....KiB")
# Qt's own file dialog names these two labels with mnemonics that Qt's Korean translation does not have yet; ours
# (same context) gives them Korean words. Listed here so that lupdate keeps them in our .ts files.
QT_LABELS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def native_speaks(lang: Lang, system: QLocale | None = None) -> bool:
    """Whether the system's own dialogs speak `lang`."""
    system = QLocale.system() if system is None else system
    wanted = QLocale.Language.Korean if lang == "ko" else QLocale.Language.English
    return system.language() == wanted


def options(lang: Lang | None = None) -> QFileDialog.Option:
    """The dialog options for the window's language: Qt's own dialog unless the system speaks it."""
    if native_speaks(lang or i18n.lang()):
        return QFileDialog.Option(0)
    return QFileDialog.Option.DontUseNativeDialog


def build(parent: QWidget, title: str, start: str, filters: str, *, save: bool) -> QFileDialog:
    """The dialog, not yet shown: the system's or Qt's own (`options`), Qt's own made roomy enough for its columns."""
    dialog = QFileDialog(parent, title, start, filters)
    dialog.setOptions(options())
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        if start and not Path(start).is_dir():
            dialog.setDirectory(str(Path(start).parent))
            dialog.selectFile(Path(start).name)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if dialog.testOption(QFileDialog.Option.DontUseNativeDialog):
        screen = parent.screen().availableGeometry() if parent is not None else None
        width, height = ROOMY
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        dialog.resize(width, height)
    return dialog


def open_path(parent: QWidget, title: str, folder: str, filters: str) -> str:
    """A file chosen to open, or ""."""
    dialog = build(parent, title, folder, filters, save=False)
    try:
        return dialog.selectedFiles()[0] if dialog.exec() == QFileDialog.DialogCode.Accepted else ""
    finally:
        dialog.deleteLater()


def save_path(parent: QWidget, title: str, suggested: str, filters: str) -> tuple[str, str]:
    """(path, chosen filter) to save to; ("", "") when cancelled."""
    dialog = build(parent, title, suggested, filters, save=True)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return "", ""
        return dialog.selectedFiles()[0], dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()


def translate_qt_labels() -> list[str]:
    """The two labels as the window shows them now (for the checks)."""
    return [QCoreApplication.translate("QFileDialog", str(label)) for label in QT_LABELS]
