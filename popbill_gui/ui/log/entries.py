"""What a row of the log says: a call's keys, a failure (POPBiLL's code and message verbatim, or our sentence, and
what to do), a batch's summary, a note. Every feature that logs builds its rows here and hands them to the window
in one signal; the log pane only shows them. Words through Qt's translations (context "LogPane")."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ...service import PopbillError, request_for
from ..shared import i18n
from ..shared.advice import hint
from ..shared.words import request_words
from .log_model import LogEntry

if TYPE_CHECKING:
    from ...service.batches import BatchReport

log = logging.getLogger(__name__)


def keys_text(operation: str, values: dict[str, str]) -> str:
    """The keys of a call in one line, as the log writes them ("매출 INV-1 → a@b.kr", "0241… ← 매출 INV-1")."""
    try:
        return request_words(request_for(operation, values))
    except ValueError:
        return ""


def note(operation: str, ok: bool, message: str) -> LogEntry:
    """A row that is not a call's answer: a connection test, a list written, a setting that could not be read."""
    return LogEntry(datetime.now(), operation, "", ok, None, message)


def error_entry(operation: str, keys: str, error: PopbillError, seconds: float | None = None) -> LogEntry:
    """A log row for a failure: POPBiLL's code and message verbatim, or our sentence, and what to do."""
    duration = error.duration if error.duration is not None else seconds
    return LogEntry(
        datetime.now(), operation, keys, False, error.code, error.message, error.http_status, duration, hint(error)
    )


def failure_entry(operation: str, keys: str, error: Exception) -> LogEntry:
    """A log row for any failure of a job: a PopbillError as above ("unknown" when it may have been carried out);
    anything else is a bug, said in one line (and logged whole), never a crash."""
    if isinstance(error, PopbillError):
        entry = error_entry(operation, keys, error)
        return replace(entry, state="unknown") if error.maybe_delivered else entry
    log.error("unexpected failure", exc_info=error)
    message = internal_error(error)
    return LogEntry(datetime.now(), operation, keys, False, None, message)


def internal_error(error: Exception) -> str:
    return QCoreApplication.translate("LogPane", "Internal error (%1). The window keeps working.").replace(
        "%1", type(error).__name__
    )


def batch_entry(report: BatchReport) -> LogEntry:
    """A batch's summary row: 완료 (every row sent), 일부 실패 (some failed or need checking), 실패 (none went),
    취소됨, or 중단됨 (a refusal that would hit every row stopped it), with the counts and the reason."""
    from ...service.records import RowState, Stop, state_text

    counts = report.counts()
    summary = ", ".join(f"{state_text(state, i18n.lang())} {n}" for state, n in counts.items() if n)
    message = QCoreApplication.translate("LogPane", "Batch #%1: %2").replace("%1", str(report.batch_id))
    message = message.replace("%2", summary)
    trouble = counts[RowState.FAILED] + counts[RowState.UNKNOWN]
    state: str | None
    if report.stop is Stop.CANCELLED:
        state = "cancelled"
    elif report.stop is not Stop.COMPLETED:
        state = "stopped"
    elif trouble and counts[RowState.DONE]:
        state = "partial"
    elif trouble or not counts[RowState.DONE]:
        state = None  # nothing went through: failed
    else:
        state = "done"
    entry = LogEntry(datetime.now(), "batch", "", state == "done", None, message, state=state)
    error = report.error
    if error is not None:
        entry = replace(entry, code=error.code, message=f"{message} — {error.message}", hint=hint(error))
    return entry
