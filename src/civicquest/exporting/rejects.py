"""The rejects report of an import: every value not placed, where it was in the imported file,
why, and what to do; CSV (cells a spreadsheet cannot run) or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Literal

from ..plugins import Rejected, neutralise

__all__ = ["REJECT_COLUMNS", "rejects_report"]

REJECT_COLUMNS = (
    "file",
    "sheet",
    "row",
    "column",
    "value",
    "code",
    "message",
    "what_to_do",
    "suggestion",
)


def _row(rejected: Rejected) -> dict[str, str | int | None]:
    source = rejected.source
    return {
        "file": source.file,
        "sheet": source.sheet,
        "row": source.row,
        "column": source.column,
        "value": rejected.value,
        "code": rejected.code,
        "message": rejected.message,
        "what_to_do": rejected.hint,
        "suggestion": rejected.suggestion,
    }


def rejects_report(rejected: Sequence[Rejected], kind: Literal["csv", "json"]) -> bytes:
    """The report as bytes: CSV (UTF-8 with a BOM, which Excel needs to read accents) or JSON."""
    rows = [_row(item) for item in rejected]
    if kind == "json":
        text = json.dumps({"rejected": rows}, ensure_ascii=False, indent=2) + "\n"
        return text.encode("utf-8")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(REJECT_COLUMNS)
    for row in rows:
        writer.writerow(
            neutralise(value) if isinstance(value, str) else ("" if value is None else value)
            for value in row.values()
        )
    return buffer.getvalue().encode("utf-8-sig")
