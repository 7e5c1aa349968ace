"""popbill-cli search and info against the simulator's book, over real sockets: the table, --json with the API's
field names, --out for Excel, the filters on the wire, exit codes 0-4 and 130, progress on a terminal."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from openpyxl import load_workbook

from popbill_gui.cli import Cli
from popbill_gui.simulator import DEMO_CORP_NUM, Simulator
from popbill_gui.simulator.book import BookInvoice
from tests.cli.test_cli import CLI, base_env, demo_env, run

TODAY = date(2026, 11, 24)
MONTH = ("2026-10-24", "2026-11-23")


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(book_today=TODAY) as simulator:
        yield simulator


def width(text: str) -> int:
    """Screen columns as a terminal draws them, counted here on its own (not with the code under test): every
    character in these tables is Hangul (two columns) or narrow (one)."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def book(sim: Simulator, kind: str, first: str, last: str) -> list[BookInvoice]:
    low, high = first.replace("-", ""), last.replace("-", "")
    return [i for i in sim.state.invoices(DEMO_CORP_NUM, kind) if low <= i.fields["writeDate"] <= high]


def searches(sim: Simulator) -> list[dict[str, str]]:
    return [dict(parse_qsl(urlsplit(r.path).query)) for r in sim.requests if r.kind == "search"]


def search(sim: Simulator, *options: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run(["search", *options], env or demo_env(sim))


# ---- search ----


def test_search_prints_a_table_that_lines_up_with_korean_text(sim: Simulator) -> None:
    result = search(sim, "--type", "SELL", "--from", MONTH[0], "--to", MONTH[1])
    assert result.returncode == 0, result.stderr
    expected = book(sim, "SELL", *MONTH)
    header, rule, *rows = result.stdout.splitlines()
    assert header.split() == [
        *("작성일자", "거래처", "사업자번호", "공급가액", "세액", "상태", "국세청승인번호", "문서번호", "팝빌번호")
    ]
    assert set(rule) == {"-", " "} and len(rows) == len(expected)
    assert f"{len(expected)}건을 찾았습니다" in result.stderr
    # Every row ends with its 18-digit ItemKey under the rule's last dashes: the same width on screen, Hangul
    # counting two columns, and the ItemKey starts in the same screen column on every line.
    item_column = width(rule) - 18
    for row, invoice in zip(rows, expected_order(expected), strict=True):
        assert width(row) == width(rule)
        assert row.endswith(invoice.item_key) and width(row[: row.index(invoice.item_key)]) == item_column
    # The state with its code, amounts with separators, business numbers with hyphens.
    first = expected_order(expected)[0]
    assert f"{int(first.fields['supplyCostTotal']):,}" in rows[0]
    corp = first.fields["invoiceeCorpNum"]
    assert f"{corp[:3]}-{corp[3:5]}-{corp[5:]}" in rows[0] and str(first.fields["stateCode"]) in rows[0]


def expected_order(invoices: list[BookInvoice]) -> list[BookInvoice]:
    """Newest first, as Search (Order D) lists them."""
    return sorted(invoices, key=lambda i: (i.fields["writeDate"], i.fields["regDT"]), reverse=True)


def test_search_json_keeps_the_api_s_field_names_and_lists_each_invoice_once(sim: Simulator) -> None:
    result = search(sim, "--type", "SELL", "--from", "2026-02-24", "--to", MONTH[1], "--json", "--lang", "en")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    wanted = {"itemKey", "writeDate", "invoiceeCorpName", "supplyCostTotal", "ntsconfirmNum", "stateCode"}
    assert all(wanted <= set(invoice) for invoice in listed)
    keys = [invoice["itemKey"] for invoice in listed]
    assert len(keys) == len(set(keys))
    assert set(keys) == {i.item_key for i in book(sim, "SELL", "2026-02-24", MONTH[1])}
    assert [q["DType"] for q in searches(sim)] == ["W", "W"]  # nine months: two windows of at most six


def test_search_filters_reach_the_wire(sim: Simulator) -> None:
    result = search(
        sim,
        "--type", "BUY", "--from", "2026-06-01", "--to", MONTH[1], "--date-kind", "issued",
        "--partner", " 한빛 ", "--state", "3**, 6**", "--without-mgt-key", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    query = searches(sim)[0]
    assert (query["DType"], query["QString"], query["State"]) == ("I", "한빛", "3**,6**")
    listed = json.loads(result.stdout)
    assert listed, "the book has purchases from 한빛 companies without our document ID"
    for invoice in listed:
        assert "한빛" in invoice["invoicerCorpName"] and not invoice["invoiceeMgtKey"]
        assert invoice["stateCode"] // 100 in (3, 6)


def test_search_nothing_found(sim: Simulator) -> None:
    result = search(sim, "--type", "SELL", "--from", "2020-01-01", "--to", "2020-01-31")
    assert (result.returncode, result.stdout) == (0, "")
    assert "조건에 맞는 세금계산서가 없습니다" in result.stderr
    as_json = search(sim, "--type", "SELL", "--from", "2020-01-01", "--to", "2020-01-31", "--json")
    assert json.loads(as_json.stdout) == []


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--from", "2026-02-30", "--to", "2026-03-01"], "YYYY-MM-DD"),
        (["--from", "20260201", "--to", "2026-03-01"], "YYYY-MM-DD"),
        (["--from", "2026-03-01", "--to", "2026-02-01"], "is after the end date"),
        (["--from", "2026-01-01", "--to", "2026-02-01", "--state", "3**,1"], "state code"),
        (["--from", "2026-01-01", "--to", "2026-02-01", "--out", "list.pdf"], ".csv or .xlsx"),
        (["--from", "2026-01-01", "--to", "2026-02-01", "--date-kind", "W"], "invalid choice"),
    ],
)
def test_search_exit_2_for_invalid_input_sends_nothing(sim: Simulator, options: list[str], said: str) -> None:
    result = search(sim, "--type", "SELL", *options, env=demo_env(sim, POPBILL_LANG="en"))
    assert result.returncode == 2 and said in result.stderr
    assert sim.requests == []
    wrong_type = search(sim, "--type", "sell", "--from", "2026-01-01", "--to", "2026-02-01")
    assert wrong_type.returncode == 2 and "mgt_key_type" in wrong_type.stderr and sim.requests == []


def test_search_exit_3_unreachable_and_4_without_credentials(sim: Simulator, closed_port: int) -> None:
    options = ["--type", "SELL", "--from", MONTH[0], "--to", MONTH[1]]
    nowhere = f"http://127.0.0.1:{closed_port}"
    assert search(sim, *options, env=base_env(nowhere, POPBILL_TOKEN="tok")).returncode == 3
    sim.fault = "html-500"
    assert search(sim, *options).returncode == 3
    sim.fault = None
    no_credentials = search(sim, *options, env=base_env(sim.base_url, POPBILL_LANG="en"))
    assert no_credentials.returncode == 4 and "keyring" in no_credentials.stderr
    assert sim.count("search") == 1  # only the faulted one


def test_search_out_writes_excel_files_that_keep_text_as_text(sim: Simulator, tmp_path: Path) -> None:
    template = book(sim, "SELL", *MONTH)[0]
    hostile = "026111900000099999"
    name = '=HYPERLINK("http://example.com","x")'
    fields = {**template.fields, "itemKey": hostile, "invoiceeCorpName": name}
    sim.state.add(DEMO_CORP_NUM, BookInvoice(hostile, "SELL", fields))
    for suffix in ("xlsx", "csv"):
        out = tmp_path / f"목록.{suffix}"
        result = search(sim, "--type", "SELL", "--from", MONTH[0], "--to", MONTH[1], "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert str(out) in result.stderr and result.stdout  # the table is printed as well
    sheet = load_workbook(tmp_path / "목록.xlsx").active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["문서유형", "작성일자", "거래처"]
    assert header[-3:] == ["국세청승인번호", "문서번호", "팝빌번호"]
    lines = {row[-1].value: row for row in sheet.iter_rows(min_row=2)}
    assert len(lines) == len(book(sim, "SELL", *MONTH))
    row = lines[hostile]
    assert row[-1].data_type == "s" and row[-1].value == hostile  # 18 digits stay text, leading zero kept
    assert row[2].value == name and row[2].data_type == "s"  # shown, never run as a formula
    assert isinstance(row[4].value, int) and row[4].value == int(template.fields["supplyCostTotal"])
    with (tmp_path / "목록.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert next(line for line in table if line[-1] == hostile)[2] == "'" + name


def test_search_out_that_cannot_be_written_is_named_before_searching(sim: Simulator, tmp_path: Path) -> None:
    folder = tmp_path / "list.xlsx"
    folder.mkdir()
    result = search(sim, "--type", "SELL", "--from", MONTH[0], "--to", MONTH[1], "--out", str(folder))
    assert result.returncode == 2 and "폴더" in result.stderr
    assert sim.requests == []


def test_partner_names_cannot_drive_the_terminal(sim: Simulator) -> None:
    template = book(sim, "SELL", *MONTH)[0]
    key = "026111900000088888"
    fields = {**template.fields, "itemKey": key, "invoiceeCorpName": "\x1b[2J\x1b]0;pwned\x07악성\u202e상사"}
    sim.state.add(DEMO_CORP_NUM, BookInvoice(key, "SELL", fields))
    result = search(sim, "--type", "SELL", "--from", MONTH[0], "--to", MONTH[1])
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout
    assert "\ufffd[2J" in result.stdout and "악성\ufffd상사" in result.stdout
    info = run(["info", "--item-key", key, "--type", "SELL"], demo_env(sim))
    assert info.returncode == 0 and "\x1b" not in info.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C is a console event on Windows, not a signal to one process")
def test_search_ctrl_c_cancels_with_130(sim: Simulator) -> None:
    sim.latency_ms = 300
    proc = subprocess.Popen(
        [CLI, "search", "--type", "SELL", "--from", "2023-01-01", "--to", MONTH[1]],
        env=demo_env(sim),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while sim.count("search") < 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "조회를 취소했습니다" in err and "Traceback" not in err and out == ""
    assert sim.count("search") < 8  # it stopped: the range has eight windows


def test_search_output_into_a_closed_pipe_is_not_an_error(sim: Simulator) -> None:
    proc = subprocess.Popen(
        [CLI, "search", "--type", "BUY", "--from", "2026-02-24", "--to", MONTH[1]],
        env=demo_env(sim),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()  # what `| head -1` does
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=30) == 0, err
    assert "internal error" not in err and "Traceback" not in err


# ---- progress on a terminal, in process ----


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("tty", [True, False])
def test_progress_on_stderr_only_when_it_is_a_terminal(sim: Simulator, tty: bool) -> None:
    out, err = io.StringIO(), Terminal() if tty else io.StringIO()
    cli = Cli(demo_env(sim, POPBILL_LANG="en"), io.StringIO(), out, err)
    code = cli.run(["search", "--type", "BUY", "--from", "2025-09-01", "--to", MONTH[1], "--json"])
    assert code == 0
    assert json.loads(out.getvalue())  # stdout holds the JSON only
    progress = err.getvalue()
    if tty:
        assert "\rSearching: 1 of 3 period(s) done" in progress and "3 of 3 period(s) done" in progress
        assert progress.endswith("\r")  # the line is blanked out, nothing left behind
    else:
        assert "\r" not in progress and "Searching" not in progress


# ---- info ----


def test_info_by_document_id_shows_the_invoice_and_its_addresses(sim: Simulator) -> None:
    invoice = next(i for i in book(sim, "SELL", *MONTH) if i.our_mgt_key and i.fields["invoiceeEmail2"])
    result = run(["info", "--type", "SELL", "--mgt-key", invoice.our_mgt_key], demo_env(sim))
    assert result.returncode == 0, result.stderr
    shown = result.stdout.splitlines()
    lines = dict(line.split(None, 1) for line in shown if not line.startswith(("거래처 메일", "거래처 주소")))
    assert lines["문서번호"] == invoice.our_mgt_key and lines["팝빌번호"] == invoice.item_key
    assert lines["거래처"].startswith(invoice.fields["invoiceeCorpName"])
    assert lines["합계금액"] == f"{int(invoice.fields['totalAmount']):,}"
    assert lines["상태"].startswith(str(invoice.fields["stateCode"]))
    mails = f"{invoice.fields['invoiceeEmail1']}, {invoice.fields['invoiceeEmail2']}"
    assert "거래처 메일" in result.stdout and mails in result.stdout
    assert invoice.fields["invoiceeAddr"] in result.stdout
    # The values line up after the labels, Korean labels counting two columns a letter.
    values = ("매출", invoice.item_key, mails, invoice.fields["invoiceeAddr"])
    starts = {width(line[: line.index(v)]) for v in values for line in shown if line.endswith(v)}
    assert len(starts) == 1
    assert (sim.count("info"), sim.count("detail")) == (1, 1)


def test_info_json_has_the_api_s_fields(sim: Simulator) -> None:
    invoice = next(i for i in book(sim, "BUY", *MONTH) if i.our_mgt_key)
    result = run(["info", "--type", "BUY", "--mgt-key", invoice.our_mgt_key, "--json"], demo_env(sim))
    data = json.loads(result.stdout)
    assert data["itemKey"] == invoice.item_key and data["stateCode"] == invoice.state_code
    assert data["invoiceeMgtKey"] == invoice.our_mgt_key and data["invoicerEmail"] == invoice.fields["invoicerEmail"]


def test_info_by_item_key_uses_the_detail_and_finds_the_state(sim: Simulator) -> None:
    invoice = next(i for i in book(sim, "SELL", *MONTH) if not i.our_mgt_key and i.fields["ntsconfirmNum"])
    result = run(["info", "--item-key", invoice.item_key], demo_env(sim, POPBILL_LANG="en"))
    assert result.returncode == 0, result.stderr
    assert "sales" in result.stdout and "SELL" not in result.stdout and "MgtKey           (none)" in result.stdout
    assert invoice.fields["invoiceeEmail1"] in result.stdout
    state = next(line for line in result.stdout.splitlines() if line.startswith("State"))
    assert str(invoice.state_code) in state
    detail = next(r for r in sim.requests if r.kind == "detail")
    assert urlsplit(detail.path).path == f"/Taxinvoice/{invoice.item_key}"
    as_json = json.loads(run(["info", "--item-key", invoice.item_key, "--json"], demo_env(sim)).stdout)
    assert as_json["itemKey"] == invoice.item_key and as_json["stateCode"] == invoice.state_code


def test_info_of_an_unknown_invoice_is_refused_with_1(sim: Simulator) -> None:
    result = run(["info", "--type", "SELL", "--mgt-key", "NO-SUCH-ID"], demo_env(sim))
    assert result.returncode == 1 and result.stderr.startswith("[-11000005] ")
    as_json = run(["info", "--type", "SELL", "--mgt-key", "NO-SUCH-ID", "--json"], demo_env(sim))
    assert as_json.returncode == 1 and json.loads(as_json.stdout)["code"] == -11000005
    by_item_key = run(["info", "--item-key", "026010100000000001"], demo_env(sim))
    assert by_item_key.returncode == 1 and "-11000005" in by_item_key.stderr


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["--type", "SELL"],
        ["--mgt-key", "K1"],
        ["--item-key", "026111900000088888", "--mgt-key", "K1", "--type", "SELL"],
        ["--item-key", "12345"],
        ["--type", "SALE", "--mgt-key", "K1"],
        ["--type", "SELL", "--mgt-key", "문서/1"],
    ],
)
def test_info_exit_2_for_invalid_input_sends_nothing(sim: Simulator, options: list[str]) -> None:
    result = run(["info", *options], demo_env(sim))
    assert result.returncode == 2 and result.stderr
    assert sim.requests == []


# ---- assign batches by NTS number, from the command line ----


def test_batch_by_nts_number_refused_then_skipped_then_fed_back(sim: Simulator, tmp_path: Path) -> None:
    from popbill_gui.batch.journal import Journal
    from popbill_gui.storage.history import History

    good = next(i for i in book(sim, "SELL", *MONTH) if not i.our_mgt_key and i.fields["ntsconfirmNum"])
    nts = good.fields["ntsconfirmNum"]
    source = tmp_path / "nts.csv"
    source.write_text(
        f"국세청승인번호,문서유형,문서번호\n{nts[:8]}-{nts[8:16]}-{nts[16:]},SELL,CLI-1\n20261120-41000000-00000000,SELL,CLI-2\n",
        encoding="utf-8",
    )
    env = demo_env(sim, POPBILL_HISTORY=str(tmp_path / "h.sqlite3"), POPBILL_LANG="en")
    refused = run(["batch", "assign-mgtkey", str(source)], env)
    assert refused.returncode == 2
    assert "3: nts_confirm_num: No invoice has the NTS confirmation number 20261120-41000000-00000000" in refused.stderr
    assert sim.count("assign") == 0
    out = tmp_path / "results.xlsx"
    done = run(["batch", "assign-mgtkey", str(source), "--skip-invalid", "--out", str(out)], env)
    assert done.returncode == 1, done.stderr  # one row skipped
    assert [(a.item_key, a.mgt_key) for a in sim.state.assignments] == [(good.item_key, "CLI-1")]
    sheet = load_workbook(out).active
    assert sheet is not None
    table = [[c.value for c in row] for row in sheet.iter_rows()]
    assert table[0][:5] == ["Row", "NTS confirmation number", "POPBiLL number", "Type", "Document ID"]
    assert table[1][2] == good.item_key and table[2][2] in ("", None)
    with History(tmp_path / "h.sqlite3") as history:
        rows = Journal(history).batch_rows(1)
    assert rows[0].values["item_key"] == good.item_key
    again = run(["batch", "assign-mgtkey", str(out)], env)
    assert again.returncode == 2 and "keep only one of the two columns" in again.stderr


# ---- the simulator's book from the command line ----


def test_simulator_strict_with_a_small_book() -> None:
    proc = subprocess.Popen(
        [CLI, "simulator", "--strict", "--book-size", "7", "--book-seed", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        env = {**demo_env_for(url)}
        today = date.today()
        first, last = (today - timedelta(days=300)).isoformat(), today.isoformat()
        found = 0
        for kind in ("SELL", "BUY", "TRUSTEE"):
            result = run(["search", "--type", kind, "--from", first, "--to", last, "--json"], env)
            assert result.returncode == 0, result.stderr
            found += len(json.loads(result.stdout))
        assert found == 7
        made_up = run(["assign-mgtkey", "--item-key", "026010100000000001", "--type", "SELL", "--mgt-key", "X1"], env)
        assert made_up.returncode == 1 and "-11000005" in made_up.stderr  # strict: not in the book
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    too_big = run(["simulator", "--book-size", "100000"], base_env())
    assert too_big.returncode == 2 and "--book-size" in too_big.stderr


def demo_env_for(url: str) -> dict[str, str]:
    from popbill_gui.simulator import DEMO_LINK_ID, DEMO_SECRET_KEY

    return base_env(url, POPBILL_LINK_ID=DEMO_LINK_ID, POPBILL_SECRET_KEY=DEMO_SECRET_KEY)


def test_resolving_nts_numbers_shows_progress_on_a_terminal(sim: Simulator, tmp_path: Path) -> None:
    bare = [i for i in book(sim, "BUY", *MONTH) if not i.our_mgt_key and i.fields["ntsconfirmNum"]][:2]
    source = tmp_path / "nts.csv"
    lines = ["NTSConfirmNum,MgtKeyType,MgtKey"] + [f"{i.fields['ntsconfirmNum']},BUY,P-{n}" for n, i in enumerate(bare)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, err = io.StringIO(), Terminal()
    env = demo_env(sim, POPBILL_LANG="en", POPBILL_HISTORY=str(tmp_path / "h.sqlite3"))
    assert Cli(env, io.StringIO(), out, err).run(["batch", "assign-mgtkey", str(source)]) == 0
    assert "\rFinding the invoices by NTS confirmation number: 2 of 2" in err.getvalue()
    assert sorted(a.item_key for a in sim.state.assignments) == sorted(i.item_key for i in bare)
