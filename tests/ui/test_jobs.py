"""The window's one job runner: each job's own callbacks on the GUI thread, no double submit, a quiet shutdown;
the collector kept quiet while a big file is read; large things freed a piece at a time."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from popbill_gui.ui.shared.interpreter import quiet_collector, release
from popbill_gui.ui.shared.jobs import JobRunner


@pytest.fixture
def jobs(qtbot: QtBot) -> Iterator[JobRunner]:
    runner = JobRunner()
    yield runner
    runner.shutdown(5000)


def test_each_job_reports_to_its_own_callbacks_on_the_gui_thread(qtbot: QtBot, jobs: JobRunner) -> None:
    gui = threading.get_ident()
    seen: list[tuple[str, object, int]] = []
    ran_on: list[int] = []

    def work(value: int) -> int:
        ran_on.append(threading.get_ident())
        return value * 2

    jobs.submit(lambda: work(1), lambda r: seen.append(("a", r, threading.get_ident())))
    jobs.submit(lambda: work(2), lambda r: seen.append(("b", r, threading.get_ident())))
    jobs.submit(lambda: 1 / 0, on_error=lambda e: seen.append(("c", type(e).__name__, threading.get_ident())))
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert sorted(seen) == [("a", 2, gui), ("b", 4, gui), ("c", "ZeroDivisionError", gui)]
    assert gui not in ran_on  # the work itself ran on workers
    qtbot.waitUntil(lambda: not jobs.busy)


def test_a_key_in_flight_refuses_the_same_job(qtbot: QtBot, jobs: JobRunner) -> None:
    gate = threading.Event()
    done: list[str] = []
    assert jobs.submit(gate.wait, lambda _r: done.append("first"), key="call")
    assert jobs.in_flight("call") and jobs.busy
    assert not jobs.submit(lambda: None, lambda _r: done.append("second"), key="call")
    assert jobs.submit(lambda: None, lambda _r: done.append("other"), key="other")
    gate.set()
    qtbot.waitUntil(lambda: sorted(done) == ["first", "other"])
    assert not jobs.in_flight("call")
    assert jobs.submit(lambda: None, key="call")  # free again


def test_reports_reach_the_gui_thread_in_order(qtbot: QtBot, jobs: JobRunner) -> None:
    got: list[tuple[int, int]] = []
    reporter = jobs.reporter(lambda value: got.append((value, threading.get_ident())))

    def work() -> None:
        for n in range(5):
            reporter.report(n)

    jobs.submit(work)
    qtbot.waitUntil(lambda: len(got) == 5)
    assert [n for n, _ in got] == list(range(5)) and {t for _, t in got} == {threading.get_ident()}


def test_after_shutdown_nothing_starts_and_late_results_reach_nobody(qtbot: QtBot) -> None:
    jobs = JobRunner()
    gate = threading.Event()
    late: list[object] = []
    reports: list[object] = []
    reporter = jobs.reporter(reports.append)
    jobs.submit(lambda: (gate.wait(), reporter.report("late"))[1], late.append)
    assert jobs.shutdown(0) is False  # one job still running
    assert not jobs.submit(lambda: None)
    gate.set()
    assert jobs.wait(5000)
    qtbot.wait(50)  # the queued result, if any, would be delivered by now
    assert late == [] and reports == []


def test_the_collector_is_quiet_while_a_big_read_runs_and_back_after() -> None:
    assert gc.isenabled()
    with quiet_collector():
        assert not gc.isenabled()
        with quiet_collector():  # a second read at the same time
            assert not gc.isenabled()
        assert not gc.isenabled()  # still one read under way
        rows = [{"row": n} for n in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(rows)  # what was built is left out of later collections
    gc.unfreeze()


def test_release_empties_lists_and_dicts_a_piece_at_a_time() -> None:
    rows = [[n] for n in range(10_001)]
    index = {n: n for n in range(5_001)}
    release(rows, index, "not a container", chunk=1000)
    assert rows == [] and index == {}
