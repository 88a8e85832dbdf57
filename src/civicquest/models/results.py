"""Results of scoring and matching: what was computed, from what, and how to redo it."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .base import CivicModel, Identifier
from .commitments import Pledge

__all__ = [
    "AnswerCase",
    "CommuneAnswers",
    "CommuneComparison",
    "Contribution",
    "ListMatch",
    "ListScore",
    "MatchReport",
    "Reproducibility",
    "ScoreReport",
    "ThemeMatch",
    "ThemeScore",
    "UnscoredList",
]

AnswerCase = Literal[
    "answered",
    "no_reply",
    "declined",
    "skipped",
    "not_applicable",
    "outside_form",
    "unscored_option",
    "no_opinion",
]
UnscoredReason = Literal[
    "not_solicited", "withdrawn", "merged", "no_consent", "no_response", "no_answers"
]


class Reproducibility(CivicModel):
    """Everything needed to compute the same numbers again."""

    questionnaire_id: Identifier
    questionnaire_version: str
    method: str
    parameters: dict[str, Any] = Field(default_factory=dict)
    civicquest_version: str


class Contribution(CivicModel):
    """What one question contributed to a list's score, or why it was left out."""

    question: Identifier
    theme: Identifier
    case: AnswerCase
    choice: Identifier | None = None
    value: float | None = Field(default=None, description="The score in [0, 1] used, if any.")
    weight: float
    points: float = Field(description="Added to the theme's points.")
    maximum: float = Field(description="Added to the theme's maximum (0 when excluded).")
    excluded: bool = False
    reason: str | None = Field(default=None, description="Why it counts as it does.")


class ThemeScore(CivicModel):
    """A list's score on one theme."""

    theme: Identifier
    score: float | None = Field(description="0-100, or none when every answer was excluded.")
    points: float
    maximum: float
    weight: float


class ListScore(CivicModel):
    """One list's scores, counts and breakdown."""

    respondent: Identifier
    name: str
    status: str
    score: float | None = Field(description="Overall 0-100 (theme-weighted), or none.")
    rank: int | None = Field(
        default=None, description="Rank among the lists of the same commune (never across)."
    )
    commune: str | None = Field(default=None, description="INSEE code of the list's commune.")
    themes: tuple[ThemeScore, ...] = ()
    levels: dict[str, int] = Field(
        default_factory=dict, description="Answers counted by option code or missing case."
    )
    breakdown: tuple[Contribution, ...] = ()
    commitments: int | None = Field(
        default=None, description="Questions the list commits to, under the pledge's options."
    )
    signatory: bool | None = Field(
        default=None,
        description="Whether the list signs the pact under its rule; none without a pledge.",
    )


class UnscoredList(CivicModel):
    """A list left out of the comparison, and why."""

    respondent: Identifier
    name: str
    status: str
    reason: UnscoredReason
    commune: str | None = Field(default=None, description="INSEE code of the list's commune.")


class ScoreReport(CivicModel):
    """The outcome of a scoring method over a project."""

    reproducibility: Reproducibility
    ranked: bool = Field(description="False when the method publishes without ranking.")
    order: str = Field(
        description="How ``lists`` are ordered within each commune (communes in the order the "
        "questionnaire declares them): score, alphabetical or lot."
    )
    themes: tuple[Identifier, ...]
    lists: tuple[ListScore, ...]
    unscored: tuple[UnscoredList, ...] = ()
    pledge: Pledge | None = Field(
        default=None, description="The signatory rule the 'signatory' fields follow, if any."
    )


class ThemeMatch(CivicModel):
    """Agreement with a list on one theme."""

    theme: Identifier
    agreement: float | None = Field(description="0-100, or none if the voter skipped it all.")


class ListMatch(CivicModel):
    """A voter's agreement with one list."""

    respondent: Identifier
    name: str
    agreement: float = Field(description="0-100.")
    rank: int = Field(description="1 + the number of lists with a strictly higher agreement.")
    tied: bool = Field(
        default=False, description="Another list has exactly the same agreement (shown '=rank')."
    )
    themes: tuple[ThemeMatch, ...] = ()
    missing: tuple[Identifier, ...] = Field(
        default=(), description="Questions the voter answered and the list did not (imputed)."
    )


class MatchReport(CivicModel):
    """A voter's agreement with every list, best first."""

    reproducibility: Reproducibility
    questions: tuple[Identifier, ...] = Field(description="Questions the voter answered.")
    important: tuple[Identifier, ...] = ()
    lists: tuple[ListMatch, ...]
    unmatched: tuple[UnscoredList, ...] = ()


class CommuneAnswers(CivicModel):
    """How the compared lists of one commune answered one question shared by every commune."""

    commune: str = Field(description="INSEE code of the commune.")
    question: Identifier
    lists: int = Field(description="Compared lists of the commune.")
    counts: dict[str, int] = Field(
        description="Lists by option code, or by missing case ('missing:no_reply'...)."
    )


class CommuneComparison(CivicModel):
    """Answers compared across communes on the questions asked in every commune; no score and
    no rank: lists of different communes are never ranked together."""

    reproducibility: Reproducibility
    communes: tuple[str, ...] = Field(description="INSEE codes, in the order declared.")
    questions: tuple[Identifier, ...] = Field(description="The questions asked everywhere.")
    rows: tuple[CommuneAnswers, ...]
