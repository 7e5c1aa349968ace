"""Rows chosen elsewhere in the window (Find's numbering panel), run as a batch: written as a batch file in the data
folder (`service/assign_list.py`, on a job) and handed to the batch tab, which shows them, asks before sending, and
runs them through the journal like any batch (resumable, exported). Whatever happens is noted in the log.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ...service import Service
from ..log.entries import note
from ..shared import i18n
from ..shared.jobs import JobRunner

if TYPE_CHECKING:
    from ...core.id_pattern import Proposal
    from .batch_tab import BatchTab


class BatchHandoff(QObject):
    """`assign(proposals)`; `open_tab()` shows the batch tab and gives it (built when first needed)."""

    logged = Signal(object)  # LogEntry: where the list went, or why it was not run

    def __init__(
        self, service: Service, jobs: JobRunner, open_tab: Callable[[], BatchTab], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._jobs = jobs
        self._open_tab = open_tab

    def assign(self, proposals: list[Proposal]) -> bool:
        """Write the rows as a batch file (on a job), then the batch tab loads it and asks to start it."""
        from ...service.assign_list import AssignListRow, write_assign_list
        from ..find.invoice_model import date_text

        rows = [
            AssignListRow(p.invoice.item_key, p.invoice.mgt_key_type, p.mgt_key, date_text(p.invoice),
                          p.invoice.partner_name)
            for p in proposals
        ]  # fmt: skip
        service, lang = self._service, i18n.lang()
        return self._jobs.submit(lambda: write_assign_list(service, rows, lang), self._written, self._failed)

    def _note(self, ok: bool, message: str) -> None:
        self.logged.emit(note("batch", ok, message))

    def _written(self, path: Path) -> None:
        tab = self._open_tab()
        self._note(True, self.tr("The document IDs chosen in Find were written to %1.").replace("%1", str(path)))

        def loaded(ok: bool) -> None:
            tab.loaded.disconnect(loaded)
            if ok:
                tab.start()  # asks for confirmation first (document IDs cannot be taken back)

        if tab.working and not tab.reader.reading:  # a batch runs (or is being started): leave it alone
            self._note(False, self.tr("Start that file on the Batch tab once the batch under way has ended."))
            return
        tab.loaded.connect(loaded)
        tab.set_operation("assign_mgt_key")
        if not tab.load_file(str(path)):
            tab.loaded.disconnect(loaded)
            self._note(False, self.tr("Start that file on the Batch tab once the batch under way has ended."))

    def _failed(self, error: Exception) -> None:
        from ..shared.export_dialog import failure_reason  # the file dialogs' module: not a start-up cost

        reason = failure_reason(error, i18n.lang())
        self._note(False, self.tr("The document IDs were not handed to the batch tab: %1").replace("%1", reason))
