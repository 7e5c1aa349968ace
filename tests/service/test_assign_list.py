"""Invoices chosen in Find, written as batch files (document IDs for many, mails resent to the addresses on file):
read back by the batch reader with the clerk's columns kept, owner-only, never written over an earlier list; the
addresses looked up against the simulator over real sockets; and which invoices numbering leaves out."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from popbill_gui.batch.reader import read_batch
from popbill_gui.core.invoices import Invoice
from popbill_gui.service import LinkCredentials, PopbillError, Service
from popbill_gui.service.assign_list import CLERK_HEADERS, FOLDER, AssignListRow, set_aside, write_assign_list
from popbill_gui.service.lookups import SearchFilter
from popbill_gui.service.resend_list import ResendListRow, with_addresses, write_resend_list
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage.settings import Settings

CLERK = ('=HYPERLINK("x")', "2026-01-05", "1,650,000", "국세청 전송 완료")
ROWS = [
    AssignListRow("026010000000000001", "SELL", "INV-20260105-001", CLERK),
    AssignListRow("026010000000000002", "BUY", "-LEADING", ("가나다상사", "2026-01-06", "-20,000", "발행취소")),
]


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Service]:
    service = Service(Settings(), history_path=tmp_path / "data" / "history.sqlite3")
    yield service
    service.close()


@pytest.fixture
def live(sim: Simulator, tmp_path: Path) -> Iterator[Service]:
    settings = Settings(base_url=sim.base_url, auth_url=sim.base_url, corp_num=DEMO_CORP_NUM, lang="en", timeout=5.0)
    service = Service(settings, LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY), history_path=tmp_path / "h.sqlite3")
    yield service
    service.close()


def recent(service: Service, kind: str = "SELL") -> list[Invoice]:
    today = date.today()
    return list(service.lookups.search(SearchFilter(kind, today - timedelta(days=62), today)).invoices)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_assign_list_reads_back_as_the_same_batch_with_the_clerks_columns(
    service: Service, tmp_path: Path, lang: str
) -> None:
    path = write_assign_list(service, ROWS, lang)  # type: ignore[arg-type]
    assert path.parent == tmp_path / "data" / FOLDER and path.suffix == ".csv"
    file = read_batch(path, "assign_mgt_key")
    assert file.invalid_rows == []
    assert [(r.values["item_key"], r.values["mgt_key_type"], r.values["mgt_key"]) for r in file.rows] == [
        (r.item_key, r.mgt_key_type, r.mgt_key) for r in ROWS
    ]  # a key starting with '-' is protected from Excel in the file and read back as it was
    # Partner, date, amount and state beside every new ID: the reader keeps them as the clerk's own columns.
    assert file.extra_columns == CLERK_HEADERS[lang]
    assert [tuple(r.extras) for r in file.rows] == [r.clerk for r in ROWS]
    text = path.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text  # a partner's name never runs as a formula
    assert ("매출" if lang == "ko" else "sales") in text and "SELL" not in text  # the type in words


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
    with pytest.raises(ValueError):
        write_resend_list(service, [])


def test_numbering_sets_cancelled_and_nts_failed_invoices_aside(live: Service) -> None:
    invoices = recent(live)
    states = {invoice.state_code for invoice in invoices}
    assert {600, 305} <= states, "the demo book has a cancelled and an NTS-failed invoice in the last two months"
    for invoice in invoices:
        code = invoice.state_code or 0
        expected = "cancelled" if code // 100 in (5, 6) else "nts_failed" if code == 305 else None
        assert set_aside(invoice) == expected


def test_addresses_on_file_are_looked_up_and_the_resend_list_reads_back(
    live: Service, sim: Simulator, tmp_path: Path
) -> None:
    invoices = recent(live)
    named = [i for i in invoices if i.mgt_key][:5]
    unnamed = [i for i in invoices if not i.mgt_key][:2]
    gone = replace(named[0], mgt_key="GONE-0001")  # no invoice has this document ID (any more)
    chosen = [*named, *unnamed, gone]
    before = sim.count("detail")
    progress: list[tuple[int, int]] = []
    addressed = with_addresses(live, chosen, progress=lambda done, total: progress.append((done, total)))
    assert sim.count("detail") - before == len(named) + 1  # one detail per invoice with a document ID, no more
    assert progress[-1] == (len(named) + 1, len(named) + 1)
    assert [i.item_key for i in addressed.ready] == [i.item_key for i in named]  # in the order chosen
    assert addressed.without_id == tuple(unnamed) and addressed.without_address == (gone,)
    assert addressed.left_out == len(unnamed) + 1 and not addressed.cancelled
    book = {i.item_key: i.fields for i in sim.state.invoices(DEMO_CORP_NUM, "SELL")}
    assert [i.emails[0] for i in addressed.ready] == [book[i.item_key]["invoiceeEmail1"] for i in named]

    path = write_resend_list(live, [ResendListRow.of(i, "ko") for i in addressed.ready], "ko")
    assert path.parent == tmp_path / "resend-lists"
    file = read_batch(path, "resend_email")
    assert file.invalid_rows == [] and not file.type_assumed
    assert [(r.values["mgt_key_type"], r.values["mgt_key"], r.values["receiver"]) for r in file.rows] == [
        ("SELL", i.mgt_key, i.emails[0]) for i in addressed.ready
    ]
    assert file.extra_columns == CLERK_HEADERS["ko"]
    first = addressed.ready[0]
    assert tuple(file.rows[0].extras) == (
        first.partner_name,
        first.write_date.isoformat() if first.write_date else "",
        f"{first.total:,}",
        first.state_words("ko"),
    )


def test_a_stopped_look_up_hands_nothing_on_and_a_refusal_is_raised(
    live: Service, sim: Simulator, tmp_path: Path
) -> None:
    named = [i for i in recent(live) if i.mgt_key][:6]
    stop = threading.Event()
    addressed = with_addresses(live, named, progress=lambda done, total: stop.set(), cancelled=stop.is_set)
    assert addressed.cancelled and addressed.ready == ()
    assert sim.count("detail") < len(named)

    wrong = Settings(base_url=sim.base_url, auth_url=sim.base_url, corp_num=DEMO_CORP_NUM, lang="en", timeout=5.0)
    refused = Service(wrong, LinkCredentials(DEMO_LINK_ID, "d3Jvbmc="), history_path=tmp_path / "r.sqlite3")
    try:
        with pytest.raises(PopbillError):
            with_addresses(refused, named)
    finally:
        refused.close()
