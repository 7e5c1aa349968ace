"""The Assign MgtKey tab (문서번호 할당): an invoice issued on the POPBiLL website, found by its ItemKey or chosen in
Find, gets a document ID of ours.

A valid ItemKey left alone for a moment is looked up (`service.lookups.by_item_key`: our side found from our
CorpNum, and the type box set to it) and shown under it (`assignInvoice`). `assignFind` opens the Find dialog; the
invoice chosen there fills `assignItemKey` and the type and is shown at once (no second look-up). Every assignment
is confirmed first (it cannot be undone), then runs through the window's `CallFlow`. An invoice chosen in Find for a
resend that has no document ID yet comes here too (`give_id_first`): the tab comes forward with it filled in, and once
the clerk has given it its ID, the Resend tab takes it with that ID (the address on file then fills itself).
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ...core.validation import ITEM_KEY_LEN, MGT_KEY_MAX, check_item_key, check_mgt_key
from ...service import AssignRequest, CallResult, Request
from ..calls.call_flow import CallFlow
from ..calls.call_tab import CallTab
from ..find.finder import show_tab
from ..find.invoice_lookup import Key
from ..shared.fields import CheckedField
from ..shared.words import request_words

if TYPE_CHECKING:
    from ...service.lookups import Invoice
    from ..find.find_dialog import FindDialog
    from ..find.finder import Finder


class AssignTab(CallTab):
    """문서번호 할당: ItemKey, MgtKeyType, MgtKey, Assign."""

    RESULT_NAME = "assignResult"

    def __init__(self, flow: CallFlow, finder: Finder, parent: QWidget | None = None) -> None:
        super().__init__(flow, parent)
        self.setObjectName("assignTab")
        self.finder = finder
        self.item_key = CheckedField("assignItemKey", check_item_key, ITEM_KEY_LEN, self)
        self.mgt_key_type = self._type_combo("assignMgtKeyType")
        self.mgt_key = CheckedField("assignMgtKey", check_mgt_key, MGT_KEY_MAX, self)
        self._row(self.item_key, self.item_key.edit)
        self._row(self.mgt_key_type, self.mgt_key_type)
        self._row(self.mgt_key, self.mgt_key.edit)
        self._add_field(self.item_key)
        self._add_field(self.mgt_key)
        self.button.setObjectName("assignSend")
        self._tab_order(self.item_key.edit, self.mgt_key_type, self.mgt_key.edit, self.button)
        self._invoice_row(self.item_key, "assignInvoice", "assignFind")
        self.find_button = self.invoice_button
        self.lookup = self._invoice_lookup(
            "assign",
            self._lookup_key,
            lambda lookups, key: lookups.by_item_key(key[0]),
            idle_text=lambda: self.tr("Type the POPBiLL number, or press Find… to choose the invoice from a list."),
            not_found_text=lambda: self.tr("No invoice has this POPBiLL number"),
            for_assign=True,
        )
        self.item_key.changed.connect(self.lookup.changed)
        self.lookup.found.connect(self._found)
        self.find_button.clicked.connect(self.open_find)
        self._for_resend: Invoice | None = None  # chosen for a resend, it is given its document ID here first
        finder.assign_wanted.connect(self.give_id_first)
        self.retranslate()
        self.refresh()

    def request(self) -> AssignRequest:
        return AssignRequest(self.item_key.value(), str(self.mgt_key_type.currentData()), self.mgt_key.value())

    def question(self, request: Request) -> tuple[str, str]:
        keys = request.keys()
        # The values on lines of their own: a Korean particle after a value ("…을(를)") reads badly.
        text = (
            self.tr(
                "Assign this document ID to this invoice?\n\nPOPBiLL number: %3\nType: %2\nDocument ID: %1\n\n"
                "This cannot be undone."
            )
            .replace("%1", keys["mgt_key"])
            .replace("%2", self.mgt_key_type.currentText() or keys["mgt_key_type"])
            .replace("%3", keys["item_key"])
        )
        return self.tr("Assign MgtKey"), text

    def submit(self, request: Request) -> bool:
        waiting = self._for_resend
        if waiting is not None and request.keys().get("item_key") == waiting.item_key:
            # Given its ID on the way to a resend: once assigned, the Resend tab takes it with that ID.
            new = replace(waiting, mgt_key=request.keys()["mgt_key"], mgt_key_type=request.keys()["mgt_key_type"])
            show = partial(self._shown_for_resend, new)
            submitted = self.flow.run(request, self, show, self.logged.emit)
        else:
            submitted = super().submit(request)
        if submitted:
            self.finder.list_changed()  # the Find list would show this invoice without its new ID
        return submitted

    def _shown_for_resend(self, invoice: Invoice, outcome: str, text: str) -> None:
        self.show_result(outcome, text)
        if outcome == "ok" and self._for_resend is not None and self._for_resend.item_key == invoice.item_key:
            self._for_resend = None
            self.finder.resend_wanted.emit(invoice)

    def done_text(self, request: Request, result: CallResult) -> str:
        return self.tr("Assigned: %1").replace("%1", request_words(request))

    def what_to_check(self, request: Request) -> str:
        keys = request.keys()
        return (
            self.tr(
                "Check on the POPBiLL website whether the invoice with the POPBiLL number %1 now has the document "
                "ID %2 before assigning again: a second try is refused if it has."
            )
            .replace("%1", keys["item_key"])
            .replace("%2", keys["mgt_key"])
        )

    # -- the invoice the ItemKey names ----------------------------------------------------------------------
    def _lookup_key(self) -> Key | None:
        item_key = self.item_key.value()
        return None if check_item_key(item_key) else (item_key,)

    def _found(self, invoice: Invoice | None) -> None:
        if invoice is not None:
            self._set_type(invoice.mgt_key_type)  # the ItemKey says which side of it we are on

    def _set_type(self, mgt_key_type: str) -> None:
        index = self.mgt_key_type.findData(mgt_key_type)
        if index >= 0:
            self.mgt_key_type.setCurrentIndex(index)

    def open_find(self) -> FindDialog:
        """Find, for this tab: the invoice chosen there is the one to give a document ID."""
        return self.finder.open(self.use_invoice, mgt_key_type=str(self.mgt_key_type.currentData()), purpose="assign")

    def give_id_first(self, invoice: Invoice) -> None:
        """An invoice chosen in Find for a resend has no document ID: this tab comes forward with it filled in, and
        once it is assigned, the Resend tab takes it (`Finder.resend_wanted`)."""
        show_tab(self)
        self.use_invoice(invoice)
        self._for_resend = invoice

    def use_invoice(self, invoice: Invoice) -> None:
        """The invoice chosen in Find: its ItemKey and type here, and the invoice shown."""
        self._for_resend = None
        self.item_key.edit.setText(invoice.item_key)
        self._set_type(invoice.mgt_key_type)
        self.lookup.show_known((invoice.item_key,), invoice)
        self.mgt_key.edit.setFocus()  # what the clerk types next

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Give a document ID to an invoice issued on the POPBiLL website, found by its POPBiLL number. "
                "This cannot be undone."
            )
        )
        for label, text in zip(
            self.labels, (self.tr("POPB&iLL number"), self.tr("&Type"), self.tr("&Document ID")), strict=True
        ):
            label.setText(text)
        self._type_names(self.mgt_key_type)
        self.item_key.edit.setAccessibleName(self.tr("POPBiLL number"))
        self.item_key.edit.setToolTip(
            self.tr("The 18-digit number POPBiLL gave the invoice (ItemKey; see the invoice list on the website).")
        )
        self.item_key.edit.setPlaceholderText("024112415000000001")
        self.mgt_key.edit.setAccessibleName(self.tr("Document ID (MgtKey) to assign"))
        self.mgt_key.edit.setToolTip(
            self.tr(
                "The document ID to give the invoice (MgtKey): 1 to 24 characters, letters, digits, '-' and '_'. "
                "Unique per company and type."
            )
        )
        self.mgt_key.edit.setPlaceholderText("INV-2026-0001")
        self.button.setText(self.tr("&Assign"))
        self.button.setAccessibleName(self.tr("Assign the document ID"))
        self.invoice_title.setText(self.tr("Invoice"))
        self.invoice_button.setText(self.tr("Fi&nd…"))  # not &F: Alt+F opens the File menu
        self.invoice_button.setToolTip(self.tr("Choose the invoice from a list of yours: no POPBiLL number needed."))
