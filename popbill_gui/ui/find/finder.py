"""Find for the tabs: the Find dialog, built when first opened and kept between uses (the last list and filters
stay), opened by a tab with what to do with the invoice chosen there.

The first opening searches at once with the dialog's defaults (this month and the last; for the Assign tab only
invoices without a document ID, for the Resend tab every invoice), and so does any opening after document IDs were
given (the list would show those invoices without one) or from the other tab when that changes the box "only
without a document ID". What goes out of the dialog for the window to run: the numbering panel's rows
(`assign_requested`) and the invoices whose mails are resent (`resend_requested`), as batches
(`batch/handoff.py`), an invoice chosen for a resend that needs a document ID first (`assign_wanted`, to the Assign
tab) and, once given one there, back to the Resend tab (`resend_wanted`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from ...service import Service
from ..shared.jobs import JobRunner

if TYPE_CHECKING:
    from ...service.lookups import Invoice
    from .find_dialog import FindDialog, Ready

Chosen = Callable[["Invoice"], None]


def show_tab(page: QWidget) -> None:
    """Bring `page` forward in the tab widget that holds it (a tab that takes an invoice handed over by another)."""
    tabs = page.parentWidget()
    while tabs is not None and not isinstance(tabs, QTabWidget):
        tabs = tabs.parentWidget()
    if tabs is not None:
        tabs.setCurrentWidget(page)


class Finder(QObject):
    """`open(chosen)`: the dialog, for the tab that opens it; `ready()` says why nothing may be searched now."""

    assign_requested = Signal(object)  # list[Proposal]: invoices with the document IDs to give them
    resend_requested = Signal(object)  # service.resend_list.Addressed: invoices whose mails are resent
    assign_wanted = Signal(object)  # Invoice: chosen for a resend, it needs a document ID first (the Assign tab)
    resend_wanted = Signal(object)  # Invoice: that invoice, given its document ID: back to the Resend tab

    def __init__(self, service: Service, jobs: JobRunner, ready: Ready, parent: QWidget) -> None:
        super().__init__(parent)
        self._service = service
        self._jobs = jobs
        self._ready = ready
        self._parent = parent
        self.dialog: FindDialog | None = None
        self._chosen: Chosen | None = None
        self._list_changed = False  # document IDs given since the list was shown

    def open(self, chosen: Chosen, *, mgt_key_type: str, purpose: str = "assign") -> FindDialog:
        """Show the dialog for the tab `purpose` names ("assign" or "resend"); the invoice used there (Use,
        double-click, Enter) goes to `chosen`. The first time, its type is `mgt_key_type`; later, the filters are
        as the clerk left them (but the box "only without a document ID", set as the tab wants it)."""
        from .find_dialog import FindDialog

        self._chosen = chosen
        dialog = self.dialog
        if dialog is None:
            dialog = FindDialog(self._service, self._jobs, self._ready, self._parent)
            dialog.chosen.connect(self._use)
            dialog.assign_requested.connect(self._assign_requested)
            dialog.resend_requested.connect(self.resend_requested)
            dialog.assign_wanted.connect(self.assign_wanted)
            index = dialog.mgt_key_type.findData(mgt_key_type)
            dialog.mgt_key_type.setCurrentIndex(max(index, 0))
            self.dialog = dialog
            dialog.set_purpose(purpose)
            dialog.open()
            dialog.search()
        else:
            changed = dialog.set_purpose(purpose)
            dialog.open()
            if (self._list_changed or changed) and not dialog.searching:
                dialog.search()
        self._list_changed = False
        dialog.partner.setFocus()  # a clerk starts from the partner's name: typing it, then Enter, searches
        dialog.partner.selectAll()
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
