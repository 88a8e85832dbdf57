"""The ``spreadsheet`` importer: one response per row; every cell placed or rejected."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from civicquest.models import Project
from civicquest.plugins import ImportResult, Rejected, SourceRef, UsageError, gc_paused

from .cells import cell_text
from .columns import Columns, find_columns
from .mapping import Mapping, load_mapping
from .reading import Cell, Table, column_letter, read_table
from .rows import RowReader

__all__ = ["SpreadsheetOptions", "load_spreadsheet"]


class SpreadsheetOptions(BaseModel):
    """Options of the ``spreadsheet`` importer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    mapping: str | None = None
    """Path of the mapping file (YAML): ``civicquest import … --mapping M``."""


def load_spreadsheet(
    project: Project, content: bytes, options: BaseModel, file_name: str
) -> ImportResult:
    """Read ``content`` (CSV or XLSX) with the mapping named by ``options.mapping``."""
    mapping_path = getattr(options, "mapping", None)
    if not mapping_path:
        raise UsageError(
            "the spreadsheet importer needs a mapping file: --mapping M (see "
            "docs/plugins/spreadsheet-import.md) / il faut un fichier de correspondance."
        )
    return import_table(project, load_mapping(Path(mapping_path)), content, file_name)


def import_table(
    project: Project, mapping: Mapping, content: bytes, file_name: str
) -> ImportResult:
    """Import ``content`` with an already loaded ``mapping``."""
    table = read_table(content, file_name, mapping)
    header = _header(table, mapping.header_row, file_name)
    columns = find_columns(header, mapping, project, f"{file_name}:{mapping.header_row}")
    data_rows = [
        (number, cells)
        for number, cells in table.rows
        if number > mapping.header_row and number not in mapping.skip_rows
    ]
    reader = RowReader(project, mapping, columns, file_name, table.sheet)
    with gc_paused():
        for number, cells in data_rows:
            reader.read(number, cells)
    rejected = [*_unmapped(columns, data_rows, mapping.header_row, file_name, table.sheet)]
    return ImportResult(responses=tuple(reader.responses), rejected=(*rejected, *reader.rejected))


def _header(table: Table, header_row: int, file_name: str) -> Sequence[Cell]:
    for number, cells in table.rows:
        if number == header_row:
            return cells
    raise UsageError(
        f"{file_name}: the file has {len(table.rows)} row(s), no header row {header_row}; fix "
        f"'header_row' in the mapping / pas de ligne d'en-tête {header_row}."
    )


def _unmapped(
    columns: Columns,
    rows: Sequence[tuple[int, Sequence[Cell]]],
    header_row: int,
    file_name: str,
    sheet: str | None,
) -> list[Rejected]:
    """One rejection per column the mapping neither reads nor ignores, if it holds anything."""
    width = max([len(columns.headers), *(len(cells) for _, cells in rows)])
    rejected = []
    for index in range(width):
        if index in columns.used or index in columns.ignored:
            continue
        header = columns.headers[index] if index < len(columns.headers) else ""
        sample = next(
            (
                text
                for _, cells in rows
                if index < len(cells) and (text := cell_text(cells[index]).strip())
            ),
            None,
        )
        if sample is None:
            continue
        rejected.append(
            Rejected(
                source=SourceRef(
                    file=file_name, sheet=sheet, row=header_row, column=column_letter(index)
                ),
                value=sample,
                code="unmapped_column",
                message=f"colonne absente du fichier de correspondance, non importée / column "
                f"not in the mapping, not imported: {header or column_letter(index)!r}",
                hint="ajoutez-la sous 'questions' ou sous 'ignore' / map it under 'questions', "
                "or list it under 'ignore' to leave it out on purpose",
            )
        )
    return rejected
