"""Where the window says which connection it uses: the environment strip above the tabs (`environmentStrip`), the
window's title, and the status bar (`statusEnvironment`, the CorpNum, `statusCredentials`). The environment's name
is shown in both languages: nobody may miss that this is production. Words through Qt's translations (context
"ConnectionStatus").
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMainWindow

from ..shared.advice import keyring_name
from ..shared.session import Session, Source

_STRIP_STYLES: Final = {
    "test": "background: #e3f2fd; color: #0d47a1;",
    "production": "background: #c62828; color: white; font-weight: bold;",
    "demo": "background: #fff3e0; color: #bf360c; font-weight: bold;",
    "unchosen": "background: #eceff1; color: #263238; font-weight: bold;",
}
NAMES: Final = {
    "test": "테스트 TEST",
    "production": "운영 PRODUCTION",
    "demo": "데모 DEMO",
    "unchosen": "운영? 테스트?",  # a first start: nothing chosen, nothing shown as if it were
}


class ConnectionStatus(QObject):
    """The strip (`strip`, laid out by the window) and the status bar's three labels of `window`."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.strip = QLabel(window)
        self.strip.setObjectName("environmentStrip")
        self.strip.setMargin(6)
        self.environment = QLabel(window)
        self.environment.setObjectName("statusEnvironment")
        self.corp = QLabel(window)
        self.credentials = QLabel(window)
        self.credentials.setObjectName("statusCredentials")
        for label in (self.environment, self.corp, self.credentials):
            window.statusBar().addPermanentWidget(label)

    def show(self, session: Session) -> None:
        kind = session.environment_name if session.env_chosen else "unchosen"
        strips = {
            "unchosen": self.tr("Not chosen yet: Production or Test, in Settings. Nothing is sent until then."),
            "test": self.tr("Calls go to POPBiLL's test service (연동 테스트)."),
            "production": self.tr("Mails go to real customers and document IDs are final."),
            "demo": self.tr("Connected to the built-in simulator: no account needed, nothing leaves this computer."),
        }
        self.strip.setText(f"{NAMES[kind]} — {strips[kind]}")
        self.strip.setStyleSheet(_STRIP_STYLES[kind])
        self._window.setWindowTitle(f"popbill-gui — {NAMES[kind]}")
        self.environment.setText(NAMES[kind])
        self.environment.setStyleSheet(_STRIP_STYLES[kind])
        number = session.settings.corp_num or ""
        corp = f"{number[:3]}-{number[3:5]}-{number[5:]}" if len(number) == 10 else number or self.tr("not set")
        self.corp.setText(self.tr("Business number: %1").replace("%1", corp))
        self.corp.setToolTip(self.tr("The business registration number (CorpNum) calls are made for."))
        sources = {
            Source.NONE: self.tr("none yet: enter them in Settings"),
            Source.PENDING: self.tr("being read from %1").replace("%1", keyring_name()),
            Source.ENV: self.tr("from environment variables"),
            Source.KEYRING: self.tr("kept in %1").replace("%1", keyring_name()),
            Source.SESSION: self.tr("this session only"),
            Source.DEMO: self.tr("demo credentials"),
        }
        self.credentials.setText(self.tr("Credentials: %1").replace("%1", sources[session.source]))
