"""Hypothesis properties of matching, and the matrix kernel against a plain-Python reference."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from civicquest.matching import match_voter
from civicquest.models.voter import VoterAnswers
from test_scoring_support import project, question, questionnaire

CODES = ["agree", "neutral", "disagree"]
X = {"agree": 0.5, "neutral": 0.0, "disagree": -0.5}
METHODS = ["wahl-o-mat", "city-block", "euclidean", "directional"]


def reference(method: str, imputation: str, voter: list[Any], party: list[Any]) -> float:
    """The formulas of docs/matching.md, written out one question at a time."""
    num = den = 0.0
    for v, p in zip(voter, party, strict=True):
        if v is None or v[0] is None:
            continue
        a, w = X[v[0]], (2.0 if v[1] else 1.0)
        b = (
            X[p]
            if p is not None
            else (0.0 if imputation == "neutral" else (-0.5 if a > 0 else 0.5))
        )
        if method == "wahl-o-mat":
            k = 0.0 if a == b else (0.5 if 0.0 in (a, b) else 1.0)
        elif method == "directional":
            k = 0.5 - 2 * a * b
        else:
            k = abs(a - b)
        if method == "euclidean":
            num, den = num + (w * k) ** 2, den + w * w
        else:
            num, den = num + w * k, den + w
    if method == "euclidean":
        num, den = math.sqrt(num), math.sqrt(den)
    return 100 * (1 - num / den)


VOTE = st.one_of(st.none(), st.tuples(st.sampled_from(CODES), st.booleans()))
PARTY = st.one_of(st.none(), st.sampled_from(CODES))


def POSITIONS(n: int) -> st.SearchStrategy[list[str]]:  # noqa: N802
    return st.lists(st.sampled_from(CODES), min_size=n, max_size=n)


def _voter(answers: list[Any]) -> VoterAnswers:
    data = {
        f"t{i}": ({"skip": True} if v is None else {"choice": v[0], "important": v[1]})
        for i, v in enumerate(answers)
    }
    return VoterAnswers.model_validate({"answers": data})


def _project(parties: list[list[Any]]) -> Any:
    quest = questionnaire([question(f"t{i}", "a", scale="pos") for i in range(len(parties[0]))])
    lists = [
        (f"l{n}", "partial", {f"t{i}": {"choice": c} for i, c in enumerate(row) if c})
        for n, row in enumerate(parties)
    ]
    return project(quest, lists)


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 6).flatmap(lambda n: st.tuples(
    st.lists(VOTE, min_size=n, max_size=n),
    st.lists(st.lists(PARTY, min_size=n, max_size=n), min_size=1, max_size=3)))
    , st.sampled_from(METHODS), st.sampled_from(["neutral", "max"]))  # fmt: skip
def test_kernel_matches_the_plain_formulas(case: Any, method: str, imputation: str) -> None:
    voter, parties = case
    if all(v is None for v in voter):
        return
    report = match_voter(_project(parties), _voter(voter), method, imputation)  # type: ignore[arg-type]
    for item in report.lists:
        expected = reference(method, imputation, voter, parties[int(item.respondent[1:])])
        assert abs(item.agreement - expected) < 1e-9
        assert 0 <= item.agreement <= 100


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(CODES), min_size=1, max_size=6), st.sampled_from(METHODS[:3]))
def test_a_list_matched_with_its_own_answers_agrees_100(answers: list[str], method: str) -> None:
    voter = _voter([(c, False) for c in answers])
    report = match_voter(_project([answers]), voter, method)
    assert report.lists[0].agreement == 100


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 6).flatmap(lambda n: st.tuples(POSITIONS(n), POSITIONS(n))),
    st.sampled_from(METHODS),
)
def test_matching_is_symmetric_without_importance_or_gaps(pair: Any, method: str) -> None:
    first, second = pair
    one = match_voter(_project([second]), _voter([(c, False) for c in first]), method)
    two = match_voter(_project([first]), _voter([(c, False) for c in second]), method)
    assert abs(one.lists[0].agreement - two.lists[0].agreement) < 1e-9
