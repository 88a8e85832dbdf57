"""The points method: hand-computed cases from each peer's published rules, and edge cases.

Each test names the peer's file and function its rule comes from; the numbers are computed by
hand from those rules (the peers' code is not copied here).
"""

from __future__ import annotations

from typing import Any

import pytest

from civicquest import round_half_up
from civicquest.errors import UsageError
from civicquest.matching import match_voter
from civicquest.models import Project
from civicquest.models.voter import VoterAnswers
from test_scoring_support import project, question, questionnaire

LIKERT4 = {"id": "l4", "options": [{"code": c, "label": c} for c in "ABCD"]}
FIVE = {"id": "l5", "options": [{"code": f"o{i}", "label": str(i)} for i in range(5)]}
THREE = {"id": "pos", "options": [{"code": c, "label": c} for c in ("yes", "partly", "no")]}


def _project(scale: dict[str, Any], lists: dict[str, dict[str, Any]], n: int, **kw: Any) -> Project:
    quest = questionnaire([question(f"q{i}", "a", scale="pos") for i in range(n)], scales=[scale])
    quest = quest.model_copy(
        update={
            "questions": tuple(q.model_copy(update={"scale": scale["id"]}) for q in quest.questions)
        }
    )
    return project(quest, [(rid, "partial", answers) for rid, answers in lists.items()], **kw)


def _voter(answers: dict[str, Any]) -> VoterAnswers:
    return VoterAnswers.model_validate({"answers": answers})


def _agreement(proj: Project, voter: VoterAnswers, rid: str = "l", **kw: Any) -> float:
    report = match_voter(proj, voter, "points", **kw)
    return next(item.agreement for item in report.lists if item.respondent == rid)


def test_svt_asymmetric_table_list_importance_and_skip_penalty() -> None:
    """svt/election-compass-match, src/scoring.ts DEFAULT_SCORING.PROPOSITION (A:B 8, B:A 5),
    src/match.ts calculateMatchScores / maxScoreForPair (maximum = the voter's own answer's
    points; a list's skip counts POLITICAL_ENTITY_PENALTY_FOR_SKIPPING = 2.5) and
    getImportantFactor (voter 2, list 2, both 4)."""
    lists = {"l": {"q0": {"choice": "B"}, "q1": {"choice": "A", "important": True},
                   "q3": {"choice": "D"}}}  # fmt: skip
    voter = _voter({"q0": {"choice": "A"}, "q1": {"choice": "B", "important": True},
                    "q2": {"choice": "C"}, "q3": {"choice": "D"}})  # fmt: skip
    # q0 A:B 8 of A:A 11; q1 B:A 5 of B:B 8, both important x4; q2 0 of 2.5; q3 D:D 11 of 11
    expected = 100 * (8 + 4 * 5 + 0 + 11) / (11 + 4 * 8 + 2.5 + 11)
    assert _agreement(_project(LIKERT4, lists, 4), voter, points="svt") == pytest.approx(expected)


def test_svt_table_is_not_symmetric() -> None:
    """src/scoring.ts PROPOSITION: a voter A against a list B gets 8/11, a voter B against a
    list A gets 5/8."""
    one = _agreement(_project(LIKERT4, {"l": {"q0": {"choice": "B"}}}, 1),
                     _voter({"q0": {"choice": "A"}}), points="svt")  # fmt: skip
    two = _agreement(_project(LIKERT4, {"l": {"q0": {"choice": "A"}}}, 1),
                     _voter({"q0": {"choice": "B"}}), points="svt")  # fmt: skip
    assert (one, two) == (pytest.approx(100 * 8 / 11), pytest.approx(100 * 5 / 8))


def test_svt_range_table_on_five_options() -> None:
    """src/scoring.ts DEFAULT_SCORING.RANGE, src/matchers.ts rangeMatcher: voter 1 against a
    list 0 is '1:0' = 8, out of '1:1' = 12."""
    proj = _project(FIVE, {"l": {"q0": {"choice": "o0"}}}, 1)
    assert _agreement(proj, _voter({"q0": {"choice": "o1"}}), points="svt") == pytest.approx(
        100 * 8 / 12
    )


def test_oec_hybrid_matrix_skip_counts_in_the_maximum() -> None:
    """open-election-compass/client, src/store/modules/algorithm/algorithms/hybrid/hybrid.js
    (points matrix), algorithm.js highestPoint (2), theses/theses.js maxPoints (a list's skip
    still counts highestPoint x factor) and parties/calculatePointsForParty.js (skip: 0)."""
    lists = {"l": {"q0": {"choice": "o1"}, "q1": {"choice": "o4"}}}
    voter = _voter({"q0": {"choice": "o0"}, "q1": {"choice": "o2", "important": True},
                    "q2": {"choice": "o3"}})  # fmt: skip
    # q0 1.5 of 2; q1 0.5 x 2 of 2 x 2; q2 list skipped: 0 of 2
    assert _agreement(_project(FIVE, lists, 3), voter, points="oec-hybrid") == pytest.approx(
        100 * 2.5 / 8
    )


def test_oec_approve_partly_reject_ignores_a_list_importance() -> None:
    """cityblock/approve-partly-reject.js points [[2,1,0],[1,2,1],[0,1,2]]; the list has no
    importance flag in OpenElectionCompass (thesis.factor is the voter's)."""
    lists = {"l": {"q0": {"choice": "partly"}, "q1": {"choice": "no"},
                   "q2": {"choice": "no", "important": True}}}  # fmt: skip
    voter = _voter({"q0": {"choice": "yes"}, "q1": {"choice": "partly"}, "q2": {"choice": "no"}})
    assert _agreement(
        _project(THREE, lists, 3), voter, points="oec-approve-partly-reject"
    ) == pytest.approx(100 * 4 / 6)


def test_an_exact_half_is_shown_rounded_up() -> None:
    """Mat-O-Wahl system/general.js fnPercentage: Math.round(value * 100 / max). 9 points of
    24 is 37.5 %, shown 38; the old last step 100 + num x (-100 / den) gave 37.4999..."""
    answers = ["yes"] * 4 + ["partly"] + ["no"] * 5
    lists = {"l": {f"q{i}": {"choice": c} for i, c in enumerate(answers)}}
    voter = _voter({f"q{i}": {"choice": "yes", "important": i >= 8} for i in range(10)})
    proj = _project(THREE, lists, 10)
    assert _agreement(proj, voter, points="wahl-o-mat") == 37.5
    assert match_voter(proj, voter, "wahl-o-mat").lists[0].agreement == 37.5
    assert round_half_up(37.5) == 38
    assert 100 + 15 * (-100 / 24) < 37.5  # the float artefact this replaced


def test_a_peer_float_artefact_is_not_copied() -> None:
    """OpenElectionCompass parties/parties.js results: percentage = (1 / maxPoints) * points.
    55.5 points of 60 is exactly 92.5 % (shown 93); (1/60) * 55.5 is 0.92499..., shown 92."""
    answers = ["o0"] * 27 + ["o1"] + ["o4"] * 2
    lists = {"l": {f"q{i}": {"choice": c} for i, c in enumerate(answers)}}
    voter = _voter({f"q{i}": {"choice": "o0"} for i in range(30)})
    value = _agreement(_project(FIVE, lists, 30), voter, points="oec-hybrid")
    assert (value, round_half_up(value)) == (92.5, 93)
    assert (1 / 60) * 55.5 < 0.925


def test_table_from_scoring_yaml_with_weights() -> None:
    """A table given per scale in scoring.yaml; the question's weight multiplies points and
    maximum (OpenVAA packages/matching/src/distance/metric.ts distance: weights[i] x kernel)."""
    table = {"points": {"yes": {"yes": 3, "partly": 1, "no": 0},
                        "partly": {"yes": 1, "partly": 3, "no": 1},
                        "no": {"yes": 0, "partly": 2, "no": 3}}, "maximum": "row"}  # fmt: skip
    scoring = {"match_points": {"tables": {"pos": table}}, "question_weights": {"q1": 3}}
    lists = {"l": {"q0": {"choice": "partly"}, "q1": {"choice": "partly"}}}
    voter = _voter({"q0": {"choice": "yes"}, "q1": {"choice": "no"}})
    proj = _project(THREE, lists, 2, scoring=scoring)
    assert _agreement(proj, voter) == pytest.approx(100 * (1 + 3 * 2) / (3 + 3 * 3))


def test_every_weight_zero_gives_50_never_nan() -> None:
    """OpenVAA metric.ts distance: 'maximum === 0 ? COORDINATE.Extent / 2': 50 %."""
    scoring = {"question_weights": {"q0": 0, "q1": 0}}
    proj = _project(THREE, {"l": {"q0": {"choice": "no"}, "q1": {"choice": "yes"}}}, 2,
                    scoring=scoring)  # fmt: skip
    voter = _voter({"q0": {"choice": "yes"}, "q1": {"choice": "yes"}})
    for method in ("wahl-o-mat", "city-block", "euclidean", "directional"):
        assert match_voter(proj, voter, method).lists[0].agreement == 50.0
    assert _agreement(proj, voter, points="wahl-o-mat") == 50.0


def test_a_preset_that_does_not_fit_the_scale_is_a_clear_error() -> None:
    proj = _project(THREE, {"l": {"q0": {"choice": "no"}}}, 1)
    with pytest.raises(UsageError, match=r"no points table for question 'q0'.*covers: 4, 5"):
        _agreement(proj, _voter({"q0": {"choice": "yes"}}), points="svt")
    with pytest.raises(UsageError, match="needs a preset"):
        _agreement(proj, _voter({"q0": {"choice": "yes"}}))


def test_ties_share_a_rank_and_are_ordered_by_name() -> None:
    lists = {"b": {"q0": {"choice": "yes"}}, "a": {"q0": {"choice": "yes"}},
             "c": {"q0": {"choice": "no"}}}  # fmt: skip
    report = match_voter(_project(THREE, lists, 1), _voter({"q0": {"choice": "yes"}}))
    assert [(i.respondent, i.rank, i.tied) for i in report.lists] == [
        ("a", 1, True), ("b", 1, True), ("c", 3, False)
    ]  # fmt: skip


def test_a_list_with_no_answers_is_left_out_with_its_reason() -> None:
    lists = {"l": {"q0": {"choice": "yes"}}, "mute": {"q0": {"no_answer": "declined"}}}
    report = match_voter(_project(THREE, lists, 1), _voter({"q0": {"choice": "yes"}}))
    assert [i.respondent for i in report.lists] == ["l"]
    assert [(u.respondent, u.reason) for u in report.unmatched] == [("mute", "no_answers")]


def test_empty_voter_is_an_error_or_zero_for_everyone() -> None:
    """SVT match.ts: 'maxScore === 0 ? 0'; Mat-O-Wahl output.js: maxPoints = 1 when 0."""
    proj = _project(THREE, {"l": {"q0": {"choice": "yes"}}}, 1)
    voter = _voter({"q0": {"skip": True}})
    with pytest.raises(UsageError, match="answered none"):
        match_voter(proj, voter)
    report = match_voter(proj, voter, empty_voter="zero")
    assert [(i.agreement, i.themes[0].agreement) for i in report.lists] == [(0.0, None)]


def test_points_tables_in_scoring_yaml_are_checked_and_located(
    example_dir: Any, tmp_path: Any
) -> None:
    import shutil

    from civicquest.loading.project import check_project

    folder = tmp_path / "aix"
    shutil.copytree(example_dir, folder)
    (folder / "scoring.yaml").write_text(
        "match_points:\n"
        "  tables:\n"
        "    nope: {points: {}}\n"  # line 3
        "    engagement:\n"
        "      maximum: diagonal\n"
        "      points:\n"
        "        engagement_fort: {engagement_fort: 2, engagement_minimal: 3, tres_fort: 1}\n"
        "        engagement_minimal: {engagement_fort: 1, engagement_minimal: 2}\n"  # line 8
        "        pas_engagement: {engagement_fort: 0, engagement_minimal: 1, pas_engagement: 2}\n",
        encoding="utf-8",
    )
    found = {(i.code, i.line, i.path) for i in check_project(folder).errors}
    assert ("unknown_scale", 3, "match_points.tables.nope") in found
    assert ("points_unknown_option", 7,
            "match_points.tables.engagement.points.engagement_fort.tres_fort") in found  # fmt: skip
    assert ("points_table_incomplete", 8,
            "match_points.tables.engagement.points.engagement_minimal") in found  # fmt: skip


def test_points_above_the_maximum_is_located(example_dir: Any, tmp_path: Any) -> None:
    import shutil

    from civicquest.loading.project import check_project

    folder = tmp_path / "aix"
    shutil.copytree(example_dir, folder)
    row = "{engagement_fort: %d, engagement_minimal: 1, pas_engagement: %d}"
    (folder / "scoring.yaml").write_text(
        "match_points:\n  tables:\n    engagement:\n      maximum: diagonal\n      points:\n"
        f"        engagement_fort: {row % (2, 0)}\n        engagement_minimal: {row % (3, 0)}\n"
        f"        pas_engagement: {row % (0, 2)}\n",
        encoding="utf-8",
    )
    issues = [i for i in check_project(folder).errors if i.code == "points_above_maximum"]
    assert [(i.line, i.params["answer"], i.params["voter"]) for i in issues] == [
        (7, "engagement_fort", "engagement_minimal")
    ]
