"""Show text that others wrote on a terminal: short, and with no control or direction tricks."""

from __future__ import annotations

import unicodedata
from typing import Any

__all__ = ["as_written", "printable", "show_value"]


def show_value(value: Any, limit: int = 60) -> str:
    """A short, printable rendering of a user's value, safe for a terminal."""
    text = value if isinstance(value, str) else as_written(value)
    text = printable(text[: limit + 1])
    return text if len(text) <= limit else text[:limit] + "…"


def as_written(value: Any) -> str:
    """``value`` as it would be written in YAML (``true``, ``{fr: Oui, en: true}``), never as a
    Python repr: a volunteer reads YAML, not ``{'fr': 'Oui', 'en': True}``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, dict):
        pairs = (f"{as_written(key)}: {as_written(item)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, list | tuple | set | frozenset):
        return "[" + ", ".join(as_written(item) for item in value) + "]"
    return str(value)


def printable(text: str) -> str:
    """``text`` whole, with control, format and line-separator characters shown as ``\\uXXXX``.

    For names that must stay complete (file paths): a newline in a file name cannot then start
    a line of its own and pass for another message.
    """
    if text.isprintable():
        return text
    return "".join(_printable(char) for char in text)


def _printable(char: str) -> str:
    category = unicodedata.category(char)
    if category.startswith("C") or category in ("Zl", "Zp"):
        return f"\\u{ord(char):04x}"
    return char
