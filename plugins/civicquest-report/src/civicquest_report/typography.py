"""French typography for printed text, as a Jinja filter that works on text, never on markup.

In French, a narrow no-break space (U+202F) goes before ``;``, ``:``, ``!`` and ``?``, inside
« guillemets » and between a number and ``%`` or ``€``: the sign never starts a line alone.
The filter escapes its text first and only then places the spaces, so it cannot touch a tag or
an attribute; given markup (already HTML), it refuses. Other languages are only escaped.
Numbers themselves come formatted from Babel (``format_decimal``: ``12 346`` with U+202F).
"""

from __future__ import annotations

import re

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

__all__ = ["NARROW_NBSP", "french_spacing", "typography", "typography_filter"]

NARROW_NBSP = "\u202f"
# an ordinary, no-break or thin space (or none, for « and ») where French wants U+202F
_SPACES = "[ \u00a0\u2009\u202f]"
_SIGN_ENDS = r"[;:!?]+(?=\s|$|[)»\]])"
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "Pourquoi ?" / "Note :" / "Non !": the space the author typed becomes narrow, no-break
    (re.compile(rf"(?<=\S){_SPACES}+(?={_SIGN_ENDS})"), NARROW_NBSP),
    # "Pourquoi?" gets one; never before ";": in escaped text, it may end an entity (&amp;)
    (re.compile(r"(?<=[^\W\d_]|[)\]»])(?=[:!?]+(?:\s|$|[)»\]]))"), NARROW_NBSP),
    (re.compile(rf"«{_SPACES}*"), "«" + NARROW_NBSP),
    (re.compile(rf"{_SPACES}*»"), NARROW_NBSP + "»"),
    (re.compile(rf"(?<=\d){_SPACES}*(?=[%€‰])"), NARROW_NBSP),
)


def french_spacing(text: str) -> str:
    """``text`` with French spacing: U+202F before ``;:!?``, inside « », before ``%``/``€``.

    A sign ending a word gets its space (``Oui!`` → ``Oui !``); one inside a word does not
    (``12:30``, ``https://``, ``?lang=fr``). ``;`` only when the author put a space before it:
    this runs on escaped text, where ``;`` also ends an entity (``&amp;``).
    """
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def typography(value: object, lang: str) -> Markup:
    """``value`` escaped as HTML, then, in French, given French spacing. Raises on markup:
    typography applies to text, never to tags."""
    if isinstance(value, Markup):
        raise TypeError("typography applies to text, not to markup: pass the text itself")
    escaped = str(escape(str(value)))
    return Markup(french_spacing(escaped) if lang.startswith("fr") else escaped)


@pass_context
def typography_filter(context: Context, value: object) -> Markup:
    """The ``typography`` Jinja filter, in the language of the page (``lang`` in its context)."""
    return typography(value, str(context["lang"]))
