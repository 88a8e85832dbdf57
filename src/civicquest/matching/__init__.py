"""Voter matching: the methods VAAs use, vectorised, with exact formulas easy to port.

numpy is imported inside the functions, so importing this package stays cheap.
"""

from .encoding import MatchQuestion, encode_lists, encode_voter, match_questions
from .engine import agreements, match_voter
from .kernels import MatchKernel, positions
from .methods import MATCH_METHODS, Imputation, MatchMethod, get_match_method

__all__ = [
    "MATCH_METHODS",
    "Imputation",
    "MatchKernel",
    "MatchMethod",
    "MatchQuestion",
    "agreements",
    "encode_lists",
    "encode_voter",
    "get_match_method",
    "match_questions",
    "match_voter",
    "positions",
]
