"""Find for the tabs: the Find dialog, built when first opened and kept between uses (the last list and filters
stay), opened by a tab with what to do with the invoice chosen there.

The first opening searches at once with the dialog's defaults (this month and the last, invoices without a
document ID), and so does any opening after document IDs were given (the list would show those invoices without
one). Its numbering panel's rows ("give document IDs to the selected invoices") go out as `assign_requested`, to be
run as a batch (`batch/handoff.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...service import Service
from ..shared.jobs import JobRunner

if TYPE_CHECKING:
    from ...service.lookups import Invoice
    from .find_dialog import FindDialog, Ready

Chosen = Callable[["Invoice"], None]


class Finder(QObject):
    """`open(chosen)`: the dialog, for the tab that opens it; `ready()` says why nothing may be searched now."""

    assign_requested = Signal(object)  # list[Proposal]: invoices with the document IDs to give them

    def __init__(self, service: Service, jobs: JobRunner, ready: Ready, parent: QWidget) -> None:
        super().__init__(parent)
        self._service = service
        self._jobs = jobs
        self._ready = ready
        self._parent = parent
        self.dialog: FindDialog | None = None
        self._chosen: Chosen | None = None
        self._list_changed = False  # document IDs given since the list was shown

    def open(self, chosen: Chosen, *, mgt_key_type: str) -> FindDialog:
        """Show the dialog; the invoice used there (Use, double-click, Enter) goes to `chosen`. The first time, its
        type is `mgt_key_type`; later, the filters are as the clerk left them."""
        from .find_dialog import FindDialog

        self._chosen = chosen
        dialog = self.dialog
        if dialog is None:
            dialog = FindDialog(self._service, self._jobs, self._ready, self._parent)
            dialog.chosen.connect(self._use)
            dialog.assign_requested.connect(self._assign_requested)
            index = dialog.mgt_key_type.findData(mgt_key_type)
            dialog.mgt_key_type.setCurrentIndex(max(index, 0))
            self.dialog = dialog
            dialog.open()
            dialog.search()
        else:
            dialog.open()
            if self._list_changed and not dialog.searching:
                dialog.search()
        self._list_changed = False
        return dialog

    def list_changed(self) -> None:
        """Document IDs were given: the next opening searches again."""
        self._list_changed = True

    def _use(self, invoice: Invoice) -> None:
        if self._chosen is not None:
            self._chosen(invoice)

    def _assign_requested(self, proposals: object) -> None:
        self._list_changed = True
        self.assign_requested.emit(proposals)
