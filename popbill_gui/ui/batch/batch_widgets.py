"""The batch tab's widgets and their layout, without behaviour (what Qt Designer's generated `Ui_` classes are for).

The preview takes the room; the selected row's detail (`batchDetail`) shows under it, whole. Above it, the file line
(`batchFile`: the path, then the sheet read, a type assumed, the clerk's own columns kept) and, only while they ask
something, the bars for hidden rows (`batchHiddenRows`), rows done before (`batchLeftOut`, its 다시 보내기 box
`batchAgain`) and an edited file (`batchChanged`).

`BatchTab` (batch_tab.py) builds one on itself (`self.ui = BatchWidgets(self, model)`) and gives the widgets their
life; `BatchTexts.apply` their words. Reading the layout here, one sees what the tab looks like; reading the tab,
what it does.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...batch.model import DEFAULT_CONCURRENCY, MAX_CONCURRENCY, OPERATIONS
from ..shared.details import DetailArea
from ..shared.tables import setup_table
from .batch_bars import ChoiceBar
from .batch_preview import PreviewModel
from .status_place import StatusLabel, StatusPlacement


class BatchWidgets:
    """The batch tab's controls, preview (of the tab's `model`), progress and status line, laid out on `tab`; the
    tab order follows the layout."""

    def __init__(self, tab: QWidget, model: PreviewModel) -> None:
        self.operation_label = QLabel(tab)
        self.operation = QComboBox(tab)
        self.operation.setObjectName("batchOperation")
        for operation in OPERATIONS:
            self.operation.addItem("", operation)
        self.operation_label.setBuddy(self.operation)
        self.choose_button = QPushButton(tab)
        self.choose_button.setObjectName("batchChoose")
        self.template_button = QPushButton(tab)
        self.template_button.setObjectName("batchTemplate")
        self.file_label = QLabel(tab)
        self.file_label.setObjectName("batchFile")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)  # a file or sheet name is never read as markup
        # The path, then what was read (the sheet, a type assumed, the clerk's columns), wrapped under it when it
        # does not fit: one line where there is room, so the rows keep theirs. A long path must not widen the
        # window: it is cut by the layout, the tooltip holds it whole.
        self.file_label.setWordWrap(True)
        self.file_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.hidden_send = QRadioButton(tab)
        self.hidden_send.setObjectName("batchHiddenSend")
        self.hidden_skip = QRadioButton(tab)
        self.hidden_skip.setObjectName("batchHiddenSkip")
        self.hidden_choice = QButtonGroup(tab)
        self.hidden_choice.addButton(self.hidden_send)
        self.hidden_choice.addButton(self.hidden_skip)
        self.hidden_bar = ChoiceBar(tab, "batchHiddenRows", [self.hidden_send, self.hidden_skip])
        self.again = QCheckBox(tab)
        self.again.setObjectName("batchAgain")
        self.left_out_bar = ChoiceBar(tab, "batchLeftOut", [self.again])
        self.resume_changed = QPushButton(tab)
        self.resume_changed.setObjectName("batchResumeChanged")
        self.abandon = QPushButton(tab)
        self.abandon.setObjectName("batchAbandon")
        self.changed_bar = ChoiceBar(tab, "batchChanged", [self.resume_changed, self.abandon])

        self.skip_invalid = QCheckBox(tab)
        self.skip_invalid.setObjectName("batchSkipInvalid")
        self.resend_unknown = QCheckBox(tab)
        self.resend_unknown.setObjectName("batchResendUnknown")
        self.failed_only = QCheckBox(tab)
        self.failed_only.setObjectName("batchFailedOnly")
        self.columns_button = QPushButton(tab)  # 열 선택: code, HTTP status, duration
        self.columns_button.setObjectName("batchColumns")
        self.concurrency_label = QLabel(tab)
        self.concurrency = QSpinBox(tab)
        self.concurrency.setObjectName("batchConcurrency")
        self.concurrency.setRange(1, MAX_CONCURRENCY)
        self.concurrency.setValue(DEFAULT_CONCURRENCY)
        self.concurrency_label.setBuddy(self.concurrency)

        # Columns are fitted when a file is loaded, not when the state columns appear at start and end:
        # measuring a thousand rows' texts then stalled the window for ~100 ms (benchmarks/bench_batch.py).
        self.preview = setup_table(tab, "batchPreview", model, precision=60)
        self.preview.setMinimumHeight(120)
        self.detail = DetailArea(tab, "batchDetail", lines=3)
        self.detail.hide()  # shown for a selected row

        self.progress = QProgressBar(tab)
        self.progress.setObjectName("batchProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = StatusLabel(tab)
        self.status.setObjectName("batchStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.switch_button = QPushButton(tab)  # offered when the file fits the other operation
        self.switch_button.setObjectName("batchSwitchOperation")
        self.switch_button.hide()

        self.start_button = QPushButton(tab)
        self.start_button.setObjectName("batchStart")
        self.cancel_button = QPushButton(tab)
        self.cancel_button.setObjectName("batchCancel")
        self.verify_button = QPushButton(tab)  # a finished assign batch: 팝빌에서 확인
        self.verify_button.setObjectName("batchVerify")
        self.verify_button.hide()
        self.export_button = QPushButton(tab)
        self.export_button.setObjectName("batchExport")

        top = QHBoxLayout()
        top.addWidget(self.operation_label)
        top.addWidget(self.operation)
        top.addWidget(self.choose_button)
        top.addWidget(self.template_button)
        top.addWidget(self.file_label, 1)
        options = QHBoxLayout()
        options.addWidget(self.skip_invalid)
        options.addWidget(self.resend_unknown)
        options.addWidget(self.failed_only)
        options.addWidget(self.columns_button)
        options.addStretch(1)
        options.addWidget(self.concurrency_label)
        options.addWidget(self.concurrency)
        # The status line beside the progress and the buttons, not under them: a line of the window's height
        # more for the rows. When it would wrap there, it takes a row of its own above them (status_place.py).
        self.progress.setMinimumWidth(120)
        self.progress.setMaximumWidth(220)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        status_gap = QWidget(tab)  # holds the buttons at the right while the status is above them
        status_gap.hide()
        buttons.addWidget(status_gap, 1)
        status_above = QHBoxLayout()
        top_aligned = Qt.AlignmentFlag.AlignTop
        for widget in (self.switch_button, self.progress, self.start_button, self.cancel_button, self.verify_button,
                       self.export_button):  # fmt: skip
            buttons.addWidget(widget, 0, top_aligned)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(4, 4, 4, 4)  # the rows get the room (at least half the window's height)
        layout.setSpacing(4)
        layout.addLayout(top)
        for bar in (self.hidden_bar, self.left_out_bar, self.changed_bar):
            layout.addWidget(bar)
        layout.addLayout(options)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.detail)
        layout.addLayout(status_above)
        layout.addLayout(buttons)
        self.status_place = StatusPlacement(tab, self.status, buttons, status_above, status_gap)

        tab_order = (
            self.operation, self.choose_button, self.template_button, self.hidden_send, self.hidden_skip, self.again,
            self.resume_changed, self.abandon, self.skip_invalid, self.resend_unknown, self.failed_only,
            self.columns_button, self.concurrency, self.preview, self.switch_button, self.start_button,
            self.cancel_button, self.verify_button, self.export_button,
        )  # fmt: skip
        for first, second in pairwise(tab_order):
            QWidget.setTabOrder(first, second)
