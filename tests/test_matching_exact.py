"""Hypothesis: weights, exact rounding of the points method (Fraction oracle), never NaN."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from civicquest import round_half_up
from civicquest.matching import match_voter
from test_matching_properties import METHODS, PARTY, VOTE, _voter, reference
from test_scoring_support import project, question, questionnaire

CODES = ["agree", "neutral", "disagree"]
HALVES = st.integers(0, 8).map(lambda n: n / 2)
WEIGHTS = st.sampled_from([0, 0.5, 1, 2, 3])


def _weighted_project(parties: list[list[Any]], weights: list[float], **kw: Any) -> Any:
    quest = questionnaire(
        [question(f"t{i}", "a", scale="pos", weight=w) for i, w in enumerate(weights)]
    )
    lists = [
        (f"l{n}", "partial", {f"t{i}": {"choice": c} for i, c in enumerate(row) if c})
        for n, row in enumerate(parties)
    ]
    return project(quest, lists, **kw)


CASE = st.integers(1, 6).flatmap(
    lambda n: st.tuples(
        st.lists(VOTE, min_size=n, max_size=n).filter(lambda v: any(x is not None for x in v)),
        st.lists(st.lists(PARTY, min_size=n, max_size=n).filter(lambda p: any(p)), min_size=1,
                 max_size=3),
        st.lists(WEIGHTS, min_size=n, max_size=n),
    )
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(CASE, st.sampled_from(METHODS), st.sampled_from(["neutral", "max"]))
def test_weights_of_one_give_the_numbers_of_before(case: Any, method: str, imputation: str) -> None:
    """``reference`` is main's plain-Python formula, which knew no question weights."""
    voter, parties, _ = case
    proj = _weighted_project(parties, [1.0] * len(voter))
    for item in match_voter(proj, _voter(voter), method, imputation).lists:  # type: ignore[arg-type]
        expected = reference(method, imputation, voter, parties[int(item.respondent[1:])])
        assert abs(item.agreement - expected) < 1e-9


@settings(max_examples=60, deadline=None)
@given(CASE, st.sampled_from([*METHODS, "points"]), st.sampled_from([0.25, 3.0, 1000.0]))
def test_scaling_every_weight_changes_nothing(case: Any, method: str, k: float) -> None:
    voter, parties, weights = case
    kw = {"points": "wahl-o-mat"} if method == "points" else {}
    one = match_voter(_weighted_project(parties, weights), _voter(voter), method, **kw)
    scaled = [w * k for w in weights]
    two = match_voter(_weighted_project(parties, scaled), _voter(voter), method, **kw)
    for a, b in zip(one.lists, two.lists, strict=True):
        assert a.respondent == b.respondent
        assert math.isclose(a.agreement, b.agreement, abs_tol=1e-9)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 8).flatmap(
        lambda n: st.tuples(
            st.lists(st.tuples(st.sampled_from(CODES), st.booleans()), min_size=n, max_size=n),
            st.lists(st.one_of(st.none(), st.tuples(st.sampled_from(CODES), st.booleans())),
                     min_size=n, max_size=n),
            st.lists(st.integers(0, 3), min_size=n, max_size=n),
        )
    ),
    st.lists(st.lists(HALVES, min_size=3, max_size=3), min_size=3, max_size=3),
    st.sampled_from(["row", "diagonal", "table"]),
    st.one_of(st.just("answered"), st.just("exclude"), HALVES),
)  # fmt: skip
def test_points_agreement_is_exact(case: Any, table: Any, maximum: str, gap: Any) -> None:
    """Displayed integer == floor(Fraction(points) x 100 / Fraction(max) + 1/2)."""
    voter, party, weights = case
    if maximum == "diagonal":
        table = [[min(v, table[r][r]) for v in row] for r, row in enumerate(table)]
    points_table = {
        a: dict(zip(CODES, row, strict=True)) for a, row in zip(CODES, table, strict=True)
    }
    config = {"tables": {"pos": {"points": points_table, "maximum": maximum}},
              "list_missing": {"points": 0, "maximum": gap},
              "important": {"voter": 2, "list": 2, "both": 4}}  # fmt: skip
    answers = {f"t{i}": {"choice": p[0], "important": p[1]} for i, p in enumerate(party) if p}
    quest = questionnaire([question(f"t{i}", "a", scale="pos", weight=w)
                           for i, w in enumerate(weights)])  # fmt: skip
    proj = project(quest, [("l", "partial", answers or {"t0": {"no_answer": "skipped"}})],
                   scoring={"match_points": config})  # fmt: skip
    report = match_voter(proj, _voter(voter), "points")
    if not answers:
        assert report.unmatched[0].reason == "no_answers"
        return
    got, top = Fraction(0), Fraction(0)
    for (a, v_imp), p, w in zip(voter, party, weights, strict=True):
        row = table[CODES.index(a)]
        best = {"row": max(row), "diagonal": row[CODES.index(a)], "table": max(map(max, table))}
        if p is None:
            f = 2 if v_imp else 1
            top += Fraction(w * f) * Fraction(best[maximum] if gap == "answered" else
                                              (0 if gap == "exclude" else gap))  # fmt: skip
            continue
        f = {(False, False): 1, (True, False): 2, (False, True): 2, (True, True): 4}[(v_imp, p[1])]
        got += Fraction(w * f) * Fraction(row[CODES.index(p[0])])
        top += Fraction(w * f) * Fraction(best[maximum])
    expected = 50 if top == 0 else math.floor(got * 100 / top + Fraction(1, 2))
    assert round_half_up(report.lists[0].agreement) == expected


@settings(max_examples=40, deadline=None)
@given(CASE, st.sampled_from(METHODS))
def test_no_output_prints_nan(case: Any, method: str) -> None:
    from civicquest.default_plugins.results import match_table
    from civicquest.models.results import MatchReport

    voter, parties, weights = case
    report = match_voter(_weighted_project(parties, [0.0] * len(weights)), _voter(voter), method)
    assert isinstance(report, MatchReport)
    text = match_table(report, ("a", "b")) + report.model_dump_json()
    assert "nan" not in text.lower()
    assert all(item.agreement == 50 for item in report.lists)


def test_cli_shows_ties_and_left_out_lists(example_dir: Any, tmp_path: Any) -> None:
    from civicquest.cli import cli

    own = example_dir / "responses" / "aix-avenir.yaml"
    result = CliRunner().invoke(cli, ["match", str(example_dir), "--answers", str(own),
                                      "--points", "wahl-o-mat", "--lang", "en"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "method: points (wahl-o-mat)" in result.output
    assert "not compared:" in result.output
    assert "(no response)" in result.output
    assert "nan" not in result.output.lower()
