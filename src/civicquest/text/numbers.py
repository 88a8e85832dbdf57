"""Numbers, percentages and dates as the reader's language writes them (CLDR data, via Babel).

French writes ``1,5 %`` and ``62 %`` (a no-break space before the sign), English ``1.5%``.
Rounding is :func:`~civicquest.text.rounding.round_half_up` on the exact value, the one
rounding every output uses (never ``round()``, which rounds halves to even). Babel is imported
on first use, so ``civicquest --help`` stays fast.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import TYPE_CHECKING

from .rounding import round_half_up

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["format_date", "format_decimal", "format_percent", "rounded"]

NO_VALUE = "–"


def rounded(value: float, digits: int = 0) -> Decimal:
    """``value`` rounded half up at ``digits`` decimals, exactly (as a Decimal).

    The exact value is scaled (a :class:`~fractions.Fraction`), so ``round_half_up`` decides on
    the true fractional part at every number of decimals.
    """
    return Decimal(round_half_up(Fraction(value) * 10**digits)).scaleb(-digits)


@cache
def _locale(lang: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def format_decimal(value: float | None, lang: str, digits: int = 0) -> str:
    """``value`` with ``digits`` decimals in ``lang`` (``0,912``); an en dash for no value."""
    if value is None or math.isnan(value):
        return NO_VALUE
    from babel.numbers import format_decimal as babel_decimal

    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return babel_decimal(rounded(value, digits), pattern, locale=_locale(lang))


def format_percent(value: float | None, lang: str, digits: int = 0) -> str:
    """A percentage given on a 0-100 scale: ``62 %`` / ``1,5 %`` in French, ``62%`` in English."""
    if value is None or math.isnan(value):
        return NO_VALUE
    from babel.numbers import format_percent as babel_percent

    exact = rounded(value, digits).normalize() if digits else rounded(value, digits)
    return babel_percent(exact / 100, locale=_locale(lang), decimal_quantization=False)


def format_date(day: date, lang: str) -> str:
    """A date as people of ``lang`` write it: ``14 mars 2026``, ``March 14, 2026``."""
    from babel.dates import format_date as babel_date

    return babel_date(day, format="long", locale=_locale(lang))
