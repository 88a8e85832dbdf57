"""The :class:`~civicquest.plugins.ExportWarning` each exporter gives for what it left out."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

from civicquest.models import Project
from civicquest.plugins import ExportWarning

from .wording import say

__all__ = ["warn_left_out_lists", "warn_left_out_questions"]


def _warn(message: str) -> None:
    warnings.warn(message, ExportWarning, stacklevel=3)


def warn_left_out_questions(left_out: Mapping[str, Sequence[str]], lang: str) -> None:
    """One warning per reason a question could not become a three-way thesis."""
    if left_out.get("kind"):
        _warn(
            say(
                "questions left out, they cannot be a thesis with three answers "
                "(open text, number, several choices): {ids}",
                lang,
                ids=", ".join(left_out["kind"]),
            )
        )
    if left_out.get("graded"):
        _warn(
            say(
                "questions left out, graded on more than three levels: {ids}; choose a rule "
                "with --option graded=partial or --option graded=thirds (docs: plugins/vaa)",
                lang,
                ids=", ".join(left_out["graded"]),
            )
        )


def _names(project: Project, ids: Sequence[str]) -> str:
    return ", ".join(project.respondents_by_id[i].name for i in ids)


def warn_left_out_lists(
    project: Project, lists: Mapping[str, Sequence[str]], lang: str
) -> None:
    """One warning per reason lists were left out or marked (``lists``: reason -> ids)."""
    messages = {
        "not_running": "lists left out, withdrawn, merged or not solicited: {names}",
        "incomplete": (
            "lists left out, Mat-O-Wahl cannot show a missing answer: {names}; "
            "--option missing=neutral keeps them, each missing answer counted as neutral "
            "and said so"
        ),
        "counted_neutral": (
            "missing answers counted as neutral by Mat-O-Wahl, and said so in the list's "
            "explanation: {names}"
        ),
        "skipped": "missing answers exported as 'skip' (no position), with the reason: {names}",
        "silent": "lists left out, no published answer to any thesis: {names}",
    }
    for reason, message in messages.items():
        if lists.get(reason):
            _warn(say(message, lang, names=_names(project, lists[reason])))
