"""Reading what people type into spreadsheets: labels, French dates, decimal commas, encodings.

Small single-purpose functions on purpose: ``civicquest.plugins`` is getting shared helpers for
exactly this (issue 10, ``importcore``); each function here can then be swapped for the shared
one without touching the rest of the importer.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "closest",
    "decode_bytes",
    "label_key",
    "parse_date",
    "parse_number",
]

DATE_ORDERS = ("dmy", "mdy", "ymd")
_DATE = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})(?:[ T].*)?$")
_SPACES = re.compile(r"[\s\u00a0\u202f']+")


def label_key(text: str) -> str:
    """``text`` reduced to what tells labels apart: no case, accents, spaces, apostrophes or
    punctuation (``"Pas d’accord "`` and ``"pas daccord"`` give the same key)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isalnum()).casefold()


def closest(key: str, candidates: Iterable[str]) -> str | None:
    """The candidate key nearest to ``key`` (difflib), or None when none is close enough."""
    found = difflib.get_close_matches(key, list(candidates), n=1, cutoff=0.6)
    return found[0] if found else None


def parse_date(text: str, order: str = "dmy") -> dt.date | None:
    """A date written ``05/03/2026`` (``order`` dmy, the French way), ``2026-03-05`` (always
    understood) or ``3/5/2026`` (order mdy), with an optional time after it; None if unreadable."""
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
    unreadable. Spaces (also non-breaking) group thousands; a lone comma is a decimal comma."""
    cleaned = _SPACES.sub("", text.strip())
    if "," in cleaned and "." in cleaned:
        # the last separator is the decimal one
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def decode_bytes(content: bytes, encoding: str = "auto") -> tuple[str, str]:
    """The text of ``content`` and the encoding used: a BOM first (UTF-8, UTF-16), then UTF-16
    without BOM (every other byte NUL), then UTF-8, then Windows-1252 (what French Excel
    writes), which reads any byte."""
    if encoding != "auto":
        return content.decode(encoding), encoding
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if content.startswith(bom):
            return content.decode(name), name
    sample = content[:4096]
    if len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4:
        return content.decode("utf-16-le"), "utf-16-le"
    if len(sample) >= 4 and sample[0::2].count(0) > len(sample) // 4:
        return content.decode("utf-16-be"), "utf-16-be"
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _cp1252(content), "cp1252"


def _cp1252(content: bytes) -> str:
    # the 5 bytes Windows-1252 leaves undefined are read as Latin-1 rather than refused
    return "".join(
        chunk.decode("cp1252") if index % 2 == 0 else chunk.decode("latin-1")
        for index, chunk in enumerate(re.split(rb"([\x81\x8d\x8f\x90\x9d]+)", content))
    )
