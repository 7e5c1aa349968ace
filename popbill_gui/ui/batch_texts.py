"""What the batch tab's status line says: a file's summary, why Start cannot be pressed, a run's progress, its end.

Plain functions of plain values (no widget), words through Qt's translations (context "BatchTexts"); the core's
sentences (problems, POPBiLL's answers, hints) come worded in the tab's language.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from ..service import BatchReport, PopbillError
from ..service.records import BatchFile, Progress, RowState, Stop


class BatchTexts(QObject):
    """The sentences of the batch tab's status line."""

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
            self.tr("Done %1 · failed %2 · check %3 · left %4")
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
                "%1 rows are invalid: nothing can be sent. Fix the file, or tick “Skip invalid rows” to send only the "
                "valid ones."
            ).replace("%1", str(invalid))
        if not file.valid_rows:
            return self.tr("No valid row to send.")
        return ""

    def file_summary(self, file: BatchFile) -> str:
        invalid = len(file.invalid_rows)
        return (
            self.tr("%1 rows read: %2 valid, %3 invalid.")
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
                self.tr("Cancelled: %1 rows were not sent. Press Start to resume the batch.").replace(
                    "%1", str(not_sent)
                )
            )
        else:
            reason = self.error(error) if error is not None else report.stop.value
            lines.append(
                self.tr("Stopped: %1").replace("%1", reason)
                + "\n"
                + self.tr(
                    "This refusal would hit every row, so %1 rows were not sent. Fix it, then press Start to "
                    "resume the batch."
                ).replace("%1", str(not_sent))
            )
        counts_line = self.counts(counts[RowState.DONE], counts[RowState.FAILED], counts[RowState.UNKNOWN], not_sent)
        if counts[RowState.SKIPPED]:
            counts_line += " · " + self.tr("skipped %1").replace("%1", str(counts[RowState.SKIPPED]))
        lines.append(counts_line)
        if counts[RowState.UNKNOWN]:
            lines.append(
                self.tr(
                    "%1 rows may or may not have been carried out: check them on the POPBiLL website (확인 필요)."
                ).replace("%1", str(counts[RowState.UNKNOWN]))
            )
        return "\n".join(lines)

    @staticmethod
    def error(error: PopbillError) -> str:
        text = f"[{error.code}] {error.message}"
        return f"{text} → {error.hint}" if error.hint else text
