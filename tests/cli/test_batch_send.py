"""popbill-cli batch, the sending side of issue 18: a history that cannot be written (exit 2 before anything
starts, 3 once a batch stopped, never 70 or a traceback), a file edited after a kill -9 (--resume as journaled,
--abandon), rows done in the last 24 hours left out unless --again, Ctrl+C, and `batch verify`.
"""

from __future__ import annotations

import csv
import io
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from popbill_gui.batch.journal import Journal, JournalRow
from popbill_gui.batch.model import RowState
from popbill_gui.cli import Cli
from popbill_gui.simulator import Simulator
from popbill_gui.storage import history as history_module
from popbill_gui.storage.history import History
from tests.assign_book import assign_csv, book_rows, carried
from tests.cli.test_batch import CLI, env_for, run
from tests.service.test_journal_failures import Locker


def mails(path: Path, keys: list[str]) -> Path:
    path.write_text(
        "MgtKeyType,MgtKey,Receiver\n" + "".join(f"SELL,{k},{k.lower()}@example.com\n" for k in keys), encoding="utf-8"
    )
    return path


def assigned_per_item(sim: Simulator) -> Counter[str]:
    return Counter(r.path.split("/")[2] for r in sim.requests if r.kind == "assign")


def in_process(sim: Simulator, tmp_path: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = Cli(env_for(sim, tmp_path), io.StringIO(""), out, err).run(["batch", *args])
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return code, out.getvalue(), err.getvalue()


# ---- the history cannot be written ----
def test_a_damaged_or_unusable_history_exits_2_and_sends_nothing(sim: Simulator, tmp_path: Path) -> None:
    source = mails(tmp_path / "m.csv", ["D-1", "D-2"])
    (tmp_path / "history.sqlite3").write_bytes(b"not an SQLite database" * 300)
    damaged = run(["resend-email", str(source)], env_for(sim, tmp_path))
    assert damaged.returncode == 2, damaged.stderr  # before: 70, an internal error
    assert "The history cannot be used, so nothing is sent" in damaged.stderr and "history.sqlite3" in damaged.stderr
    folder = tmp_path / "a-file"
    folder.write_text("not a folder")
    unusable = run(["resend-email", str(source)], env_for(sim, tmp_path, POPBILL_HISTORY=str(folder / "h.sqlite3")))
    assert unusable.returncode == 2 and "nothing is sent" in unusable.stderr
    assert sim.count("send_email") == 0 and sim.count("token") == 0


def test_a_history_locked_mid_batch_exits_3_and_resume_finishes_it(
    sim: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_module, "BUSY_TIMEOUT", 0.3)
    rows = book_rows(sim, 6)
    source = assign_csv(tmp_path / "a.csv", rows)
    history = tmp_path / "history.sqlite3"
    History(history).close()
    locker = Locker(history)
    try:
        sim.latency_ms = 300

        def lock_when_in_flight() -> None:
            deadline = time.monotonic() + 30
            while sim.count("assign") < 1 and time.monotonic() < deadline:
                time.sleep(0.005)
            locker.lock()

        watcher = threading.Thread(target=lock_when_in_flight, daemon=True)
        watcher.start()
        code, out, err = in_process(sim, tmp_path, "assign-mgtkey", str(source), "--concurrency", "1")
        watcher.join()
        sim.latency_ms = 0
        assert code == 3, err
        assert "Batch #1 stopped" in err and "another program" in err and "--resume" in err
        assert "check on the website" in out  # the row in flight: its answer could not be recorded
        locker.release()
        with History(history) as h:
            assert Journal(h).batch(1).unfinished  # never "completed" with rows left
        code, out, err = in_process(sim, tmp_path, "assign-mgtkey", str(source), "--resume")
        assert code == 0, err  # the row in flight: settled by looking its invoice up; the rest sent
        assert max(assigned_per_item(sim).values()) == 1 and all(carried(sim, r[0]) == r[2] for r in rows)
    finally:
        locker.close()


# ---- a file edited after an interruption ----
def killed_mid_batch(sim: Simulator, source: Path, env: dict[str, str], at_least: int) -> int:
    sim.latency_ms = 60
    proc = subprocess.Popen(
        [CLI, "batch", "assign-mgtkey", str(source), "--concurrency", "4"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while sim.count("assign") < at_least and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.kill()  # SIGKILL here, TerminateProcess on Windows: the power cut either way
    proc.wait(timeout=10)
    sim.latency_ms = 0
    return sim.count("assign")


def edit_row(source: Path, row: int, mgt_key: str) -> None:
    with source.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    table[row - 1][2] = mgt_key
    with source.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(table)


@pytest.mark.parametrize("way", ["resume", "abandon"])
def test_killed_then_edited_then_run_never_sends_a_done_row_again(sim: Simulator, tmp_path: Path, way: str) -> None:
    rows = [(f"0241124{i:011d}", "SELL", f"DOC-{i}") for i in range(40)]
    source = assign_csv(tmp_path / "big.csv", rows)
    env = env_for(sim, tmp_path)
    sent = killed_mid_batch(sim, source, env, at_least=12)
    assert 12 <= sent < 40
    edit_row(source, 41, "FIXED-39")  # the last row, not sent yet: the clerk fixes its document ID

    plain = run(["assign-mgtkey", str(source)], env)
    assert plain.returncode == 2, plain.stderr  # before: a new batch that assigned every done row again
    assert "changed since batch #1" in plain.stderr and "Nothing was sent" in plain.stderr
    assert f"{source} --resume" in plain.stderr and f"{source} --abandon" in plain.stderr
    assert sim.count("assign") == sent

    if way == "resume":
        resumed = run(["assign-mgtkey", str(source), "--resume"], env)
        assert resumed.returncode in (0, 1), resumed.stderr
        assert "resuming it as journaled" in resumed.stderr and "1 row(s) new or edited" in resumed.stderr
        assert assigned_per_item(sim)[rows[39][0]] == 0  # not with the ID the clerk has since changed
    else:
        abandoned = run(["assign-mgtkey", str(source), "--abandon"], env)
        assert abandoned.returncode == 0 and "Batch #1 abandoned" in abandoned.stderr
        assert sim.count("assign") == sent  # abandoning sends nothing
        again = run(["assign-mgtkey", str(source), "--resume"], env)
        assert again.returncode == 2  # nothing left to resume: it was given up

    plain = run(["assign-mgtkey", str(source)], env)  # a new batch of the file, as it is now
    assert plain.returncode in (0, 1), plain.stderr
    assert "left out" in plain.stderr
    per_item = assigned_per_item(sim)
    assert max(per_item.values()) == 1  # no ItemKey reached POPBiLL twice
    unknown = {j.values["item_key"] for j in _rows(tmp_path, 1) if j.outcome.state is RowState.UNKNOWN}
    assert len(unknown) <= 4  # at most the calls in flight at the kill: never sent again
    assert set(per_item) | unknown == {r[0] for r in rows}  # every other row sent, once
    assert {a.item_key: a.mgt_key for a in sim.state.assignments}[rows[39][0]] == "FIXED-39"
    with History(tmp_path / "history.sqlite3") as h:
        assert Journal(h).unfinished_batches() == []


def _rows(tmp_path: Path, batch_id: int) -> list[JournalRow]:
    with History(tmp_path / "history.sqlite3") as h:
        return Journal(h).batch_rows(batch_id)


def test_a_file_run_again_within_24_hours_leaves_out_what_was_done(sim: Simulator, tmp_path: Path) -> None:
    source = mails(tmp_path / "m.csv", ["A-1", "A-2", "A-3"])
    env = env_for(sim, tmp_path)
    assert run(["resend-email", str(source)], env).returncode == 0
    other = mails(tmp_path / "other.csv", ["A-2", "A-4"])  # another file naming one of the same mails
    second = run(["resend-email", str(other)], env)
    assert second.returncode == 0, second.stderr
    assert "1 row(s) done or maybe done before are left out" in second.stderr
    assert Counter(m.mgt_key for m in sim.state.sent_mails) == Counter({"A-1": 1, "A-2": 1, "A-3": 1, "A-4": 1})
    again = run(["resend-email", str(source), "--again"], env)  # the clerk asks: sent again
    assert again.returncode == 0 and len(sim.state.sent_mails) == 7
    out = tmp_path / "r.csv"
    third = run(["resend-email", str(source), "--out", str(out)], env)
    assert third.returncode == 0 and len(sim.state.sent_mails) == 7
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert all(line[4] == "skipped" and "already done in the last 24 hours" in line[6] for line in table[1:])


def test_options_that_do_not_go_together(sim: Simulator, tmp_path: Path) -> None:
    source = mails(tmp_path / "m.csv", ["O-1"])
    env = env_for(sim, tmp_path)
    for extra in (["--abandon", "--resume"], ["--again", "--resume"], ["--abandon", "--again"]):
        assert run(["resend-email", str(source), *extra], env).returncode == 2
    nothing = run(["resend-email", str(source), "--abandon"], env)
    assert nothing.returncode == 2 and "no unfinished batch" in nothing.stderr
    assert sim.requests == []


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C is a console event on Windows, not a signal to one process")
def test_ctrl_c_cancels_a_batch_and_reports_it(sim: Simulator, tmp_path: Path) -> None:
    source = mails(tmp_path / "m.csv", [f"C-{i}" for i in range(20)])
    sim.latency_ms = 200
    proc = subprocess.Popen(
        [CLI, "batch", "resend-email", str(source), "--concurrency", "2"],
        env=env_for(sim, tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while sim.count("send_email") < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    sim.latency_ms = 0
    assert proc.returncode == 130, err  # before: an internal error (70) at times, the report lost
    assert "Traceback" not in out + err and "Cancelling" in err
    with History(tmp_path / "history.sqlite3") as h:
        counts = Journal(h).batch(1).counts
    assert counts[RowState.SENDING] == 0 and counts[RowState.DONE] == sim.count("send_email")


# ---- verify ----
def test_verify_an_assign_batch(sim: Simulator, tmp_path: Path) -> None:
    rows = book_rows(sim, 5)
    source = assign_csv(tmp_path / "v.csv", rows)
    env = env_for(sim, tmp_path)
    none = run(["verify", str(source)], env)
    assert none.returncode == 2 and "no assign batch" in none.stderr
    assert run(["assign-mgtkey", str(source)], env).returncode == 0
    before = sim.count("search") + sim.count("detail")
    out = tmp_path / "verified.csv"
    verified = run(["verify", str(source), "--out", str(out)], env)
    assert verified.returncode == 0, verified.stderr
    lines = verified.stdout.strip().splitlines()
    assert len(lines) == 5 and all(line.endswith("carries its document ID") for line in lines)
    assert sim.count("search") >= 1 and sim.count("search") + sim.count("detail") - before < 5  # not one each
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0][-1] == "Checked on POPBiLL" and all(line[-1] == "carries its document ID" for line in table[1:])
    # The invoices lose their IDs on POPBiLL's side (the simulator's book made afresh): verify says so.
    with History(tmp_path / "history.sqlite3") as h:
        journal = Journal(h)
        assert journal.batch(1).counts[RowState.DONE] == 5
    sim.state.clear()  # the book made afresh: no assignment is left on any invoice
    lost = run(["verify", str(source)], env)
    assert lost.returncode == 1 and "no document ID" in lost.stdout
