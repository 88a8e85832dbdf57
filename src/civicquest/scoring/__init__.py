"""Scoring: answers encoded once as a matrix, scored by a vectorised kernel, fully explained.

numpy is imported inside the functions, so importing this package stays cheap.
"""

from .methods import (
    LevelsOptions,
    ScoreOptions,
    UnrankedOptions,
    score_commitment,
    score_levels,
    score_unranked,
)
from .report import ScoringRun, lot_order, prepare
from .tables import ScoringTables, build_tables

__all__ = [
    "LevelsOptions",
    "ScoreOptions",
    "ScoringRun",
    "ScoringTables",
    "UnrankedOptions",
    "build_tables",
    "lot_order",
    "prepare",
    "score_commitment",
    "score_levels",
    "score_unranked",
]
