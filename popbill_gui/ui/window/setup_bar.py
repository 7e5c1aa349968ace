"""The guided first start: a bar above the tabs (`setupBar`) saying what is still missing before a call can be made
(운영 or 테스트 on a first start, credentials and what they are, the business registration number, a keyring that could
not be read), with a button that opens Settings.

The window speaks of its menus (파일 → 설정), never of the command line's commands or environment variables (the
window's advice: `shared/advice.py`). Words through Qt's translations (context "SetupTexts").
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ...service import LinkCredentials
from ..shared.advice import capitalized, keyring_name
from ..shared.palette import box_style
from ..shared.session import Session, Source

_FILL, _INK, _LINE = "#e3f2fd", "#0d2f6b", "#64b5f6"  # WCAG AA on its own fill, whatever the palette


class SetupTexts(QObject):
    """What the bar says about what is missing."""

    def missing(self, session: Session, keyring_problem: str | None) -> str:
        """What the bar says now; "" when nothing is missing (or it is not known yet)."""
        if session.demo or session.source is Source.PENDING:
            return ""
        credentials = session.credentials
        keys = self.tr(
            "LinkID and SecretKey are the API keys POPBiLL issued for the 연동 신청 (IT has them), not your POPBiLL "
            "user ID and password."
        )
        if not session.env_chosen:
            return self.tr(
                "First start: in Settings, choose Production (real work) or Test, and enter your company's business "
                "number, LinkID and SecretKey."
            ) + (" " + keys if credentials is None else "")
        if credentials is None and keyring_problem:
            return self.tr(
                "%1 Or enter the credentials in Settings: they are then kept until the program closes."
            ).replace("%1", keyring_problem)
        if credentials is None and session.keyring_available is False:
            return self.tr(
                "To start, enter your company's LinkID and SecretKey and its business registration number in "
                "Settings. %1 cannot be used on this computer, so they are kept only until the program closes."
            ).replace("%1", capitalized(keyring_name())) + " " + keys
        if credentials is None:
            return self.tr(
                "To start, enter your company's LinkID and SecretKey and its business registration number in "
                "Settings. They are kept in %1."
            ).replace("%1", keyring_name()) + " " + keys
        if isinstance(credentials, LinkCredentials) and not session.settings.corp_num:
            return self.tr("Enter your company's business registration number (사업자등록번호) in Settings.")
        return ""


class SetupBar(QFrame):
    """Shown while something is missing; its button opens Settings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupBar")
        # A border: the test environment's strip above has the same pale blue.
        self.setStyleSheet(box_style("setupBar", _FILL, _INK) + f" #setupBar {{ border: 1px solid {_LINE}; }}")
        self.texts = SetupTexts(self)
        self.label = QLabel(self)
        self.label.setObjectName("setupBarText")
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("setupBarOpenSettings")
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def refresh(self, session: Session, keyring_problem: str | None) -> None:
        text = self.texts.missing(session, keyring_problem)
        self.label.setText(text)
        self.button.setText(self.tr("Open settin&gs…"))
        self.button.setAccessibleDescription(text)
        self.setVisible(bool(text))
