"""The plain records the faces read (call records, batch infos, journal rows, batch files), named in one place.

The faces import them from here (usually for type hints only), never from the history, the journal or the reader.
"""

from ..batch.journal import BatchInfo, JournalError, JournalRow
from ..batch.keys import LeftOut
from ..batch.model import InputRow, Operation, RowOutcome, RowState, state_text
from ..batch.reader import BatchFile, BatchFileError
from ..batch.runner import Progress, Stop
from ..storage.errors import HistoryError
from ..storage.history import CallRecord

__all__ = [
    "BatchFile",
    "BatchFileError",
    "BatchInfo",
    "CallRecord",
    "HistoryError",
    "InputRow",
    "JournalError",
    "JournalRow",
    "LeftOut",
    "Operation",
    "Progress",
    "RowOutcome",
    "RowState",
    "Stop",
    "state_text",
]
