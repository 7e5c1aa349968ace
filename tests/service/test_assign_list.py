"""Document IDs chosen in the window, written as a batch file: read back by the batch reader, owner-only, never
written over an earlier list."""

from __future__ import annotations

import os
import stat
from datetime import datetime
from pathlib import Path

import pytest

from popbill_gui.batch.reader import read_batch
from popbill_gui.service import Service
from popbill_gui.service.assign_list import FOLDER, AssignListRow, write_assign_list
from popbill_gui.storage.settings import Settings

ROWS = [
    AssignListRow("026010000000000001", "SELL", "INV-20260105-001", "2026-01-05", "=HYPERLINK(\"x\")"),
    AssignListRow("026010000000000002", "BUY", "-LEADING", "2026-01-06", "가나다상사"),
]


@pytest.fixture
def service(tmp_path: Path) -> Service:
    service = Service(Settings(), history_path=tmp_path / "data" / "history.sqlite3")
    yield service  # type: ignore[misc]
    service.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_list_reads_back_as_the_same_batch(service: Service, tmp_path: Path, lang: str) -> None:
    path = write_assign_list(service, ROWS, lang)  # type: ignore[arg-type]
    assert path.parent == tmp_path / "data" / FOLDER and path.suffix == ".csv"
    file = read_batch(path, "assign_mgt_key")
    assert file.invalid_rows == []
    assert [(r.values["item_key"], r.values["mgt_key_type"], r.values["mgt_key"]) for r in file.rows] == [
        (r.item_key, r.mgt_key_type, r.mgt_key) for r in ROWS
    ]  # a key starting with '-' is protected from Excel in the file and read back as it was
    assert "'=HYPERLINK" in path.read_text(encoding="utf-8-sig")  # a partner's name never runs as a formula


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_owner_only_and_never_over_an_earlier_list(service: Service) -> None:
    now = datetime(2026, 1, 15, 9, 30, 0)
    first = write_assign_list(service, ROWS, now=now)
    second = write_assign_list(service, ROWS[:1], now=now)
    assert first != second and first.exists() and second.exists()
    assert len(read_batch(first, "assign_mgt_key").rows) == 2  # the first list (and its batch) is untouched
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert stat.S_IMODE(first.parent.stat().st_mode) == 0o700


def test_an_empty_list_is_refused(service: Service) -> None:
    with pytest.raises(ValueError):
        write_assign_list(service, [])
