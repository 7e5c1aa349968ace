"""Where the batch tab's status line goes: beside the progress bar and the buttons while it fits there, on a row of
its own above them when it does not.

Beside the buttons it costs the rows nothing; but in a narrow window (800 px) the buttons leave it a column of
about 200 px, and a long sentence (a refused file, with the template's note under it) wrapped there into ten
lines and was cut at the bottom. So the line moves above the buttons whenever it would take more than three lines
beside them; it comes back when it fits again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

MAX_LINES_BESIDE = 3  # wrapped lines beside the buttons: the buttons' row is about that tall anyway


class StatusLabel(QLabel):
    """A QLabel that says when its text changes (QLabel itself has no such signal)."""

    text_set = Signal()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.text_set.emit()


class StatusPlacement(QObject):
    """Moves `label` between the start of `beside` (the buttons' row) and `above` (an empty row over it)."""

    def __init__(self, tab: QWidget, label: StatusLabel, beside: QBoxLayout, above: QBoxLayout, gap: QWidget) -> None:
        super().__init__(tab)
        self._tab, self._label, self._beside, self._above, self._gap = tab, label, beside, above, gap
        self._is_above = False
        label.text_set.connect(self.place)
        tab.installEventFilter(self)

    @property
    def is_above(self) -> bool:
        return self._is_above

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._tab and event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def _room_beside(self) -> int:
        """The width the status gets in the buttons' row: the row's width less the visible buttons and spacing."""
        margins = self._beside.contentsMargins()
        width = self._tab.contentsRect().width() - margins.left() - margins.right()
        if (parent := self._tab.layout()) is not None:
            outer = parent.contentsMargins()
            width -= outer.left() + outer.right()
        spacing = max(self._beside.spacing(), 0)
        for i in range(self._beside.count()):
            item = self._beside.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is None or widget in (self._label, self._gap) or not widget.isVisibleTo(self._tab):
                continue
            width -= widget.sizeHint().width() + spacing
        return width

    def place(self) -> None:
        room = self._room_beside()
        wrapped = self._label.heightForWidth(room) if room > 0 else 1 << 20
        fits = wrapped <= MAX_LINES_BESIDE * self._label.fontMetrics().lineSpacing() + 2 * self._label.margin()
        if fits == (not self._is_above):
            return
        self._is_above = not fits
        if self._is_above:
            self._beside.removeWidget(self._label)
            self._above.addWidget(self._label)
        else:
            self._above.removeWidget(self._label)
            self._beside.insertWidget(0, self._label, 1)
        self._gap.setVisible(self._is_above)  # the buttons stay at the right
