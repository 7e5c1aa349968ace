"""Keyboard focus: where it goes when a tab is chosen (the tab's first control, as Tab would reach it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def first_control(page: QWidget | None) -> QWidget | None:
    """The first control of `page` that Tab reaches (enabled, shown, taking focus by Tab), or None."""
    if page is None:
        return None
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        reachable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if reachable and page.isAncestorOf(widget) and widget.isVisibleTo(page) and widget.isEnabled():
            return widget
        widget = widget.nextInFocusChain()
    return None
