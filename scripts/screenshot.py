"""Take the README's screenshots of the real window in demo mode:
`xvfb-run -a .venv/bin/python scripts/screenshot.py docs/screenshot.png docs/batch.png`, and of the Find dialog:
`xvfb-run -a .venv/bin/python scripts/screenshot.py --find FOLDER` (Korean and English, 1100×720 and 800×560,
find-<lang>-<size>.png; the Korean 1100×720 one is the README's docs/find.png).

It types into the resend tab, sends twice (one success, one refusal), waits for the log rows and saves
docs/screenshot.png. Run it on a machine with a Korean font (fonts-nanum) so Hangul renders.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer
from PySide6.QtWidgets import QCheckBox

from popbill_gui.app import create_window, ensure_app


def wait_until(condition, timeout_ms: int = 10000) -> None:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    waited = 0
    while not condition() and waited < timeout_ms:
        QTimer.singleShot(20, loop.quit)
        loop.exec()
        waited += 20


def batch_shot(out: Path) -> bool:
    """The batch tab after a run of a small CP949 file with one invalid row skipped and one refusal."""
    import tempfile

    window = create_window(demo=True, environ={"POPBILL_LANG": "ko"})
    window.resize(960, 640)
    window.show()
    window.confirm = lambda title, text: True
    folder = Path(tempfile.mkdtemp())
    rows = [f"SELL,INV-2026-{i:04d},staff{i}@example.com" for i in range(1, 9)]
    rows[3] = "SELL,INV-2026/0004,staff4@example.com"  # invalid: shown with its reason, skipped
    rows[5] = "SELL,NOTFOUND-0006,staff6@example.com"  # refused by the simulator
    (folder / "메일재전송.csv").write_text("문서유형,문서번호,수신메일\n" + "\n".join(rows) + "\n", encoding="cp949")
    window.tabs.setCurrentWidget(window.batch_page)
    tab = window.batch_tab
    wait_until(lambda: window.simulator is not None, 2000)  # type: ignore[attr-defined]
    tab.load_file(str(folder / "메일재전송.csv"))
    tab.findChild(QCheckBox, "batchSkipInvalid").setChecked(True)
    tab.start()
    wait_until(lambda: not tab.busy, 15000)
    wait_until(lambda: False, 300)
    ok = window.grab().save(str(out))
    window.close()
    return ok


def find_shot(out: Path, lang: str, size: tuple[int, int]) -> bool:
    """The Find dialog after its first search, three invoices selected and given IDs from a pattern."""
    window = create_window(demo=True, environ={"POPBILL_LANG": lang})
    window.resize(1100, 720)
    window.show()
    wait_until(lambda: window.simulator is not None, 2000)  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(window.assign_tab)
    dialog = window.finder.open_find()
    dialog.resize(*size)
    wait_until(lambda: not dialog.searching and dialog.model.rowCount() > 0, 15000)
    dialog.assign.setChecked(True)
    selection = dialog.view.selectionModel()
    model = dialog.model
    issued = [row for row in range(model.rowCount()) if (model.invoice(row).state_code or 0) // 100 == 3]
    flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
    selection.clearSelection()  # the search selected its first row
    for row in issued[:3]:
        selection.select(model.index(row, 0), flags)
    wait_until(lambda: False, 300)
    ok = dialog.grab().save(str(out))
    dialog.reject()
    window.close()
    # Destroyed here, on the GUI thread: left to the garbage collector, a window (its Python attributes hold
    # cycles) could be destroyed on whichever thread collects next, a worker's or the simulator's.
    window.jobs.wait(5000)
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return ok


def find_shots(folder: Path) -> int:
    ensure_app()
    folder.mkdir(parents=True, exist_ok=True)
    failed = 0
    for lang in ("ko", "en"):
        for width, height in ((1100, 720), (800, 560)):
            out = folder / f"find-{lang}-{width}x{height}.png"
            ok = find_shot(out, lang, (width, height))
            failed += not ok
            print(out if ok else f"{out}: failed")
    return 1 if failed else 0


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--find":
        return find_shots(Path(sys.argv[2]))
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png")
    app = ensure_app()
    if len(sys.argv) > 2:
        ok = batch_shot(Path(sys.argv[2]))
        print(sys.argv[2] if ok else "batch screenshot failed")
    window = create_window(demo=True, environ={"POPBILL_LANG": "ko"})
    window.resize(960, 640)
    window.show()
    tab = window.resend_tab
    for mgt_key, receiver in (("INV-2026-0001", "staff@example.com"), ("NOTFOUND-7", "staff@example.com")):
        tab.mgt_key.edit.setText(mgt_key)
        tab.receiver.edit.setText(receiver)
        rows = window.log_model.rowCount()
        tab.button.click()
        wait_until(lambda rows=rows: window.log_model.rowCount() > rows)
    tab.mgt_key.edit.setText("INV-2026-0002/문")  # leave a live check visible
    tab.mgt_key._dirty = True
    tab.mgt_key._refresh()
    wait_until(lambda: False, 300)
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(out))
    window.close()
    app.processEvents()
    print(out if ok else "failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
