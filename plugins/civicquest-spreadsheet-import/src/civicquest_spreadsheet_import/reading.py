"""Reading a CSV or XLSX file into rows of cells, each row with its 1-based number."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import openpyxl
from openpyxl.utils import get_column_letter

from civicquest.plugins import UsageError

from .mapping import Mapping
from .reading_values import decode_bytes, label_key

__all__ = ["Cell", "Table", "column_letter", "read_table"]

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | None
DELIMITERS = (";", ",", "\t", "|")
#: how much of a CSV file is parsed to choose the delimiter
SNIFF_CHARACTERS = 65_536


@dataclass(frozen=True, slots=True)
class Table:
    """A sheet: its name (None for CSV), and every row as (row number, cells)."""

    sheet: str | None
    rows: Sequence[tuple[int, Sequence[Cell]]]
    encoding: str | None = None


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index (0 → ``A``)."""
    return get_column_letter(index + 1)


def read_table(content: bytes, file_name: str, mapping: Mapping) -> Table:
    """The rows of ``content``: an XLSX workbook (by its name or its zip signature) or a CSV."""
    if file_name.lower().endswith((".xlsx", ".xlsm")) or content.startswith(b"PK\x03\x04"):
        return _read_xlsx(content, file_name, mapping.sheet)
    return _read_csv(content, file_name, mapping)


def _read_csv(content: bytes, file_name: str, mapping: Mapping) -> Table:
    try:
        text, encoding = decode_bytes(content, mapping.encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise UsageError(
            f"{file_name}: cannot decode the file as {mapping.encoding} ({error}); set "
            f"'encoding: auto' in the mapping / Impossible de décoder le fichier."
        ) from None
    delimiter = (
        mapping.delimiter
        if mapping.delimiter != "auto"
        else _guess_delimiter(text[:SNIFF_CHARACTERS], mapping.header_row)
    )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, Sequence[Cell]]] = []
    try:
        for number, row in enumerate(reader, start=1):
            rows.append((number, row))
    except csv.Error as error:
        raise UsageError(
            f"{file_name}:{reader.line_num}: unreadable CSV ({error}); check the quotes on this "
            f"line / CSV illisible à cette ligne : vérifiez les guillemets."
        ) from None
    return Table(sheet=None, rows=rows, encoding=encoding)


def _guess_delimiter(sample: str, header_row: int) -> str:
    """The delimiter that splits the header row into the most columns (title rows above it
    may hold commas of their own; csv.Sniffer is fooled by them)."""
    if "\n" in sample and len(sample) == SNIFF_CHARACTERS:
        sample = sample[: sample.rfind("\n")]  # drop a line cut in the middle

    def header_width(delimiter: str) -> int:
        try:
            rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))
        except csv.Error:
            return 0
        return len(rows[header_row - 1]) if len(rows) >= header_row else 0

    return max(DELIMITERS, key=header_width)


def _read_xlsx(content: bytes, file_name: str, sheet_name: str | None) -> Table:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise UsageError(
            f"{file_name}: not a readable XLSX workbook ({error}); save it again as .xlsx or "
            f"export it as CSV / Classeur XLSX illisible."
        ) from None
    try:
        sheet = workbook[_sheet_title(workbook.sheetnames, sheet_name, file_name)]
        rows = list(_numbered(sheet.iter_rows(values_only=True)))
        return Table(sheet=sheet.title, rows=rows)
    finally:
        workbook.close()


def _numbered(rows: Iterator[tuple[object, ...]]) -> Iterator[tuple[int, Sequence[Cell]]]:
    for number, row in enumerate(rows, start=1):
        yield number, [cell if isinstance(cell, Cell) else str(cell) for cell in row]


def _sheet_title(titles: list[str], wanted: str | None, file_name: str) -> str:
    if wanted is None:
        return titles[0]
    for title in titles:
        if label_key(title) == label_key(wanted):
            return title
    raise UsageError(
        f"{file_name}: no sheet {wanted!r} (sheets: {', '.join(titles)}); fix 'sheet' in the "
        f"mapping / Feuille introuvable."
    )
