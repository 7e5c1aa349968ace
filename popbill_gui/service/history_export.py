"""The call history, written to a file: every recorded call the filters match (not only those a window shows), oldest
first, as CSV with a BOM (Excel opens it) or XLSX by the extension, atomically (`batch/export.py`). Qt-free.

The face gives the words: the header, and a row of values for a record (its columns as it names them)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..storage.history import CallRecord
    from .service import Service


def export_calls(
    service: Service,
    path: str | Path,
    header: Sequence[object],
    row: Callable[[CallRecord], Sequence[object]],
    **filters: Any,
) -> Path:
    """Write the calls matching `filters` (as `Service.recent_calls` takes them) to `path`; the path written."""
    from ..batch.export import write_results

    records = service.recent_calls(None, **filters)
    return write_results(path, [list(header), *(list(row(record)) for record in records)])
