"""Windows that fit the screen they open on: a dialog as tall as its form until the screen ends, scrolling only
then, and windows whose first size is capped by the screen's free area.

The settings dialog says a lot at once when things go wrong (production warning, no keyring, a refused URL, a failed
connection test): 800–860 px, taller than a 1366×768 laptop's free height and far taller than 800×560. Its form sits
in a `FormScroll`, which asks for the whole form's height (Qt's own QScrollArea caps its hint at 24 lines), and
`fit_to_screen` sizes the window to that, capped by the free height of the screen it is on. The buttons stay below
the scroll area, so OK and Cancel are never scrolled away.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget

TITLE_BAR_GUESS: Final = 40  # before the first show, the window manager's frame is unknown
MIN_FORM_HEIGHT: Final = 160


class FormScroll(QScrollArea):
    """A frameless, vertical-only scroll area whose size hint is its whole content's; `grew` fires when the content
    asks for more room (a message appeared), so the window can grow with it."""

    grew = Signal()

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formScroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content = content  # before setWidget: Qt sends the content's events to eventFilter from there on
        self.setWidget(content)
        # The dialog's own background shows through: no white box around the form.
        self.viewport().setAutoFillBackground(False)
        content.setAutoFillBackground(False)

    def _content_width(self) -> int:
        content = self.content
        width = self.width() - 2 * self.frameWidth()
        if self.verticalScrollBar().isVisible():
            width -= self.verticalScrollBar().width()
        return max(width, content.minimumSizeHint().width())

    def sizeHint(self) -> QSize:
        content = self.content
        hint = content.sizeHint()
        if content.hasHeightForWidth():
            # Where the words wrap depends on the width the form will have.
            hint.setHeight(max(content.heightForWidth(self._content_width()), content.minimumSizeHint().height()))
        frame = 2 * self.frameWidth()
        return QSize(hint.width() + frame, hint.height() + frame)

    def minimumSizeHint(self) -> QSize:
        content = self.content
        # Horizontally the form never scrolls: its narrowest width plus room for the vertical bar.
        width = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(width + 2 * self.frameWidth(), min(MIN_FORM_HEIGHT, content.minimumSizeHint().height()))

    def focusNextPrevChild(self, next: bool) -> bool:
        moved = super().focusNextPrevChild(next)
        focused = QApplication.focusWidget()
        if moved and focused is not None and self.content.isAncestorOf(focused):
            self.show_whole(focused)
        return moved

    def show_whole(self, widget: QWidget) -> None:
        """Scroll so all of `widget` is in sight, with the message under it when it has one (Qt's own
        ensureWidgetVisible only makes sure of a line edit's text cursor, leaving its lower edge cut)."""
        parent = widget.parentWidget()
        if parent is not None and parent.focusProxy() is widget:
            widget = parent  # a field and its message, stacked
        top_left = widget.mapTo(self.content, widget.rect().topLeft())
        half_w, half_h = widget.width() // 2, widget.height() // 2
        self.ensureVisible(top_left.x() + half_w, top_left.y() + half_h, min(half_w, 50), half_h + 8)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        handled = super().eventFilter(watched, event)
        if watched is self.content and event.type() == QEvent.Type.LayoutRequest:
            self.grew.emit()
        return handled


def free_area(window: QWidget) -> QRect:
    """The free area (less task bar and menu bar) of the screen a window is on, or will open on (its parent's)."""
    parent = window.parentWidget()
    return (parent or window).screen().availableGeometry()


def room_on_screen(window: QWidget) -> int:
    """The height a window's client area can have on the screen it is on (or will open on)."""
    free = free_area(window).height()
    frame = window.frameGeometry().height() - window.height() if window.isVisible() else TITLE_BAR_GUESS
    return max(free - frame, MIN_FORM_HEIGHT)


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Open at `width`×`height`, or smaller on a screen that has less room (a 1000×620 dialog on an 800×560
    screen would open with its buttons off the screen on Windows, which does not clamp new windows)."""
    window.resize(min(width, free_area(window).width()), min(height, room_on_screen(window)))


def resize_to_screen(
    window: QWidget,
    *,
    share: tuple[float, float] = (0.92, 0.95),
    most: tuple[int, int] = (1440, 960),
    least: tuple[int, int] = (900, 620),
) -> None:
    """Open at most of the free area of the screen (`share` of its width and height), no bigger than `most` (a large
    monitor does not get a window across it), no smaller than `least` unless the screen itself is, and never bigger
    than the screen. A top-level window is centred on it; a dialog is centred on its parent by Qt.

    A fixed first size (900×620) left most of a 1366×768 laptop unused and, at 125 % on 1920×1080, cut tables that had
    the room; sizes here are Qt's device-independent pixels, so scaling is taken into account by the screen's size."""
    free = free_area(window)
    room = room_on_screen(window)
    width = min(max(round(free.width() * share[0]), least[0]), most[0], free.width())
    height = min(max(round(room * share[1]), least[1]), most[1], room)
    window.resize(width, height)
    if window.isWindow() and window.parentWidget() is None:
        window.move(free.x() + (free.width() - width) // 2, free.y() + max(0, (room - height) // 2))


def fit_to_screen(window: QWidget, scroll: FormScroll, *, grow_only: bool = False) -> None:
    """Size `window` to its content's height, capped by the screen; with `grow_only`, never shrink it (a message
    that goes away leaves room rather than making the dialog jump)."""
    layout = window.layout()
    if layout is None:
        return
    width = max(window.width() if window.testAttribute(Qt.WidgetAttribute.WA_Resized) else 0,
                window.minimumSizeHint().width(), window.minimumWidth())  # fmt: skip
    window.resize(width, window.height())
    layout.invalidate()
    layout.activate()  # the scroll area gets its width now, even hidden, so its hint knows where words wrap
    scroll.updateGeometry()
    layout.invalidate()
    height = min(layout.sizeHint().height(), room_on_screen(window))
    if grow_only:
        height = max(height, window.height())
    if height != window.height():
        window.resize(width, height)
