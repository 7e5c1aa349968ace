"""The Find list's columns fitted to the room the list has: every text whole while it fits; when it does not, the
columns a clerk checks least give way first, and the partner's name and the POPBiLL number are never cut.

Each column's natural width (its texts, measured on a sample of rows as `setup_table` does) is measured when the
list or its words change; a resize only shares the room out again. Wider than the list's room in total, the columns
in `GIVING_WAY` shrink in that order, each down to its header or a few characters (their tooltips hold the whole
text), when that is enough to spare the list a sideways scroll; on a screen too small for that (800×560) every column
keeps its whole text and the list scrolls sideways. The partner's name is capped at a share of
the room, so one long name does not push the amounts out of sight; room to spare goes to it too.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

from .invoice_model import InvoiceListModel

# When the columns need more room than the list has, these give way first, in this order.
GIVING_WAY: Final = ("nts", "state", "corp_num", "supply", "tax")
GIVEN_MIN_CHARS: Final = 10  # a column that gives way keeps at least this many characters' width
PARTNER_MAX_SHARE: Final = 0.4  # of the list's width: a longer name is cut there (its tooltip holds it whole)
PARTNER_MIN: Final = 240  # the partner's cap on a narrow list
NEVER_CUT: Final = ("partner", "item_key")


class ColumnFitter(QObject):
    """`measure()` after the rows or the words changed; the list's resizes (the dialog's, a scroll bar that comes
    or goes) fit the columns again."""

    def __init__(self, view: QTableView, model: InvoiceListModel) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        self._natural: dict[int, int] = {}
        view.horizontalHeader().setStretchLastSection(False)  # the room left goes to the partner's name (fit)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._view.viewport():
            self.fit()
        return False

    def measure(self, name: str | None = None) -> None:
        """Every shown column's natural width (or only column `name`'s); our document ID's column only when some
        invoice has one."""
        columns = InvoiceListModel.COLUMNS
        view = self._view
        header = view.horizontalHeader()
        if name is None:
            has_ids = any(invoice.mgt_key for invoice in self._model.invoices())
            view.setColumnHidden(columns.index("mgt_key"), not has_ids)
            self._natural = {}
        wanted = range(len(columns)) if name is None else [columns.index(name)]
        for column in wanted:
            if not view.isColumnHidden(column):
                # As resizeColumnToContents measures, without its width (the last column's may be wider).
                self._natural[column] = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        self.fit()

    def fit(self) -> None:
        """Share the list's width out: natural widths, the partner capped, then the columns that give way."""
        view = self._view
        columns = InvoiceListModel.COLUMNS
        shown = {c: w for c, w in self._natural.items() if not view.isColumnHidden(c)}
        if not shown:
            return
        room = view.viewport().width()
        widths = dict(shown)
        partner = columns.index("partner")
        if partner in widths:
            widths[partner] = min(widths[partner], max(PARTNER_MIN, round(room * PARTNER_MAX_SHARE)))
        metrics = view.fontMetrics()
        floor = metrics.horizontalAdvance("0" * GIVEN_MIN_CHARS) + 12
        excess = sum(widths.values()) - room
        natural = dict(widths)
        for name in GIVING_WAY:
            column = columns.index(name)
            if excess <= 0:
                break
            if column not in widths:
                continue
            header = view.horizontalHeader().sectionSizeFromContents(column).width()
            least = min(widths[column], max(floor, header))
            given = min(excess, widths[column] - least)
            widths[column] -= given
            excess -= given
        if excess > 0:
            widths = natural  # it scrolls sideways all the same: better every text whole than some cut
        elif excess < 0 and partner in widths:
            widths[partner] -= excess  # room to spare: the partner's name is what a clerk reads first
        for column, width in widths.items():
            view.setColumnWidth(column, width)
