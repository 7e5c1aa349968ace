"""What the batch tab says: its widgets' words and its status line (a file's summary, why Start cannot be pressed, a
run's progress, its end, a check on POPBiLL). Its questions are `BatchQuestions`'.

Words through Qt's translations (context "BatchTexts"); the core's sentences (problems, POPBiLL's answers, hints)
come worded in the tab's language. Apart from `apply`, plain functions of plain values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ...batch.model import MAX_CONCURRENCY, Operation
from ...core.messages import text
from ...service import PopbillError
from ...service.batches import BatchReport
from ...service.records import BatchFile, Progress, RowState, Stop
from ..shared import i18n
from ..shared.advice import hint

if TYPE_CHECKING:
    from .batch_widgets import BatchWidgets


class BatchTexts(QObject):
    """The words of the batch tab."""

    def apply(self, t: BatchWidgets) -> None:
        """Put every text on the tab's widgets (called at start and when the language changes)."""
        t.operation_label.setText(self.tr("&Operation"))
        names = {"resend_email": self.tr("Resend email"), "assign_mgt_key": self.tr("Assign MgtKey")}
        for i in range(t.operation.count()):
            t.operation.setItemText(i, names[t.operation.itemData(i)])
        t.operation.setAccessibleName(self.tr("Operation"))
        t.choose_button.setText(self.tr("C&hoose file…"))
        t.template_button.setText(self.tr("Save tem&plate…"))
        t.template_button.setToolTip(
            self.tr("An empty CSV or Excel file with the header row this operation needs: fill it in, then choose it.")
        )
        t.failed_only.setText(self.tr("Faile&d or to check only"))
        t.failed_only.setToolTip(self.tr("Show only the rows that are invalid, failed, or need checking."))
        t.columns_button.setText(self.tr("Choos&e columns"))
        t.columns_button.setToolTip(self.tr("Show or hide columns, such as the code, the HTTP status and the time."))
        t.detail.label.setAccessibleName(self.tr("The selected row in full"))
        t.choose_button.setToolTip(
            self.tr("A CSV (UTF-8 or CP949) or Excel (.xlsx) file; you can also drop it here.")
        )
        t.file_label.setAccessibleName(self.tr("File"))
        t.skip_invalid.setText(self.tr("Skip &invalid rows"))
        t.skip_invalid.setToolTip(self.tr("Send the valid rows only; the invalid ones are listed as skipped."))
        t.resend_unknown.setText(self.tr("Re-send &unknown mails"))
        t.resend_unknown.setToolTip(
            self.tr(
                "When resuming a Resend email batch: send again the rows that may or may not have been sent. "
                "Document IDs are never assigned twice."
            )
        )
        t.concurrency_label.setText(self.tr("Calls at a &time"))
        t.concurrency.setToolTip(
            self.tr("How many calls run at once (1 to %1).").replace("%1", str(MAX_CONCURRENCY))
        )
        t.preview.setAccessibleName(self.tr("Rows of the file"))
        t.progress.setAccessibleName(self.tr("Progress"))
        t.start_button.setText(self.tr("&Start"))
        t.cancel_button.setText(self.tr("Ca&ncel"))
        t.cancel_button.setToolTip(self.tr("Send no new call; the calls in flight finish and are recorded."))
        t.export_button.setText(self.tr("E&xport results…"))
        t.export_button.setToolTip(
            self.tr("Every row of the file in its order with its status, code and message, as CSV or Excel.")
        )
        t.verify_button.setText(self.tr("Chec&k on POPBiLL"))
        t.verify_button.setToolTip(
            self.tr("Look every invoice of this batch up on POPBiLL: does it carry the document ID it was given?")
        )

    def duration(self, seconds: float) -> str:
        total = max(0, round(seconds))
        if total < 60:
            return self.tr("%1 s").replace("%1", str(total))
        minutes, secs = divmod(total, 60)
        if minutes < 60:
            return self.tr("%1 min %2 s").replace("%1", str(minutes)).replace("%2", str(secs))
        hours, minutes = divmod(minutes, 60)
        return self.tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))

    def counts(self, done: int, failed: int, unknown: int, left: int) -> str:
        return (
            self.tr("Done %1 · failed %2 · check %3 · pending %4")
            .replace("%1", str(done))
            .replace("%2", str(failed))
            .replace("%3", str(unknown))
            .replace("%4", str(left))
        )

    def blocker(
        self,
        *,
        busy: bool,
        loading: bool,
        file: BatchFile | None,
        completed: bool,
        skip_invalid: bool,
        hidden_chosen: bool = True,
    ) -> str:
        """Why Start cannot be pressed now; "" when it can."""
        if busy:
            return self.tr("A batch is running.")
        if loading:
            return self.tr("The file is being read and checked: its rows appear here when that is done.")
        if file is None:
            return self.tr("Choose a CSV or Excel file (or drop it here).")
        if completed:
            return self.tr("This file has been sent. Choose it again to send it again.")
        if not hidden_chosen:
            return self.tr("Choose above whether to send the hidden rows too: nothing is sent before you do.")
        invalid = len(file.invalid_rows)
        if invalid and not skip_invalid:
            return self.tr(
                "Invalid rows: %1. Nothing can be sent: fix the file, or tick “Skip invalid rows” to send only the "
                "valid ones."
            ).replace("%1", str(invalid))
        if not file.valid_rows:
            return self.tr("No valid row to send.")
        return ""

    def intro(self) -> str:
        """What the tab is for and what to do first (before a file is chosen, in the status line: the rows get
        the room once there are rows)."""
        return self.tr(
            "Resend mails or assign document IDs for many invoices at once, from a CSV or Excel file with a header "
            "row. Every row is checked before anything is sent."
        )

    def file_summary(self, file: BatchFile) -> str:
        invalid = len(file.invalid_rows)
        return (
            self.tr("Rows read: %1 (valid %2, invalid %3).")
            .replace("%1", str(len(file.rows)))
            .replace("%2", str(len(file.rows) - invalid))
            .replace("%3", str(invalid))
        )

    def running(self, progress: Progress | None, cancelling: bool) -> str:
        if progress is None:
            text = self.tr("Starting: the first rows are on their way.")
        else:
            parts = [self.counts(progress.done, progress.failed, progress.unknown, progress.left)]
            if progress.finished:
                parts.append(self.tr("%1 rows/s").replace("%1", f"{progress.rate:.1f}"))
            eta = progress.eta
            if eta is not None and progress.left:
                parts.append(self.tr("about %1 left").replace("%1", self.duration(eta)))
            text = " · ".join(parts)
        if cancelling:
            cancel = self.tr("Cancelling: no new call is sent; the calls in flight finish and are recorded.")
            return f"{cancel}\n{text}"
        return text

    def ended(self, report: BatchReport) -> str:
        error = report.error
        if report.batch_id == 0:  # nothing journaled
            if error is not None and report.stop is Stop.JOURNAL:  # the history cannot be written: its sentence
                return error.message
            if error is not None:
                return self.not_started_because(self.error(error))
            return self.tr("Cancelled: nothing was sent.")
        counts = report.counts()
        not_sent = counts[RowState.PENDING] + counts[RowState.SENDING]
        lines = []
        if report.stop is Stop.COMPLETED:
            lines.append(self.tr("Finished."))
        elif report.stop is Stop.CANCELLED:
            lines.append(
                self.tr("Cancelled. Rows not sent: %1. Press Start to resume the batch.").replace("%1", str(not_sent))
            )
        elif report.stop is Stop.JOURNAL:  # the history could not be written: not POPBiLL's refusal
            if error is not None:
                lines.append(error.message)  # what happened, and that the batch can be resumed
            lines.append(
                self.tr(
                    "Rows not sent: %1. Press Start to resume the batch once the cause is gone (for example, close the "
                    "program that holds the history, or free some disk space)."
                ).replace("%1", str(not_sent))
            )
        else:
            reason = self.error(error) if error is not None else report.stop.value
            lines.append(
                self.tr("Stopped: %1").replace("%1", reason)
                + "\n"
                + self.tr(
                    "This refusal would hit every row, so the rest was not sent (rows: %1). Fix it, then press Start "
                    "to resume the batch."
                ).replace("%1", str(not_sent))
            )
        counts_line = self.counts(counts[RowState.DONE], counts[RowState.FAILED], counts[RowState.UNKNOWN], not_sent)
        if counts[RowState.SKIPPED]:
            counts_line += " · " + self.tr("skipped %1").replace("%1", str(counts[RowState.SKIPPED]))
        lines.append(counts_line)
        if counts[RowState.UNKNOWN]:
            lines.append(
                self.tr(
                    "Rows that may or may not have been carried out: %1. Check them on the POPBiLL website (확인 필요)."
                ).replace("%1", str(counts[RowState.UNKNOWN]))
            )
        return "\n".join(lines)

    def saving(self, what: str) -> str:
        """The words of Export results… and Save template… (batch_saving.py)."""
        words = {
            "export_title": self.tr("Export results"),
            "template_title": self.tr("Save template"),
            "results_written": self.tr("Results written to %1."),
            "results_failed": self.tr("The results were not written: %1"),
            "template_written": self.tr("Template written: fill in one row per request under the header, then choose "
                                        "it with Choose file. %1"),
            "template_failed": self.tr("The template was not written: %1"),
        }  # fmt: skip
        return words[what]

    def switch(self, operation: Operation) -> str:
        """The button that switches to the operation the file fits."""
        names = {"resend_email": self.tr("Resend email"), "assign_mgt_key": self.tr("Assign MgtKey")}
        return self.tr("S&witch to %1").replace("%1", names[operation])

    def results_name(self, stem: str) -> str:
        """The suggested name of a results file, in the window's language."""
        return self.tr("%1-results.xlsx").replace("%1", stem)

    def template_name(self, operation: Operation) -> str:
        """The suggested name of a template, in the window's language."""
        names = {
            "resend_email": self.tr("resend-email-template.xlsx"),
            "assign_mgt_key": self.tr("assign-mgtkey-template.xlsx"),
        }
        return names[operation]

    def row_heading(self, row: int, values: list[str]) -> str:
        return " · ".join([self.tr("Row %1").replace("%1", str(row)), *(v for v in values if v)])

    @staticmethod
    def error(error: PopbillError) -> str:
        """POPBiLL's message or our sentence, and our advice; the code is in the log's and the row's detail."""
        advice = hint(error)
        return f"{error.message} → {advice}" if advice else error.message

    def checking(self) -> str:
        return self.tr("Checking the file against the journal.")

    def not_started(self) -> str:
        return self.tr("Not started: nothing was sent.")

    def running_already(self) -> str:
        return self.tr("A batch is running: wait for it to end, or cancel it.")

    def keyring_pending(self) -> str:
        return self.tr("The credentials are still being read from the keyring: try again.")

    def refused(self, reason: str) -> str:
        """A file that cannot be used at all, and why."""
        return self.tr("The file cannot be used, nothing will be sent: %1").replace("%1", reason)

    def not_started_because(self, reason: str) -> str:
        return self.tr("Not started: %1").replace("%1", reason)

    def history_unusable(self, reason: str) -> str:
        return self.tr("The history cannot be used, so nothing is sent: %1").replace("%1", reason)

    def interrupted_not_started(self) -> str:
        return self.tr(
            "Not started: this file has an interrupted batch. Resume it to send the rest; starting anew would send the "
            "rows already done again."
        )

    def choose_changed(self) -> str:
        return self.tr("Nothing was sent. Choose above how to go on with that batch.")

    def after_abandon(self) -> str:
        return self.tr("Press Start to send the file as it is now.")

    def not_resumed(self) -> str:
        return self.tr("Not resumed: nothing was sent.")

    def nothing_to_send(self, left_out: int) -> str:
        """A plan with no row to send: every valid row was done, or may have been, before."""
        if not left_out:
            return self.tr("No valid row to send.")
        return self.tr(
            "Nothing to send: every row was done, or may have been, before (rows: %1). Tick “Send them again anyway” "
            "to send them again."
        ).replace("%1", str(left_out))

    @staticmethod
    def resuming_changed(batch: int, gone: int, edited: int) -> str:
        return text("batch.resuming_changed", i18n.lang(), batch=batch, gone=gone, edited=edited)

    def crashed(self, name: str) -> str:
        return self.tr(
            "Internal error (%1): the batch stopped. The rows already sent are recorded; press Start to resume."
        ).replace("%1", name)

    def internal(self, name: str) -> str:
        return self.tr("Internal error (%1). The window keeps working.").replace("%1", name)

    def left_out_done(self, count: int) -> str:
        """After a run: the rows it left out as done before, and how to send them anyway."""
        sentence = text("batch.left_out_count", i18n.lang(), count=count)
        more = self.tr("To send them anyway, choose the file again and tick “Send them again anyway”.")
        return f"{sentence} {more}"

    def verifying_start(self) -> str:
        return self.tr("Looking the invoices up on POPBiLL. Nothing is sent.")

    def not_checked(self, reason: str) -> str:
        return self.tr("Not checked on POPBiLL: %1").replace("%1", reason)

    def verifying(self, done: int, total: int) -> str:
        return self.tr("Checking on POPBiLL: %1 of %2 invoices.").replace("%1", str(done)).replace("%2", str(total))

    def verified(self, checked: int, ok: int) -> str:
        """What a check on POPBiLL found, in a sentence, and where to look."""
        sentence = text("verify.summary", i18n.lang(), checked=checked, ok=ok, bad=checked - ok)
        if ok == checked:
            return sentence
        more = self.tr("See the “Checked on POPBiLL” column; export the results to keep it.")
        return f"{sentence} {more}"
