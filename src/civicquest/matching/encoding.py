"""Encode answers for matching: level indices (int8, -1 = no answer) and importance flags."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models.project import Project
from ..models.questionnaire import Questionnaire, Scale
from ..models.respondents import Respondent
from ..models.responses import Answer
from ..models.results import UnscoredList
from ..models.scoring import MissingPolicy, ScoringConfig
from ..models.voter import VoterAnswers

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "MATCHED_KINDS",
    "EncodedVoters",
    "MatchQuestion",
    "encode_list_importance",
    "encode_lists",
    "encode_voter",
    "match_questions",
]

MATCHED_KINDS = frozenset({"single_choice", "commitment", "position"})
_NOT_MATCHED = {"not_solicited", "withdrawn", "merged"}


@dataclass(frozen=True, slots=True)
class MatchQuestion:
    """A question voters and lists can be compared on: its usable options, in scale order,
    its scale's id and its weight (the question's, or scoring.yaml's ``question_weights``)."""

    id: str
    theme: str
    codes: tuple[str, ...]
    scale: str = ""
    weight: float = 1.0
    equivalents: tuple[tuple[str, int], ...] = ()

    @property
    def levels(self) -> int:
        return len(self.codes)

    def level(self, answer: Answer | None) -> int:
        """The level index of ``answer``, or -1 when it gives no usable option.

        An option left out of ``codes`` but in ``equivalents`` (a 'no opinion' option) counts
        as the level given there (-1: as a skipped question).
        """
        if answer is None or answer.choice is None:
            return -1
        if answer.choice in self.codes:
            return self.codes.index(answer.choice)
        return dict(self.equivalents).get(answer.choice, -1)


@dataclass(frozen=True)
class EncodedVoters:
    """Voters' levels (rows x questions, -1 = skipped) and importance flags."""

    levels: npt.NDArray[np.int8]
    important: npt.NDArray[np.bool_]


def match_questions(
    questionnaire: Questionnaire, scoring: ScoringConfig | None = None
) -> tuple[MatchQuestion, ...]:
    """The questions of kinds single_choice, commitment and position with 2+ usable options.

    A question's weight is scoring.yaml's ``question_weights`` entry if any, else its own.
    """
    scales = {scale.id: scale for scale in questionnaire.scales}
    overrides = scoring.question_weights if scoring is not None else {}
    policy = scoring.missing.no_opinion if scoring is not None else "exclude"
    found = []
    for question in questionnaire.questions:
        scale = scales.get(getattr(question, "scale", ""))
        if question.kind not in MATCHED_KINDS or scale is None:
            continue
        codes = tuple(
            o.code for o in scale.options if not o.not_applicable and o.neutral != "no_opinion"
        )
        if len(codes) >= 2:
            weight = overrides.get(question.id, question.weight)
            equivalents = _no_opinion_levels(scale, codes, policy)
            found.append(
                MatchQuestion(question.id, question.theme, codes, scale.id, weight, equivalents)
            )
    return tuple(found)


def _no_opinion_levels(
    scale: Scale, codes: tuple[str, ...], policy: MissingPolicy
) -> tuple[tuple[str, int], ...]:
    """Where a 'no opinion' option counts, per the policy ``missing.no_opinion``: as a skipped
    question (exclude, -1), as the scale's neutral position (neutral; -1 when it has none), or
    as its last, least committed option (zero)."""
    neutral = [i for i, code in enumerate(codes) for o in scale.options
               if o.code == code and o.neutral == "position"]  # fmt: skip
    level = {"exclude": -1, "neutral": neutral[0] if neutral else -1, "zero": len(codes) - 1}
    return tuple((o.code, level[policy]) for o in scale.options if o.neutral == "no_opinion")


def encode_voter(voter: VoterAnswers, questions: tuple[MatchQuestion, ...]) -> EncodedVoters:
    """One voter as a 1-row matrix; skipped or unusable answers are -1."""
    import numpy as np

    levels = [_voter_level(voter.answers.get(q.id), q) for q in questions]
    important = [bool(getattr(voter.answers.get(q.id), "important", False)) for q in questions]
    return EncodedVoters(
        np.array([levels], dtype=np.int8).reshape(1, len(questions)),
        np.array([important], dtype=np.bool_).reshape(1, len(questions)),
    )


def _voter_level(answer: Answer | None, question: MatchQuestion) -> int:
    if answer is None or getattr(answer, "skip", False):
        return -1
    return question.level(answer)


def encode_lists(
    project: Project, questions: tuple[MatchQuestion, ...], *, include_unpublished: bool = False
) -> tuple[tuple[Respondent, ...], npt.NDArray[np.int8], tuple[UnscoredList, ...]]:
    """The lists that can be matched, their levels, and the others with why.

    A list whose response gives no usable answer to any of ``questions`` is left out
    (reason ``no_answers``): every comparison with it would be imputed.
    """
    import numpy as np

    kept: list[Respondent] = []
    rows: list[list[int]] = []
    left: list[UnscoredList] = []
    for respondent in project.respondents:
        response = project.responses_by_respondent.get(respondent.id)
        reason = _reason(respondent, response is not None)
        if reason is None and response is not None and not response.consent_to_publish:
            reason = None if include_unpublished else "no_consent"
        if reason is not None or response is None:
            left.append(_left(respondent, reason or "no_response"))
            continue
        row = [q.level(response.answers.get(q.id)) for q in questions]
        if questions and max(row) < 0:
            left.append(_left(respondent, "no_answers"))
            continue
        kept.append(respondent)
        rows.append(row)
    levels = np.array(rows, dtype=np.int8).reshape(len(rows), len(questions))
    return tuple(kept), levels, tuple(left)


def encode_list_importance(
    project: Project, lists: tuple[Respondent, ...], questions: tuple[MatchQuestion, ...]
) -> npt.NDArray[np.bool_]:
    """Lists x questions: whether the list marked its answer ``important: true``."""
    import numpy as np

    flags = [
        [bool(getattr(_answers(project, r).get(q.id), "important", False)) for q in questions]
        for r in lists
    ]
    return np.array(flags, dtype=np.bool_).reshape(len(lists), len(questions))


def _answers(project: Project, respondent: Respondent) -> dict[str, Answer]:
    response = project.responses_by_respondent.get(respondent.id)
    return response.answers if response is not None else {}


def _reason(respondent: Respondent, has_response: bool) -> str | None:
    if respondent.status in _NOT_MATCHED:
        return respondent.status
    return None if has_response else "no_response"


def _left(respondent: Respondent, reason: str) -> UnscoredList:
    return UnscoredList.model_validate(
        {"respondent": respondent.id, "name": respondent.name, "status": respondent.status,
         "reason": reason}
    )  # fmt: skip
