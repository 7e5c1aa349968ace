"""Closing the window while something may be on its way to POPBiLL: asked first, never silently.

What is in flight is named (each single call sent and not yet answered, a batch running), with what closing means: a
request already sent may have been carried out by POPBiLL, and is recorded as "확인 필요" to be checked on the website;
a batch stops taking rows and can be resumed (no row is sent twice). The clerk may stay. Closing anyway gives the
calls up with the service (`Service.give_up_calls`: recorded as unknown now, their late answers change nothing, no
call begins after), so a worker still waiting never reports to a window that is gone. Words through Qt's translations
(context "CloseQuestion").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from ...service import Service
from ..log.log_model import LogModel
from ..shared.words import request_words

Confirm = Callable[[str, str], bool]


class CloseQuestion(QObject):
    """Whether the window may close now: asks through `confirm` when a call or a batch is under way."""

    def __init__(self, service: Service, confirm: Callable[[], Confirm], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._confirm = confirm  # the window's, looked up when asked (tests replace it)

    def may_close(self, batch_running: int | None) -> bool:
        """True when nothing is under way, or the clerk chose to close anyway (the calls are then given up).
        `batch_running`: the number of the batch running (0 when not journaled yet), None when none runs."""
        calls = self._service.calls_in_flight()
        if not calls and batch_running is None:
            return True
        lines = [
            self.tr("• %1: %2 (no answer yet)")
            .replace("%1", LogModel.operation_text(call.request.operation))
            .replace("%2", request_words(call.request))
            for call in calls
        ]
        if batch_running is not None:
            lines.append(
                self.tr("• Batch #%1, still sending").replace("%1", str(batch_running))
                if batch_running
                else self.tr("• A batch, starting")
            )
        parts = [self.tr("Still under way:"), "\n".join(lines), ""]
        if calls:
            parts.append(
                self.tr(
                    "A request already sent may have been carried out by POPBiLL. If you close now, it is recorded "
                    "as “check”: look it up on the POPBiLL website before sending it again."
                )
            )
        if batch_running is not None:
            parts.append(
                self.tr(
                    "The batch stops taking rows. You can resume it later: rows already done are never sent again."
                )
            )
        parts += ["", self.tr("Close anyway?")]
        if not self._confirm()(self.tr("Close the window?"), "\n".join(parts)):
            return False
        if calls:
            self._service.give_up_calls(
                self.tr("The window was closed before POPBiLL answered: check on the POPBiLL website.")
            )
        return True
