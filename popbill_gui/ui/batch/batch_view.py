"""What the batch preview shows: the "failed only" filter (실패/확인 필요만), the columns shown (열 선택: code, HTTP
status and duration hidden until chosen; a choice kept across files and runs), the selected row whole under the table
(`batchDetail`), and the running rows kept in sight.

The filter is a QSortFilterProxyModel, put between the model and the view only while the box is ticked: it asks
about every row whenever the model is reset, which the window need not pay for when nothing is filtered (a file may
hold 100,000 rows). The result column is as wide as its words can be, measured from the words (never from the rows,
and never widened by a filter): it stays on screen. The batch tab builds one on its widgets and model
(`self.view = BatchView(...)`); its words are `BatchTexts`' and `DetailTexts`'.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QTimer,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle

from ...batch.model import RowState
from ..shared import i18n
from ..shared.details import Detail
from ..shared.tables import columns_menu
from .batch_preview import EXTRA, OPTIONAL, PreviewModel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

    from ...service.records import RowOutcome
    from ..shared.details import DetailArea, DetailTexts
    from .batch_texts import BatchTexts
    from .batch_widgets import BatchWidgets


class FailedOnly(QSortFilterProxyModel):
    """The rows that are invalid, failed, or whose outcome is unknown; it follows the rows as a batch runs."""

    def __init__(self, source: PreviewModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.setDynamicSortFilter(True)  # a row that fails while the filter is on appears
        self.setSourceModel(source)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        return self._source.needs_attention(source_row)


class BatchView:
    """The preview's filter, detail, column widths and following, for the batch tab."""

    def __init__(self, ui: BatchWidgets, model: PreviewModel, texts: BatchTexts, detail_texts: DetailTexts) -> None:
        self.model = model
        self.texts = texts
        self.detail_texts = detail_texts
        self.preview: QTableView = ui.preview
        self.detail: DetailArea = ui.detail
        self.filter: FailedOnly | None = None  # between the model and the view while "failed only" is ticked
        self.hidden_columns: set[str] = set(OPTIONAL)  # by name, across files and runs (the clerk's choice)
        ui.columns_button.setMenu(columns_menu(self.preview, ui.columns_button))
        ui.failed_only.toggled.connect(self.set_failed_only)
        model.modelAboutToBeReset.connect(self._remember_columns)
        model.modelReset.connect(self.show_detail)  # a reset clears the selection without a signal
        model.modelReset.connect(self._restore_columns)  # columns come and go with a reset
        self._watch_selection()
        self._restore_columns()

    def _remember_columns(self) -> None:
        header = self.preview.horizontalHeader()
        columns = self.model.columns()
        if header.count() == len(columns):
            self.hidden_columns = {c for i, c in enumerate(columns) if header.isSectionHidden(i)}

    def _restore_columns(self) -> None:
        for index, column in enumerate(self.model.columns()):
            self.preview.setColumnHidden(index, column in self.hidden_columns)
        self.fit_result_column()

    def fit_columns(self, column: int = 0) -> None:
        """Fit the columns to a sample of rows, one column per turn of the event loop: with a large file each
        measurement takes a while, and the window must answer in between. The result column is measured from its
        words, and the message column takes the room left (the last one shown)."""
        columns = self.model.columns()
        if column >= len(columns):
            return
        if columns[column] not in ("result", "message") and not self.preview.isColumnHidden(column):
            self.preview.resizeColumnToContents(column)
        QTimer.singleShot(0, self.preview, partial(self.fit_columns, column + 1))

    def _view_model(self) -> QAbstractItemModel:
        return self.filter if self.filter is not None else self.model

    def set_failed_only(self, on: bool) -> None:
        """Show only the rows that need the clerk (a proxy while ticked), or every row again."""
        if on and self.filter is None:
            self.filter = FailedOnly(self.model, self.preview)
        elif not on and self.filter is not None:
            self.filter.deleteLater()
            self.filter = None
        self._remember_columns()
        self.preview.setModel(self._view_model())
        self._restore_columns()
        self._watch_selection()
        self.fit_columns()

    def _watch_selection(self) -> None:
        self.preview.selectionModel().selectionChanged.connect(self.show_detail)
        self.show_detail()

    def _position(self, index: QModelIndex) -> int:
        """The model row of a view index (through the filter when it is on)."""
        return self.filter.mapToSource(index).row() if self.filter is not None else index.row()

    def show_detail(self) -> None:
        """The selected row whole: its values, every problem, its state, POPBiLL's answer and our advice."""
        rows = self.preview.selectionModel().selectedRows()
        position = self._position(rows[0]) if rows else -1
        if not 0 <= position < self.model.rowCount():
            self.detail.hide()
            return
        row = self.model.row_at(position)
        shown = [c for c in self.model.columns() if c in row.values or c.startswith(EXTRA)]
        heading = self.texts.row_heading(row.row, [self.model.cell_text(row, column) for column in shown])
        problems = tuple("⚠ " + problem.describe(i18n.lang()) for problem in row.problems)
        outcome = self.model.outcome(row.row)
        result = self.model.result_text(row)
        if outcome is None:
            message = "" if problems else self.model.message_text(None, row)
            detail = Detail(result, heading, message, row.valid, extra=problems)
        else:
            # A row skipped as invalid has its problems above; one skipped because the batch stopped says so.
            message = outcome.message or ("" if problems else self.model.message_text(outcome, row))
            detail = Detail(
                result, heading, message, outcome.state is RowState.DONE, self.model.hint_text(outcome),
                outcome.code, outcome.http_status, outcome.duration, extra=problems,
            )  # fmt: skip
        self.detail.setText(self.detail_texts.text(detail))
        self.detail.show()

    def fit_result_column(self) -> None:
        """The result column as wide as its words can be: measured from the words, not from the rows (a thousand
        rows' texts stall the window, benchmarks/bench_batch.py), so no filter or file changes its width."""
        columns = self.model.columns()
        metrics = self.preview.fontMetrics()
        words = [*self.model.result_words(), self.model.header_text("result")]
        icon = self.preview.iconSize()  # unset (-1) unless chosen: then the style's small icon
        side = icon.width() if icon.isValid() else self.preview.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.preview.setColumnWidth(columns.index("result"), max(map(metrics.horizontalAdvance, words)) + side + 28)

    def follow(self, outcomes: list[RowOutcome]) -> None:
        """Keep the running rows in sight, unless the clerk is looking at a row of their own choosing."""
        if self.preview.selectionModel().hasSelection():
            return
        positions = [p for p in (self.model.position(o.row) for o in outcomes) if p is not None]
        if not positions:
            return
        index = self.model.index(max(positions), 0)
        if self.filter is not None:
            index = self.filter.mapFromSource(index)
        if index.isValid():
            self.preview.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
