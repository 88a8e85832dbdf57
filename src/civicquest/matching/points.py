"""Points rules for the ``points`` matching method: presets from published VAAs, or scoring.yaml.

A rule gives, for each question, a points table (voter's level x list's level), the maximum a
list can earn given the voter's level, what a list's missing answer earns and counts for, and
the importance factors. Where each preset comes from:

- ``wahl-o-mat``: 2 points for the same answer, 1 when one side is neutral, 0 otherwise
  (Mat-O-Wahl, ``system/general.js``, ``fnEvaluation``); any number of options.
- ``oec-approve-partly-reject`` and ``oec-hybrid``: OpenElectionCompass's ``points`` matrices
  (``src/store/modules/algorithm/algorithms/cityblock/approve-partly-reject.js`` and
  ``hybrid/hybrid.js``), the maximum being the highest point of the table
  (``algorithm.js``, ``highestPoint``) and a list's skip earning 0 out of it
  (``parties/calculatePointsForParty.js``, ``theses/theses.js`` ``maxPoints``).
- ``svt``: SVT's election-compass-match (``src/scoring.ts``, ``DEFAULT_SCORING``): the
  asymmetric 4-point ``PROPOSITION`` table and the 5-point ``RANGE`` table, the maximum being
  the points of the voter's own answer (``src/match.ts``, ``maxScoreForPair``), a list's skip
  counting 2.5 in the denominator, importance 2 (voter), 2 (list), 4 (both).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..models.match_points import (
    POINTS_PRESETS,
    ImportanceFactors,
    ListMissingRule,
    PointsConfig,
    PointsTable,
)
from .encoding import MatchQuestion
from .kernels import positions
from .methods import MATCH_METHODS

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["POINTS_PRESETS", "PointsRule", "QuestionPoints", "points_rule"]

# Rows: the voter's level (0 = first option of the scale); columns: the list's level.
_OEC_APPROVE_PARTLY_REJECT = ((2, 1, 0), (1, 2, 1), (0, 1, 2))
_OEC_HYBRID = (
    (2.0, 1.5, 0.5, 0.5, 0.0),
    (1.5, 2.0, 0.5, 0.5, 0.5),
    (0.5, 0.5, 2.0, 0.5, 0.5),
    (0.5, 0.5, 0.5, 2.0, 1.5),
    (0.0, 0.5, 0.5, 1.5, 2.0),
)
_SVT_PROPOSITION = ((11, 8, 3, 0), (5, 8, 3, 0), (0, 3, 8, 5), (0, 3, 8, 11))
_SVT_RANGE = (
    (16, 12, 8, 4, 0),
    (8, 12, 8, 4, 0),
    (0, 4, 8, 4, 0),
    (0, 4, 8, 12, 8),
    (0, 4, 8, 12, 16),
)


@dataclass(frozen=True)
class _Preset:
    tables: dict[int, tuple[tuple[float, ...], ...]]
    maximum: str
    list_missing: ListMissingRule
    important: ImportanceFactors


_PRESETS = {
    "wahl-o-mat": _Preset({}, "row", ListMissingRule(), ImportanceFactors(voter=2, list=1)),
    "oec-approve-partly-reject": _Preset(
        {3: _OEC_APPROVE_PARTLY_REJECT}, "table", ListMissingRule(), ImportanceFactors(list=1)
    ),
    "oec-hybrid": _Preset({5: _OEC_HYBRID}, "table", ListMissingRule(), ImportanceFactors(list=1)),
    "svt": _Preset(
        {4: _SVT_PROPOSITION, 5: _SVT_RANGE},
        "diagonal",
        ListMissingRule(points=0, maximum=2.5),
        ImportanceFactors(voter=2, list=2, both=4),
    ),
}


@dataclass(frozen=True)
class QuestionPoints:
    """One question's rule, by level: points[voter, list], maximum[voter], and for a list's gap."""

    points: npt.NDArray[np.float64]
    maximum: npt.NDArray[np.float64]
    missing_points: float
    missing_maximum: npt.NDArray[np.float64]


@dataclass(frozen=True)
class PointsRule:
    """A complete points rule: preset and/or tables per scale, gaps and importance factors."""

    name: str
    preset: str | None = None
    tables: dict[str, PointsTable] = field(default_factory=dict)
    list_missing: ListMissingRule = field(default_factory=ListMissingRule)
    important: ImportanceFactors = field(default_factory=ImportanceFactors)

    def for_question(self, question: MatchQuestion) -> QuestionPoints:
        """The arrays for ``question``; :class:`UsageError` if no table fits its scale."""
        import numpy as np

        table = self.tables.get(question.scale)
        if table is not None:
            points, maximum = _from_table(table, question.codes)
        else:
            points, maximum = self._from_preset(question)
        gap = self.list_missing.maximum
        if gap == "answered":
            missing_maximum = maximum
        else:
            missing_maximum = np.full(question.levels, 0.0 if gap == "exclude" else float(gap))
        return QuestionPoints(points, maximum, float(self.list_missing.points), missing_maximum)

    def _from_preset(
        self, question: MatchQuestion
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        import numpy as np

        preset = _PRESETS.get(self.preset or "")
        if self.preset == "wahl-o-mat":
            x = positions(question.levels)
            points = 2.0 * (1.0 - MATCH_METHODS["wahl-o-mat"].kernel(x[:, None], x[None, :]))
        elif preset is not None and question.levels in preset.tables:
            points = np.array(preset.tables[question.levels], dtype=np.float64)
        else:
            raise UsageError(_no_table(self, question))
        return points, _maximum(points, preset.maximum if preset else "row")

    def describe(self) -> dict[str, Any]:
        """The rule as plain data, for a report's reproducibility record."""
        return {
            "rule": self.name,
            "preset": self.preset,
            "tables": {k: v.model_dump(mode="json") for k, v in sorted(self.tables.items())},
            "list_missing": self.list_missing.model_dump(mode="json"),
            "important": self.important.model_dump(mode="json"),
        }


def _no_table(rule: PointsRule, question: MatchQuestion) -> str:
    sizes = sorted(_PRESETS[rule.preset].tables) if rule.preset in _PRESETS else []
    fits = ", ".join(map(str, sizes)) or "-"
    return (
        f"pas de table de points pour la question « {question.id} » (échelle « {question.scale} », "
        f"{question.levels} options ; le préréglage {rule.name} couvre : {fits}) : ajoutez une "
        f"table pour cette échelle dans match_points.tables de scoring.yaml / no points table "
        f"for question '{question.id}' (scale '{question.scale}', {question.levels} options; "
        f"preset {rule.name} covers: {fits}): add a table for this scale under "
        f"match_points.tables in scoring.yaml"
    )


def _from_table(
    table: PointsTable, codes: tuple[str, ...]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    import numpy as np

    points = np.array([[table.points[a][b] for b in codes] for a in codes], dtype=np.float64)
    if isinstance(table.maximum, dict):
        return points, np.array([table.maximum[a] for a in codes], dtype=np.float64)
    return points, _maximum(points, table.maximum)


def _maximum(points: npt.NDArray[np.float64], rule: str) -> npt.NDArray[np.float64]:
    import numpy as np

    if rule == "diagonal":
        return np.diagonal(points).copy()
    if rule == "table":
        return np.full(len(points), points.max())
    row_max: npt.NDArray[np.float64] = points.max(axis=1)
    return row_max


def points_rule(config: PointsConfig | None = None, preset: str | None = None) -> PointsRule:
    """The rule of a named ``preset``, or of scoring.yaml's ``match_points`` section."""
    if preset is not None:
        if preset not in _PRESETS:
            known = ", ".join(POINTS_PRESETS)
            raise UsageError(f"préréglage inconnu / unknown points preset {preset!r}: {known}")
        chosen = _PRESETS[preset]
        return PointsRule(preset, preset, {}, chosen.list_missing, chosen.important)
    if config is None:
        raise UsageError(
            "la méthode points demande un préréglage (--points) ou une section match_points "
            "dans scoring.yaml / the points method needs a preset (--points) or a match_points "
            "section in scoring.yaml"
        )
    base = _PRESETS.get(config.preset or "")
    return PointsRule(
        f"scoring.yaml ({config.preset})" if config.preset else "scoring.yaml",
        config.preset,
        dict(config.tables),
        config.list_missing or (base.list_missing if base else ListMissingRule()),
        config.important or (base.important if base else ImportanceFactors()),
    )
