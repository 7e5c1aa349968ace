"""What the batch tab saves: a batch's results (every row with its outcome), and an empty template to fill in.

Each asks where with a save dialog in the window's language (a name in that language suggested), then writes on the
window's job runner (atomically, through the service) and says on the status line where the file went, or why not.
The batch tab builds one and hands it what it uses; its words are `BatchTexts`'.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from ..shared import i18n
from ..shared.export_dialog import ask_export_path, export_on_job

if TYPE_CHECKING:
    from ...batch.model import Operation
    from ...service import Service
    from ...service.records import BatchFile, RowOutcome
    from ..shared.jobs import JobRunner
    from .batch_texts import BatchTexts

Note = Callable[[Callable[[], str]], None]  # a line under the status, said again after a language change


class BatchSaving:
    """Export results… and Save template… for the batch tab: `note` says where a file went (or why not), `exported`
    says whether the results were written."""

    def __init__(
        self,
        parent: QWidget,
        service: Service,
        jobs: JobRunner,
        texts: BatchTexts,
        *,
        note: Note,
        exported: Callable[[bool], None],
    ) -> None:
        self._parent = parent
        self._service = service
        self._jobs = jobs
        self._texts = texts
        self._note = note
        self._exported = exported

    @staticmethod
    def folder(path: str | None) -> Path:
        """Where a dialog opens: the chosen file's folder, else Documents."""
        if path:
            return Path(path).parent
        return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())

    def ask_results_path(self, file: BatchFile) -> str | None:
        suggested = str(file.path.with_name(self._texts.results_name(file.path.stem)))
        return ask_export_path(self._parent, self._texts.saving("export_title"), suggested)

    def ask_template_path(self, folder: Path, operation: Operation) -> str | None:
        suggested = str(folder / self._texts.template_name(operation))
        return ask_export_path(self._parent, self._texts.saving("template_title"), suggested)

    def export(
        self, path: str, file: BatchFile, outcomes: dict[int, RowOutcome], verified: dict[int, str] | None = None
    ) -> bool:
        """Write the results (CSV with BOM, or XLSX, by the extension) atomically, on a job; `verified`: what a
        check on POPBiLL found per row, a last column. The status line says where they went, or why they did not
        (a name that is not .csv or .xlsx: the sentence that says so)."""
        lang, export = i18n.lang(), self._service.batches.export
        return export_on_job(
            self._jobs,
            lambda: export(path, file, outcomes, lang, verified),
            lang,
            written=lambda target: self._saved(self._texts.saving("results_written"), target, results=True),
            failed=lambda reason: self._not_saved(self._texts.saving("results_failed"), reason),
        )

    def template(self, path: str, operation: Operation) -> bool:
        """Write the template of `operation` to `path`, on a job."""
        lang, write = i18n.lang(), self._service.batches.write_template
        return export_on_job(
            self._jobs,
            lambda: write(path, operation, lang),
            lang,
            written=lambda target: self._saved(self._texts.saving("template_written"), target, results=False),
            failed=lambda reason: self._not_saved(self._texts.saving("template_failed"), reason),
        )

    def _saved(self, sentence: str, target: Path, *, results: bool) -> None:
        self._note(lambda: sentence.replace("%1", str(target)))
        if results:
            self._exported(True)

    def _not_saved(self, sentence: str, reason: str) -> None:
        self._note(lambda: sentence.replace("%1", reason))
        self._exported(False)
