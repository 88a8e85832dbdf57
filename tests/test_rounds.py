"""Rounds and mergers: the view of each round, located mistakes, round 1 untouched by round 2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import civicquest
from civicquest.cli import cli
from civicquest.loading.project import check_project
from civicquest.models import Project
from civicquest.models.round_view import merged_commitments, project_for_round, round_outcomes
from project_builder import minimal_project, write_project
from strategies import projects


def _codes(folder: Path) -> dict[str, Any]:
    return {issue.code: issue for issue in check_project(folder).issues}


def _with_rounds(rounds: dict[str, Any], tmp_path: Path, **extra: Any) -> Path:
    project = minimal_project()
    project["responses"].update(extra)
    folder = write_project(tmp_path / "p", project)
    (folder / "rounds.yaml").write_text(yaml.safe_dump(rounds), encoding="utf-8")
    return folder


def _response(respondent: str, answers: dict[str, Any], round_number: int = 1) -> dict[str, Any]:
    return {
        "respondent": respondent,
        "questionnaire": {"id": "demo", "version": "1.0.0"},
        "round": round_number,
        "consent_to_publish": True,
        "answers": answers,
    }


def _merger(commitments: dict[str, Any], into: str = "a", merging: str = "c") -> dict[str, Any]:
    return {
        "rounds": [
            {"number": 1, "lists": ["a", "b", "c"]},
            {
                "number": 2,
                "lists": ["a"],
                "mergers": [
                    {
                        "into": into,
                        "consent_to_publish": True,
                        "lists": [{"list": merging, "commitments": commitments}],
                    }
                ],
            },
        ]
    }


def test_the_aix_merged_list_carries_what_it_keeps_and_what_was_renegotiated() -> None:
    project = civicquest.load_project("examples/aix2026")
    own = project.responses_by_respondent["aix-ensemble"].answers
    second = project_for_round(project, 2)
    ensemble = second.responses_by_respondent["aix-ensemble"].answers
    assert own["s04"].choice == "niveau_2"
    assert ensemble["s04"].choice == "niveau_3"  # kept from aix-ecologie
    assert ensemble["s09"].choice == "niveau_3"  # renegotiated
    assert ensemble["i04"] == own["i04"]  # dropped: the merged list's own answer stays
    assert {r.id: r.status for r in second.respondents} == {
        "aix-ensemble": "answered",
        "aix-avenir": "answered",
        "aix-dabord": "answered",
        "aix-ecologie": "merged",
    }
    outcomes = {o.respondent: (o.outcome, o.into) for o in round_outcomes(project, 2)}
    assert outcomes["aix-ecologie"] == ("merged", "aix-ensemble")
    assert outcomes["aix-citoyenne"] == ("out", None)
    assert "aix-generation" not in outcomes  # withdrew before round 1
    assert project.rounds is not None
    fates = {
        (c.question, c.fate)
        for c in merged_commitments(project, project.rounds.rounds[1].mergers[0])
    }
    assert fates == {("s04", "keeps"), ("i04", "drops"), ("s03", "drops"), ("s09", "renegotiated")}


def test_round_one_shows_a_later_merged_list_by_its_round_one_response() -> None:
    first = project_for_round(civicquest.load_project("examples/aix2026"), 1)
    statuses = {r.id: r.status for r in first.respondents}
    assert statuses["aix-ecologie"] == "answered"
    assert "aix-generation" not in statuses
    report = civicquest.score(first)
    unscored = {u.respondent: u.reason for u in report.unscored}
    assert unscored["aix-ecologie"] == "no_consent"


def test_a_round_two_response_of_its_own_wins_over_the_merger(tmp_path: Path) -> None:
    folder = _with_rounds(
        _merger({"q1": "keeps"}), tmp_path, c=_response("c", {"q1": {"choice": "fort"}})
    )
    (folder / "responses" / "a.round2.yaml").write_text(
        yaml.safe_dump(_response("a", {"q1": {"choice": "non"}}, 2)), encoding="utf-8"
    )
    result = check_project(folder)
    assert result.ok, [i.code for i in result.issues]
    assert result.project is not None
    second = project_for_round(result.project, 2)
    assert second.responses_by_respondent["a"].answers["q1"].choice == "non"
    first = project_for_round(result.project, 1)
    assert first.responses_by_respondent["a"].answers["q1"].choice == "fort"


def test_a_merger_into_an_unknown_list_is_located(tmp_path: Path) -> None:
    folder = _with_rounds(_merger({}, into="zz"), tmp_path)
    issue = _codes(folder)["merger_into_unknown"]
    lines = (folder / "rounds.yaml").read_text(encoding="utf-8").splitlines()
    assert issue.file == str(folder / "rounds.yaml")
    assert lines[issue.line - 1].strip() == "into: zz"
    assert issue.path == "rounds[1].mergers[0].into"


def test_a_list_merged_twice_is_located(tmp_path: Path) -> None:
    rounds = _merger({})
    rounds["rounds"][1]["mergers"].append(
        {"into": "a", "consent_to_publish": True, "lists": [{"list": "c"}]}
    )
    issue = _codes(_with_rounds(rounds, tmp_path))["merged_twice"]
    assert issue.path == "rounds[1].mergers[1].lists[0].list"
    assert issue.line is not None
    assert "rounds[1].mergers[0].lists[0].list" in issue.message("en")


def test_a_commitment_kept_on_a_question_never_answered_is_located(tmp_path: Path) -> None:
    folder = _with_rounds(_merger({"q1": "keeps", "q4": "keeps"}), tmp_path,
                          c=_response("c", {"q1": {"choice": "fort"}}))  # fmt: skip
    issues = [i for i in check_project(folder).issues if i.code == "kept_unanswered"]
    assert [i.path for i in issues] == ["rounds[1].mergers[0].lists[0].commitments.q4"]
    assert issues[0].line is not None


def test_kept_answers_that_disagree_are_a_conflict(tmp_path: Path) -> None:
    rounds = _merger({"q1": "keeps"})
    rounds["rounds"][0]["lists"].append("b")
    rounds["rounds"][1]["mergers"][0]["lists"].append({"list": "b", "commitments": {"q1": "keeps"}})
    folder = _with_rounds(rounds, tmp_path, c=_response("c", {"q1": {"choice": "fort"}}),
                          b=_response("b", {"q1": {"choice": "non"}}))  # fmt: skip
    assert "merger_conflict" in _codes(folder)


def test_a_renegotiated_answer_is_checked_like_an_answer(tmp_path: Path) -> None:
    folder = _with_rounds(_merger({"q1": {"renegotiated": {"choice": "peut-etre"}}}), tmp_path)
    issue = _codes(folder)["unknown_option"]
    assert issue.path == "rounds[1].mergers[0].lists[0].commitments.q1.renegotiated.choice"


def test_a_round_outside_the_election_is_located(tmp_path: Path) -> None:
    rounds = {"rounds": [{"number": 3, "lists": ["a"]}]}
    folder = _with_rounds(rounds, tmp_path, b=_response("b", {}, 3))
    codes = [(i.code, i.path) for i in check_project(folder).issues]
    assert ("round_unknown", "rounds[0].number") in codes
    assert ("round_unknown", "round") in codes


def test_the_cli_refuses_a_round_the_election_does_not_have() -> None:
    for command in ("score", "summary"):
        result = CliRunner().invoke(cli, [command, "examples/aix2026", "--round", "3"])
        assert result.exit_code == 2, result.output
        assert "round 3" in result.output


def test_round_two_must_be_recorded(tmp_path: Path) -> None:
    folder = write_project(tmp_path / "p", minimal_project())
    result = CliRunner().invoke(cli, ["score", str(folder), "--round", "2"])
    assert result.exit_code == 2
    assert "rounds.yaml" in result.output


def _add_round_two(data: dict[str, Any], seed: int) -> Project:
    """``data`` plus a round 2: the first list goes through with new answers, the rest is out."""
    project = Project.model_validate(
        {
            "questionnaire": data["questionnaire"],
            "respondents": data["respondents"]["respondents"],
            "responses": list(data["responses"].values()),
        }
    )
    first = project.respondents[:1]
    new = [
        r.model_copy(update={"round": 2, "answers": {}, "consent_to_publish": bool(seed % 2)})
        for r in project.responses[:1]
    ]
    rounds = {
        "rounds": [
            {"number": 1, "lists": [r.id for r in project.respondents]},
            {"number": 2, "lists": [r.id for r in first]},
        ]
    }
    return Project.model_validate(
        {**project.model_dump(), "responses": [*project.model_dump()["responses"],
                                               *(r.model_dump() for r in new)], "rounds": rounds}
    )  # fmt: skip


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(), st.integers(min_value=0, max_value=9))
def test_round_one_scores_do_not_change_when_round_two_is_added(
    data: dict[str, Any], seed: int
) -> None:
    plain = Project.model_validate(
        {
            "questionnaire": data["questionnaire"],
            "respondents": data["respondents"]["respondents"],
            "responses": list(data["responses"].values()),
        }
    )
    with_two = _add_round_two(data, seed)
    assert civicquest.score(project_for_round(with_two, 1)) == civicquest.score(
        project_for_round(plain, 1)
    )
    assert civicquest.score(project_for_round(plain, 1)) == civicquest.score(plain)
