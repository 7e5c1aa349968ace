"""An invoice list as columns: what `popbill-cli search` prints and what its `--out` file holds. Qt-free.

Column names are stable keys; their headers are in `messages` (`col.*`). The export's key columns carry the
headers the batch reader takes (문서유형 / MgtKeyType, 문서번호 / MgtKey, 팝빌번호 / ItemKey, 국세청승인번호 /
NTSConfirmNum), so a list of invoices without a document ID can be filled in and fed to `batch assign-mgtkey`
once one of its two key columns (ItemKey or NTS number) is deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from .invoices import Invoice
from .messages import Lang, text

# The terminal's table: the brief's order (written date, partner, business number, amounts, state, keys).
LIST_COLUMNS: Final = ("write_date", "partner", "corp_num", "supply", "tax", "state", "nts", "mgt_key", "item_key")
# The spreadsheet: the same, with the MgtKeyType (a batch needs it), the total and the state's code on its own.
EXPORT_COLUMNS: Final = (
    "mgt_key_type",
    "write_date",
    "partner",
    "corp_num",
    "supply",
    "tax",
    "total",
    "state_code",
    "state",
    "nts",
    "mgt_key",
    "item_key",
)
NUMBER_COLUMNS: Final = frozenset({"supply", "tax", "total", "state_code"})


def header(column: str, lang: Lang = "ko") -> str:
    return text(f"col.{column}", lang)


def corp_num_display(value: str) -> str:
    """A business registration number as printed on invoices: 124-81-00998 (other text as it is)."""
    if len(value) == 10 and value.isascii() and value.isdigit():
        return f"{value[:3]}-{value[3:5]}-{value[5:]}"
    return value


def cell(invoice: Invoice, column: str, lang: Lang = "ko") -> str | int | None:
    """One column's value, typed for a spreadsheet: amounts and codes as numbers (None when unknown), the rest
    as text."""
    values: dict[str, str | int | None] = {
        "mgt_key_type": invoice.mgt_key_type,
        "write_date": invoice.write_date.isoformat() if invoice.write_date else "",
        "partner": invoice.partner_name,
        "corp_num": corp_num_display(invoice.partner_corp_num),
        "supply": invoice.supply_cost_total,
        "tax": invoice.tax_total,
        "total": invoice.total,
        "state_code": invoice.state_code,
        "state": invoice.state_words(lang),
        "nts": invoice.nts_display,
        "mgt_key": invoice.mgt_key,
        "item_key": invoice.item_key,
    }
    return values[column]


def display(invoice: Invoice, column: str, lang: Lang = "ko") -> str:
    """One column as a person reads it: amounts with thousands separators, the state as '304 국세청 전송 완료'."""
    if column == "state":
        return invoice.describe_state(lang)
    value = cell(invoice, column, lang)
    if value is None:
        return ""
    if isinstance(value, int) and column != "state_code":
        return f"{value:,}"
    return str(value)


def export_table(invoices: Iterable[Invoice], lang: Lang = "ko") -> list[list[object]]:
    """Header and one line per invoice, for `batch/export.write_results` (text stays text, never a formula)."""
    table: list[list[object]] = [[header(c, lang) for c in EXPORT_COLUMNS]]
    table.extend([cell(invoice, c, lang) for c in EXPORT_COLUMNS] for invoice in invoices)
    return table
