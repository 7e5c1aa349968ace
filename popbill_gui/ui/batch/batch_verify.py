"""팝빌에서 확인 (`batchVerify`): a finished assign batch's invoices looked up on POPBiLL, as `popbill-cli batch verify`
does (`service.batches.history.verify`: a Search where one covers many rows, the invoice's detail otherwise), on a
job. Each row then says in its own column whether its invoice carries the document ID the batch gave it, the status
line counts them, and an export gains the column. Read-only: nothing is sent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...service import HistoryError, PopbillError
from ...service.batches import BatchRefused
from ..shared import i18n
from .batch_state import internal_error

if TYPE_CHECKING:
    from ...service.batch_history import Verification
    from .batch_state import BatchContext


class Verifier:
    """Offers the check when the tab shows an ended assign batch, runs it, and shows what it found."""

    def __init__(self, ctx: BatchContext) -> None:
        self.ctx = ctx
        ctx.ui.verify_button.clicked.connect(self.verify)

    def offered(self, busy: bool) -> bool:
        """Whether the tab shows an assign batch that has ended (done or stopped), so that there is something to
        check on POPBiLL."""
        state = self.ctx.state
        file = state.file
        return (
            not busy
            and state.batch_id is not None
            and file is not None
            and file.operation == "assign_mgt_key"
            and self.ctx.model.outcome_count() > 0
        )

    def verdicts(self) -> dict[int, str] | None:
        """What the check found for each row, in the window's language; None before a check."""
        verification = self.ctx.state.verification
        if verification is None:
            return None
        lang = i18n.lang()
        return {row.row: verification.verdict(row, lang) for row in verification.rows}

    def retranslate(self) -> None:
        if self.ctx.state.verification is not None:
            self.ctx.model.set_verified(self.verdicts())

    def verify(self) -> bool:
        """Look the batch's invoices up on a job; True when the check started."""
        ctx = self.ctx
        state = ctx.state
        if state.verifying or state.path is None or not self.offered(state.planning) or ctx.credentials_missing():
            return False
        path = state.path
        history = ctx.service.batches.history
        reporter = ctx.jobs.reporter(lambda counts: ctx.status.set(lambda: ctx.texts.verifying(*counts)))
        state.verifying = True
        ctx.refresh()
        ctx.status.set(lambda: ctx.texts.verifying_start())

        def checked(verification: Verification) -> None:
            reporter.closed = True
            state.verifying = False
            if state.closed:
                return
            state.verification = verification
            ctx.model.set_verified(self.verdicts())
            ctx.view.fit_columns()
            ctx.refresh()
            ctx.status.set(lambda: ctx.texts.verified(verification.checked, verification.ok))

        def failed(error: Exception) -> None:
            reporter.closed = True
            state.verifying = False
            if state.closed:
                return
            ctx.refresh()
            if isinstance(error, BatchRefused):
                refusal = error
                ctx.status.set(lambda: refusal.describe(i18n.lang()))
            elif isinstance(error, PopbillError):
                failure = error
                ctx.status.set(lambda: ctx.texts.not_checked(ctx.texts.error(failure)))
            elif isinstance(error, HistoryError):
                history_error = error
                ctx.status.set(lambda: ctx.texts.not_checked(history_error.describe(i18n.lang())))
            else:
                internal_error(ctx, error)

        def work() -> Verification:
            return history.verify(path, progress=lambda done, total: reporter.report((done, total)))

        return ctx.jobs.submit(work, checked, failed)
