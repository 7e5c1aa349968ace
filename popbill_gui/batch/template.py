"""Batch templates: an empty list with the header row a batch file needs, as CSV or Excel by the extension.

The header is in the clerk's language, in words (Type, Document ID, E-mail / 문서유형, 문서번호, 수신메일), and is what
`reader.read_batch` reads back; in Excel the columns are formatted as Text, so an 18-digit POPBiLL number (ItemKey)
typed there keeps its digits. Written atomically.
"""

from __future__ import annotations

from pathlib import Path

from ..core.messages import Lang
from .export import write_results
from .headers import HEADER_WORDS
from .model import COLUMNS, Operation


def template_header(operation: Operation, lang: Lang = "ko") -> list[str]:
    """The header row of a batch file for `operation`, in `lang`."""
    return [HEADER_WORDS[column][0 if lang == "en" else 1] for column in COLUMNS[operation]]


def write_template(path: str | Path, operation: Operation, lang: Lang = "ko") -> Path:
    """Write the template to `path` (.csv or .xlsx); the path written. ValueError for another extension,
    ResultsFileError when the file cannot be written there."""
    header = template_header(operation, lang)
    return write_results(path, [header], text_columns=range(len(header)))
