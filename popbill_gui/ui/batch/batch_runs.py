"""Starting and resuming a batch from the batch tab: planned on a job (`service.batches.plan` / `plan_resume`: the
file against the journal, the history and the account), asked on the GUI thread (production, AssignMgtKey, the rows
chosen in Find listed), then run on a job (`batch_job.BatchJob`) whose reports fill the preview as they come.

A plan that is refused goes to the resume flow (`batch_resume.ResumeFlow`): it knows what each refusal offers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from ...service.batches import BatchPlan, BatchReport
from ..log.entries import batch_entry
from .batch_job import BatchJob

if TYPE_CHECKING:
    from ...service.records import Progress, RowOutcome
    from ..log.log_model import LogEntry
    from .batch_choices import FileChoices
    from .batch_questions import BatchQuestions
    from .batch_state import BatchContext

log = logging.getLogger(__name__)


class BatchRuns:
    """Plans, asks, launches and follows the tab's batches; `refused(error)` takes what planning refuses,
    `finished(report)` and `logged(entry)` say how a run ended."""

    def __init__(
        self,
        ctx: BatchContext,
        questions: BatchQuestions,
        choices: FileChoices,
        *,
        refused: Callable[[Exception], None],
        finished: Callable[[BatchReport], None],
        logged: Callable[[LogEntry], None],
    ) -> None:
        self.ctx = ctx
        self.questions = questions
        self.choices = choices
        self._refused = refused
        self._finished = finished
        self._logged = logged
        self.job: BatchJob | None = None
        self.cancelling = False
        self.progress: Progress | None = None

    @property
    def busy(self) -> bool:
        """A batch is running."""
        return self.job is not None

    def running_text(self) -> str:
        return self.ctx.texts.running(self.progress, self.cancelling)

    # -- planning -------------------------------------------------------------------------------------
    def plan(self, work: Callable[[], BatchPlan], on_plan: Callable[[BatchPlan], None]) -> bool:
        """Plan on a job (files, journal, recovery); `on_plan` on the GUI thread, refusals to the resume flow."""
        ctx = self.ctx
        ctx.state.planning = True
        ctx.refresh()
        ctx.status.set(lambda: ctx.texts.checking())

        def planned(plan: BatchPlan) -> None:
            ctx.state.planning = False
            if ctx.state.closed:
                plan.release()  # a resumed batch's run lock: free for the next run at once
            else:
                on_plan(plan)

        def refused(error: Exception) -> None:
            ctx.state.planning = False
            if not ctx.state.closed:
                ctx.refresh()
                self._refused(error)

        return ctx.jobs.submit(work, planned, refused)

    def start(self) -> bool:
        """Plan a new batch of the file shown, with the clerk's choices (hidden rows, rows done before)."""
        ctx = self.ctx
        file = ctx.state.file
        assert file is not None
        batches, hidden, again = ctx.service.batches, self.choices.hidden_choice(), self.choices.again()
        concurrency, skip_invalid = ctx.ui.concurrency.value(), ctx.ui.skip_invalid.isChecked()

        def work() -> BatchPlan:
            chosen = batches.choose_hidden(file, hidden) if file.hidden_rows and hidden else file
            return batches.plan(chosen, concurrency=concurrency, skip_invalid=skip_invalid, again=again)

        return self.plan(work, self._start_planned)

    def _start_planned(self, plan: BatchPlan) -> None:
        ctx = self.ctx
        ctx.show_file(plan.file)  # as planned: an NTS file's ItemKeys, hidden rows left out
        if not plan.rows:
            plan.release()
            ctx.refresh()
            left = len(plan.left_out)
            ctx.status.set(lambda: ctx.texts.nothing_to_send(left))
            return
        if not self._confirm(plan):
            ctx.refresh()
            ctx.status.set(lambda: ctx.texts.not_started())
            return
        self.launch(plan)

    def _confirm(self, plan: BatchPlan) -> bool:
        """Production: every batch; AssignMgtKey: always (it cannot be undone). False: send nothing."""
        ctx = self.ctx
        question = self.questions.confirm_send(
            plan.operation,
            len(plan.rows),
            ctx.session.environment_name == "production",
            chosen=plan.rows if ctx.state.from_find and not plan.resuming else None,
            left_out=len(plan.left_out),
        )
        return question is None or ctx.confirm(*question)

    def resume(self, batch_id: int, *, changed_ok: bool = False) -> bool:
        """Plan the rest of an interrupted batch; `changed_ok`: as journaled, although its file was edited since."""
        ctx = self.ctx
        plan = partial(
            ctx.service.batches.plan_resume,
            batch_id=batch_id,
            concurrency=ctx.ui.concurrency.value(),
            resend_unknown=ctx.ui.resend_unknown.isChecked(),
            changed_ok=changed_ok,
        )
        return self.plan(plan, self._resume_planned)

    def _resume_planned(self, plan: BatchPlan) -> None:
        # Show the batch: its operation, its file, every row's state so far.
        ctx, ui = self.ctx, self.ctx.ui
        ui.operation.blockSignals(True)
        ui.operation.setCurrentIndex(ui.operation.findData(plan.operation))
        ui.operation.blockSignals(False)
        ctx.reader.stop()
        state = ctx.state
        if state.path != str(plan.file.path):
            state.from_find = False
        state.path = str(plan.file.path)
        state.batch_id = plan.batch_id
        state.completed = False
        state.refusal = state.notice = None
        ctx.show_file(plan.file)
        ctx.reader.release_now()
        ctx.model.set_outcomes(plan.outcomes)
        self.choices.show()
        ctx.refresh()
        if plan.rows and not self._confirm(plan):
            plan.release()
            ctx.status.set(lambda: ctx.texts.not_resumed())
            return
        self.launch(plan)
        if plan.changed:  # said under the progress while it runs: what the edit changes
            gone, edited = len(plan.edited_away), len(plan.edited_rows)
            ctx.status.note(lambda: ctx.texts.resuming_changed(plan.batch_id or 0, gone, edited))

    # -- running --------------------------------------------------------------------------------------
    def launch(self, plan: BatchPlan) -> None:
        ctx = self.ctx
        job = BatchJob(
            ctx.service,
            plan,
            ctx.jobs,
            on_started=self._on_started,
            on_rows=self._on_rows,
            on_ended=self._on_ended,
            on_crashed=self._on_crashed,
        )
        self.job = job
        self.cancelling = False
        self.progress = None
        ctx.state.completed = False
        ctx.ui.progress.setRange(0, max(len(plan.rows), 1))
        ctx.ui.progress.setValue(0)
        ctx.refresh()
        ctx.status.set(self.running_text)
        if not job.start():  # the window is closing
            plan.release()
            self.job = None
            ctx.refresh()

    def cancel(self) -> None:
        """No new call; the calls in flight finish and are recorded. The batch stays resumable."""
        job = self.job
        if job is None or self.cancelling:
            return
        self.cancelling = True
        job.cancel()
        self.ctx.refresh()
        self.ctx.status.show()

    def shutdown(self) -> None:
        """The window is closing: cancel and don't wait; the calls in flight finish and are journaled."""
        if self.job is not None:
            self.job.stop_reporting()
            self.job.cancel()

    # -- reports from the run (GUI thread) ------------------------------------------------------------
    def _on_started(self, batch_id: int) -> None:
        ctx = self.ctx
        if ctx.state.closed or self.job is None:
            return
        ctx.state.batch_id = batch_id
        if ctx.model.outcome_count() == 0:  # a new batch: every row pending (or skipped), as journaled
            ctx.model.set_outcomes(self.job.plan.file.initial_outcomes())
        self.choices.show()  # journaled: the choices are the batch's now, their bars go

    def _on_rows(self, outcomes: list[RowOutcome], progress: Progress | None) -> None:
        """Show the outcomes that arrived since the last time: preview, progress bar, status line."""
        ctx = self.ctx
        if ctx.state.closed:
            return
        ctx.model.update_outcomes(outcomes)
        ctx.view.follow(outcomes)
        if progress is not None:
            self.progress = progress
            ctx.ui.progress.setValue(progress.finished)
        ctx.status.show()

    def _on_ended(self, report: BatchReport) -> None:
        from ...service.records import Stop

        ctx = self.ctx
        if ctx.state.closed:
            return
        self.job = None
        self.cancelling = False
        if report.batch_id:
            ctx.state.batch_id = report.batch_id
            ctx.model.set_outcomes(report.outcomes)
            progress = ctx.ui.progress
            progress.setValue(progress.maximum() if report.stop is Stop.COMPLETED else progress.value())
        ctx.state.completed = report.stop is Stop.COMPLETED and bool(report.batch_id)
        ctx.refresh()
        left = len(report.left_out)
        ended = ctx.status.set
        ended(lambda: "\n".join([ctx.texts.ended(report), *([ctx.texts.left_out_done(left)] if left else [])]))
        self._finished(report)
        self._logged(batch_entry(report))

    def _on_crashed(self, error: Exception) -> None:
        ctx = self.ctx
        if ctx.state.closed:
            return
        self.job = None
        self.cancelling = False
        ctx.refresh()
        from ...service.batches import BatchRefused

        if isinstance(error, BatchRefused):  # the file was started elsewhere after it was planned: nothing sent
            self._refused(error)
            return
        log.error("the batch stopped unexpectedly", exc_info=error)
        name = type(error).__name__
        ctx.status.set(lambda: ctx.texts.crashed(name))
