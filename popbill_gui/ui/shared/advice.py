"""The window's own advice: what is missing before a call can go, and where in the window to set it (its menus:
파일 → 설정), never the command line's commands or variables. The core's sentences say what happened and name no
command; the command line adds its own advice (`cli/advice.py`), the window this.

Words through Qt's translations (context "Advice").
"""

from __future__ import annotations

import re
import sys

from PySide6.QtCore import QCoreApplication, QObject

from ...service import Kind, LinkCredentials, PopbillError
from .session import Session, Source


def plain(text: str) -> str:
    """A menu's text as read in a sentence: no mnemonic ("설정(&S)…" → "설정", "&Settings…" → "Settings")."""
    return re.sub(r"\(&\w\)|&(?=\w)|…|\.\.\.$", "", text).strip()


def settings_path() -> str:
    """Where Settings is, as the window's menus name it now: "파일 → 설정" or "File → Settings"."""
    menu = QCoreApplication.translate("MainWindow", "&File")
    item = QCoreApplication.translate("MainWindow", "&Settings…")
    return f"{plain(menu)} → {plain(item)}"


def keyring_name(platform: str = sys.platform) -> str:
    """Where secrets are kept, as this system names it: Windows 자격 증명 관리자, macOS 키체인, the desktop's keyring
    (GNOME Keyring, KWallet) elsewhere. Never the library's word "keyring" alone: a clerk knows the system's."""
    if platform == "win32":
        return QCoreApplication.translate("Advice", "Windows Credential Manager")
    if platform == "darwin":
        return QCoreApplication.translate("Advice", "the macOS Keychain")
    return QCoreApplication.translate("Advice", "the desktop's keyring")


def capitalized(words: str) -> str:
    """"the desktop's keyring" at the start of a sentence: "The desktop's keyring" (Korean is left as it is)."""
    return words[:1].upper() + words[1:]


class Advice(QObject):
    """What the window says about what is missing, and what to do about it."""

    def no_credentials(self) -> str:
        return self.tr(
            "No credentials yet: open %1 and enter the LinkID and SecretKey POPBiLL gave your company (the API keys, "
            "not your POPBiLL password)."
        ).replace("%1", settings_path())

    def no_corp_num(self) -> str:
        return self.tr("No business registration number yet: enter it in %1.").replace("%1", settings_path())

    def enter_credentials(self) -> str:
        """The advice after the core's "no credentials" sentence."""
        return self.tr(
            "Open %1 and enter the LinkID and SecretKey POPBiLL gave your company (the API keys, not your "
            "POPBiLL password)."
        ).replace("%1", settings_path())

    def no_environment(self) -> str:
        return self.tr("Choose Production (real work) or Test in %1 first: nothing is sent until then.").replace(
            "%1", settings_path()
        )

    def missing_for_calls(self, session: Session) -> str | None:
        """What must be set before a call can go, in the window's words; None when nothing is missing."""
        if not session.env_chosen:
            return self.no_environment()
        if session.credentials is None:
            return self.no_credentials()
        if isinstance(session.credentials, LinkCredentials) and not session.settings.corp_num:
            return self.no_corp_num()
        return None

    def not_ready_to_look_up(self, session: Session) -> str | None:
        """Why nothing may be looked up now (in words), or None. The demo's simulator is started first."""
        session.prepare()
        if session.source is Source.PENDING:
            return self.tr("Not looked up yet: the credentials are still being read from the keyring.")
        if not session.env_chosen:
            return self.no_environment()
        if session.credentials is None:
            return self.tr("Not looked up: no credentials yet (%1).").replace("%1", settings_path())
        return None


def hint(error: PopbillError) -> str | None:
    """What to do next, as the window says it: the core's hint, else for missing credentials where to enter them."""
    if error.hint is None and error.kind is Kind.NO_CREDENTIALS:
        return Advice().enter_credentials()
    return error.hint
