"""Closing the window while something is on its way to POPBiLL (issue 18): asked first, with what is in flight, that it
may already be carried out and that a batch can be resumed; staying keeps everything going; closing anyway records
the call as unknown at once, and the worker that still waits never prints a traceback when its answer comes late."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from popbill_gui.app import create_window
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage.secrets import MemoryKeyring, SecretStore
from popbill_gui.ui.window.main_window import STARTUP_WORK_DELAY_MS, MainWindow

Asked = list[tuple[str, str]]


@pytest.fixture
def slow_sim() -> Iterator[Simulator]:
    with Simulator(latency_ms=0) as sim:
        yield sim


def make_window(qtbot: QtBot, tmp_path: Path, sim: Simulator, lang: str = "en", timeout: str = "20") -> MainWindow:
    environ = {
        "POPBILL_BASE_URL": sim.base_url,
        "POPBILL_AUTH_URL": sim.base_url,
        "POPBILL_CORP_NUM": DEMO_CORP_NUM,
        "POPBILL_LINK_ID": DEMO_LINK_ID,
        "POPBILL_SECRET_KEY": DEMO_SECRET_KEY,
        "POPBILL_LANG": lang,
        "POPBILL_TIMEOUT": timeout,
    }
    store = SecretStore(MemoryKeyring(), lang)  # type: ignore[arg-type]
    window = create_window(
        environ=environ,
        settings_path=tmp_path / "settings.json",
        store_factory=lambda _lang: store,
        history_path=tmp_path / "history.sqlite3",
    )
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(STARTUP_WORK_DELAY_MS + 50)
    return window


def answering(asked: Asked, answer: bool) -> Callable[[str, str], bool]:
    def confirm(title: str, text: str) -> bool:
        asked.append((title, text))
        return answer

    return confirm


def send_one(qtbot: QtBot, window: MainWindow, sim: Simulator) -> None:
    """A resend on its way: the token is issued, then the simulator holds the call."""
    tab = window.resend_tab
    tab.mgt_key.edit.setText("INV-1")
    tab.receiver.edit.setText("a@example.com")
    tab.try_submit()
    qtbot.waitUntil(lambda: bool(window.service.calls_in_flight()), timeout=10_000)


def test_closing_with_nothing_under_way_asks_nothing(qtbot: QtBot, tmp_path: Path, slow_sim: Simulator) -> None:
    window = make_window(qtbot, tmp_path, slow_sim)
    qtbot.addWidget(window)
    asked: Asked = []
    window.confirm = answering(asked, False)
    assert window.close() and asked == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_closing_mid_call_asks_and_staying_lets_the_call_finish(
    qtbot: QtBot, tmp_path: Path, slow_sim: Simulator, lang: str
) -> None:
    window = make_window(qtbot, tmp_path, slow_sim, lang)
    qtbot.addWidget(window)
    slow_sim.latency_ms = 1500
    send_one(qtbot, window, slow_sim)
    asked: Asked = []
    window.confirm = answering(asked, False)
    assert not window.close() and window.isVisible()  # stayed
    _title, text = asked[0]
    # What is in flight, in words (매출, not SELL), and that it may already be carried out.
    assert "INV-1" in text and "a@example.com" in text and "SELL" not in text
    if lang == "ko":
        assert "이메일 재전송" in text and "매출 INV-1" in text and "처리" in text and "확인" in text
    else:
        assert "Resend email" in text and "Sales INV-1" in text and "carried out" in text
    qtbot.waitUntil(lambda: window.log_model.rowCount() >= 1, timeout=15_000)
    assert window.log_model.entry(window.log_model.rowCount() - 1).ok  # the call went on and was answered
    record = window.service.recent_calls(10)[-1]
    assert record.state == "done"
    window.jobs.wait(5000)


def test_closing_mid_call_anyway_records_it_unknown_and_no_traceback_follows(
    qtbot: QtBot, tmp_path: Path, slow_sim: Simulator, capfd: pytest.CaptureFixture[str]
) -> None:
    window = make_window(qtbot, tmp_path, slow_sim, timeout="1")
    service = window.service
    slow_sim.fault = "hang"  # no answer: the worker waits its read timeout out after the window is gone
    send_one(qtbot, window, slow_sim)
    asked: Asked = []
    window.confirm = answering(asked, True)
    assert window.close() and not window.isVisible() and len(asked) == 1
    record = service.recent_calls(10)[-1]
    assert record.state == "unknown" and record.maybe_delivered  # recorded at once: check on the website
    assert "POPBiLL website" in record.message
    assert service.calls_in_flight() == []
    # The window goes (as in the program, where nothing keeps it), the worker's answer comes later.
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    del window
    gc.collect()
    qtbot.wait(3500)  # past the read timeout: the worker has its answer (a timeout) and reports it to nobody
    assert service.recent_calls(10)[-1].state == "unknown"  # the late answer changes nothing
    out, err = capfd.readouterr()
    assert "Traceback" not in err + out and "Signal source has been deleted" not in err + out, err
    service.close()


def test_closing_mid_batch_asks_and_says_it_can_be_resumed(qtbot: QtBot, tmp_path: Path, slow_sim: Simulator) -> None:
    window = make_window(qtbot, tmp_path, slow_sim)
    qtbot.addWidget(window)
    path = tmp_path / "mails.csv"
    rows = "".join(f"SELL,INV-{i},a{i}@example.com\n" for i in range(30))
    path.write_text("문서유형,문서번호,수신메일\n" + rows, encoding="utf-8")
    tab = window.show_batch_tab()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.load_file(str(path))
    window.confirm = lambda title, text: True
    slow_sim.latency_ms = 300
    assert tab.start()
    qtbot.waitUntil(lambda: bool(tab.batch_id), timeout=10_000)
    asked: Asked = []
    window.confirm = answering(asked, False)
    assert not window.close() and tab.busy  # stayed: the batch runs on
    text = asked[0][1]
    assert f"Batch #{tab.batch_id}" in text and "resume" in text and "never sent again" in text
    window.confirm = answering(asked, True)
    batch_id = tab.batch_id
    assert window.close()
    qtbot.waitUntil(lambda: not window.jobs.busy, timeout=20_000)
    assert batch_id in [b.id for b in window.service.unfinished_batches()]  # stopped, resumable


def test_a_window_deleted_mid_call_hears_nothing_from_its_worker(
    qtbot: QtBot, tmp_path: Path, slow_sim: Simulator, capfd: pytest.CaptureFixture[str]
) -> None:
    # Reproduced: a window deleted while a call still waited (a close that was refused, then the window destroyed)
    # got the call's late answer: "RuntimeError: Signal source has been deleted" from the job runner, and a callback
    # into a deleted scroll area, printed as tracebacks.
    window = make_window(qtbot, tmp_path, slow_sim)
    slow_sim.latency_ms = 700
    send_one(qtbot, window, slow_sim)
    window.confirm = lambda title, text: False
    assert not window.close()  # stayed
    service = window.service
    window.deleteLater()  # the runner goes with it, without a shutdown
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    del window
    gc.collect()
    qtbot.wait(1500)  # the answer has come: it reaches nobody
    out, err = capfd.readouterr()
    assert "Traceback" not in err + out and "Signal source has been deleted" not in err + out, err
    assert service.recent_calls(10)[-1].state == "done"  # the call itself was recorded, as it ended
    service.close()


def test_a_reporter_outlives_its_runner(qtbot: QtBot, capfd: pytest.CaptureFixture[str]) -> None:
    from PySide6.QtCore import QObject

    from popbill_gui.ui.shared.jobs import JobRunner

    owner = QObject()
    runner = JobRunner(owner)
    seen: list[object] = []
    reporter = runner.reporter(seen.append)
    runner.shutdown(1000)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    reporter.report(1)  # a batch thread reporting after its window went
    qtbot.wait(50)
    assert seen == []
    assert "Signal source" not in capfd.readouterr().err


def test_a_result_shown_just_before_the_window_is_deleted_calls_nothing_afterwards(
    qtbot: QtBot, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """The result line's scroll into sight waits a turn of the event loop; a window deleted in that turn (closed
    mid-call, the late answer arriving) drops it instead of calling into deleted widgets."""
    window = create_window(
        environ={"POPBILL_LANG": "en"}, settings_path=tmp_path / "s.json", history_path=tmp_path / "h.sqlite3"
    )
    window.resend_tab.show_result("unknown", "No answer: check on the POPBiLL website.")
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    del window
    gc.collect()
    qtbot.wait(20)  # the zero timer's turn
    out, err = capfd.readouterr()
    assert "Traceback" not in err + out, err
