"""The Find dialog (찾기): the company's invoices from POPBiLL by date and partner, to choose one or give many IDs.

A clerk knows an invoice by its partner, date, amount or NTS number, never by its ItemKey: this lists them
(`service.lookups.search`, any length of range, cut and paged by the core) and hands back the one chosen (Use,
double-click or Enter), whose ItemKey the assign tab then holds. With the panel below the list (`find_assign`),
several selected invoices get document IDs from a pattern, handed on as a batch.

The search runs on the window's job runner, with its progress on a bar; Stop cancels it between pages, and a new
search makes an older one stale (its answer and progress are dropped). Nothing is sent without credentials.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.invoices import PARTNER_MAX
from ...core.validation import MGT_KEY_TYPES
from ...service import PopbillError
from ...service.lookups import Invoice, SearchFilter, SearchProgress, SearchResult
from ..shared import i18n
from ..shared.advice import hint
from ..shared.jobs import JobRunner
from ..shared.screen_fit import resize_within_screen
from ..shared.tables import setup_table
from .find_assign import AssignPanel
from .invoice_model import InvoiceListModel, type_text

if TYPE_CHECKING:
    from ...service import Service

log = logging.getLogger(__name__)

Ready = Callable[[], "str | None"]
PARTNER_WIDTH = 240  # a longer name is cut (its tooltip holds it whole): the amounts must stay in sight


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class FindDialog(QDialog):
    """Search, then Use one invoice (`chosen`) or ask for document IDs for several (`assign_requested`)."""

    chosen = Signal(object)  # Invoice
    assign_requested = Signal(object)  # list[Proposal]
    searched = Signal(bool)  # a search ended (True: it ran to the end; False: stopped or failed)

    def __init__(
        self, service: Service, jobs: JobRunner, ready: Ready, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findDialog")
        self.service = service
        self.jobs = jobs
        self._ready = ready
        self._searches = 0  # the number of the newest search: older answers and progress are stale
        self._running: threading.Event | None = None  # the newest search's stop flag, while it runs
        self._status: Callable[[], str] = lambda: ""
        self._build()
        self.reporter = jobs.reporter(self._progress)
        self.retranslate()
        self._refresh()

    # -- construction ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.type_label = QLabel(self)
        self.mgt_key_type = QComboBox(self)
        self.mgt_key_type.setObjectName("findMgtKeyType")
        for value in MGT_KEY_TYPES:
            self.mgt_key_type.addItem(value, value)
        self.type_label.setBuddy(self.mgt_key_type)
        self.date_kind = QComboBox(self)
        self.date_kind.setObjectName("findDateKind")
        for value in ("W", "R", "I"):
            self.date_kind.addItem(value, value)
        today = QDate.currentDate()
        self.date_from = QDateEdit(self)
        self.date_from.setObjectName("findFrom")
        self.date_to = QDateEdit(self)
        self.date_to.setObjectName("findTo")
        # The previous month and this one: what a clerk closing last month's books looks at.
        first = QDate(today.year(), today.month(), 1).addMonths(-1)
        for edit, day in ((self.date_from, first), (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(day)
        self.to_label = QLabel(self)
        self.to_label.setBuddy(self.date_to)
        self.partner_label = QLabel(self)
        self.partner = QLineEdit(self)
        self.partner.setObjectName("findPartner")
        self.partner.setMaxLength(PARTNER_MAX)
        self.partner.setClearButtonEnabled(True)
        self.partner_label.setBuddy(self.partner)
        self.without_mgt_key = QCheckBox(self)
        self.without_mgt_key.setObjectName("findWithoutMgtKey")
        self.without_mgt_key.setChecked(True)
        self.search_button = QPushButton(self)
        self.search_button.setObjectName("findSearch")
        self.stop_button = QPushButton(self)
        self.stop_button.setObjectName("findStop")

        self.progress = QProgressBar(self)
        self.progress.setObjectName("findProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(160)
        self.progress.hide()  # shown while a search runs
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.model = InvoiceListModel(self)
        self.view = setup_table(self, "findResults", self.model, precision=100)
        self.view.installEventFilter(self)
        self.assign = AssignPanel(self.model, self.view, self)
        self.view.setColumnHidden(InvoiceListModel.COLUMNS.index("new_mgt_key"), True)

        self.use_button = QPushButton(self)
        self.use_button.setObjectName("findUse")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        buttons = (self.search_button, self.stop_button, self.use_button, *self.buttons.buttons())
        for button in buttons:
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter searches in the fields and uses a row in the list

        filters = QGridLayout()
        filters.addWidget(self.type_label, 0, 0)
        filters.addWidget(self.mgt_key_type, 0, 1)
        dates = QHBoxLayout()
        dates.addWidget(self.date_kind)
        dates.addWidget(self.date_from)
        dates.addWidget(self.to_label)
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        filters.addLayout(dates, 0, 2, 1, 2)
        filters.addWidget(self.partner_label, 1, 0)
        filters.addWidget(self.partner, 1, 1, 1, 2)
        filters.addWidget(self.without_mgt_key, 1, 3)
        filters.setColumnStretch(2, 1)
        search = QHBoxLayout()
        search.addWidget(self.search_button)
        search.addWidget(self.stop_button)
        search.addWidget(self.progress)
        search.addWidget(self.status, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.use_button)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addLayout(search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.assign)
        layout.addLayout(bottom)
        resize_within_screen(self, 1000, 620)

        self.search_button.clicked.connect(self.search)
        self.stop_button.clicked.connect(self.stop)
        self.partner.returnPressed.connect(self.search)
        self.use_button.clicked.connect(self.use_current)
        self.view.doubleClicked.connect(self._double_clicked)
        self.date_from.dateChanged.connect(self._from_changed)
        self.date_to.dateChanged.connect(self._to_changed)
        selection = self.view.selectionModel()
        assert selection is not None
        selection.selectionChanged.connect(self._refresh)
        self.assign.requested.connect(self._assign_requested)

    # -- state ----------------------------------------------------------------------------------------
    @property
    def searching(self) -> bool:
        return self._running is not None

    def search_filter(self) -> SearchFilter:
        return SearchFilter(
            str(self.mgt_key_type.currentData()),
            _to_date(self.date_from.date()),
            _to_date(self.date_to.date()),
            date_kind=str(self.date_kind.currentData()),
            partner=self.partner.text(),
            without_mgt_key=self.without_mgt_key.isChecked(),
        )

    def selected_rows(self) -> list[int]:
        selection = self.view.selectionModel()
        return sorted(index.row() for index in selection.selectedRows()) if selection is not None else []

    def _refresh(self) -> None:
        self.stop_button.setEnabled(self.searching)
        self.use_button.setEnabled(len(self.selected_rows()) == 1)
        self.assign.set_busy(self.searching)

    def _set_status(self, producer: Callable[[], str]) -> None:
        """Show a status; kept as a function so that a language change says it again."""
        self._status = producer
        self._show_status()

    def _show_status(self) -> None:
        self.status.setText(self._status())

    def _from_changed(self, value: QDate) -> None:
        if value > self.date_to.date():
            self.date_to.setDate(value)

    def _to_changed(self, value: QDate) -> None:
        if value < self.date_from.date():
            self.date_from.setDate(value)

    # -- searching ------------------------------------------------------------------------------------
    def search(self) -> bool:
        """Start a search with the filters (any search under way becomes stale); False if none was started
        (the reason shown)."""
        wanted = self.search_filter()
        problems = wanted.check()
        if problems:
            self._set_status(lambda: " ".join(p.describe(i18n.lang()) for p in problems))
            return False
        reason = self._ready()
        if reason is not None:
            self._set_status(lambda: reason)
            return False
        self.stop()
        self._searches += 1
        number = self._searches
        stop = threading.Event()
        search, report = self.service.lookups.search, self.reporter.report

        def work() -> SearchResult:
            return search(wanted, progress=lambda p: report((number, p)), cancelled=stop.is_set)

        if not self.jobs.submit(work, partial(self._found, number), partial(self._failed, number)):
            return False
        self._running = stop
        self.progress.setRange(0, 0)  # busy until the first page says how many windows there are
        self.progress.show()
        self._set_status(lambda: self.tr("Searching…"))
        self._refresh()
        return True

    def stop(self) -> None:
        """Stop the search under way after the page in flight (what was found until then is shown)."""
        if self._running is not None:
            self._running.set()

    def _progress(self, value: object) -> None:
        number, progress = value if isinstance(value, tuple) else (0, None)
        if number != self._searches or not isinstance(progress, SearchProgress) or self._running is None:
            return  # an older search's report
        self.progress.setRange(0, max(progress.windows_total, 1))
        self.progress.setValue(progress.windows_done)
        found = progress.found
        self._set_status(lambda: self.tr("Searching… %1 found so far.").replace("%1", str(found)))

    def _ended(self, number: int) -> bool:
        """Whether this search's answer counts (the newest); it ends the search under way."""
        if number != self._searches:
            return False
        self._running = None
        self.progress.hide()
        return True

    def _found(self, number: int, result: SearchResult) -> None:
        if not self._ended(number):
            return
        self.model.set_invoices(result.invoices)
        self._fit_columns()
        count = len(result.invoices)
        if result.cancelled:
            self._set_status(lambda: self.tr("Stopped: %1 invoices found until then.").replace("%1", str(count)))
        elif count == 0:
            self._set_status(
                lambda: self.tr("No invoice matches. Widen the dates, clear the partner, or untick the box.")
            )
        else:
            self._set_status(lambda: self.tr("%1 invoices found.").replace("%1", str(count)))
        if count:
            self.view.selectRow(0)
        self._refresh()
        self.searched.emit(not result.cancelled)

    def _failed(self, number: int, error: Exception) -> None:
        if not self._ended(number):
            return
        if isinstance(error, PopbillError):
            message = error.message
            advice = hint(error)
            self._set_status(lambda: f"{message} → {advice}" if advice else message)
        else:
            log.error("unexpected failure in a search", exc_info=error)
            name = type(error).__name__
            self._set_status(lambda: self.tr("Internal error (%1). The window keeps working.").replace("%1", name))
        self._refresh()
        self.searched.emit(False)

    def _fit_columns(self) -> None:
        """Every column as wide as its texts (the list scrolls sideways in a narrow dialog rather than cut
        partners' names); our document ID only when some invoice has one."""
        columns = InvoiceListModel.COLUMNS
        has_ids = any(invoice.mgt_key for invoice in self.model.invoices())
        self.view.setColumnHidden(columns.index("mgt_key"), not has_ids)
        for column in range(len(columns) - 1):  # the last one takes the room left
            self.view.resizeColumnToContents(column)
        partner = columns.index("partner")
        self.view.setColumnWidth(partner, min(self.view.columnWidth(partner), PARTNER_WIDTH))

    # -- choosing -------------------------------------------------------------------------------------
    def current_invoice(self) -> Invoice | None:
        rows = self.selected_rows()
        return self.model.invoice(rows[0]) if len(rows) == 1 else None

    def use_current(self) -> bool:
        """Hand back the one selected invoice and close; False when not exactly one is selected."""
        invoice = self.current_invoice()
        if invoice is None:
            return False
        self.chosen.emit(invoice)
        self.accept()
        return True

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.view.selectRow(index.row())
            self.use_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter on the list uses the row (a view would also pass it to the dialog's default button).
        if watched is self.view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self.use_current()
                return True
        return super().eventFilter(watched, event)

    def _assign_requested(self, proposals: object) -> None:
        self.assign_requested.emit(proposals)
        self.accept()

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop()  # nobody is watching: no more requests for it
        super().hideEvent(event)

    # -- words ----------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Find invoices"))
        self.intro.setText(
            self.tr(
                "Your invoices on POPBiLL by date and partner. Choose one to fill in its ItemKey, or select several "
                "and give them document IDs below."
            )
        )
        self.type_label.setText(self.tr("&Type"))
        for i in range(self.mgt_key_type.count()):
            self.mgt_key_type.setItemText(i, type_text(str(self.mgt_key_type.itemData(i))))
        self.mgt_key_type.setAccessibleName(self.tr("Invoice type"))
        kinds = {"W": self.tr("Written from"), "R": self.tr("Registered from"), "I": self.tr("Issued from")}
        for i in range(self.date_kind.count()):
            self.date_kind.setItemText(i, kinds[str(self.date_kind.itemData(i))])
        self.date_kind.setAccessibleName(self.tr("Which date the range is about"))
        self.date_from.setAccessibleName(self.tr("First day"))
        self.to_label.setText(self.tr("to"))
        self.date_to.setAccessibleName(self.tr("Last day"))
        self.date_to.setToolTip(self.tr("Any length: a range over six months is searched six months at a time."))
        self.partner_label.setText(self.tr("&Partner"))
        self.partner.setPlaceholderText(self.tr("Name or business number (empty: every partner)"))
        self.partner.setAccessibleName(self.tr("Partner"))
        self.without_mgt_key.setText(self.tr("&Only without a document ID"))
        self.without_mgt_key.setToolTip(
            self.tr("Only invoices issued on the website that have no document ID of ours yet.")
        )
        self.search_button.setText(self.tr("&Search"))
        self.stop_button.setText(self.tr("&Cancel search"))
        self.progress.setAccessibleName(self.tr("Search progress"))
        self.view.setAccessibleName(self.tr("Invoices found"))
        self.use_button.setText(self.tr("&Use this invoice"))
        self.use_button.setToolTip(self.tr("Fill in its ItemKey on the Assign tab (or double-click the row)."))
        self.model.refresh_texts()  # the core's words (states, problems) in the list, in the new language
        self._show_status()
