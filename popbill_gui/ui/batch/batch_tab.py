"""The batch tab (일괄 처리): a CSV or Excel file in, one call per row out, watched, cancellable, resumable, exported.

The rules are the service's (`service.batches`: read, plan, run, export), the same as `popbill-cli batch`. Everything
that touches a file, the journal or the network runs on the window's job runner: reading a file returns at once
and the preview fills when the rows are read and checked; Start plans on a job, asks what must be asked on the GUI
thread, then runs the batch on a job (`batch_job.BatchJob`). The tab is built of parts it owns and hands what they
use: its widgets (`batch_widgets.BatchWidgets`, as `self.ui`), the preview's model (`batch_preview.PreviewModel`),
its view (`batch_view.BatchView`: the "failed only" filter, the selected row whole under the table, the running rows
kept in sight), the status line's sentences (`batch_texts.BatchTexts`), exports and templates
(`batch_saving.BatchSaving`). A run's end is logged through `logged`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from ...batch.model import Operation
from ...service import HistoryError, PopbillError
from ...service.batches import BatchPlan, BatchRefused, BatchReport
from ..log.entries import batch_entry
from ..shared import file_dialogs, i18n
from ..shared.advice import Advice
from ..shared.details import DetailTexts
from ..shared.drops import dropped_file
from ..shared.jobs import JobRunner
from ..shared.session import Session, Source
from .batch_job import BatchJob
from .batch_preview import PreviewModel
from .batch_reading import FileReader
from .batch_saving import BatchSaving
from .batch_texts import BatchTexts
from .batch_view import BatchView
from .batch_widgets import BatchWidgets

if TYPE_CHECKING:
    from ...service.records import BatchFile, BatchInfo, Progress, RowOutcome

log = logging.getLogger(__name__)

Confirm = Callable[[str, str], bool]


class BatchTab(QWidget):
    """일괄 처리: choose a file (or drop it), choose the operation, check the preview, start, watch, cancel, export."""

    finished = Signal(object)  # the service's BatchReport when a run ends (batch_id 0: nothing was journaled)
    logged = Signal(object)  # the LogEntry of a run's end, for the window's log
    loaded = Signal(bool)  # a file was read: True when it can be used (the preview shows it), False if refused
    exported = Signal(bool)  # an export ended: True when the file was written

    def __init__(self, session: Session, jobs: JobRunner, confirm: Confirm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchTab")
        self.session = session
        self.service = session.service
        self.jobs = jobs
        self.confirm = confirm
        self.texts = BatchTexts(self)
        self.advice = Advice(self)
        self.model = PreviewModel(self)
        self.ui = BatchWidgets(self, self.model)
        self.view = BatchView(self.ui, self.model, self.texts, DetailTexts(self))
        self.saving = BatchSaving(
            self, self.service, jobs, self.texts, note=self._set_note, exported=self.exported.emit
        )
        self._path: str | None = None
        self.from_find = False  # the file loaded holds invoices chosen in Find (load_file)
        self._file: BatchFile | None = None
        self.reader = FileReader(self.service, jobs, self._file_read, self._file_refused)
        self._planning = False
        self._batch_id: int | None = None
        self._completed = False  # a batch of the file as loaded completed: sending it again needs a new choice
        self._job: BatchJob | None = None
        self._cancelling = False
        self._closed = False
        self._progress: Progress | None = None
        self._status: Callable[[], str] = lambda: ""
        self._note: Callable[[], str] | None = None
        self.ui.operation.currentIndexChanged.connect(self._operation_changed)
        self.ui.choose_button.clicked.connect(self.choose_file)
        self.ui.skip_invalid.toggled.connect(self._skip_invalid_toggled)
        self.ui.start_button.clicked.connect(self.start)
        self.ui.cancel_button.clicked.connect(self.cancel)
        self.ui.export_button.clicked.connect(self.export_results)
        self.ui.template_button.clicked.connect(self.save_template)
        self.ui.switch_button.clicked.connect(self._switch_operation)
        self.setAcceptDrops(True)
        self.retranslate()
        self._set_status(self._idle_text)

    # -- state ----------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A batch is running."""
        return self._job is not None

    @property
    def working(self) -> bool:
        """Anything under way: a file being read, a start being planned, a batch running."""
        return self.busy or self.reader.reading or self._planning

    @property
    def batch_id(self) -> int | None:
        """The journaled batch shown in the preview, if any."""
        return self._batch_id

    def current_operation(self) -> Operation:
        return cast("Operation", self.ui.operation.currentData())

    def set_operation(self, operation: Operation) -> None:
        """Choose the operation as the combo box does (the loaded file is read again for it)."""
        index = self.ui.operation.findData(operation)
        if index < 0:
            raise ValueError(f"unknown operation: {operation!r}")
        self.ui.operation.setCurrentIndex(index)

    def _production(self) -> bool:
        return self.session.environment_name == "production"

    def _start_blocker(self) -> str | None:
        """Why Start cannot be pressed now, in words; None when it can."""
        text = self.texts.blocker(
            busy=self.busy or self._planning,
            loading=self.reader.reading,
            file=self._file,
            completed=self._completed,
            skip_invalid=self.ui.skip_invalid.isChecked(),
        )
        return text or None

    def refresh(self) -> None:
        busy = self.busy or self._planning
        for widget in (self.ui.operation, self.ui.choose_button, self.ui.skip_invalid, self.ui.concurrency):
            widget.setEnabled(not busy)
        resend = self.current_operation() == "resend_email"
        self.ui.resend_unknown.setEnabled(not busy and resend)
        if not resend:
            self.ui.resend_unknown.setChecked(False)
        blocker = self._start_blocker()
        self.ui.start_button.setEnabled(blocker is None)
        self.ui.start_button.setToolTip(blocker or self.tr("Send one call per valid row of the file."))
        self.ui.cancel_button.setEnabled(self.busy and not self._cancelling)
        self.ui.export_button.setEnabled(not busy and not self.reader.reading and self._file is not None)

    # -- status line ----------------------------------------------------------------------------------
    def _set_status(self, producer: Callable[[], str]) -> None:
        """Show a status; kept as a function so a language change can say it again in the new language."""
        self._status = producer
        self._note = None
        self._show_status()

    def _set_note(self, producer: Callable[[], str]) -> None:
        """A line under the status (where an export went), until the status changes."""
        self._note = producer
        self._show_status()

    def _show_status(self) -> None:
        text = self._status()
        if self._note is not None:
            text = f"{text}\n{self._note()}" if text else self._note()
        self.ui.status.setText(text)

    def _idle_text(self) -> str:
        blocker = self._start_blocker() or ""
        if self._file is None or self.reader.reading:
            return blocker
        summary = self.texts.file_summary(self._file)
        return f"{summary} {blocker}" if blocker else summary

    def _running_text(self) -> str:
        return self.texts.running(self._progress, self._cancelling)

    # -- language -------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.texts.apply(self.ui)
        self.model.refresh_texts()  # the core's sentences (row problems, states, hints) in the new language
        self.refresh()
        self._show_status()

    # -- the file -------------------------------------------------------------------------------------
    def _operation_changed(self) -> None:
        if self._path is not None and not self.busy:
            self.load_file(self._path)  # the columns and the rules depend on the operation
        else:
            self.refresh()

    def _skip_invalid_toggled(self) -> None:
        self.refresh()
        if not self.busy and self._batch_id is None:
            self._set_status(self._idle_text)

    def choose_file(self) -> None:
        folder = str(Path(self._path).parent) if self._path else ""
        path = file_dialogs.open_path(
            self, self.tr("Choose a batch file"), folder, self.tr("CSV or Excel (*.csv *.xlsx)")
        )
        if path:
            self.load_file(path)

    def _show_path(self, path: str) -> None:
        self._path = path
        self.ui.file_label.setText(path)
        self.ui.file_label.setToolTip(path)

    def load_file(self, path: str, *, from_find: bool = False) -> bool:
        """Read and check `path` for the chosen operation on a job; returns at once (False: refused now, the reason
        shown). The preview fills, and `loaded` is emitted, when the rows are read and checked. `from_find`: the
        rows are invoices chosen in Find (`handoff.py`), not a file of the clerk's."""
        if self.busy or self._planning:
            self._set_status(lambda: self.tr("A batch is running: wait for it to end, or cancel it."))
            return False
        self.from_find = from_find
        path = str(Path(path).absolute())
        operation = self.current_operation()
        self._show_path(path)
        self.ui.switch_button.hide()
        self.ui.intro.hide()  # the room goes to the rows
        self.reader.let_go(self._file, *self.model.set_file(operation, []))
        self._file = None
        self._batch_id = None
        self._completed = False
        self.reader.read(path, operation)
        self.ui.progress.setRange(0, 0)  # busy: the length is not known yet
        self.refresh()
        self._set_status(self._idle_text)
        return True

    def _file_read(self, file: BatchFile) -> None:
        if self._closed:
            return
        self._file = file
        self.ui.progress.setRange(0, 1)
        self.ui.progress.setValue(0)
        self.reader.let_go(None, *self.model.set_file(file.operation, file.rows, file.positions, file.columns))
        self.view.fit_columns()
        self.refresh()
        self._set_status(self._idle_text)
        self.loaded.emit(True)

    def _file_refused(self, error: Exception) -> None:
        from ...service.records import BatchFileError

        if self._closed:
            return
        self.ui.progress.setRange(0, 1)
        self.ui.progress.setValue(0)
        self.refresh()
        if isinstance(error, BatchFileError):
            refusal = error
            other = refusal.params.get("operation") if refusal.key == "batch.other_operation" else None
            if other is not None:  # the file fits the other operation: one click switches (and reads it again)
                self.ui.switch_button.setText(self.texts.switch(other))  # type: ignore[arg-type]
                self.ui.switch_button.setProperty("operation", other)
                self.ui.switch_button.show()
            self._set_status(
                lambda: self.tr("The file cannot be used, nothing will be sent: %1").replace(
                    "%1", refusal.describe(i18n.lang())
                )
            )
        else:
            self._internal_error(error)
        self.loaded.emit(False)

    def _switch_operation(self) -> None:
        operation = self.ui.switch_button.property("operation")
        self.ui.switch_button.hide()
        if operation and not self.busy:
            self.set_operation(operation)

    # -- drag and drop --------------------------------------------------------------------------------
    def _drag(self, event: QDragMoveEvent) -> None:
        if not self.busy and dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event.mimeData())
        if path is None or self.busy:
            event.ignore()
            return
        event.acceptProposedAction()
        self.load_file(path)

    # -- starting -------------------------------------------------------------------------------------
    def _confirm_send(self, operation: Operation, count: int) -> bool:
        """Production: every batch; AssignMgtKey: always (it cannot be undone). False: send nothing."""
        question = self.texts.confirm_send(operation, count, self._production())
        return question is None or self.confirm(*question)

    def _credentials_missing(self) -> bool:
        """True (the reason shown) when there are no credentials to send with."""
        self.session.prepare()
        if self.session.source is Source.PENDING:
            self._set_status(lambda: self.tr("The credentials are still being read from the keyring: try again."))
            return True
        if self.session.credentials is None:  # the window's words (파일 → 설정), not the command line's
            self._set_status(self.advice.no_credentials)
            return True
        return False

    def _plan(self, work: Callable[[], BatchPlan], on_plan: Callable[[BatchPlan], None]) -> bool:
        """Plan on a job (files, journal, recovery); `on_plan` on the GUI thread, refusals shown."""
        self._planning = True
        self.refresh()
        self._set_status(lambda: self.tr("Checking the file against the journal."))

        def planned(plan: BatchPlan) -> None:
            self._planning = False
            if self._closed:
                plan.release()  # a resumed batch's run lock: free for the next run at once
            else:
                on_plan(plan)

        def refused(error: Exception) -> None:
            self._planning = False
            if not self._closed:
                self._plan_refused(error)

        return self.jobs.submit(work, planned, refused)

    def start(self) -> bool:
        """What the Start button does: True when the batch is being planned (it then asks, shows and runs on its
        own); False if nothing was started (the reason shown)."""
        file = self._file
        if self._start_blocker() is not None or file is None:
            self.refresh()
            self._set_status(lambda: self._start_blocker() or "")
            return False
        if self._credentials_missing():
            return False
        plan = partial(
            self.service.batches.plan,
            file,
            concurrency=self.ui.concurrency.value(),
            skip_invalid=self.ui.skip_invalid.isChecked(),
        )
        return self._plan(plan, self._start_planned)

    def _show_planned(self, file: BatchFile) -> None:
        """The file as planned, when planning changed it: an assign file by NTS number, with the ItemKey each number
        found (or why it found none) in the preview and in the export."""
        if file is self._file:
            return
        self.reader.let_go(self._file, *self.model.set_file(file.operation, file.rows, None, file.result_columns))
        self._file = file
        self.view.fit_columns()

    def _start_planned(self, plan: BatchPlan) -> None:
        self._show_planned(plan.file)
        if not self._confirm_send(plan.operation, len(plan.rows)):
            self.refresh()
            self._set_status(lambda: self.tr("Not started: nothing was sent."))
            return
        self._launch(plan)

    def _offer_resume(self, info: BatchInfo) -> None:
        """Start found this file's interrupted batch: a new batch would send the rows already done again."""
        if self.confirm(*self.texts.resume_offer(info)):
            self.resume(info.id)
            return
        self._set_status(
            lambda: self.tr(
                "Not started: this file has an interrupted batch. Resume it to send the rest; starting anew would "
                "send the rows already done again."
            )
        )

    def _plan_refused(self, error: Exception) -> None:
        self.refresh()
        if isinstance(error, BatchRefused) and error.key == "batch.interrupted_exists" and error.batch is not None:
            self._offer_resume(error.batch)
        elif isinstance(error, BatchRefused):
            refusal = error
            if refusal.file is not None:  # found invalid while planning (NTS numbers): the rows say why
                self._show_planned(refusal.file)
                self.refresh()
                self._set_status(self._idle_text)
            else:
                self._set_status(lambda: refusal.describe(i18n.lang()))
        elif isinstance(error, PopbillError):  # e.g. the network failed while NTS numbers were looked up
            failure = error
            self._set_status(lambda: self.tr("Not started: %1").replace("%1", self.texts.error(failure)))
        elif isinstance(error, HistoryError):
            reason = str(error)
            self._set_status(
                lambda: self.tr("The history cannot be used, so nothing is sent: %1").replace("%1", reason)
            )
        else:
            self._internal_error(error)

    def resume(self, batch_id: int) -> bool:
        """Continue an interrupted batch: done rows are skipped, rows never started are sent, rows whose outcome is
        unknown are flagged for checking (and, for Resend email only, sent again when the box is ticked). True
        when it is being planned; the refusals (another account, a changed file) are shown when found."""
        if self.busy or self._planning:
            self._set_status(lambda: self.tr("A batch is running: wait for it to end, or cancel it."))
            return False
        if self._credentials_missing():
            return False
        plan = partial(
            self.service.batches.plan_resume,
            batch_id=batch_id,
            concurrency=self.ui.concurrency.value(),
            resend_unknown=self.ui.resend_unknown.isChecked(),
        )
        return self._plan(plan, self._resume_planned)

    def _resume_planned(self, plan: BatchPlan) -> None:
        # Show the batch: its operation, its file, every row's state so far.
        self.ui.operation.blockSignals(True)
        self.ui.operation.setCurrentIndex(self.ui.operation.findData(plan.operation))
        self.ui.operation.blockSignals(False)
        self._show_path(str(plan.file.path))
        self.reader.stop()
        if plan.file is not self._file:
            file = plan.file
            self.reader.let_go(self._file, *self.model.set_file(file.operation, file.rows, None, file.result_columns))
            self.reader.release_now()
        self._file = plan.file
        self._completed = False
        self._batch_id = plan.batch_id
        self.view.fit_columns()
        self.model.set_outcomes(plan.outcomes)
        self.refresh()
        if plan.rows and not self._confirm_send(plan.operation, len(plan.rows)):
            plan.release()
            self._set_status(lambda: self.tr("Not resumed: nothing was sent."))
            return
        self._launch(plan)

    def _launch(self, plan: BatchPlan) -> None:
        job = BatchJob(
            self.service,
            plan,
            self.jobs,
            on_started=self._on_started,
            on_rows=self._on_rows,
            on_ended=self._on_ended,
            on_crashed=self._on_crashed,
        )
        self._job = job
        self._cancelling = False
        self._completed = False
        self._progress = None
        self.ui.progress.setRange(0, max(len(plan.rows), 1))
        self.ui.progress.setValue(0)
        self.refresh()
        self._set_status(self._running_text)
        if not job.start():  # the window is closing
            plan.release()
            self._job = None
            self.refresh()

    # -- reports from the run (GUI thread) ------------------------------------------------------------
    def _on_started(self, batch_id: int) -> None:
        if self._closed or self._job is None:
            return
        self._batch_id = batch_id
        if self.model.outcome_count() == 0:  # a new batch: every row pending (or skipped), as journaled
            self.model.set_outcomes(self._job.plan.file.initial_outcomes())

    def _on_rows(self, outcomes: list[RowOutcome], progress: Progress | None) -> None:
        """Show the outcomes that arrived since the last time: preview, progress bar, status line."""
        if self._closed:
            return
        self.model.update_outcomes(outcomes)
        self.view.follow(outcomes)
        if progress is not None:
            self._progress = progress
            self.ui.progress.setValue(progress.finished)
        self._show_status()

    def _on_ended(self, report: BatchReport) -> None:
        from ...service.records import Stop

        if self._closed:
            return
        self._job = None
        self._cancelling = False
        if report.batch_id:
            self._batch_id = report.batch_id
            self.model.set_outcomes(report.outcomes)
            progress = self.ui.progress
            progress.setValue(progress.maximum() if report.stop is Stop.COMPLETED else progress.value())
        self._completed = report.stop is Stop.COMPLETED and bool(report.batch_id)
        self.refresh()
        self._set_status(lambda: self.texts.ended(report))
        self.finished.emit(report)
        self.logged.emit(batch_entry(report))

    def _on_crashed(self, error: Exception) -> None:
        if self._closed:
            return
        self._job = None
        self._cancelling = False
        if isinstance(error, BatchRefused):  # the file was started elsewhere after it was planned: nothing sent
            self._plan_refused(error)
            return
        self.refresh()
        log.error("the batch stopped unexpectedly", exc_info=error)
        name = type(error).__name__
        self._set_status(
            lambda: self.tr(
                "Internal error (%1): the batch stopped. The rows already sent are recorded; press Start to resume."
            ).replace("%1", name)
        )

    def _internal_error(self, error: Exception) -> None:
        log.error("unexpected failure in the batch tab", exc_info=error)
        name = type(error).__name__
        self._set_status(lambda: self.tr("Internal error (%1). The window keeps working.").replace("%1", name))

    # -- exports (batch_saving.py) ----------------------------------------------------------------------------
    def export_results(self) -> None:
        """What the Export button does: ask where, then write every row with its outcome."""
        file = self._file
        if file is None or self.busy:
            return
        path = self.saving.ask_results_path(file)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> bool:
        """Write the results to `path` on a job; False if there is nothing to export."""
        file = self._file
        return file is not None and self.saving.export(path, file, self.model.outcomes())

    def save_template(self) -> None:
        """What Save template… does: ask where, then write the header row of the chosen operation."""
        operation = self.current_operation()
        path = self.saving.ask_template_path(self.saving.folder(self._path), operation)
        if path:
            self.template_to(path)

    def template_to(self, path: str, operation: Operation | None = None) -> bool:
        """Write the template of `operation` (the chosen one by default) to `path`, on a job."""
        return self.saving.template(path, operation or self.current_operation())

    # -- cancel, close --------------------------------------------------------------------------------------
    def cancel(self) -> None:
        """No new call; the calls in flight finish and are recorded. The batch stays resumable."""
        job = self._job
        if job is None or self._cancelling:
            return
        self._cancelling = True
        job.cancel()
        self.refresh()
        self._show_status()

    def shutdown(self) -> None:
        """The window is closing: cancel and don't wait. Calls in flight finish on their threads, and are
        journaled; their reports reach nobody."""
        self._closed = True
        if self._job is not None:
            self._job.stop_reporting()
            self._job.cancel()
