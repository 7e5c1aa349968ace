"""The Find dialog's "resend their mails" action: the selected invoices' mails resent, each to its address on file,
as a batch (the batch tab previews the rows, asks, and runs them through the journal).

A search does not say the partner's address, so the action first looks up each selected invoice's detail
(`service.resend_list.with_addresses`, on a job, the count shown as it goes); invoices without our document ID
(SendEmail needs one) are left out before that, and said so beside the button as soon as they are selected; those
without an address on the invoice are left out after it (the batch handoff notes how many). Closing the dialog stops
the look-ups; nothing is handed on then.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QWidget

from ...service import PopbillError
from ..shared.advice import hint
from ..shared.jobs import JobRunner
from .invoice_model import BAD_COLOR, InvoiceListModel

if TYPE_CHECKING:
    from ...service import Service
    from ...service.lookups import Invoice
    from ...service.resend_list import Addressed

log = logging.getLogger(__name__)


class ResendMany(QObject):
    """`button` (findResendMany) and `note` (findResendNote); `requested` carries the `Addressed` invoices."""

    requested = Signal(object)  # service.resend_list.Addressed: at least one invoice ready to be resent
    busy_changed = Signal(bool)

    def __init__(
        self,
        service: Service,
        jobs: JobRunner,
        ready: Callable[[], str | None],
        model: InvoiceListModel,
        view: QTableView,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._jobs = jobs
        self._ready = ready
        self._model = model
        self._view = view
        self._running: threading.Event | None = None
        self._searching = False
        self._said: Callable[[], str] | None = None  # what the note says instead of the selection's count
        self._bad = False
        self.button = QPushButton(parent)
        self.button.setObjectName("findResendMany")
        self.button.setAutoDefault(False)
        self.note = QLabel(parent)
        self.note.setObjectName("findResendNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.reporter = jobs.reporter(self._progress)
        self.button.clicked.connect(self.start)
        selection = view.selectionModel()
        assert selection is not None
        selection.selectionChanged.connect(self._selection_changed)
        model.modelReset.connect(self._selection_changed)
        self.note.installEventFilter(self)  # its LanguageChange: the words again
        self.refresh()

    @property
    def busy(self) -> bool:
        return self._running is not None

    def set_searching(self, searching: bool) -> None:
        """A search is under way: the list is about to change, so nothing is started."""
        self._searching = searching
        self.refresh()

    def selected(self) -> list[Invoice]:
        selection = self._view.selectionModel()
        rows = sorted(index.row() for index in selection.selectedRows()) if selection is not None else []
        return [self._model.invoice(row) for row in rows]

    # -- the action -----------------------------------------------------------------------------------------
    def start(self) -> bool:
        """Look up the addresses of the selected invoices that have our document ID (on a job); False if nothing
        was started (the reason in the note)."""
        invoices = [invoice for invoice in self.selected() if invoice.has_mgt_key]
        if not invoices or self.busy or self._searching:
            return False
        reason = self._ready()
        if reason is not None:
            self._say(lambda: reason, bad=True)
            return False
        from ...service.resend_list import with_addresses  # the action's own module: no cost until it is used

        stop = threading.Event()
        service, report, chosen = self._service, self.reporter.report, self.selected()

        def work() -> Addressed:
            return with_addresses(service, chosen, progress=lambda d, t: report((stop, d, t)), cancelled=stop.is_set)

        if not self._jobs.submit(work, partial(self._done, stop), partial(self._failed, stop)):
            return False
        self._running = stop
        count = len(invoices)
        self._say(lambda: self.tr("Looking up the addresses on file: 0 of %1.").replace("%1", str(count)))
        self.busy_changed.emit(True)
        self.refresh()
        return True

    def stop(self) -> None:
        """No more look-ups (the dialog closed, or a new search): nothing is handed on."""
        if self._running is not None:
            self._running.set()
            self._end()

    def _end(self) -> None:
        self._running = None
        self.busy_changed.emit(False)
        self.refresh()

    def _progress(self, value: object) -> None:
        stop, done, total = value if isinstance(value, tuple) else (None, 0, 0)
        if stop is not self._running:
            return  # a stopped run's report
        self._say(
            lambda: self.tr("Looking up the addresses on file: %1 of %2.").replace("%1", str(done))
            .replace("%2", str(total))
        )  # fmt: skip

    def _done(self, stop: threading.Event, addressed: Addressed) -> None:
        if stop is not self._running:
            return
        self._end()
        if addressed.cancelled:
            self._say(None)
        elif not addressed.ready:
            self._say(lambda: self.tr("None of these invoices has an e-mail address on file: nothing to resend."), True)
        else:
            self._say(None)
            self.requested.emit(addressed)

    def _failed(self, stop: threading.Event, error: Exception) -> None:
        if stop is not self._running:
            return
        self._end()
        if isinstance(error, PopbillError):
            message, advice = error.message, hint(error)
            self._say(lambda: f"{message} → {advice}" if advice else message, bad=True)
        else:
            log.error("unexpected failure looking up addresses", exc_info=error)
            name = type(error).__name__
            self._say(lambda: self.tr("Internal error (%1). The window keeps working.").replace("%1", name), True)

    # -- words ----------------------------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        if not self.busy:
            self._said = None  # an old answer no longer fits the selection
        self.refresh()

    def _say(self, words: Callable[[], str] | None, bad: bool = False) -> None:
        self._said, self._bad = words, bad
        self.refresh()

    def refresh(self) -> None:
        chosen = self.selected()
        named = sum(1 for invoice in chosen if invoice.has_mgt_key)
        self.button.setText(self.tr("Resend &mail (%1)…").replace("%1", str(named)))
        self.button.setEnabled(named > 0 and not self.busy and not self._searching)
        if self._said is not None:
            text, bad = self._said(), self._bad
        elif 0 < named < len(chosen):
            text, bad = self.tr("Left out, without a document ID: %1.").replace("%1", str(len(chosen) - named)), False
        else:
            text, bad = "", False
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self.note.setStyleSheet(f"color: {BAD_COLOR};" if bad else "")
        self.button.setToolTip(
            self.tr(
                "Resend the mail of each selected invoice to the e-mail address on the invoice, as a batch: the Batch "
                "tab shows the rows and asks before anything is sent. Invoices without a document ID or an address "
                "are left out."
            )
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        return False
