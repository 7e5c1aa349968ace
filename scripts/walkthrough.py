"""Walk through every screen of the window as a clerk would, and take a screenshot of each, in Korean and English at
1100×720 and 800×560 (the real window, in demo mode against the built-in simulator, or with no credentials):

    xvfb-run -a .venv/bin/python scripts/walkthrough.py [OUT_FOLDER] [--lang ko|en] [--size WxH] [--docs] [--dark]
        [--scene NAME]

Pictures go to OUT_FOLDER (default: popbill-walkthrough in the temporary folder) as `<lang>-<size>-<nn>-<screen>.png`;
`--docs` also writes the README's pictures, docs/screenshot.png, docs/batch.png and docs/find.png (Korean, 1100×720);
`--dark` takes them with a dark palette. Run it on a machine with a Korean font (fonts-nanum) so Hangul renders, and
look at every picture: nothing cut, nothing overlapping, no "…".
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox, QWidget

from popbill_gui.app import DemoWindow, create_window, ensure_app
from popbill_gui.storage.secrets import MemoryKeyring, SecretStore
from popbill_gui.ui.shared import file_dialogs
from popbill_gui.ui.window.main_window import MainWindow

if TYPE_CHECKING:
    from popbill_gui.ui.find.find_dialog import FindDialog

SIZES = ((1100, 720), (800, 560))
LANGS = ("ko", "en")


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], object], timeout_ms: int = 10000) -> bool:
    waited = 0
    while not condition() and waited < timeout_ms:
        wait(20)
        waited += 20
    return bool(condition())


def dispose(widget: QWidget) -> None:
    """Close and delete now, on the GUI thread: a closed window that lingers still gets every later language change,
    and one left to the garbage collector could be destroyed on a worker's thread."""
    widget.close()
    if isinstance(widget, MainWindow):
        widget.jobs.wait(5000)
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


class Walk:
    """One language at one size: each scene opens what it needs, saves its pictures and closes it again."""

    def __init__(self, out: Path, lang: str, size: tuple[int, int], tag: str = "") -> None:
        self.out = out
        self.lang = lang
        self.tag = f"-{tag}" if tag else ""
        self.size = size
        self.count = 0
        self.folder = Path(tempfile.mkdtemp(prefix="popbill-walk-"))
        self.saved: dict[str, Path] = {}

    def shot(self, widget: QWidget, name: str) -> Path:
        wait(250)  # layouts settle, late texts arrive
        self.count += 1
        path = self.out / f"{self.lang}{self.tag}-{self.size[0]}x{self.size[1]}-{self.count:02d}-{name}.png"
        widget.grab().save(str(path))
        self.saved[name] = path
        print(path)
        return path

    def window(self, *, demo: bool = True, keyring: bool = True) -> MainWindow:
        """A window: the demo (simulator, demo credentials), or a first start with no credentials."""
        environ = {"POPBILL_LANG": self.lang}
        if demo:
            window = create_window(demo=True, environ=environ)
        else:
            store = SecretStore(MemoryKeyring() if keyring else None, self.lang)  # type: ignore[arg-type]
            window = create_window(
                environ=environ,
                settings_path=self.folder / "settings.json",
                store_factory=lambda lang: store,
                history_path=self.folder / "first-start.sqlite3",
            )
        window.resize(*self.size)
        window.confirm = lambda title, text: True
        window.show()
        if isinstance(window, DemoWindow):
            window.ensure_simulator()
        wait_until(lambda: window.session.source.value != "pending", 5000)
        wait(300)
        return window

    # -- the scenes ---------------------------------------------------------------------------------------
    def first_start(self) -> None:
        """No credentials and no keyring: the setup bar; Send says where to enter them; Settings says why OK waits."""
        window = self.window(demo=False, keyring=False)
        self.shot(window, "first-start-no-keyring")
        tab = window.resend_tab
        tab.mgt_key.edit.setText("INV-2026-0001")
        tab.receiver.edit.setText("staff@example.com")
        tab.button.click()
        self.shot(window, "send-without-credentials")
        dialog = window.settings_keeper.dialog()
        dialog.link_id.setText("TESTER")
        dialog.secret_key.setText("c2VjcmV0")
        dialog.corp_num.edit.setText("1248100998")
        self.show_dialog(dialog, "settings-no-keyring")
        dispose(window)

    def show_dialog(self, dialog: QWidget, name: str) -> None:
        dialog.show()
        self.shot(dialog, name)
        dispose(dialog)

    def sent_twice(self) -> MainWindow:
        """The demo window after a success and a refusal on the resend tab."""
        window = self.window()
        tab = window.resend_tab
        for mgt_key, receiver in (("INV-2026-0001", "staff@example.com"), ("NOTFOUND-7", "staff@example.com")):
            tab.mgt_key.edit.setText(mgt_key)
            tab.receiver.edit.setText(receiver)
            rows = window.log_model.rowCount()
            tab.button.click()
            wait_until(lambda rows=rows: window.log_model.rowCount() > rows)
        invoice = getattr(tab, "invoice_label", None)  # the invoice the keys name, looked up as they are typed
        if invoice is not None:
            wait(600)  # the look-up waits for typing to pause before it starts
            wait_until(lambda: "…" not in invoice.text(), 5000)
        return window

    def resend_only(self) -> None:
        """The README's first picture."""
        window = self.sent_twice()
        self.shot(window, "resend-refused")
        dispose(window)

    def resend(self) -> None:
        """A success and a refusal (the result line, the log's detail), then the live checks; Settings, the
        History and the file dialogs from the same window."""
        window = self.sent_twice()
        tab = window.resend_tab
        self.shot(window, "resend-refused")
        tab.mgt_key.edit.setText("INV-2026-0002/문")  # the live checks, in words
        tab.receiver.edit.setText("staff@examplecom")
        self.shot(window, "resend-checks")
        window.log_pane.view.selectRow(0)
        self.shot(window, "log-row-selected")
        self.show_dialog(window.settings_keeper.dialog(), "settings")
        dialog = window.settings_keeper.dialog()
        dialog.set_advanced_shown(True)
        dialog.env.setCurrentIndex(dialog.env.findData("production"))
        dialog.base_url.edit.setText("http://example.com/api")  # refused: plain http off this computer
        self.show_dialog(dialog, "settings-advanced-production")
        self.history(window)
        folder = str(self.folder)
        self.show_dialog(file_dialogs.build(window, "CSV", folder, "CSV (*.csv *.xlsx)", save=False), "file-open")
        self.show_dialog(
            file_dialogs.build(window, "Excel", str(self.folder / "results.xlsx"), "Excel (*.xlsx)", save=True),
            "file-save",
        )
        dispose(window)

    def history(self, window: MainWindow) -> None:
        from popbill_gui.ui.history.history_dialog import HistoryDialog

        dialog = HistoryDialog(window.service, window.jobs, window)
        dialog.resize(min(1000, self.size[0]), min(560, self.size[1]))
        dialog.show()
        wait_until(lambda: dialog.model.rowCount() > 0, 5000)
        dialog.view.selectRow(dialog.model.rowCount() - 1)
        self.shot(dialog, "history")
        dispose(dialog)

    def assign(self) -> None:
        """The confirmation (values on their own lines), then an ItemKey POPBiLL does not know."""
        window = self.window()
        window.tabs.setCurrentIndex(1)
        tab = window.assign_tab

        def confirm(title: str, text: str) -> bool:
            box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Yes
                              | QMessageBox.StandardButton.No, window)  # fmt: skip
            self.show_dialog(box, "assign-confirm")
            return True

        window.confirm = confirm
        tab.item_key.edit.setText("000000415000000001")  # the simulator knows no invoice by it
        tab.mgt_key.edit.setText("INV-2026-0101")
        rows = window.log_model.rowCount()
        tab.button.click()
        wait_until(lambda: window.log_model.rowCount() > rows)
        self.shot(window, "assign-refused")
        dispose(window)

    def find(self) -> None:
        """The Find dialog (문서번호 할당 → 찾기) after its first search, three invoices chosen to get IDs."""
        window = self.window()
        window.tabs.setCurrentWidget(window.assign_tab)
        dialog = window.assign_tab.open_find()
        dialog.resize(*self.size)
        wait_until(lambda: not dialog.searching and dialog.model.rowCount() > 0, 15000)
        dialog.assign.setChecked(True)
        selection = dialog.view.selectionModel()
        model = dialog.model
        issued = [row for row in range(model.rowCount()) if (model.invoice(row).state_code or 0) // 100 == 3]
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        selection.clearSelection()  # the search selected its first row
        for row in issued[:3]:
            selection.select(model.index(row, 0), flags)
        self.shot(dialog, "find")
        dialog.reject()
        dispose(window)

    def batch(self) -> None:
        """A file loaded, run (a refusal, a skipped invalid row), the failed rows only with one row in full; a file
        made for the other operation; a template saved."""
        window = self.window()
        rows = [f"매출,INV-2026-{i:04d},staff{i}@example.com" for i in range(1, 25)]
        rows[3] = "SELL,INV-2026/0004,staff4@example.com"  # invalid: shown with its reason, skipped
        rows[5] = "sell,NOTFOUND-0006,staff6@example.com"  # refused by the simulator
        name = "메일재전송.csv" if self.lang == "ko" else "resend.csv"
        header = "문서유형,문서번호,수신 이메일" if self.lang == "ko" else "Type,Document ID,E-mail"
        (self.folder / name).write_text(header + "\n" + "\n".join(rows) + "\n", encoding="cp949")
        window.tabs.setCurrentWidget(window.batch_page)
        tab = window.batch_tab
        tab.load_file(str(self.folder / name))
        wait_until(lambda: not tab.working)
        self.shot(window, "batch-loaded")
        box = tab.findChild(QCheckBox, "batchSkipInvalid")
        assert box is not None
        box.setChecked(True)
        tab.start()
        wait_until(lambda: tab.busy, 5000)
        wait_until(lambda: not tab.working, 20000)
        self.shot(window, "batch-finished")
        tab.ui.failed_only.setChecked(True)
        tab.ui.preview.selectRow(1)  # the refusal: POPBiLL's message and our advice in full
        self.shot(window, "batch-failed-only")
        tab.ui.failed_only.setChecked(False)
        other = self.folder / ("문서번호할당.csv" if self.lang == "ko" else "assign.csv")
        other.write_text("팝빌번호,문서유형,문서번호\n024112415000000001,매출,INV-1\n", encoding="utf-8")
        tab.load_file(str(other))
        wait_until(lambda: not tab.working)
        tab.template_to(str(self.folder / "template.xlsx"))
        wait_until(lambda: (self.folder / "template.xlsx").exists())
        self.shot(window, "batch-other-operation")
        dispose(window)

    # -- starting from an invoice (issue 19 items 2, 3 and 7 for Find) ------------------------------------------
    def _find_from(self, window: MainWindow, tab: str) -> FindDialog:
        """Find opened by a tab's button, at the size it takes on this screen, after its first search."""
        from popbill_gui.ui.find.find_dialog import FindDialog

        page = window.resend_tab if tab == "resend" else window.assign_tab
        window.tabs.setCurrentWidget(page)
        page.find_button.click()
        dialog = window.findChild(FindDialog, "findDialog")
        assert dialog is not None
        wait_until(lambda: not dialog.searching and dialog.model.rowCount() > 0, 15000)
        return dialog

    def _select(self, dialog: FindDialog, rows: list[int]) -> None:
        selection = dialog.view.selectionModel()
        selection.clearSelection()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for row in rows:
            selection.select(dialog.model.index(row, 0), flags)
        if rows:
            dialog.view.scrollTo(dialog.model.index(rows[0], 1))  # column 0 may be hidden

    def find_resend(self) -> None:
        """Our partner never got the mail: Find from the Resend tab (every invoice, the screen's room), an invoice
        without a document ID chosen (why not, and the way to give it one), several chosen for their mails, and one
        used: the Resend tab with its document ID and the address on file."""
        window = self.window()
        dialog = self._find_from(window, "resend")
        model = dialog.model
        self.shot(dialog, "find-from-resend")
        issued = [r for r in range(model.rowCount()) if model.invoice(r).state_code == 304]
        unnamed = next((r for r in issued if not model.invoice(r).mgt_key), None)
        if unnamed is not None:
            self._select(dialog, [unnamed])
            dialog.use_current()  # refused, with the reason and the way out
            self.shot(dialog, "find-resend-no-id")
        several = [r for r in issued if model.invoice(r).mgt_key][:4]
        self._select(dialog, several + ([unnamed] if unnamed is not None else []))
        self.shot(dialog, "find-resend-many")
        self._select(dialog, several[:1])
        dialog.use_current()
        tab = window.resend_tab
        wait_until(lambda: bool(tab.receiver.edit.text()), 5000)
        self.shot(window, "resend-from-find")
        dispose(window)

    def find_numbering(self) -> None:
        """The numbering panel: the list oldest first, a cancelled or NTS-failed invoice left out, the numbers down
        the list; then the batch tab with the chosen invoices' partner, date, amount and state."""
        window = self.window()
        dialog = self._find_from(window, "assign")
        dialog.without_mgt_key.setChecked(False)
        dialog.use_preset("last_3_months")
        wait_until(lambda: not dialog.searching and dialog.model.rowCount() > 0, 15000)
        dialog.assign.setChecked(True)
        model = dialog.model
        unnamed = [r for r in range(model.rowCount()) if not model.invoice(r).mgt_key]
        aside = [r for r in unnamed if (model.invoice(r).state_code or 0) in (305, 600)]
        plain = [r for r in unnamed if r not in aside]
        self._select(dialog, sorted(plain[:5] + aside[:2]))
        if aside:
            center = dialog.view.ScrollHint.PositionAtCenter
            dialog.view.scrollTo(model.index(aside[0], 1), center)  # a left-out invoice in sight
        self.shot(dialog, "find-numbering")
        self._select(dialog, plain[:5])
        asked: list[str] = []

        def confirm(title: str, text: str) -> bool:
            box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Yes
                              | QMessageBox.StandardButton.No, window)  # fmt: skip
            self.show_dialog(box, "find-numbering-confirm")
            asked.append(text)
            return False  # nothing sent: the demo's book keeps its invoices without IDs

        window.confirm = confirm
        dialog.assign.button.click()
        wait_until(lambda: bool(asked), 15000)
        tab = window.batch_tab
        wait_until(lambda: not tab.working, 15000)
        self.shot(window, "find-numbering-batch")
        dispose(window)

    # -- the batch tab's choices and results (issues 18 and 19, window side) ------------------------------------
    def batch_window(self) -> MainWindow:
        window = self.window()
        window.tabs.setCurrentWidget(window.batch_page)
        return window

    def load_batch(self, window: MainWindow, path: Path, *, from_find: bool = False) -> None:
        tab = window.batch_tab
        tab.load_file(str(path), from_find=from_find)
        wait_until(lambda: not tab.working)

    def confirm_shot(self, window: MainWindow, name: str) -> None:
        """The next question the window asks, shown as the clerk sees it, and answered yes."""

        def confirm(title: str, text: str) -> bool:
            box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Yes
                              | QMessageBox.StandardButton.No, window)  # fmt: skip
            self.show_dialog(box, name)
            return True

        window.confirm = confirm

    def batch_korean_office(self) -> None:
        """An Excel file as offices write it: 구분, the clerk's own columns, rows Excel hides (asked above the table),
        a sheet named; then the hidden rows left out and the batch run."""
        import openpyxl

        window = self.batch_window()
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "11월 발행분"
        sheet.append(["구분", "문서번호", "수신 이메일", "거래처명", "비고"])
        for i in range(1, 21):
            sheet.append(["매출" if i % 4 else "매입", f"INV-2026-{i:04d}", f"staff{i}@example.com", f"거래처 {i}호",
                          "재발송 요청" if i % 3 == 0 else ""])  # fmt: skip
        for row in (4, 9):
            sheet.row_dimensions[row].hidden = True
        path = self.folder / ("거래처별-메일.xlsx" if self.lang == "ko" else "mails-by-partner.xlsx")
        book.save(path)
        self.load_batch(window, path)
        self.shot(window, "batch-hidden-rows")
        tab = window.batch_tab
        tab.ui.hidden_skip.setChecked(True)
        tab.start()
        wait_until(lambda: tab.busy, 5000)
        wait_until(lambda: not tab.working, 20000)
        self.shot(window, "batch-hidden-left-out")
        dispose(window)

    def batch_done_before(self) -> None:
        """A file run again: the rows done in the last 24 hours counted and left out, with the box to send them."""
        window = self.batch_window()
        path = self.folder / ("메일-재전송.csv" if self.lang == "ko" else "mails.csv")
        path.write_text("문서유형,문서번호,수신메일\n" + "".join(
            f"매출,INV-2026-{i:04d},staff{i}@example.com\n" for i in range(1, 13)), encoding="utf-8")  # fmt: skip
        tab = window.batch_tab
        self.load_batch(window, path)
        tab.start()
        wait_until(lambda: tab.busy, 5000)
        wait_until(lambda: not tab.working, 20000)
        self.load_batch(window, path)
        self.shot(window, "batch-done-before")
        dispose(window)

    def batch_edited(self) -> None:
        """A file edited after its batch was interrupted: nothing sent, resume as journaled or abandon."""
        from popbill_gui.batch.model import RowOutcome, RowState
        from popbill_gui.batch.reader import read_batch

        window = self.batch_window()
        path = self.folder / ("중단된-메일.csv" if self.lang == "ko" else "interrupted.csv")
        rows = [f"매출,INV-2026-{i:04d},staff{i}@example.com" for i in range(1, 11)]
        path.write_text("문서유형,문서번호,수신메일\n" + "\n".join(rows) + "\n", encoding="utf-8")
        service = window.service
        journal = service.journal()
        file = read_batch(path, "resend_email")
        batch_id = journal.create_batch(
            operation="resend_email", source=str(path.absolute()), fingerprint=file.fingerprint(),
            environment=service.environment_name, corp_num=service.corp_num, rows=file.rows, concurrency=2,
        )  # fmt: skip
        for row in (2, 3):
            journal.mark_sending(batch_id, row)
            journal.mark_result(batch_id, row, RowOutcome(row, RowState.DONE, 1, "OK", 200, 0.1))
        rows[5] = "매출,INV-2026-0006,fixed6@example.com"  # the clerk fixes a row, then runs the file again
        path.write_text("문서유형,문서번호,수신메일\n" + "\n".join(rows) + "\n", encoding="utf-8")
        tab = window.batch_tab
        self.load_batch(window, path)
        tab.start()
        wait_until(lambda: not tab.working and tab.ui.changed_bar.isVisible(), 10000)
        self.shot(window, "batch-edited-file")
        dispose(window)

    def batch_from_find(self) -> None:
        """Invoices chosen in Find, numbered: their partner, date, amount and state beside each new ID, and the
        question that lists them; then the batch done and checked on POPBiLL."""
        from popbill_gui.simulator import DEMO_CORP_NUM

        window = self.batch_window()
        assert isinstance(window, DemoWindow) and window.simulator is not None
        invoices = [i for i in window.simulator.state.invoices(DEMO_CORP_NUM, "SELL") if not i.our_mgt_key][:4]
        header = "팝빌번호,문서유형,문서번호,거래처,작성일자,합계금액,상태" if self.lang == "ko" else (
            "ItemKey,MgtKeyType,MgtKey,Partner,Written,Total,State")  # fmt: skip
        state = "발행완료" if self.lang == "ko" else "issued"
        lines = [
            f"{i.item_key},SELL,T-2026-{n:02d},{i.fields['invoiceeCorpName']},{i.fields['writeDate']},"
            f"\"{int(i.fields['totalAmount']):,}\",{state}"
            for n, i in enumerate(invoices, start=1)
        ]
        path = self.folder / "assign-list.csv"
        path.write_text(header + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
        tab = window.batch_tab
        tab.set_operation("assign_mgt_key")
        self.load_batch(window, path, from_find=True)
        self.shot(window, "batch-from-find")
        self.confirm_shot(window, "batch-from-find-confirm")
        tab.start()
        wait_until(lambda: tab.busy, 5000)
        wait_until(lambda: not tab.working, 20000)
        tab.verify()
        wait_until(lambda: not tab.working, 20000)
        self.shot(window, "batch-verified")
        dispose(window)

    def batch_refusals(self) -> None:
        """An old .xls dropped (the re-save sentence at once), an export named 결과.txt (refused with a sentence), a
        history another program holds (the batch stops, said as such, resumable)."""
        import sqlite3

        from popbill_gui.storage import history as history_module

        window = self.batch_window()
        tab = window.batch_tab
        old = self.folder / ("예전-목록.xls" if self.lang == "ko" else "old-list.xls")
        old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
        self.load_batch(window, old)
        self.shot(window, "batch-xls")
        path = self.folder / "m.csv"
        path.write_text("문서유형,문서번호,수신메일\n" + "".join(
            f"매출,LOCK-{i},staff{i}@example.com\n" for i in range(1, 9)), encoding="utf-8")  # fmt: skip
        self.load_batch(window, path)
        tab.export_to(str(self.folder / ("결과.txt" if self.lang == "ko" else "results.txt")))
        wait_until(lambda: not tab.working)
        wait(300)
        self.shot(window, "batch-export-name")
        # Another program holds the history's write lock while rows are in flight: the batch stops.
        history_module.BUSY_TIMEOUT = 0.3  # type: ignore[misc]  # "past the wait", without waiting 30 s
        holder = sqlite3.connect(window.service.history().path, isolation_level=None, timeout=5)
        assert isinstance(window, DemoWindow) and window.simulator is not None
        sim = window.simulator
        sim.latency_ms = 600
        tab.ui.concurrency.setValue(2)
        tab.start()
        wait_until(lambda: sim.count("send_email") >= 2, 10000)
        holder.execute("BEGIN IMMEDIATE")
        wait_until(lambda: not tab.working, 20000)
        holder.execute("ROLLBACK")
        holder.close()
        sim.latency_ms = 150
        self.shot(window, "batch-history-stopped")
        dispose(window)


def dark_palette() -> None:
    """A dark palette, as Windows' or macOS' dark mode gives one (Fusion, which follows the palette)."""
    from PySide6.QtGui import QColor, QPalette

    app = ensure_app()
    app.setStyle("Fusion")
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e6e6e6"), (QPalette.ColorRole.Button, "#333333"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"), (QPalette.ColorRole.Highlight, "#2f65ca"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.ToolTipBase, "#333333"),
        (QPalette.ColorRole.ToolTipText, "#e6e6e6"), (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
    ):  # fmt: skip
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    app.setPalette(palette)


def run(
    out: Path,
    langs: tuple[str, ...],
    sizes: tuple[tuple[int, int], ...],
    docs: bool,
    dark: bool = False,
    only: tuple[str, ...] = (),
) -> int:
    ensure_app()
    if dark:
        dark_palette()
    out.mkdir(parents=True, exist_ok=True)
    for lang in langs:
        for size in sizes:
            walk = Walk(out, lang, size, "dark" if dark else "")
            try:
                for scene in (
                    walk.first_start, walk.resend, walk.assign, walk.find, walk.batch, walk.find_resend,
                    walk.find_numbering, walk.batch_korean_office, walk.batch_done_before, walk.batch_edited,
                    walk.batch_from_find, walk.batch_refusals,
                ):  # fmt: skip
                    if only and scene.__name__ not in only:
                        continue
                    scene()
                    QApplication.processEvents()
                if docs and lang == "ko" and size == SIZES[0] and not dark and not only:
                    Path("docs").mkdir(exist_ok=True)
                    shutil.copyfile(walk.saved["resend-refused"], "docs/screenshot.png")
                    shutil.copyfile(walk.saved["batch-failed-only"], "docs/batch.png")
                    shutil.copyfile(walk.saved["find"], "docs/find.png")
            finally:
                shutil.rmtree(walk.folder, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", nargs="?", default=str(Path(tempfile.gettempdir()) / "popbill-walkthrough"))
    parser.add_argument("--lang", choices=LANGS, action="append")
    parser.add_argument("--size", action="append", help="WxH, e.g. 1100x720")
    parser.add_argument("--docs", action="store_true", help="also write docs/screenshot.png, batch.png and find.png")
    parser.add_argument("--dark", action="store_true", help="with a dark palette, as in Windows' or macOS' dark mode")
    parser.add_argument("--scene", action="append", help="only these scenes (method names), e.g. batch_edited")
    args = parser.parse_args(argv)
    sizes = tuple(tuple(int(n) for n in s.split("x")) for s in args.size) if args.size else SIZES
    langs = tuple(args.lang or LANGS)
    return run(Path(args.out), langs, sizes, args.docs, args.dark, tuple(args.scene or ()))  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
