"""The network stack loaded before the first call needs it: on a job, at the user's first key press or click.

The first call would otherwise import the HTTP client (urllib3, ssl, truststore: about 100 modules) and
create OpenSSL's first context while the user waits for the answer. Loaded on a job (`Service.warm_up`), never on
the GUI thread, so the window keeps answering meanwhile (benchmarks/bench_first_send.py). Not at start-up: a
window left open unused then does not hold the ~13 MB it costs (benchmarks/bench_gui.py, idle memory); the first
key press or click, in any of the program's windows, is the sign that a call may follow, and typing a document
ID takes longer than the warm-up.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from ...service import Service
from ..shared.jobs import JobRunner

log = logging.getLogger(__name__)


class NetworkWarmUp(QObject):
    """Watches the application's events until the first input, then warms the network stack once."""

    def __init__(self, service: Service, jobs: JobRunner, parent: QObject) -> None:
        super().__init__(parent)
        self._service = service
        self._jobs = jobs
        self.started = False
        kinds = QEvent.Type  # looked up here, not at import: the first paint does not wait for Qt's enums
        # Korean input goes through the input method, not key presses.
        self._input = frozenset({kinds.KeyPress, kinds.InputMethod, kinds.MouseButtonPress, kinds.TouchBegin})
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.started and event.type() in self._input:
            self.start()
        return False

    def start(self) -> None:
        """Warm up now (once); the input that triggered it goes on as usual."""
        if self.started:
            return
        self.started = True
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        # A failure here is met again, and said, by the call itself.
        self._jobs.submit(self._service.warm_up, None, lambda exc: log.info("network warm-up failed: %s", exc))
