"""From what a person typed to a code: option labels, no-answer reasons, yes / no.

Kept behind three small functions (:func:`normalise_label`, :func:`match_option`,
:func:`closest`) so that shared helpers of :mod:`civicquest.plugins` can replace them later.
Matching forgives case, accents, spaces and the kind of apostrophe; a code is accepted as well
as a label, in any language of the questionnaire.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping

from civicquest.models import Project, Question
from civicquest.plugins import NO_ANSWER_LABELS

__all__ = [
    "NO_WORDS",
    "YES_WORDS",
    "closest",
    "match_no_answer",
    "match_option",
    "match_yes_no",
    "normalise_label",
    "option_labels",
]

YES_WORDS = frozenset({"oui", "yes", "o", "y", "vrai", "true", "1", "x"})
NO_WORDS = frozenset({"non", "no", "n", "faux", "false", "0"})
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u00b4`\u2032]")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def normalise_label(text: str) -> str:
    """``text`` without case, accents, extra spaces or curly apostrophes."""
    decomposed = unicodedata.normalize("NFKD", _APOSTROPHES.sub("'", text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare).strip().casefold()


def _index(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Normalised text → code; a text two codes share is left out (it would be a guess)."""
    index: dict[str, str] = {}
    shared: set[str] = set()
    for text, code in pairs:
        key = normalise_label(text)
        if index.get(key, code) != code:
            shared.add(key)
        index[key] = code
    return {key: code for key, code in index.items() if key not in shared}


def option_labels(project: Project, question: Question) -> dict[str, str]:
    """Every way to name an option of ``question``'s scale: its code and its labels."""
    scale = project.scales_by_id.get(getattr(question, "scale", ""))
    pairs: list[tuple[str, str]] = []
    for option in scale.options if scale else ():
        labels = [option.label] if isinstance(option.label, str) else option.label.values()
        pairs += [(option.code, option.code), *((label, option.code) for label in labels)]
    return _index(pairs)


def closest(text: str, index: Mapping[str, str]) -> str | None:
    """The code whose label or code is closest to ``text``, if any is close enough."""
    found = difflib.get_close_matches(normalise_label(text), list(index), n=1, cutoff=0.6)
    return index[found[0]] if found else None


def match_option(project: Project, question: Question, text: str) -> tuple[str | None, str | None]:
    """``(code, None)`` when ``text`` names an option, else ``(None, closest code or None)``."""
    index = option_labels(project, question)
    code = index.get(normalise_label(text))
    return (code, None) if code is not None else (None, closest(text, index))


def match_no_answer(text: str) -> tuple[str | None, str | None]:
    """The no-answer reason ``text`` names (``declined``…), or the closest one."""
    pairs = [(reason, reason) for reason in NO_ANSWER_LABELS]
    pairs += [(label, r) for r, labels in NO_ANSWER_LABELS.items() for label in labels.values()]
    index = _index(pairs)
    code = index.get(normalise_label(text))
    return (code, None) if code is not None else (None, closest(text, index))


def match_yes_no(text: str) -> bool | None:
    """``True`` for oui / yes, ``False`` for non / no, ``None`` for anything else."""
    word = normalise_label(text)
    return True if word in YES_WORDS else False if word in NO_WORDS else None
