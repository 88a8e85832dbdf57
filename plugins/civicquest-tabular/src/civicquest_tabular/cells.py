"""Make text safe for spreadsheets, reversibly.

:func:`neutralise` and :func:`restore` (formula injection) live in the core,
:mod:`civicquest.plugins._helpers`, so that every CSV civicquest writes uses the same rule; they
are re-exported here. This module adds what only XLSX needs.
"""

from __future__ import annotations

import re

from civicquest.plugins import FORMULA_PREFIXES, neutralise, restore

__all__ = [
    "EXCEL_CELL_LIMIT",
    "FORMULA_PREFIXES",
    "fit_cell",
    "neutralise",
    "ooxml_escape",
    "ooxml_unescape",
    "restore",
]

EXCEL_CELL_LIMIT = 32_767  # characters (UTF-16 code units) in one cell, escapes included

_ILLEGAL_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_CUT_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{0,4}$")


def ooxml_escape(text: str) -> str:
    """Escape what an XLSX cell cannot hold as such, the way Excel does (``_x000D_``).

    Control characters (and a carriage return, which XML would turn into a line feed) become
    ``_xHHHH_``; an underscore that starts such a sequence in the text becomes ``_x005F_``.
    """
    return _ILLEGAL_IN_XML.sub(lambda match: f"_x{ord(match.group(0)):04X}_", text)


def ooxml_unescape(text: str) -> str:
    """The inverse of :func:`ooxml_escape`, for tools (like openpyxl) that do not decode it."""
    return _ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), text)


def fit_cell(text: str, marker: str) -> tuple[str, bool]:
    """``text`` escaped for an XLSX cell, and whether it had to be cut to Excel's limit.

    A cut text ends with ``marker`` (which says where the full text is). The cut never splits
    an escape sequence or a character outside the Basic Multilingual Plane.
    """
    escaped = ooxml_escape(text)
    if len(escaped) <= EXCEL_CELL_LIMIT // 2 or _utf16_length(escaped) <= EXCEL_CELL_LIMIT:
        return escaped, False
    tail = ooxml_escape(marker)
    room = 2 * (EXCEL_CELL_LIMIT - _utf16_length(tail))
    kept = escaped.encode("utf-16-le", "surrogatepass")[:room]
    head = kept.decode("utf-16-le", "ignore")  # a half surrogate pair at the end is dropped
    return _CUT_ESCAPE.sub("", head) + tail, True


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2
