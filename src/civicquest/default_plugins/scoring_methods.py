"""The built-in scoring methods, registered through the same hook as any plugin's."""

from __future__ import annotations

from collections.abc import Iterable

from ..plugins import ScoringMethod, hookimpl

__all__ = ["register_scoring_methods"]


@hookimpl
def register_scoring_methods() -> Iterable[ScoringMethod]:
    from ..scoring import methods

    return (
        ScoringMethod(
            name="commitment",
            description="Score pondéré d'engagement par thème et global (0-100) / "
            "weighted commitment score per theme and overall (0-100)",
            score=methods.score_commitment,
            options=methods.ScoreOptions,
            aliases=("weighted",),
        ),
        ScoringMethod(
            name="levels",
            description="Nombre d'engagements par niveau, sans score / "
            "count of commitments by level, no score",
            score=methods.score_levels,
            options=methods.LevelsOptions,
            ranks=False,
        ),
        ScoringMethod(
            name="unranked",
            description="Publier sans classer : ordre alphabétique ou tiré au sort (graine "
            "publiée) / publish without ranking: alphabetical, or drawn by lot (published seed)",
            score=methods.score_unranked,
            options=methods.UnrankedOptions,
            aliases=("no-ranking",),
            ranks=False,
        ),
    )
