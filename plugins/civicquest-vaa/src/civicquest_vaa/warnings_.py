"""The :class:`~civicquest.plugins.ExportWarning` each exporter gives for what it left out."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

from civicquest.models import Project
from civicquest.plugins import ExportWarning

from .wording import N_, say

__all__ = ["warn_left_out_lists", "warn_left_out_questions"]

_QUESTIONS = {
    "kind": N_(
        "vaa",
        "questions left out, they cannot be a thesis with three answers "
        "(open text, number, several choices): {ids}",
    ),
    "graded": N_(
        "vaa",
        "questions left out, graded on more than three levels: {ids}; choose a rule with "
        "--option graded=partial or --option graded=thirds (docs: plugins/vaa)",
    ),
}
_LISTS = {
    "not_running": N_("vaa", "lists left out, withdrawn, merged or not solicited: {names}"),
    "incomplete": N_(
        "vaa",
        "lists left out, Mat-O-Wahl cannot show a missing answer: {names}; "
        "--option missing=neutral keeps them, each missing answer counted as neutral and said so",
    ),
    "counted_neutral": N_(
        "vaa",
        "missing answers counted as neutral by Mat-O-Wahl, and said so in the list's "
        "explanation: {names}",
    ),
    "skipped": N_(
        "vaa", "missing answers exported as 'skip' (no position), with the reason: {names}"
    ),
    "silent": N_("vaa", "lists left out, no published answer to any thesis: {names}"),
}


def _warn(message: str) -> None:
    warnings.warn(message, ExportWarning, stacklevel=3)


def warn_left_out_questions(left_out: Mapping[str, Sequence[str]], lang: str) -> None:
    """One warning per reason questions could not become three-way theses."""
    for reason, message in _QUESTIONS.items():
        if left_out.get(reason):
            _warn(say(message, lang, ids=", ".join(left_out[reason])))


def warn_left_out_lists(project: Project, lists: Mapping[str, Sequence[str]], lang: str) -> None:
    """One warning per reason lists were left out or marked (``lists``: reason -> ids)."""
    for reason, message in _LISTS.items():
        if lists.get(reason):
            names = ", ".join(project.respondents_by_id[i].name for i in lists[reason])
            _warn(say(message, lang, names=names))
