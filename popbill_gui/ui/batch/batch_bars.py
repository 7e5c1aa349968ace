"""A bar above the batch preview that asks the clerk something about the file: a sentence and its answers (buttons,
or two choices), shown only while it is asked. The batch tab has three: what to do with hidden rows, whether to send
again the rows done before, and what to do with a batch whose file was edited since it was interrupted.

It paints its own background and text colour together, so it reads in a light or a dark palette.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFrame, QHBoxLayout, QLabel, QWidget

from ..shared.palette import box_style


class ChoiceBar(QFrame):
    """`<name>` with its sentence in `<name>Text` and its answers to the right; hidden until `ask`."""

    def __init__(self, parent: QWidget, name: str, answers: list[QAbstractButton]) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        ink = "#3e2723"
        # Their text in the ink; their indicators as the style draws them (a "background" rule would hide them).
        choices = f"#{name} QCheckBox {{ color: {ink}; }} #{name} QRadioButton {{ color: {ink}; }}"
        self.setStyleSheet(f"{box_style(name, '#fff8e1', ink)} {choices}")
        self.label = QLabel(self)
        self.label.setObjectName(name + "Text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a file or sheet name is never read as markup
        self.answers = answers
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.label, 1)
        for answer in answers:
            answer.setParent(self)
            layout.addWidget(answer, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def ask(self, sentence: str) -> None:
        self.label.setText(sentence)
        self.show()
