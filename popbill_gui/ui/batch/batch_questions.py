"""What the batch tab asks: the confirmation before sending (for rows chosen in Find, a short list of the invoices
themselves), the offer to resume an interrupted batch, the question before abandoning one, and the words of the bars
above the preview (hidden rows, rows done before, an edited file).

Words through Qt's translations (context "BatchQuestions"); the core's sentences (the hidden rows, the rows left
out, the edited file) come worded in the tab's language. Plain functions of plain values.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject

from ...batch.model import Operation
from ...core.messages import text
from ...service.records import BatchFile, BatchInfo, RowState
from ..shared import i18n
from .batch_preview import type_word

if TYPE_CHECKING:
    from ...service.records import InputRow
    from .batch_widgets import BatchWidgets

LISTED: Final = 8  # invoices listed one by one in a confirmation; the rest counted


class BatchQuestions(QObject):
    """The batch tab's questions and the words of its bars."""

    def apply(self, t: BatchWidgets, abandon_batch: int | None) -> None:
        """The bars' answers, in the window's language."""
        t.hidden_send.setText(self.tr("Include hidden &rows"))
        t.hidden_send.setToolTip(self.tr("Send the rows Excel hides like the others."))
        t.hidden_skip.setText(self.tr("Lea&ve them out"))
        t.hidden_skip.setToolTip(self.tr("Send only the rows Excel shows; the hidden ones are listed as skipped."))
        t.again.setText(self.tr("Send them again an&yway"))
        t.again.setToolTip(self.tr("Send these rows too, although they were done, or may have been, before."))
        t.resume_changed.setText(self.tr("Resume as &journaled"))
        t.resume_changed.setToolTip(
            self.tr(
                "Send the rest of the batch as it was when it started: rows done or to check are not sent again, "
                "rows changed in the file since are left for the file's next run."
            )
        )
        t.abandon.setText(self.tr("&Abandon batch #%1").replace("%1", str(abandon_batch or "")))
        t.abandon.setToolTip(
            self.tr("End that batch without sending anything; running the file again then leaves out what it did.")
        )

    # -- the bars' sentences ----------------------------------------------------------------------------
    @staticmethod
    def hidden_rows(file: BatchFile) -> str:
        return file.hidden_rows_text(i18n.lang())

    def left_out(self, count: int, again: bool) -> str:
        sentence = text("batch.left_out_count", i18n.lang(), count=count)
        if again:
            more = self.tr("They will be sent again.")
            return f"{sentence} {more}"
        return sentence

    # -- questions --------------------------------------------------------------------------------------
    def confirm_send(
        self,
        operation: Operation,
        count: int,
        production: bool,
        *,
        chosen: Sequence[InputRow] | None = None,
        left_out: int = 0,
    ) -> tuple[str, str] | None:
        """The question before sending (title, text): production, every batch; AssignMgtKey, always (it cannot be
        undone); None when nothing needs asking. `chosen`: the rows, when they are invoices chosen in Find (the
        question then lists them, not "the file"); `left_out`: rows left out as done before."""
        warning = self.tr("This is the PRODUCTION environment (운영): the calls are real.")
        parts = [warning] if production else []
        if operation == "assign_mgt_key":
            title = self.tr("Assign MgtKey")
            if chosen is not None:
                parts.append(self.tr("Assign document IDs to the %1 chosen invoices:").replace("%1", str(count)))
                parts.append(self.listed(chosen, "mgt_key"))
            else:
                listed = self.tr("Assign the document IDs listed in the file? Invoices: %1.")
                parts.append(listed.replace("%1", str(count)))
            parts.append(self.tr("This cannot be undone: an invoice keeps its document ID."))
        elif production:
            title = self.tr("Production")
            if chosen is not None:
                parts.append(self.tr("Resend the mails of the %1 chosen invoices:").replace("%1", str(count)))
                parts.append(self.listed(chosen, "receiver"))
            else:
                parts.append(self.tr("Notification mails to real customers: %1.").replace("%1", str(count)))
            parts.append(self.tr("Continue?"))
        else:
            return None
        if left_out:
            parts.append(text("batch.left_out_count", i18n.lang(), count=left_out))
        return title, "\n\n".join(parts)

    def listed(self, rows: Sequence[InputRow], target: str) -> str:
        """The chosen invoices one a line, as Find showed them (its columns: partner, date, amount, state) with what
        each gets; the first LISTED, then how many more."""
        lines = []
        for row in rows[:LISTED]:
            shown = [str(value) for value in row.extras if value not in (None, "")]
            if not shown:  # a list without Find's columns: the invoice by its type and number
                shown = [type_word(row.values.get("mgt_key_type", "")), row.values.get("item_key", "")]
            lines.append(f"· {' · '.join(shown)} → {row.values.get(target, '')}")
        if len(rows) > LISTED:
            lines.append(self.tr("and %1 more").replace("%1", str(len(rows) - LISTED)))
        return "\n".join(lines)

    def resume_offer(self, info: BatchInfo) -> tuple[str, str]:
        """The question when Start finds the file's interrupted batch (title, text)."""
        body = (
            self.tr(
                "This file has an interrupted batch: done %1, not sent yet %2, to check %3.\n\nResume it? "
                "The rows already sent are not sent again."
            )
            .replace("%1", str(info.counts[RowState.DONE]))
            .replace("%2", str(info.counts[RowState.PENDING]))
            .replace("%3", str(info.counts[RowState.SENDING] + info.counts[RowState.UNKNOWN]))
        )
        return self.tr("Interrupted batch"), body

    def abandon(self, info: BatchInfo) -> tuple[str, str]:
        """The question before abandoning an interrupted batch (title, text)."""
        body = self.tr(
            "Abandon batch #%1? Nothing is sent, and it cannot be resumed afterwards. Running the file again then "
            "leaves out the rows it did or may have done."
        ).replace("%1", str(info.id))
        return self.tr("Abandon the batch"), body
