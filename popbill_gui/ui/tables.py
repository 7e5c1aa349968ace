"""One way to set up a read-only table view (the log, the batch preview, the history, the invoice list).

Whole rows are selected, nothing is edited, no row numbers, no word wrap; the columns can be resized by hand, and
one column (`stretch`) takes the room left. Columns are fitted to a sample of rows (`precision`), never all of them:
measuring a hundred thousand texts would stall the window.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def setup_table(
    parent: QWidget,
    object_name: str,
    model: QAbstractItemModel,
    *,
    stretch: str | None = None,
    precision: int = 200,
) -> QTableView:
    """A QTableView named `object_name` on `model`; `stretch`: the name of the column (in `model.COLUMNS`) that
    takes the free width, else the last column does."""
    view = QTableView(parent)
    view.setObjectName(object_name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setResizeContentsPrecision(precision)
    columns: tuple[str, ...] = getattr(model, "COLUMNS", ())
    if stretch is not None and stretch in columns:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(columns.index(stretch), QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return view
