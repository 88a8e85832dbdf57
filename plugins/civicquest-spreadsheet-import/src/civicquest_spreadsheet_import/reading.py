"""Reading a CSV or XLSX file into rows of cells, each row with its 1-based number."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
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
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


@dataclass(frozen=True, slots=True)
class Table:
    """A sheet: its name (None for CSV), and every row as (row number, cells)."""

    sheet: str | None
    rows: Sequence[tuple[int, Sequence[Cell]]]
    encoding: str | None = None


@functools.cache
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
    """The cells' values as last computed; a formula never computed (a file written by a
    program, not by Excel) has no value: its formula text is read instead, never nothing."""
    title, values = _xlsx_rows(content, file_name, sheet_name, data_only=True)
    _, formulas = _xlsx_rows(content, file_name, sheet_name, data_only=False)
    rows = [
        (number, _with_formulas(cells, formula_cells))
        for (number, cells), (_, formula_cells) in zip(values, formulas, strict=True)
    ]
    return Table(sheet=title, rows=rows)


def _with_formulas(values: Sequence[Cell], formulas: Sequence[Cell]) -> Sequence[Cell]:
    return [
        formula if value is None and isinstance(formula, str) else value
        for value, formula in zip(values, formulas, strict=True)
    ]


def _xlsx_rows(
    content: bytes, file_name: str, sheet_name: str | None, *, data_only: bool
) -> tuple[str, list[tuple[int, Sequence[Cell]]]]:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=data_only)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise UsageError(
            f"{file_name}: not a readable XLSX workbook ({error}); save it again as .xlsx or "
            f"export it as CSV / Classeur XLSX illisible."
        ) from None
    try:
        sheet = workbook[_sheet_title(workbook.sheetnames, sheet_name, file_name)]
        return sheet.title, list(_numbered(sheet.iter_rows(values_only=True)))
    finally:
        workbook.close()


def _numbered(rows: Iterator[tuple[object, ...]]) -> Iterator[tuple[int, Sequence[Cell]]]:
    for number, row in enumerate(rows, start=1):
        yield number, [_xlsx_cell(cell) for cell in row]


def _xlsx_cell(cell: object) -> Cell:
    """A cell's value; text decoded of the ``_xHHHH_`` escapes Excel writes for a carriage
    return or a control character (openpyxl leaves them as they are)."""
    if isinstance(cell, str):
        return _OOXML_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), cell)
    return cell if isinstance(cell, Cell) else str(cell)


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
