"""The errors of the history file, apart from `history.py` so that catching them costs no sqlite3 import."""

from __future__ import annotations

from ..core.messages import Lang, text

# What went wrong with a history that was open and usable before, in the words a clerk reads (HistoryFailure.cause).
CAUSES = ("busy", "full", "corrupt", "unwritable", "other")


class HistoryError(Exception):
    """The history cannot be used: unreadable or newer file, or closed. The message names the file."""

    def describe(self, lang: Lang = "ko") -> str:
        """The reason for a person (the English message, unless a subclass knows better)."""
        return str(self)


class HistoryFailure(HistoryError):
    """Reading or writing the history failed: locked by another program past the wait, the disk full, the file
    damaged, or its folder no longer writable. Nothing of the failed transaction was written.

    `cause` is one of CAUSES; `detail` is SQLite's own words (for the log, never shown alone to a clerk).
    """

    def __init__(self, cause: str, path: object, detail: str = "") -> None:
        super().__init__(f"the history {path} could not be written ({cause}: {detail})")
        self.cause = cause if cause in CAUSES else "other"
        self.path = str(path)
        self.detail = detail

    def describe(self, lang: Lang = "ko") -> str:
        return text(f"history.failure.{self.cause}", lang, path=self.path, detail=self.detail)
