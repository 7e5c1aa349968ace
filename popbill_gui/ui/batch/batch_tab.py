"""The batch tab (일괄 처리): a CSV or Excel file in, one call per row out, watched, cancellable, resumable, exported.

The rules are the service's (`service.batches`: read, plan, run, export), the same as `popbill-cli batch`. Everything
that touches a file, the journal or the network runs on the window's job runner: reading a file returns at once
and the preview fills when the rows are read and checked. The tab is a host of parts, each with one job, sharing
one `BatchContext` (batch_state.py): its widgets (`batch_widgets.BatchWidgets`, as `self.ui`), the preview's model
(`batch_preview.PreviewModel`) and view (`batch_view.BatchView`), the file's notes and the clerk's choices before
sending (`batch_choices.FileChoices`: hidden rows, rows done before), starting and following a run
(`batch_runs.BatchRuns`), what a refused plan offers (`batch_resume.ResumeFlow`: an interrupted batch, an edited
file), the check on POPBiLL (`batch_verify.Verifier`), exports and templates (`batch_saving.BatchSaving`), and the
words (`batch_texts.BatchTexts`, `batch_questions.BatchQuestions`). A run's end is logged through `logged`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from ...batch.model import Operation
from ..shared import file_dialogs, i18n
from ..shared.advice import Advice
from ..shared.details import DetailTexts
from ..shared.drops import dropped_file
from ..shared.jobs import JobRunner
from ..shared.session import Session, Source
from .batch_choices import FileChoices
from .batch_preview import PreviewModel
from .batch_questions import BatchQuestions
from .batch_reading import FileReader
from .batch_resume import ResumeFlow
from .batch_runs import BatchRuns
from .batch_saving import BatchSaving
from .batch_state import BatchContext, Confirm, StatusLine, TabState, Words, internal_error
from .batch_texts import BatchTexts
from .batch_verify import Verifier
from .batch_view import BatchView
from .batch_widgets import BatchWidgets

if TYPE_CHECKING:
    from ...service.records import BatchFile, LeftOut


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
        self.confirm = confirm  # tests replace it
        self.texts = BatchTexts(self)
        self.questions = BatchQuestions(self)
        self.advice = Advice(self)
        self.model = PreviewModel(self)
        self.ui = BatchWidgets(self, self.model)
        self.view = BatchView(self.ui, self.model, self.texts, DetailTexts(self))
        self.state = TabState()
        self.status = StatusLine(self.ui.status)
        self.reader = FileReader(self.service, jobs, self._file_read, self._file_refused)
        self._ctx = ctx = BatchContext(
            self.service, session, jobs, lambda title, text: self.confirm(title, text), self.ui, self.model,
            self.view, self.texts, self.status, self.state, self.reader, self.refresh, self._show_idle,
            self._show_file, self._credentials_missing,
        )  # fmt: skip
        self.choices = FileChoices(ctx, self.questions)
        self.runs = BatchRuns(
            ctx, self.questions, self.choices, refused=self._refused, finished=self.finished.emit,
            logged=self.logged.emit,
        )  # fmt: skip
        self.resume_flow = ResumeFlow(
            ctx, self.questions, resume=lambda batch_id, changed_ok: self.resume(batch_id, changed_ok=changed_ok),
            reload=self._reload,
        )  # fmt: skip
        self.verifier = Verifier(ctx)
        self.saving = BatchSaving(
            self, self.service, jobs, self.texts, note=self.status.note, exported=self.exported.emit
        )
        ui = self.ui
        ui.operation.currentIndexChanged.connect(self._operation_changed)
        ui.choose_button.clicked.connect(self.choose_file)
        ui.skip_invalid.toggled.connect(self._option_toggled)
        ui.start_button.clicked.connect(self.start)
        ui.cancel_button.clicked.connect(self.cancel)
        ui.export_button.clicked.connect(self.export_results)
        ui.template_button.clicked.connect(self.save_template)
        ui.switch_button.clicked.connect(self._switch_operation)
        self.setAcceptDrops(True)
        self.retranslate()
        self.status.set(self._idle_text)

    # -- state ----------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A batch is running."""
        return self.runs.busy

    @property
    def working(self) -> bool:
        """Anything under way: a file being read, a start being planned, a batch running, a check on POPBiLL."""
        return self.busy or self.reader.reading or self.state.planning or self.state.verifying

    @property
    def batch_id(self) -> int | None:
        """The journaled batch shown in the preview, if any."""
        return self.state.batch_id

    @property
    def from_find(self) -> bool:
        """The rows shown were chosen in Find (`load_file(path, from_find=True)`), not read from a file of the
        clerk's: the confirmation lists the chosen invoices."""
        return self.state.from_find

    def current_operation(self) -> Operation:
        return cast("Operation", self.ui.operation.currentData())

    def set_operation(self, operation: Operation) -> None:
        """Choose the operation as the combo box does (the loaded file is read again for it)."""
        index = self.ui.operation.findData(operation)
        if index < 0:
            raise ValueError(f"unknown operation: {operation!r}")
        self.ui.operation.setCurrentIndex(index)

    def _start_blocker(self) -> str | None:
        """Why Start cannot be pressed now, in words; None when it can."""
        state = self.state
        text = self.texts.blocker(
            busy=self.busy or state.planning or state.verifying,
            loading=self.reader.reading,
            file=state.file,
            completed=state.completed,
            skip_invalid=self.ui.skip_invalid.isChecked(),
            hidden_chosen=self.choices.hidden_chosen(),
        )
        return text or None

    def refresh(self) -> None:
        """The controls as the state allows."""
        ui, state = self.ui, self.state
        busy = self.busy or state.planning or state.verifying
        for widget in (ui.operation, ui.choose_button, ui.skip_invalid, ui.concurrency, ui.changed_bar):
            widget.setEnabled(not busy)
        for widget in (ui.hidden_bar, ui.left_out_bar):
            widget.setEnabled(not busy and state.batch_id is None)
        resend = self.current_operation() == "resend_email"
        ui.resend_unknown.setEnabled(not busy and resend)
        if not resend:
            ui.resend_unknown.setChecked(False)
        blocker = self._start_blocker()
        ui.start_button.setEnabled(blocker is None)
        ui.start_button.setToolTip(blocker or self.tr("Send one call per valid row of the file."))
        ui.cancel_button.setEnabled(self.busy and not self.runs.cancelling)
        ui.export_button.setEnabled(not busy and not self.reader.reading and state.file is not None)
        ui.verify_button.setVisible(self.verifier.offered(self.busy or state.planning))
        ui.verify_button.setEnabled(not busy)

    # -- status line ----------------------------------------------------------------------------------
    def _idle_text(self) -> str:
        """What the file is and what to do next: why it was refused, or its summary and why Start waits."""
        state = self.state
        if state.refusal is not None and state.file is None and not self.reader.reading:
            return state.refusal()  # kept through every option ticked since
        blocker = self._start_blocker() or ""
        if state.file is None and not self.reader.reading and state.path is None:
            return f"{self.texts.intro()} {blocker}"  # what the tab is for, where the rows will be
        if state.file is None or self.reader.reading:
            return blocker
        parts = [state.notice()] if state.notice is not None else []
        parts += [self.texts.file_summary(state.file), blocker]
        return " ".join(part for part in parts if part)

    def _show_idle(self) -> None:
        self.status.set(self._idle_text)

    # -- language -------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.texts.apply(self.ui)
        changed = self.resume_flow.changed_batch
        self.questions.apply(self.ui, changed.id if changed is not None else None)
        self._show_path()
        self.choices.show()
        self.resume_flow.retranslate()
        self.verifier.retranslate()
        self.model.refresh_texts()  # the core's sentences (row problems, states, hints) in the new language
        self.view.fit_result_column()
        self.refresh()
        self.status.show()

    # -- the file -------------------------------------------------------------------------------------
    def _operation_changed(self) -> None:
        if self.state.path is not None and not self.busy:
            self.load_file(self.state.path, from_find=self.state.from_find)  # the columns and rules depend on it
        else:
            self.refresh()

    def _option_toggled(self) -> None:
        self.refresh()
        if not self.busy and self.state.batch_id is None:
            self._show_idle()

    def choose_file(self) -> None:
        folder = str(Path(self.state.path).parent) if self.state.path else ""
        filters = self.tr("CSV or Excel (*.csv *.xlsx *.xls)")
        path = file_dialogs.open_path(self, self.tr("Choose a batch file"), folder, filters)
        if path:
            self.load_file(path)

    def _show_path(self) -> None:
        """The file line: the file's path (whole in the tooltip), or the invoices chosen in Find; then what was read
        (the sheet, a type assumed, the clerk's own columns)."""
        state, label = self.state, self.ui.file_label
        if state.path is None:
            label.setText(self.tr("No file chosen."))
            label.setToolTip("")
            return
        if state.from_find and state.file is not None:
            shown = self.tr("The invoices chosen in Find: %1").replace("%1", str(len(state.file.rows)))
        else:
            shown = state.path
        label.setText("  ·  ".join([shown, *self.choices.notes()]))
        label.setToolTip(state.path)

    def load_file(self, path: str, from_find: bool = False) -> bool:
        """Read and check `path` for the chosen operation on a job; returns at once (False: refused now, the reason
        shown). The preview fills, and `loaded` is emitted, when the rows are read and checked. `from_find`: the
        file is a list of invoices chosen in Find (its own columns: partner, date, amount, state)."""
        return self._load(path, from_find=from_find)

    def _load(self, path: str, *, from_find: bool = False, notice: Words | None = None) -> bool:
        if self.busy or self.state.planning or self.state.verifying:
            self.status.set(lambda: self.texts.running_already())
            return False
        state = self.state
        path = str(Path(path).absolute())
        operation = self.current_operation()
        self.ui.switch_button.hide()
        self.resume_flow.hide()
        self.reader.let_go(state.file, *self.model.set_file(operation, []))
        state.path, state.from_find, state.file = path, from_find, None
        state.refusal, state.notice, state.left_out, state.verification = None, notice, {}, None
        state.batch_id, state.completed = None, False
        self.choices.reset()
        self._show_path()
        self.reader.read(path, operation)
        self.ui.progress.setRange(0, 0)  # busy: the length is not known yet
        self.refresh()
        self._show_idle()
        return True

    def _reload(self, path: str, notice: Words) -> None:
        self._load(path, from_find=self.state.from_find and path == self.state.path, notice=notice)

    def _show_file(self, file: BatchFile) -> None:
        """Put `file` in the preview (as read, or as planned: an NTS file's ItemKeys, hidden rows left out)."""
        state = self.state
        if file is state.file:
            return
        # An NTS file shows the ItemKeys its numbers found once it has been planned.
        resolved = file.by_nts and any("item_key" in row.values for row in file.rows)
        columns = file.result_columns if resolved else file.columns
        held = self.model.set_file(
            file.operation, file.rows, file.positions, columns, file.extra_columns, file.hidden_rows
        )
        self.reader.let_go(state.file, *held)
        state.file = file
        self._show_path()
        self.choices.show()
        self.view.fit_columns()

    def _file_read(self, file: BatchFile, left_out: dict[int, LeftOut] | None) -> None:
        if self.state.closed:
            return
        self.ui.progress.setRange(0, 1)
        self.ui.progress.setValue(0)
        self.state.left_out = left_out or {}
        self._show_file(file)
        self.refresh()
        self._show_idle()
        self.loaded.emit(True)

    def _file_refused(self, error: Exception) -> None:
        from ...service.records import BatchFileError

        if self.state.closed:
            return
        self.ui.progress.setRange(0, 1)
        self.ui.progress.setValue(0)
        if isinstance(error, BatchFileError):
            refusal = error
            other = refusal.params.get("operation") if refusal.key == "batch.other_operation" else None
            if other is not None:  # the file fits the other operation: one click switches (and reads it again)
                self.ui.switch_button.setText(self.texts.switch(other))  # type: ignore[arg-type]
                self.ui.switch_button.setProperty("operation", other)
                self.ui.switch_button.show()
            self.state.refusal = lambda: self.texts.refused(refusal.describe(i18n.lang()))
            self.refresh()
            self._show_idle()
        else:
            self.refresh()
            internal_error(self._ctx, error)
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

    # -- starting (batch_runs.py), refusals and resuming (batch_resume.py) ----------------------------
    def _credentials_missing(self) -> bool:
        """True (the reason shown) when there are no credentials to send with."""
        self.session.prepare()
        if self.session.source is Source.PENDING:
            self.status.set(lambda: self.texts.keyring_pending())
            return True
        if self.session.credentials is None:  # the window's words (파일 → 설정), not the command line's
            self.status.set(self.advice.no_credentials)
            return True
        return False

    def start(self) -> bool:
        """What the Start button does: True when the batch is being planned (it then asks, shows and runs on its
        own); False if nothing was started (the reason shown)."""
        if self._start_blocker() is not None or self.state.file is None:
            self.refresh()
            self.status.set(lambda: self._start_blocker() or "")
            return False
        if self._credentials_missing():
            return False
        self.resume_flow.hide()
        return self.runs.start()

    def resume(self, batch_id: int, *, changed_ok: bool = False) -> bool:
        """Continue an interrupted batch: done rows are skipped, rows never started are sent, rows whose outcome is
        unknown are flagged for checking (and, for Resend email only, sent again when the box is ticked). True
        when it is being planned; the refusals (another account, a changed file) are shown when found.
        `changed_ok`: resume it as journaled although its file was edited since (the clerk's choice)."""
        if self.busy or self.state.planning or self.state.verifying:
            self.status.set(lambda: self.texts.running_already())
            return False
        if self._credentials_missing():
            return False
        return self.runs.resume(batch_id, changed_ok=changed_ok)

    def _refused(self, error: Exception) -> None:
        self.resume_flow.refused(error)

    # -- exports (batch_saving.py), the check on POPBiLL (batch_verify.py) ------------------------------
    def export_results(self) -> None:
        """What the Export button does: ask where, then write every row with its outcome."""
        file = self.state.file
        if file is None or self.busy:
            return
        path = self.saving.ask_results_path(file)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> bool:
        """Write the results to `path` on a job (with what a check on POPBiLL found); False if nothing to export."""
        file = self.state.file
        return file is not None and self.saving.export(path, file, self.model.outcomes(), self.verifier.verdicts())

    def save_template(self) -> None:
        """What Save template… does: ask where, then write the header row of the chosen operation."""
        operation = self.current_operation()
        path = self.saving.ask_template_path(self.saving.folder(self.state.path), operation)
        if path:
            self.template_to(path)

    def template_to(self, path: str, operation: Operation | None = None) -> bool:
        """Write the template of `operation` (the chosen one by default) to `path`, on a job."""
        return self.saving.template(path, operation or self.current_operation())

    def verify(self) -> bool:
        """What 팝빌에서 확인 does: look the batch's invoices up on POPBiLL (on a job); False when there is no ended
        assign batch to check, or something else is under way."""
        return not self.working and self.verifier.verify()

    # -- cancel, close --------------------------------------------------------------------------------------
    def cancel(self) -> None:
        """No new call; the calls in flight finish and are recorded. The batch stays resumable."""
        self.runs.cancel()

    def shutdown(self) -> None:
        """The window is closing: cancel and don't wait. Calls in flight finish on their threads, and are
        journaled; their reports reach nobody."""
        self.state.closed = True
        self.runs.shutdown()
