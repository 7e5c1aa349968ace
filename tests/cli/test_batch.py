"""popbill-cli batch: files from Excel and CP949 CSV, exit codes, stops, and a SIGKILL mid-run resumed."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from popbill_gui.batch.journal import Journal
from popbill_gui.batch.model import RowState
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage.history import History

CLI = str(Path(sys.executable).with_name("popbill-cli"))


def env_for(sim: Simulator, tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POPBILL_")}
    env.update(
        POPBILL_BASE_URL=sim.base_url,
        POPBILL_AUTH_URL=sim.base_url,
        POPBILL_CORP_NUM=DEMO_CORP_NUM,
        POPBILL_LINK_ID=DEMO_LINK_ID,
        POPBILL_SECRET_KEY=DEMO_SECRET_KEY,
        POPBILL_HISTORY=str(tmp_path / "history.sqlite3"),
        POPBILL_LANG="en",
    )
    env.update(extra)
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([CLI, "batch", *args], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert "Traceback" not in result.stderr + result.stdout
    assert DEMO_SECRET_KEY not in result.stderr + result.stdout
    return result


def cp949_resend_csv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    # What Korean Excel writes: CP949 with Korean headers.
    with path.open("w", encoding="cp949", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["문서유형", "문서번호", "수신메일"])
        writer.writerows(rows)
    return path


def assign_xlsx(path: Path, rows: list[tuple[object, str, str]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["ItemKey", "MgtKeyType", "MgtKey"])
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def item_key(i: int) -> str:
    return f"0241124{i:011d}"


def test_cp949_csv_resend_then_results_file(sim: Simulator, tmp_path: Path) -> None:
    source = cp949_resend_csv(tmp_path / "메일.csv", [("SELL", f"INV-{i}", f"a{i}@example.com") for i in range(12)])
    out = tmp_path / "results.csv"
    result = run(["resend-email", str(source), "--out", str(out)], env_for(sim, tmp_path))
    assert result.returncode == 0, result.stderr
    assert len(sim.state.sent_mails) == 12 and sim.count("token") == 1
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0][:4] == ["Row", "Type", "Document ID", "E-mail"]
    assert [line[0] for line in table[1:]] == [str(i) for i in range(2, 14)]  # the spreadsheet's row numbers
    assert all(line[5] == "1" for line in table[1:])
    calls = History(tmp_path / "history.sqlite3").recent(limit=None)
    assert len(calls) == 12 and all(c.ok for c in calls)


def test_xlsx_assign(sim: Simulator, tmp_path: Path) -> None:
    numbers = assign_xlsx(tmp_path / "numbers.xlsx", [(int(item_key(i)), "SELL", f"DOC-{i}") for i in range(1, 6)])
    refused = run(["assign-mgtkey", str(numbers)], env_for(sim, tmp_path))
    assert refused.returncode == 2 and "Format the column as Text" in refused.stdout + refused.stderr  # digits lost
    assert sim.requests == []
    source = assign_xlsx(tmp_path / "assign.xlsx", [(item_key(i), "SELL", f"DOC-{i}") for i in range(1, 6)])
    out = tmp_path / "results.xlsx"
    result = run(["assign-mgtkey", str(source), "--out", str(out), "--concurrency", "2"], env_for(sim, tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(a.item_key for a in sim.state.assignments) == [item_key(i) for i in range(1, 6)]
    sheet = load_workbook(out).active
    lines = list(sheet.iter_rows(values_only=True))
    assert lines[1][1] == item_key(1)  # an 18-digit ItemKey stays text, not 2.4E+16


def test_a_file_with_invalid_rows_is_refused_whole(sim: Simulator, tmp_path: Path) -> None:
    source = cp949_resend_csv(tmp_path / "bad.csv", [("SELL", "OK-1", "a@b.co"), ("SEL", "문서/1", "nobody")])
    result = run(["resend-email", str(source)], env_for(sim, tmp_path))
    assert result.returncode == 2
    assert "3: mgt_key_type" in result.stderr and "3: receiver" in result.stderr
    assert sim.requests == []
    skipped = run(["resend-email", str(source), "--skip-invalid"], env_for(sim, tmp_path))
    assert skipped.returncode == 1  # not every row succeeded: one was skipped
    assert len(sim.state.sent_mails) == 1


def test_unreadable_file_and_bad_options(sim: Simulator, tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    assert run(["resend-email", str(tmp_path / "x.pdf")], env_for(sim, tmp_path)).returncode == 2
    source = cp949_resend_csv(tmp_path / "ok.csv", [("SELL", "K1", "a@b.co")])
    assert run(["resend-email", str(source), "--concurrency", "17"], env_for(sim, tmp_path)).returncode == 2
    assign = assign_xlsx(tmp_path / "a.xlsx", [(item_key(1), "SELL", "D1")])
    assert run(["assign-mgtkey", str(assign), "--resend-unknown"], env_for(sim, tmp_path)).returncode == 2
    assert sim.requests == []


def test_a_refusal_for_every_row_stops_at_once(sim: Simulator, tmp_path: Path) -> None:
    source = cp949_resend_csv(tmp_path / "p.csv", [("SELL", f"NOPOINT-{i}", "a@b.co") for i in range(40)])
    result = run(["resend-email", str(source), "--concurrency", "2"], env_for(sim, tmp_path))
    assert result.returncode == 1
    assert "-99005001" in result.stderr and "Top up" in result.stderr
    assert sim.count("send_email") <= 2  # not forty refusals: the batch stopped


def test_unreachable_stops_with_3_and_resumes(sim: Simulator, tmp_path: Path) -> None:
    source = cp949_resend_csv(tmp_path / "u.csv", [("SELL", f"K{i}", "a@b.co") for i in range(5)])
    sim.fault = "html-500"
    first = run(["resend-email", str(source)], env_for(sim, tmp_path))
    assert first.returncode == 3
    again = run(["resend-email", str(source)], env_for(sim, tmp_path))
    assert again.returncode == 2 and "--resume" in again.stderr  # never silently a second batch
    sim.fault = None
    resumed = run(["resend-email", str(source), "--resume"], env_for(sim, tmp_path))
    assert resumed.returncode == 1  # the row that got the error page needs checking
    assert "check" in resumed.stdout.lower()
    sent = Counter(r.path for r in sim.requests if r.kind == "send_email")
    assert all(n == 1 for n in sent.values()) and len(sent) == 5


def test_wrong_credentials_stop_with_4(sim: Simulator, tmp_path: Path) -> None:
    source = cp949_resend_csv(tmp_path / "c.csv", [("SELL", "K1", "a@b.co")])
    env = env_for(sim, tmp_path, POPBILL_SECRET_KEY="c2VjcmV0LWtleS1mb3ItdGVzdHMtMDEyMzQ1Njc4OWFi")
    assert run(["resend-email", str(source)], env).returncode == 4
    assert sim.count("send_email") == 0


def test_killed_mid_run_and_resumed_never_assigns_twice(sim: Simulator, tmp_path: Path) -> None:
    rows = 40
    source = assign_xlsx(tmp_path / "big.xlsx", [(item_key(i), "SELL", f"DOC-{i}") for i in range(rows)])
    sim.latency_ms = 60
    env = env_for(sim, tmp_path)
    proc = subprocess.Popen(
        [CLI, "batch", "assign-mgtkey", str(source), "--concurrency", "4"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while sim.count("assign") < 12 and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)  # no cleanup, no journal flush: the power cut
    proc.wait(timeout=10)
    sent_before = sim.count("assign")
    assert 12 <= sent_before < rows

    sim.latency_ms = 0
    resumed = run(["assign-mgtkey", str(source), "--resume"], env)
    assert resumed.returncode in (0, 1), resumed.stderr
    per_item = Counter(r.path.split("/")[2] for r in sim.requests if r.kind == "assign")
    assert max(per_item.values()) == 1  # no ItemKey reached the simulator twice
    journal = Journal(History(Path(env["POPBILL_HISTORY"])))
    assert journal.unfinished_batches() == []  # the resumed batch completed
    states = {j.row: j.outcome.state for j in journal.batch_rows(1)}
    assert len(states) == rows
    assert set(states.values()) <= {RowState.DONE, RowState.UNKNOWN}
    unknown = [row for row, state in states.items() if state is RowState.UNKNOWN]
    assert len(unknown) <= 4  # at most the calls in flight when the process died: flagged, not resent
    assigned = {a.item_key for a in sim.state.assignments}
    done_keys = {j.values["item_key"] for j in journal.batch_rows(1) if j.outcome.state is RowState.DONE}
    assert done_keys <= assigned and len(done_keys) == rows - len(unknown)
    assert "check" in resumed.stdout.lower() or not unknown


@pytest.mark.parametrize("operation", ["resend-email", "assign-mgtkey"])
def test_results_written_even_when_stopped(sim: Simulator, tmp_path: Path, operation: str) -> None:
    if operation == "resend-email":
        source = cp949_resend_csv(tmp_path / "s.csv", [("SELL", "NOIP-1", "a@b.co"), ("SELL", "K2", "a@b.co")])
    else:
        source = assign_xlsx(tmp_path / "s.xlsx", [(item_key(1), "SELL", "NOIP-1"), (item_key(2), "SELL", "D2")])
    out = tmp_path / "r.csv"
    result = run([operation, str(source), "--out", str(out), "--concurrency", "1"], env_for(sim, tmp_path))
    assert result.returncode == 1
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert len(table) == 3  # every input row, sent or not
    assert table[1][5] == "-99910006"


def test_resume_of_a_finished_batch_sends_nothing_and_exits_2(sim: Simulator, tmp_path: Path) -> None:
    source = cp949_resend_csv(tmp_path / "done.csv", [("SELL", f"R-{i}", f"r{i}@example.com") for i in range(4)])
    env = env_for(sim, tmp_path)
    assert run(["resend-email", str(source)], env).returncode == 0
    assert sim.count("send_email") == 4
    again = run(["resend-email", str(source), "--resume"], env)
    assert again.returncode == 2
    assert "Nothing to resume" in again.stderr and "Nothing was sent" in again.stderr
    assert sim.count("send_email") == 4  # before: every row was sent a second time


def test_resume_under_another_environment_or_corp_num_finds_nothing(sim: Simulator, tmp_path: Path) -> None:
    source = cp949_resend_csv(tmp_path / "half.csv", [("SELL", f"H-{i}", f"h{i}@example.com") for i in range(6)])
    env = env_for(sim, tmp_path)
    sim.fault = "reset"  # the first row's answer is lost: the batch stops, unfinished, resumable
    first = run(["resend-email", str(source), "--concurrency", "1"], env)
    assert first.returncode == 3
    sim.fault = None
    sent = sim.count("send_email")
    for other in ({"POPBILL_ENV": "production"}, {"POPBILL_CORP_NUM": "1234567890"}):
        refused = run(["resend-email", str(source), "--resume"], {**env, **other})
        assert refused.returncode == 2, refused.stderr
        # It names the account the unfinished batch belongs to, and sends nothing there.
        assert "test environment" in refused.stderr and DEMO_CORP_NUM in refused.stderr
        assert sim.count("send_email") == sent
    resumed = run(["resend-email", str(source), "--resume"], env)
    assert resumed.returncode in (0, 1), resumed.stderr
    with History(Path(env["POPBILL_HISTORY"])) as history:
        (batch,) = [Journal(history).batch(1)]
        assert batch.environment == "test" and batch.corp_num == DEMO_CORP_NUM and not batch.unfinished


def test_a_batch_running_in_another_process_is_refused_and_no_mail_goes_twice(sim: Simulator, tmp_path: Path) -> None:
    # Issue 12.5: process B's --resume recovered process A's live batch (its rows in flight became "unknown"), then
    # crashed on the journal (exit 70), and with --resend-unknown sent those mails a second time.
    rows = 20
    source = cp949_resend_csv(tmp_path / "live.csv", [("SELL", f"LIVE-{i}", f"l{i}@example.com") for i in range(rows)])
    env = env_for(sim, tmp_path)
    sim.latency_ms = 1000  # A cannot finish (10 s) before B's three runs end, even on a busy machine
    proc = subprocess.Popen(
        [CLI, "batch", "resend-email", str(source), "--concurrency", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while sim.count("send_email") < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        for extra in (["--resume"], ["--resume", "--resend-unknown"], []):
            other = run(["resend-email", str(source), *extra], env)
            assert other.returncode == 2, other.stderr
            assert "is running in another window or program" in other.stderr, other.stderr
            assert "Nothing was sent" in other.stderr
            assert proc.poll() is None  # A was running all along: the refusal is about it, not "finished"
        with History(Path(env["POPBILL_HISTORY"])) as history:
            states = Counter(j.outcome.state for j in Journal(history).batch_rows(1))
        assert states[RowState.UNKNOWN] == 0  # nobody recovered A's rows in flight
    finally:
        sim.latency_ms = 0
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Traceback" not in out + err
    sent = Counter(mail.mgt_key for mail in sim.state.sent_mails)
    assert sent == Counter(f"LIVE-{i}" for i in range(rows))  # every mail exactly once
    with History(Path(env["POPBILL_HISTORY"])) as history:
        journal = Journal(history)
        assert journal.unfinished_batches() == [] and journal.batch(1).counts[RowState.DONE] == rows
    assert list(tmp_path.glob("*.lock")) == []  # the run lock's file went with the run


# ---- the results file (issue 14.3) ----
def test_a_results_target_that_is_a_folder_is_refused_before_anything_is_sent(sim: Simulator, tmp_path: Path) -> None:
    source = cp949_resend_csv(tmp_path / "m.csv", [("SELL", "F-1", "a@b.co")])
    folder = tmp_path / "results.csv"
    folder.mkdir()
    for lang, words in (("en", "is a folder"), ("ko", "폴더입니다")):
        result = run(["resend-email", str(source), "--out", str(folder)], env_for(sim, tmp_path, POPBILL_LANG=lang))
        assert result.returncode == 2
        assert words in result.stderr and str(folder) in result.stderr
    assert sim.count("token") == 0 and sim.count("send_email") == 0
    assert not (tmp_path / "history.sqlite3").exists()  # nothing journaled either


def test_a_results_file_that_cannot_be_replaced_costs_only_the_file(
    sim: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from popbill_gui.batch import export
    from popbill_gui.cli import Cli

    source = cp949_resend_csv(tmp_path / "m.csv", [("SELL", "K1", "a@b.co"), ("SELL", "NOIP-1", "a@b.co")])
    out = tmp_path / "results.csv"
    out.write_text("open in Excel\n", encoding="utf-8")
    real_replace = os.replace
    tries: list[str] = []

    def like_excel(src: str, dst: str | Path) -> None:
        # What Windows says when the target is open in Excel (a sharing violation): at every try.
        if Path(dst) == out:
            tries.append(src)
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", like_excel)
    monkeypatch.setattr(export, "REPLACE_DELAYS", ())  # no pauses between the tries in a test
    stdout, stderr = io.StringIO(), io.StringIO()
    cli = Cli(environ=env_for(sim, tmp_path), stdout=stdout, stderr=stderr)
    code = cli.run(["batch", "resend-email", str(source), "--out", str(out), "--concurrency", "1"])
    assert code == 1  # the batch's own code (a row refused by POPBiLL), not 70
    assert tries and sim.count("send_email") == 2
    assert "close it there and export again" in stderr.getvalue()
    assert "done 1" in stderr.getvalue() and "failed 1" in stderr.getvalue()  # the summary, still
    assert stdout.getvalue().startswith("3\tfailed\t[-99910006]")  # the failed row's line
    assert out.read_text(encoding="utf-8") == "open in Excel\n"  # untouched
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".results")) == []  # no temporary left


def test_a_file_another_program_starts_while_the_cli_plans_it_is_refused_with_nothing_sent(
    sim: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In process, to start the other run between the CLI's planning and its run (the credentials are read between).
    import io

    from popbill_gui.batch.reader import read_batch
    from popbill_gui.cli import Cli
    from popbill_gui.cli import batch as cli_batch

    source = cp949_resend_csv(tmp_path / "m.csv", [("SELL", f"INV-{i}", "a@example.com") for i in range(3)])
    env = env_for(sim, tmp_path)
    held = []
    real_credentials = cli_batch._credentials

    def credentials_while_the_window_starts(cli: Cli, service: object) -> None:
        with History(tmp_path / "history.sqlite3") as history:
            journal = Journal(history)
            file = read_batch(source, "resend_email")
            batch_id = journal.create_batch(
                operation="resend_email", source=str(source), fingerprint=file.fingerprint(), environment="test",
                corp_num=DEMO_CORP_NUM, rows=file.rows, concurrency=1,
            )  # fmt: skip
            held.append(journal.lock(batch_id))
        real_credentials(cli, service)  # type: ignore[arg-type]

    monkeypatch.setattr(cli_batch, "_credentials", credentials_while_the_window_starts)
    out, err = io.StringIO(), io.StringIO()
    code = Cli(env, io.StringIO(""), out, err).run(["batch", "resend-email", str(source)])
    assert code == 2, err.getvalue()
    assert "is running in another window or program" in err.getvalue() and "Traceback" not in err.getvalue()
    assert sim.count("send_email") == 0
    held[0].release()
