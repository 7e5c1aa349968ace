"""Batches for both faces: read and plan (the file, the account, the journal), run (journaled, cancellable), export.

Planning is where the promises are kept: a file with invalid rows is refused unless the user chose to skip them;
a file with an interrupted batch is not started anew (that would send its done rows again) but resumed; a batch is
resumed only under the environment and CorpNum it was started with, only from the file it was started from, and
rows whose outcome is unknown are never sent again (SendEmail: only when asked). A batch is run by one process at a
time: a resumed plan holds the batch's run lock (an OS file lock, `Journal.lock`) from before recovering until its
run ends or the plan is released, a new batch takes it as it is journaled, and a batch running elsewhere is refused
("batch.running_elsewhere"). The window and the CLI call the same functions, so they cannot disagree. Qt-free;
every method may block (files, SQLite, network): the window runs them on its job runner.

An unfinished batch belongs to its file's path too: a file edited since is not started anew ("batch.file_changed_
since") but resumed as journaled (`plan_resume(changed_ok=True)`: its rows done or unknown never again, the file's
rows compared with the journal's by what they ask) or abandoned (`abandon`). A new batch leaves out, with a count,
the rows done or maybe done before (`batch_history.py`: the last 24 hours, an abandoned batch of the file) unless
asked to send them again. A journal that cannot be written stops the run cleanly (Stop.JOURNAL; batch id 0 when
nothing could be journaled).

An assign file may name its invoices by NTS confirmation number: `plan` resolves every number to its ItemKey (through
`service.lookups`, before anything is sent and before anything is journaled). A number that finds no invoice,
several, or one that already has our document ID makes its row invalid, with the reason; the batch journals the
ItemKeys found, so a resume sends exactly what was planned and never resolves again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..batch.model import OPERATIONS, InputRow, Operation, RowOutcome, RowState
from ..core.errors import PopbillError
from ..core.messages import Lang, text

if TYPE_CHECKING:
    from ..batch.journal import BatchInfo, Journal, JournalRow
    from ..batch.keys import LeftOut
    from ..batch.reader import BatchFile
    from ..batch.runner import BatchRunner, Progress, Stop
    from ..storage.locks import FileLock
    from .batch_history import BatchHistory
    from .service import Service

log = logging.getLogger(__name__)

RowReport = Callable[[RowOutcome, "Progress"], None]
HiddenRows = Literal["send", "skip"]  # what to do with the rows Excel hides
ResolveReport = Callable[[int, int], None]  # (numbers resolved so far, numbers to resolve)


class BatchRefused(Exception):
    """The batch cannot be started or resumed as asked; nothing was sent. `key` names the sentence."""

    def __init__(
        self,
        key: str,
        params: dict[str, object] | None = None,
        *,
        batch: BatchInfo | None = None,
        rows: Sequence[InputRow] = (),
        file: BatchFile | None = None,
    ) -> None:
        super().__init__(key, params or {})
        self.key = key
        self.params: dict[str, object] = dict(params or {})
        self.batch = batch  # the interrupted batch it is about, if any
        self.rows = list(rows)  # the invalid rows, for "batch.file_refused"
        self.file = file  # the file as planning left it, when it found rows invalid (NTS numbers looked up)

    def describe(self, lang: Lang = "ko") -> str:
        return text(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.describe("en")


@dataclass(frozen=True)
class BatchPlan:
    """What one run will send: a new batch (journaled when it starts) or the rest of an interrupted one."""

    file: BatchFile
    rows: list[InputRow]  # the rows to send now, in file order
    concurrency: int
    skip_invalid: bool = False
    batch_id: int | None = None  # None: a new batch
    recovered: list[int] = field(default_factory=list)  # rows a crash left "sending", now "unknown"
    outcomes: dict[int, RowOutcome] = field(default_factory=dict)  # a resumed batch's rows so far
    # A resumed batch's run lock, held from planning: released when the run ends, by release(), or when the plan is
    # dropped (the lock's handle closes). None for a new batch (its run takes the lock as it journals it).
    lock: FileLock | None = field(default=None, compare=False, repr=False)
    # A new batch: the rows left out because they were done or maybe done before (not sent; journaled skipped),
    # and whether the user asked to send those again instead (`again`).
    left_out: dict[int, LeftOut] = field(default_factory=dict)
    again: bool = False
    # A resumed batch whose file was edited since: the file's rows new or edited (not part of this batch: sent by
    # the file's next run) and the batch's pending rows no longer in the file (skipped, never sent as journaled).
    changed: bool = False
    edited_rows: list[int] = field(default_factory=list)
    edited_away: list[int] = field(default_factory=list)

    def release(self) -> None:
        """Give up the batch's run lock without running it (the user declined); idempotent."""
        if self.lock is not None:
            self.lock.release()

    @property
    def operation(self) -> Operation:
        return self.file.operation

    @property
    def resuming(self) -> bool:
        return self.batch_id is not None


@dataclass(frozen=True)
class BatchReport:
    """How a run ended: why it stopped, what stopped it, and every row's outcome as the journal has it."""

    batch_id: int  # 0: nothing was journaled (cancelled before the start, or the history could not be written)
    stop: Stop
    error: PopbillError | None
    outcomes: dict[int, RowOutcome]
    left_out: dict[int, LeftOut] = field(default_factory=dict)  # rows not sent: done or maybe done before

    def counts(self) -> dict[RowState, int]:
        counts = dict.fromkeys(RowState, 0)
        for outcome in self.outcomes.values():
            counts[outcome.state] += 1
        return counts


def _running_elsewhere(info: BatchInfo) -> BatchRefused:
    return BatchRefused("batch.running_elsewhere", {"batch": info.id}, batch=info)


def _changed_since(info: BatchInfo) -> BatchRefused:
    return BatchRefused("batch.file_changed_since", {"batch": info.id, "path": info.source}, batch=info)


class BatchRun:
    """One run of a plan. `run()` blocks until the batch ends; `cancel()` may be called from any thread, before
    or during it: no new call starts, the calls in flight finish and are journaled."""

    def __init__(
        self,
        batches: Batches,
        plan: BatchPlan,
        *,
        on_row: RowReport | None = None,
        on_started: Callable[[int], None] | None = None,
    ) -> None:
        self._batches = batches
        self.plan = plan
        self.on_row = on_row
        self.on_started = on_started
        self._lock = threading.Lock()
        self._cancelled = False
        self._runner: BatchRunner | None = None

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            runner = self._runner
        if runner is not None:
            runner.cancel()

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def run(self) -> BatchReport:
        """Open the client (a PopbillError, nothing journaled, when it cannot be), journal a new batch, send.
        The batch's run lock is held throughout and released when this returns or raises."""
        held: list[FileLock] = [self.plan.lock] if self.plan.lock is not None else []
        try:
            return self._run(held)
        finally:
            for lock in held:
                lock.release()

    def _run(self, held: list[FileLock]) -> BatchReport:
        from ..batch.journal import UnfinishedExists
        from ..batch.runner import BatchRunner, Stop, journal_error
        from ..storage.errors import HistoryError

        service = self._batches.service
        plan = self.plan
        client = service.client()
        with self._lock:
            if self._cancelled and plan.batch_id is None:
                return BatchReport(0, Stop.CANCELLED, None, {})
        batch_id = plan.batch_id or 0
        rows = plan.rows
        left_out = plan.left_out
        try:
            journal = service.journal()
            if not batch_id:
                # Again now, in case another program sent some of these rows since the plan was made.
                left_out = {} if plan.again else self._batches.history.leave_out(plan.file)
                rows = [r for r in plan.rows if r.row not in left_out]
                batch_id = self._journal_new(journal, left_out, held)
        except UnfinishedExists as exc:
            raise self._batches.refusal_for(exc.batch, plan.file) from None
        except HistoryError as exc:  # nothing journaled, so nothing sent
            return BatchReport(batch_id, Stop.JOURNAL, journal_error(batch_id, exc, service.lang), {}, left_out)
        if self.on_started is not None:
            self.on_started(batch_id)
        runner = BatchRunner(client, journal, plan.operation, concurrency=plan.concurrency, on_row=self.on_row)
        with self._lock:
            self._runner = runner
            if self._cancelled:
                runner.cancel()
        result = runner.run(batch_id, rows)
        stop, error = result.stop, result.error
        if stop is Stop.COMPLETED:
            try:
                counts = journal.batch(batch_id).counts
                if counts[RowState.PENDING] or counts[RowState.SENDING]:  # never "completed" with rows left
                    log.warning("batch %s ends with rows still to send: left unfinished", batch_id)
                    stop = Stop.CANCELLED
                else:
                    journal.finish_batch(batch_id, "completed")
            except HistoryError as exc:
                stop, error = Stop.JOURNAL, journal_error(batch_id, exc, service.lang)
        return BatchReport(batch_id, stop, error, self._outcomes(batch_id, result.outcomes), left_out)

    def _journal_new(self, journal: Journal, left_out: dict[int, LeftOut], held: list[FileLock]) -> int:
        """Journal the plan as a new batch, its run lock taken in the same transaction; the new batch's id."""
        plan, service = self.plan, self._batches.service

        def lock_new(new_id: int) -> None:
            lock = _take_lock(journal, new_id)
            if lock is not None:
                held.append(lock)

        skipped = {n: self._batches.history.left_out_message(lo) for n, lo in left_out.items()}
        batch_id: int = journal.create_batch(
            operation=plan.operation,
            source=str(plan.file.path),
            fingerprint=plan.file.fingerprint(),
            environment=service.environment_name,
            corp_num=service.corp_num,
            rows=plan.file.rows,
            concurrency=plan.concurrency,
            skip_invalid=plan.skip_invalid,
            on_created=lock_new,
            sole=True,  # planning checked this too, but another process may have started the file since
            left_out=skipped,
        )
        return batch_id

    def _outcomes(self, batch_id: int, ran: dict[int, RowOutcome]) -> dict[int, RowOutcome]:
        """Every row's outcome as the journal has it, the run's where it could not be read; a row still "sending"
        after the run (its answer could not be recorded) is reported as what a resume makes it: unknown."""
        from ..storage.errors import HistoryError

        try:
            outcomes = self._batches.outcomes(batch_id)
        except HistoryError:
            outcomes = {**self.plan.file.initial_outcomes(), **self.plan.outcomes, **ran}
        for number, outcome in outcomes.items():
            if outcome.state is RowState.SENDING:
                known = ran.get(number)
                outcomes[number] = known if known is not None else replace(outcome, state=RowState.UNKNOWN)
        return outcomes


def _take_lock(journal: Journal, batch_id: int) -> FileLock | None:
    """The batch's run lock; LockBusy when another run holds it. None, with a warning, where no lock can be taken
    at all (a file system without locks): the batch then runs as it did before locks, unguarded."""
    from ..storage.locks import LockBusy

    try:
        return journal.lock(batch_id)
    except LockBusy:
        raise
    except OSError as exc:
        log.warning("batch %s runs without its run lock (%s)", batch_id, exc.strerror or type(exc).__name__)
        return None


class Batches:
    """The batch side of one Service."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self._history: BatchHistory | None = None

    def _journal(self) -> Journal:
        return self.service.journal()

    def _account(self) -> tuple[str, str]:
        return self.service.environment_name, self.service.corp_num

    @property
    def history(self) -> BatchHistory:
        """What the history decides for batches: rows left out, abandoning, verifying (batch_history.py)."""
        from .batch_history import BatchHistory

        if self._history is None:
            self._history = BatchHistory(self)
        return self._history

    # -- reading ------------------------------------------------------------------------------------------
    @staticmethod
    def read(path: str | Path, operation: Operation) -> BatchFile:
        """Read and check a file for `operation` (a BatchFileError when it cannot be used at all), as the clerk sees
        it: the file tells the sheet read (`sheet`), the rows Excel hides (`hidden_rows`: let the user choose, then
        `choose_hidden`), a type assumed (`type_assumed`), the clerk's own columns (`extra_columns`), and all of
        these as sentences (`notes(lang)`). Reads nothing else and needs no credentials: a check sends nothing."""
        from ..batch.reader import read_batch

        return read_batch(path, operation)

    @staticmethod
    def choose_hidden(file: BatchFile, choice: HiddenRows) -> BatchFile:
        """`file` with the user's choice for the rows Excel hides (`file.hidden_rows`): "send" them like the others,
        or "skip" them (each is journaled and exported as skipped, "a hidden row"). Plan the file this returns."""
        if choice not in ("send", "skip"):
            raise ValueError(f"hidden rows are sent or skipped, not {choice!r}")
        return file if choice == "send" else file.leave_out_hidden()

    def outcomes(self, batch_id: int) -> dict[int, RowOutcome]:
        """Every row's outcome as the journal has it."""
        return self._journal().outcomes(batch_id)

    def find_unfinished(self, file: BatchFile) -> BatchInfo | None:
        """This file's interrupted batch under this environment and CorpNum, if any (newest)."""
        account = self._account()
        unfinished = self._journal().unfinished_batches(file.fingerprint())
        mine = [b for b in unfinished if (b.environment, b.corp_num) == account]
        return mine[0] if mine else None

    def find_unfinished_of_path(self, path: str | Path) -> BatchInfo | None:
        """The interrupted batch of the file at this path under this account, whatever the file holds now."""
        from ..batch.keys import same_path

        account = self._account()
        mine = [
            b
            for b in self._journal().unfinished_batches()
            if (b.environment, b.corp_num) == account and same_path(b.source, path)
        ]
        return mine[0] if mine else None

    # -- planning -----------------------------------------------------------------------------------------
    def refusal_for(self, unfinished: BatchInfo, file: BatchFile | None = None) -> BatchRefused:
        """Why a new batch of a file with this unfinished batch is refused: it runs elsewhere now, or it was
        interrupted (resume it: starting anew would send its done rows again), or it was interrupted and the
        file was edited since (resume it as journaled, or abandon it)."""
        if self._journal().running_elsewhere(unfinished.id):
            return _running_elsewhere(unfinished)
        if file is not None and file.fingerprint() != unfinished.fingerprint:
            return _changed_since(unfinished)
        return BatchRefused("batch.interrupted_exists", {"batch": unfinished.id}, batch=unfinished)

    def plan(
        self,
        file: BatchFile,
        *,
        concurrency: int,
        skip_invalid: bool = False,
        resolving: ResolveReport | None = None,
        again: bool = False,
    ) -> BatchPlan:
        """A new batch of `file`: refused when rows are invalid (unless skipped) or the file has an interrupted
        batch under this account (resume that instead: starting anew would send its done rows again), found by
        its contents or by its path (edited since: "batch.file_changed_since").

        A file by NTS number is resolved here, after those checks (they need no network): the plan's `file` is
        then the file with each row's ItemKey, or its reason when the number cannot be used (`resolving` is told
        after each number). A PopbillError (network, credentials) while resolving plans nothing.

        Rows done or maybe done before (the last 24 hours, the file's abandoned batch) are left out of the plan's
        rows (`left_out`), unless `again`. A HistoryError when the history cannot be read."""
        invalid = file.invalid_rows
        if invalid and not skip_invalid:
            raise BatchRefused("batch.file_refused", {"count": len(invalid)}, rows=invalid)
        unfinished = self.find_unfinished(file) or self.find_unfinished_of_path(file.path)
        if unfinished is not None:
            raise self.refusal_for(unfinished, file)
        if file.by_nts:
            file = self.resolve(file, resolving)
            invalid = file.invalid_rows
            if invalid and not skip_invalid:
                raise BatchRefused("batch.file_refused", {"count": len(invalid)}, rows=invalid, file=file)
        left_out = {} if again else self.history.leave_out(file)
        rows = [r for r in file.valid_rows if r.row not in left_out]
        # Rows left out by the user's choice (hidden rows) are journaled as skipped, like invalid ones skipped.
        skipping = skip_invalid or any(row.left_out for row in file.rows)
        return BatchPlan(file, rows, concurrency, skipping, left_out=left_out, again=again)

    def abandon(self, *, file: BatchFile | None = None, batch_id: int | None = None) -> BatchInfo:
        """Give up the interrupted batch of `file` (by its path, whatever it holds now) or `batch_id`, explicitly:
        its rows left "sending" become unknown, it is never resumed, and the file's next new batch leaves out the
        rows it did or may have done. Nothing is sent. BatchRefused: none here, another account's, running now."""
        return self.history.abandon(file=file, batch_id=batch_id)

    def resolve(self, file: BatchFile, resolving: ResolveReport | None = None) -> BatchFile:
        """`file` (by NTS number) with each valid row's ItemKey, found by its number and MgtKeyType; a number that
        finds no invoice, several, or one that already has our document ID becomes the row's problem. Rows
        already invalid are left as they are (not looked up). One or two searches per number, in file order."""
        from ..batch.model import InputRow

        lookups = self.service.lookups
        total = len(file.valid_rows)
        rows: list[InputRow] = []
        done = 0
        for row in file.rows:
            if not row.valid:
                rows.append(row)
                continue
            found = lookups.resolve_nts(row.values["mgt_key_type"], row.values["nts_confirm_num"])
            values = dict(row.values)
            if found.invoice is not None:
                # Also when it cannot be used (it already has a document ID): the results then say which invoice.
                values["item_key"] = found.invoice.item_key
            problem = found.problem()
            rows.append(InputRow(row.row, values, [] if problem is None else [problem], row.extras))
            done += 1
            if resolving is not None:
                resolving(done, total)
        return replace(file, rows=rows)

    def plan_resume(
        self,
        *,
        file: BatchFile | None = None,
        batch_id: int | None = None,
        concurrency: int,
        resend_unknown: bool = False,
        changed_ok: bool = False,
    ) -> BatchPlan:
        """The rest of an interrupted batch: of `file` (its interrupted batch under this account, found by the
        file's contents or its path) or `batch_id` (its file read again). Done rows are not sent again; rows left
        "sending" by a crash become "unknown" and are sent again only for SendEmail with `resend_unknown` (an
        AssignMgtKey row is looked up when the batch runs, and sent again only if it was not carried out).

        A file edited since the batch started is refused ("batch.file_changed_since") unless `changed_ok`: then
        the batch is resumed as journaled. Its rows are compared with the file's by what they ask: a pending row
        still in the file is sent as journaled, one no longer in it is skipped (never sent with values the clerk
        has since changed), and the file's new or edited rows (`edited_rows`) are left to the file's next run,
        which leaves out what this batch did. Refused (BatchRefused) when there is nothing to resume here: no such
        batch, finished, another account's, or running in another process now. The plan holds the batch's run
        lock: run it, or `release()` it."""
        from ..batch.keys import same_path

        journal = self._journal()
        env, corp_num = self._account()
        if batch_id is None:
            if file is None:
                raise ValueError("plan_resume needs a file or a batch id")
            fingerprint = file.fingerprint()
            unfinished = [
                b
                for b in journal.unfinished_batches()
                if b.fingerprint == fingerprint or same_path(b.source, file.path)
            ]
            unfinished.sort(key=lambda b: b.fingerprint != fingerprint)  # this very file's first, then newest
            mine = [b for b in unfinished if (b.environment, b.corp_num) == (env, corp_num)]
            if not mine:
                if unfinished:
                    raise self._other_account(unfinished[0])
                raise BatchRefused("batch.nothing_to_resume", {"env": env, "corp_num": corp_num or "-"})
            info = mine[0]
        else:
            info = journal.batch(batch_id)
        if not info.unfinished:
            raise BatchRefused("batch.finished", {"batch": info.id}, batch=info)
        if (info.environment, info.corp_num) != (env, corp_num):
            raise self._other_account(info)
        if info.operation not in OPERATIONS:
            raise BatchRefused("batch.unknown_operation", {"batch": info.id}, batch=info)
        operation: Operation = info.operation
        if file is None or file.operation != operation:
            from ..batch.reader import BatchFileError

            try:
                file = self.read(info.source, operation)
            except BatchFileError as exc:
                raise BatchRefused(
                    "batch.source_unreadable", {"batch": info.id, "reason": exc.describe(self.service.lang)}, batch=info
                ) from exc
        changed = file.fingerprint() != info.fingerprint
        if changed and not changed_ok:
            if journal.running_elsewhere(info.id):
                raise _running_elsewhere(info)
            raise _changed_since(info)
        # Only the lock's holder may recover: without it a live run's "sending" rows would look like a crash's.
        from ..storage.locks import LockBusy

        try:
            lock = _take_lock(journal, info.id)
        except LockBusy as exc:
            raise _running_elsewhere(info) from exc
        edited_rows: list[int] = []
        edited_away: list[int] = []
        try:
            if not journal.batch(info.id).unfinished:  # the run that held the lock finished it meanwhile
                raise BatchRefused("batch.finished", {"batch": info.id}, batch=info)
            recovered = journal.recover(info.id)  # rows a crash left "sending": never sent blindly again
            journal_rows = journal.batch_rows(info.id)
            if changed:
                edited_rows, edited_away = self._compare(file, journal_rows)
                journal.mark_skipped(info.id, edited_away, text("batch.edited_away", self.service.lang))
                journal.mark_file_changed(info.id)
                journal_rows = journal.batch_rows(info.id)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        wanted = {RowState.PENDING}
        if resend_unknown and operation == "resend_email":
            wanted.add(RowState.UNKNOWN)
        states = {j.row: j.outcome.state for j in journal_rows}
        if file.by_nts or changed:
            # The rows as journaled: for a file by NTS number, with the ItemKeys found when it was planned
            # (resolving again could find another answer, e.g. "already has a document ID" for a row just done);
            # for an edited file, as they were when the batch started.
            file = replace(file, rows=[j.input_row() for j in journal_rows])
        rows = [row for row in file.valid_rows if states.get(row.row) in wanted]
        outcomes = {j.row: j.outcome for j in journal_rows}
        return BatchPlan(
            file,
            rows,
            concurrency,
            batch_id=info.id,
            recovered=recovered,
            outcomes=outcomes,
            lock=lock,
            changed=changed,
            edited_rows=edited_rows,
            edited_away=edited_away,
        )

    @staticmethod
    def _compare(file: BatchFile, journal_rows: list[JournalRow]) -> tuple[list[int], list[int]]:
        """An edited file against its batch's journal, row by row by what they ask (never by row number): the
        file's rows the journal does not have, and the journal's pending rows the file no longer has."""
        from ..batch.keys import request_key

        columns = file.columns
        in_file = {request_key(r.values, columns) for r in file.valid_rows}
        journaled = {request_key(j.values, columns) for j in journal_rows}
        edited = [r.row for r in file.valid_rows if request_key(r.values, columns) not in journaled]
        gone = [
            j.row
            for j in journal_rows
            if j.outcome.state is RowState.PENDING and request_key(j.values, columns) not in in_file
        ]
        return edited, gone

    @staticmethod
    def _other_account(info: BatchInfo) -> BatchRefused:
        params = {"batch": info.id, "env": info.environment, "corp_num": info.corp_num or "-"}
        return BatchRefused("batch.other_account", params, batch=info)

    # -- running and exporting ----------------------------------------------------------------------------
    def start(
        self,
        plan: BatchPlan,
        *,
        on_row: RowReport | None = None,
        on_started: Callable[[int], None] | None = None,
    ) -> BatchRun:
        """A run of `plan`, not yet started: call its `run()` on the thread that may block."""
        return BatchRun(self, plan, on_row=on_row, on_started=on_started)

    @staticmethod
    def export(
        path: str | Path,
        file: BatchFile,
        outcomes: dict[int, RowOutcome],
        lang: Lang,
        verified: Mapping[int, str] | None = None,
    ) -> Path:
        """Every row of the file in its order with its outcome, the clerk's own columns beside ours, to .csv or
        .xlsx, atomically; the path written. For a file by NTS number, pass the plan's `file` (its rows hold the
        ItemKeys found). `verified`: what a check on POPBiLL found per row (`Verification.verdict`), a last column.
        A name that is not .csv or .xlsx raises ExportNameError (a ValueError) with a sentence."""
        from ..batch.export import result_table, write_results

        table = result_table(
            file.operation, file.rows, outcomes, lang, file.result_columns, file.extra_columns, verified=verified
        )
        return write_results(path, table)

    @staticmethod
    def write_template(path: str | Path, operation: Operation, lang: Lang) -> Path:
        """An empty batch file for `operation`: its header row in `lang`, as .csv or .xlsx; the path written."""
        from ..batch.template import write_template

        return write_template(path, operation, lang)
