"""The page of a single-call tab (Resend Email, Assign MgtKey): a short intro, a form checked as it is typed, the
button, and under it the result line (`resendResult`, `assignResult`), in a scroll area for short windows.

A tab owns its whole flow: it builds the typed request (`service.requests`), words its question and its success
(`CallWords`), and runs the call with the window's `CallFlow`; it emits `logged` with the row the log shows. The
button is enabled only when every field passes the core's rules and the same request is not already in flight;
Enter in any field does what the button does.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
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

from ...core.validation import MGT_KEY_TYPES
from ...service import CallResult, Request
from ..find.invoice_lookup import InvoiceLookup, Key
from ..shared.fields import CheckedField
from .call_flow import CallFlow
from .result_line import ResultLine

if TYPE_CHECKING:
    from ...service.lookups import Invoice, Lookups


class CallTab(QWidget):
    """What every single-call tab has; a tab adds its fields, `request()`, its words and `retranslate()`."""

    logged = Signal(object)  # the LogEntry of a call, or of a call that could not go
    RESULT_NAME = ""  # the result line's objectName

    def __init__(self, flow: CallFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
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
        flow.jobs.busy_changed.connect(self.refresh)  # a call of this form in flight, or no longer
        self.fields: list[CheckedField] = []
        self.labels: list[QLabel] = []

    # -- building (for the tabs) ----------------------------------------------------------------------
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
        """A row under `after`'s: the invoice the keys name, in words (`invoice_label`, filled by the tab's look-up,
        `find/invoice_lookup.py`), and a button beside it (`invoice_button`)."""
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

    def _invoice_lookup(
        self,
        name: str,
        query: Callable[[], Key | None],
        fetch: Callable[[Lookups, Key], Invoice],
        idle_text: Callable[[], str],
        not_found_text: Callable[[], str],
        *,
        for_assign: bool = False,
    ) -> InvoiceLookup:
        """The look-up of the invoice the keys name, shown in `invoice_label` (the service's look-ups are imported on
        the job, when first needed: no start-up cost)."""
        service, flow = self.flow.service, self.flow
        return InvoiceLookup(
            name,
            flow.jobs,
            self.invoice_label,
            query=query,
            fetch=lambda key: lambda: fetch(service.lookups, key),
            ready=partial(flow.advice.not_ready_to_look_up, flow.session),
            idle_text=idle_text,
            not_found_text=not_found_text,
            for_assign=for_assign,
        )

    def _tab_order(self, *widgets: QWidget) -> None:
        # Widgets were created out of order (the button first); keyboard users follow the form.
        for first, second in itertools.pairwise(widgets):
            QWidget.setTabOrder(first, second)

    # -- the call -------------------------------------------------------------------------------------
    def request(self) -> Request:
        raise NotImplementedError

    def question(self, request: Request) -> tuple[str, str] | None:
        """The question before every call of this tab (title, text); None: none (production is asked by the flow)."""
        return None

    def done_text(self, request: Request, result: CallResult) -> str:
        raise NotImplementedError

    def what_to_check(self, request: Request) -> str:
        raise NotImplementedError

    def is_valid(self) -> bool:
        return all(not f.problems() for f in self.fields)

    def refresh(self) -> None:
        self.button.setEnabled(self.is_valid() and not self.flow.in_flight(self.request().key))

    def try_submit(self) -> None:
        self.refresh()
        if self.button.isEnabled():
            self.submit(self.request())

    def submit(self, request: Request) -> bool:
        """Run `request` (asking first what must be asked); False if it was not started."""
        return self.flow.run(request, self, self.show_result, self.logged.emit)

    def show_result(self, outcome: str, text: str) -> None:
        """The call's result under its button, scrolled into sight when the window is short."""
        self.result.show_outcome(outcome, text)
        # Tied to the tab: a window deleted meanwhile (closed mid-call) drops it instead of calling into the dead.
        QTimer.singleShot(0, self.scroller, lambda: self.scroller.ensureWidgetVisible(self.result))

    # -- words ----------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError

    def _type_names(self, combo: QComboBox) -> None:
        names = {  # words: the API's names are in the tooltip
            "SELL": self.tr("Sales"),
            "BUY": self.tr("Purchase"),
            "TRUSTEE": self.tr("Consignment"),
        }
        for i in range(combo.count()):
            combo.setItemText(i, names[combo.itemData(i)])
        combo.setToolTip(self.tr("The invoice's MgtKeyType: SELL (매출), BUY (매입) or TRUSTEE (위수탁)."))
        combo.setAccessibleName(self.tr("Invoice type"))
