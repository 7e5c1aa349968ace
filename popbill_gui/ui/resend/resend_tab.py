"""The Resend Email tab (이메일 재전송): an invoice's type and document ID, the address to send its mail to, Send.

A valid document ID (with its type) left alone for a moment is looked up (`service.lookups.by_mgt_key`: GetInfo and
the detail, which has the partner's address) and shown under it (`resendInvoice`); `resendUseInvoiceAddress` puts
that address in `resendReceiver`. `resendFind` opens the Find dialog for this tab ("our partner never got the mail"
starts from the partner): the invoice chosen there fills the type and the document ID, is looked up at once, and its
address on file fills `resendReceiver` (unless the clerk typed one meanwhile; it can still be changed). The tab stays
the Resend tab. An invoice without a document ID goes to the Assign tab first and comes back here once it has one
(`take_back`). Send runs through the window's `CallFlow`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...core.validation import MGT_KEY_MAX, check_mgt_key, check_receiver
from ...service import CallResult, Request, ResendRequest
from ..calls.call_flow import CallFlow
from ..calls.call_tab import CallTab
from ..find.finder import show_tab
from ..find.invoice_lookup import Key
from ..shared.fields import CheckedField

if TYPE_CHECKING:
    from ...service.lookups import Invoice
    from ..find.find_dialog import FindDialog
    from ..find.finder import Finder


class ResendTab(CallTab):
    """이메일 재전송: MgtKeyType, MgtKey, receiver address, Send; Find to start from an invoice."""

    RESULT_NAME = "resendResult"

    def __init__(self, flow: CallFlow, finder: Finder, parent: QWidget | None = None) -> None:
        super().__init__(flow, parent)
        self.setObjectName("resendTab")
        self.finder = finder
        self.mgt_key_type = self._type_combo("resendMgtKeyType")
        self.mgt_key = CheckedField("resendMgtKey", check_mgt_key, MGT_KEY_MAX, self)
        self.receiver = CheckedField("resendReceiver", check_receiver, None, self)
        self._row(self.mgt_key_type, self.mgt_key_type)
        self._row(self.mgt_key, self.mgt_key.edit)
        self._row(self.receiver, self.receiver.edit)
        self._add_field(self.mgt_key)
        self._add_field(self.receiver)
        self.button.setObjectName("resendSend")
        self._tab_order(self.mgt_key_type, self.mgt_key.edit, self.receiver.edit, self.button)
        self._invoice_row(self.mgt_key, "resendInvoice", "resendUseInvoiceAddress")
        self.use_address_button = self.invoice_button
        self.use_address_button.setEnabled(False)
        self.find_button = QPushButton(self)
        self.find_button.setObjectName("resendFind")
        self.find_button.setAutoDefault(False)
        self._stack_find_button()
        self._address_wanted = False  # an invoice chosen in Find: its address on file goes to Receiver when known
        self.lookup = self._invoice_lookup(
            "resend",
            self._lookup_key,
            lambda lookups, key: lookups.by_mgt_key(key[0], key[1]),
            idle_text=self._idle_text,
            not_found_text=lambda: self.tr("No invoice of this type has this document ID"),
        )
        self.mgt_key.changed.connect(self.lookup.changed)
        self.mgt_key_type.currentIndexChanged.connect(self.lookup.changed)
        self.lookup.found.connect(self._found)
        self.use_address_button.clicked.connect(self.use_address)
        self.find_button.clicked.connect(self.open_find)
        finder.resend_wanted.connect(self.take_back)
        self.receiver.edit.textEdited.connect(self._receiver_typed)
        self.retranslate()
        self.refresh()

    def _stack_find_button(self) -> None:
        """Find above "use its e-mail", beside the invoice: where the Assign tab has its Find."""
        row = cast("tuple[int, object]", self.form.getWidgetPosition(self.invoice_title))[0]
        item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        beside = item.layout() if item is not None else None
        if not isinstance(beside, QHBoxLayout):
            return
        beside.removeWidget(self.use_address_button)
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.find_button)
        buttons.addWidget(self.use_address_button)
        buttons.addStretch(1)
        beside.addLayout(buttons)
        QWidget.setTabOrder(self.button, self.find_button)
        QWidget.setTabOrder(self.find_button, self.use_address_button)

    def request(self) -> ResendRequest:
        return ResendRequest(str(self.mgt_key_type.currentData()), self.mgt_key.value(), self.receiver.value())

    def done_text(self, request: Request, result: CallResult) -> str:
        return self.tr("Sent again: %1").replace("%1", request.describe())

    def what_to_check(self, request: Request) -> str:
        return self.tr(
            "Check the invoice's mail history on the POPBiLL website before sending again, or the customer may "
            "get the mail twice."
        )

    # -- the invoice the document ID names ----------------------------------------------------------------
    def _lookup_key(self) -> Key | None:
        mgt_key = self.mgt_key.value()
        return None if check_mgt_key(mgt_key) else (str(self.mgt_key_type.currentData()), mgt_key)

    def _idle_text(self) -> str:
        return self.tr("Type a document ID, or press Find… to choose the invoice from a list.")

    def _found(self, invoice: Invoice | None) -> None:
        self.use_address_button.setEnabled(invoice is not None and bool(invoice.emails))
        if invoice is not None and self._address_wanted:
            self._address_wanted = False
            if invoice.emails:
                self.receiver.edit.setText(invoice.emails[0])

    def _receiver_typed(self, _text: str) -> None:
        self._address_wanted = False  # the clerk's own address wins over the one on file

    def use_address(self) -> bool:
        """Put the address on the invoice shown in Receiver e-mail; False when there is none."""
        invoice = self.lookup.invoice
        if invoice is None or not invoice.emails:
            return False
        self.receiver.edit.setText(invoice.emails[0])
        self.receiver.edit.setFocus()
        return True

    # -- Find -----------------------------------------------------------------------------------------------
    def open_find(self) -> FindDialog:
        """Find, for this tab: the invoice chosen there is the one whose mail is resent."""
        return self.finder.open(self.use_invoice, mgt_key_type=str(self.mgt_key_type.currentData()), purpose="resend")

    def take_back(self, invoice: Invoice) -> None:
        """The invoice sent to the Assign tab for a document ID, now that it has one: this tab comes forward with it."""
        show_tab(self)
        self.use_invoice(invoice)

    def use_invoice(self, invoice: Invoice) -> None:
        """The invoice chosen in Find (it has our document ID): its type and document ID here, looked up at once,
        and its address on file in Receiver e-mail when the answer comes (an earlier invoice's address goes)."""
        index = self.mgt_key_type.findData(invoice.mgt_key_type)
        if index >= 0:
            self.mgt_key_type.setCurrentIndex(index)
        self.mgt_key.edit.setText(invoice.mgt_key)
        self.receiver.edit.clear()
        self._address_wanted = True
        shown = self.lookup.invoice
        if shown is not None and (shown.mgt_key_type, shown.mgt_key) == (invoice.mgt_key_type, invoice.mgt_key):
            self._found(shown)  # the same invoice again: its answer is shown already
        elif invoice.emails:
            self.lookup.show_known((invoice.mgt_key_type, invoice.mgt_key), invoice)
        else:
            self.lookup.timer.stop()
            self.lookup.look_up()  # no need to wait for typing to pause: nothing is being typed
        self.receiver.edit.setFocus(Qt.FocusReason.OtherFocusReason)  # where the clerk may change the address

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Resend the notification mail of one e-Tax invoice to one e-mail address."))
        for label, text in zip(
            self.labels, (self.tr("&Type"), self.tr("&Document ID (MgtKey)"), self.tr("&Receiver e-mail")), strict=True
        ):
            label.setText(text)
        self._type_names(self.mgt_key_type)
        self.mgt_key.edit.setAccessibleName(self.tr("Document ID (MgtKey)"))
        self.mgt_key.edit.setToolTip(self.tr("1 to 24 characters: letters, digits, '-' and '_'."))
        self.mgt_key.edit.setPlaceholderText("INV-2026-0001")
        self.receiver.edit.setAccessibleName(self.tr("Receiver e-mail address"))
        self.receiver.edit.setToolTip(self.tr("One e-mail address, e.g. name@example.com."))
        self.receiver.edit.setPlaceholderText("name@example.com")
        self.button.setText(self.tr("&Send"))
        self.button.setAccessibleName(self.tr("Send the mail again"))
        self.invoice_title.setText(self.tr("Invoice"))
        self.invoice_button.setText(self.tr("Use its &e-mail"))
        self.invoice_button.setToolTip(self.tr("Put the partner's e-mail address from the invoice in Receiver e-mail."))
        self.find_button.setText(self.tr("Fi&nd…"))  # not &F: Alt+F opens the File menu
        self.find_button.setToolTip(
            self.tr("Choose the invoice from a list of yours, by partner and date: no document ID needed.")
        )
