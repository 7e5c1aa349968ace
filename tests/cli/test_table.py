"""Columns for a terminal: Hangul takes two columns, combining marks none, and nothing from POPBiLL can steer the
terminal. Also the invoice list's columns (core/invoice_table.py) and their words."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

from popbill_gui.cli.table import labelled, pad, printable, render, width
from popbill_gui.core import invoice_table
from popbill_gui.core import messages as messages_module
from popbill_gui.core.invoices import Invoice
from popbill_gui.core.lookup_messages import LOOKUP_CATALOG


def test_width_counts_screen_columns() -> None:
    assert width("ABC") == 3
    assert width("가나다") == 6  # Hangul syllables: wide
    assert width("(주)한빛물산") == 2 + 2 * 5  # two parentheses, five syllables
    assert width("ＡＢ") == 4  # fullwidth Latin
    assert width("e\u0301") == 1  # e + a combining acute accent: one cell
    assert width("ᄀ\u1161") == 2  # a conjoining jamo pair: the vowel takes no cell of its own
    assert width("") == 0


def test_pad_and_render_line_up_mixed_text() -> None:
    assert pad("한", 4) == "한  " and pad("12", 4, right=True) == "  12"
    lines = render(["이름", "금액"], [["(주)한빛", "1,000"], ["ABC", "25"]], right={1})
    assert lines == [
        "이름" + " " * 7 + "금액",
        "--------  -----",
        "(주)한빛  1,000",
        "ABC" + " " * 10 + "25",
    ]
    assert {width(line) for line in lines} == {15}


def test_printable_replaces_what_could_steer_a_terminal() -> None:
    hostile = "\x1b[31m빨강\x1b[0m\u202eevil\u200b\r\n\t\x00\x7f\x9b"
    shown = printable(hostile)
    assert shown == "\ufffd[31m빨강\ufffd[0m\ufffdevil\ufffd" + "\ufffd" * 6
    assert printable("(주)한빛 Co., Ltd. – 本社") == "(주)한빛 Co., Ltd. – 本社"  # ordinary text as it is
    assert render(["a"], [["\x1b]0;title\x07"]])[2] == "\ufffd]0;title\ufffd"


def test_labelled_lines_up_korean_and_english_labels() -> None:
    lines = labelled([("문서번호", "K1"), ("ItemKey", "0261"), ("거래처 메일", "a@b.co")])
    assert lines == ["문서번호     K1", "ItemKey      0261", "거래처 메일  a@b.co"]


def invoice(**raw: object) -> Invoice:
    data = {
        "itemKey": "026112412000000001",
        "writeDate": "20261123",
        "invoiceeCorpName": "(주)한빛물산",
        "invoiceeCorpNum": "1248100998",
        "invoicerMgtKey": "",
        "supplyCostTotal": "1500000",
        "taxTotal": "150000",
        "stateCode": 304,
        "ntsconfirmNum": "202611244100123400005678",
        **raw,
    }
    return Invoice.from_api(data, "SELL")


def test_the_columns_of_an_invoice_list() -> None:
    one = invoice()
    shown = [invoice_table.display(one, c, "ko") for c in invoice_table.LIST_COLUMNS]
    assert shown == [
        "2026-11-23",
        "(주)한빛물산",
        "124-81-00998",
        "1,500,000",
        "150,000",
        "304 국세청 전송 완료",
        "20261124-41001234-00005678",
        "",
        "026112412000000001",
    ]
    table = invoice_table.export_table([one, invoice(stateCode=None, supplyCostTotal=None)], "en")
    assert table[0] == [
        "MgtKeyType", "Written", "Partner", "Business no.", "Supply", "Tax", "Total", "State code", "State",
        "NTSConfirmNum", "MgtKey", "ItemKey",
    ]  # fmt: skip
    assert table[1][4:8] == [1_500_000, 150_000, 1_650_000, 304]  # numbers stay numbers for Excel
    assert table[2][4] is None and table[2][7] is None and table[2][8] == "Unknown state"
    assert one.write_date == date(2026, 11, 23)


def test_the_exported_key_columns_are_the_batch_reader_s_headers() -> None:
    from popbill_gui.batch.headers import HEADER_NAMES

    for column, reader_column in (("mgt_key_type", "mgt_key_type"), ("mgt_key", "mgt_key"), ("item_key", "item_key"),
                                  ("nts", "nts_confirm_num")):  # fmt: skip
        english, korean = HEADER_NAMES[reader_column]
        assert (invoice_table.header(column, "en"), invoice_table.header(column, "ko")) == (english, korean)


def test_the_lookup_sentences_do_not_shadow_the_core_s() -> None:
    tree = ast.parse(Path(messages_module.__file__).read_text(encoding="utf-8"))
    catalog = next(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == "CATALOG"
    )
    assert isinstance(catalog, ast.Dict)
    own = {key.value for key in catalog.keys if isinstance(key, ast.Constant)}
    assert own and not own & set(LOOKUP_CATALOG)
    for key, (korean, english) in LOOKUP_CATALOG.items():
        assert messages_module.CATALOG[key] == (korean, english)
        assert korean and english and korean != english, key
