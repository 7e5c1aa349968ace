"""The bar that offers, never forces, to continue a batch that was interrupted (found in the journal at start-up).

It paints its own background and text colour together, so it reads in a light or a dark palette. Words through Qt's
translations (context "ResumeBar").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ..shared.palette import box_style

if TYPE_CHECKING:
    from ...service.records import BatchInfo


class ResumeBar(QFrame):
    """`resumeBar`: what was interrupted, and `resumeButton`; `resume` says which batch to continue."""

    resume = Signal(int)  # the batch id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeBar")
        self.setStyleSheet(box_style("resumeBar", "#fff8e1", "#3e2723"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("resumeButton")
        self.button.clicked.connect(self._clicked)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.info: BatchInfo | None = None
        self.hide()

    def offer(self, unfinished: list[BatchInfo]) -> None:
        """Offer the first of these batches that still has rows to send (none: nothing is offered)."""
        from ...batch.model import RowState  # light: not the journal's or the reader's modules at start-up

        resumable = [b for b in unfinished if b.counts.get(RowState.PENDING, 0) or b.counts.get(RowState.SENDING, 0)]
        if resumable:
            self.info = resumable[0]
            self.retranslate()

    def retranslate(self) -> None:
        from ...batch.model import RowState  # light: not the journal's or the reader's modules at start-up

        self.button.setText(self.tr("Resume the &batch"))
        info = self.info
        if info is None:
            self.hide()
            return
        left = info.counts.get(RowState.PENDING, 0) + info.counts.get(RowState.SENDING, 0)
        text = self.tr("An interrupted batch was found: %1 (rows not finished: %2 of %3). Continue it?")
        self.label.setText(
            text.replace("%1", Path(info.source).name).replace("%2", str(left)).replace("%3", str(info.total))
        )
        self.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _clicked(self) -> None:
        if self.info is None:
            return
        batch_id, self.info = self.info.id, None
        self.hide()
        self.resume.emit(batch_id)
