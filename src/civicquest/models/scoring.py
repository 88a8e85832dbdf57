"""The scoring configuration of a project: ``scoring.yaml`` (optional).

Every field has a default that a humanitarian coalition would choose; ``scoring.yaml`` only says
where a coalition chooses differently. See docs/scoring.md.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import CivicModel, Identifier, Weight
from .match_points import PointsConfig
from .match_tables import MatchChoice

__all__ = ["MISSING_CASES", "MissingCase", "MissingPolicy", "MissingRules", "ScoringConfig"]

MissingPolicy = Literal["exclude", "zero", "neutral"]
MissingCase = Literal[
    "no_reply", "declined", "skipped", "not_applicable", "outside_form", "no_opinion"
]
MISSING_CASES: tuple[MissingCase, ...] = (
    "no_reply",
    "declined",
    "skipped",
    "not_applicable",
    "outside_form",
    "no_opinion",
)
OptionScore = Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]

_POLICY_HELP = (
    "exclude: left out of both the points and the maximum; zero: counts as no commitment "
    "(0 points out of the question's weight); neutral: counts as half the points (score 0.5)."
)


class MissingRules(CivicModel):
    """What a missing answer counts for, case by case."""

    no_reply: MissingPolicy = Field(
        default="zero",
        description="The list has not answered at all (status pending). " + _POLICY_HELP,
    )
    declined: MissingPolicy = Field(
        default="zero",
        description="The list declined the questionnaire, or this question "
        "(no_answer: declined). " + _POLICY_HELP,
    )
    skipped: MissingPolicy = Field(
        default="zero",
        description="The list answered the form but left this question out "
        "(absent, or no_answer: skipped). " + _POLICY_HELP,
    )
    not_applicable: MissingPolicy = Field(
        default="exclude",
        description="Not applicable / outside the commune's competence (no_answer: "
        "not_applicable, or an option marked not_applicable). " + _POLICY_HELP,
    )
    outside_form: MissingPolicy = Field(
        default="zero",
        description="The list answered outside the form (letter, meeting) and its answer "
        "says nothing on this question. " + _POLICY_HELP,
    )

    no_opinion: MissingPolicy = Field(
        default="exclude",
        description="The list chose an option marked 'neutral: no_opinion' (e.g. 'ne se "
        "prononce pas'). " + _POLICY_HELP + " Matching: exclude counts it as a skipped "
        "question, neutral as the scale's 'neutral: position' option, zero as its last option.",
    )

    def policy(self, case: MissingCase) -> MissingPolicy:
        """The policy for ``case``."""
        value: MissingPolicy = getattr(self, case)
        return value


class ScoringConfig(CivicModel):
    """The content of ``scoring.yaml``: overrides of the questionnaire's scores and weights."""

    questionnaire: Identifier | None = Field(
        default=None, description="Id of the questionnaire this configuration is for."
    )
    option_scores: dict[Identifier, dict[Identifier, OptionScore]] = Field(
        default_factory=dict,
        description="Per scale id, per option code: the score in [0, 1] (overrides the scale's).",
    )
    question_weights: dict[Identifier, Weight] = Field(
        default_factory=dict, description="Per question id: its weight (overrides the question's)."
    )
    theme_weights: dict[Identifier, Weight] = Field(
        default_factory=dict, description="Per theme id: its weight in the overall score."
    )
    missing: MissingRules = Field(
        default_factory=MissingRules, description="What each kind of missing answer counts for."
    )
    match_points: PointsConfig | None = Field(
        default=None,
        description="Points tables for the 'points' matching method (civicquest match -m points).",
    )
    match_methods: tuple[MatchChoice, ...] = Field(
        default=(),
        description="The matching methods the voter page publishes, first shown first "
        "(default: the default method of civicquest match, wahl-o-mat).",
    )
