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
    """The lists compared, their answer codes, and the lists left out with the reason.

    ``communes`` holds the INSEE codes of the election's communes in the order declared, and
    ``commune_index[row]`` the position there of each compared list's commune: lists are ranked
    only against the lists of the same commune.
    """

    respondents: tuple[Respondent, ...]
    codes: npt.NDArray[np.int8]
    unscored: tuple[UnscoredList, ...]
    communes: tuple[str, ...] = ()
    commune_index: npt.NDArray[np.intp] | None = None


def encode_project(
    project: Project, tables: ScoringTables, *, include_unpublished: bool = False
) -> EncodedLists:
    """Encode every compared list of ``project``; lists that are not compared say why.

    A question restricted to some communes counts as ``not_applicable`` for the lists of the
    other communes, whatever they answered (the scoring policy then says what that is worth).
    """
    import numpy as np

    communes = tuple(project.communes_by_code)
    position = {code: i for i, code in enumerate(communes)}
    kept: list[Respondent] = []
    rows: list[list[int]] = []
    where: list[int] = []
    unscored: list[UnscoredList] = []
    for respondent in project.respondents:
        response = project.responses_by_respondent.get(respondent.id)
        commune = project.commune_of(respondent)
        reason = _left_out(respondent, response, include_unpublished)
        if reason is not None:
            unscored.append(_unscored(respondent, reason, commune))
            continue
        kept.append(respondent)
        rows.append(_row(respondent, response, tables.questions))
        where.append(position.get(commune or "", len(communes)))
    codes = np.array(rows, dtype=np.int8).reshape(len(rows), len(tables.questions))
    commune_index = np.array(where, dtype=np.intp)
    _not_asked(codes, commune_index, communes, tables, project.question_communes)
    return EncodedLists(tuple(kept), codes, tuple(unscored), communes, commune_index)


def _not_asked(
    codes: npt.NDArray[np.int8],
    commune_index: npt.NDArray[np.intp],
    communes: tuple[str, ...],
    tables: ScoringTables,
    restricted: dict[str, frozenset[str]],
) -> None:
    """Set ``not_applicable`` where a list's commune is not among its question's communes."""
    import numpy as np

    for column, question in enumerate(tables.questions):
        allowed = restricted.get(question.id)
        if allowed is None:
            continue
        asked = np.array([code in allowed for code in communes] + [False], dtype=np.bool_)
        codes[~asked[commune_index], column] = CASE_CODES["not_applicable"]


def _left_out(
    respondent: Respondent, response: Response | None, include_unpublished: bool
) -> str | None:
    if respondent.status in _NOT_COMPARED:
        return _NOT_COMPARED[respondent.status]
    if response is not None and not response.consent_to_publish and not include_unpublished:
        return "no_consent"
    return None


def _unscored(respondent: Respondent, reason: str, commune: str | None) -> UnscoredList:
    return UnscoredList.model_validate(
        {
            "respondent": respondent.id,
            "name": respondent.name,
            "status": respondent.status,
            "reason": reason,
            "commune": commune,
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
