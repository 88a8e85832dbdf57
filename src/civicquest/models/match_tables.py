"""Matching tables: everything a browser needs to compute ``civicquest match`` by itself.

The tables hold the engine's own numbers (answer positions, weights, resolved points tables,
importance factors, the order of names for ties), never formulas: a port of the per-question
loop (``civicquest-match.js``) adds them up exactly as the engine does. See docs/matching.md,
"La page de l'électeur / The voter page".
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import CivicModel, Identifier
from .match_points import PointsPreset
from .results import Reproducibility, UnscoredList

__all__ = [
    "MATCH_METHOD_NAMES",
    "ImportanceTable",
    "MatchChoice",
    "MatchMethodName",
    "MatchingTables",
    "MethodTables",
    "QuestionPointsTable",
    "TableList",
    "TableQuestion",
]

MatchMethodName = Literal["wahl-o-mat", "city-block", "euclidean", "directional", "points"]
MATCH_METHOD_NAMES: tuple[MatchMethodName, ...] = (
    "wahl-o-mat",
    "city-block",
    "euclidean",
    "directional",
    "points",
)


class MatchChoice(CivicModel):
    """A matching method and its options, as ``civicquest match`` takes them."""

    method: MatchMethodName = Field(default="wahl-o-mat", description="As ``--method``.")
    missing: Literal["max", "neutral"] = Field(
        default="max", description="A list's missing answer, as ``--missing`` (distance methods)."
    )
    points: PointsPreset | None = Field(
        default=None,
        description="A published points table, as ``--points`` (implies method points); "
        "without it, method points reads match_points in scoring.yaml.",
    )
    empty_voter: Literal["error", "zero"] = Field(
        default="error", description="A voter with no answer, as ``--empty-voter``."
    )

    @property
    def key(self) -> str:
        """A short name: ``wahl-o-mat``, ``city-block/neutral``, ``points/svt``, and
        ``/zero`` when a voter with no answer gets 0 %."""
        method = "points" if self.points is not None else self.method
        if method == "points":
            key = f"points/{self.points}" if self.points else "points/scoring.yaml"
        else:
            key = method if self.missing == "max" else f"{method}/{self.missing}"
        return key + "/zero" if self.empty_voter == "zero" else key


class TableQuestion(CivicModel):
    """A question voters and lists are compared on (the engine's ``MatchQuestion``)."""

    id: Identifier
    theme: Identifier
    scale: Identifier
    codes: tuple[Identifier, ...] = Field(
        description="The usable options, in scale order (not-applicable options left out)."
    )
    positions: tuple[float, ...] = Field(
        description="Where each option sits, from +0.5 (first) to -0.5 (last): the engine's "
        "``positions``."
    )
    weight: float = Field(description="The question's weight (or scoring.yaml's override).")
    equivalents: dict[Identifier, int] = Field(
        default_factory=dict,
        description="Options left out of ``codes`` that count as another: 'no opinion' options, "
        "as the index given (-1: as a skipped question), per scoring.yaml's missing.no_opinion.",
    )


class TableList(CivicModel):
    """A list that can be matched, with its answers as option indices."""

    respondent: Identifier
    name: str
    order: int = Field(
        description="The list's place in the collation of names, then ids: the order of lists "
        "with exactly equal agreements."
    )
    levels: tuple[int, ...] = Field(
        description="Per question (in ``questions`` order): the index of the list's option in "
        "``codes``, or -1 when the list gave no usable answer (missing)."
    )
    important: tuple[bool, ...] = Field(
        default=(),
        description="Per question: the list marked its answer important (points methods only; "
        "empty when no published method uses it).",
    )


class QuestionPointsTable(CivicModel):
    """One question's points rule, resolved by the engine (``PointsRule.for_question``)."""

    points: tuple[tuple[float, ...], ...] = Field(
        description="points[voter's index][list's index]."
    )
    maximum: tuple[float, ...] = Field(description="Per voter's index: the most a list can earn.")
    missing_points: float = Field(description="What a list's missing answer earns.")
    missing_maximum: tuple[float, ...] = Field(
        description="Per voter's index: what a list's missing answer counts in the maximum."
    )


class ImportanceTable(CivicModel):
    """The factor of a question's points and maximum, by who marked it important."""

    none: float = 1.0
    voter: float
    list: float
    both: float


class MethodTables(CivicModel):
    """One published method: its parameters and, for ``points``, its tables per question."""

    key: str = Field(description="The method's short name (see :attr:`MatchChoice.key`).")
    choice: MatchChoice
    method: MatchMethodName
    kernel: Literal["wahl-o-mat", "city-block", "euclidean", "directional"] | None = Field(
        default=None, description="The distance kernel (none for points)."
    )
    squared: bool = Field(default=False, description="Weights act squared (Euclidean).")
    imputation: Literal["max", "neutral"] | None = None
    important_weight: float | None = Field(
        default=None, description="A distance method's factor for important questions."
    )
    points: tuple[QuestionPointsTable, ...] = Field(
        default=(), description="Points methods: one table per question."
    )
    importance: ImportanceTable | None = Field(
        default=None, description="Points methods: importance factors."
    )
    reproducibility: Reproducibility


class MatchingTables(CivicModel):
    """What a browser needs to compute ``civicquest match`` for a project's published methods."""

    themes: tuple[Identifier, ...]
    questions: tuple[TableQuestion, ...]
    lists: tuple[TableList, ...]
    unmatched: tuple[UnscoredList, ...] = ()
    methods: tuple[MethodTables, ...]
    nothing_counts: float = Field(
        default=50.0, description="The agreement when every weight that counts is 0."
    )
