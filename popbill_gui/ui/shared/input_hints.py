"""Latin input where only ASCII belongs: document IDs, ItemKeys, NTS numbers, e-mail addresses, LinkID, SecretKey,
business numbers, user IDs, URLs, the numbering pattern.

A clerk on a Korean keyboard leaves 한/영 on 한 most of the day; typing `INV-001` into such a field gives `ㅑㅜㅍ-001`.
Every such field is named here (`FIELDS`, by objectName) with what it holds, and gets, when it is made
(`CheckedField`) or at the latest when it takes focus (`follow_focus`, once for the application: a new field needs
no call of its own, only its name here):

- Qt's input-method hints (`ImhLatinOnly`, `ImhPreferLatin`, `ImhNoPredictiveText`, `ImhNoAutoUppercase`, and
  `ImhEmailCharactersOnly`, `ImhUrlCharactersOnly`, `ImhDigitsOnly` or `ImhSensitiveData` by kind), which the
  platforms that read hints (virtual keyboards, Wayland's text-input, IBus's content purpose) follow;
- no input method at all (the field answers Qt's `ImEnabled` query with False). That is what acts on Windows and
  macOS, whose Qt plugins do not read `ImhLatinOnly`: on Windows Qt then detaches the IME from the window while the
  field has focus (`QWindowsInputContext::updateEnabled`, as it does for password fields), so the Korean keyboard
  layout types Latin letters whatever 한/영 says; on macOS Qt then hands the key to the field without asking the
  input source to compose it (`QNSView handleKeyEvent`, as for `ImhDigitsOnly` and `ImhHiddenText`).

Fields that take Korean (a partner's name, the History filter, a file path) are listed in `FREE_TEXT`, so that
tests/ui/test_input_hints.py can fail for a new field that is in neither list. An e-mail address may have a Korean
domain (rare; the check accepts it): it can be pasted.
"""

from __future__ import annotations

from enum import Enum
from typing import Final

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QInputMethodQueryEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QWidget

Hint = Qt.InputMethodHint


class Kind(Enum):
    """What an ASCII field holds, and so which hints it gets."""

    KEY = "key"  # document ID (MgtKey), the numbering pattern: letters, digits, '-' and '_'
    DIGITS = "digits"  # ItemKey, NTS number, business number: digits (the hyphens of the last two are optional)
    EMAIL = "email"
    URL = "url"
    LOGIN = "login"  # LinkID, user ID: printable ASCII, case matters
    SECRET = "secret"  # noqa: S105 -- a kind of field (SecretKey, session token), not a password
    NUMBER = "number"  # spin boxes: a count, a first number, seconds
    DATE = "date"  # date edits: digits and the locale's separators


_LATIN: Final = Hint.ImhLatinOnly | Hint.ImhPreferLatin | Hint.ImhNoPredictiveText | Hint.ImhNoAutoUppercase
HINTS: Final[dict[Kind, Hint]] = {
    Kind.KEY: _LATIN,
    Kind.DIGITS: Hint.ImhDigitsOnly | Hint.ImhNoPredictiveText,
    Kind.EMAIL: _LATIN | Hint.ImhEmailCharactersOnly,
    Kind.URL: _LATIN | Hint.ImhUrlCharactersOnly,
    Kind.LOGIN: _LATIN,
    Kind.SECRET: _LATIN | Hint.ImhSensitiveData,
    Kind.NUMBER: Hint.ImhDigitsOnly | Hint.ImhNoPredictiveText,
    Kind.DATE: Hint.ImhDate | Hint.ImhPreferNumbers | Hint.ImhNoPredictiveText,
}

# Every ASCII field of the window, by objectName. A field added elsewhere is registered here (one line).
FIELDS: Final[dict[str, Kind]] = {
    "resendMgtKey": Kind.KEY,
    "resendReceiver": Kind.EMAIL,
    "assignItemKey": Kind.DIGITS,
    "assignMgtKey": Kind.KEY,
    "assignNtsConfirmNum": Kind.DIGITS,  # when the Assign tab takes an NTS number
    "findPattern": Kind.KEY,
    "findFirstNumber": Kind.NUMBER,
    "findFrom": Kind.DATE,
    "findTo": Kind.DATE,
    "historyFrom": Kind.DATE,
    "historyTo": Kind.DATE,
    "batchConcurrency": Kind.NUMBER,
    "settingsCorpNum": Kind.DIGITS,
    "settingsLinkId": Kind.LOGIN,
    "settingsSecretKey": Kind.SECRET,
    "settingsToken": Kind.SECRET,
    "settingsUserId": Kind.LOGIN,
    "settingsBaseUrl": Kind.URL,
    "settingsAuthUrl": Kind.URL,
    "settingsPacUrl": Kind.URL,  # the automatic proxy configuration script (PAC)
    "settingsTimeout": Kind.NUMBER,
}
# Fields where Korean belongs: left as Qt makes them.
FREE_TEXT: Final = frozenset({"findPartner", "historyText", "settingsCaBundle"})

_APPLIED: Final = "popbillInputKind"  # the property that marks a field done


class _NoInputMethod(QObject):
    """Answers `ImEnabled` with False for the fields it watches, after the field has answered the rest itself.

    (A QLineEdit answers `ImEnabled` from isEnabled() and isReadOnly() alone; Qt::WA_InputMethodEnabled does not
    change its answer, so the answer is changed here.)"""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.InputMethodQuery or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QInputMethodQueryEvent)
        watched.event(event)  # the field's own answers (the cursor, the surrounding text, the hints)
        if event.queries() & Qt.InputMethodQuery.ImEnabled:
            event.setValue(Qt.InputMethodQuery.ImEnabled, False)
        return True


_filter: _NoInputMethod | None = None


def _no_input_method() -> _NoInputMethod:
    global _filter
    if _filter is None:
        _filter = _NoInputMethod(QApplication.instance())
    return _filter


def kind_of(widget: QWidget) -> Kind | None:
    """The kind of ASCII field `widget` is, by its objectName; None for any other widget."""
    return FIELDS.get(widget.objectName())


def apply(widget: QWidget) -> bool:
    """Give `widget` (a line edit or spin box named in FIELDS) its hints and no input method. Idempotent: the hints
    are added again if something took them away since (QLineEdit.setEchoMode(Normal) clears NoPredictiveText)."""
    kind = kind_of(widget)
    if kind is None:
        return False
    wanted = HINTS[kind]
    if (widget.inputMethodHints() & wanted) != wanted:
        widget.setInputMethodHints(widget.inputMethodHints() | wanted)
    if widget.property(_APPLIED) is None:
        widget.setProperty(_APPLIED, kind.value)
        widget.installEventFilter(_no_input_method())
        if widget.hasFocus():  # the platform asked already: have it ask again
            QApplication.inputMethod().update(Qt.InputMethodQuery.ImEnabled | Qt.InputMethodQuery.ImHints)
    return True


def input_method_enabled(widget: QWidget) -> bool:
    """What `widget` answers when the platform asks whether it takes input-method text (tests, diagnostics)."""
    query = QInputMethodQueryEvent(Qt.InputMethodQuery.ImEnabled)
    QApplication.sendEvent(widget, query)
    return bool(query.value(Qt.InputMethodQuery.ImEnabled))


def _focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
    if isinstance(new, (QLineEdit, QAbstractSpinBox)):
        apply(new)


_following: list[QApplication] = []


def follow_focus(app: QApplication) -> None:
    """Apply the hints to every named field as it takes focus, in every window of `app`. Once per application.

    Qt's focusChanged comes once per change of focus (no filter on every event of the application); a field that
    takes focus before this runs is given its hints at its next focus, or by `apply` where it is made."""
    if app in _following:
        return
    _following.append(app)
    app.focusChanged.connect(_focus_changed)
