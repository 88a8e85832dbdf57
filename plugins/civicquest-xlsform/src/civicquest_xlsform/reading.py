"""Read an export into a header and rows of text: CSV (``;`` or ``,``, UTF-8 with or without
BOM, UTF-16, Windows-1252) or XLSX (the first sheet: the main table; repeats come after it)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from civicquest.plugins import decode_text

__all__ = ["Table", "read_table"]


@dataclass(frozen=True)
class Table:
    """``rows`` are ``(row number as the file shows it, cells)``; the header is row 1."""

    header: list[str]
    rows: list[tuple[int, list[str]]]
    sheet: str | None = None


def read_table(content: bytes) -> Table:
    """The table of an export; ``ValueError`` (with the reason) when it cannot be read."""
    if content.startswith(b"PK\x03\x04"):
        return _read_xlsx(content)
    text = decode_text(content).text
    lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
    if not lines or not any(lines[0]):
        raise ValueError("no header row / pas de ligne d'en-tête")
    return Table(lines[0], [(n, cells) for n, cells in enumerate(lines[1:], start=2)])


def _delimiter(text: str) -> str:
    """``;`` (KoboToolbox's default) or ``,``: the one that splits the header into more cells."""
    header = text.split("\n", 1)[0]
    counts = {d: len(next(csv.reader(io.StringIO(header), delimiter=d), [])) for d in ";,"}
    return max(counts, key=lambda d: (counts[d], d == ";"))


def _read_xlsx(content: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ValueError(str(error) or type(error).__name__) from error
    sheet = book.worksheets[0]
    rows = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    if not rows or not any(rows[0]):
        raise ValueError("no header row / pas de ligne d'en-tête")
    width = len(rows[0])
    body = [(n, (cells + [""] * width)[:width]) for n, cells in enumerate(rows[1:], start=2)]
    return Table(rows[0], body, sheet.title)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)
