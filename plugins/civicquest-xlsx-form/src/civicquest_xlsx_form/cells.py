"""Cells: text written so that it is never a formula, and read back exactly.

Text cells are typed as text and get Excel's "quote prefix" when they start like a formula
(the shared rule, :data:`civicquest.plugins.FORMULA_PREFIXES`: the XLSX equivalent of
:func:`civicquest.plugins.neutralise`, without an apostrophe showing in the cell). Characters an
XLSX cell cannot hold are escaped the way Excel does (``_x000D_``), and unescaped on reading.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from civicquest.plugins import FORMULA_PREFIXES, format_number

__all__ = ["EXCEL_CELL_LIMIT", "cell_text", "ooxml_escape", "ooxml_unescape", "put_text"]

EXCEL_CELL_LIMIT = 32_767

_ILLEGAL_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def ooxml_escape(text: str) -> str:
    """Escape what an XLSX cell cannot hold as such (``\\r`` → ``_x000D_``), as Excel does."""
    return _ILLEGAL_IN_XML.sub(lambda match: f"_x{ord(match.group(0)):04X}_", text)


def ooxml_unescape(text: str) -> str:
    """The inverse of :func:`ooxml_escape` (openpyxl leaves the escapes in)."""
    return _ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), text)


def put_text(cell: Any, text: str) -> None:
    """Write ``text`` in ``cell`` as text: never a formula, whatever it starts with."""
    cell.value = ooxml_escape(text)
    cell.data_type = "s"
    if text.startswith(FORMULA_PREFIXES):
        cell.quotePrefix = True


def cell_text(value: object) -> str:
    """What a person typed in a cell, as text (a number or a date typed in a text cell too)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return ooxml_unescape(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format_number(float(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)
