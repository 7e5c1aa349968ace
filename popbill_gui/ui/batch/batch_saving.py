"""What the batch tab saves: a batch's results (every row with its outcome), and an empty template to fill in.

Each asks where with a save dialog in the window's language (a name in that language suggested), then writes on the
window's job runner (atomically, through the service) and says on the status line where the file went, or why not.
A mixin of `BatchTab`: its words are `BatchTexts`'.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths

from ..shared.export_dialog import ask_export_path, export_on_job

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import SignalInstance

    from ...batch.model import Operation
    from ...core.messages import Lang
    from ...service import Service
    from ...service.records import BatchFile
    from ..shared.jobs import JobRunner
    from .batch_preview import PreviewModel
    from .batch_texts import BatchTexts


class BatchSaving:
    """Export results… and Save template… of the batch tab."""

    if TYPE_CHECKING:  # what the tab provides
        service: Service
        jobs: JobRunner
        texts: BatchTexts
        model: PreviewModel
        exported: SignalInstance
        _file: BatchFile | None
        _path: str | None
        _lang: Lang
        _note: Callable[[], str] | None

        @property
        def busy(self) -> bool: ...
        def current_operation(self) -> Operation: ...
        def _show_status(self) -> None: ...

    def _folder(self) -> Path:
        """Where a dialog opens: the chosen file's folder, else Documents."""
        if self._path:
            return Path(self._path).parent
        return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())

    def export_results(self) -> None:
        """What the Export button does: ask where, then write every row with its outcome."""
        file = self._file
        if file is None or self.busy:
            return
        suggested = str(file.path.with_name(self.texts.results_name(file.path.stem)))
        path = ask_export_path(self, self.texts.saving("export_title"), suggested)  # type: ignore[arg-type]
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> bool:
        """Write the results (CSV with BOM, or XLSX, by the extension) atomically, on a job; False if there is
        nothing to export. The status line says where they went, or why they did not."""
        file = self._file
        if file is None:
            return False
        outcomes, lang, export = self.model.outcomes(), self._lang, self.service.batches.export
        return export_on_job(
            self.jobs,
            lambda: export(path, file, outcomes, lang),
            lang,
            written=lambda target: self._saved(self.texts.saving("results_written"), target, self.exported),
            failed=lambda reason: self._not_saved(self.texts.saving("results_failed"), reason),
        )

    def save_template(self) -> None:
        """What Save template… does: ask where, then write the header row of the chosen operation."""
        operation = self.current_operation()
        suggested = str(self._folder() / self.texts.template_name(operation))
        path = ask_export_path(self, self.texts.saving("template_title"), suggested)  # type: ignore[arg-type]
        if path:
            self.template_to(path)

    def template_to(self, path: str, operation: Operation | None = None) -> bool:
        """Write the template of `operation` (the chosen one by default) to `path`, on a job."""
        operation = operation or self.current_operation()
        lang, write = self._lang, self.service.batches.write_template
        return export_on_job(
            self.jobs,
            lambda: write(path, operation, lang),
            lang,
            written=lambda target: self._saved(self.texts.saving("template_written"), target, None),
            failed=lambda reason: self._not_saved(self.texts.saving("template_failed"), reason),
        )

    def _saved(self, sentence: str, target: Path, signal: SignalInstance | None) -> None:
        self._note = lambda: sentence.replace("%1", str(target))
        self._show_status()
        if signal is not None:
            signal.emit(True)

    def _not_saved(self, sentence: str, reason: str) -> None:
        self._note = lambda: sentence.replace("%1", reason)
        self._show_status()
        self.exported.emit(False)
