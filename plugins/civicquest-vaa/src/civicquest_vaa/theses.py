"""civicquest's questions as three-way theses, and each list's stance on them.

Voting advice applications (Mat-O-Wahl, OpenElectionCompass) know one kind of question: a thesis a
party agrees with, is neutral on, or disagrees with. This module decides, once for both exporters,
which questions become theses, how each option maps to a position, and, for every list and thesis,
the position — or why there is none (never a silent neutral).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from civicquest.models import Project, Question, Response
from civicquest.plugins import UsageError, answer_label, text_of

__all__ = [
    "GRADED_RULES",
    "Graded",
    "Position",
    "Stance",
    "Thesis",
    "running",
    "stances",
    "statement",
    "theses",
    "thesis_of",
]

Position = Literal["agree", "neutral", "disagree"]
Graded = Literal["leave_out", "partial", "thirds"]
GRADED_RULES: tuple[str, ...] = ("leave_out", "partial", "thirds")

#: kinds a single scored option answers; the others (several options, text, a number) cannot map
_SINGLE_CHOICE_KINDS = frozenset({"single_choice", "commitment", "position"})
#: scores that mean agree / neutral / disagree without any rule
_NATIVE: dict[float, Position] = {1.0: "agree", 0.5: "neutral", 0.0: "disagree"}
#: statuses of lists no longer on the ballot, or never asked: never shown as candidates
_NOT_RUNNING = frozenset({"withdrawn", "merged", "not_solicited"})


@dataclass(frozen=True, slots=True)
class Thesis:
    """A question exported as a thesis: its option codes mapped to positions."""

    question: Question
    positions: Mapping[str, Position]


@dataclass(frozen=True, slots=True)
class Stance:
    """A list's stance on a thesis: a position, or the reason (``missing``) there is none.

    ``label`` is the option the list chose, in the export's language (the voter sees it next to
    the position, so a graded answer is never flattened out of sight).
    """

    position: Position | None
    label: str | None = None
    comment: str | None = None
    missing: str | None = None


def _graded_position(score: float, rule: Graded) -> Position | None:
    if score in _NATIVE:
        return _NATIVE[score]
    if rule == "partial":  # anything between none and all is a partial commitment
        return "neutral"
    if rule == "thirds":
        return "agree" if score >= 0.66 else "disagree" if score <= 0.34 else "neutral"
    return None


def thesis_of(project: Project, question: Question, rule: Graded) -> Thesis | str:
    """``question`` as a thesis, or why it cannot be one (``"kind"`` or ``"graded"``)."""
    scale = project.scales_by_id.get(getattr(question, "scale", ""))
    if question.kind not in _SINGLE_CHOICE_KINDS or scale is None:
        return "kind"
    positions: dict[str, Position] = {}
    for option in scale.options:
        if option.score is None or option.not_applicable:
            continue  # chosen, it is a missing position, said as such
        position = _graded_position(option.score, rule)
        if position is None:
            return "graded"
        positions[option.code] = position
    if not positions:
        return "kind"
    return Thesis(question=question, positions=positions)


def theses(
    project: Project, rule: Graded, only: tuple[str, ...] = ()
) -> tuple[list[Thesis], dict[str, list[str]]]:
    """The theses in questionnaire order, and the ids left out by reason (``kind``, ``graded``).

    ``only`` restricts the export to these question ids (in the questionnaire's order).
    """
    unknown = sorted(set(only) - set(project.questions_by_id))
    if unknown:
        known = ", ".join(project.questions_by_id)
        raise UsageError(
            f"unknown question ids in --option questions: {', '.join(unknown)} (known: {known})"
        )
    kept: list[Thesis] = []
    left_out: dict[str, list[str]] = {"kind": [], "graded": []}
    for question in project.questionnaire.questions:
        if only and question.id not in only:
            continue
        thesis = thesis_of(project, question, rule)
        if isinstance(thesis, Thesis):
            kept.append(thesis)
        else:
            left_out[thesis].append(question.id)
    return kept, left_out


def running(project: Project) -> tuple[list[str], list[str]]:
    """Ids of the lists a voter can still vote for (and the coalition asked), and the others."""
    shown = [r.id for r in project.respondents if r.status not in _NOT_RUNNING]
    hidden = [r.id for r in project.respondents if r.status in _NOT_RUNNING]
    return shown, hidden


def _stance(
    project: Project, thesis: Thesis, response: Response | None, withheld: bool, lang: str
) -> Stance:
    if response is None:
        return Stance(position=None, missing="no_response")
    if withheld:
        return Stance(position=None, missing="withheld")
    answer = response.answers.get(thesis.question.id)
    if answer is None:
        return Stance(position=None, missing="unanswered")
    label = answer_label(project, thesis.question, answer, lang)
    if answer.no_answer is not None:
        return Stance(position=None, label=label, comment=answer.comment, missing=answer.no_answer)
    position = thesis.positions.get(answer.choice or "")
    missing = None if position is not None else "not_applicable"
    return Stance(position=position, label=label, comment=answer.comment, missing=missing)


def stances(
    project: Project, thesis_list: list[Thesis], respondent: str, withheld: bool, lang: str
) -> list[Stance]:
    """The stance of list ``respondent`` on each thesis."""
    response = project.responses_by_respondent.get(respondent)
    return [_stance(project, t, response, withheld, lang) for t in thesis_list]


def statement(project: Project, thesis: Thesis, lang: str) -> str:
    """The thesis as the voter reads it."""
    return text_of(project, thesis.question.text, lang)
