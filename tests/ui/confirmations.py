"""A stand-in for the window's and the batch tab's yes/no question (their `confirm`): it answers as told and keeps
every question asked, for the window, Find and batch tab tests."""

from __future__ import annotations


class Confirmations:
    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.questions: list[tuple[str, str]] = []  # (title, text), in the order asked

    def __call__(self, title: str, text: str) -> bool:
        self.questions.append((title, text))
        return self.answer

    @property
    def asked(self) -> list[str]:
        """The questions' texts."""
        return [text for _title, text in self.questions]
