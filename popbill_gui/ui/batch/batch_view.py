"""What the batch preview shows: the "failed only" filter (실패/확인 필요만), the selected row whole under the table
(`batchDetail`), and the running rows kept in sight.

The filter is a QSortFilterProxyModel, put between the model and the view only while the box is ticked: it asks
about every row whenever the model is reset, which the window need not pay for when nothing is filtered (a file may
hold 100,000 rows). The batch tab builds one on its widgets and model (`self.view = BatchView(...)`); its words are
`BatchTexts`' and `DetailTexts`'.
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
from PySide6.QtWidgets import QAbstractItemView

from ...batch.model import RowState, state_text
from ..shared import i18n
from ..shared.details import Detail
from .batch_preview import PreviewModel

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
        ui.failed_only.toggled.connect(self.set_failed_only)
        model.modelReset.connect(self.show_detail)  # a reset clears the selection without a signal
        model.modelReset.connect(self.fit_run_columns)  # the state columns come and go with a reset
        self._watch_selection()

    def fit_columns(self, column: int = 0) -> None:
        """Fit the columns to a sample of rows, one column per turn of the event loop: with a large file each
        measurement takes a while, and the window must answer in between."""
        if column < len(self.model.columns()) - 1:  # the last column stretches
            self.preview.resizeColumnToContents(column)
            QTimer.singleShot(0, partial(self.fit_columns, column + 1))

    def _view_model(self) -> QAbstractItemModel:
        return self.filter if self.filter is not None else self.model

    def set_failed_only(self, on: bool) -> None:
        """Show only the rows that need the clerk (a proxy while ticked), or every row again."""
        if on and self.filter is None:
            self.filter = FailedOnly(self.model, self.preview)
        elif not on and self.filter is not None:
            self.filter.deleteLater()
            self.filter = None
        self.preview.setModel(self._view_model())
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
        values = [row.values.get(column, "") for column in self.model.columns() if column in row.values]
        heading = self.texts.row_heading(row.row, values)
        problems = tuple("⚠ " + problem.describe(i18n.lang()) for problem in row.problems)
        outcome = self.model.outcome(row.row)
        if outcome is None:
            detail = Detail(self.model.check_text(row) if row.valid else "⚠", heading, "", row.valid, extra=problems)
        else:
            # A row skipped as invalid has its problems above; one skipped because the batch stopped says so.
            message = outcome.message or ("" if problems else self.model.message_text(outcome, row))
            detail = Detail(
                self.model.cell_text(row, "state"), heading, message,
                outcome.state is RowState.DONE, self.model.hint_text(outcome), outcome.code, outcome.http_status,
                outcome.duration, extra=problems,
            )  # fmt: skip
        self.detail.setText(self.detail_texts.text(detail))
        self.detail.show()

    def fit_run_columns(self) -> None:
        """Once a batch has run, its state and code columns are as wide as their words can be: measured from the
        words, not from the rows (a thousand rows' texts stall the window, benchmarks/bench_batch.py)."""
        columns = self.model.columns()
        if "state" not in columns:
            return
        metrics = self.preview.fontMetrics()
        words = [state_text(state, i18n.lang()) for state in RowState] + [self.model.header_text("state")]
        icon = self.preview.iconSize().width() or 16
        self.preview.setColumnWidth(columns.index("state"), max(map(metrics.horizontalAdvance, words)) + icon + 24)
        codes = ("-99999999", self.model.header_text("code"))
        self.preview.setColumnWidth(columns.index("code"), max(map(metrics.horizontalAdvance, codes)) + 16)

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
