"""Show text that others wrote on a terminal: short, and with no control or direction tricks."""

from __future__ import annotations

import unicodedata
from typing import Any

__all__ = ["show_value"]


def show_value(value: Any, limit: int = 60) -> str:
    """A short, printable rendering of a user's value, safe for a terminal."""
    text = value if isinstance(value, str) else repr(value)
    text = "".join(_printable(char) for char in text[: limit + 1])
    return text if len(text) <= limit else text[:limit] + "…"


def _printable(char: str) -> str:
    category = unicodedata.category(char)
    if category.startswith("C") or category in ("Zl", "Zp"):
        return f"\\u{ord(char):04x}"
    return char
