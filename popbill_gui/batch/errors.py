"""The one error of reading a batch file: the file as a whole cannot be used, and the sentence that says why."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.messages import Lang, text


class BatchFileError(Exception):
    """The file as a whole cannot be used: nothing is sent. `key` is a `messages.CATALOG` key."""

    def __init__(
        self, key: str, params: dict[str, object] | None = None, *, also: str | Sequence[str] | None = None
    ) -> None:
        super().__init__(key, params or {})
        self.key = key
        self.params: dict[str, object] = dict(params or {})
        # Sentences (catalog keys) that help after the first, e.g. another column that would do, a header that
        # comes close to a column's name.
        self.also: tuple[str, ...] = (also,) if isinstance(also, str) else tuple(also or ())

    def describe(self, lang: Lang = "ko") -> str:
        params = dict(self.params)
        if "operation" in params:  # the operation the file fits, named in the sentence's language
            params["other"] = text(f"batch.operation.{params['operation']}", lang)
        # Columns too, in the sentence's language (문서번호 / Document ID): any of them is a header the reader takes.
        column, columns = params.get("column_key"), params.get("column_keys")
        if isinstance(column, str) or isinstance(columns, list | tuple):
            from .headers import column_name  # here: headers.py raises this error

            if isinstance(column, str):
                params["column"] = column_name(column, lang)
            if isinstance(columns, list | tuple):
                params["columns"] = ", ".join(column_name(str(c), lang) for c in columns)
        return " ".join(text(key, lang, **params) for key in (self.key, *self.also))

    def __str__(self) -> str:
        return self.describe("en")
