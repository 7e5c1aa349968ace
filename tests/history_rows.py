"""Rows, batches and call records made up for the history and journal tests (tests/storage, tests/batch)."""

from __future__ import annotations

import sqlite3

from popbill_gui.batch.journal import Journal
from popbill_gui.batch.model import InputRow
from popbill_gui.storage.history import History


def resend_rows(numbers: range | list[int]) -> list[InputRow]:
    return [
        InputRow(n, {"mgt_key_type": "SELL", "mgt_key": f"K-{n}", "receiver": f"r{n}@example.com"}) for n in numbers
    ]


def assign_rows(numbers: range | list[int]) -> list[InputRow]:
    return [InputRow(n, {"item_key": f"{n:018d}", "mgt_key_type": "SELL", "mgt_key": f"ID-{n}"}) for n in numbers]


def new_batch(h: Journal, rows: list[InputRow], operation: str = "resend_email", **kw: object) -> int:
    args: dict[str, object] = {
        "operation": operation,
        "source": "/data/월말.csv",
        "fingerprint": "sha256:abc",
        "environment": "test",
        "corp_num": "1248100998",
        "rows": rows,
        "concurrency": 4,
    }
    args.update(kw)
    return h.create_batch(**args)  # type: ignore[arg-type]


def call(h: History, **kw: object) -> int:
    args: dict[str, object] = {"environment": "test", "corp_num": "1248100998", "operation": "resend_email", "ok": True}
    args.update(kw)
    return h.record_call(**args)  # type: ignore[arg-type]


def sync_level(conn: sqlite3.Connection) -> str:
    """The connection's synchronous level now (ask before tracing its statements)."""
    return {1: "NORMAL", 2: "FULL"}[int(conn.execute("PRAGMA synchronous").fetchone()[0])]


def commit_levels(statements: list[str], level: str) -> list[str]:
    """The synchronous level (FULL or NORMAL) each COMMIT among traced statements ran at, `level` the one before
    the first (`sync_level`; History switches its connection only when a transaction needs the other level)."""
    levels: list[str] = []
    for statement in statements:
        if statement.startswith("PRAGMA synchronous = "):
            level = statement.removeprefix("PRAGMA synchronous = ")
        elif statement == "COMMIT":
            levels.append(level)
    return levels
