"""The ``match_points`` section of ``scoring.yaml``: points tables for matching (``-m points``).

A points table says, for each answer a voter can give (rows) and each answer a list can give
(columns), how many points the list earns. The agreement is ``100 x points / maximum``, summed
over the questions the voter answered. See docs/matching.md.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import CivicModel, Identifier

__all__ = [
    "POINTS_PRESETS",
    "ImportanceFactors",
    "ListMissingRule",
    "MaximumRule",
    "PointsConfig",
    "PointsPreset",
    "PointsTable",
]

PointsPreset = Literal["wahl-o-mat", "oec-approve-partly-reject", "oec-hybrid", "svt"]
POINTS_PRESETS: tuple[PointsPreset, ...] = (
    "wahl-o-mat",
    "oec-approve-partly-reject",
    "oec-hybrid",
    "svt",
)
Points = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Factor = Annotated[float, Field(ge=0, allow_inf_nan=False)]
MaximumRule = Literal["row", "diagonal", "table"]


class PointsTable(CivicModel):
    """Points per (voter's option, list's option) for the questions of one scale."""

    points: dict[Identifier, dict[Identifier, Points]] = Field(
        description="Per option code the voter chose, per option code the list chose: points. "
        "Every usable option of the scale must appear, as a row and in every row."
    )
    maximum: MaximumRule | dict[Identifier, Points] = Field(
        default="row",
        description="The most a list can earn, given the voter's option: row (the highest "
        "points in the voter's row), diagonal (the points of the same answer, as SVT), "
        "table (the highest points of the whole table, as OpenElectionCompass), or a "
        "number per option code.",
    )


class ListMissingRule(CivicModel):
    """What a question the voter answered counts for when the list did not answer it."""

    points: Points = Field(default=0, description="Points the list earns (0: none).")
    maximum: Literal["answered", "exclude"] | Points = Field(
        default="answered",
        description="answered: the same maximum as if the list had answered (OpenElectionCompass); "
        "exclude: the question is left out for this list; a number: that maximum "
        "(SVT: 2.5).",
    )


class ImportanceFactors(CivicModel):
    """Multipliers of a question's points and maximum when it is marked important."""

    voter: Factor = Field(default=2, description="The voter marked the question important.")
    list: Factor = Field(default=1, description="The list marked its answer important.")
    both: Factor | None = Field(
        default=None, description="Both did (default: voter x list; SVT: 4)."
    )

    def factor(self, voter: bool, listed: bool) -> float:
        """The multiplier for a question marked important by the voter and/or the list."""
        if voter and listed:
            return self.voter * self.list if self.both is None else self.both
        return self.voter if voter else (self.list if listed else 1.0)


class PointsConfig(CivicModel):
    """A preset, and/or points tables per scale, with the rules for gaps and importance."""

    preset: PointsPreset | None = Field(
        default=None,
        description="A published rule: wahl-o-mat, oec-approve-partly-reject, oec-hybrid, svt. "
        "Its tables apply to scales with the right number of options; its gap and "
        "importance rules apply unless given here.",
    )
    tables: dict[Identifier, PointsTable] = Field(
        default_factory=dict, description="Per scale id: its points table (overrides the preset)."
    )
    list_missing: ListMissingRule | None = Field(
        default=None,
        description="A list's missing answer (default: the preset's, else 0 points "
        "out of the usual maximum).",
    )
    important: ImportanceFactors | None = Field(
        default=None,
        description="Importance factors (default: the preset's, else voter 2, list 1).",
    )
