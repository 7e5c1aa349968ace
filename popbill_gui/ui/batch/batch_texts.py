"""What the batch tab says: its widgets' words, its questions, and its status line (a file's summary, why Start
cannot be pressed, a run's progress, its end).

Words through Qt's translations (context "BatchTexts"); the core's sentences (problems, POPBiLL's answers, hints)
come worded in the tab's language. Apart from `apply`, plain functions of plain values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ...batch.model import MAX_CONCURRENCY, Operation
from ...service import PopbillError
from ...service.batches import BatchReport
from ...service.records import BatchFile, BatchInfo, Progress, RowState, Stop
from ..shared.advice import hint

if TYPE_CHECKING:
    from .batch_widgets import BatchWidgets


class BatchTexts(QObject):
    """The words of the batch tab."""

    def apply(self, t: BatchWidgets) -> None:
        """Put every text on the tab's widgets (called at start and when the language changes)."""
        t.intro.setText(
            self.tr(
                "Resend mails or assign document IDs for many invoices at once, from a CSV or Excel file with a "
                "header row. Every row is checked before anything is sent."
            )
        )
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
        t.detail.label.setAccessibleName(self.tr("The selected row in full"))
        t.choose_button.setToolTip(
            self.tr("A CSV (UTF-8 or CP949) or Excel (.xlsx) file; you can also drop it here.")
        )
        t.file_label.setAccessibleName(self.tr("File"))
        if not t.file_label.toolTip():  # the tooltip holds the path once a file is chosen
            t.file_label.setText(self.tr("No file chosen."))
        t.skip_invalid.setText(self.tr("Skip &invalid rows"))
        t.skip_invalid.setToolTip(self.tr("Send the valid rows only; the invalid ones are listed as skipped."))
        t.resend_unknown.setText(self.tr("Re-send mails whose outcome is &unknown"))
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

    def confirm_send(self, operation: Operation, count: int, production: bool) -> tuple[str, str] | None:
        """The question before sending (title, text): production, every batch; AssignMgtKey, always (it cannot be
        undone); None when nothing needs asking."""
        warning = self.tr("This is the PRODUCTION environment (운영): the calls are real.")
        if operation == "assign_mgt_key":
            text = self.tr(
                "Assign the document IDs listed in the file? Invoices: %1.\n\nThis cannot be undone: an invoice keeps "
                "its document ID."
            ).replace("%1", str(count))
            return self.tr("Assign MgtKey"), f"{warning}\n\n{text}" if production else text
        if production:
            text = self.tr("Notification mails to real customers: %1.\n\nContinue?").replace("%1", str(count))
            return self.tr("Production"), f"{warning}\n\n{text}"
        return None

    def resume_offer(self, info: BatchInfo) -> tuple[str, str]:
        """The question when Start finds the file's interrupted batch (title, text)."""
        text = (
            self.tr(
                "This file has an interrupted batch: done %1, not sent yet %2, to check %3.\n\nResume it? "
                "The rows already sent are not sent again."
            )
            .replace("%1", str(info.counts[RowState.DONE]))
            .replace("%2", str(info.counts[RowState.PENDING]))
            .replace("%3", str(info.counts[RowState.SENDING] + info.counts[RowState.UNKNOWN]))
        )
        return self.tr("Interrupted batch"), text

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

    def blocker(self, *, busy: bool, loading: bool, file: BatchFile | None, completed: bool, skip_invalid: bool) -> str:
        """Why Start cannot be pressed now; "" when it can."""
        if busy:
            return self.tr("A batch is running.")
        if loading:
            return self.tr("The file is being read and checked: its rows appear here when that is done.")
        if file is None:
            return self.tr("Choose a CSV or Excel file (or drop it here).")
        if completed:
            return self.tr("This file has been sent. Choose it again to send it again.")
        invalid = len(file.invalid_rows)
        if invalid and not skip_invalid:
            return self.tr(
                "Invalid rows: %1. Nothing can be sent: fix the file, or tick “Skip invalid rows” to send only the "
                "valid ones."
            ).replace("%1", str(invalid))
        if not file.valid_rows:
            return self.tr("No valid row to send.")
        return ""

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
            if error is not None:
                return self.tr("Not started: %1").replace("%1", self.error(error))
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
        text = f"[{error.code}] {error.message}"
        advice = hint(error)
        return f"{text} → {advice}" if advice else text
