"""The clerk's choices before a batch sends (issue 18, the window side): hidden rows never sent without a choice, rows
done before left out with a count unless sent again on purpose, and a file edited after its batch was killed (kill -9)
resumed as journaled or abandoned, from buttons, never sending a row that was done (or may have been) again."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from popbill_gui.batch.journal import Journal
from popbill_gui.batch.model import RowState, state_text
from popbill_gui.batch.runner import Stop
from popbill_gui.core.messages import text
from popbill_gui.simulator import Simulator
from popbill_gui.ui.batch.batch_tab import BatchTab
from tests.assign_book import assign_csv, carried
from tests.cli.test_batch import env_for
from tests.cli.test_batch_send import assigned_per_item, edit_row
from tests.cli.test_batch_send import killed_mid_batch as cli_killed_mid_batch

from .batch_tabs import asked, column, history, journal, load, mails, make_tab, run, settle, w

pytestmark = pytest.mark.qt_log_level_fail("WARNING")
__all__ = ["history", "journal", "make_tab"]  # fixtures, used by name


def hidden_rows_book(path: Path) -> Path:
    """Five mails; Excel hides rows 3 and 5 (a filter, or by hand)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "목록"
    sheet.append(["문서유형", "문서번호", "수신메일"])
    for i in range(1, 6):
        sheet.append(["매출", f"H-{i}", f"h{i}@example.com"])
    for row in (3, 5):
        sheet.row_dimensions[row].hidden = True
    book.save(path)
    return path


def visible(tab: QWidget, name: str) -> bool:
    return w(tab, QWidget, name).isVisibleTo(tab)


# ---- hidden rows ----
@pytest.mark.parametrize("answer", ["send", "skip"])
def test_hidden_rows_are_never_sent_without_a_choice_and_the_choice_is_what_goes(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path, journal: Journal, answer: str
) -> None:
    tab = make_tab(lang="en")
    assert load(qtbot, tab, hidden_rows_book(tmp_path / "hidden.xlsx"))
    # Asked above the preview, the rows marked, the sheet named; Start waits for the answer.
    assert visible(tab, "batchHiddenRows")
    question = w(tab, QLabel, "batchHiddenRowsText").text()
    assert "2 row(s) are hidden" in question and "3, 5" in question
    assert column(tab, "result") == ["OK", "Hidden: choose", "OK", "Hidden: choose", "OK"]
    assert "Sheet: 목록" in w(tab, QLabel, "batchFile").text()  # the sheet read, on the file line
    start = w(tab, QPushButton, "batchStart")
    assert not start.isEnabled() and tab.start() is False
    assert "hidden rows" in w(tab, QLabel, "batchStatus").text()
    assert sim.count("send_email") == 0 and journal.unfinished_batches() == []

    button = "batchHiddenSend" if answer == "send" else "batchHiddenSkip"
    qtbot.mouseClick(w(tab, QRadioButton, button), Qt.MouseButton.LeftButton)
    assert start.isEnabled()
    report = run(qtbot, tab, tab.start)
    assert report.stop is Stop.COMPLETED
    if answer == "send":
        assert sorted(mails(sim)) == ["H-1", "H-2", "H-3", "H-4", "H-5"]
    else:
        assert sorted(mails(sim)) == ["H-1", "H-3", "H-5"]  # rows 2, 4, 6 of the sheet: the ones Excel shows
        skipped = state_text(RowState.SKIPPED, "en")
        assert column(tab, "result")[1] == column(tab, "result")[3] == skipped
        assert column(tab, "message")[1] == text("batch.hidden_row", "en")
        states = {j.row: j.outcome.state for j in journal.batch_rows(report.batch_id)}
        assert states[3] is states[5] is RowState.SKIPPED  # journaled as skipped, so a resume never sends them


# ---- rows done before ----
def mail_file(path: Path, keys: list[str]) -> Path:
    path.write_text("MgtKeyType,MgtKey,Receiver\n" + "".join(f"SELL,{k},{k.lower()}@example.com\n" for k in keys))
    return path


def test_rows_done_before_are_counted_and_left_out_unless_sent_again(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path
) -> None:
    tab = make_tab(lang="en")
    assert load(qtbot, tab, mail_file(tmp_path / "first.csv", ["D-1", "D-2", "D-3"]))
    assert not visible(tab, "batchLeftOut")  # nothing done before: no bar
    assert run(qtbot, tab, tab.start).stop is Stop.COMPLETED

    # Another file naming two of the same mails: counted, marked and left out before anything is sent.
    second = mail_file(tmp_path / "second.csv", ["D-2", "D-3", "D-4"])
    assert load(qtbot, tab, second)
    assert visible(tab, "batchLeftOut")
    assert "2 row(s) done or maybe done before are left out" in w(tab, QLabel, "batchLeftOutText").text()
    assert column(tab, "result") == ["Done before: left out", "Done before: left out", "OK"]
    assert "already done in the last 24 hours" in column(tab, "message")[0]
    report = run(qtbot, tab, tab.start)
    assert report.stop is Stop.COMPLETED and set(report.left_out) == {2, 3}
    assert Counter(mails(sim)) == Counter({"D-1": 1, "D-2": 1, "D-3": 1, "D-4": 1})
    assert "2 row(s) done or maybe done before are left out" in w(tab, QLabel, "batchStatus").text()

    # Chosen again: all three done before now; ticked, they are sent again, on purpose.
    assert load(qtbot, tab, second)
    assert "3 row(s)" in w(tab, QLabel, "batchLeftOutText").text()
    again = w(tab, QCheckBox, "batchAgain")
    again.setChecked(True)
    assert set(column(tab, "result")) == {"OK"}
    assert run(qtbot, tab, tab.start).stop is Stop.COMPLETED
    assert Counter(mails(sim)) == Counter({"D-1": 1, "D-2": 2, "D-3": 2, "D-4": 2})


def test_a_file_whose_rows_were_all_done_before_sends_nothing_and_says_how_to_send_again(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path, journal: Journal
) -> None:
    path = mail_file(tmp_path / "m.csv", ["E-1", "E-2"])
    tab = make_tab(lang="en")
    assert load(qtbot, tab, path)
    assert run(qtbot, tab, tab.start).stop is Stop.COMPLETED
    assert load(qtbot, tab, path)
    assert tab.start()
    settle(qtbot, tab)
    assert "Nothing to send" in w(tab, QLabel, "batchStatus").text() and "Send them again anyway" in w(
        tab, QLabel, "batchStatus"
    ).text()
    assert sim.count("send_email") == 2 and len(journal.history.recent(None)) == 2  # nothing journaled either


# ---- a file edited after its batch was killed ----
def killed_mid_batch(sim: Simulator, source: Path, tmp_path: Path, at_least: int) -> int:
    """popbill-cli killed (SIGKILL, the power cut) while it assigns the file's IDs, on the tab's history."""
    env = env_for(sim, tmp_path, POPBILL_HISTORY=str(tmp_path / "h.sqlite3"))
    return cli_killed_mid_batch(sim, source, env, at_least)


@pytest.mark.parametrize("way", ["resume", "abandon"])
def test_a_file_edited_after_a_kill_offers_resume_as_journaled_or_abandon_and_sends_no_done_row_again(
    qtbot: QtBot, make_tab: Callable[..., BatchTab], sim: Simulator, tmp_path: Path, journal: Journal, way: str
) -> None:
    rows = [(f"0241124{i:011d}", "SELL", f"DOC-{i}") for i in range(30)]
    source = assign_csv(tmp_path / "assign.csv", rows)
    sent = killed_mid_batch(sim, source, tmp_path, at_least=8)
    assert 8 <= sent < 30
    edit_row(source, 31, "FIXED-29")  # the last row, not sent yet: the clerk fixes its document ID

    tab = make_tab(lang="en")
    tab.set_operation("assign_mgt_key")
    assert load(qtbot, tab, source)
    assert tab.start()
    settle(qtbot, tab)
    # Nothing sent; the two ways on, as buttons above the preview.
    assert sim.count("assign") == sent and not asked(tab)
    assert visible(tab, "batchChanged")
    assert "has changed since batch #1" in w(tab, QLabel, "batchChangedText").text()
    assert "Nothing was sent" in w(tab, QLabel, "batchStatus").text()
    resume, abandon = w(tab, QPushButton, "batchResumeChanged"), w(tab, QPushButton, "batchAbandon")
    assert "#1" in abandon.text()

    if way == "resume":
        with qtbot.waitSignal(tab.finished, timeout=20000) as finished:
            qtbot.mouseClick(resume, Qt.MouseButton.LeftButton)
        assert finished.args[0].batch_id == 1 and not visible(tab, "batchChanged")
        assert assigned_per_item(sim)[rows[29][0]] == 0  # not with the ID the clerk has since changed
        assert journal.batch(1).file_changed and not journal.batch(1).unfinished
    else:
        with qtbot.waitSignal(tab.loaded, timeout=20000):  # abandoned, then the file read again
            qtbot.mouseClick(abandon, Qt.MouseButton.LeftButton)
        assert "Abandon batch #1?" in asked(tab)[-1][1]
        assert sim.count("assign") == sent  # abandoning sends nothing
        assert journal.batch(1).status == "abandoned"
        assert "Batch #1 abandoned" in w(tab, QLabel, "batchStatus").text()
        assert visible(tab, "batchLeftOut")  # what the abandoned batch did or may have done: counted, left out

    # The file as it is now, as a new batch: only what was never done (or may have been) is sent.
    assert load(qtbot, tab, source)
    report = run(qtbot, tab, tab.start)
    assert report.stop is Stop.COMPLETED and report.left_out
    per_item = assigned_per_item(sim)
    assert max(per_item.values()) == 1  # no invoice was asked twice
    unknown = {j.values["item_key"] for j in journal.batch_rows(1) if j.outcome.state is RowState.UNKNOWN}
    assert set(per_item) | unknown == {r[0] for r in rows}  # every other row sent, once
    assert carried(sim, rows[29][0]) == "FIXED-29"
    assert journal.unfinished_batches() == []
