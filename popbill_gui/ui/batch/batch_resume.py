"""The batch tab's flow for a file whose batch was interrupted, and for every refusal of a plan.

Start on a file with an interrupted batch offers to resume it (a new batch would send its done rows again). Start or
resume on a file edited since its batch was interrupted ("batch.file_changed_since") sends nothing and shows the
clerk's two ways on, in a bar above the preview (`batchChanged`), as `popbill-cli batch --resume / --abandon` offers
them: resume the batch as journaled (`plan_resume(changed_ok=True)`: rows done or to check never again, rows changed
in the file left for its next run), or abandon it (`service.batches.abandon`, asked first), after which the file is
read again and a new batch of it leaves out what the abandoned one did or may have done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...core.messages import text
from ...service import HistoryError, PopbillError
from ...service.batches import BatchRefused
from ..shared import i18n
from .batch_state import internal_error

if TYPE_CHECKING:
    from ...service.records import BatchInfo
    from .batch_questions import BatchQuestions
    from .batch_state import BatchContext, Words


class ResumeFlow:
    """Takes what planning refuses; `resume(batch_id, changed_ok)` plans a resume, `reload(path, notice)` reads the
    batch's file again after it was abandoned."""

    def __init__(
        self,
        ctx: BatchContext,
        questions: BatchQuestions,
        *,
        resume: Callable[[int, bool], bool],
        reload: Callable[[str, Words], None],
    ) -> None:
        self.ctx = ctx
        self.questions = questions
        self._resume = resume
        self._reload = reload
        self.changed: BatchRefused | None = None  # the edited file's refusal, while its choices are offered
        ctx.ui.resume_changed.clicked.connect(self.resume_as_journaled)
        ctx.ui.abandon.clicked.connect(self.abandon)

    @property
    def changed_batch(self) -> BatchInfo | None:
        return self.changed.batch if self.changed is not None else None

    def refused(self, error: Exception) -> None:
        """What a plan refused, in words, with what the clerk can do about it."""
        ctx = self.ctx
        if isinstance(error, BatchRefused) and error.batch is not None and error.key == "batch.interrupted_exists":
            self.offer_resume(error.batch)
        elif isinstance(error, BatchRefused) and error.batch is not None and error.key == "batch.file_changed_since":
            self.offer_choices(error)
        elif isinstance(error, BatchRefused):
            refusal = error
            if refusal.file is not None:  # found invalid while planning (NTS numbers): the rows say why
                ctx.show_file(refusal.file)
                ctx.refresh()
                ctx.idle()
            else:
                ctx.status.set(lambda: refusal.describe(i18n.lang()))
        elif isinstance(error, PopbillError):  # e.g. the network failed while NTS numbers were looked up
            failure = error
            ctx.status.set(lambda: ctx.texts.not_started_because(ctx.texts.error(failure)))
        elif isinstance(error, HistoryError):
            history = error
            ctx.status.set(lambda: ctx.texts.history_unusable(history.describe(i18n.lang())))
        else:
            internal_error(ctx, error)

    def offer_resume(self, info: BatchInfo) -> None:
        """Start found this file's interrupted batch: a new batch would send the rows already done again."""
        ctx = self.ctx
        if ctx.confirm(*self.questions.resume_offer(info)):
            self._resume(info.id, False)
            return
        ctx.status.set(lambda: ctx.texts.interrupted_not_started())

    # -- an edited file -------------------------------------------------------------------------------
    def offer_choices(self, refusal: BatchRefused) -> None:
        """The file changed since its batch was interrupted: nothing sent; the two ways on, above the preview."""
        self.changed = refusal
        self.retranslate()
        self.ctx.status.set(lambda: self.ctx.texts.choose_changed())
        self.ctx.refresh()

    def hide(self) -> None:
        self.changed = None
        self.ctx.ui.changed_bar.hide()

    def retranslate(self) -> None:
        if self.changed is not None:
            self.questions.apply(self.ctx.ui, self.changed_batch.id if self.changed_batch else None)
            self.ctx.ui.changed_bar.ask(self.changed.describe(i18n.lang()))

    def resume_as_journaled(self) -> bool:
        info = self.changed_batch
        if info is None or self.ctx.state.planning:
            return False
        self.hide()
        return self._resume(info.id, True)

    def abandon(self) -> bool:
        """Abandon the edited file's batch (asked first), on a job; then read the file again: a new batch of it
        leaves out what the abandoned one did or may have done."""
        ctx = self.ctx
        info = self.changed_batch
        if info is None or ctx.state.planning or not ctx.confirm(*self.questions.abandon(info)):
            return False
        self.hide()
        ctx.state.planning = True
        ctx.refresh()
        batches = ctx.service.batches

        def abandoned(done: BatchInfo) -> None:
            from ...service.records import RowState

            ctx.state.planning = False
            if ctx.state.closed:
                return
            numbers = {"batch": done.id, "done": done.counts[RowState.DONE], "unknown": done.counts[RowState.UNKNOWN]}
            self._reload(
                done.source, lambda: f"{text('batch.abandoned', i18n.lang(), **numbers)} {ctx.texts.after_abandon()}"
            )

        def failed(error: Exception) -> None:
            ctx.state.planning = False
            if not ctx.state.closed:
                ctx.refresh()
                self.refused(error)

        return ctx.jobs.submit(lambda: batches.abandon(batch_id=info.id), abandoned, failed)
