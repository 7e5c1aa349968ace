"""Latin input in every ASCII field (issue 21): each line edit and spin box of the main window (its three tabs),
Settings, Find and History is registered in ui/shared/input_hints.py (a new field fails here until it is), and each
ASCII one, once it has focus, carries the hints of its kind and refuses the input method, which is what makes Windows
detach the Korean IME and macOS skip the input source; the fields where Korean belongs keep their input method."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.app import ensure_app
from popbill_gui.storage.settings import Settings
from popbill_gui.ui.find.find_dialog import FindDialog
from popbill_gui.ui.history.history_dialog import HistoryDialog
from popbill_gui.ui.settings.settings_dialog import SettingsDialog
from popbill_gui.ui.shared import input_hints
from popbill_gui.ui.shared.input_hints import FIELDS, FREE_TEXT, HINTS, Kind
from popbill_gui.ui.shared.jobs import JobRunner

from .conftest import ClerkWindow

Hint = Qt.InputMethodHint


def fields(top: QWidget) -> list[QWidget]:
    """Every line edit and spin box a clerk types into (not the line edit inside a spin box or a combo box)."""
    found: list[QWidget] = [*top.findChildren(QAbstractSpinBox)]
    found += [e for e in top.findChildren(QLineEdit) if not isinstance(e.parent(), (QAbstractSpinBox, QComboBox))]
    return found


def focus(qtbot: QtBot, widget: QWidget) -> None:
    """As a clerk's click or Tab does: the field's window active, the field (and what holds it) shown, focused."""
    top = widget.window()
    top.show()
    level: QWidget | None = widget
    while level is not None and level is not top:
        level.show()
        level = level.parentWidget()
    top.activateWindow()
    qtbot.waitActive(top)
    assert widget.isEnabled(), widget.objectName()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    assert QApplication.focusWidget() is widget


@pytest.fixture
def windows(qtbot: QtBot, clerk_window: ClerkWindow) -> Iterator[list[QWidget]]:
    """The main window with its three tabs built, Settings (everything in it), Find and History."""
    window = clerk_window("ko")
    window.batch_tab  # built on first use
    jobs = JobRunner()
    settings = SettingsDialog(Settings(), None, locked=set(), keyring_available=True, jobs=jobs)
    qtbot.addWidget(settings)
    find = window.finder.open(lambda invoice: None, mgt_key_type="SELL")
    history = HistoryDialog(window.service, window.jobs, window)
    qtbot.addWidget(history)
    assert isinstance(find, FindDialog)
    find.assign.setChecked(True)  # the numbering panel, with its pattern and first number
    yield [window, settings, find, history]
    find.close()
    jobs.shutdown(1000)


def test_every_field_is_registered(windows: list[QWidget]) -> None:
    names = [widget.objectName() for top in windows for widget in fields(top)]
    assert len(names) > 15
    unregistered = sorted({name for name in names if name not in FIELDS and name not in FREE_TEXT})
    assert unregistered == [], "register these in ui/shared/input_hints.py (FIELDS or FREE_TEXT)"
    assert not set(FIELDS) & FREE_TEXT


def test_ascii_fields_get_latin_input_and_the_others_keep_theirs(qtbot: QtBot, windows: list[QWidget]) -> None:
    seen: set[str] = set()
    for top in windows:
        for widget in fields(top):
            name = widget.objectName()
            focus(qtbot, widget)
            kind = FIELDS.get(name)
            if kind is None:
                assert input_hints.input_method_enabled(widget), name  # 거래처명, a folder's name: Korean
                continue
            wanted = HINTS[kind]
            assert widget.inputMethodHints() & wanted == wanted, name
            assert not input_hints.input_method_enabled(widget), name
            seen.add(name)
    # The fields the issue names, by what they hold.
    expected = {
        "resendMgtKey": Kind.KEY, "assignMgtKey": Kind.KEY, "findPattern": Kind.KEY, "assignItemKey": Kind.DIGITS,
        "settingsCorpNum": Kind.DIGITS, "resendReceiver": Kind.EMAIL, "settingsLinkId": Kind.LOGIN,
        "settingsUserId": Kind.LOGIN, "settingsSecretKey": Kind.SECRET, "settingsBaseUrl": Kind.URL,
        "batchConcurrency": Kind.NUMBER, "findFirstNumber": Kind.NUMBER,
    }  # fmt: skip
    assert expected.items() <= {name: FIELDS[name] for name in seen}.items()


def test_the_hints_of_each_kind() -> None:
    latin = Hint.ImhLatinOnly | Hint.ImhPreferLatin | Hint.ImhNoPredictiveText
    for kind in (Kind.KEY, Kind.EMAIL, Kind.URL, Kind.LOGIN, Kind.SECRET):
        assert HINTS[kind] & latin == latin, kind
    assert HINTS[Kind.EMAIL] & Hint.ImhEmailCharactersOnly
    assert HINTS[Kind.URL] & Hint.ImhUrlCharactersOnly
    assert HINTS[Kind.SECRET] & Hint.ImhSensitiveData
    assert HINTS[Kind.DIGITS] & Hint.ImhDigitsOnly and HINTS[Kind.NUMBER] & Hint.ImhDigitsOnly


def test_typing_still_types_and_a_revealed_secret_keeps_its_hints(qtbot: QtBot) -> None:
    ensure_app()  # what the program's start does: the fields follow the focus from then on
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.setObjectName("settingsSecretKey")
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    focus(qtbot, edit)
    qtbot.keyClicks(edit, "c2VjcmV0")
    assert edit.text() == "c2VjcmV0"
    edit.setEchoMode(QLineEdit.EchoMode.Normal)  # Qt takes NoPredictiveText and SensitiveData away here
    edit.clearFocus()
    focus(qtbot, edit)  # given back at the next focus
    assert edit.inputMethodHints() & HINTS[Kind.SECRET] == HINTS[Kind.SECRET]
    assert not input_hints.input_method_enabled(edit)
