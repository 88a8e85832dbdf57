"""Voter matching: the methods VAAs use, vectorised, with exact formulas easy to port.

numpy is imported inside the functions, so importing this package stays cheap.
"""

from .encoding import MatchQuestion, encode_lists, encode_voter, match_questions
from .engine import agreements, make_kernel, match_voter
from .kernels import MatchKernel, PackedKernel, positions
from .methods import MATCH_METHODS, Imputation, MatchMethod, get_match_method
from .points import POINTS_PRESETS, PointsRule, points_rule
from .points_kernel import PointsKernel
from .tables import matching_tables, published_methods

__all__ = [
    "MATCH_METHODS",
    "POINTS_PRESETS",
    "Imputation",
    "MatchKernel",
    "MatchMethod",
    "MatchQuestion",
    "PackedKernel",
    "PointsKernel",
    "PointsRule",
    "agreements",
    "encode_lists",
    "encode_voter",
    "get_match_method",
    "make_kernel",
    "match_questions",
    "match_voter",
    "matching_tables",
    "points_rule",
    "positions",
    "published_methods",
]
