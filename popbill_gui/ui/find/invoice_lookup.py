"""The invoice a typed key names, looked up once the key has stayed the same for a moment, shown in a label.

Every keystroke of "INV-2026-0001" is a valid document ID on its way ("I", "IN", …), so a look-up per change
would send a dozen; instead a single-shot timer waits until the key has been left alone for `DEBOUNCE_MS`. One
look-up per field is in flight at a time: a key that changes meanwhile is looked up when the first answer is in,
and an answer for a key no longer in the field is dropped (stale), never shown. Without credentials nothing is
sent; the label says so quietly. The label keeps what it shows as a state, so a language change says it again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from ...service import PopbillError
from ..shared import i18n
from ..shared.jobs import JobRunner
from ..shared.palette import text_style

if TYPE_CHECKING:
    from ...service.lookups import Invoice

log = logging.getLogger(__name__)

DEBOUNCE_MS: Final = 400
NOT_FOUND: Final = -11000005
_MUTED: Final = "color: palette(placeholder-text);"
_BAD: Final = "#b71c1c"  # made readable on the palette of now (dark mode) by palette.text_style

Key = tuple[str, ...]


@dataclass(frozen=True)
class _Shown:
    """What the label says: `kind` is idle, waiting, blocked, loading, found, not_found or failed."""

    kind: str
    invoice: Invoice | None = None
    detail: str = ""  # blocked: the reason; not_found/failed: the answer's message


class InvoiceLookup(QObject):
    """Looks up the invoice `query()` names (None: no valid key typed) with `fetch(key)` on `jobs`.

    `ready()` runs before each look-up and gives the reason not to send one (no credentials), or None. `idle_text`
    is the label's words while no valid key is typed. `found` carries the invoice shown, or None.
    """

    found = Signal(object)  # Invoice | None

    def __init__(
        self,
        name: str,
        jobs: JobRunner,
        label: QLabel,
        *,
        query: Callable[[], Key | None],
        fetch: Callable[[Key], Callable[[], Invoice]],
        ready: Callable[[], str | None],
        idle_text: Callable[[], str],
        not_found_text: Callable[[], str],
        for_assign: bool = False,
    ) -> None:
        super().__init__(label)
        self._job_key = ("invoice-lookup", name)
        self._jobs = jobs
        self.label = label
        self._query = query
        self._fetch = fetch
        self._ready = ready
        self._idle_text = idle_text
        self._not_found_text = not_found_text
        self._for_assign = for_assign  # the type shown, and a document ID it has already flagged
        self._typed: Key | None = None  # the key in the field when last told of a change
        self._answered: Key | None = None  # the key the label's answer is for
        self._asked: Key | None = None  # the key being looked up now (None: none in flight)
        self._shown = _Shown("idle")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.look_up)
        label.installEventFilter(self)  # the label's LanguageChange: say it again in the new language
        self._render()

    @property
    def invoice(self) -> Invoice | None:
        """The invoice the label shows (for the key in the field), if any."""
        return self._shown.invoice if self._shown.kind == "found" else None

    @property
    def busy(self) -> bool:
        return self._asked is not None

    # -- the key changes --------------------------------------------------------------------------------
    def changed(self) -> None:
        """The field (or the type) changed: wait for the key to settle; drop what no longer matches it."""
        key = self._query()
        if key == self._typed:
            return  # e.g. a language change re-checked the field: nothing to look up
        self._typed = key
        self._answered = None  # the label no longer shows that answer
        self.timer.stop()
        if key is None:
            self._show(_Shown("idle"))
        else:
            self._show(_Shown("waiting"))
            self.timer.start()

    def show_known(self, key: Key, invoice: Invoice) -> None:
        """Show an invoice already known (chosen from the Find list) for `key`: no look-up for it."""
        self._typed = self._answered = key
        self.timer.stop()
        self._show(_Shown("found", invoice))

    def look_up(self) -> bool:
        """Look the key in the field up now, unless its answer is shown or one look-up is in flight (then the
        key is looked up when that answer is in). True when a look-up was started."""
        key = self._query()
        if key is None or key == self._answered or self._asked is not None:
            return False
        reason = self._ready()
        if reason is not None:
            self._show(_Shown("blocked", detail=reason))
            return False
        started = self._jobs.submit(
            self._fetch(key),
            lambda invoice: self._answer(key, _Shown("found", invoice)),
            lambda error: self._answer(key, self._failure(error)),
            key=self._job_key,
        )
        if started:
            self._asked = key
            self._show(_Shown("loading"))
        return started

    # -- answers ----------------------------------------------------------------------------------------
    def _answer(self, key: Key, shown: _Shown) -> None:
        self._asked = None
        if key == self._query():
            self._answered = key
            self._show(shown)
        elif not self.timer.isActive():
            self.look_up()  # the key changed while this one was looked up: the new one's turn (stale dropped)

    def _failure(self, error: Exception) -> _Shown:
        if isinstance(error, PopbillError):
            return _Shown("not_found" if error.code == NOT_FOUND else "failed", detail=error.message)
        log.error("unexpected failure looking up an invoice", exc_info=error)
        return _Shown("failed", detail=type(error).__name__)

    # -- the label --------------------------------------------------------------------------------------
    def _show(self, shown: _Shown) -> None:
        before = self.invoice
        self._shown = shown
        self._render()
        if self.invoice is not before:
            self.found.emit(self.invoice)

    def _render(self) -> None:
        shown = self._shown
        style = _MUTED
        if shown.kind == "idle":
            text = self._idle_text()
        elif shown.kind == "waiting":
            text = self.tr("The invoice is looked up when you stop typing.")
        elif shown.kind == "loading":
            text = self.tr("Looking up the invoice…")
        elif shown.kind == "blocked":
            text = shown.detail
        elif shown.kind == "found" and shown.invoice is not None:
            invoice, style = shown.invoice, ""
            # The resend tab's key is the document ID itself; the assign tab must see one the invoice has already.
            # Imported with the first answer: the list model's module is no start-up cost.
            from .invoice_model import invoice_summary, type_text

            text = invoice_summary(invoice, i18n.lang(), with_mgt_key=self._for_assign)
            if self._for_assign:
                text = f"{type_text(invoice.mgt_key_type)}: {text}"
                if invoice.mgt_key:
                    text += "\n" + self.tr("It already has a document ID: POPBiLL refuses to assign another.")
                    style = _BAD
            elif invoice.emails:
                text += "\n" + self.tr("E-mail on the invoice: %1").replace("%1", ", ".join(invoice.emails))
        elif shown.kind == "not_found":
            text, style = f"{self._not_found_text()} ({shown.detail})", _BAD
        else:
            text, style = self.tr("The invoice could not be looked up: %1").replace("%1", shown.detail), _BAD
        self.label.setText(text)
        self.label.setStyleSheet(text_style(_BAD) if style == _BAD else style)
        self.label.setAccessibleDescription(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label and event.type() == QEvent.Type.LanguageChange:
            self._render()
        return False
