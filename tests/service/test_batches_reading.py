"""The service's reading side for both faces: rows Excel hides are sent only by choice (left out, they are journaled
and exported as skipped, and a resume never sends them), and what the window shows of a file (sheet, notes)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from popbill_gui.batch.model import RowState
from popbill_gui.service import Service
from popbill_gui.service.batches import Batches
from popbill_gui.simulator import Simulator

from .test_batches import make_service


@pytest.fixture
def service(sim: Simulator, tmp_path: Path) -> Iterator[Service]:
    s = make_service(sim, tmp_path)
    yield s
    s.close()


def hidden_book(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "목록"
    sheet.append(["문서유형", "문서번호", "수신메일", "비고"])
    for n in range(2, 7):
        sheet.append(["매출", f"H-{n}", f"a{n}@example.com", f"메모 {n}"])
    sheet.row_dimensions[3].hidden = True
    sheet.row_dimensions[5].hidden = True
    book.save(path)
    return path


def test_hidden_rows_skipped_are_journaled_skipped_and_never_sent(
    service: Service, sim: Simulator, tmp_path: Path
) -> None:
    file = service.batches.read(hidden_book(tmp_path / "a.xlsx"), "resend_email")
    assert file.hidden_rows == (3, 5) and file.sheet == "목록"
    chosen = Batches.choose_hidden(file, "skip")
    plan = service.batches.plan(chosen, concurrency=2)  # no --skip-invalid needed: nothing is invalid
    assert [row.row for row in plan.rows] == [2, 4, 6]
    report = service.batches.start(plan).run()
    assert sorted(m.mgt_key for m in sim.state.sent_mails) == ["H-2", "H-4", "H-6"]
    assert {n: o.state for n, o in report.outcomes.items()} == {
        2: RowState.DONE, 3: RowState.SKIPPED, 4: RowState.DONE, 5: RowState.SKIPPED, 6: RowState.DONE,
    }  # fmt: skip
    out = service.batches.export(tmp_path / "results.xlsx", plan.file, report.outcomes, "ko")
    rows = list(openpyxl.load_workbook(out).worksheets[0].values)
    assert rows[0] == ("행", "문서유형", "문서번호", "수신메일", "비고", "상태", "코드", "메시지")
    assert rows[2][1] == "매출" and rows[2][4] == "메모 3" and rows[2][5] == "건너뜀" and "숨겨진 행" in rows[2][7]


def test_a_resumed_batch_keeps_the_choice_it_was_journaled_with(
    service: Service, sim: Simulator, tmp_path: Path
) -> None:
    path = hidden_book(tmp_path / "a.xlsx")
    chosen = Batches.choose_hidden(service.batches.read(path, "resend_email"), "skip")
    plan = service.batches.plan(chosen, concurrency=1)
    journal = service.journal()
    batch_id = journal.create_batch(
        operation="resend_email",
        source=str(path),
        fingerprint=chosen.fingerprint(),
        environment=service.environment_name,
        corp_num=service.corp_num,
        rows=chosen.rows,
        concurrency=1,
        skip_invalid=plan.skip_invalid,
    )  # as a run killed before its first row leaves it
    again = service.batches.read(path, "resend_email")  # read again, no choice made this time
    resumed = service.batches.plan_resume(file=again, concurrency=1)
    assert resumed.batch_id == batch_id and [row.row for row in resumed.rows] == [2, 4, 6]
    service.batches.start(resumed).run()
    assert sorted(m.mgt_key for m in sim.state.sent_mails) == ["H-2", "H-4", "H-6"]


def test_sending_hidden_rows_is_a_choice_too(service: Service, sim: Simulator, tmp_path: Path) -> None:
    file = service.batches.read(hidden_book(tmp_path / "a.xlsx"), "resend_email")
    assert Batches.choose_hidden(file, "send") is file
    service.batches.start(service.batches.plan(file, concurrency=2)).run()
    assert len(sim.state.sent_mails) == 5
    with pytest.raises(ValueError):
        Batches.choose_hidden(file, "maybe")  # type: ignore[arg-type]
