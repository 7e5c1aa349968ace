"""What a user asks for, as plain typed values: one resend, one assignment. Shared by the window and the CLI.

A request knows its operation, its keys as the history records them, and its problems under the core's rules;
it never talks to the network. `key` identifies "the same request" (the window refuses a second one in flight).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ..core.validation import Problem, check_assign, check_resend, clean

if TYPE_CHECKING:
    from ..batch.model import Operation  # a name for the type only: the batch model is not loaded for one call


@dataclass(frozen=True)
class ResendRequest:
    """SendEmail: resend the notification mail of one invoice (type + document ID) to one address."""

    mgt_key_type: str
    mgt_key: str
    receiver: str

    operation: ClassVar[Operation] = "resend_email"

    def problems(self) -> list[Problem]:
        return check_resend(self.mgt_key_type, self.mgt_key, self.receiver)

    def keys(self) -> dict[str, str]:
        """The values as the history records them (trimmed)."""
        return {
            "mgt_key_type": clean(self.mgt_key_type),
            "mgt_key": clean(self.mgt_key),
            "receiver": clean(self.receiver),
        }

    @property
    def key(self) -> tuple[str, ...]:
        return (self.operation, *self.keys().values())

    def describe(self) -> str:
        """The keys in one line, as the log pane shows them."""
        k = self.keys()
        return f"{k['mgt_key_type']} {k['mgt_key']} → {k['receiver']}"


@dataclass(frozen=True)
class AssignRequest:
    """AssignMgtKey: give the invoice with this ItemKey the document ID `mgt_key` of type `mgt_key_type`."""

    item_key: str
    mgt_key_type: str
    mgt_key: str

    operation: ClassVar[Operation] = "assign_mgt_key"

    def problems(self) -> list[Problem]:
        return check_assign(self.item_key, self.mgt_key_type, self.mgt_key)

    def keys(self) -> dict[str, str]:
        return {
            "item_key": clean(self.item_key),
            "mgt_key_type": clean(self.mgt_key_type),
            "mgt_key": clean(self.mgt_key),
        }

    @property
    def key(self) -> tuple[str, ...]:
        return (self.operation, *self.keys().values())

    def describe(self) -> str:
        k = self.keys()
        return f"{k['item_key']} ← {k['mgt_key_type']} {k['mgt_key']}"


Request = ResendRequest | AssignRequest


def request_for(operation: str, values: dict[str, str]) -> Request:
    """The request of a batch row or a history record (canonical column names → values)."""
    if operation == "assign_mgt_key":
        return AssignRequest(values.get("item_key", ""), values.get("mgt_key_type", ""), values.get("mgt_key", ""))
    if operation == "resend_email":
        return ResendRequest(values.get("mgt_key_type", ""), values.get("mgt_key", ""), values.get("receiver", ""))
    raise ValueError(f"unknown operation: {operation!r}")
