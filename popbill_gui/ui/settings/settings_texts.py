"""The words of the settings dialog: the one table of its rows (label, accessible name, rule), the texts of its
other widgets, and the connection test's outcome. Through Qt's translations (context "SettingsTexts").

A clerk reads the labels and the notes: no API word there (CorpNum, base64, session token); the API's names stay in
the tooltips, where IT looks for them, and the pasted token waits in the advanced section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ...service import LinkCredentials, PopbillError, TokenCredentials
from ...storage.settings import ENV_VARS
from ..shared.advice import capitalized, hint, keyring_name

if TYPE_CHECKING:
    from .settings_dialog import SettingsDialog


class SettingsTexts(QObject):
    """What the settings dialog says."""

    def rows(self) -> dict[str, tuple[str, str, str]]:
        """Row name → (label with its mnemonic, accessible name, tooltip saying the rule): the one table of words."""
        https_only = self.tr("Must start with https://; plain http:// only for this computer (the simulator).")
        return {
            "env": (
                self.tr("&Environment"),
                self.tr("Environment"),
                self.tr(
                    "Production (운영) is your company's real work: mail really goes to customers and document IDs "
                    "are final. Test (연동 테스트) is POPBiLL's practice service. Your LinkID and SecretKey are "
                    "kept for each separately."
                ),
            ),
            "corp_num": (
                self.tr("&Business registration number"),
                self.tr("Business registration number"),
                self.tr(
                    "Your company's 사업자등록번호 (CorpNum), 10 digits; dashes are removed. Required when signing in "
                    "with LinkID and SecretKey. A check digit that does not match is only a warning."
                ),
            ),
            "method": (
                self.tr("Sign-in &method"),
                self.tr("Sign in with LinkID and SecretKey"),
                self.tr("The LinkID and SecretKey POPBiLL gave your company; tokens are issued as needed."),
            ),
            "link_id": (
                self.tr("Link&ID"),
                self.tr("LinkID"),
                self.tr(
                    "The LinkID POPBiLL gave your company with the API application (연동 신청): letters and digits, "
                    "no spaces. Not your POPBiLL user ID."
                ),
            ),
            "secret_key": (
                self.tr("Secret&Key"),
                self.tr("SecretKey"),
                self.tr(
                    "The 44-character key POPBiLL issued with the LinkID (base64 text), pasted exactly. Not your "
                    "POPBiLL password. It is never shown. Leave it empty to keep the saved one."
                ),
            ),
            "token": (
                self.tr("Session &token"),
                self.tr("Session token"),
                self.tr("Paste the session token: no spaces. It is never shown. Leave it empty to keep the saved one."),
            ),
            "user_id": (
                self.tr("POPBiLL &user ID"),
                self.tr("POPBiLL user ID"),
                self.tr(
                    "Optional: the POPBiLL user ID of the person working (UserID), recorded by POPBiLL with each "
                    "call. Up to 50 ASCII characters. Never a password."
                ),
            ),
            "lang": (
                self.tr("&Language"),
                self.tr("Language"),
                self.tr("The language of this program's sentences and of POPBiLL's messages."),
            ),
            "hosts": (
                self.tr("&Hosts"),
                self.tr("Host set"),
                self.tr(
                    "Which POPBiLL hosts to use: the default ones, or the fixed-IP (static) or GA hosts for "
                    "firewalls that allow fixed addresses only."
                ),
            ),
            "base_url": (
                self.tr("Custom &API URL"),
                self.tr("Custom API URL"),
                self.tr("Optional. Replaces the host set for API calls.") + " " + https_only,
            ),
            "auth_url": (
                self.tr("Custom token &service URL"),
                self.tr("Custom token service URL"),
                self.tr("Optional. Replaces the token service host.") + " " + https_only,
            ),
            "pac_url": (
                self.tr("Pro&xy script (PAC)"),
                self.tr("Proxy auto-configuration script"),
                self.tr(
                    "Optional: the address of your company's proxy script, the file that tells programs which "
                    "proxy to use for which address (PAC, from IT). An http:// or https:// address or a file on "
                    "this computer. Empty: the system's settings are used."
                ),
            ),
            "ca_bundle": (
                self.tr("Company CA certi&ficate file"),
                self.tr("Company CA certificate file"),
                self.tr(
                    "Optional. A PEM file with your company's root certificate, for networks that inspect TLS. It is "
                    "trusted in addition to the system's certificates. Ask IT for it."
                ),
            ),
            "timeout": (
                self.tr("&Read timeout"),
                self.tr("Read timeout in seconds"),
                self.tr("How long to wait for an answer: 1 to 600 seconds. Connecting waits at most 10 seconds."),
            ),
        }


    def apply(self, d: SettingsDialog) -> None:
        """Put every text on the dialog's widgets (called at start and when the language changes)."""
        d.setWindowTitle(self.tr("Settings and connection"))
        for name, (label, accessible, rule) in self.rows().items():
            d._labels[name].setText(label)
            widget = d._labels[name].buddy()
            assert widget is not None  # every row's label was given its input
            widget.setAccessibleName(accessible)
            if name in d._locked and name in ENV_VARS:
                override = self.tr("Set by the environment variable {0}, which overrides this setting here.").format(
                    ENV_VARS[name]
                )
                widget.setToolTip(override + "\n" + rule)
            else:
                widget.setToolTip(rule)
        for index, name in enumerate((self.tr("테스트 (Test): practice"), self.tr("운영 (Production): real work"))):
            d.env.setItemText(index, name)
        d.env.setPlaceholderText(self.tr("Choose: Production or Test"))
        d.keys_note.setText(
            self.tr(
                "LinkID and SecretKey are not your POPBiLL user ID and password: they are the API keys POPBiLL "
                "issues when your company applies for API use (연동 신청). Ask IT or whoever applied for them."
            )
        )
        hosts = {
            "default": self.tr("Default hosts"),
            "static": self.tr("Fixed-IP hosts (static)"),
            "ga": self.tr("GA hosts"),
        }
        for index in range(d.hosts.count()):
            d.hosts.setItemText(index, hosts[str(d.hosts.itemData(index))])
        # Each language is named in itself, so anyone can find their own.
        d.lang.setItemText(0, self.tr("한국어", "the Korean language, named in Korean"))
        d.lang.setItemText(1, self.tr("English", "the English language, named in English"))
        d.base_url.edit.setPlaceholderText(self.tr("(from the host set)"))
        d.auth_url.edit.setPlaceholderText(self.tr("(from the host set)"))
        d.pac_url.edit.setPlaceholderText(self.tr("(the system's proxy settings)"))
        d.ca_bundle.edit.setPlaceholderText(self.tr("(the system's certificates only)"))
        d.corp_num.edit.setPlaceholderText("000-00-00000")
        d.user_id.edit.setPlaceholderText(self.tr("(optional)"))
        d.timeout.setSuffix(self.tr(" s", "seconds"))
        d.advanced_button.setText(self.tr("Ad&vanced: other sign-in, addresses, proxy, certificate, timeout"))
        d.advanced_button.setAccessibleName(self.tr("Show the advanced settings"))
        d.advanced_button.setToolTip(self.tr("Settings IT may ask you to change; most offices never need them."))

        d.link_radio.setText(self.tr("LinkI&D and SecretKey"))
        d.token_radio.setText(self.tr("&Pasted session token"))
        d.token_radio.setAccessibleName(self.tr("Sign in with a pasted session token"))
        d.token_radio.setToolTip(self.tr("A ready session token; it is used as it is and never renewed."))
        self.placeholders(d)
        d.keyring_warning.setText(
            self.tr(
                "%1 cannot be used on this computer, so the keys cannot be saved. They can be kept until the "
                "program closes: they are forgotten then."
            ).replace("%1", capitalized(keyring_name()))
        )
        d.session_only_box.setText(self.tr("Keep secrets for this session onl&y"))
        d.session_only_box.setAccessibleName(self.tr("Keep secrets for this session only"))
        d.session_only_box.setToolTip(
            self.tr(
                "Required to use a typed SecretKey or token when %1 cannot be used. Nothing is written to disk."
            ).replace("%1", keyring_name())
        )
        d.test_button.setText(self.tr("Test co&nnection"))
        d.test_button.setAccessibleName(self.tr("Test the connection"))
        d.test_button.setToolTip(
            self.tr("Signs in to POPBiLL with these settings (a session token is issued) and shows until when.")
        )
        d.test_result.setAccessibleName(self.tr("Connection test result"))

    def placeholders(self, d: SettingsDialog) -> None:
        """"(saved)" in the secret fields while the environment chosen is the one their saved value is for."""
        saved = d._saved()
        d.secret_key.setPlaceholderText(self.tr("(saved)") if isinstance(saved, LinkCredentials) else "")
        d.token.setPlaceholderText(self.tr("(saved)") if isinstance(saved, TokenCredentials) else "")

    def env_note(self, env: object) -> str:
        """What the environment chosen means (nothing chosen yet: what each one is)."""
        if env == "production":
            return self.tr("Production: calls are real. Mail is really sent and document IDs are really assigned.")
        if env is None:
            return self.tr(
                "Production (운영) is your company's real work. Test (연동 테스트) is POPBiLL's practice service: "
                "choose it only if your company applied for a test account. If unsure, ask IT."
            )
        return ""

    def code_tip(self, code: int) -> str:
        """The code of a failure, for IT (a tooltip: a clerk reads the words)."""
        return self.tr("POPBiLL's code: %1").replace("%1", str(code))

    def outcome(self, kind: str, detail: object) -> tuple[str, bool]:
        """The connection test's outcome in words, and whether it is a failure."""
        error = False
        if kind == "running":
            message = self.tr("Testing the connection: signing in to POPBiLL.")
        elif kind == "busy":
            message = self.tr("A connection test is still running. Try again in a moment.")
        elif kind == "missing":
            message, error = self.tr("Enter the credentials first."), True
        elif kind == "blocked":  # what blocks it is marked at its field already: said once
            message, error = self.tr("Fix what is marked above first."), True
        elif kind == "ok" and detail is None:
            message = self.tr(
                "The pasted token is used as it is: its expiry is unknown, and it is checked by the first call."
            )
        elif kind == "ok":
            message = self.tr("✔ Connection works: POPBiLL accepted these keys. Signed in until {0}.").format(detail)
        elif kind == "failed" and isinstance(detail, PopbillError):
            message = self.tr("✖ Connection failed: {0}").format(detail.message)
            advice = hint(detail)
            if advice:
                message += "\n→ " + advice
            error = True
        elif kind == "failed":
            # Not one of ours: name its type only, its text might quote anything.
            message = self.tr("✖ The test failed unexpectedly ({0}).").format(type(detail).__name__)
            error = True
        else:
            message = ""
        return message, error
