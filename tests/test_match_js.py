"""civicquest-match.js (run by node) gives the numbers of the Python engine, for every method,
missing-answer policy, points preset and a project's own table, on generated projects."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civicquest import (
    MatchChoice,
    VoterAnswers,
    example_path,
    load_project,
    match_voter,
    matching_tables,
    round_half_up,
)
from civicquest.errors import UsageError
from civicquest.models import MatchReport, Project
from match_js import generated_project, run_match_js

DISTANCES = ("wahl-o-mat", "city-block", "euclidean", "directional")
# points presets and the scale sizes each covers (wahl-o-mat: any)
PRESETS = {
    "wahl-o-mat": (2, 3, 4, 5, 6),
    "oec-approve-partly-reject": (3,),
    "oec-hybrid": (5,),
    "svt": (4, 5),
}


def _choices(project: Project, sizes: tuple[int, ...]) -> list[MatchChoice]:
    choices = [
        MatchChoice(method=m, missing=missing, empty_voter=empty)
        for m in DISTANCES
        for missing in ("max", "neutral")
        for empty in ("error", "zero")
    ]
    choices += [
        MatchChoice(method="points", points=preset, empty_voter="zero")
        for preset, covered in PRESETS.items()
        if set(sizes) <= set(covered)
    ]
    if project.scoring is not None and project.scoring.match_points is not None:
        choices.append(MatchChoice(method="points"))
    return choices


def _voter(tables: Any, levels: list[int], important: list[bool]) -> VoterAnswers:
    answers = {}
    for question, level, flag in zip(tables.questions, levels, important, strict=True):
        if level >= 0:
            answers[question.id] = {"choice": question.codes[level], "important": flag}
        elif flag:  # a skipped question marked important still counts for nothing
            answers[question.id] = {"skip": True, "important": True}
    return VoterAnswers.model_validate({"answers": answers})


def _python(project: Project, voter: VoterAnswers, choice: MatchChoice) -> MatchReport | None:
    method = "points" if choice.points else choice.method
    try:
        return match_voter(
            project, voter, method, choice.missing, points=choice.points,
            empty_voter=choice.empty_voter,
        )  # fmt: skip
    except UsageError:
        return None  # empty voter under "error"


def _same_number(mine: float, theirs: float, whole: int, exact: bool) -> None:
    """Equal floats (bit for bit when ``exact``, else to 1e-9) and equal displayed integers.

    The engine adds a question's terms in a matrix product whose order BLAS chooses; the script
    adds them in question order. With dyadic terms (scales of 2, 3, 5 options, weights in
    halves, points tables) every order gives the same float. With thirds or fifths the two may
    differ by a few ULPs, and a displayed integer only where the exact value is a half.
    """
    if exact:
        assert mine == theirs
    assert math.isclose(mine, theirs, rel_tol=0, abs_tol=1e-9)
    if exact or abs(theirs - math.floor(theirs) - 0.5) > 1e-9:
        assert whole == round_half_up(theirs)


def assert_same(js: dict[str, Any], py: MatchReport | None, exact: bool = False) -> None:
    """The JS report equals the engine's: order, ranks, ties, missing, numbers."""
    if py is None:
        assert js.get("empty") is True
        assert js["lists"] == []
        return
    assert js["questions"] == list(py.questions)
    assert js["important"] == list(py.important)
    assert [i["respondent"] for i in js["lists"]] == [i.respondent for i in py.lists]
    for mine, theirs, shown in zip(js["lists"], py.lists, js["rounded"], strict=True):
        _same_number(mine["agreement"], theirs.agreement, shown[0], exact)
        assert (mine["rank"], mine["tied"]) == (theirs.rank, theirs.tied)
        assert mine["missing"] == list(theirs.missing)
        for got, want, whole in zip(mine["themes"], theirs.themes, shown[1], strict=True):
            assert got["theme"] == want.theme
            if want.agreement is None:
                assert got["agreement"] is None
                assert whole is None
            else:
                _same_number(got["agreement"], want.agreement, whole, exact)


SIZES = st.sampled_from([(2, 3, 4, 5, 6), (3,), (5,), (4, 5), (4,)])
DYADIC = st.sampled_from([(2, 3, 5), (3,), (5,)])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_script_equals_the_engine_on_generated_projects(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _compare(data, data.draw(SIZES), tmp_path_factory, exact=False)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_with_dyadic_terms_the_script_equals_the_engine_bit_for_bit(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _compare(data, data.draw(DYADIC), tmp_path_factory, exact=True)


def _compare(
    data: st.DataObject, sizes: tuple[int, ...], tmp: pytest.TempPathFactory, *, exact: bool
) -> None:
    project = data.draw(generated_project(sizes, dyadic=exact))
    choices = _choices(project, sizes)
    tables = matching_tables(project, choices)
    voters, expected = [], []
    for _ in range(data.draw(st.integers(1, 4))):
        levels = [data.draw(st.integers(-1, len(q.codes) - 1)) for q in tables.questions]
        important = [data.draw(st.booleans()) for _ in tables.questions]
        voter = _voter(tables, levels, important)
        for choice in choices:
            voters.append({"method": choice.key, "levels": levels, "important": important})
            expected.append(_python(project, voter, choice))
    got = run_match_js(tables, voters, tmp.mktemp("js"))
    for js, py in zip(got, expected, strict=True):
        assert_same(js, py, exact)


def test_the_aix_example_and_its_voter_give_the_documented_numbers(tmp_path: Path) -> None:
    project = load_project(example_path())
    tables = matching_tables(project)
    assert [m.key for m in tables.methods] == ["wahl-o-mat"]  # the default method
    voter = VoterAnswers.model_validate_json(
        json.dumps(__import__("yaml").safe_load((example_path() / "voter.yaml").read_text()))
    )
    levels = [
        -1 if (a := voter.answers.get(q.id)) is None or a.skip or a.choice not in q.codes
        else q.codes.index(a.choice)
        for q in tables.questions
    ]  # fmt: skip
    important = [
        bool(getattr(voter.answers.get(q.id), "important", False)) for q in tables.questions
    ]
    [report] = run_match_js(
        tables, [{"method": "wahl-o-mat", "levels": levels, "important": important}], tmp_path
    )
    assert_same(report, match_voter(project, voter), exact=True)
    shown = [(item["respondent"], whole) for item, (whole, _) in zip(
        report["lists"], report["rounded"], strict=True)]  # fmt: skip
    assert shown == [("aix-ensemble", 84), ("aix-avenir", 48), ("aix-citoyenne", 40),
                     ("aix-dabord", 34), ("aix-quartiers", 33)]  # fmt: skip


def test_a_points_method_with_no_table_for_a_scale_is_a_clear_error() -> None:
    project = load_project(example_path())
    with pytest.raises(UsageError, match="oec-hybrid"):
        matching_tables(project, [MatchChoice(method="points", points="oec-hybrid")])


def test_the_tables_are_json_and_come_back_the_same() -> None:
    from civicquest import MatchingTables

    project = load_project(example_path())
    tables = matching_tables(
        project, [MatchChoice(), MatchChoice(points="wahl-o-mat", empty_voter="zero")]
    )
    again = MatchingTables.model_validate_json(tables.model_dump_json())
    assert again == tables
