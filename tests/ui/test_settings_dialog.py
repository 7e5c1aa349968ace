"""The settings dialog: every field round trip, live checks, locks, masked secrets, no keyring, test connection."""

from __future__ import annotations

import base64
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from popbill_gui.core.client import Credentials, LinkCredentials, TokenCredentials
from popbill_gui.core.messages import text
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage.settings import Settings, overridden
from popbill_gui.ui.settings.settings_dialog import TEST_KEY, SettingsDialog
from popbill_gui.ui.shared import i18n
from popbill_gui.ui.shared.jobs import JobRunner

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

SAVED_SECRET = base64.b64encode(b"saved-secret-never-shown-0123456789").decode("ascii")
SAVED_TOKEN = "saved-token-never-shown-9876543210"
WRONG_SECRET = base64.b64encode(b"not the demo key; 32 bytes long.").decode("ascii")  # a key, not the one
EXPIRY = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+")  # local time, with its zone

Factory = Callable[..., SettingsDialog]


@pytest.fixture
def jobs(qtbot: QtBot) -> Iterator[JobRunner]:
    runner = JobRunner()
    yield runner
    runner.shutdown(5000)


@pytest.fixture
def make_dialog(qtbot: QtBot, jobs: JobRunner) -> Factory:
    # The dialog is never shown: the offscreen platform warns about size hints when a window is, and
    # everything tested here (values, enabled state, row visibility via isVisibleTo) works without it.
    def factory(
        settings: Settings | None = None,
        credentials: Credentials | None = None,
        *,
        locked: set[str] | None = None,
        keyring_available: bool = True,
    ) -> SettingsDialog:
        dialog = SettingsDialog(
            settings or Settings(),
            credentials,
            locked=locked or set(),
            keyring_available=keyring_available,
            jobs=jobs,
        )
        qtbot.addWidget(dialog)
        return dialog

    return factory


def edit(dialog: SettingsDialog, name: str) -> QLineEdit:
    widget = dialog.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def combo(dialog: SettingsDialog, name: str) -> QComboBox:
    widget = dialog.findChild(QComboBox, name)
    assert widget is not None, name
    return widget


def label(dialog: SettingsDialog, name: str) -> QLabel:
    widget = dialog.findChild(QLabel, name)
    assert widget is not None, name
    return widget


def ok_button(dialog: SettingsDialog) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok)


def connection_button(dialog: SettingsDialog) -> QPushButton:
    button = dialog.findChild(QPushButton, "settingsTest")
    assert button is not None
    return button


def shown(dialog: SettingsDialog, widget: QWidget) -> bool:
    """Would the widget be on screen when the dialog is?"""
    return widget.isVisibleTo(dialog)


def type_text(widget: QWidget, chars: str) -> None:
    """Type any character, Hangul included (qtbot.keyClicks cannot send text above U+00FF)."""
    for char in chars:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def replace_text(qtbot: QtBot, widget: QLineEdit, chars: str) -> None:
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    type_text(widget, chars)


def choose(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    assert index >= 0, value
    box.setCurrentIndex(index)


def every_text(dialog: SettingsDialog) -> str:
    """Every string any widget of the dialog shows or tells assistive technology."""
    parts = [dialog.windowTitle()]
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        parts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(), widget.whatsThis()]
        parts += [widget.statusTip(), widget.windowTitle()]
        if isinstance(widget, QLineEdit):
            parts += [widget.displayText(), widget.placeholderText()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            parts.append(widget.text())
        if isinstance(widget, QComboBox):
            parts += [widget.itemText(i) for i in range(widget.count())]
    return "\n".join(parts)


# ---- values -------------------------------------------------------------------------------------------


def test_values_passed_in_come_back_unchanged(make_dialog: Factory) -> None:
    settings = Settings(
        env="production",
        hosts="static",
        base_url="https://api.example.com",
        auth_url="https://auth.example.com",
        corp_num="1248100998",
        user_id="clerk01",
        lang="en",
        timeout=12.5,
        ca_bundle="/etc/ssl/company.pem",
    )
    dialog = make_dialog(settings)
    assert dialog.objectName() == "settingsDialog"
    assert combo(dialog, "settingsEnv").currentData() == "production"
    assert combo(dialog, "settingsHosts").currentData() == "static"
    assert combo(dialog, "settingsLang").currentData() == "en"
    assert edit(dialog, "settingsCorpNum").text() == "1248100998"
    assert dialog.result_settings() == settings
    assert dialog.entered_credentials() is None
    assert dialog.session_only() is False


def test_combo_values_are_in_item_data(make_dialog: Factory) -> None:
    dialog = make_dialog()
    data = {
        name: [combo(dialog, name).itemData(i) for i in range(combo(dialog, name).count())]
        for name in ("settingsEnv", "settingsHosts", "settingsLang")
    }
    assert data == {
        "settingsEnv": ["test", "production"],
        "settingsHosts": ["default", "static", "ga"],
        "settingsLang": ["ko", "en"],
    }
    assert "테스트" in combo(dialog, "settingsEnv").itemText(0)
    assert "운영" in combo(dialog, "settingsEnv").itemText(1)
    assert combo(dialog, "settingsLang").itemText(0) == "한국어"


def test_every_field_round_trips(qtbot: QtBot, make_dialog: Factory, tmp_path: Path) -> None:
    import trustme

    company = tmp_path / "company.pem"
    trustme.CA().cert_pem.write_to_path(str(company))
    dialog = make_dialog(Settings(ca_bundle=str(company)))
    choose(combo(dialog, "settingsEnv"), "production")
    choose(combo(dialog, "settingsHosts"), "ga")
    qtbot.keyClicks(edit(dialog, "settingsBaseUrl"), "http://127.0.0.1:8080/")
    qtbot.keyClicks(edit(dialog, "settingsAuthUrl"), "https://auth.example.com")
    qtbot.keyClicks(edit(dialog, "settingsCorpNum"), "124-81-00998")
    qtbot.keyClicks(edit(dialog, "settingsUserId"), "clerk01")
    choose(combo(dialog, "settingsLang"), "en")
    spin = dialog.findChild(QDoubleSpinBox, "settingsTimeout")
    assert spin is not None
    assert (spin.minimum(), spin.maximum()) == (1.0, 600.0)
    spin.setValue(45.5)
    assert ok_button(dialog).isEnabled()
    assert dialog.result_settings() == Settings(
        env="production",
        hosts="ga",
        base_url="http://127.0.0.1:8080",
        auth_url="https://auth.example.com",
        corp_num="1248100998",  # dashes removed
        user_id="clerk01",
        lang="en",
        timeout=45.5,
        ca_bundle=str(company),  # shown in the advanced section, unchanged
    )
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        ok_button(dialog).click()


def test_clearing_optional_fields_gives_none(qtbot: QtBot, make_dialog: Factory) -> None:
    dialog = make_dialog(Settings(base_url="https://a.example.com", user_id="clerk01", corp_num="1248100998"))
    for name in ("settingsBaseUrl", "settingsUserId"):
        replace_text(qtbot, edit(dialog, name), "")
    result = dialog.result_settings()
    assert result.base_url is None and result.user_id is None


def test_production_is_called_out(make_dialog: Factory) -> None:
    dialog = make_dialog()
    note = label(dialog, "settingsEnvNote")
    assert not shown(dialog, note)
    choose(combo(dialog, "settingsEnv"), "production")
    assert shown(dialog, note) and "real" in note.text()


# ---- live checks --------------------------------------------------------------------------------------


def test_corp_num_problems_block_ok_and_checksum_only_warns(qtbot: QtBot, make_dialog: Factory) -> None:
    i18n.install("ko")  # the window speaks Korean: the core's sentences are Korean too
    dialog = make_dialog()
    corp = edit(dialog, "settingsCorpNum")
    message = label(dialog, "settingsCorpNumMessage")
    warning = label(dialog, "settingsCorpNumWarning")
    ok = ok_button(dialog)

    qtbot.keyClicks(corp, "12345")
    assert not ok.isEnabled()
    assert text("corp_num.format", "ko") in message.text() and shown(dialog, message)
    assert corp.accessibleDescription()  # a screen reader hears the problem too
    with qtbot.assertNotEmitted(dialog.accepted):
        dialog.accept()  # Enter or a script cannot get around a disabled OK

    replace_text(qtbot, corp, "12345678가0")  # Hangul in a number
    assert corp.text() == "12345678가0"
    assert not ok.isEnabled() and text("corp_num.format", "ko") in message.text()

    replace_text(qtbot, corp, "1234567890")  # ten digits, check digit wrong: a warning only
    assert ok.isEnabled()
    assert not shown(dialog, message)
    assert shown(dialog, warning) and text("corp_num.checksum", "ko") in warning.text()
    assert dialog.result_settings().corp_num == "1234567890"

    replace_text(qtbot, corp, "124-81-00998")
    assert ok.isEnabled() and not shown(dialog, warning) and not shown(dialog, message)
    assert dialog.result_settings().corp_num == "1248100998"


def test_empty_corp_num_is_required_only_for_link_id_sign_in(make_dialog: Factory) -> None:
    i18n.install("ko")
    linked = make_dialog(Settings(), LinkCredentials("LINK", SAVED_SECRET))
    assert not ok_button(linked).isEnabled()
    note = label(linked, "settingsCorpNumWarning")
    assert shown(linked, note) and text("corp_num.required", "ko") in note.text()

    assert ok_button(make_dialog(Settings(), TokenCredentials(SAVED_TOKEN))).isEnabled()
    assert ok_button(make_dialog(Settings(), None)).isEnabled()


def test_user_id_and_url_problems_block_ok(qtbot: QtBot, make_dialog: Factory) -> None:
    dialog = make_dialog(Settings(lang="en"))
    ok = ok_button(dialog)
    user = edit(dialog, "settingsUserId")
    type_text(user, "회계")
    assert not ok.isEnabled()
    assert text("user_id.not_ascii", "en") in label(dialog, "settingsUserIdMessage").text()
    replace_text(qtbot, user, "clerk01")
    assert ok.isEnabled()

    base = edit(dialog, "settingsBaseUrl")
    qtbot.keyClicks(base, "http://api.example.com")
    assert not ok.isEnabled()
    assert "plain http://" in label(dialog, "settingsBaseUrlMessage").text()
    replace_text(qtbot, base, "https://api.example.com")
    assert ok.isEnabled()

    qtbot.keyClicks(edit(dialog, "settingsAuthUrl"), "ftp://auth.example.com")
    assert not ok.isEnabled()
    assert "not a usable address" in label(dialog, "settingsAuthUrlMessage").text()


# ---- locks --------------------------------------------------------------------------------------------


def test_settings_fixed_by_environment_variables_are_read_only(qtbot: QtBot, make_dialog: Factory) -> None:
    environ = {
        "POPBILL_ENV": "production",
        "POPBILL_HOSTS": "static",
        "POPBILL_BASE_URL": "https://api.example.com",
        "POPBILL_CORP_NUM": "not-a-number",  # cannot be fixed here, so it does not block OK
        "POPBILL_LANG": "en",
        "POPBILL_TIMEOUT": "15",
    }
    locked = overridden(environ)
    settings = Settings(
        env="production", hosts="static", base_url="https://api.example.com", corp_num="not-a-number", lang="en",
        timeout=15.0,
    )  # fmt: skip
    dialog = make_dialog(settings, locked=locked)
    variables = {
        "settingsEnv": "POPBILL_ENV",
        "settingsHosts": "POPBILL_HOSTS",
        "settingsBaseUrl": "POPBILL_BASE_URL",
        "settingsCorpNum": "POPBILL_CORP_NUM",
        "settingsLang": "POPBILL_LANG",
        "settingsTimeout": "POPBILL_TIMEOUT",
    }
    for name, variable in variables.items():
        widget = dialog.findChild(QWidget, name)
        assert widget is not None
        if isinstance(widget, (QLineEdit, QDoubleSpinBox)):
            assert widget.isReadOnly(), name
        else:
            assert not widget.isEnabled(), name
        assert variable in widget.toolTip() and "overrides" in widget.toolTip(), name
    for name in ("settingsAuthUrl", "settingsUserId"):
        assert not edit(dialog, name).isReadOnly()
        assert "POPBILL_" not in edit(dialog, name).toolTip()

    qtbot.keyClicks(edit(dialog, "settingsBaseUrl"), "/typed")  # read-only: nothing changes
    assert edit(dialog, "settingsBaseUrl").text() == "https://api.example.com"
    qtbot.keyClicks(edit(dialog, "settingsUserId"), "clerk01")
    assert ok_button(dialog).isEnabled()
    assert dialog.result_settings() == replace(settings, user_id="clerk01")


# ---- secrets ------------------------------------------------------------------------------------------


def test_saved_secret_is_never_shown(make_dialog: Factory, caplog: pytest.LogCaptureFixture) -> None:
    saved = LinkCredentials("POPBILL_LINK", SAVED_SECRET)
    dialog = make_dialog(Settings(corp_num=DEMO_CORP_NUM), saved)
    link_id, secret, token = (edit(dialog, n) for n in ("settingsLinkId", "settingsSecretKey", "settingsToken"))
    assert secret.echoMode() == QLineEdit.EchoMode.Password
    assert token.echoMode() == QLineEdit.EchoMode.Password
    assert link_id.text() == "POPBILL_LINK"
    assert secret.text() == "" and secret.placeholderText() == "(saved)"
    assert SAVED_SECRET not in every_text(dialog)
    assert dialog.entered_credentials() is None  # nothing typed: the saved credentials are not handed back
    assert SAVED_SECRET not in caplog.text


def test_saved_token_is_never_shown(make_dialog: Factory) -> None:
    saved = TokenCredentials(SAVED_TOKEN)
    dialog = make_dialog(Settings(), saved)
    radio = dialog.findChild(QRadioButton, "settingsUseToken")
    assert radio is not None and radio.isChecked()
    assert shown(dialog, edit(dialog, "settingsToken")) and not shown(dialog, edit(dialog, "settingsSecretKey"))
    assert edit(dialog, "settingsToken").placeholderText() == "(saved)"
    assert SAVED_TOKEN not in every_text(dialog)
    assert dialog.entered_credentials() is None


def test_typed_secrets_are_masked_and_become_the_result(qtbot: QtBot, make_dialog: Factory) -> None:
    saved = LinkCredentials("POPBILL_LINK", SAVED_SECRET)
    dialog = make_dialog(Settings(corp_num=DEMO_CORP_NUM), saved)
    secret = edit(dialog, "settingsSecretKey")
    qtbot.keyClicks(secret, DEMO_SECRET_KEY)
    assert DEMO_SECRET_KEY not in secret.displayText()
    assert DEMO_SECRET_KEY not in every_text(dialog)
    assert dialog.entered_credentials() == LinkCredentials("POPBILL_LINK", DEMO_SECRET_KEY)
    assert ok_button(dialog).isEnabled()

    token_radio = dialog.findChild(QRadioButton, "settingsUseToken")
    assert token_radio is not None
    token_radio.setChecked(True)
    assert dialog.entered_credentials() is None  # token chosen, nothing pasted: nothing entered
    qtbot.keyClicks(edit(dialog, "settingsToken"), "pasted-token-123")
    assert dialog.entered_credentials() == TokenCredentials("pasted-token-123")
    assert "pasted-token-123" not in every_text(dialog)


def test_credential_problems_block_ok(qtbot: QtBot, make_dialog: Factory) -> None:
    saved = LinkCredentials("POPBILL_LINK", SAVED_SECRET)
    dialog = make_dialog(Settings(corp_num=DEMO_CORP_NUM, lang="en"), saved)
    ok = ok_button(dialog)
    message = label(dialog, "settingsCredentialsMessage")
    link_id, secret = edit(dialog, "settingsLinkId"), edit(dialog, "settingsSecretKey")

    qtbot.keyClicks(link_id, "_OTHER")  # a new LinkID needs its own SecretKey
    assert not ok.isEnabled() and text("secret_key.required", "en") in message.text()
    qtbot.keyClicks(secret, "not base64!")  # a password: said once, where the SecretKey is typed
    assert not ok.isEnabled() and message.text() == "⚠ " + text("secret_key.password", "en")
    assert "not base64!" not in message.text()
    replace_text(qtbot, secret, DEMO_SECRET_KEY[:-2])  # a key cut short by the copy
    assert not ok.isEnabled() and message.text() == "⚠ " + text("secret_key.invalid", "en")
    replace_text(qtbot, secret, DEMO_SECRET_KEY)
    assert ok.isEnabled() and not shown(dialog, message)
    assert dialog.entered_credentials() == LinkCredentials("POPBILL_LINK_OTHER", DEMO_SECRET_KEY)

    replace_text(qtbot, link_id, "")
    assert not ok.isEnabled() and text("link_id.required", "en") in message.text()


def test_no_credentials_stays_none(make_dialog: Factory) -> None:
    dialog = make_dialog(Settings(corp_num=DEMO_CORP_NUM), None)
    assert dialog.entered_credentials() is None
    assert edit(dialog, "settingsSecretKey").placeholderText() == ""


# ---- no keyring ---------------------------------------------------------------------------------------


def test_without_keyring_secrets_need_the_session_only_box(qtbot: QtBot, make_dialog: Factory) -> None:
    dialog = make_dialog(Settings(corp_num=DEMO_CORP_NUM), None, keyring_available=False)
    warning = label(dialog, "settingsKeyringWarning")
    box = dialog.findChild(QCheckBox, "settingsSessionOnly")
    assert box is not None
    assert shown(dialog, warning) and "keyring" in warning.text().lower()
    assert shown(dialog, box) and not box.isChecked()
    assert dialog.session_only() is True
    ok = ok_button(dialog)
    assert ok.isEnabled()  # nothing typed, nothing to keep

    qtbot.keyClicks(edit(dialog, "settingsLinkId"), DEMO_LINK_ID)
    qtbot.keyClicks(edit(dialog, "settingsSecretKey"), DEMO_SECRET_KEY)
    assert not ok.isEnabled()
    box.setChecked(True)
    assert ok.isEnabled()
    assert dialog.entered_credentials() == LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY)
    assert dialog.session_only() is True


def test_with_keyring_there_is_no_session_only_box(qtbot: QtBot, make_dialog: Factory) -> None:
    dialog = make_dialog(Settings(corp_num=DEMO_CORP_NUM), None, keyring_available=True)
    box = dialog.findChild(QCheckBox, "settingsSessionOnly")
    assert box is not None and not shown(dialog, box)
    assert not shown(dialog, label(dialog, "settingsKeyringWarning"))
    qtbot.keyClicks(edit(dialog, "settingsLinkId"), DEMO_LINK_ID)
    qtbot.keyClicks(edit(dialog, "settingsSecretKey"), DEMO_SECRET_KEY)
    assert ok_button(dialog).isEnabled()
    assert dialog.session_only() is False


# ---- accessibility and language -----------------------------------------------------------------------


def test_labels_inputs_and_tab_order(make_dialog: Factory) -> None:
    dialog = make_dialog(Settings(corp_num=DEMO_CORP_NUM), keyring_available=False)
    form_labels = [w for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    assert len(form_labels) == 14
    mnemonics = []
    for form_label in form_labels:
        assert re.search(r"&\w", form_label.text()), form_label.text()
        mnemonics.append(form_label.text()[form_label.text().index("&") + 1].lower())
    for button in dialog.findChildren(QAbstractButton):
        if "&" in button.text():
            mnemonics.append(button.text()[button.text().index("&") + 1].lower())
    assert len(mnemonics) == len(set(mnemonics)), mnemonics  # each Alt+key reaches one place

    # The clerk's fields first; what IT may change in the advanced section, after them.
    order = [
        "settingsEnv", "settingsCorpNum", "settingsLinkId", "settingsSecretKey", "settingsSessionOnly",
        "settingsUserId", "settingsLang", "settingsAdvanced", "settingsUseLink", "settingsUseToken", "settingsToken",
        "settingsHosts", "settingsBaseUrl", "settingsAuthUrl", "settingsPacUrl", "settingsCaBundle", "settingsTimeout",
        "settingsTest",
    ]  # fmt: skip
    for name in order:
        widget = dialog.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
        assert widget.toolTip(), name
    chain, widget = [], dialog.findChild(QWidget, "settingsEnv")
    for _ in range(200):
        if widget.objectName() in order and widget.objectName() not in chain:
            chain.append(widget.objectName())
        widget = widget.nextInFocusChain()
    assert chain == order


def test_language_change_retranslates(make_dialog: Factory) -> None:
    dialog = make_dialog()
    title = dialog.windowTitle()
    corp_label = next(w for w in dialog.findChildren(QLabel) if w.buddy() is edit(dialog, "settingsCorpNum"))
    wording = corp_label.text()
    dialog.setWindowTitle("stale")
    corp_label.setText("stale")
    QApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))
    assert dialog.windowTitle() == title and corp_label.text() == wording


# ---- test connection ----------------------------------------------------------------------------------


def simulator_dialog(make_dialog: Factory, sim: Simulator, secret: str, lang: str = "en") -> SettingsDialog:
    settings = Settings(base_url=sim.base_url, auth_url=sim.base_url, corp_num=DEMO_CORP_NUM, lang=lang, timeout=5)
    return make_dialog(settings, LinkCredentials(DEMO_LINK_ID, secret))


def test_connection_test_shows_the_expiry(
    qtbot: QtBot, make_dialog: Factory, jobs: JobRunner, caplog: pytest.LogCaptureFixture
) -> None:
    with Simulator() as sim:
        dialog = simulator_dialog(make_dialog, sim, DEMO_SECRET_KEY)
        button, result = connection_button(dialog), label(dialog, "settingsTestResult")
        button.click()
        assert not button.isEnabled()  # no second test while one runs
        assert jobs.in_flight(TEST_KEY)
        qtbot.waitUntil(button.isEnabled, timeout=10_000)
        assert EXPIRY.search(result.text()), result.text()
        assert sim.count("token") == 1
    assert DEMO_SECRET_KEY not in every_text(dialog) + caplog.text


def test_connection_test_with_a_wrong_secret_says_so(qtbot: QtBot, make_dialog: Factory, sim: Simulator) -> None:
    dialog = simulator_dialog(make_dialog, sim, DEMO_SECRET_KEY)
    qtbot.keyClicks(edit(dialog, "settingsSecretKey"), WRONG_SECRET)  # the typed key is what is tested
    button, result = connection_button(dialog), label(dialog, "settingsTestResult")
    button.click()
    qtbot.waitUntil(lambda: text("hint.signature", "en") in result.text(), timeout=10_000)
    assert button.isEnabled()
    assert "-99010007" not in result.text() and "-99010007" in result.toolTip()  # words for the clerk, code for IT
    assert WRONG_SECRET not in every_text(dialog)


def test_connection_test_with_a_pasted_token_needs_no_network(qtbot: QtBot, make_dialog: Factory) -> None:
    dialog = make_dialog(Settings(lang="en"), TokenCredentials(SAVED_TOKEN))
    result = label(dialog, "settingsTestResult")
    connection_button(dialog).click()
    qtbot.waitUntil(lambda: "unknown" in result.text(), timeout=5000)
    assert SAVED_TOKEN not in every_text(dialog)


def test_connection_test_without_credentials_says_what_is_missing(make_dialog: Factory, jobs: JobRunner) -> None:
    dialog = make_dialog(Settings(corp_num=DEMO_CORP_NUM))
    connection_button(dialog).click()
    assert not jobs.in_flight(TEST_KEY)
    assert "credentials" in label(dialog, "settingsTestResult").text()


def test_results_for_other_jobs_are_ignored(qtbot: QtBot, make_dialog: Factory, jobs: JobRunner) -> None:
    dialog = make_dialog(Settings(corp_num=DEMO_CORP_NUM))
    result = label(dialog, "settingsTestResult")
    failures: list[Exception] = []
    jobs.submit(lambda: 1 / 0, on_error=failures.append, key="resend")
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], ZeroDivisionError)
    assert result.text() == ""


def test_a_test_running_when_the_dialog_closes_reports_to_nobody(
    qtbot: QtBot, make_dialog: Factory, jobs: JobRunner, sim: Simulator
) -> None:
    sim.latency_ms = 200
    dialog = simulator_dialog(make_dialog, sim, DEMO_SECRET_KEY)
    result = label(dialog, "settingsTestResult")
    connection_button(dialog).click()
    running = result.text()
    dialog.reject()
    qtbot.waitUntil(lambda: not jobs.busy, timeout=10_000)  # the test's answer came, and went to nobody
    assert sim.count("token") == 1
    assert result.text() == running


def test_nothing_is_logged_with_a_secret(
    qtbot: QtBot, make_dialog: Factory, sim: Simulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    dialog = simulator_dialog(make_dialog, sim, SAVED_SECRET)
    qtbot.keyClicks(edit(dialog, "settingsSecretKey"), WRONG_SECRET)
    connection_button(dialog).click()
    qtbot.waitUntil(lambda: "-99010007" in label(dialog, "settingsTestResult").toolTip(), timeout=10_000)
    assert SAVED_SECRET not in caplog.text and WRONG_SECRET not in caplog.text


def test_a_ca_file_is_checked_as_typed_and_saved_without_quotes(
    qtbot: QtBot, make_dialog: Factory, tmp_path: Path
) -> None:
    import trustme

    dialog = make_dialog(Settings(corp_num=DEMO_CORP_NUM, lang="en"), LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY))
    field = edit(dialog, "settingsCaBundle")
    missing = tmp_path / "company root.pem"
    qtbot.keyClicks(field, str(missing))
    assert not ok_button(dialog).isEnabled()
    assert str(missing) in label(dialog, "settingsCaBundleMessage").text()
    assert shown(dialog, field)  # the advanced section opened to show what must be fixed
    trustme.CA().cert_pem.write_to_path(str(missing))
    field.clear()
    qtbot.keyClicks(field, f'"{missing}"')  # Windows' "Copy as path" quotes it
    assert ok_button(dialog).isEnabled(), label(dialog, "settingsCaBundleMessage").text()
    assert dialog.result_settings().ca_bundle == str(missing)
