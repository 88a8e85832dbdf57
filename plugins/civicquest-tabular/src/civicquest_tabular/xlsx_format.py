"""XLSX export: the questionnaire, the lists, then one sheet per theme.

Headers are frozen and columns sized to be read. Text cells are typed as text (never formulas)
and marked with Excel's "quote prefix" when they start like a formula; characters an XLSX cell
cannot hold are escaped the way Excel does (``_x000D_``). A text longer than Excel's limit
(32,767 characters) is cut, ends by saying where the full text is, and the export gives one
:class:`~civicquest.errors.ExportWarning` naming the cells. Headers, status cells, sheet names
and these words follow the export's language (civicquest's catalogue). The bytes are
deterministic.
"""

from __future__ import annotations

import io
import re
import warnings
from datetime import datetime

from civicquest.plugins import (
    ExportInput,
    ExportWarning,
    column_label,
    deterministic_ooxml,
    format_decimal,
    status_label,
    translate,
)

from .cells import EXCEL_CELL_LIMIT, FORMULA_PREFIXES, fit_cell
from .table import Table, lists_table, questionnaire_table, theme_table

__all__ = ["sheet_title", "to_xlsx"]

FIXED_TIME = datetime(2000, 1, 1)
MAX_WIDTH, MIN_WIDTH = 60, 8


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique sheet title (at most 31 characters, none of ``[]:*?/\\``)."""
    base = re.sub(r"[\[\]:*?/\\]", "_", text)[:31] or "sheet"
    title, number = base, 2
    while title.lower() in taken:
        suffix = f"~{number}"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(title.lower())
    return title


def to_xlsx(data: ExportInput) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    taken: set[str] = set()
    lang = data.lang
    marker, cut = translate("xlsx", "… [full text: CSV/JSON export]", lang), list[str]()
    tables = [
        (translate("sheet", "Questionnaire", lang), questionnaire_table(data)),
        (translate("sheet", "Lists", lang), lists_table(data)),
    ]
    tables += [(t.id, theme_table(data, t.id)) for t in data.project.questionnaire.themes]
    for title, table in tables:
        _add_sheet(workbook, sheet_title(title, taken), _for_readers(table, lang), marker, cut)
    if cut:
        warnings.warn(_cut_warning(cut, data.lang), ExportWarning, stacklevel=2)
    workbook.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    return deterministic_ooxml(buffer.getvalue())


def _cut_warning(cells: list[str], lang: str) -> str:
    shown = ", ".join(cells[:5]) + (", …" if len(cells) > 5 else "")
    return translate(
        "xlsx",
        "{count} cell(s) exceeded Excel's limit ({limit} characters) and are cut: {cells}. "
        "The full text is in the CSV and JSON exports (civicquest export --format csv).",
        lang,
    ).format(
        count=format_decimal(len(cells), lang),
        limit=format_decimal(EXCEL_CELL_LIMIT, lang),
        cells=shown,
    )


def _for_readers(table: Table, lang: str) -> Table:
    """Headers and status codes in the reader's language (the CSV keeps the data names)."""
    header, rows = table
    if "status" in header:
        at = header.index("status")
        rows = [[*row[:at], status_label(row[at], lang), *row[at + 1 :]] for row in rows]
    return [column_label(name, lang) for name in header], rows


def _add_sheet(workbook: object, title: str, table: Table, marker: str, cut: list[str]) -> None:
    """Add a sheet; a cell cut to Excel's limit ends with ``marker`` and is named in ``cut``."""
    from openpyxl.styles import Alignment, Font

    header, rows = table
    sheet = workbook.create_sheet(title)  # type: ignore[attr-defined]
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for row_number, row in enumerate([header, *rows], start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            cell.value, was_cut = fit_cell(value, marker)
            if was_cut:
                cut.append(f"{title}!{cell.coordinate}")
            cell.data_type = "s"
            cell.alignment = wrap
            if value.startswith(FORMULA_PREFIXES):
                cell.quotePrefix = True
            if row_number == 1:
                cell.font = bold
    sheet.freeze_panes = "B2"
    _size_columns(sheet, [header, *rows])


def _size_columns(sheet: object, rows: list[list[str]]) -> None:
    from openpyxl.utils import get_column_letter

    for index in range(len(rows[0])):
        longest = max(len(line) for row in rows for line in row[index].splitlines() or [""])
        width = max(MIN_WIDTH, min(MAX_WIDTH, longest + 2))
        sheet.column_dimensions[get_column_letter(index + 1)].width = width  # type: ignore[attr-defined]
