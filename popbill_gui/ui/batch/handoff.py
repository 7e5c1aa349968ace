"""Rows chosen in Find, run as a batch: document IDs from its numbering panel (`service/assign_list.py`) or mails
resent to the addresses on file (`service/resend_list.py`), written as a batch file in the data folder (on a job) and
handed to the batch tab with `load_file(path, from_find=True)`: it shows them (with each invoice's partner, date,
amount and state beside its row) and runs them through the journal like any batch (resumable, exported). Document
IDs are started at once, which asks first (they cannot be taken back; the question speaks of the chosen invoices,
not of a file); mails wait for Start, as a file's rows do, so the clerk sees the list before anything goes (and
production asks). Whatever happens is noted in the log, with the invoices left out of a resend and why.
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
    from ...batch.model import Operation
    from ...core.id_pattern import Proposal
    from ...service.resend_list import Addressed
    from .batch_tab import BatchTab


class BatchHandoff(QObject):
    """`assign(proposals)`, `resend(addressed)`; `open_tab()` shows the batch tab and gives it (built when first
    needed)."""

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

        service, lang = self._service, i18n.lang()
        rows = [AssignListRow.of(p.invoice, p.mgt_key, lang) for p in proposals]
        written = self.tr("The document IDs chosen in Find were written to %1.")
        return self._jobs.submit(
            lambda: write_assign_list(service, rows, lang),
            lambda path: self._written(path, "assign_mgt_key", written),
            self._failed,
        )

    def resend(self, addressed: Addressed) -> bool:
        """Write a resend list of the invoices ready to be resent (on a job); the batch tab loads it and asks to
        start it. The invoices left out (no document ID, no address on file) are noted in the log."""
        from ...service.resend_list import ResendListRow, write_resend_list

        service, lang = self._service, i18n.lang()
        rows = [ResendListRow.of(invoice, lang) for invoice in addressed.ready]
        if addressed.left_out:
            self._note(False, self._left_out_text(addressed))
        if not rows:
            return False
        written = self.tr("The invoices whose mails are resent were written to %1.")
        return self._jobs.submit(
            lambda: write_resend_list(service, rows, lang),
            lambda path: self._written(path, "resend_email", written),
            self._failed,
        )

    def _left_out_text(self, addressed: Addressed) -> str:
        parts = []
        if addressed.without_id:
            names = ", ".join(i.partner_name or i.item_key for i in addressed.without_id[:3])
            parts.append(
                self.tr("%1 without a document ID (%2)").replace("%1", str(len(addressed.without_id)))
                .replace("%2", names)
            )  # fmt: skip
        if addressed.without_address:
            names = ", ".join(i.partner_name or i.mgt_key for i in addressed.without_address[:3])
            parts.append(
                self.tr("%1 without an e-mail address on the invoice (%2)")
                .replace("%1", str(len(addressed.without_address)))
                .replace("%2", names)
            )
        return self.tr("Left out of the resend: %1.").replace("%1", "; ".join(parts))

    def _note(self, ok: bool, message: str) -> None:
        self.logged.emit(note("batch", ok, message))

    def _written(self, path: Path, operation: Operation, written: str) -> None:
        tab = self._open_tab()
        self._note(True, written.replace("%1", str(path)))

        def loaded(ok: bool) -> None:
            tab.loaded.disconnect(loaded)
            if ok and operation == "assign_mgt_key":
                tab.start()  # asks first, always: document IDs cannot be taken back
            elif ok:
                self._note(True, self.tr("Check the rows on the Batch tab, then press Start to resend the mails."))

        if tab.working and not tab.reader.reading:  # a batch runs (or is being started): leave it alone
            self._note(False, self.tr("Start that file on the Batch tab once the batch under way has ended."))
            return
        tab.loaded.connect(loaded)
        tab.set_operation(operation)
        if not tab.load_file(str(path), from_find=True):
            tab.loaded.disconnect(loaded)
            self._note(False, self.tr("Start that file on the Batch tab once the batch under way has ended."))

    def _failed(self, error: Exception) -> None:
        from ..shared.export_dialog import failure_reason  # the file dialogs' module: not a start-up cost

        reason = failure_reason(error, i18n.lang())
        self._note(
            False, self.tr("The invoices chosen in Find were not handed to the batch tab: %1").replace("%1", reason)
        )
