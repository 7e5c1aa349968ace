"""The Find dialog's "give document IDs to the selected invoices" panel: a pattern, a live preview, a button.

The pattern's rules and checks are the core's (`core/id_pattern.py`): each selected invoice gets an ID from the
pattern, checked as a typed one would be, duplicates and IDs already in the list flagged. The preview is a column
of the invoice list (`InvoiceListModel`), one ID per selected row with its flaw in words; the button asks for the
assignment only when every selected row can be assigned. Numbers follow the written dates, oldest first, and while
the panel is open the list runs oldest first too, so the numbers run down the list. Cancelled and NTS-failed
invoices (`service.assign_list.set_aside`) are left out ("left out" in the column, with the reason) unless
`findIncludeSetAside` is ticked. Sending is not done here: the dialog hands the proposals on (the batch tab runs
them through the journal, showing each invoice's partner, date, amount and state beside its new ID).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.id_pattern import PatternError, Proposal, parse_pattern, propose
from ...core.validation import MGT_KEY_MAX
from ...service.assign_list import set_aside
from ..shared import i18n
from ..shared.palette import text_style
from .invoice_model import InvoiceListModel, flaw_text

DEFAULT_PATTERN = "INV-{date}-{n:03}"
FIRST_MAX = 999_999


class AssignPanel(QGroupBox):
    """Checkable: when on, the list shows each selected invoice's new document ID."""

    requested = Signal(object)  # list[Proposal]: every selected invoice, each with a usable ID
    previewed = Signal()  # the new IDs shown changed (the list's columns are fitted again)

    def __init__(self, model: InvoiceListModel, view: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findAssignGroup")
        self.setCheckable(True)
        self.setChecked(False)
        self.setFlat(True)  # closed at first (see _toggled)
        self._model = model
        self._view = view
        self._busy = False
        self.proposals: list[Proposal] = []
        self._problem = ""  # the pattern's own problem, in words ("" when it reads)

        self.body = QWidget(self)
        self.pattern_label = QLabel(self.body)
        self.pattern = QLineEdit(DEFAULT_PATTERN, self.body)
        self.pattern.setObjectName("findPattern")
        self.pattern.setMaxLength(100)
        self.pattern_label.setBuddy(self.pattern)
        self.first_label = QLabel(self.body)
        self.first = QSpinBox(self.body)
        self.first.setObjectName("findFirstNumber")
        self.first.setRange(0, FIRST_MAX)
        self.first.setValue(1)
        self.first_label.setBuddy(self.first)
        self.button = QPushButton(self.body)
        self.button.setObjectName("findAssignMany")
        self.button.setAutoDefault(False)
        self.help = QLabel(self.body)
        self.help.setObjectName("findPatternHelp")
        self.help.setWordWrap(True)
        self.include_set_aside = QCheckBox(self.body)
        self.include_set_aside.setObjectName("findIncludeSetAside")
        self.status = QLabel(self.body)
        self.status.setObjectName("findPatternStatus")
        self.status.setWordWrap(True)
        self.left_out: dict[str, str] = {}  # ItemKey → why a selected invoice is not numbered

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pattern_label)
        row.addWidget(self.pattern, 1)
        row.addWidget(self.first_label)
        row.addWidget(self.first)
        row.addWidget(self.button)
        inner = QVBoxLayout(self.body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(row)
        inner.addWidget(self.help)
        inner.addWidget(self.include_set_aside)
        inner.addWidget(self.status)
        self._outer = outer = QVBoxLayout(self)
        self._margins = outer.contentsMargins()
        outer.addWidget(self.body)
        self.body.setVisible(False)
        outer.setContentsMargins(0, 0, 0, 0)

        self.toggled.connect(self._toggled)
        self.pattern.textChanged.connect(self.refresh)
        self.first.valueChanged.connect(self.refresh)
        self.include_set_aside.toggled.connect(self.refresh)
        self.button.clicked.connect(self._request)
        model.modelReset.connect(self.refresh)
        selection = view.selectionModel()
        assert selection is not None
        selection.selectionChanged.connect(self.refresh)
        self.retranslate()

    # -- state ----------------------------------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        """A search is under way: the list is about to change, so nothing is handed on."""
        self._busy = busy
        self._refresh_button()

    def _toggled(self, on: bool) -> None:
        self.body.setVisible(on)
        self.setFlat(not on)  # closed, only its title: no empty frame
        self._outer.setContentsMargins(self._margins if on else QMargins(0, 0, 0, 0))
        self._view.setColumnHidden(InvoiceListModel.COLUMNS.index("new_mgt_key"), not on)
        self._model.set_oldest_first(on)  # the numbers run down the list
        self.refresh()
        current = self._view.currentIndex()
        if current.isValid():  # the row it was on, now elsewhere in the list (the date's column is always shown)
            self._view.scrollTo(self._model.index(current.row(), InvoiceListModel.COLUMNS.index("date")))

    def _selected(self) -> list[int]:
        selection = self._view.selectionModel()
        return sorted(index.row() for index in selection.selectedRows()) if selection is not None else []

    def refresh(self) -> None:
        """Propose an ID for each selected invoice (a live preview), and say what stands in the way."""
        self.proposals, self._problem, self.left_out = [], "", {}
        if self.isChecked():
            invoices = [self._model.invoice(row) for row in self._selected()]
            if not self.include_set_aside.isChecked():
                reasons = {invoice.item_key: set_aside(invoice) for invoice in invoices}
                self.left_out = {key: reason for key, reason in reasons.items() if reason}
                invoices = [invoice for invoice in invoices if invoice.item_key not in self.left_out]
            try:
                pattern = parse_pattern(self.pattern.text())
            except PatternError as error:
                self._problem = self._pattern_problem(error)
            else:
                if not pattern.text.strip():
                    self._problem = self.tr("Type a pattern, e.g. %1.").replace("%1", DEFAULT_PATTERN)
                else:
                    taken = self._model.invoices()
                    self.proposals = propose(pattern, invoices, first=self.first.value(), taken=taken)
        self._model.set_proposals(self.proposals, self.left_out)
        if self.isChecked():
            self.previewed.emit()
        self._show_status()
        self._refresh_button()

    def _pattern_problem(self, error: PatternError) -> str:
        if error.kind == "brace":
            return self.tr("The pattern has a { or } without its partner (write {{ or }} for the brace itself).")
        return self.tr("%1 is not a placeholder: use {date}, {n} or {n:03}.").replace("%1", error.piece)

    def _show_status(self) -> None:
        proposals = self.proposals
        bad = [p for p in proposals if not p.ok]
        if self._problem:
            text = self._problem
        elif not proposals and self.left_out:
            text = self.tr(
                "The selected invoices are cancelled, or their filing to the NTS failed: tick the box above to "
                "number them anyway."
            )
        elif not proposals:
            text = self.tr("Select the invoices in the list (Ctrl or Shift + click for several).")
        elif bad:
            text = (
                self.tr("%1 of %2 selected invoices cannot get their ID: %3")
                .replace("%1", str(len(bad)))
                .replace("%2", str(len(proposals)))
                .replace("%3", flaw_text(bad[0], i18n.lang()))
            )
        else:
            text = (
                self.tr("%1 invoices, oldest first: %2 to %3. Each ID is checked when sent.")
                .replace("%1", str(len(proposals)))
                .replace("%2", proposals[0].mgt_key)
                .replace("%3", proposals[-1].mgt_key)
            )
        if self.left_out and proposals:
            text += " " + self.tr("%1 cancelled or NTS-failed invoices are left out.").replace(
                "%1", str(len(self.left_out))
            )
        self.status.setText(text)
        alarming = self._problem or bad or (not proposals and self.left_out)
        self.status.setStyleSheet(text_style("#b71c1c") if alarming else "")  # dark mode too

    def _refresh_button(self) -> None:
        proposals = self.proposals
        ready = bool(proposals) and all(p.ok for p in proposals) and not self._busy
        self.button.setEnabled(ready)
        self.button.setText(self.tr("&Assign %1 IDs…").replace("%1", str(len(proposals))))

    def _request(self) -> None:
        self.refresh()
        if self.button.isEnabled():
            self.requested.emit(list(self.proposals))

    # -- words ----------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Give &document IDs to the selected invoices"))
        self.pattern_label.setText(self.tr("Patter&n"))
        self.pattern.setAccessibleName(self.tr("Document ID pattern"))
        self.first_label.setText(self.tr("&First number"))
        self.first.setToolTip(self.tr("The number {n} starts from: continue from your last document ID."))
        self.include_set_aside.setText(self.tr("Also numb&er cancelled invoices and those whose NTS filing failed"))
        self.include_set_aside.setToolTip(
            self.tr("Left unticked, selected invoices that were cancelled (before or after issue) or whose filing "
                    "to the NTS failed get no document ID.")
        )  # fmt: skip
        self.help.setText(
            self.tr("{date} = written date (20260115) · {n} = 1, 2, 3… oldest first · {n:03} = 001, 002…")
        )
        self.help.setToolTip(
            self.tr(
                "Everything else in the pattern is copied as typed. A document ID has at most %1 characters: "
                "letters, digits, '-' and '_'. An ID another invoice already has is flagged when that invoice is "
                "in the list; otherwise POPBiLL refuses that one row when it is sent, and the others are assigned."
            ).replace("%1", str(MGT_KEY_MAX))
        )
        self.button.setToolTip(
            self.tr("Open the batch tab with these rows: after your confirmation they are sent, journaled and "
                    "resumable, and the results can be exported.")
        )  # fmt: skip
        self.refresh()
