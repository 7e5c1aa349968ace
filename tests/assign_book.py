"""Assign batches over the simulator's book (real invoices, so that a look-up can tell what became of a call)."""

from __future__ import annotations

import csv
from pathlib import Path

from popbill_gui.simulator import DEMO_CORP_NUM, Simulator
from popbill_gui.simulator.book import BookInvoice


def without_id(sim: Simulator, kind: str = "SELL") -> list[BookInvoice]:
    """Invoices of the book with no document ID on our side: what an assign file names."""
    return [i for i in sim.state.invoices(DEMO_CORP_NUM, kind) if not i.our_mgt_key]


def with_id(sim: Simulator, kind: str = "SELL") -> BookInvoice:
    """An invoice of the book that already has a document ID on our side."""
    return next(i for i in sim.state.invoices(DEMO_CORP_NUM, kind) if i.our_mgt_key)


def assign_csv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """An assign file: (ItemKey, MgtKeyType, MgtKey) per row, UTF-8 CSV."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["ItemKey", "MgtKeyType", "MgtKey"])
        out.writerows(rows)
    return path


def book_rows(sim: Simulator, count: int, prefix: str = "DOC") -> list[tuple[str, str, str]]:
    """`count` rows giving invoices of the book without an ID the IDs PREFIX-1, PREFIX-2, …"""
    return [(i.item_key, "SELL", f"{prefix}-{n}") for n, i in enumerate(without_id(sim)[:count], start=1)]


def carried(sim: Simulator, item_key: str) -> str:
    """The document ID the simulator's invoice now carries on our side ("" when none)."""
    found = sim.state.mgt_key_of(DEMO_CORP_NUM, item_key)
    return found[1] if found else ""
