"""The settings dialog's "Test connection": a button, the outcome under it, one test at a time on the window's job
runner. The test asks for a session token with plain values captured before it starts (never a widget read on the
job) and shows until when it is valid (local time), or the error's sentence and what to do; the token itself is
never shown, and POPBiLL's code goes in the outcome's tooltip, not its words. A test still running when the dialog
closes reports to nobody.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ...service import Credentials, PopbillError, Token, test_connection
from ..shared.jobs import JobRunner
from ..shared.palette import text_style

if TYPE_CHECKING:
    from ...storage.settings import Settings
    from .settings_texts import SettingsTexts

TEST_KEY: Final = "settings-test"  # one connection test at a time (keeper.CONNECTION_TEST)
_ERROR: Final = "#b71c1c"


class ConnectionTest(QObject):
    """The button (`settingsTest`) and the outcome (`settingsTestResult`); `changed` is called when the outcome or
    whether a test runs changes (the dialog refreshes its buttons, and brings the outcome into sight)."""

    def __init__(
        self,
        parent: QWidget,
        jobs: JobRunner,
        texts: SettingsTexts,
        *,
        on_tested: Callable[[Token], None] | None,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._texts = texts
        self._on_tested = on_tested
        self._changed = changed
        self.testing = False
        self._outcome: tuple[str, object] | None = None  # kept so that a language change can say it again
        self.button = QPushButton(parent)
        self.button.setObjectName("settingsTest")
        self.button.setAutoDefault(False)  # Enter means OK, not "make a network call"
        self.result = QLabel(parent)
        self.result.setObjectName("settingsTestResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)  # a server's message is shown as text
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def start(
        self, settings: Callable[[], Settings], credentials: Credentials | None, problems: list[str]
    ) -> None:
        """Test `credentials` with `settings()` unless a test runs, or something blocks it (said instead)."""
        if self.testing:
            return
        if credentials is None or problems:
            self.show("missing" if credentials is None else "blocked", None)
            return
        chosen = settings()
        if not self._jobs.submit(lambda: test_connection(chosen, credentials), self.done, self.failed, key=TEST_KEY):
            self.show("busy", None)
            return
        self.testing = True
        self.show("running", None)

    def stop(self) -> None:
        """The dialog closes: a test still running reports to nobody."""
        self.testing = False

    def done(self, token: Token) -> None:
        if not self.testing:
            return
        self.testing = False
        self.show("ok", token.local_expiry_text() if token.expires_at is not None else None)
        if self._on_tested is not None and token.expires_at is not None:
            self._on_tested(token)

    def failed(self, error: Exception) -> None:
        if not self.testing:
            return
        self.testing = False
        self.show("failed", error)

    def show(self, kind: str, detail: object) -> None:
        self._outcome = (kind, detail)
        self.render()
        self._changed()

    def render(self) -> None:
        kind, detail = self._outcome or ("", None)
        message, error = self._texts.outcome(kind, detail)
        self.result.setText(message)
        self.result.setStyleSheet(text_style(_ERROR) if error else "")
        code = detail.code if isinstance(detail, PopbillError) and kind == "failed" else None
        self.result.setToolTip(self._texts.code_tip(code) if code is not None else "")
        self.button.setEnabled(not self.testing)
