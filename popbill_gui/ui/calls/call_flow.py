"""One call from a form tab, from the click to its result: the flow the Resend and Assign tabs share.

Each tab owns its flow: it builds the typed request (`service.requests`), says what to ask before sending it, and
words its success; this object, one per window and composed into each tab, does the rest the same way for every
call. It refuses a request already in flight; says in the window's words what must be set first (nothing is sent,
no failure is pretended); asks before the first production call of the session; runs `service.call` on the job
runner (the client is opened, and the call recorded in the history, on the job); and hands the outcome back to the
tab: its result line, and the row for the log.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject

from ...core.errors import CLIENT_CODE
from ...service import CallResult, PopbillError, Request
from ..log.entries import failure_entry
from ..log.log_model import LogEntry
from ..shared.advice import Advice
from ..shared.jobs import JobRunner
from ..shared.session import Session
from ..shared.words import request_words
from .result_line import CallTexts

Confirm = Callable[[str, str], bool]  # (title, text) -> yes
Show = Callable[[str, str], None]  # (outcome, text) on the tab's result line
Log = Callable[[LogEntry], None]


class CallWords(Protocol):
    """What only the tab knows about its call."""

    def question(self, request: Request) -> tuple[str, str] | None:
        """The question (title, text) before every call of this kind; None: ask nothing."""
        ...

    def done_text(self, request: Request, result: CallResult) -> str:
        """The result line's first line when POPBiLL accepted the call."""
        ...

    def what_to_check(self, request: Request) -> str:
        """What to check before trying again when the outcome is unknown."""
        ...


class CallFlow(QObject):
    """Runs one call for a tab; `confirm` asks the clerk (the window's, replaceable in tests)."""

    def __init__(self, session: Session, jobs: JobRunner, confirm: Confirm, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.service = session.service
        self.jobs = jobs
        self._confirm = confirm
        self._production_confirmed = False  # asked once per session, for every tab
        self.texts = CallTexts(self)
        self.advice = Advice(self)

    def in_flight(self, key: Hashable) -> bool:
        return self.jobs.in_flight(key)

    def run(self, request: Request, words: CallWords, show: Show, log: Log) -> bool:
        """Run `request` on a job; False if it was not started (refused, declined or already in flight)."""
        if self.jobs.in_flight(request.key):
            return False
        self.session.prepare()
        missing = self.advice.missing_for_calls(self.session)
        if missing is not None:  # nothing was tried: the window's own sentence, with the client-side code
            log(LogEntry(datetime.now(), request.operation, request_words(request), False, CLIENT_CODE, missing))
            show("failed", missing)
            return False
        if self.session.environment_name == "production" and not self._production_confirmed:
            if not self._confirm(
                self.tr("Production"),
                self.tr("This is the PRODUCTION environment (운영): the call is real.\n\nContinue?"),
            ):
                return False
            self._production_confirmed = True
        question = words.question(request)
        if question is not None and not self._confirm(*question):
            return False
        call = self.service.call

        def done(result: CallResult) -> None:
            log(LogEntry(
                datetime.now(), result.operation, request_words(request), True, result.code, result.message,
                result.http_status, result.duration,
            ))  # fmt: skip
            show("ok", words.done_text(request, result) + "\n" + self.texts.popbill_said(result))

        def failed(error: Exception) -> None:
            entry = failure_entry(request.operation, request_words(request), error)
            log(entry)
            if isinstance(error, PopbillError):
                show(*self.texts.failed(request, error, words.what_to_check(request)))
            else:
                show("failed", entry.message)

        # The client is opened (and, the first time, the HTTP client imported) on the job, not on the GUI thread; the
        # service records the call in the history there too.
        submitted = self.jobs.submit(lambda: call(request), done, failed, key=request.key)
        if submitted:
            show("working", self.texts.working(request))
        return submitted
