"""What the history decides for batches: rows a new batch leaves out, abandoning a batch, verifying an assign batch.

- `leave_out(file)`: the rows of a new batch done or maybe done before (never sent twice by running a file again):
  those the history shows done, unknown or left sending for the same operation, target and account in the last
  24 hours (single calls and other files' batches too), and those of the file's previous batch when it was
  abandoned or resumed after an edit (whenever that was). Compared by what the row acts on (`batch/keys.py`).
- `abandon(...)`: the clerk gives an interrupted batch up, explicitly; nothing is sent.
- `verify(path)`: every row of the file's latest assign batch looked up on POPBiLL (`core/assigned.py`): whether
  the invoice carries the document ID the batch gave it. Read-only.

Qt-free; blocking (SQLite, the network): the window runs these on its job runner.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ..batch.keys import Earlier, LeftOut, leave_out, target_key
from ..batch.model import RowState
from ..core.messages import Lang, text

# core/assigned.py (the look-ups) loads with `verify`, which makes every Verification: a new batch, which leaves out
# what the history shows done, does not need it.
if TYPE_CHECKING:
    from ..batch.journal import BatchInfo, JournalRow
    from ..batch.reader import BatchFile
    from ..core.assigned import Check
    from ..storage.history import CallRecord
    from .batches import Batches

RECENT: Final = 24 * 3600.0  # seconds: a request done this recently is not sent again without being asked
DONE_OR_MAYBE: Final = ("done", "unknown", "sending")


@dataclass(frozen=True)
class Verification:
    """An assign batch's rows checked on POPBiLL: `checks` for the rows it gave (or may have given) an ID."""

    batch: BatchInfo
    rows: list[JournalRow]
    checks: dict[int, Check | None] = field(default_factory=dict)  # None: POPBiLL found no such invoice

    def carries(self, row: int) -> bool:
        from ..core.assigned import Checked

        check = self.checks.get(row)
        return check is not None and check.checked is Checked.ASSIGNED

    @property
    def checked(self) -> int:
        return len(self.checks)

    @property
    def ok(self) -> int:
        return sum(1 for row in self.checks if self.carries(row))

    @property
    def all_carry(self) -> bool:
        return self.ok == self.checked

    def verdict(self, journaled: JournalRow, lang: Lang) -> str:
        """What was found for the row, in words (the CLI's line, the export's column)."""
        if journaled.row not in self.checks:
            state = text(f"batch.state.{journaled.outcome.state.value}", lang)
            return text("verify.not_given", lang, state=state)
        from ..core.assigned import Checked

        check = self.checks[journaled.row]
        if check is None:
            return text("verify.not_found", lang)
        if check.checked is Checked.ASSIGNED:
            return text("verify.carries", lang)
        if check.checked is Checked.NOT_ASSIGNED:
            return text("verify.none", lang)
        return text("verify.other", lang, other=check.found_key)


class BatchHistory:
    """The history's side of one Service's batches."""

    def __init__(self, batches: Batches) -> None:
        self._batches = batches
        self.service = batches.service

    # -- rows left out of a new batch ---------------------------------------------------------------------
    def leave_out(self, file: BatchFile, *, now: float | None = None) -> dict[int, LeftOut]:
        """The valid rows of `file` done or maybe done before (see the module's docstring), by row number."""
        service = self.service
        journal = service.journal()
        history = journal.history
        env, corp_num, operation = service.environment_name, service.corp_num, file.operation
        since = (time.time() if now is None else now) - RECENT
        records = history.settled_calls(
            environment=env, corp_num=corp_num, operation=operation, since=since, states=DONE_OR_MAYBE
        )
        earlier = [_earlier(operation, r) for r in records]
        previous = journal.batches_of(env, corp_num, source=str(file.path), operation=operation)
        if previous and not previous[0].unfinished and (previous[0].status == "abandoned" or previous[0].file_changed):
            done = [r for r in history.recent(None, batch_id=previous[0].id) if r.state in DONE_OR_MAYBE]
            earlier += [_earlier(operation, r, previous=True) for r in done]
        return leave_out(operation, ((r.row, r.values) for r in file.valid_rows), [e for e in earlier if e.key])

    def left_out_message(self, left: LeftOut, lang: Lang | None = None) -> str:
        """Why a row is not sent, as its journal (and results file) says it; in `lang` (the window's) if given."""
        lang = lang or self.service.lang
        state = text("batch.left_out.done" if left.done else "batch.left_out.unknown", lang)
        if left.previous and left.batch_id:
            return text("batch.left_out.previous", lang, batch=left.batch_id, state=state)
        when = datetime.fromtimestamp(left.time).strftime("%Y-%m-%d %H:%M")
        if left.batch_id:
            when = f"#{left.batch_id}, {when}"
        return text("batch.left_out.recent", lang, state=state, when=when)

    # -- abandoning -----------------------------------------------------------------------------------------
    def abandon(self, *, file: BatchFile | None = None, batch_id: int | None = None) -> BatchInfo:
        from ..batch.journal import ABANDONED
        from ..storage.locks import LockBusy
        from .batches import BatchRefused, _running_elsewhere, _take_lock

        batches, journal = self._batches, self.service.journal()
        env, corp_num = self.service.environment_name, self.service.corp_num
        if batch_id is not None:
            info: BatchInfo | None = journal.batch(batch_id)
        elif file is not None:
            info = batches.find_unfinished(file) or batches.find_unfinished_of_path(file.path)
        else:
            raise ValueError("abandon needs a file or a batch id")
        if info is None or not info.unfinished:
            raise BatchRefused("batch.nothing_to_abandon", {"env": env, "corp_num": corp_num or "-"}, batch=info)
        if (info.environment, info.corp_num) != (env, corp_num):
            raise batches._other_account(info)
        try:
            lock = _take_lock(journal, info.id)
        except LockBusy as exc:
            raise _running_elsewhere(info) from exc
        try:
            journal.recover(info.id)  # rows left "sending" by a crash: unknown (maybe done), never sent again
            journal.finish_batch(info.id, ABANDONED)
            return journal.batch(info.id)
        finally:
            if lock is not None:
                lock.release()

    # -- verifying an assign batch on POPBiLL ---------------------------------------------------------------
    def assign_batch_of(self, path: str | Path) -> BatchInfo:
        """The latest assign batch of the file at `path` under this account (by its path, else by its contents);
        BatchRefused "batch.no_assign_batch" when there is none."""
        from ..batch.reader import BatchFileError, read_batch
        from .batches import BatchRefused

        service, journal = self.service, self.service.journal()
        env, corp_num = service.environment_name, service.corp_num
        found = journal.batches_of(env, corp_num, source=str(path), operation="assign_mgt_key")
        if not found:
            try:
                fingerprint = read_batch(path, "assign_mgt_key").fingerprint()
            except BatchFileError:
                fingerprint = None
            if fingerprint is not None:
                found = journal.batches_of(env, corp_num, fingerprint=fingerprint, operation="assign_mgt_key")
        if not found:
            raise BatchRefused("batch.no_assign_batch", {"path": str(path), "env": env, "corp_num": corp_num or "-"})
        return found[0]

    def verify(self, path: str | Path, *, progress: Callable[[int, int], None] | None = None) -> Verification:
        """The file's latest assign batch, each row it gave a document ID (done) or may have (unknown) looked up
        on POPBiLL. A PopbillError when POPBiLL cannot be asked; BatchRefused when there is no such batch."""
        from ..core.assigned import Wanted, check_assignments

        info = self.assign_batch_of(path)
        rows = self.service.journal().batch_rows(info.id)
        wanted = [
            Wanted(j.row, j.values.get("item_key", ""), j.values.get("mgt_key_type", ""), j.values.get("mgt_key", ""))
            for j in rows
            if j.outcome.state in (RowState.DONE, RowState.UNKNOWN) and j.values.get("item_key")
        ]
        client = self.service.client()
        checks = check_assignments(
            client, wanted, registered_by=datetime.fromtimestamp(info.created).date(), progress=progress
        )
        return Verification(info, rows, checks)

    @staticmethod
    def export_verification(path: str | Path, verification: Verification, lang: Lang) -> Path:
        """The verified batch to .csv or .xlsx: every row, its outcome, and what POPBiLL showed; the path written."""
        from ..batch.export import write_results

        return write_results(path, export_verification_table(verification, lang))


def export_verification_table(verification: Verification, lang: Lang) -> list[list[object]]:
    """The batch's rows with their outcomes and what verify found (the results file's last column)."""
    from ..batch.export import result_table
    from ..batch.model import COLUMNS, NTS_RESULT_COLUMNS

    rows = verification.rows
    by_nts = any(j.values.get("nts_confirm_num") for j in rows)
    columns = NTS_RESULT_COLUMNS if by_nts else COLUMNS["assign_mgt_key"]
    outcomes = {j.row: j.outcome for j in rows}
    verified = {j.row: verification.verdict(j, lang) for j in rows}
    return result_table("assign_mgt_key", [j.input_row() for j in rows], outcomes, lang, columns, verified=verified)


def _earlier(operation: str, record: CallRecord, *, previous: bool = False) -> Earlier:
    values = {"mgt_key_type": record.mgt_key_type, "mgt_key": record.mgt_key, "item_key": record.item_key}
    values["receiver"] = record.receiver
    key = target_key(operation, values) or ()
    return Earlier(key, record.state, record.batch_id, record.time, previous)
