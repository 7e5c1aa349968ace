"""Colours that stay readable in a light or a dark palette (Windows' and macOS' dark mode).

Where the window colours text on its own background (the environment strip, the setup and resume bars, a call's
result), it sets both, so the palette cannot undo one of them. Where it colours text on the palette's background
(a field's message, a table's result word), `readable` keeps the colour's hue and makes it lighter or darker until
it stands out from that background by WCAG's 4.5:1.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from PySide6.QtGui import QColor, QGuiApplication, QPalette

MIN_CONTRAST: Final = 4.5  # WCAG AA for body text


def luminance(color: QColor) -> float:
    """WCAG's relative luminance (0 black … 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two colours (1 … 21)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def background(role: QPalette.ColorRole = QPalette.ColorRole.Window) -> QColor:
    """The application palette's colour for `role` (Window behind labels, Base behind a table's cells)."""
    return QGuiApplication.palette().color(role)


def readable(color: QColor, behind: QColor | None = None) -> QColor:
    """`color`, or the same hue lighter (on a dark background) or darker (on a light one), so that it reads on
    `behind` (by default the palette's window colour)."""
    behind = background() if behind is None else behind
    # Asked for each table cell a view paints or measures: worked out once per pair of colours.
    return QColor.fromRgba(_readable(color.rgba(), behind.rgba()))


@lru_cache(maxsize=256)
def _readable(color_rgba: int, behind_rgba: int) -> int:
    color, behind = QColor.fromRgba(color_rgba), QColor.fromRgba(behind_rgba)
    if contrast(color, behind) >= MIN_CONTRAST:
        return color_rgba
    hue, saturation, lightness, alpha = color.hslHueF(), color.hslSaturationF(), color.lightnessF(), color.alphaF()
    step = 0.04 if luminance(behind) < 0.5 else -0.04
    adjusted = QColor(color)
    while contrast(adjusted, behind) < MIN_CONTRAST and 0.0 < lightness < 1.0:
        lightness = min(1.0, max(0.0, lightness + step))
        adjusted = QColor.fromHslF(hue, saturation, lightness, alpha)
    return adjusted.rgba()


def text_style(color: str, behind: QColor | None = None, extra: str = "") -> str:
    """A style sheet giving a label `color` (made readable on `behind`, by default the palette's window colour)."""
    return f"color: {readable(QColor(color), behind).name()};{' ' + extra if extra else ''}"


def box_style(object_name: str, fill: str, ink: str) -> str:
    """A style sheet for a bar or box that paints its own background: its fill, and the ink of its labels, together
    (the palette's text colour on a fixed light fill would be unreadable in dark mode)."""
    labels = f"#{object_name} QLabel {{ color: {ink}; background: transparent; }}"
    return f"#{object_name} {{ background: {fill}; }} {labels}"
