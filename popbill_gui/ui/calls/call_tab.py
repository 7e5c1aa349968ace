"""The two tabs: Resend Email (이메일 재전송) and Assign MgtKey (문서번호 할당).

Each tab only collects and checks input; it says "submit" with a typed request (`service.requests`) and the main
window decides (confirmation, job, log). The button is enabled only when every field passes the core's rules and the
same request is not already in flight; Enter in any field does what the button does. Under the button, the result
line (`resendResult`, `assignResult`) shows what the last call came to, in full; the main window fills it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable
from typing import cast

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.messages import Lang
from ...core.validation import (
    ITEM_KEY_LEN,
    MGT_KEY_MAX,
    MGT_KEY_TYPES,
    check_item_key,
    check_mgt_key,
    check_receiver,
)
from ...service import AssignRequest, Request, ResendRequest
from ..shared.fields import CheckedField
from .result_line import ResultLine

InFlight = Callable[[Hashable], bool]


class _Tab(QWidget):
    submitted = Signal(object)  # the Request
    RESULT_NAME = ""  # the result line's objectName

    def __init__(self, in_flight: InFlight, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._in_flight = in_flight
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setDefault(True)
        self.result = ResultLine(self.RESULT_NAME, self)
        content = QWidget(self)
        outer = QVBoxLayout(content)
        outer.addWidget(self.intro)
        outer.addLayout(self.form)
        outer.addWidget(self.button)
        outer.addWidget(self.result)
        outer.addStretch(1)
        # Scrolled when the window is short: a long answer never makes the window taller than the screen.
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(content)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.scroller)
        self.button.clicked.connect(self.try_submit)
        self.fields: list[CheckedField] = []
        self.labels: list[QLabel] = []

    def _type_combo(self, object_name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(object_name)
        for value in MGT_KEY_TYPES:
            combo.addItem(value, value)
        combo.currentIndexChanged.connect(self.refresh)
        return combo

    def _row(self, widget: QWidget, buddy: QWidget) -> QLabel:
        label = QLabel(self)
        label.setBuddy(buddy)
        self.form.addRow(label, widget)
        self.labels.append(label)
        return label

    def _add_field(self, field: CheckedField) -> None:
        field.changed.connect(self.refresh)
        field.edit.returnPressed.connect(self.try_submit)
        self.fields.append(field)

    def _invoice_row(self, after: QWidget, label_name: str, button_name: str) -> None:
        """A row under `after`'s: the invoice the keys name, in words (`invoice_label`, filled by the window's
        look-ups, `ui/invoice_lookup.py`), and a button beside it (`invoice_button`)."""
        self.invoice_title = QLabel(self)
        self.invoice_label = QLabel(self)
        self.invoice_label.setObjectName(label_name)
        self.invoice_label.setWordWrap(True)
        self.invoice_label.setTextFormat(Qt.TextFormat.PlainText)  # partners' names are never markup
        self.invoice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.invoice_button = QPushButton(self)
        self.invoice_button.setObjectName(button_name)
        self.invoice_button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.invoice_label, 1)
        row.addWidget(self.invoice_button, 0, Qt.AlignmentFlag.AlignTop)
        position = cast("tuple[int, object]", self.form.getWidgetPosition(after))
        self.form.insertRow(position[0] + 1, self.invoice_title, row)
        # After the form's own button: Tab still goes field to field in the order clerks know; Alt+the button's
        # letter reaches it at once.
        QWidget.setTabOrder(self.button, self.invoice_button)

    def request(self) -> Request:
        raise NotImplementedError

    def request_key(self) -> tuple[str, ...]:
        """What identifies "the same request" (the window refuses a second one in flight)."""
        return self.request().key

    def _tab_order(self, *widgets: QWidget) -> None:
        # Widgets were created out of order (the button first); keyboard users follow the form.
        for first, second in itertools.pairwise(widgets):
            QWidget.setTabOrder(first, second)

    def is_valid(self) -> bool:
        return all(not f.problems() for f in self.fields)

    def refresh(self) -> None:
        self.button.setEnabled(self.is_valid() and not self._in_flight(self.request_key()))

    def try_submit(self) -> None:
        self.refresh()
        if self.button.isEnabled():
            self.submitted.emit(self.request())

    def set_lang(self, lang: Lang) -> None:
        for f in self.fields:
            f.set_lang(lang)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError

    def _type_names(self, combo: QComboBox) -> None:
        names = {
            "SELL": self.tr("Sales (SELL)"),
            "BUY": self.tr("Purchase (BUY)"),
            "TRUSTEE": self.tr("Consignment (TRUSTEE)"),
        }
        for i in range(combo.count()):
            combo.setItemText(i, names[combo.itemData(i)])
        combo.setToolTip(self.tr("The invoice's MgtKeyType: SELL (매출), BUY (매입) or TRUSTEE (위수탁)."))
        combo.setAccessibleName(self.tr("Invoice type"))


class ResendTab(_Tab):
    """이메일 재전송: MgtKeyType, MgtKey, receiver address, Send."""

    RESULT_NAME = "resendResult"

    def __init__(self, in_flight: InFlight, parent: QWidget | None = None) -> None:
        super().__init__(in_flight, parent)
        self.setObjectName("resendTab")
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
        self.retranslate()
        self.refresh()

    def request(self) -> ResendRequest:
        return ResendRequest(str(self.mgt_key_type.currentData()), self.mgt_key.value(), self.receiver.value())

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


class AssignTab(_Tab):
    """문서번호 할당: ItemKey, MgtKeyType, MgtKey, Assign."""

    RESULT_NAME = "assignResult"

    def __init__(self, in_flight: InFlight, parent: QWidget | None = None) -> None:
        super().__init__(in_flight, parent)
        self.setObjectName("assignTab")
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
        self.retranslate()
        self.refresh()

    def request(self) -> AssignRequest:
        return AssignRequest(self.item_key.value(), str(self.mgt_key_type.currentData()), self.mgt_key.value())

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Give a document ID to an invoice issued on the POPBiLL website, found by its ItemKey. "
                "This cannot be undone."
            )
        )
        for label, text in zip(
            self.labels, (self.tr("&ItemKey"), self.tr("&Type"), self.tr("&Document ID (MgtKey)")), strict=True
        ):
            label.setText(text)
        self._type_names(self.mgt_key_type)
        self.item_key.edit.setAccessibleName(self.tr("ItemKey"))
        self.item_key.edit.setToolTip(
            self.tr("The 18-digit number POPBiLL gave the invoice (see the invoice list on the website).")
        )
        self.item_key.edit.setPlaceholderText("024112415000000001")
        self.mgt_key.edit.setAccessibleName(self.tr("Document ID (MgtKey) to assign"))
        self.mgt_key.edit.setToolTip(
            self.tr("1 to 24 characters: letters, digits, '-' and '_'. Unique per company and type.")
        )
        self.mgt_key.edit.setPlaceholderText("INV-2026-0001")
        self.button.setText(self.tr("&Assign"))
        self.button.setAccessibleName(self.tr("Assign the document ID"))
        self.invoice_title.setText(self.tr("Invoice"))
        self.invoice_button.setText(self.tr("Fi&nd…"))  # not &F: Alt+F opens the File menu
        self.invoice_button.setToolTip(self.tr("Choose the invoice from a list of yours: no ItemKey needed."))
