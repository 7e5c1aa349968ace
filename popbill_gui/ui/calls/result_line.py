"""The result of a call where the clerk looks: under Send and Assign (`resendResult`, `assignResult`).

A word-wrapped label, never cut: green with a tick when POPBiLL accepted the call, red with a cross when it refused
(its message and our advice in full), amber with a question mark when the outcome is unknown (and then what to check
before trying again). It paints its own background and text colour, so it reads in a light or a dark palette.
`CallTexts` words what every call says (Qt's translations, context "CallTexts"); each tab words its own success.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ...service import CallResult, PopbillError, Request
from ..log.log_model import outcome_icon
from ..shared.advice import hint
from ..shared.words import request_words

ICON: Final = 16
# Outcome → (fill, ink): WCAG AA on their own fill, whatever the palette.
_LOOKS: Final[dict[str, tuple[str, str]]] = {
    "ok": ("#e8f5e9", "#1b5e20"),
    "failed": ("#ffebee", "#b71c1c"),
    "unknown": ("#fff8e1", "#6d4100"),
    "working": ("#eceff1", "#263238"),
}


class ResultLine(QLabel):
    """One call's outcome in words, with its icon in the left margin; hidden until the first call."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # POPBiLL's message is shown as text, never as markup
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.setContentsMargins(ICON + 14, 6, 8, 6)
        self.icon = QLabel(self)
        self.icon.setObjectName(object_name + "Icon")
        self.icon.setFixedSize(QSize(ICON, ICON))
        self.icon.move(8, 8)
        self.outcome = ""
        self.hide()

    def show_outcome(self, outcome: str, text: str) -> None:
        """`outcome`: "ok", "failed", "unknown" or "working" (a call on its way)."""
        self.outcome = outcome
        fill, ink = _LOOKS[outcome]
        name = self.objectName()
        self.setStyleSheet(f"#{name} {{ background: {fill}; color: {ink}; border-radius: 3px; }}")
        if outcome == "working":
            self.icon.clear()
        else:
            self.icon.setPixmap(outcome_icon(outcome).pixmap(ICON, ICON))
        self.setText(text)
        self.setAccessibleDescription(text)
        self.show()


class CallTexts(QObject):
    """What a call's result line says while it is on its way and when it failed (the tab words a success and what
    to check when the outcome is unknown: those depend on the call)."""

    def working(self, request: Request) -> str:
        return self.tr("Sending: %1").replace("%1", request_words(request))

    def popbill_said(self, result: CallResult) -> str:
        return self.tr("POPBiLL: %1").replace("%1", result.message)

    def failed(self, request: Request, error: PopbillError, what_to_check: str) -> tuple[str, str]:
        """(outcome, text) for a call that failed: its sentence (POPBiLL's, or ours), what to do; and for an
        outcome that is unknown, `what_to_check` before trying again."""
        unknown = error.maybe_delivered
        head = self.tr("Outcome unknown: %1") if unknown else self.tr("Failed: %1")
        lines = [head.replace("%1", request_words(request))]
        lines.append(error.message)  # POPBiLL's code is in the log's and the history's columns, for IT
        advice = hint(error)
        if advice:
            lines.append("→ " + advice)
        if unknown:
            lines.append("→ " + what_to_check)
        return ("unknown" if unknown else "failed"), "\n".join(lines)
