"""Rows, batches and call records made up for the history and journal tests (tests/storage, tests/batch)."""

from __future__ import annotations

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
