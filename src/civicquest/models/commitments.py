"""Richer commitments: the number an answer carries, and the rule for signing a pact."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import CivicModel, Identifier, LocalizedText

__all__ = ["AmountSpec", "NeutralKind", "Pledge"]

NeutralKind = Literal["position", "no_opinion"]
"""What a neutral option means: a position ('neutre', counted in the middle) or no opinion
('ne se prononce pas', counted as a missing answer under the scoring policy ``no_opinion``)."""


class AmountSpec(CivicModel):
    """The number a commitment carries next to its level (a budget, a count of places...)."""

    label: LocalizedText | None = Field(default=None, description="What the number is.")
    unit: LocalizedText = Field(description="Its unit, e.g. {fr: '€ par an', en: '€ a year'}.")
    minimum: float | None = Field(default=None, allow_inf_nan=False)
    maximum: float | None = Field(default=None, allow_inf_nan=False)
    integer: bool = False
    expected_with: tuple[Identifier, ...] = Field(
        default=(),
        description="Option codes whose answers must carry the amount (a warning when absent).",
    )


class Pledge(CivicModel):
    """The signatory rule of a pact: a list signs when it commits to enough measures."""

    title: LocalizedText | None = Field(default=None, description="The pact's name.")
    min_commitments: int = Field(
        ge=1, description="A list signs when it commits to at least this many questions."
    )
    options: tuple[Identifier, ...] = Field(
        min_length=1, description="Option codes that count as a commitment (e.g. levels 1-3)."
    )
    questions: tuple[Identifier, ...] | None = Field(
        default=None,
        description="The questions that count (default: every question whose scale has one of "
        "the options).",
    )
    required: tuple[Identifier, ...] = Field(
        default=(),
        description="Questions a signatory must commit to whatever its count (e.g. principles).",
    )
