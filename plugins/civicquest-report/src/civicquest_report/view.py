"""What the pages show, computed once for both languages: the lists in the order the score
report publishes them, each with its status, its response and its answers, each answer with a
tone (how committed it is), shown as text, an icon and a colour together, never colour alone.

Nothing here is in words: templates say everything in the page's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from civicquest.models import (
    Answer,
    Competence,
    Project,
    Question,
    Respondent,
    Response,
    ScoreReport,
)

__all__ = ["STATUS_ICONS", "TONES", "AnswerView", "ListView", "ReportView", "build_view"]

#: tone → icon; the tone is also a CSS class (colour) and is always said in words as well
TONES: dict[str, str] = {
    "positive": "✔",
    "mixed": "◐",
    "negative": "✘",
    "neutral": "•",
    "not_applicable": "⊘",
    "no_answer": "–",
    "missing": "…",
    "withheld": "⊝",
}
#: status → icon (the status is always said in words too)
STATUS_ICONS: dict[str, str] = {
    "answered": "✔",
    "partial": "◐",
    "pending": "…",
    "declined": "✘",
    "outside_form": "✉",
    "not_solicited": "⊘",
    "withdrawn": "⇥",
    "merged": "⇢",
}
_POSITIVE, _MIXED = 0.6, 0.3


@dataclass(frozen=True, slots=True)
class AnswerView:
    """One list's answer to one question (``answer`` is None when there is none to show)."""

    question: Question
    answer: Answer | None
    tone: str

    @property
    def icon(self) -> str:
        return TONES[self.tone]


@dataclass(frozen=True, slots=True)
class ListView:
    """One candidate list as the site shows it."""

    respondent: Respondent
    response: Response | None
    withheld: bool
    rank: int | None
    score: float | None
    answers: tuple[AnswerView, ...]
    merged_into: Respondent | None
    by_question: dict[str, AnswerView]

    @property
    def id(self) -> str:
        return self.respondent.id

    @property
    def status(self) -> str:
        return self.respondent.status

    @property
    def answered(self) -> int:
        """How many questions it answered with a value."""
        return sum(1 for a in self.answers if a.answer is not None and a.answer.no_answer is None)

    @property
    def has_answers(self) -> bool:
        return any(a.answer is not None for a in self.answers)

    def answer_to(self, question_id: str) -> AnswerView:
        return self.by_question[question_id]


@dataclass(frozen=True, slots=True)
class ReportView:
    """Every list in publication order, with how that order was chosen."""

    lists: tuple[ListView, ...]
    order: str
    ranked: bool
    method: str
    seed: Any
    competences: tuple[str, ...]

    def list_by_id(self, respondent_id: str) -> ListView:
        return next(item for item in self.lists if item.id == respondent_id)


def build_view(project: Project, report: ScoreReport, withheld: frozenset[str]) -> ReportView:
    """The view of ``project`` in the order of ``report`` (then the lists it left out)."""
    scored = {item.respondent: item for item in report.lists}
    ordered = [item.respondent for item in report.lists]
    ordered += [item.respondent for item in report.unscored if item.respondent not in scored]
    ordered += [r.id for r in project.respondents if r.id not in set(ordered)]
    lists = tuple(
        _list_view(project, project.respondents_by_id[rid], scored.get(rid), withheld)
        for rid in ordered
        if rid in project.respondents_by_id
    )
    record = report.reproducibility
    return ReportView(
        lists=lists,
        order=report.order,
        ranked=report.ranked,
        method=record.method,
        seed=_seed(record.parameters),
        competences=_competences(project),
    )


def _list_view(
    project: Project, respondent: Respondent, scored: Any, withheld: frozenset[str]
) -> ListView:
    response = project.responses_by_respondent.get(respondent.id)
    is_withheld = respondent.id in withheld
    answers = tuple(
        _answer_view(project, question, response, is_withheld)
        for question in project.questionnaire.questions
    )
    merged = getattr(respondent, "merged_into", None)
    return ListView(
        respondent=respondent,
        response=response,
        withheld=is_withheld,
        rank=getattr(scored, "rank", None),
        score=getattr(scored, "score", None),
        answers=answers,
        merged_into=project.respondents_by_id.get(merged) if merged else None,
        by_question={a.question.id: a for a in answers},
    )


def _answer_view(
    project: Project, question: Question, response: Response | None, withheld: bool
) -> AnswerView:
    if withheld:
        return AnswerView(question, None, "withheld")
    answer = response.answers.get(question.id) if response is not None else None
    if answer is None:
        return AnswerView(question, None, "missing")
    return AnswerView(question, answer, answer_tone(project, question, answer))


def answer_tone(project: Project, question: Question, answer: Answer) -> str:
    """How committed an answer is, from its option's score (as ``scoring.yaml`` sets it)."""
    if answer.no_answer == "not_applicable":
        return "not_applicable"
    if answer.no_answer is not None:
        return "no_answer"
    scale_id = getattr(question, "scale", None)
    if answer.choice is None or scale_id not in project.scales_by_id:
        return "neutral"
    option = next(
        (o for o in project.scales_by_id[scale_id].options if o.code == answer.choice), None
    )
    if option is None:
        return "neutral"
    if option.not_applicable:
        return "not_applicable"
    overrides = project.scoring.option_scores.get(scale_id, {}) if project.scoring else {}
    score = overrides.get(option.code, option.score)
    if score is None:
        return "neutral"
    return "positive" if score >= _POSITIVE else "mixed" if score >= _MIXED else "negative"


def _seed(parameters: dict[str, Any]) -> Any:
    """The published seed of a draw by lot (the method's options hold it)."""
    options = parameters.get("options")
    if isinstance(options, dict) and options.get("seed") is not None:
        return options["seed"]
    return parameters.get("seed")


def _competences(project: Project) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for question in project.questionnaire.questions:
        for competence in question.competences:
            found[str(competence.value)] = None
    order = [str(c.value) for c in Competence]
    return tuple(sorted(found, key=lambda c: order.index(c) if c in order else len(order)))
