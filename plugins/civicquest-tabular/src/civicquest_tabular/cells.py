"""Make text safe for spreadsheets, reversibly.

:func:`neutralise` and :func:`restore` (formula injection) live in the core,
:mod:`civicquest.export_helpers`, so that every CSV civicquest writes uses the same rule; they
are re-exported here. This module adds what only XLSX needs.
"""

from __future__ import annotations

import re

from civicquest.export_helpers import FORMULA_PREFIXES, neutralise, restore

__all__ = ["FORMULA_PREFIXES", "neutralise", "ooxml_escape", "ooxml_unescape", "restore"]

_ILLEGAL_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def ooxml_escape(text: str) -> str:
    """Escape what an XLSX cell cannot hold as such, the way Excel does (``_x000D_``).

    Control characters (and a carriage return, which XML would turn into a line feed) become
    ``_xHHHH_``; an underscore that starts such a sequence in the text becomes ``_x005F_``.
    """
    return _ILLEGAL_IN_XML.sub(lambda match: f"_x{ord(match.group(0)):04X}_", text)


def ooxml_unescape(text: str) -> str:
    """The inverse of :func:`ooxml_escape`, for tools (like openpyxl) that do not decode it."""
    return _ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), text)
