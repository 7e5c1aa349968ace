"""The window's invoice look-ups, wired: the two tabs' invoice lines, the Find dialog, and "assign many".

- Resend tab: a valid document ID (with its type) left alone for a moment is looked up (`service.lookups.
  by_mgt_key`: GetInfo and the detail, which has the partner's address) and shown in `resendInvoice`;
  `resendUseInvoiceAddress` puts that address in `resendReceiver`.
- Assign tab: a valid ItemKey is looked up the same way (`by_item_key`; our side found from our CorpNum, and the
  type box set to it) and shown in `assignInvoice`; `assignFind` opens the Find dialog, whose chosen invoice fills
  `assignItemKey` and the type, and is shown at once (no second look-up).
- The dialog's "assign many" rows are written as a batch file in the data folder (`service/assign_list.py`) and
  handed to the batch tab, which asks for confirmation and runs them through the journal.

Everything that touches the network or a file runs on the window's job runner. The main window only builds this.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from ...core.validation import check_item_key, check_mgt_key
from ...service import HistoryError
from ..log.log_model import LogEntry
from ..shared.session import Source
from .invoice_lookup import InvoiceLookup, Key

if TYPE_CHECKING:
    from ...core.id_pattern import Proposal
    from ...service.lookups import Invoice
    from ..window.main_window import MainWindow
    from .find_dialog import FindDialog

log = logging.getLogger(__name__)


class InvoiceFinder(QObject):
    """Built once by the main window; owns the two look-ups and, once opened, the Find dialog."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        resend, assign = window.resend_tab, window.assign_tab
        service = window.service
        self.dialog: FindDialog | None = None

        def by_mgt_key(key: Key) -> Callable[[], Invoice]:
            return lambda: service.lookups.by_mgt_key(key[0], key[1])

        def by_item_key(key: Key) -> Callable[[], Invoice]:
            return lambda: service.lookups.by_item_key(key[0])

        self.resend_lookup = InvoiceLookup(
            "resend",
            window.jobs,
            resend.invoice_label,
            query=self._resend_key,
            fetch=by_mgt_key,
            ready=self.ready,
            lang=lambda: window.lang,
            idle_text=lambda: self.tr("Type a document ID: its invoice is shown here."),
            not_found_text=lambda: self.tr("No invoice of this type has this document ID"),
        )
        self.assign_lookup = InvoiceLookup(
            "assign",
            window.jobs,
            assign.invoice_label,
            query=self._assign_key,
            fetch=by_item_key,
            ready=self.ready,
            lang=lambda: window.lang,
            idle_text=lambda: self.tr("Type an ItemKey, or press Find… to choose the invoice from a list."),
            not_found_text=lambda: self.tr("No invoice has this ItemKey"),
            for_assign=True,
        )
        resend.mgt_key.changed.connect(self.resend_lookup.changed)
        resend.mgt_key_type.currentIndexChanged.connect(self.resend_lookup.changed)
        self.resend_lookup.found.connect(self._resend_found)
        resend.use_address_button.clicked.connect(self.use_address)
        resend.use_address_button.setEnabled(False)
        assign.item_key.changed.connect(self.assign_lookup.changed)
        self.assign_lookup.found.connect(self._assign_found)
        assign.find_button.clicked.connect(self.open_find)
        # Document IDs given since the list was shown: it is searched again when the dialog opens next.
        self._list_changed = False
        assign.submitted.connect(self._assigned)
        window.installEventFilter(self)

    # -- shared -----------------------------------------------------------------------------------------
    def ready(self) -> str | None:
        """Why nothing may be looked up now (in words), or None. The demo's simulator is started first."""
        ensure = getattr(self.window, "ensure_simulator", None)
        if callable(ensure):
            ensure()
        session = self.window.session
        if session.source is Source.PENDING:
            return self.tr("Not looked up yet: the credentials are still being read from the keyring.")
        if session.credentials is None:
            return self.tr("Not looked up: no credentials yet (File → Settings).")
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange and self.dialog is not None:
            self.dialog.set_lang(self.window.lang)
        return False

    # -- resend tab -------------------------------------------------------------------------------------
    def _resend_key(self) -> Key | None:
        tab = self.window.resend_tab
        mgt_key = tab.mgt_key.value()
        return None if check_mgt_key(mgt_key) else (str(tab.mgt_key_type.currentData()), mgt_key)

    def _resend_found(self, invoice: Invoice | None) -> None:
        self.window.resend_tab.use_address_button.setEnabled(invoice is not None and bool(invoice.emails))

    def use_address(self) -> bool:
        """Put the address on the invoice shown in Receiver e-mail; False when there is none."""
        invoice = self.resend_lookup.invoice
        if invoice is None or not invoice.emails:
            return False
        edit = self.window.resend_tab.receiver.edit
        edit.setText(invoice.emails[0])
        edit.setFocus()
        return True

    # -- assign tab -------------------------------------------------------------------------------------
    def _assign_key(self) -> Key | None:
        item_key = self.window.assign_tab.item_key.value()
        return None if check_item_key(item_key) else (item_key,)

    def _assign_found(self, invoice: Invoice | None) -> None:
        if invoice is not None:
            self._set_assign_type(invoice.mgt_key_type)  # the ItemKey says which side of it we are on

    def _set_assign_type(self, mgt_key_type: str) -> None:
        combo = self.window.assign_tab.mgt_key_type
        index = combo.findData(mgt_key_type)
        if index >= 0:
            combo.setCurrentIndex(index)

    def open_find(self) -> FindDialog:
        """Show the Find dialog (kept between uses: the last list and filters stay); the first time, it searches
        at once with its defaults (this month and the last, invoices without a document ID), and again whenever
        document IDs were assigned since (the list would show them without)."""
        from .find_dialog import FindDialog

        dialog = self.dialog
        if dialog is None:
            window = self.window
            dialog = FindDialog(window.service, window.jobs, self.ready, window.lang, window)
            dialog.chosen.connect(self.use_invoice)
            dialog.assign_requested.connect(self.assign_many)
            index = dialog.mgt_key_type.findData(window.assign_tab.mgt_key_type.currentData())
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

    def _assigned(self, _request: object) -> None:
        self._list_changed = True

    def use_invoice(self, invoice: Invoice) -> None:
        """The invoice chosen in the list: its ItemKey and type in the assign tab, and the invoice shown."""
        tab = self.window.assign_tab
        self.window.tabs.setCurrentWidget(tab)
        tab.item_key.edit.setText(invoice.item_key)
        self._set_assign_type(invoice.mgt_key_type)
        self.assign_lookup.show_known((invoice.item_key,), invoice)
        tab.mgt_key.edit.setFocus()  # what the clerk types next

    # -- many at once -----------------------------------------------------------------------------------
    def assign_many(self, proposals: list[Proposal]) -> bool:
        """Write the rows as a batch file (on a job), then the batch tab loads it and asks to start it."""
        from ...service.assign_list import AssignListRow, write_assign_list
        from .invoice_model import date_text

        rows = [
            AssignListRow(p.invoice.item_key, p.invoice.mgt_key_type, p.mgt_key, date_text(p.invoice),
                          p.invoice.partner_name)
            for p in proposals
        ]  # fmt: skip
        service, lang = self.window.service, self.window.lang
        self._list_changed = True
        return self.window.jobs.submit(
            lambda: write_assign_list(service, rows, lang), self._list_written, self._list_failed
        )

    def _note(self, ok: bool, message: str) -> None:
        self.window.log_pane.add(LogEntry(datetime.now(), "batch", "", ok, None, message))

    def _list_written(self, path: Path) -> None:
        window = self.window
        window.tabs.setCurrentWidget(window.batch_page)
        tab = window.batch_tab
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

    def _list_failed(self, error: Exception) -> None:
        describe = getattr(error, "describe", None)
        if callable(describe):
            reason = str(describe(self.window.lang))
        elif isinstance(error, (HistoryError, OSError)):
            reason = str(error)
        else:
            log.error("unexpected failure writing an assign list", exc_info=error)
            reason = type(error).__name__
        self._note(False, self.tr("The document IDs were not handed to the batch tab: %1").replace("%1", reason))
