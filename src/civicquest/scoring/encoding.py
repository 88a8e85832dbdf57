"""Encode a project's responses once, as a matrix of answer codes (lists x scored questions)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models.project import Project
from ..models.respondents import Respondent
from ..models.responses import Answer, Response
from ..models.results import UnscoredList
from .tables import CASE_CODES, ScoredQuestion, ScoringTables

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["EncodedLists", "encode_project", "encode_response"]

_NOT_COMPARED = {"not_solicited": "not_solicited", "withdrawn": "withdrawn", "merged": "merged"}
_WITHOUT_RESPONSE = {"pending": "no_reply", "declined": "declined", "outside_form": "outside_form"}
_NO_ANSWER_CASE = {"skipped": "skipped", "declined": "declined", "not_applicable": "not_applicable"}


@dataclass(frozen=True)
class EncodedLists:
    """The lists compared, their answer codes, and the lists left out with the reason."""

    respondents: tuple[Respondent, ...]
    codes: npt.NDArray[np.int8]
    unscored: tuple[UnscoredList, ...]


def encode_project(
    project: Project, tables: ScoringTables, *, include_unpublished: bool = False
) -> EncodedLists:
    """Encode every compared list of ``project``; lists that are not compared say why."""
    import numpy as np

    kept: list[Respondent] = []
    rows: list[list[int]] = []
    unscored: list[UnscoredList] = []
    for respondent in project.respondents:
        response = project.responses_by_respondent.get(respondent.id)
        reason = _left_out(respondent, response, include_unpublished)
        if reason is not None:
            unscored.append(_unscored(respondent, reason))
            continue
        kept.append(respondent)
        rows.append(_row(respondent, response, tables.questions))
    codes = np.array(rows, dtype=np.int8).reshape(len(rows), len(tables.questions))
    return EncodedLists(tuple(kept), codes, tuple(unscored))


def _left_out(
    respondent: Respondent, response: Response | None, include_unpublished: bool
) -> str | None:
    if respondent.status in _NOT_COMPARED:
        return _NOT_COMPARED[respondent.status]
    if response is not None and not response.consent_to_publish and not include_unpublished:
        return "no_consent"
    return None


def _unscored(respondent: Respondent, reason: str) -> UnscoredList:
    return UnscoredList.model_validate(
        {
            "respondent": respondent.id,
            "name": respondent.name,
            "status": respondent.status,
            "reason": reason,
        }
    )


def _row(
    respondent: Respondent, response: Response | None, questions: tuple[ScoredQuestion, ...]
) -> list[int]:
    if response is None:
        code = CASE_CODES[_WITHOUT_RESPONSE.get(respondent.status, "no_reply")]
        return [code] * len(questions)
    outside = respondent.status == "outside_form" or response.channel != "form"
    return encode_response(response, questions, absent="outside_form" if outside else "skipped")


def encode_response(
    response: Response, questions: tuple[ScoredQuestion, ...], *, absent: str = "skipped"
) -> list[int]:
    """The answer code of each scored question in ``response``; ``absent`` for missing ones."""
    return [_code(response.answers.get(q.id), q, absent) for q in questions]


def _code(answer: Answer | None, question: ScoredQuestion, absent: str) -> int:
    if answer is None:
        return CASE_CODES[absent]
    if answer.no_answer is not None:
        return CASE_CODES[_NO_ANSWER_CASE[answer.no_answer]]
    if answer.choice is None or answer.choice not in question.codes:
        return CASE_CODES[absent]
    return question.encode_choice(answer.choice)
