"""Take the README's screenshot of the real window in demo mode: `xvfb-run -a .venv/bin/python scripts/screenshot.py`.

It types into the resend tab, sends twice (one success, one refusal), waits for the log rows and saves
docs/screenshot.png. Run it on a machine with a Korean font (fonts-nanum) so Hangul renders.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from popbill_gui.app import create_window, ensure_app


def wait_until(condition, timeout_ms: int = 10000) -> None:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    waited = 0
    while not condition() and waited < timeout_ms:
        QTimer.singleShot(20, loop.quit)
        loop.exec()
        waited += 20


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png")
    app = ensure_app()
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
