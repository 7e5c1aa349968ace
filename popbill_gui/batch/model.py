"""What a batch is made of: the rows read from a file, their state while running, and the outcome.

Qt-free, shared by the reader, the runner, the history journal, the CLI and the window's batch tab.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Literal

from ..core.messages import Lang, text
from ..core.validation import Problem

Operation = Literal["resend_email", "assign_mgt_key"]
OPERATIONS: tuple[Operation, ...] = ("resend_email", "assign_mgt_key")
MAX_CONCURRENCY = 16  # calls at once in one batch: the transport's connection pool holds this many
DEFAULT_CONCURRENCY = 4

# The columns each operation needs, by canonical name, in the order results are exported.
COLUMNS: dict[Operation, tuple[str, ...]] = {
    "resend_email": ("mgt_key_type", "mgt_key", "receiver"),
    "assign_mgt_key": ("item_key", "mgt_key_type", "mgt_key"),
}
# An assign file may name its invoices by NTS confirmation number (국세청승인번호) instead of ItemKey: the service
# resolves each number to its ItemKey before anything is sent, and journals the ItemKey with the row.
NTS_COLUMNS: tuple[str, ...] = ("nts_confirm_num", "mgt_key_type", "mgt_key")
# What the results of such a file show: the number as the file gave it and the ItemKey it was resolved to.
NTS_RESULT_COLUMNS: tuple[str, ...] = ("nts_confirm_num", "item_key", "mgt_key_type", "mgt_key")


# Problems that are the user's choice, not the row's fault: such a row is left out (skipped), never "invalid".
LEFT_OUT_KEYS: frozenset[str] = frozenset({"batch.hidden_row"})


@dataclass(frozen=True)
class InputRow:
    """One data row of the file: its row number as the spreadsheet shows it (header = 1) and its values."""

    row: int
    values: dict[str, str]  # canonical column name → value as read (trimmed of surrounding white space)
    problems: list[Problem] = field(default_factory=list)  # the core's rules and the file-level ones
    # The clerk's own columns (BatchFile.extra_columns), as read: text, or a number kept a number. Never sent, never
    # fingerprinted: written beside ours in the results.
    extras: tuple[object, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def left_out(self) -> bool:
        """Not sent by the user's choice (a hidden row left out), whatever else is wrong with it."""
        return any(p.key in LEFT_OUT_KEYS for p in self.problems)


class RowState(str, Enum):
    PENDING = "pending"  # not started
    SENDING = "sending"  # journaled as leaving; after a crash its outcome is unknown
    DONE = "done"  # POPBiLL accepted it (code 1)
    FAILED = "failed"  # refused by POPBiLL or failed on this side with a clear answer
    UNKNOWN = "unknown"  # may or may not have been carried out: check on the website (확인 필요)
    SKIPPED = "skipped"  # invalid and skipped by the user's choice, or never sent because the batch stopped


@dataclass
class RowOutcome:
    """A row's state and the answer it got (code and message verbatim, or the client-side sentence)."""

    row: int
    state: RowState = RowState.PENDING
    code: int | None = None
    message: str = ""
    http_status: int | None = None
    duration: float | None = None


def state_text(state: RowState, lang: Lang = "ko") -> str:
    """A row state in words ("완료", "done")."""
    return text(f"batch.state.{state.value}", lang)
