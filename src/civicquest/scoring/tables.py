"""Lookup tables built once per questionnaire: what each answer code is worth, per question.

An answer is encoded as a small integer (int8): ``0..K-1`` is the index of the chosen option in
its scale, negative codes are the missing cases (:data:`CASE_CODES`). ``points[q, code + SHIFT]``
and ``maximum[q, code + SHIFT]`` give what that answer adds to its theme's points and maximum.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models.questionnaire import Question, Questionnaire, Scale
from ..models.scoring import MISSING_CASES, MissingPolicy, ScoringConfig

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "CASE_BY_CODE",
    "CASE_CODES",
    "NEUTRAL",
    "SCORED_KINDS",
    "SHIFT",
    "ScoredQuestion",
    "ScoringTables",
    "build_tables",
    "case_of_code",
]

SCORED_KINDS = frozenset({"single_choice", "commitment", "position"})
NEUTRAL = 0.5
SHIFT = 8
CASE_CODES: dict[str, int] = {
    "no_reply": -1,
    "declined": -2,
    "skipped": -3,
    "not_applicable": -4,
    "outside_form": -5,
    "unscored_option": -6,
    "no_opinion": -7,
}
CASE_BY_CODE = {code: case for case, code in CASE_CODES.items()}


def case_of_code(code: int) -> str:
    """The case an answer code stands for: ``answered`` or a missing case."""
    return "answered" if code >= 0 else CASE_BY_CODE[code]


@dataclass(frozen=True, slots=True)
class ScoredQuestion:
    """A question that counts, with its effective weight and option scores."""

    id: str
    theme: str
    weight: float
    codes: tuple[str, ...]
    scores: tuple[float | None, ...]
    not_applicable: tuple[bool, ...]
    no_opinion: tuple[bool, ...] = ()

    def encode_choice(self, choice: str) -> int:
        """The answer code of the option ``choice``."""
        index = self.codes.index(choice)
        if self.not_applicable[index]:
            return CASE_CODES["not_applicable"]
        if self.no_opinion and self.no_opinion[index]:
            return CASE_CODES["no_opinion"]
        if self.scores[index] is None:
            return CASE_CODES["unscored_option"]
        return index


@dataclass(frozen=True)
class ScoringTables:
    """Everything the kernel needs, as numpy arrays."""

    questions: tuple[ScoredQuestion, ...]
    themes: tuple[str, ...]
    theme_weights: npt.NDArray[np.float64]
    points: npt.NDArray[np.float64]
    maximum: npt.NDArray[np.float64]
    membership: npt.NDArray[np.float64]
    policies: dict[str, MissingPolicy]

    @property
    def width(self) -> int:
        """Columns per question in ``points`` and ``maximum``."""
        return int(self.points.shape[1])


def build_tables(questionnaire: Questionnaire, config: ScoringConfig | None) -> ScoringTables:
    """Build the tables of ``questionnaire`` under ``config`` (defaults when none)."""
    import numpy as np

    config = config or ScoringConfig()
    scales = {scale.id: scale for scale in questionnaire.scales}
    questions = tuple(
        scored
        for question in questionnaire.questions
        if (scored := _scored(question, scales, config)) is not None
    )
    themes = tuple(theme.id for theme in questionnaire.themes)
    weights = [config.theme_weights.get(theme.id, theme.weight) for theme in questionnaire.themes]
    policies: dict[str, MissingPolicy] = {c: config.missing.policy(c) for c in MISSING_CASES}
    width = SHIFT + max((len(q.codes) for q in questions), default=0)
    points = np.zeros((len(questions), width))
    maximum = np.zeros((len(questions), width))
    membership = np.zeros((len(questions), len(themes)))
    for row, question in enumerate(questions):
        _fill_row(question, policies, points[row], maximum[row])
        membership[row, themes.index(question.theme)] = 1.0
    return ScoringTables(
        questions, themes, np.asarray(weights, dtype=np.float64), points, maximum, membership,
        policies,
    )  # fmt: skip


def _scored(
    question: Question, scales: dict[str, Scale], config: ScoringConfig
) -> ScoredQuestion | None:
    if question.kind not in SCORED_KINDS or not question.scored:
        return None
    scale = scales.get(getattr(question, "scale", ""))
    if scale is None:
        return None
    overrides = config.option_scores.get(scale.id, {})
    scores = tuple(overrides.get(option.code, option.score) for option in scale.options)
    if all(score is None for score in scores):
        return None
    return ScoredQuestion(
        id=question.id,
        theme=question.theme,
        weight=config.question_weights.get(question.id, question.weight),
        codes=tuple(option.code for option in scale.options),
        scores=scores,
        not_applicable=tuple(option.not_applicable for option in scale.options),
        no_opinion=tuple(option.neutral == "no_opinion" for option in scale.options),
    )


def _fill_row(
    question: ScoredQuestion,
    policies: dict[str, MissingPolicy],
    points: npt.NDArray[np.float64],
    maximum: npt.NDArray[np.float64],
) -> None:
    for index, score in enumerate(question.scores):
        if score is not None:
            points[SHIFT + index] = question.weight * score
            maximum[SHIFT + index] = question.weight
    for case, code in CASE_CODES.items():
        policy = policies.get(case, "exclude")
        if policy != "exclude":
            maximum[SHIFT + code] = question.weight
            points[SHIFT + code] = question.weight * (NEUTRAL if policy == "neutral" else 0.0)
