"""The one rounding every output uses: half up, on the exact value.

``round()`` rounds halves to even (``round(2.5) == 2``) and ``math.floor(x + 0.5)`` can be
one off when ``x + 0.5`` itself rounds (``0.49999999999999994 + 0.5 == 1.0``): neither is
what a reader of "37.5 % shows as 38 %" expects. ``round_half_up`` compares the fractional
part, which for a float is computed exactly, and accepts a :class:`fractions.Fraction` for
callers that hold the exact ratio.
"""

from __future__ import annotations

import math
from fractions import Fraction

__all__ = ["round_half_up"]

_HALF = Fraction(1, 2)


def round_half_up(value: float | Fraction | int) -> int:
    """The integer nearest to ``value``, halves going up: 37.5 -> 38, -0.5 -> 0, 2.4 -> 2.

    Raises :class:`ValueError` for NaN and :class:`OverflowError` for infinities.
    """
    if isinstance(value, Fraction):
        return math.floor(value + _HALF)
    whole = math.floor(value)
    # For a float, value - floor(value) is exact (no rounding), unlike value + 0.5.
    return whole + 1 if value - whole >= 0.5 else whole
