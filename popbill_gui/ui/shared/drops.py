"""What a drag onto the window carries: the one local CSV or Excel file a batch can read, or nothing. An old .xls is
taken too: the batch tab then says at once how to save it as .xlsx."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import QMimeData

DROP_SUFFIXES: Final = (".csv", ".xlsx", ".xls")


def dropped_file(mime: QMimeData) -> str | None:
    """The one local .csv/.xlsx/.xls file a drag carries, or None."""
    if not mime.hasUrls():
        return None
    urls = [url for url in mime.urls() if url.isLocalFile()]
    if len(urls) != 1:
        return None
    path = urls[0].toLocalFile()
    return path if Path(path).suffix.lower() in DROP_SUFFIXES else None
