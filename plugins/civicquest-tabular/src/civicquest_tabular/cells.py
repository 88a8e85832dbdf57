"""Make text safe for spreadsheets, reversibly.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a formula
by Excel or LibreOffice ("CSV injection"). :func:`neutralise` prefixes such a cell with an
apostrophe, the usual defence, and also any cell that already starts with an apostrophe, so that
:func:`restore` gives back exactly what the respondent wrote.
"""

from __future__ import annotations

import re

__all__ = ["FORMULA_PREFIXES", "neutralise", "ooxml_escape", "ooxml_unescape", "restore"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "'")
_ILLEGAL_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def neutralise(text: str) -> str:
    """``text``, prefixed with ``'`` if a spreadsheet could take it for a formula."""
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def restore(cell: str) -> str:
    """The inverse of :func:`neutralise`."""
    return cell[1:] if cell.startswith("'") else cell


def ooxml_escape(text: str) -> str:
    """Escape what an XLSX cell cannot hold as such, the way Excel does (``_x000D_``).

    Control characters (and a carriage return, which XML would turn into a line feed) become
    ``_xHHHH_``; an underscore that starts such a sequence in the text becomes ``_x005F_``.
    """
    return _ILLEGAL_IN_XML.sub(lambda match: f"_x{ord(match.group(0)):04X}_", text)


def ooxml_unescape(text: str) -> str:
    """The inverse of :func:`ooxml_escape`, for tools (like openpyxl) that do not decode it."""
    return _ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), text)
