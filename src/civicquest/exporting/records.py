"""Tidy tables: one flat row per answer, one per (list, theme) score.

Rows are plain dicts with the same keys in the same order, which ``pandas.DataFrame(rows)``,
``csv.DictWriter`` or a spreadsheet take as they are (pandas is not needed by civicquest).
"""

from __future__ import annotations

from typing import Any

from ..models.project import Project
from ..models.responses import Response
from ..models.results import ListScore, ScoreReport, ThemeScore
from ..plugins._helpers import answer_label, answered_wording

__all__ = ["ANSWER_COLUMNS", "SCORE_COLUMNS", "answer_records", "score_records"]

ANSWER_COLUMNS = (
    "respondent",
    "list_name",
    "consent_to_publish",
    "question",
    "theme",
    "kind",
    "choice",
    "label",
    "text",
    "number",
    "no_answer",
    "comment",
    "evidence",
    "wording_version",
    "wording",
)
SCORE_COLUMNS = (
    "respondent",
    "list_name",
    "status",
    "method",
    "rank",
    "score",
    "theme",
    "theme_score",
    "points",
    "maximum",
    "weight",
)


def answer_records(project: Project, lang: str = "fr") -> list[dict[str, Any]]:
    """One row per answer of every response, in the lists' and the answers' order.

    ``choice`` is the option code (for a multiple choice, the codes joined by ``|``), ``label``
    what a reader sees in ``lang`` (option labels, the text, the number, or why there is none),
    ``evidence`` the number of sources; ``wording_version`` and ``wording`` the earlier version
    the list answered and its text of the question, when it differs from today's (else None,
    see :func:`civicquest.plugins.answered_wording`). No publication rule is applied: filter on
    ``consent_to_publish`` before publishing.
    """
    rows = []
    names = {respondent.id: respondent.name for respondent in project.respondents}
    questions = project.questions_by_id
    for response in project.responses:
        for question_id, answer in response.answers.items():
            question = questions.get(question_id)
            choice = answer.choice
            if answer.choices is not None:
                choice = "|".join(answer.choices)
            rows.append(
                {
                    "respondent": response.respondent,
                    "list_name": names.get(response.respondent, response.respondent),
                    "consent_to_publish": response.consent_to_publish,
                    "question": question_id,
                    "theme": question.theme if question else None,
                    "kind": question.kind if question else None,
                    "choice": choice,
                    "label": answer_label(project, question, answer, lang) if question else None,
                    "text": answer.text,
                    "number": answer.number,
                    "no_answer": answer.no_answer,
                    "comment": answer.comment,
                    "evidence": len(answer.evidence),
                    **_wording(project, response, question_id, lang),
                }
            )
    return rows


def _wording(
    project: Project, response: Response, question_id: str, lang: str
) -> dict[str, str | None]:
    found = answered_wording(project, response, question_id, lang)
    return {"wording_version": found[0] if found else None, "wording": found[1] if found else None}


def score_records(report: ScoreReport) -> list[dict[str, Any]]:
    """One row per (list, theme) score, in the report's order; ``score`` is the overall score.

    A list the method gives no theme score (``levels``, ``unranked``) still has one row, with
    ``theme`` None. Lists left out of the comparison are in ``report.unscored``, not here.
    """
    method = report.reproducibility.method
    rows = []
    for item in report.lists:
        themes: tuple[ThemeScore | None, ...] = item.themes or (None,)
        rows += [_score_row(item, method, theme) for theme in themes]
    return rows


def _score_row(item: ListScore, method: str, theme: ThemeScore | None) -> dict[str, Any]:
    return {
        "respondent": item.respondent,
        "list_name": item.name,
        "status": item.status,
        "method": method,
        "rank": item.rank,
        "score": item.score,
        "theme": theme.theme if theme else None,
        "theme_score": theme.score if theme else None,
        "points": theme.points if theme else None,
        "maximum": theme.maximum if theme else None,
        "weight": theme.weight if theme else None,
    }
