"""What the shared helpers of ``civicquest.plugins`` do not cover: a number that may come as
JSON or as text, and yes / no in SurveyJS's own words.
"""

from __future__ import annotations

from civicquest.plugins import normalise_label, parse_number

__all__ = ["read_number", "read_yes_no"]


def read_number(value: object) -> float | None:
    """A JSON number, or a number written as text (``3,5``, ``1 000``); ``None`` otherwise."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        return parse_number(value)
    except ValueError:
        return None


# SurveyJS's boolean question stores true/false, but a results file edited by hand or
# exported to CSV and back has words; single letters (o/y, n) are what people type there.
_YES = frozenset({"oui", "yes", "true", "1", "o", "y"})
_NO = frozenset({"non", "no", "false", "0", "n"})


def read_yes_no(value: object) -> bool | None:
    """``true``/``false``, or yes and no as words (oui, non…); ``None`` otherwise."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = normalise_label(value)
        if word in _YES:
            return True
        if word in _NO:
            return False
    return None
