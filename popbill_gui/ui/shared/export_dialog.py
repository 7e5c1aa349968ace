"""Exports from the window: a save dialog offering Excel or CSV, and the writing on a job, with one way to say why
it failed. Shared by the batch tab and the history."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...core.messages import Lang
from ...service import HistoryError
from . import file_dialogs
from .jobs import JobRunner

log = logging.getLogger(__name__)


def ask_export_path(parent: QWidget, title: str, suggested: str) -> str | None:
    """The chosen .xlsx or .csv path (the extension added from the chosen filter if typed without one), or None."""
    excel = QCoreApplication.translate("ExportDialog", "Excel (*.xlsx)")
    csv_filter = QCoreApplication.translate("ExportDialog", "CSV, UTF-8 (*.csv)")
    path, chosen = file_dialogs.save_path(parent, title, suggested, f"{excel};;{csv_filter}")
    if not path:
        return None
    if Path(path).suffix.lower() not in (".csv", ".xlsx"):
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
