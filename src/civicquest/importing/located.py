"""Rejections located in the imported file: an issue of the checks, moved from the response
it was found in to the file, sheet, row and column the value came from, with a suggestion."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models.project import Project
from ..models.responses import Answer
from ..plugins import (
    Rejected,
    SourceRef,
    closest,
    format_number,
    match_option,
    normalise_label,
    option_labels,
)
from ..validation.issues import Issue

__all__ = ["answer_shown", "rejected_from_issue", "rejected_here", "resolve_list"]

_VALUE_FIELDS = ("choice", "choices", "text", "number", "no_answer")


def answer_shown(raw: Any) -> str:
    """An imported answer (a mapping or an :class:`Answer`) as one value for the report."""
    if isinstance(raw, Answer):
        raw = raw.model_dump(mode="json", exclude_none=True)
    if not isinstance(raw, Mapping):
        return "" if raw is None else str(raw)
    for name in _VALUE_FIELDS:
        value = raw.get(name)
        if value is None:
            continue
        if isinstance(value, list | tuple):
            return "|".join(str(item) for item in value)
        if isinstance(value, float):
            return format_number(value)
        return str(value)
    return ""


def rejected_here(code: str, source: SourceRef, value: str, lang: str, **params: Any) -> Rejected:
    """A rejection with one of civicquest's own codes."""
    return rejected_from_issue(Issue(code, params=params), source, value, lang)


def rejected_from_issue(
    issue: Issue,
    source: SourceRef,
    value: str,
    lang: str,
    project: Project | None = None,
    question_id: str | None = None,
) -> Rejected:
    """``issue`` (found in a response built from the file) as a rejection at ``source``."""
    message = issue.message(lang)
    if issue.path:
        message = f"{issue.path}: {message}"
    return Rejected(
        source=source,
        value=value,
        code=issue.code,
        message=message,
        hint=issue.hint(lang),
        suggestion=_suggestion(issue, value, project, question_id),
    )


def _suggestion(
    issue: Issue, value: str, project: Project | None, question_id: str | None
) -> str | None:
    """The closest question id, or option code (a label given instead of a code included)."""
    if project is None or question_id is None:
        return None
    if issue.code == "unknown_question":
        return closest(question_id, project.questions_by_id)
    given = issue.params.get("code") if issue.code == "unknown_option" else value
    if not isinstance(given, str) or not issue.path.endswith(("choice", "choices", "]")):
        return None
    try:
        labels = option_labels(project, question_id)
    except (KeyError, ValueError):
        return None
    found = match_option(given, labels)
    return found.code or found.suggestion


def resolve_list(
    project: Project, given: Any, source: SourceRef, lang: str
) -> tuple[str | None, Rejected | None]:
    """The id of the list ``given`` names (its id, or its name written loosely), or the
    rejection of an unknown list with the closest id as a suggestion."""
    by_id = project.respondents_by_id
    if isinstance(given, str) and given in by_id:
        return given, None
    wanted = normalise_label(str(given or ""))
    for respondent in project.respondents:
        if wanted and wanted in (normalise_label(respondent.id), normalise_label(respondent.name)):
            return respondent.id, None
    words = {r.id: r.id for r in project.respondents} | {r.name: r.id for r in project.respondents}
    nearest = closest(str(given or ""), words)
    suggestion = words[nearest] if nearest is not None else None
    shown = "" if given is None else str(given)
    suggested = f" → {suggestion}" if suggestion else ""
    refusal = rejected_here(
        "import_unknown_list", source, shown, lang, respondent=shown, suggested=suggested
    )
    return None, Rejected(
        source=refusal.source,
        value=refusal.value,
        code=refusal.code,
        message=refusal.message,
        hint=refusal.hint,
        suggestion=suggestion,
    )
