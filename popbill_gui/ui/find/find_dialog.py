"""The Find dialog (찾기): the company's invoices from POPBiLL by date and partner, to choose one, give many
document IDs, or resend many mails.

A clerk knows an invoice by its partner, date, amount or NTS number, never by its POPBiLL number (ItemKey): this
lists them (`service.lookups.search`, any length of range, cut and paged by the core) and hands back the one chosen
(Use, double-click or Enter) to the tab that opened it (`purpose`): the Assign tab takes its POPBiLL number, the
Resend tab its document ID and the address on file. An invoice without our document ID cannot be resent: chosen for
a resend, the dialog says so and offers to give it one first (`assign_wanted`). With the panel below the list
(`find_assign`), several selected invoices get document IDs from a pattern; with "resend mail" (`find_resend`) their
mails go again, each to its address on file; both are handed on as batches. Dates are typed whole or picked
(`dates.py`), or set by a preset (this month, last month, the last 3 months), which searches at once.

The dialog takes most of the screen it opens on, and its columns are fitted to their texts: the partner's name and
the POPBiLL number are never cut; when the room is short, the NTS number, state and business number give way first.

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

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.invoices import PARTNER_MAX
from ...core.validation import MGT_KEY_TYPES
from ...service import PopbillError
from ...service.lookups import Invoice, SearchFilter, SearchProgress, SearchResult
from ..shared import i18n, screen_fit
from ..shared.advice import hint
from ..shared.jobs import JobRunner
from ..shared.tables import setup_table
from .dates import PRESETS, DateEdit, preset_range
from .find_assign import AssignPanel
from .find_columns import ColumnFitter
from .find_resend import ResendMany
from .invoice_model import InvoiceListModel, type_text

if TYPE_CHECKING:
    from ...service import Service

log = logging.getLogger(__name__)

Ready = Callable[[], "str | None"]
DATE_COLUMN = InvoiceListModel.COLUMNS.index("date")  # always shown (the new IDs' column, the first, is not)
PURPOSES = ("assign", "resend")  # the tab the dialog chooses an invoice for
SCREEN_SHARE = 0.94  # of the free area of the screen, each way
MAX_SIZE = (1600, 1000)  # on a large screen: a dialog, not a second desktop


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class FindDialog(QDialog):
    """Search, then Use one invoice (`chosen`), give it a document ID first (`assign_wanted`), or hand several on:
    for document IDs (`assign_requested`) or for their mails resent (`resend_requested`)."""

    chosen = Signal(object)  # Invoice
    assign_wanted = Signal(object)  # Invoice: chosen for a resend, but without our document ID
    assign_requested = Signal(object)  # list[Proposal]
    resend_requested = Signal(object)  # service.resend_list.Addressed
    searched = Signal(bool)  # a search ended (True: it ran to the end; False: stopped or failed)

    def __init__(self, service: Service, jobs: JobRunner, ready: Ready, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findDialog")
        self.service = service
        self.jobs = jobs
        self._ready = ready
        self.purpose = "assign"
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
        self.period_label = QLabel(self)
        self.period_label.setBuddy(self.date_kind)
        self.date_from = DateEdit(self)
        self.date_from.setObjectName("findFrom")
        self.date_to = DateEdit(self)
        self.date_to.setObjectName("findTo")
        # The previous month and this one: what a clerk closing last month's books looks at.
        today = date.today()
        self.date_from.setDate(_qdate(preset_range("last_month", today)[0]))
        self.date_to.setDate(_qdate(today))
        self.to_label = QLabel(self)
        self.to_label.setBuddy(self.date_to)
        self.presets: dict[str, QPushButton] = {}
        for preset, name in zip(PRESETS, ("findThisMonth", "findLastMonth", "findLast3Months"), strict=True):
            preset_button = self.presets[preset] = QPushButton(self)
            preset_button.setObjectName(name)
            preset_button.clicked.connect(partial(self.use_preset, preset))
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
        self.columns = ColumnFitter(self.view, self.model)
        self.assign = AssignPanel(self.model, self.view, self)
        self.view.setColumnHidden(InvoiceListModel.COLUMNS.index("new_mgt_key"), True)

        # Chosen for a resend, an invoice without our document ID: why it cannot be, and the way to give it one.
        self.no_id = QWidget(self)
        self.no_id_text = QLabel(self.no_id)
        self.no_id_text.setObjectName("findNoIdNotice")
        self.no_id_text.setWordWrap(True)
        self.no_id_text.setStyleSheet("color: #b71c1c;")
        self.give_id_button = QPushButton(self.no_id)
        self.give_id_button.setObjectName("findGiveId")
        self.give_id_button.setAutoDefault(False)
        self.give_id_button.clicked.connect(self.give_id)
        notice = QHBoxLayout(self.no_id)
        notice.setContentsMargins(0, 0, 0, 0)
        notice.addWidget(self.no_id_text, 1)
        notice.addWidget(self.give_id_button, 0, Qt.AlignmentFlag.AlignTop)
        self.no_id.hide()

        self.resend = ResendMany(self.service, self.jobs, self._ready, self.model, self.view, self)
        self.resend.requested.connect(self._resend_requested)
        self.resend.busy_changed.connect(lambda _busy: self._refresh())
        self.resend.note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.use_button = QPushButton(self)
        self.use_button.setObjectName("findUse")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        buttons = (self.search_button, self.stop_button, self.use_button, *self.presets.values(),
                   *self.buttons.buttons())  # fmt: skip
        for each in buttons:
            if isinstance(each, QPushButton):
                each.setAutoDefault(False)  # Enter searches in the fields and uses a row in the list

        filters = QGridLayout()
        filters.addWidget(self.type_label, 0, 0)
        filters.addWidget(self.mgt_key_type, 0, 1)
        partner = QHBoxLayout()
        partner.addSpacing(8)
        partner.addWidget(self.partner_label)
        partner.addWidget(self.partner, 1)
        partner.addWidget(self.without_mgt_key)
        filters.addLayout(partner, 0, 2)
        filters.addWidget(self.period_label, 1, 0)
        dates = QHBoxLayout()
        dates.addWidget(self.date_kind)
        dates.addWidget(self.date_from)
        dates.addWidget(self.to_label)
        dates.addWidget(self.date_to)
        dates.addSpacing(8)
        for each in self.presets.values():
            dates.addWidget(each)
        dates.addStretch(1)
        filters.addLayout(dates, 1, 1, 1, 2)
        filters.setColumnStretch(2, 1)
        search = QHBoxLayout()
        search.addWidget(self.search_button)
        search.addWidget(self.stop_button)
        search.addWidget(self.progress)
        search.addWidget(self.status, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.resend.button)
        bottom.addWidget(self.resend.note, 4)
        bottom.addStretch(1)  # Use and Close stay on the right when the note is hidden
        bottom.addWidget(self.use_button)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addLayout(search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.no_id)
        layout.addWidget(self.assign)
        layout.addLayout(bottom)
        self._size_from_screen()

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
        self.assign.toggled.connect(lambda _on: self.columns.measure())  # the new IDs' column shown or hidden
        self.assign.previewed.connect(lambda: self.columns.measure("new_mgt_key"))

    def _size_from_screen(self) -> None:
        """Most of the screen it opens on (a list of invoices wants the width), within reason on a large one."""
        free = screen_fit.free_area(self)
        width = min(round(free.width() * SCREEN_SHARE), MAX_SIZE[0])
        height = min(round(screen_fit.room_on_screen(self) * SCREEN_SHARE), MAX_SIZE[1])
        self.resize(width, height)

    # -- state ----------------------------------------------------------------------------------------
    @property
    def searching(self) -> bool:
        return self._running is not None

    def set_purpose(self, purpose: str) -> bool:
        """Choose invoices for the Assign tab or the Resend tab. For another tab than the last, the box "only
        without a document ID" is set as that tab wants it (ticked for Assign, not for Resend): True when it
        changed (the list no longer matches it)."""
        if purpose not in PURPOSES:
            raise ValueError(f"unknown purpose: {purpose!r}")
        changed_tab = purpose != self.purpose
        self.purpose = purpose
        wanted = purpose == "assign"
        changed = changed_tab and self.without_mgt_key.isChecked() != wanted
        if changed:
            self.without_mgt_key.setChecked(wanted)
        self.retranslate()
        self._refresh()
        return changed

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

    def _needs_id(self, invoice: Invoice | None) -> bool:
        """Chosen for a resend, an invoice without our document ID: SendEmail cannot name it."""
        return self.purpose == "resend" and invoice is not None and not invoice.has_mgt_key

    def _refresh(self) -> None:
        busy = self.searching or self.resend.busy
        self.stop_button.setEnabled(self.searching)
        current = self.current_invoice()
        self.use_button.setEnabled(current is not None and not self._needs_id(current) and not self.resend.busy)
        needs_id = self._needs_id(current)
        if needs_id != self.no_id.isVisible():
            self.no_id.setVisible(needs_id)
            rows = self.selected_rows()
            if rows:  # the list is shorter now: the chosen row stays in sight
                QTimer.singleShot(0, lambda: self.view.scrollTo(self.model.index(rows[0], DATE_COLUMN)))
        self.assign.set_busy(busy)
        self.resend.set_searching(self.searching)

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

    def use_preset(self, preset: str) -> bool:
        """This month, last month or the last 3 months, searched at once."""
        first, last = preset_range(preset, date.today())
        self.date_from.setDate(_qdate(first))  # a later first day moves the last one with it: never reversed
        self.date_to.setDate(_qdate(last))
        return self.search()

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
        """Stop the search under way after the page in flight (what was found until then is shown), and any
        look-up of addresses."""
        if self._running is not None:
            self._running.set()
        self.resend.stop()

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
        self.columns.measure()
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

    # -- choosing -------------------------------------------------------------------------------------
    def current_invoice(self) -> Invoice | None:
        rows = self.selected_rows()
        return self.model.invoice(rows[0]) if len(rows) == 1 else None

    def use_current(self) -> bool:
        """Hand back the one selected invoice and close; False when not exactly one is selected, or when it is
        chosen for a resend and has no document ID (the dialog says so, and offers to give it one)."""
        invoice = self.current_invoice()
        if invoice is None or self.resend.busy:
            return False
        if self._needs_id(invoice):
            self.no_id.show()
            self.give_id_button.setFocus()
            return False
        self.accept()  # first: closing gives the focus back to the window, and the tab then puts it where it wants
        self.chosen.emit(invoice)
        return True

    def give_id(self) -> bool:
        """The selected invoice, without our document ID, to the Assign tab first; the dialog closes."""
        invoice = self.current_invoice()
        if invoice is None or invoice.has_mgt_key:
            return False
        self.accept()
        self.assign_wanted.emit(invoice)
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

    def _resend_requested(self, addressed: object) -> None:
        self.resend_requested.emit(addressed)
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
        if self.purpose == "resend":
            intro = self.tr(
                "Your invoices on POPBiLL by date and partner. Choose one to resend its mail: its document ID and "
                "the e-mail address on the invoice go to the Resend tab. Or select several and resend each one's "
                "mail to its address."
            )
            use_tip = self.tr("Fill in its document ID and e-mail address on the Resend tab (or double-click the row).")
        else:
            intro = self.tr(
                "Your invoices on POPBiLL by date and partner. Choose one to give it a document ID on the Assign "
                "tab, or select several and give them document IDs below."
            )
            use_tip = self.tr("Take it to the Assign tab (or double-click the row).")
        self.intro.setText(intro)
        self.type_label.setText(self.tr("&Type"))
        for i in range(self.mgt_key_type.count()):
            self.mgt_key_type.setItemText(i, type_text(str(self.mgt_key_type.itemData(i))))
        self.mgt_key_type.setAccessibleName(self.tr("Invoice type"))
        kinds = {"W": self.tr("Written from"), "R": self.tr("Registered from"), "I": self.tr("Issued from")}
        for i in range(self.date_kind.count()):
            self.date_kind.setItemText(i, kinds[str(self.date_kind.itemData(i))])
        self.date_kind.setAccessibleName(self.tr("Which date the range is about"))
        self.period_label.setText(self.tr("Dates"))
        self.date_from.setAccessibleName(self.tr("First day"))
        self.to_label.setText(self.tr("to"))
        self.date_to.setAccessibleName(self.tr("Last day"))
        typed = self.tr("Type a date as 20261130 or 2026-11-30, or pick it from the calendar.")
        self.date_from.setToolTip(typed)
        self.date_to.setToolTip(
            typed + "\n" + self.tr("Any length: a range over six months is searched six months at a time.")
        )
        words = {
            "this_month": self.tr("This month"),
            "last_month": self.tr("Last month"),
            "last_3_months": self.tr("Last 3 months"),
        }
        for preset, button in self.presets.items():
            button.setText(words[preset])
            button.setToolTip(self.tr("Set the dates and search."))
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
        self.no_id_text.setText(
            self.tr(
                "This invoice has no document ID of ours yet, so its mail cannot be resent: POPBiLL resends by "
                "document ID. Give it one first, then choose it here again."
            )
        )
        self.give_id_button.setText(self.tr("&Give it a document ID…"))
        self.give_id_button.setToolTip(self.tr("Open the Assign tab with this invoice filled in."))
        self.use_button.setText(self.tr("&Use this invoice"))
        self.use_button.setToolTip(use_tip)
        self.model.refresh_texts()  # the core's words (states, problems) in the list, in the new language
        self._show_status()
        self.columns.measure()
