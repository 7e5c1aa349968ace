"""The detail under a table (the log, the history, the batch preview): the selected row whole, where a cell would cut
it: what happened, POPBiLL's message or our sentence, the advice and the time, in words. The code, the HTTP status and
the duration are for IT: the detail's tooltip (`DetailTexts.facts`), never its words.

`DetailArea` shows it (a word-wrapped, selectable label in a scroll area; plain text: a server message is never read
as markup);
`Detail` holds a row's parts and `DetailTexts.text` words them (Qt's translations, context "DetailTexts").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QWidget


@dataclass(frozen=True)
class Detail:
    """One row's parts, already in words where the table has them in words."""

    result: str  # "실패", "완료", …
    heading: str  # what and which: "이메일 재전송 · SELL INV-1 → a@b.kr"
    message: str  # POPBiLL's message or our sentence
    ok: bool = False
    hint: str | None = None
    code: int | None = None
    http_status: int | None = None
    duration: float | None = None  # seconds
    time: datetime | None = None
    extra: tuple[str, ...] = ()  # more lines, said as they are (a batch row's values and checks)


class DetailTexts(QObject):
    """The words of a detail."""

    def text(self, detail: Detail) -> str:
        lines = [f"{detail.result} · {detail.heading}" if detail.heading else detail.result]
        lines += detail.extra
        if detail.message:
            label = self.tr("Message: %1") if detail.ok else self.tr("Cause: %1")
            lines.append(label.replace("%1", detail.message))
        if detail.hint:
            lines.append(self.tr("What to do: %1").replace("%1", detail.hint))
        if detail.time is not None:
            lines.append(detail.time.strftime("%Y-%m-%d %H:%M:%S"))
        return "\n".join(lines)

    def facts(self, detail: Detail) -> str:
        """POPBiLL's code, the HTTP status and the duration in one line, for IT (a tooltip); "" when none."""
        facts = []
        if detail.code is not None:
            facts.append(self.tr("Code %1").replace("%1", str(detail.code)))
        if detail.http_status is not None:
            facts.append(self.tr("HTTP %1").replace("%1", str(detail.http_status)))
        if detail.duration is not None:
            facts.append(self.tr("%1 ms").replace("%1", f"{detail.duration * 1000:.0f}"))
        return " · ".join(facts)


class DetailArea(QScrollArea):
    """The label a detail is shown in (`object_name`; the area is `<object_name>Area`): word-wrapped, selectable to
    copy, in a scroll area a few lines high, so that a long answer is never cut and never pushes the window taller
    than the screen."""

    def __init__(self, parent: QWidget, object_name: str, lines: int = 4) -> None:
        super().__init__(parent)
        self.setObjectName(object_name + "Area")
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the label takes focus to select text, by mouse only
        self.label = QLabel(self)
        self.label.setObjectName(object_name)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setMargin(4)
        self.setWidget(self.label)
        self._lines = lines
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def _height(self, lines: int) -> int:
        return self.fontMetrics().lineSpacing() * lines + 2 * (self.label.margin() + self.frameWidth()) + 2

    def sizeHint(self) -> QSize:
        """As tall as the text (so the usual detail needs no scrolling), between 2 and `lines` + 2 lines."""
        width = self.viewport().width() if self.width() > 50 else 600
        needed = self.label.heightForWidth(width) + 2 * self.frameWidth() + 2
        return QSize(super().sizeHint().width(), max(self._height(2), min(needed, self._height(self._lines + 2))))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height(2))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the text wraps differently: another height

    def setText(self, text: str, tip: str = "") -> None:
        self.label.setText(text)
        self.label.setToolTip(tip)
        self.updateGeometry()

    def text(self) -> str:
        return self.label.text()
