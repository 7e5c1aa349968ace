"""What the batch tab says about a file before anything is sent, and the clerk's choices about it.

- The file's notes after its path (on the file line, `batchFile`): the sheet read, a type column assumed (매출), the
  clerk's own columns kept (not for a list chosen in Find: those are ours).
- Hidden rows (`batchHiddenRows`): a file with rows Excel hides is never sent without a choice, send them too or leave
  them out (`Batches.choose_hidden`, applied when Start plans). Start waits for it; the preview marks them.
- Rows done or maybe done before (`batchLeftOut`): found in the history as the file is read (the last 24 hours, an
  abandoned batch of the file), counted, marked in the preview and left out, unless the clerk ticks `batchAgain`
  (`plan(again=True)`).

Neither bar is shown for a batch being resumed: its journal keeps the choices it was started with.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..shared import i18n

if TYPE_CHECKING:
    from ...service.batches import HiddenRows
    from .batch_questions import BatchQuestions
    from .batch_state import BatchContext


class FileChoices:
    """The notes and the two choice bars of the file shown."""

    def __init__(self, ctx: BatchContext, questions: BatchQuestions) -> None:
        self.ctx = ctx
        self.questions = questions
        ui = ctx.ui
        ui.hidden_send.toggled.connect(self._chosen)
        ui.hidden_skip.toggled.connect(self._chosen)
        ui.again.toggled.connect(self._chosen)

    def hidden_choice(self) -> HiddenRows | None:
        """What the clerk chose for the hidden rows ("send", "skip"), None before a choice."""
        ui = self.ctx.ui
        return "send" if ui.hidden_send.isChecked() else "skip" if ui.hidden_skip.isChecked() else None

    def hidden_chosen(self) -> bool:
        """Whether Start may go as far as the hidden rows are concerned: none, a resumed batch, or a choice made."""
        state = self.ctx.state
        file = state.file
        return file is None or not file.hidden_rows or state.batch_id is not None or self.hidden_choice() is not None

    def again(self) -> bool:
        return self.ctx.ui.again.isChecked()

    def left_out_rows(self) -> dict[int, str]:
        """The rows of the file shown that a new batch leaves out as done before, each with why (in words)."""
        state = self.ctx.state
        if state.file is None or state.batch_id is not None:
            return {}
        history, lang = self.ctx.service.batches.history, i18n.lang()
        skipped = set(state.file.hidden_rows) if self.hidden_choice() == "skip" else set()
        return {n: history.left_out_message(lo, lang) for n, lo in state.left_out.items() if n not in skipped}

    def notes(self) -> list[str]:
        """What was read or assumed, for the file line: the sheet, a type assumed, the clerk's own columns kept."""
        state = self.ctx.state
        if state.file is None:
            return []
        # The hidden rows have their bar; Find's own columns are no news to the clerk.
        extras = () if state.from_find else state.file.extra_columns
        return replace(state.file, hidden_rows=(), extra_columns=extras).notes(i18n.lang())

    def reset(self) -> None:
        """A new file: no choice made yet, no bar."""
        ui = self.ctx.ui
        ui.hidden_choice.setExclusive(False)  # an exclusive group never lets its last checked button go
        for box in (ui.hidden_send, ui.hidden_skip, ui.again):
            blocked = box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(blocked)
        ui.hidden_choice.setExclusive(True)
        for widget in (ui.hidden_bar, ui.left_out_bar):
            widget.hide()
        self.ctx.model.set_hidden_choice(None)

    def show(self) -> None:
        """The notes and the bars for the file shown, in the window's language; the preview's marks with them."""
        ctx = self.ctx
        ui, state, file = ctx.ui, ctx.state, ctx.state.file
        if file is None:
            self.reset()
            return
        new = state.batch_id is None
        if new and file.hidden_rows:
            ui.hidden_bar.ask(self.questions.hidden_rows(file))
        else:
            ui.hidden_bar.hide()
        ctx.model.set_hidden_choice(self.hidden_choice() if new else "send")
        left_out = self.left_out_rows()
        if left_out:
            ui.left_out_bar.ask(self.questions.left_out(len(left_out), self.again()))
        else:
            ui.left_out_bar.hide()
        ctx.model.set_left_out({} if self.again() else left_out)

    def _chosen(self) -> None:
        self.show()
        self.ctx.refresh()
        if not self.ctx.state.planning and self.ctx.state.batch_id is None:
            self.ctx.idle()
