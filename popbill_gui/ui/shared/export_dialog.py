"""Exports from the window: a save dialog offering Excel or CSV, and the writing on a job, with one way to say why
it failed. Shared by the batch tab and the history."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...core.messages import Lang
from ...service import HistoryError
from . import file_dialogs
from .jobs import JobRunner

log = logging.getLogger(__name__)

# What reads as a file extension: a dot, a letter, then up to four letters or digits ("2026.11 결과" has none).
_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")


def ask_export_path(parent: QWidget, title: str, suggested: str) -> str | None:
    """The chosen path, or None. A name typed without an extension gets the chosen filter's; one with another
    extension (결과.txt) is kept as typed, so that the export refuses it with a sentence instead of writing
    결과.txt.xlsx."""
    excel = QCoreApplication.translate("ExportDialog", "Excel (*.xlsx)")
    csv_filter = QCoreApplication.translate("ExportDialog", "CSV, UTF-8 (*.csv)")
    path, chosen = file_dialogs.save_path(parent, title, suggested, f"{excel};;{csv_filter}")
    if not path:
        return None
    if not _EXTENSION.search(Path(path).name):
        path += ".csv" if chosen == csv_filter else ".xlsx"
    return path


def failure_reason(error: Exception, lang: Lang) -> str:
    """Why an export failed, in words: our own sentence when the error has one, the system's otherwise."""
    describe = getattr(error, "describe", None)
    if callable(describe):
        return str(describe(lang))
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    if isinstance(error, (OSError, ValueError, HistoryError)):
        return str(error)
    log.error("an export failed unexpectedly", exc_info=error)
    return type(error).__name__


def export_on_job(
    jobs: JobRunner,
    write: Callable[[], Path],
    lang: Lang,
    *,
    written: Callable[[Path], None],
    failed: Callable[[str], None],
) -> bool:
    """Run `write` (it reads no widget) on a job; `written(path)` or `failed(reason)` on the GUI thread."""
    return jobs.submit(write, written, lambda error: failed(failure_reason(error, lang)))
