"""Tolerant matching of what people typed against the codes and labels they meant.

Kept behind two small functions so that the shared helpers of ``civicquest.plugins`` (being
written for every importer) can replace them without touching the importer.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping

__all__ = ["match_code", "normalise"]

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})


def normalise(text: str) -> str:
    """Case, accents, apostrophes and runs of spaces do not matter."""
    decomposed = unicodedata.normalize("NFKD", text.translate(APOSTROPHES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def match_code(text: str, candidates: Mapping[str, Iterable[str]]) -> tuple[str | None, str | None]:
    """``(code, None)`` when ``text`` is a code or one of its labels (normalised), else
    ``(None, closest code or None)``. ``candidates`` maps each code to its labels."""
    if text in candidates:
        return text, None
    wanted = normalise(text)
    names: dict[str, str] = {}
    for code, labels in candidates.items():
        for name in (code, *labels):
            names.setdefault(normalise(name), code)
    if wanted in names:
        return names[wanted], None
    close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.6)
    return None, names[close[0]] if close else None
