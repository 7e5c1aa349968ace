"""The settings dialog laid out for people (issue 13.3), shown for real in Korean and English with everything it can
say at once: no widget drawn over another, no message cut, at least 480 px wide, the clerk's fields first, the
advanced ones collapsed, OK saying why it waits (with no keyring too), the token's expiry in local time; on a screen
shorter than the form, the form scrolls and OK and Cancel stay in sight."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from popbill_gui.core.errors import Kind, PopbillError
from popbill_gui.core.models import LinkCredentials, Token
from popbill_gui.storage.settings import Settings
from popbill_gui.ui.settings.settings_dialog import MIN_WIDTH, SettingsDialog
from popbill_gui.ui.shared import i18n, screen_fit
from popbill_gui.ui.shared.jobs import JobRunner

SECRET = "c2VjcmV0LWtleS1mb3ItYS10ZXN0LTMyLWJ5dGVzISE="  # 32 bytes, as POPBiLL issues them


@pytest.fixture
def jobs() -> Iterator[JobRunner]:
    runner = JobRunner()
    yield runner
    runner.shutdown(5000)


def leaves(dialog: QWidget) -> list[QWidget]:
    """The widgets a person sees (not their inner parts, not containers), shown now."""
    kinds = (QLabel, QLineEdit, QComboBox, QAbstractButton, QAbstractSpinBox)
    found = []
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisibleTo(dialog) or widget.objectName().startswith("qt_"):
            continue
        if isinstance(widget, QLabel) and not widget.text():
            continue
        if any(isinstance(p, (QComboBox, QAbstractSpinBox)) for p in parents(widget, dialog)):
            continue  # a combo's or spin box's own parts
        found.append(widget)
    return found


def parents(widget: QWidget, top: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        yield parent
        parent = parent.parentWidget()


def box(widget: QWidget, dialog: QWidget) -> QRect:
    return QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())


def name(widget: QWidget) -> str:
    return widget.objectName() or f"{type(widget).__name__}({getattr(widget, 'text', lambda: '')()[:20]!r})"


def crowded_dialog(qtbot: QtBot, jobs: JobRunner, lang: str) -> SettingsDialog:
    """Everything the dialog can say at once: production, no keyring, a CorpNum check digit off, a refused URL,
    secrets typed without the session box (OK waits), the advanced section open, a long failed test."""
    i18n.install(lang)  # type: ignore[arg-type]
    dialog = SettingsDialog(
        Settings(lang=lang, env="production"),  # type: ignore[arg-type]
        None,
        locked=set(),
        keyring_available=False,
        jobs=jobs,
    )
    qtbot.addWidget(dialog)
    dialog.corp_num.edit.setText("1234567890")  # a warning only
    dialog.link_id.setText("TESTER")
    dialog.secret_key.setText(SECRET)
    dialog.set_advanced_shown(True)
    dialog.base_url.edit.setText("http://example.com/api")  # plain http off this computer: refused, said
    dialog.base_url._dirty = True
    dialog.base_url.recheck()
    dialog.test.testing = True
    tls = PopbillError.client(Kind.TLS, lang, host="popbill.linkhub.co.kr")  # type: ignore[arg-type]
    dialog.test.failed(tls)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    return dialog


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_nothing_overlaps_and_nothing_is_cut(qtbot: QtBot, jobs: JobRunner, lang: str) -> None:
    dialog = crowded_dialog(qtbot, jobs, lang)
    shown = leaves(dialog)
    names = {w.objectName() for w in shown}
    for expected in ("settingsEnvNote", "settingsKeyringWarning", "settingsSessionOnly", "settingsOkReason",
                     "settingsTestResult", "settingsBaseUrlMessage", "settingsCorpNumWarning"):  # fmt: skip
        assert expected in names, expected
    overlaps = [
        (name(a), name(b))
        for a, b in itertools.combinations(shown, 2)
        if box(a, dialog).intersects(box(b, dialog)) and not (a.isAncestorOf(b) or b.isAncestorOf(a))
    ]
    assert overlaps == []
    for label in (w for w in shown if isinstance(w, QLabel) and w.wordWrap()):
        assert label.height() >= label.heightForWidth(label.width()), (name(label), label.text())
        # Inside the dialog, or inside the scrolled form (which the dialog scrolls to), never clipped by either.
        holder = dialog.form_scroll.content if dialog.form_scroll.content.isAncestorOf(label) else dialog
        assert holder.rect().contains(box(label, holder)), name(label)
    assert dialog.width() >= MIN_WIDTH
    # The connection test's result is whole: its last words are on screen.
    result = dialog.test_result
    assert "IT" in result.text() or "전산 담당자" in result.text()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_clerks_fields_come_first_and_the_advanced_ones_wait(qtbot: QtBot, jobs: JobRunner, lang: str) -> None:
    i18n.install(lang)  # type: ignore[arg-type]
    dialog = SettingsDialog(Settings(lang=lang), None, locked=set(), keyring_available=True, jobs=jobs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    order = ["settingsEnv", "settingsCorpNum", "settingsKeysNote", "settingsLinkId", "settingsSecretKey",
             "settingsUserId", "settingsLang", "settingsAdvanced"]  # fmt: skip
    tops = [box(dialog.findChild(QWidget, n), dialog).top() for n in order]  # type: ignore[arg-type]
    assert tops == sorted(tops)
    for hidden in ("settingsUseToken", "settingsHosts", "settingsBaseUrl", "settingsAuthUrl", "settingsPacUrl",
                   "settingsCaBundle", "settingsTimeout"):  # fmt: skip
        assert not dialog.findChild(QWidget, hidden).isVisibleTo(dialog)  # type: ignore[union-attr]
    assert dialog.width() >= MIN_WIDTH


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_without_a_keyring_ok_says_why_it_waits(qtbot: QtBot, jobs: JobRunner, lang: str) -> None:
    i18n.install(lang)  # type: ignore[arg-type]
    dialog = SettingsDialog(
        Settings(lang=lang, corp_num="1248100998"),
        None,
        locked=set(),
        keyring_available=False,
        jobs=jobs,  # type: ignore[arg-type]
    )
    qtbot.addWidget(dialog)
    dialog.link_id.setText("TESTER")
    dialog.secret_key.setText(SECRET)
    assert not dialog.ok_button.isEnabled()
    reason = dialog.ok_reason
    assert reason.isVisibleTo(dialog)
    box_text = dialog.session_only_box.text().replace("&", "")
    box_words = re.sub(r"\(\w\)$", "", box_text).strip()
    assert box_words in reason.text()
    dialog.session_only_box.setChecked(True)
    assert dialog.ok_button.isEnabled() and not reason.isVisibleTo(dialog)


def test_the_tokens_expiry_is_in_local_time(qtbot: QtBot, jobs: JobRunner) -> None:
    dialog = SettingsDialog(
        Settings(lang="en"), LinkCredentials("TESTER", SECRET), locked=set(), keyring_available=True, jobs=jobs
    )
    qtbot.addWidget(dialog)
    expires = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
    dialog.test.testing = True
    dialog.test.done(Token("t", expires.timestamp()))
    local = datetime.fromtimestamp(expires.timestamp()).strftime("%Y-%m-%d %H:%M")
    assert local in dialog.test_result.text()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_on_a_short_screen_the_form_scrolls_and_the_buttons_stay(
    qtbot: QtBot, jobs: JobRunner, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screen_fit, "room_on_screen", lambda window: 420)  # an 800×560 screen, less the title bar
    dialog = crowded_dialog(qtbot, jobs, lang)
    assert dialog.height() <= 420
    assert dialog.form_scroll.verticalScrollBar().maximum() > 0  # the form is taller than its window: it scrolls
    for fixed in (dialog.ok_reason, dialog.buttons):
        assert dialog.rect().contains(box(fixed, dialog)), name(fixed)
    # Tab through the form as a clerk would: whatever gets the focus is scrolled into sight.
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.env.setFocus()
    viewport = dialog.form_scroll.viewport()
    seen = set()
    for _ in range(40):
        focused = dialog.focusWidget()
        if focused is dialog.test_button:
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        focused = dialog.focusWidget()
        if focused is not None and viewport.isAncestorOf(focused):
            seen.add(focused.objectName())
            assert viewport.rect().contains(box(focused, viewport)), name(focused)
    assert dialog.focusWidget() is dialog.test_button
    assert {"settingsLinkId", "settingsTimeout"} <= seen
    # A test's result, however long, is brought into sight when it arrives.
    dialog.form_scroll.verticalScrollBar().setValue(0)
    dialog.test.testing = True
    dialog.test.failed(PopbillError.client(Kind.TLS, lang, host="popbill.linkhub.co.kr"))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: viewport.rect().contains(box(dialog.test_result, viewport)))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_on_a_tall_screen_nothing_scrolls_and_the_dialog_grows_with_its_messages(
    qtbot: QtBot, jobs: JobRunner, lang: str
) -> None:
    i18n.install(lang)  # type: ignore[arg-type]
    dialog = SettingsDialog(Settings(lang=lang), None, locked=set(), keyring_available=True, jobs=jobs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.form_scroll.verticalScrollBar().maximum() == 0
    before = dialog.height()
    dialog.test.testing = True
    dialog.test.failed(PopbillError.client(Kind.TLS, lang, host="popbill.linkhub.co.kr"))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: dialog.height() > before)
    qtbot.wait(50)
    assert dialog.form_scroll.verticalScrollBar().maximum() == 0  # grown to hold the whole sentence, not scrolled
    assert dialog.height() <= screen_fit.room_on_screen(dialog)
