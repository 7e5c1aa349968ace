"""popbill-cli search and info: find invoices without knowing an ItemKey, and show one invoice.

    search --type T --from YYYY-MM-DD --to YYYY-MM-DD [--date-kind written|registered|issued] [--partner TEXT]
           [--state CODE[,CODE...]] [--without-mgt-key] [--json] [--out FILE.csv|.xlsx]
    info --type T --mgt-key KEY [--json]        GetInfo, then the detail (the partner's addresses)
    info --item-key ITEMKEY [--type T] [--json] the detail, with the state from the invoice's row

The rules (windows of 6 months, every page, each invoice once) are the core's, reached through the service
(`service.lookups`); this module checks the options, prints, and turns failures into exit codes like the other
commands. Everything is checked before the keyring or the network is asked. Read-only: nothing is recorded in the
history, and Ctrl+C simply stops (exit 130).
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import invoice_table
from ..core.invoices import PARTNER_SIDE, Invoice
from ..core.messages import Lang, text
from ..core.validation import DATE_KINDS, Problem, check_item_key, check_mgt_key, check_mgt_key_type, clean
from ..service import PopbillError
from ..service.lookups import SearchFilter, SearchProgress, SearchResult
from .output import EXIT_CANCELLED, EXIT_INVALID, EXIT_OK
from .parser import UsageError
from .table import labelled, render

if TYPE_CHECKING:
    from ..service import Service
    from ..storage.settings import Settings
    from .commands import Cli

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_RIGHT = frozenset(i for i, c in enumerate(invoice_table.LIST_COLUMNS) if c in invoice_table.NUMBER_COLUMNS)


# ---- search ----------------------------------------------------------------------------------------------


def run_search(cli: Cli, args: argparse.Namespace, s: Settings) -> int:
    from ..batch.export import ResultsFileError, check_results_target

    lang = s.lang
    wanted = SearchFilter(
        clean(args.type),
        _date(args.start, "--from", lang),
        _date(args.end, "--to", lang),
        date_kind=DATE_KINDS[args.date_kind],
        partner=args.partner or "",
        states=_states(args.state),
        without_mgt_key=args.without_mgt_key,
    )
    problems = wanted.check()
    if problems:
        raise PopbillError.invalid(problems, lang)
    out = _out_path(args.out, lang)
    if out is not None:
        try:
            check_results_target(out)  # before searching: a list that cannot be written is named at once
        except ResultsFileError as exc:
            cli.err(f"popbill-cli: {exc.describe(lang)}")
            return EXIT_INVALID
    service = cli.service(s)
    try:
        result = _search(cli, service, wanted)
        if result is None:
            cli.err(text("search.cancelled", lang))
            return EXIT_CANCELLED
        _print_search(cli, result, lang, as_json=args.json)
        if out is not None:
            try:
                written = service.lookups.export(out, result.invoices, lang)
            except ResultsFileError as exc:
                cli.err(f"popbill-cli: {exc.describe(lang)}")
                return EXIT_INVALID
            cli.err(text("search.written", lang, path=str(written)))
    finally:
        service.close()
    return EXIT_OK


def _date(value: str, option: str, lang: Lang) -> date:
    """YYYY-MM-DD exactly (date.fromisoformat alone would also take 20250301 or 2025-W09)."""
    typed = value.strip()
    try:
        if _ISO_DATE.fullmatch(typed):
            return date.fromisoformat(typed)
    except ValueError:
        pass  # e.g. 2025-02-30
    raise UsageError(text("cli.date", lang, option=option, value=repr(value)))


def _states(value: str | None) -> tuple[str, ...]:
    """--state 3**,304 → ("3**", "304"); an empty part stays, so the core's check names it."""
    if value is None:
        return ()
    return tuple(part.strip() for part in value.split(","))


def _out_path(value: str | None, lang: Lang) -> Path | None:
    if value is None:
        return None
    path = Path(value)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise UsageError(text("cli.out_suffix", lang))
    return path


def _search(cli: Cli, service: Service, wanted: SearchFilter) -> SearchResult | None:
    """The search, with a progress line on stderr when it is a terminal; None when Ctrl+C stopped it."""
    show = cli.stderr.isatty()
    shown = [0]  # the progress line's width, to blank it out at the end

    def progress(p: SearchProgress) -> None:
        if not show:
            return
        line = text(
            "search.progress",
            cli.lang,
            window=p.windows_done,
            windows=p.windows_total,
            pages=p.pages_done,
            found=f"{p.found:,}",
        )
        cli.stderr.write("\r" + line + " " * max(0, shown[0] - len(line)))
        cli.stderr.flush()
        shown[0] = len(line)

    try:
        return service.lookups.search(wanted, progress=progress)
    except KeyboardInterrupt:
        return None  # read-only: nothing to undo or record
    finally:
        if show and shown[0]:
            cli.stderr.write("\r" + " " * shown[0] + "\r")
            cli.stderr.flush()


def _print_search(cli: Cli, result: SearchResult, lang: Lang, *, as_json: bool) -> None:
    invoices = result.invoices
    if as_json:
        cli.out(json.dumps([invoice.to_json() for invoice in invoices], ensure_ascii=False, indent=2))
        return
    if not invoices:
        cli.err(text("search.none", lang))
        return
    columns = invoice_table.LIST_COLUMNS
    headers = [invoice_table.header(c, lang) for c in columns]
    rows = ([invoice_table.display(invoice, c, lang) for c in columns] for invoice in invoices)
    for line in render(headers, rows, _RIGHT):
        cli.out(line)
    cli.err(text("search.found", lang, count=f"{len(invoices):,}", requests=result.requests))


# ---- info --------------------------------------------------------------------------------------------------


def run_info(cli: Cli, args: argparse.Namespace, s: Settings) -> int:
    lang = s.lang
    by_item_key = args.item_key is not None
    if by_item_key == (args.mgt_key is not None) or (args.mgt_key is not None and args.type is None):
        raise UsageError(text("cli.info_usage", lang))
    problems: list[Problem] = []
    if args.type is not None:
        problems += check_mgt_key_type(args.type)
    problems += check_item_key(args.item_key) if by_item_key else check_mgt_key(args.mgt_key)
    if problems:
        raise PopbillError.invalid(problems, lang)
    service = cli.service(s)
    try:
        if by_item_key:
            kind = clean(args.type) if args.type is not None else None
            invoice = service.lookups.by_item_key(clean(args.item_key), kind)
        else:
            invoice = service.lookups.by_mgt_key(clean(args.type), clean(args.mgt_key))
    finally:
        service.close()
    if args.json:
        cli.out(json.dumps(invoice.to_json(), ensure_ascii=False, indent=2))
    else:
        for line in labelled(info_lines(invoice, lang)):
            cli.out(line)
    return EXIT_OK


def info_lines(invoice: Invoice, lang: Lang) -> list[tuple[str, str]]:
    """The invoice as labelled lines: which it is, with whom, how much, its state, its keys, the addresses."""
    none = text("col.none", lang)

    def label(column: str) -> str:
        return invoice_table.header(column, lang)

    def shown(column: str) -> str:
        return invoice_table.display(invoice, column, lang) or none

    kind = invoice.mgt_key_type
    partner = invoice.partner_name
    if invoice.partner_corp_num:
        partner += f" ({invoice_table.corp_num_display(invoice.partner_corp_num)})"
    lines = [
        (label("mgt_key_type"), text(f"type.{kind}", lang)),  # in words: SELL only in --json
        (label("write_date"), shown("write_date")),
    ]
    if invoice.issue_dt is not None:
        lines.append((label("issue_dt"), f"{invoice.issue_dt:%Y-%m-%d %H:%M:%S}"))
    lines += [(label("partner"), partner or none)]
    lines += [(label(c), shown(c)) for c in ("supply", "tax", "total", "state", "nts", "mgt_key", "item_key")]
    if invoice.emails:
        lines.append((label("emails"), ", ".join(invoice.emails)))
    address = str(invoice.raw.get(f"{PARTNER_SIDE.get(kind, 'invoicee')}Addr") or "").strip()
    if address:
        lines.append((label("addr"), address))
    return lines
