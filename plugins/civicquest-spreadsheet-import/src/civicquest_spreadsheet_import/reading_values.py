"""Reading what people type into spreadsheets: labels, dates, numbers, encodings.

Numbers, encodings and the closest label come from the shared helpers of
:mod:`civicquest.plugins`; what stays here is deliberately this importer's own (see each).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from civicquest.plugins import closest, decode_text
from civicquest.plugins import parse_number as parse_shared_number

__all__ = [
    "closest",
    "decode_bytes",
    "label_key",
    "parse_date",
    "parse_number",
]

DATE_ORDERS = ("dmy", "mdy", "ymd")
_DATE = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})(?:[ T].*)?$")


def label_key(text: str) -> str:
    """``text`` reduced to what tells labels apart: no case, accents, spaces, apostrophes or
    punctuation (``"Pas d’accord "`` and ``"pas daccord"`` give the same key)."""
    # Stricter than civicquest.plugins.normalise_label on purpose: headers, list names and the
    # mapping's own words are looked up by this key in dicts for every cell of files of
    # 100,000 rows, and hand-typed exports drop apostrophes and hyphens ("pas daccord").
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isalnum()).casefold()


def parse_date(text: str, order: str = "dmy") -> dt.date | None:
    """A date written ``05/03/2026`` (``order`` dmy, the French way), ``2026-03-05`` (always
    understood) or ``3/5/2026`` (order mdy), with an optional time after it; None if unreadable."""
    # Not civicquest.plugins.parse_date: the mapping chooses the order (Google Forms in
    # English writes m/d/yyyy) and timestamps carry a time ("05/03/2026 14:32:10").
    match = _DATE.match(text.strip())
    if match is None:
        return None
    first, second, third = match.groups()
    if len(first) == 4:  # ISO, whatever the order
        year, month, day = first, second, third
    elif order == "mdy":
        month, day, year = first, second, third
    else:
        day, month, year = first, second, third
    if len(year) == 2:
        year = f"20{year}"
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_number(text: str) -> float | None:
    """A number written ``1 234,5`` or ``1.234,5`` (French) or ``1,234.5`` or ``30``; None if
    unreadable (:func:`civicquest.plugins.parse_number`)."""
    try:
        return parse_shared_number(text)
    except ValueError:
        return None


def decode_bytes(content: bytes, encoding: str = "auto") -> tuple[str, str]:
    """The text of ``content`` and the encoding used: a BOM first (UTF-8, UTF-16), then UTF-16
    without BOM (every other byte NUL), then UTF-8, then Windows-1252 (what French Excel
    writes), which reads any byte."""
    if encoding != "auto":
        return content.decode(encoding), encoding
    decoded = decode_text(content)
    return decoded.text, decoded.encoding
