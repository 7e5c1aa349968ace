"""What the batch tab's parts share: the tab's state (`TabState`), its status line (`StatusLine`), and the parts
themselves as one bundle (`BatchContext`), handed to each part instead of the tab.

The parts (batch_tab.py builds them): `batch_runs.BatchRuns` plans, asks and launches a batch and takes its reports;
`batch_edited.EditedFile` is the flow for a file whose batch was interrupted (resume, or resume as journaled after an
edit, or abandon); `batch_choices.FileChoices` the file's notes and the clerk's choices before sending (hidden rows,
rows done before); `batch_verify.Verifier` the check of a finished assign batch on POPBiLL.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from ...service import Service
    from ...service.batch_history import Verification
    from ...service.records import BatchFile, LeftOut
    from ..shared.jobs import JobRunner
    from ..shared.session import Session
    from .batch_preview import PreviewModel
    from .batch_reading import FileReader
    from .batch_texts import BatchTexts
    from .batch_view import BatchView
    from .batch_widgets import BatchWidgets

log = logging.getLogger(__name__)

Confirm = Callable[[str, str], bool]
Words = Callable[[], str]  # a sentence, said again in the new language after a language change


@dataclass
class TabState:
    """The file shown, and what the tab is doing with it."""

    path: str | None = None
    file: BatchFile | None = None
    from_find: bool = False  # the rows were chosen in Find (a list written for them), not a file of the clerk's
    refusal: Words | None = None  # why the file last chosen cannot be used (kept until another file is chosen)
    notice: Words | None = None  # a sentence for the clerk about the file shown (e.g. a batch abandoned)
    left_out: dict[int, LeftOut] = field(default_factory=dict)  # rows done or maybe done before, found on reading
    batch_id: int | None = None  # the journaled batch shown in the preview, if any
    completed: bool = False  # a batch of the file as loaded completed: sending it again needs a new choice
    planning: bool = False  # a start, resume or abandon is being worked out on a job
    closed: bool = False  # the window is going: reports reach nobody
    verification: Verification | None = None  # what a check on POPBiLL found for the batch shown
    verifying: bool = False


class StatusLine:
    """The status line under the preview: a status, and a note under it (where an export went) until the status
    changes. Kept as functions, so that a language change says them again in the new language."""

    def __init__(self, label: QLabel) -> None:
        self._label = label
        self._status: Words = lambda: ""
        self._note: Words | None = None

    def set(self, producer: Words) -> None:
        self._status = producer
        self._note = None
        self.show()

    def note(self, producer: Words) -> None:
        self._note = producer
        self.show()

    def show(self) -> None:
        text = self._status()
        if self._note is not None:
            text = f"{text}\n{self._note()}" if text else self._note()
        self._label.setText(text)


@dataclass
class BatchContext:
    """What every part of the batch tab uses: the service, the job runner, the question, the widgets, the preview's
    model and view, the words, the status line and the state; `refresh` sets the controls after a change, `idle`
    shows what the file is and what to do next, `show_file` puts a file in the preview."""

    service: Service
    session: Session
    jobs: JobRunner
    confirm: Confirm
    ui: BatchWidgets
    model: PreviewModel
    view: BatchView
    texts: BatchTexts
    status: StatusLine
    state: TabState
    reader: FileReader
    refresh: Callable[[], None]
    idle: Callable[[], None]
    show_file: Callable[[BatchFile], None]
    credentials_missing: Callable[[], bool]


def internal_error(ctx: BatchContext, error: Exception) -> None:
    """Something the tab did not expect: logged with its traceback, named in the status line; the window goes on."""
    log.error("unexpected failure in the batch tab", exc_info=error)
    name = type(error).__name__
    ctx.status.set(lambda: ctx.texts.internal(name))
