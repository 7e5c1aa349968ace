"""popbill-cli's single calls are journaled (issue 18): "sending" in the history before the request leaves, settled
with the answer; Ctrl+C mid-call reports a lost answer (exit 3, maybe_delivered); a lost AssignMgtKey answer is
settled by looking the invoice up (`checked`: assigned 0, not_assigned 3, other_key 1). Real processes, real signals.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from popbill_gui.simulator import Simulator
from popbill_gui.storage.history import History
from tests.assign_book import carried, with_id, without_id
from tests.cli.test_cli import CLI, demo_env, run


def env_for(sim: Simulator, tmp_path: Path, **extra: str) -> dict[str, str]:
    return demo_env(sim, POPBILL_HISTORY=str(tmp_path / "h.sqlite3"), POPBILL_LANG="en", **extra)


def start(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([CLI, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(condition: object, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
        time.sleep(0.01)
    assert condition(), "the condition never held"  # type: ignore[operator]


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C is a console event on Windows, not a signal to one process")
@pytest.mark.parametrize("as_json", [True, False])
def test_ctrl_c_while_the_answer_is_awaited_is_a_lost_answer(sim: Simulator, tmp_path: Path, as_json: bool) -> None:
    invoice = without_id(sim)[0]
    sim.fault = "hang"  # the request arrived; no answer comes
    args = ["assign-mgtkey", "--item-key", invoice.item_key, "--type", "SELL", "--mgt-key", "SIG-1"]
    proc = start([*args, *(["--json"] if as_json else [])], env_for(sim, tmp_path))
    wait_for(lambda: sim.count("assign") == 1)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 3, err
    assert "Traceback" not in out + err
    if as_json:
        data = json.loads(out)
        assert data["maybe_delivered"] is True and data["kind"] == "interrupted" and "checked" not in data
    else:
        assert "may have been carried out" in err and err.startswith("[-99999999] ")
    (record,) = History(tmp_path / "h.sqlite3").recent()
    assert record.state == "unknown" and record.maybe_delivered and record.item_key == invoice.item_key
    assert sim.count("assign") == 1


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C is a console event on Windows, not a signal to one process")
def test_ctrl_c_before_the_request_leaves_sends_nothing(sim: Simulator, tmp_path: Path) -> None:
    sim.auth_fault = "hang"  # stuck getting a token: the call has not left
    proc = start(["resend-email", "--type", "SELL", "--mgt-key", "K1", "--receiver", "a@b.co"], env_for(sim, tmp_path))
    wait_for(lambda: sim.count("token") == 1)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in out + err
    assert sim.count("send_email") == 0
    assert not (tmp_path / "h.sqlite3").exists() or History(tmp_path / "h.sqlite3").recent() == []


def test_a_call_killed_mid_flight_leaves_a_record_that_it_may_have_been_done(sim: Simulator, tmp_path: Path) -> None:
    sim.fault = "hang"
    proc = start(["resend-email", "--type", "SELL", "--mgt-key", "K9", "--receiver", "a@b.co"], env_for(sim, tmp_path))
    wait_for(lambda: sim.count("send_email") == 1)
    proc.kill()  # SIGKILL here, TerminateProcess on Windows: the power cut either way
    proc.communicate(timeout=30)
    (record,) = History(tmp_path / "h.sqlite3").recent()
    assert record.state == "sending" and record.maybe_delivered and not record.ok
    assert "may have been carried out" in record.message


def test_checked_after_a_lost_answer_exit_0_3_1(sim: Simulator, tmp_path: Path) -> None:
    env = env_for(sim, tmp_path)
    free = without_id(sim)
    taken = with_id(sim)
    cases = [
        ("done-then-reset", free[0].item_key, "CHK-1", 0, "assigned"),
        ("done-then-500", free[1].item_key, "CHK-2", 0, "assigned"),
        ("reset", free[2].item_key, "CHK-3", 3, "not_assigned"),
        ("reset", taken.item_key, "CHK-4", 1, "other_key"),
    ]
    for fault, item_key, mgt_key, code, checked in cases:
        sim.fault_next(fault)
        result = run(["assign-mgtkey", "--item-key", item_key, "--type", "SELL", "--mgt-key", mgt_key, "--json"], env)
        assert result.returncode == code, (fault, result.stdout, result.stderr)
        data = json.loads(result.stdout)
        assert data["checked"] == checked
        if checked == "assigned":
            assert data["code"] == 1 and carried(sim, item_key) == mgt_key
        else:
            assert data["maybe_delivered"] is False
        if checked == "other_key":
            assert taken.our_mgt_key in data["message"] and "CHK-4" in data["message"]
    sim.fault_next("reset")
    plain = run(["assign-mgtkey", "--item-key", free[3].item_key, "--type", "SELL", "--mgt-key", "CHK-5"], env)
    assert plain.returncode == 3 and "not carried out" in plain.stderr
    assert sim.count("assign") == 5  # never sent twice by the look-up


def test_a_damaged_history_sends_nothing(sim: Simulator, tmp_path: Path) -> None:
    (tmp_path / "h.sqlite3").write_bytes(b"not a database" * 500)
    result = run(["resend-email", "--type", "SELL", "--mgt-key", "K1", "--receiver", "a@b.co"], env_for(sim, tmp_path))
    assert result.returncode == 2 and "Nothing was sent" in result.stderr and "h.sqlite3" in result.stderr
    assert sim.count("send_email") == 0
