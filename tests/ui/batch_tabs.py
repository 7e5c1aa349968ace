"""The batch tab's test kit: files as clerks write them, the tab on its own (a real service against the simulator,
its own history in tmp_path, a job runner, confirmations answered as told), and ways to wait for it as a clerk
would (never by sleeping)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.batch.journal import Journal
from popbill_gui.batch.model import RowOutcome, RowState
from popbill_gui.batch.reader import read_batch
from popbill_gui.service import LinkCredentials, Service
from popbill_gui.service.batches import BatchReport
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage.history import History
from popbill_gui.storage.settings import Settings
from popbill_gui.ui.batch.batch_tab import BatchTab
from popbill_gui.ui.shared import i18n
from popbill_gui.ui.shared.jobs import JobRunner
from popbill_gui.ui.shared.session import Session, Source

from .confirmations import Confirmations

KO_RESEND_HEADER = ("문서유형", "문서번호", "수신메일")
RUN_TIMEOUT = 20000


# ---- fixtures: files, history, the tab ----
def write_cp949_csv(path: Path, rows: Sequence[Sequence[str]], header: Sequence[str] = KO_RESEND_HEADER) -> Path:
    """What Korean Excel writes for 'CSV (쉼표로 분리)': CP949, CRLF, Korean headers."""
    lines = [",".join(header), *(",".join(row) for row in rows)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp949"))
    return path


def resend_rows(count: int, prefix: str = "INV") -> list[tuple[str, str, str]]:
    return [("SELL", f"{prefix}-{i}", f"user{i}@example.com") for i in range(1, count + 1)]


def item_key(i: int) -> str:
    return f"0241124150000{i:05d}"


def write_assign_xlsx(path: Path, count: int) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["ItemKey", "MgtKeyType", "MgtKey"])
    for i in range(1, count + 1):
        sheet.append([item_key(i), "SELL", f"DOC-{i}"])  # ItemKeys as text cells, as they must be
    workbook.save(path)
    return path


@pytest.fixture
def history(tmp_path: Path) -> Iterator[History]:
    """The tabs' history file, opened here too (a second connection, as another process would)."""
    with History(tmp_path / "h.sqlite3") as hist:
        yield hist


@pytest.fixture
def journal(history: History) -> Journal:
    return Journal(history)


@pytest.fixture
def make_tab(qtbot: QtBot, sim: Simulator, tmp_path: Path) -> Iterator[Callable[..., BatchTab]]:
    made: list[tuple[BatchTab, JobRunner]] = []

    def make(*, env: str = "test", lang: str = "ko", answer: bool = True) -> BatchTab:
        settings = Settings(env=env, lang=lang, base_url=sim.base_url, auth_url=sim.base_url, corp_num=DEMO_CORP_NUM)  # type: ignore[arg-type]
        credentials = LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY)
        service = Service(settings, credentials, history_path=tmp_path / "h.sqlite3")
        jobs = JobRunner()
        i18n.install(lang)  # type: ignore[arg-type]  # the window's language: the core's sentences are in it
        tab = BatchTab(Session(service, Source.ENV), jobs, Confirmations(answer))
        qtbot.addWidget(tab)
        made.append((tab, jobs))
        return tab

    yield make
    for tab, jobs in made:  # no run may outlive its test (the history and the simulator close next)
        if tab.busy:
            tab.cancel()
        qtbot.waitUntil(lambda tab=tab: not tab.working, timeout=RUN_TIMEOUT)
        tab.shutdown()
        jobs.shutdown(RUN_TIMEOUT)
        tab.service.close()


def settle(qtbot: QtBot, tab: BatchTab) -> None:
    """Wait until nothing is under way: no file being read, no start being planned, no batch running."""
    qtbot.waitUntil(lambda: not tab.working, timeout=RUN_TIMEOUT)


def load(qtbot: QtBot, tab: BatchTab, path: Path | str) -> bool:
    """Choose a file as the button does and wait until it is read: True when the preview shows it."""
    with qtbot.waitSignal(tab.loaded, timeout=RUN_TIMEOUT) as blocker:
        assert tab.load_file(str(path)) is True  # returns at once
    return bool(blocker.args[0])


def choose_operation(qtbot: QtBot, tab: BatchTab, operation: str) -> None:
    combo = w(tab, QComboBox, "batchOperation")
    combo.setCurrentIndex(combo.findData(operation))
    settle(qtbot, tab)


def w(parent: QWidget, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


def asked(tab: BatchTab) -> list[tuple[str, str]]:
    confirm = tab.confirm
    assert isinstance(confirm, Confirmations)
    return confirm.questions


def column(tab: BatchTab, name: str) -> list[str]:
    """One preview column's texts, top to bottom."""
    model = tab.model
    index = model.columns().index(name)
    return [str(model.data(model.index(r, index))) for r in range(model.rowCount())]


def run(qtbot: QtBot, tab: BatchTab, action: Callable[[], bool]) -> BatchReport:
    """Press Start (or resume) and wait for the batch to end."""
    with qtbot.waitSignal(tab.finished, timeout=RUN_TIMEOUT) as blocker:
        assert action() is True
    result = blocker.args[0]
    assert isinstance(result, BatchReport)
    assert not tab.busy
    return result


def click(qtbot: QtBot, button: QPushButton) -> bool:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return True


def mails(sim: Simulator) -> list[str]:
    return [mail.mgt_key for mail in sim.state.sent_mails]


def interrupted_batch(journal: Journal, path: Path, env: str = "test") -> int:
    """A batch as a killed process leaves it: row 2 done, row 3 marked sending without an answer, 4-6 pending."""
    file = read_batch(path, "resend_email")
    batch_id = journal.create_batch(
        operation="resend_email",
        source=str(path),
        fingerprint=file.fingerprint(),
        environment=env,
        corp_num=DEMO_CORP_NUM,
        rows=file.rows,
        concurrency=2,
    )
    journal.mark_sending(batch_id, 2)
    journal.mark_result(batch_id, 2, RowOutcome(2, RowState.DONE, 1, "done before the crash", 200, 0.01))
    journal.mark_sending(batch_id, 3)
    return batch_id
