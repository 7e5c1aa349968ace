"""kill -9 between a shared commit and the sends it allows (issue 20, group commit): the rows of that commit are
journaled "sending" and were never sent; a resume makes them "check on the website" and never sends any row twice
(a SendEmail not at all unless asked; an AssignMgtKey once, after a look-up shows it was not carried out).

A real `popbill-cli batch` process, a real history file, the simulator over real sockets. The only thing added to
the process is a hook in the history's group commit that, right after a chosen commit, writes down the rows left
"sending" and kills the process with SIGKILL (no cleanup, no atexit: as if the power went).
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from popbill_gui.batch.journal import Journal
from popbill_gui.batch.model import RowState
from popbill_gui.simulator import Simulator
from popbill_gui.storage.history import History
from tests.assign_book import assign_csv, book_rows, carried
from tests.cli.test_batch import env_for, run

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is a POSIX signal")

# Kills the process right after the `nth` committed group holding at least `marks` durable writes (a "sending"
# mark, alone or with an answer; the batch's own creation is one too). With marks > 1 each commit is held back a
# little, as on a slow disk, so the workers whose answers come meanwhile share the next one.
KILLER = """
import os, signal, sqlite3, sys, time
from popbill_gui.storage import group_commit

history, marks, nth = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
original = group_commit.GroupCommit._run
counted = []

def sending():
    conn = sqlite3.connect(history)
    try:
        return {r[0] for r in conn.execute("SELECT row_num FROM batch_rows WHERE state = 'sending'")}
    except sqlite3.Error:  # before the batch is journaled
        return set()
    finally:
        conn.close()

def run(self, group):
    if marks > 1:
        time.sleep(0.05)
    before = sending()
    original(self, group)
    if sum(w.durable for w in group) >= marks and all(w.error is None for w in group):
        counted.append(len(group))
        if len(counted) == nth:
            after = sending()
            print(" ".join(map(str, sorted(after - before))), flush=True)  # marked by this commit
            print(" ".join(map(str, sorted(after))), flush=True)  # all left "sending"
            os.kill(os.getpid(), signal.SIGKILL)

group_commit.GroupCommit._run = run
from popbill_gui.cli import main
main(["batch", *sys.argv[4:]])
"""


def killed_after_commit(env: dict[str, str], marks: int, nth: int, args: list[str]) -> tuple[list[int], list[int]]:
    """Run the batch until the hook kills it: the rows that commit marked, and all the rows left "sending"."""
    done = subprocess.run(
        [sys.executable, "-c", KILLER, env["POPBILL_HISTORY"], str(marks), str(nth), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    marked, sending = done.stdout.splitlines()
    return [int(n) for n in marked.split()], [int(n) for n in sending.split()]


def mail_csv(path: Path, count: int) -> Path:
    lines = ["MgtKeyType,MgtKey,Receiver"] + [f"SELL,K-{n},k{n}@example.com" for n in range(2, count + 2)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("concurrency", "marks", "nth"), [(1, 1, 4), (4, 2, 1)])
def test_killed_right_after_a_shared_commit_its_rows_are_unknown_and_never_sent_twice(
    sim: Simulator, tmp_path: Path, concurrency: int, marks: int, nth: int
) -> None:
    source = mail_csv(tmp_path / "mail.csv", 12)
    env = env_for(sim, tmp_path)
    sim.latency_ms = 20
    marked, sending = killed_after_commit(
        env, marks, nth, ["resend-email", str(source), "--concurrency", str(concurrency)]
    )
    # At concurrency 1: row 2 done, row 3's answer and row 4's mark committed together, then the kill. At
    # concurrency 4: at least two workers' marks shared that commit.
    assert marked == [4] if concurrency == 1 else len(marked) >= 2
    assert set(marked) <= set(sending)
    sent = Counter(m.mgt_key for m in sim.state.sent_mails)
    with History(Path(env["POPBILL_HISTORY"])) as opened:
        journaled = {j.row: j.outcome.state for j in Journal(opened).batch_rows(1)}
    assert all(journaled[int(key[2:])] in (RowState.SENDING, RowState.DONE) for key in sent)  # none unjournaled

    sim.latency_ms = 0
    resumed = run(["resend-email", str(source), "--resume"], env)
    assert resumed.returncode == 1, resumed.stderr  # done, but some rows are to be checked on the website
    after = Counter(m.mgt_key for m in sim.state.sent_mails)
    assert max(after.values()) == 1  # no row twice
    assert all(after[f"K-{n}"] == 0 for n in marked)  # killed before they left, and unknown: never sent
    with History(Path(env["POPBILL_HISTORY"])) as opened:
        journal = Journal(opened)
        final = {j.row: j.outcome.state for j in journal.batch_rows(1)}
        assert journal.unfinished_batches() == []
    assert {n for n, state in final.items() if state is RowState.UNKNOWN} == set(sending)
    assert all(state is RowState.DONE for n, state in final.items() if n not in sending)


def test_killed_right_after_a_shared_commit_an_assignment_is_looked_up_and_sent_once(
    sim: Simulator, tmp_path: Path
) -> None:
    rows = book_rows(sim, 12)
    source = assign_csv(tmp_path / "assign.csv", rows)
    env = env_for(sim, tmp_path)
    sim.latency_ms = 20
    marked, _ = killed_after_commit(env, 2, 1, ["assign-mgtkey", str(source), "--concurrency", "4"])
    assert len(marked) >= 2
    sent_before = Counter(r.path.split("/")[2] for r in sim.requests if r.kind == "assign")
    assert not any(sent_before[rows[n - 2][0]] for n in marked)  # the kill came before they left
    sim.latency_ms = 0
    resumed = run(["assign-mgtkey", str(source), "--resume"], env)
    assert resumed.returncode == 0, resumed.stderr  # each row in flight settled by looking its invoice up
    per_item = Counter(r.path.split("/")[2] for r in sim.requests if r.kind == "assign")
    assert max(per_item.values()) == 1 and len(per_item) == len(rows)  # every invoice assigned, none twice
    assert all(carried(sim, item_key) == mgt_key for item_key, _, mgt_key in rows)
