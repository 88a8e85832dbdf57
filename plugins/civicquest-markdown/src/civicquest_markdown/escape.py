"""Turn any text into Markdown that renders as exactly that text (CommonMark)."""

from __future__ import annotations

import html
import re

__all__ = ["block", "inline"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_INLINE = re.compile(r"([\\`*_\[\]|~!])")
# A run of '#' at the end, after a space, would close a heading and vanish: "a #" -> "a".
_CLOSING_HASHES = re.compile(r"(?<![^ \t])(#+)(?=[ \t]*$)")
_LINE_START = re.compile(r"^([#>+=-])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_LEADING_SPACE = re.compile(r"^[ \t]+")


def inline(text: str) -> str:
    """One line of text, safe anywhere in a paragraph, heading or table cell.

    Line breaks (LF, CR or CRLF, all line endings in CommonMark) become spaces: a break would
    end a heading and start a new block.
    """
    one_line = _LINE_BREAK.sub(" ", text)
    escaped = _INLINE.sub(r"\\\1", html.escape(one_line, quote=False))
    escaped = _CLOSING_HASHES.sub(lambda m: "\\#" * len(m.group(1)), escaped)
    escaped = _LEADING_SPACE.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group(0)), escaped)
    return _ORDERED.sub(r"\1\\\2", _LINE_START.sub(r"\\\1", escaped))


def block(text: str, prefix: str = "> ") -> str:
    """Several lines of text as a block quote, line breaks kept as hard breaks."""
    lines = [inline(line) for line in _LINE_BREAK.split(text)]
    ends = [
        bool(line and following) for line, following in zip(lines, [*lines[1:], ""], strict=True)
    ]
    breaks = ["\\" if end else "" for end in ends]
    return "\n".join(f"{prefix}{line}{brk}" for line, brk in zip(lines, breaks, strict=True))
