"""The window's yes/no question (a confirmation before a call, a batch, closing): Qt's own message box, "No" the
default, so Enter never confirms what was not read."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget, title: str, text: str) -> bool:
    """True when the clerk answered yes."""
    answer = QMessageBox.question(parent, title, text, defaultButton=QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
