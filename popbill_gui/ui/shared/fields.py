"""A line edit checked live by one of the core's validators, with a counter and the reason in words.

The rules are the core's (`core.validation`), never re-implemented here. Surrounding spaces pasted from a
spreadsheet are trimmed as they arrive; anything else stays as typed and, if wrong, is named inline.
A problem is shown once the user has typed in the field, so an empty form does not open in red.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...core.validation import Problem, clean
from . import i18n, input_hints
from .palette import text_style

Check = Callable[[str], list[Problem]]


class CheckedField(QWidget):
    """QLineEdit (named `object_name`) + optional `n/limit` counter + inline message (`<name>Message`)."""

    changed = Signal()

    def __init__(
        self,
        object_name: str,
        check: Check,
        limit: int | None = None,
        parent: QWidget | None = None,
        *,
        trim: bool = True,
    ) -> None:
        """`trim`: take off surrounding spaces as they arrive (keys never hold one); off for a value that may
        hold inner spaces, such as a file path, where trimming as one types would eat every space typed."""
        super().__init__(parent)
        self._check = check
        self._trim = trim
        self._limit = limit
        self._dirty = False
        self.edit = QLineEdit(self)
        self.edit.setObjectName(object_name)
        input_hints.apply(self.edit)  # Latin input in an ASCII field, whatever 한/영 says (input_hints.py)
        self.counter = QLabel(self)
        self.counter.setObjectName(object_name + "Counter")
        self.counter.setVisible(limit is not None)
        self.message = QLabel(self)
        self.message.setObjectName(object_name + "Message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(text_style("#b71c1c"))  # readable on a dark palette too
        self.message.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.counter)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.message)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._on_edited)
        self.edit.textChanged.connect(self.recheck)
        self.recheck()

    def value(self) -> str:
        return clean(self.edit.text())

    def problems(self) -> list[Problem]:
        return self._check(self.edit.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.recheck()  # the problems in the new language
        super().changeEvent(event)

    def clear(self) -> None:
        self.edit.clear()
        self._dirty = False
        self.recheck()

    def _on_edited(self, text: str) -> None:
        self._dirty = True
        if not self._trim:
            return
        trimmed = text.strip()
        if trimmed != text:
            # Pasted " INV-001 " becomes "INV-001": the spaces were never part of the key.
            position = max(0, self.edit.cursorPosition() - (len(text) - len(text.lstrip())))
            self.edit.setText(trimmed)
            self.edit.setCursorPosition(min(position, len(trimmed)))

    def recheck(self) -> None:
        """Check the value again and say so (a rule may depend on another field, or the language changed)."""
        if self._limit is not None:
            length = len(self.value())
            self.counter.setText(f"{length}/{self._limit}")
            over = length > self._limit
            self.counter.setStyleSheet(text_style("#b71c1c", extra="font-weight: bold;") if over else "")
        problems = self.problems() if (self._dirty or self.edit.text()) else []
        text = "\n".join("⚠ " + p.describe(i18n.lang()) for p in problems)
        if text:  # made readable on the palette of now: the system may have switched to dark mode since
            self.message.setStyleSheet(text_style("#b71c1c"))
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.edit.setAccessibleDescription(text)
        self.changed.emit()
