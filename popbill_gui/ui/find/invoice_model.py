"""Invoices in words for the window: the Find dialog's list (a table model) and one invoice in a line.

The list shows what a clerk knows an invoice by (written date, partner, business number, amounts, state in words,
NTS number) beside what the program needs (our document ID, the ItemKey). When document IDs are being made from a
pattern, a last column shows each selected invoice's new ID and, flagged by an icon and words, why it cannot be
used. The states' words are the core's (`core/states.py`), in the window's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from ...core.id_pattern import Flaw, oldest_first
from ...core.messages import Lang
from ...service.assign_list import set_aside
from ..shared import i18n
from ..shared.palette import background, readable

if TYPE_CHECKING:
    from ...core.id_pattern import Proposal
    from ...service.lookups import Invoice

Index = QModelIndex | QPersistentModelIndex

BAD_COLOR: Final = "#b71c1c"
OK_COLOR: Final = "#1b5e20"
_AMOUNTS: Final = ("supply", "tax", "total")


def amount_text(value: int | None) -> str:
    """1,650,000 (no currency sign: every amount here is in won); '' when unknown."""
    return "" if value is None else f"{value:,}"


def corp_num_text(digits: str) -> str:
    """A business number as printed on invoices: 123-45-67890 (anything else as it came)."""
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}" if len(digits) == 10 and digits.isdigit() else digits


def date_text(invoice: Invoice) -> str:
    return "" if invoice.write_date is None else invoice.write_date.isoformat()


def type_text(mgt_key_type: str) -> str:
    """매출, 매입, 위수탁: the type as a clerk says it (the API's name only in tooltips)."""
    names = {
        "SELL": QCoreApplication.translate("InvoiceModel", "Sales"),
        "BUY": QCoreApplication.translate("InvoiceModel", "Purchases"),
        "TRUSTEE": QCoreApplication.translate("InvoiceModel", "Consignment"),
    }
    return names.get(mgt_key_type, mgt_key_type)


def set_aside_text(reason: str) -> str:
    """Why numbering leaves an invoice out (`service.assign_list.set_aside`), in words."""
    if reason == "cancelled":
        return QCoreApplication.translate("InvoiceModel", "Cancelled: numbering leaves it out unless you ask for it.")
    return QCoreApplication.translate(
        "InvoiceModel", "Filing to the NTS failed: numbering leaves it out unless you ask for it."
    )


def invoice_summary(invoice: Invoice, lang: Lang, *, with_mgt_key: bool = True) -> str:
    """One invoice in a line: partner, written date, total, state (and our document ID if it has one)."""
    partner = invoice.partner_name or QCoreApplication.translate("InvoiceModel", "(no partner name)")
    if invoice.partner_corp_num:
        partner = f"{partner} ({corp_num_text(invoice.partner_corp_num)})"
    text = (
        QCoreApplication.translate("InvoiceModel", "%1 · written %2 · total %3 · %4")
        .replace("%1", partner)
        .replace("%2", date_text(invoice) or "-")
        .replace("%3", amount_text(invoice.total) or "-")
        .replace("%4", invoice.describe_state(lang))
    )
    if with_mgt_key and invoice.mgt_key:
        text += " · " + QCoreApplication.translate("InvoiceModel", "document ID %1").replace("%1", invoice.mgt_key)
    return text


def flaw_text(proposal: Proposal, lang: Lang) -> str:
    """Why a proposed document ID cannot be used, in words ('' when it can)."""
    reasons = [problem.describe(lang) for problem in proposal.problems]
    flaw = proposal.flaw
    if flaw is Flaw.HAS_MGT_KEY:
        reason = QCoreApplication.translate("InvoiceModel", "This invoice already has the document ID %1.")
    elif flaw is Flaw.DUPLICATE:
        reason = QCoreApplication.translate(
            "InvoiceModel", "Duplicate: the invoice with POPBiLL number %1 gets the same ID."
        )
    elif flaw is Flaw.TAKEN:
        reason = QCoreApplication.translate(
            "InvoiceModel", "Taken: the invoice with POPBiLL number %1 already has this ID."
        )
    elif flaw is Flaw.NO_DATE:
        reason = QCoreApplication.translate("InvoiceModel", "The invoice has no written date for {date}.")
    else:
        return " ".join(reasons)
    return " ".join([reason.replace("%1", proposal.other), *reasons])


class InvoiceListModel(QAbstractTableModel):
    """The invoices a search found, read-only: newest first, as POPBiLL lists them, or oldest first (the order
    numbering follows) while document IDs are made from a pattern."""

    # The new document ID first: shown only while IDs are made from a pattern, and then what matters most.
    COLUMNS = (
        "new_mgt_key", "date", "partner", "corp_num", "supply", "tax", "total", "state", "nts", "mgt_key", "item_key",
    )  # fmt: skip

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._found: list[Invoice] = []  # as the search found them (newest first)
        self._invoices: list[Invoice] = []  # as shown
        self._oldest_first = False
        self._proposals: dict[str, Proposal] = {}  # ItemKey → the ID a pattern gives it
        self._left_out: dict[str, str] = {}  # ItemKey → why numbering leaves the selected invoice out

    # -- contents ---------------------------------------------------------------------------------------
    def set_invoices(self, invoices: Sequence[Invoice]) -> None:
        self.beginResetModel()
        self._found = list(invoices)
        self._invoices = oldest_first(self._found) if self._oldest_first else list(self._found)
        self._proposals, self._left_out = {}, {}
        self.endResetModel()

    def set_oldest_first(self, on: bool) -> None:
        """Oldest first (written date, then POPBiLL number: the numbering's order) or as found; the selection and
        the current row follow their invoices."""
        if on == self._oldest_first:
            return
        self._oldest_first = on
        self.layoutAboutToBeChanged.emit()
        before = self._invoices
        after = oldest_first(self._found) if on else list(self._found)
        row_of = {id(invoice): row for row, invoice in enumerate(after)}
        persistent = self.persistentIndexList()
        moved = [self.index(row_of[id(before[i.row()])], i.column()) for i in persistent]
        self._invoices = after
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def invoices(self) -> list[Invoice]:
        return list(self._invoices)

    def invoice(self, row: int) -> Invoice:
        return self._invoices[row]

    def set_proposals(self, proposals: Sequence[Proposal], left_out: Mapping[str, str] | None = None) -> None:
        """Show these new document IDs, and "left out" (with its reason) for `left_out`'s invoices (by
        POPBiLL number); the rest of the column empty."""
        self._proposals = {p.invoice.item_key: p for p in proposals}
        self._left_out = dict(left_out or {})
        if self._invoices:
            column = self.COLUMNS.index("new_mgt_key")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._invoices) - 1, column))

    def proposal(self, row: int) -> Proposal | None:
        return self._proposals.get(self._invoices[row].item_key)

    def refresh_texts(self) -> None:
        if self._invoices:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._invoices) - 1, len(self.COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    # -- words ------------------------------------------------------------------------------------------
    def header_text(self, column: str) -> str:
        names = {
            "date": self.tr("Written"),
            "partner": self.tr("Partner"),
            "corp_num": self.tr("Business no."),
            "supply": self.tr("Supply amount"),
            "tax": self.tr("Tax"),
            "total": self.tr("Total"),
            "state": self.tr("State"),
            "nts": self.tr("NTS number"),
            "mgt_key": self.tr("Document ID"),
            "item_key": self.tr("POPBiLL number"),
            "new_mgt_key": self.tr("New document ID"),
        }
        return names[column]

    def cell_text(self, invoice: Invoice, column: str) -> str:
        if column == "date":
            return date_text(invoice)
        if column == "partner":
            return invoice.partner_name
        if column == "corp_num":
            return corp_num_text(invoice.partner_corp_num)
        if column in _AMOUNTS:
            value = {"supply": invoice.supply_cost_total, "tax": invoice.tax_total, "total": invoice.total}[column]
            return amount_text(value)
        if column == "state":
            return invoice.state_words(i18n.lang())
        if column == "nts":
            return invoice.nts_display
        if column == "mgt_key":
            return invoice.mgt_key
        if column == "item_key":
            return invoice.item_key
        proposal = self._proposals.get(invoice.item_key)
        if proposal is not None:
            return proposal.mgt_key
        return self.tr("left out") if invoice.item_key in self._left_out else ""

    # -- Qt model ---------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 -- Qt's own signature
        return 0 if parent.isValid() else len(self._invoices)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.header_text(self.COLUMNS[section]) if 0 <= section < len(self.COLUMNS) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._invoices):
            return None
        invoice = self._invoices[index.row()]
        column = self.COLUMNS[index.column()]
        proposal = self._proposals.get(invoice.item_key) if column == "new_mgt_key" else None
        left_out = self._left_out.get(invoice.item_key) if column == "new_mgt_key" and proposal is None else None
        aside = set_aside(invoice) if column == "state" else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self.cell_text(invoice, column)
            if role == Qt.ItemDataRole.AccessibleTextRole and proposal is not None and not proposal.ok:
                text = f"{text}: {flaw_text(proposal, i18n.lang())}"
            elif role == Qt.ItemDataRole.AccessibleTextRole and (left_out or aside):
                text = f"{text}: {set_aside_text(left_out or aside or '')}"
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            if proposal is not None:
                return flaw_text(proposal, i18n.lang()) or self.tr("Can be assigned.")
            if left_out is not None:
                return set_aside_text(left_out)
            if column == "state":
                described = invoice.describe_state(i18n.lang())
                return f"{described}\n{set_aside_text(aside)}" if aside else described
            if column == "partner":
                return invoice.partner_name or None
            if column == "nts":  # its column gives way first on a narrow screen
                return invoice.nts_display or None
            return None
        if role == Qt.ItemDataRole.DecorationRole and (proposal is not None or aside):
            pixmaps = QStyle.StandardPixmap
            ok = proposal is not None and proposal.ok
            pixmap = pixmaps.SP_DialogApplyButton if ok else pixmaps.SP_MessageBoxWarning
            return QApplication.style().standardIcon(pixmap)
        if role == Qt.ItemDataRole.ForegroundRole:
            base = background(QPalette.ColorRole.Base)
            if proposal is not None:
                return readable(QColor(OK_COLOR if proposal.ok else BAD_COLOR), base)
            if aside:
                return readable(QColor(BAD_COLOR), base)
            if left_out is not None:
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _AMOUNTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
