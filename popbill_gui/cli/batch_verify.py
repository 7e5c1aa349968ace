"""popbill-cli batch verify FILE [--out RESULTS]: whether each invoice of an assign batch carries its document ID.

The file's latest assign batch under this account (found by the file's path, else by its contents) is read from the
history; every row it gave a document ID (done) or may have (to check) is looked up on POPBiLL (`service.batches
.history.verify`: a Search where one covers many rows, the invoice's detail otherwise). One line per row of the
batch; exit 0 when every checked invoice carries its ID, 1 when any does not, 2 when there is no assign batch of
that file (or the history cannot be read); the usual codes when POPBiLL cannot be asked (3, 4).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.messages import text
from ..service import HistoryError, Service
from ..service.batches import BatchRefused
from ..storage.settings import Settings, history_path
from .output import EXIT_INVALID, EXIT_OK, EXIT_REFUSED
from .parser import UsageError

if TYPE_CHECKING:
    from .commands import Cli


def run_verify(cli: Cli, args: argparse.Namespace, s: Settings) -> int:
    from ..batch.export import ResultsFileError, check_results_target
    from .batch import _credentials

    lang = s.lang
    if args.template_file is not None:
        raise UsageError(f"unexpected argument: {args.template_file}")
    extra = [o for o in ("resume", "abandon", "again", "skip_invalid", "resend_unknown") if getattr(args, o)]
    if extra:
        raise UsageError("batch verify takes only --out (and the settings), not --" + extra[0].replace("_", "-"))
    if args.out:
        if Path(args.out).suffix.lower() not in (".csv", ".xlsx"):
            raise UsageError("--out must name a .csv or .xlsx file")
        try:
            check_results_target(args.out)
        except ResultsFileError as exc:
            cli.err(f"popbill-cli: {exc.describe(lang)}")
            return EXIT_INVALID
    service = Service(s, store_factory=cli._store_factory, history_path=history_path(cli.environ))
    history = service.batches.history
    try:
        try:
            info = history.assign_batch_of(args.file)  # no batch: said before the keyring is asked
            _credentials(cli, service)
            cli.err(text("verify.header", lang, batch=info.id, count=info.total))
            verification = history.verify(args.file)
        except BatchRefused as refusal:
            cli.err(refusal.describe(lang))
            return EXIT_INVALID
        except HistoryError as exc:
            cli.err(f"popbill-cli: {text('batch.history_unusable', lang, reason=exc.describe(lang))}")
            return EXIT_INVALID
        for row in verification.rows:
            values = row.values
            keys = "\t".join(values.get(c, "") for c in ("item_key", "mgt_key_type", "mgt_key"))
            cli.out(f"{row.row}\t{keys}\t{verification.verdict(row, lang)}")
        cli.err(
            text(
                "verify.summary",
                lang,
                checked=verification.checked,
                ok=verification.ok,
                bad=verification.checked - verification.ok,
            )
        )
        if args.out:
            try:
                written = history.export_verification(args.out, verification, lang)
                cli.err(text("batch.results_written", lang, path=str(written)))
            except ResultsFileError as exc:
                cli.err(f"popbill-cli: {exc.describe(lang)}")
    finally:
        service.close()
    return EXIT_OK if verification.all_carry else EXIT_REFUSED
