"""popbill-cli batch: one call per row of a CSV or Excel file, planned and run by the service, resumable.

What was read is said first (the sheet, a type assumed, hidden rows, the clerk's own columns kept). Rows Excel hides
are never sent without a choice: a file with any is refused (exit 2) unless --hidden-rows send|skip says what to do
(a resume keeps the choice its batch was journaled with). --check reads and checks every row and sends nothing: no
history, no journal, no credentials; exit 0 when every row is valid, 2 otherwise.

The rules (which file may start, what a resume sends, under which account, one process per batch) are the
service's (`service/batches.py`), the same as the window's; this module only turns them into lines and exit codes.
A results file (--out) that cannot be written is found before anything is sent (exit 2); one that fails at the end
(open in Excel meanwhile) costs only the file: the sentence says so, the summary is printed, and the exit code is
the batch's own (the outcomes stay in the history, exportable later). An assign file by NTS confirmation number is
resolved while it is planned, so its credentials are read before planning (after the file's own checks: a file
refused for its rows is named without asking the keyring).

A file edited while its batch is unfinished is refused (exit 2) with the two ways on: `--resume` (as journaled) or
`--abandon` (nothing sent; the next run leaves out what that batch did). A new batch leaves out, with a count, rows
done or maybe done before, unless `--again`. A history that cannot be written: exit 2 when nothing could start,
exit 3 when it stopped a batch (resumable once the cause is gone); never a traceback. `batch verify` is in
`batch_verify.py`.
"""

from __future__ import annotations

import argparse
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.messages import Lang, text
from ..service import HistoryError, Service
from ..service.batches import BatchPlan, BatchRefused, BatchReport
from ..storage.settings import Settings, history_path
from .advice import hint
from .output import EXIT_CANCELLED, EXIT_CREDENTIALS, EXIT_INVALID, EXIT_OK, EXIT_REFUSED, EXIT_UNREACHABLE
from .parser import UsageError

if TYPE_CHECKING:
    from ..service.records import BatchFile, BatchFileError, Operation, Progress, RowOutcome
    from .commands import Cli


def run_batch(cli: Cli, args: argparse.Namespace, s: Settings) -> int:
    from ..batch.export import ResultsFileError, check_results_target
    from ..batch.model import MAX_CONCURRENCY
    from ..service.records import BatchFileError

    lang = s.lang
    if args.operation == "template":
        return _template(cli, args, lang)
    if args.operation == "verify":
        from .batch_verify import run_verify

        return run_verify(cli, args, s)
    if args.template_file is not None:
        raise UsageError(f"unexpected argument: {args.template_file}")
    if args.abandon and (args.resume or args.again or args.out or args.resend_unknown or args.skip_invalid):
        raise UsageError("--abandon sends nothing and takes no other batch option")
    if args.again and args.resume:
        raise UsageError("--again is for a new batch: a resumed batch never sends its done rows again")
    operation = "resend_email" if args.operation == "resend-email" else "assign_mgt_key"
    if not 1 <= args.concurrency <= MAX_CONCURRENCY:
        raise UsageError(f"--concurrency must be 1 to {MAX_CONCURRENCY}, not {args.concurrency}")
    if args.resend_unknown and operation == "assign_mgt_key":
        raise UsageError("--resend-unknown is for resend-email only: AssignMgtKey is never sent twice")
    if args.check:
        if args.resume or args.out:
            raise UsageError("--check sends nothing and writes nothing: it takes neither --resume nor --out")
        return _check(cli, args.file, operation, lang)  # type: ignore[arg-type]
    if args.out and Path(args.out).suffix.lower() not in (".csv", ".xlsx"):
        raise UsageError("--out must name a .csv or .xlsx file")
    if args.out:
        try:
            check_results_target(args.out)  # a folder, read-only, open in Excel: said now, before anything is sent
        except ResultsFileError as exc:
            cli.err(f"popbill-cli: {exc.describe(lang)}")
            return EXIT_INVALID
    service = Service(s, store_factory=cli._store_factory, history_path=history_path(cli.environ))
    try:
        try:
            file = service.batches.read(args.file, operation)  # type: ignore[arg-type]
        except BatchFileError as exc:
            _file_refused(cli, exc, args.file, operation, lang)
            return EXIT_INVALID
        _notes(cli, file, lang)
        if file.hidden_rows and not args.resume:  # a resume keeps the choice its batch was journaled with
            if args.hidden_rows is None:
                cli.err(f"popbill-cli: {file.hidden_rows_text(lang)}")
                cli.err("  → --hidden-rows send | --hidden-rows skip")
                return EXIT_INVALID
            file = service.batches.choose_hidden(file, args.hidden_rows)
        try:
            if args.abandon:
                from ..service.records import RowState

                info = service.batches.abandon(file=file)
                counts = info.counts
                done, unknown = counts[RowState.DONE], counts[RowState.UNKNOWN]
                cli.err(text("batch.abandoned", lang, batch=info.id, done=done, unknown=unknown))
                return EXIT_OK
            plan = _plan(cli, service, args, file)
        except BatchRefused as refusal:
            _refused(cli, refusal, lang, args)
            return EXIT_INVALID
        if plan.changed:
            gone, edited = len(plan.edited_away), len(plan.edited_rows)
            cli.err(text("batch.resuming_changed", lang, batch=plan.batch_id, gone=gone, edited=edited))
        try:
            # Credentials last, as a single call reads them: a refused file is named without asking the keyring.
            _credentials(cli, service)
            report = _run(cli, service, plan)
        except BatchRefused as refusal:  # the file was started elsewhere after it was planned: nothing sent
            _refused(cli, refusal, lang, args)
            return EXIT_INVALID
        finally:
            plan.release()  # a resumed batch's run lock, if the run did not start
        if args.out:
            try:
                # The plan's file: for a file by NTS number, its rows hold the ItemKeys found.
                written = service.batches.export(args.out, plan.file, report.outcomes, lang)
                cli.err(text("batch.results_written", lang, path=str(written)))
            except ResultsFileError as exc:  # every row was sent or journaled: only the file is lost
                cli.err(f"popbill-cli: {exc.describe(lang)}")
    except HistoryError as exc:  # before anything was sent: the history cannot be read or written
        cli.err(f"popbill-cli: {text('batch.history_unusable', lang, reason=exc.describe(lang))}")
        return EXIT_INVALID
    finally:
        service.close()
    return _summary(cli, report, lang, args)


def _file_refused(cli: Cli, exc: BatchFileError, path: str, operation: str, lang: Lang) -> None:
    cli.err(f"popbill-cli: {exc.describe(lang)}")
    if exc.key == "batch.other_operation":
        other = "assign-mgtkey" if operation == "resend_email" else "resend-email"
        cli.err(f"  → popbill-cli batch {other} {path}")


def _notes(cli: Cli, file: BatchFile, lang: Lang) -> None:
    """What was read or assumed: the sheet, a type assumed, hidden rows, the clerk's own columns."""
    for note in file.notes(lang):
        cli.err(note)


def _check(cli: Cli, path: str, operation: Operation, lang: Lang) -> int:
    """popbill-cli batch OPERATION FILE --check: every row read and checked, nothing sent, nothing recorded."""
    from ..batch.headers import column_name
    from ..service.batches import Batches
    from ..service.records import BatchFileError

    try:
        file = Batches.read(path, operation)
    except BatchFileError as exc:
        _file_refused(cli, exc, path, operation, lang)
        return EXIT_INVALID
    _notes(cli, file, lang)
    for row in file.invalid_rows:
        for problem in row.problems:
            cli.out(f"{row.row}\t{column_name(problem.field, lang)}\t{problem.describe(lang)}")
    invalid = len(file.invalid_rows)
    cli.err(text("batch.checked", lang, rows=len(file.rows), valid=len(file.rows) - invalid, invalid=invalid))
    return EXIT_INVALID if invalid else EXIT_OK


def _template(cli: Cli, args: argparse.Namespace, lang: Lang) -> int:
    """popbill-cli batch template resend-email|assign-mgtkey FILE: the header row a batch reads back."""
    from ..batch.export import ResultsFileError
    from ..service.batches import Batches

    operations = {"resend-email": "resend_email", "assign-mgtkey": "assign_mgt_key"}
    if args.file not in operations:
        raise UsageError(f"batch template: the operation is resend-email or assign-mgtkey, not {args.file!r}")
    if args.template_file is None:
        raise UsageError("batch template: name the file to write (.csv or .xlsx)")
    if Path(args.template_file).suffix.lower() not in (".csv", ".xlsx"):
        raise UsageError("batch template: the file must end in .csv or .xlsx")
    try:
        written = Batches.write_template(args.template_file, operations[args.file], lang)  # type: ignore[arg-type]
    except ResultsFileError as exc:
        cli.err(f"popbill-cli: {exc.describe(lang)}")
        return EXIT_INVALID
    cli.out(text("batch.template_written", lang, path=str(written)))
    return EXIT_OK


def _credentials(cli: Cli, service: Service) -> None:
    service.environment()
    if service.credentials is None and not service.use_environment_credentials(cli.environ):
        service.read_keyring(required=True)


def _plan(cli: Cli, service: Service, args: argparse.Namespace, file: BatchFile) -> BatchPlan:
    if file.invalid_rows and not args.skip_invalid:
        # Also on --resume: the file is refused as a whole unless the user chose to skip its invalid rows.
        raise BatchRefused("batch.file_refused", {"count": len(file.invalid_rows)}, rows=file.invalid_rows)
    if args.resume:
        # Never resolved again: the journal holds the ItemKeys found when the batch was planned. An edited file:
        # --resume is the clerk's choice to resume the batch as journaled.
        return service.batches.plan_resume(
            file=file, concurrency=args.concurrency, resend_unknown=args.resend_unknown, changed_ok=True
        )
    if not file.by_nts:
        return service.batches.plan(
            file, concurrency=args.concurrency, skip_invalid=args.skip_invalid, again=args.again
        )
    _credentials(cli, service)  # the numbers are looked up while planning
    show = cli.stderr.isatty()

    def resolving(done: int, total: int) -> None:
        if show:
            cli.stderr.write("\r" + text("batch.resolving", cli.lang, done=done, total=total) + "   ")
            cli.stderr.flush()

    try:
        return service.batches.plan(
            file, concurrency=args.concurrency, skip_invalid=args.skip_invalid, resolving=resolving, again=args.again
        )
    finally:
        if show:
            cli.stderr.write("\n")


def _refused(cli: Cli, refusal: BatchRefused, lang: Lang, args: argparse.Namespace) -> None:
    cli.err(refusal.describe(lang))
    for row in refusal.rows:
        for problem in row.problems:
            cli.err(f"  {row.row}: {problem.field}: {problem.describe(lang)}")
    if refusal.key == "batch.file_changed_since":  # the clerk's two ways on
        for option in ("--resume", "--abandon"):
            cli.err(f"  → popbill-cli batch {args.operation} {args.file} {option}")


def _run(cli: Cli, service: Service, plan: BatchPlan) -> BatchReport:
    """Run on a thread so Ctrl+C can cancel: no new call starts, calls in flight finish and are journaled."""
    show = cli.stderr.isatty()

    def progress(_outcome: RowOutcome, p: Progress) -> None:
        if show:
            eta = f"{p.eta:.0f}s" if p.eta is not None else "?"
            cli.stderr.write(
                f"\r{p.finished}/{p.total} ok {p.done} failed {p.failed} check {p.unknown} {p.rate:.1f}/s eta {eta}   "
            )
            cli.stderr.flush()

    run = service.batches.start(plan, on_row=progress)
    box: list[BatchReport] = []
    failure: list[BaseException] = []
    # An Event, not Thread.is_alive(): after a join() interrupted by Ctrl+C, is_alive() may wrongly say False
    # (the report would then be missing: exit 70).
    ended = threading.Event()

    def work() -> None:
        try:
            box.append(run.run())
        except BaseException as exc:  # noqa: BLE001 -- handed to the main thread, which reports it
            failure.append(exc)
        finally:
            ended.set()

    threading.Thread(target=work, name="batch", daemon=True).start()
    while not ended.is_set():
        try:
            ended.wait(0.2)
        except KeyboardInterrupt:
            run.cancel()
            cli.err("\n" + text("batch.cancelling", cli.lang))
    if show:
        cli.stderr.write("\n")
    if failure:
        raise failure[0]
    return box[0]


def _summary(cli: Cli, report: BatchReport, lang: Lang, args: argparse.Namespace) -> int:
    from ..service.records import RowState, Stop, state_text

    counts = report.counts()
    for outcome in sorted(report.outcomes.values(), key=lambda o: o.row):
        if outcome.state in (RowState.FAILED, RowState.UNKNOWN):
            code = "" if outcome.code is None else f"[{outcome.code}] "
            cli.out(f"{outcome.row}\t{state_text(outcome.state, lang)}\t{code}{outcome.message}")
    cli.err(", ".join(f"{state_text(state, lang)} {n}" for state, n in counts.items() if n))
    if report.left_out:
        cli.err(text("batch.left_out_count", lang, count=len(report.left_out)) + "  (--again)")
    if report.stop is Stop.JOURNAL and report.error is not None:
        cli.err(report.error.message)
        if not report.batch_id:
            return EXIT_INVALID  # nothing could start: nothing was sent
        cli.err(f"  → popbill-cli batch {args.operation} {args.file} --resume")
        return EXIT_UNREACHABLE
    if report.error is not None and report.stop is not Stop.COMPLETED:
        cli.err(text("batch.stopped", lang) + f" [{report.error.code}] {report.error.message}")
        what_to_do = hint(report.error)
        if what_to_do:
            cli.err(f"  → {what_to_do}")
    if report.stop is Stop.UNREACHABLE:
        return EXIT_UNREACHABLE
    if report.stop is Stop.CREDENTIALS:
        return EXIT_CREDENTIALS
    if report.stop is Stop.CANCELLED:
        return EXIT_CANCELLED
    # Rows left out because they were done before count as done; those that may have been done do not.
    done_before = sum(1 for left in report.left_out.values() if left.done)
    return EXIT_OK if counts[RowState.DONE] + done_before == len(report.outcomes) else EXIT_REFUSED
