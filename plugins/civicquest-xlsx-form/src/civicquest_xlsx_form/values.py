"""One cell's value, as the form's reader needs it: text (never a formula), a number, a date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from civicquest.plugins import Rejected, SourceRef, parse_date, parse_number

from .cells import cell_text
from .rejects import reject

__all__ = ["Cell", "read_date", "read_number", "read_text"]


class Cell:
    """A cell and where it is, for located rejections."""

    def __init__(self, cell: Any, file_name: str, sheet: str) -> None:
        self.raw = cell.value
        self.is_formula = cell.data_type == "f" or not isinstance(
            self.raw, str | int | float | dt.date | dt.time | type(None)
        )
        self.source = SourceRef(
            file=file_name, sheet=sheet, row=cell.row, column=cell.column_letter
        )

    @property
    def empty(self) -> bool:
        return self.raw is None or (isinstance(self.raw, str) and not self.raw.strip())


def read_text(cell: Cell) -> tuple[str | None, Rejected | None]:
    """The text typed in ``cell`` (``None`` when empty), or why it is not read."""
    if cell.empty:
        return None, None
    if cell.is_formula:
        return None, reject("formula_in_cell", cell.source, str(cell.raw))
    return cell_text(cell.raw), None


def read_number(cell: Cell, question: str) -> tuple[float | None, Rejected | None]:
    """A number typed as a number, or as text with a decimal comma and spaces."""
    if isinstance(cell.raw, int | float) and not isinstance(cell.raw, bool) and not cell.is_formula:
        return float(cell.raw), None
    text, problem = read_text(cell)
    if text is None:
        return None, problem
    try:
        return parse_number(text), None
    except ValueError:
        return None, reject("not_a_number", cell.source, text, question=question)


def read_date(cell: Cell) -> tuple[dt.date | None, Rejected | None]:
    """A date cell, or a text date written dd/mm/yyyy or yyyy-mm-dd."""
    if isinstance(cell.raw, dt.datetime) and not cell.is_formula:
        return cell.raw.date(), None
    if isinstance(cell.raw, dt.date) and not cell.is_formula:
        return cell.raw, None
    text, problem = read_text(cell)
    if text is None:
        return None, problem
    try:
        return parse_date(text), None
    except ValueError:
        return None, reject("unreadable_date", cell.source, text)
