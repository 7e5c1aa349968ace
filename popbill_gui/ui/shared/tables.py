"""One way to set up a read-only table view (the log, the batch preview, the history, the invoice list).

Whole rows are selected, nothing is edited, no row numbers, no word wrap; the columns can be resized by hand, and
one column (`stretch`) takes the room left. Columns are fitted to a sample of rows (`precision`), never all of them:
measuring a hundred thousand texts would stall the window. Tab and Shift+Tab leave the table for the next control
(arrow keys move between rows), so a keyboard user is never held in a table. `columns_menu` lets the user show and
hide columns (the header's context menu, and any button given the menu).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QAbstractItemModel, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget


def setup_table(
    parent: QWidget,
    object_name: str,
    model: QAbstractItemModel,
    *,
    stretch: str | None = None,
    precision: int = 200,
    order: Sequence[str] = (),
    hidden: Sequence[str] = (),
) -> QTableView:
    """A QTableView named `object_name` on `model`; `stretch`: the name of the column (in `model.COLUMNS`) that
    takes the free width, else the last column does. `order`: the columns shown first, in this order (the model's
    order, which copies and exports keep, is unchanged); `hidden`: columns hidden until the user shows them."""
    view = QTableView(parent)
    view.setObjectName(object_name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab goes to the next control, not the next cell
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
    for visual, name in enumerate(order):
        header.moveSection(header.visualIndex(columns.index(name)), visual)
    for name in hidden:
        view.setColumnHidden(columns.index(name), True)
    return view


def columns_menu(view: QTableView, parent: QWidget) -> QMenu:
    """A menu with one tick per column, in the order shown, that shows or hides it; it is the header's context menu
    too. Built as it opens, so it speaks the current language; the last visible column cannot be hidden."""
    menu = QMenu(parent)
    header = view.horizontalHeader()

    def fill() -> None:
        menu.clear()
        model = view.model()
        shown = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
            action.setCheckable(True)
            action.setChecked(column in shown)
            action.setEnabled(shown != [column])
            action.toggled.connect(partial(_show_column, view, column))

    def popup(position: QPoint) -> None:
        menu.popup(header.mapToGlobal(position))

    menu.aboutToShow.connect(fill)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(popup)
    return menu


def _show_column(view: QTableView, column: int, shown: bool) -> None:
    view.setColumnHidden(column, not shown)
    if shown and view.columnWidth(column) < 8:  # hidden since the start: it was never fitted
        view.resizeColumnToContents(column)
