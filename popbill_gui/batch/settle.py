"""Settling AssignMgtKey rows whose answer was lost, by looking the invoice up (`core/assigned.py`).

Our document ID on the invoice: the row is done ("확인됨: 조회로 확인"). No document ID: it was not carried out, so
it is pending again and may be sent again, once in a run. Another document ID: failed, with both IDs named. A
look-up that fails or finds no invoice proves nothing: the row stays unknown (확인 필요). SendEmail has no such
proof and is never settled here. Used by the runner as the run goes, at its end, and at the start of a resumed run.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Final

from ..core.errors import PopbillError
from ..core.messages import Lang, text
from .model import InputRow, RowOutcome, RowState

# core/assigned.py (the look-ups, and with them the search's modules) loads with the first look-up: a batch of mails
# never needs it.
if TYPE_CHECKING:
    from ..core.assigned import Check
    from ..core.client import TaxinvoiceClient
    from .journal import Journal

log = logging.getLogger(__name__)

LOST_IN_A_ROW: Final = 3  # answers lost one after the other that stop a batch, settled by looking or not


def settled_outcome(outcome: RowOutcome, values: dict[str, str], check: Check, lang: Lang) -> RowOutcome:
    """The row's outcome once the invoice has been looked up (`outcome`: the one with the lost answer)."""
    from ..core.assigned import Checked

    if check.checked is Checked.ASSIGNED:
        message = text("check.assigned", lang)
        return RowOutcome(outcome.row, RowState.DONE, None, message, outcome.http_status, outcome.duration)
    if check.checked is Checked.NOT_ASSIGNED:
        message = text("check.not_assigned", lang)
        return RowOutcome(outcome.row, RowState.PENDING, outcome.code, message, outcome.http_status, outcome.duration)
    message = text("check.other_key", lang, ours=values.get("mgt_key", ""), other=check.found_key)
    return RowOutcome(outcome.row, RowState.FAILED, None, message, outcome.http_status, outcome.duration)


class Settler:
    """The look-ups of one AssignMgtKey run, and which rows it has sent again (once each)."""

    def __init__(self, client: TaxinvoiceClient, journal: Journal) -> None:
        self.client = client
        self.journal = journal
        self._lock = threading.Lock()
        self._resent: set[int] = set()

    def take_resend(self, row: int) -> bool:
        """Whether the row may be sent again after a look-up showed it was not carried out: once in a run."""
        with self._lock:
            if row in self._resent:
                return False
            self._resent.add(row)
            return True

    def check(self, values: dict[str, str]) -> Check | None:
        """The look-up; None when it proves nothing. Lets a PopbillError (the look-up failed) through."""
        from ..core.assigned import check_assignment

        return check_assignment(self.client, values["item_key"], values["mgt_key_type"], values["mgt_key"])

    def settle(self, row: InputRow, outcome: RowOutcome, error: PopbillError) -> RowOutcome:
        """As the run goes: the outcome of a row whose answer was just lost (unknown unless the look-up tells)."""
        try:
            check = self.check(row.values)
        except PopbillError as exc:
            log.warning("row %s: the look-up after a lost answer failed too (%s)", row.row, exc.kind.value)
            return outcome
        if check is None:
            return outcome
        log.info(
            "row %s: the lost answer (%s) settled by a look-up: %s", row.row, error.kind.value, check.checked.value
        )
        return settled_outcome(outcome, row.values, check, self.client.lang)

    def settle_unknown(self, batch_id: int) -> list[tuple[InputRow, RowOutcome]]:
        """The batch's rows left unknown (an earlier run, a crash), looked up one by one and journaled as the
        invoice says; the first look-up that fails ends the pass (the others stay unknown). HistoryFailure when
        the journal cannot be written."""
        settled: list[tuple[InputRow, RowOutcome]] = []
        for journaled in self.journal.batch_rows(batch_id, [RowState.UNKNOWN]):
            try:
                check = self.check(journaled.values)
            except PopbillError as exc:
                log.warning("the rows left unknown could not be looked up (%s)", exc.kind.value)
                break
            except KeyError:  # a row without the values a look-up needs: nothing to prove
                continue
            if check is None:
                continue
            outcome = settled_outcome(journaled.outcome, journaled.values, check, self.client.lang)
            self.journal.mark_result(batch_id, journaled.row, outcome)
            settled.append((journaled.input_row(), outcome))
        return settled
