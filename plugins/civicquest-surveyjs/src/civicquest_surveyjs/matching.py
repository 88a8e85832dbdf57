"""Tolerant reading of what people type: an option or a list by its code or its label, numbers
with a decimal comma, yes and no.

Small functions with one job each, so that shared helpers of ``civicquest.plugins`` can replace
them without touching the importer.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["Match", "match_code", "normalise", "read_number", "read_yes_no"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_SPACES = re.compile(r"[\s_]+")


@dataclass(frozen=True, slots=True)
class Match:
    """The code found for a value, or else the closest code (``None`` when nothing is close)."""

    code: str | None
    suggestion: str | None = None


def normalise(text: str) -> str:
    """``text`` without case, accents, repeated spaces or curly apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare.casefold()).strip()


def match_code(value: str, names: Mapping[str, Iterable[str]]) -> Match:
    """The code whose code or one of whose ``names`` is ``value``, compared tolerantly.

    ``names`` maps each code to what people may write for it (its labels in every language).
    A value matching several codes matches none (it is ambiguous).
    """
    if value in names:
        return Match(value)
    wanted = normalise(value)
    spellings: dict[str, set[str]] = {}
    for code, labels in names.items():
        for spelling in (code, *labels):
            spellings.setdefault(normalise(spelling), set()).add(code)
    codes = spellings.get(wanted, set())
    if len(codes) == 1:
        return Match(next(iter(codes)))
    close = difflib.get_close_matches(wanted, sorted(spellings), n=1, cutoff=0.6)
    suggestion = min(spellings[close[0]]) if close else None
    return Match(None, suggestion)


def read_number(value: object) -> float | None:
    """A JSON number, or a number written as text (``3,5``, ``1 000``); ``None`` otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = re.sub(r"[\s\u00a0\u202f]", "", value).replace(",", ".")
    elif not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


_YES = frozenset({"oui", "yes", "true", "1", "o", "y"})
_NO = frozenset({"non", "no", "false", "0", "n"})


def read_yes_no(value: object) -> bool | None:
    """``true``/``false``, or yes and no as words (oui, non…); ``None`` otherwise."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = normalise(value)
        if word in _YES:
            return True
        if word in _NO:
            return False
    return None
