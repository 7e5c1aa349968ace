"""Where to write an export: a save dialog offering Excel or CSV, shared by the batch tab and the history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def ask_export_path(parent: QWidget, title: str, suggested: str) -> str | None:
    """The chosen .xlsx or .csv path (the extension added from the chosen filter if typed without one), or None."""
    excel = QCoreApplication.translate("ExportDialog", "Excel (*.xlsx)")
    csv_filter = QCoreApplication.translate("ExportDialog", "CSV, UTF-8 (*.csv)")
    path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, f"{excel};;{csv_filter}")
    if not path:
        return None
    if Path(path).suffix.lower() not in (".csv", ".xlsx"):
        path += ".csv" if chosen == csv_filter else ".xlsx"
    return path
