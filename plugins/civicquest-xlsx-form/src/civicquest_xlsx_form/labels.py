"""From what a person typed to a code: option labels, no-answer reasons, yes / no.

Label matching is the shared one of :mod:`civicquest.plugins` (case, accents, spaces and the
kind of apostrophe forgiven; a code accepted as well as a label, in any language; a label two
codes share matches neither). Only the yes / no words are the form's own.
"""

from __future__ import annotations

from civicquest.models import Project, Question
from civicquest.plugins import NO_ANSWER_LABELS, match_label, match_option, normalise_label

__all__ = ["NO_WORDS", "YES_WORDS", "match_choice", "match_no_answer", "match_yes_no"]

# The form's consent and per-option cells are ticked by hand in Excel or LibreOffice: besides
# oui / non, people type an "x", or the spreadsheet's own VRAI / FAUX (TRUE / FALSE).
YES_WORDS = frozenset({"oui", "yes", "o", "y", "vrai", "true", "1", "x"})
NO_WORDS = frozenset({"non", "no", "n", "faux", "false", "0"})


def match_choice(project: Project, question: Question, text: str) -> tuple[str | None, str | None]:
    """``(code, None)`` when ``text`` names an option, else ``(None, closest code or None)``."""
    found = match_label(project, question.id, text)
    return found.code, found.suggestion


def match_no_answer(text: str) -> tuple[str | None, str | None]:
    """The no-answer reason ``text`` names (``declined``…), or the closest one."""
    reasons = {reason: tuple(labels.values()) for reason, labels in NO_ANSWER_LABELS.items()}
    found = match_option(text, reasons)
    return found.code, found.suggestion


def match_yes_no(text: str) -> bool | None:
    """``True`` for oui / yes, ``False`` for non / no, ``None`` for anything else."""
    word = normalise_label(text)
    return True if word in YES_WORDS else False if word in NO_WORDS else None
