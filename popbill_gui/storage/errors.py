"""The error of the history file, apart from `history.py` so that catching it costs no sqlite3 import."""


class HistoryError(Exception):
    """The history cannot be used: unreadable or newer file, or closed. The message names the file."""
