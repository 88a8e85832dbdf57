"""Matching: hand-computed reference cases per method, the voter file, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from civicquest.cli import cli
from civicquest.errors import UsageError
from civicquest.matching import match_voter, positions
from civicquest.models.voter import VoterAnswers
from test_scoring_support import project, question, questionnaire

# Four theses on a 3-point scale (agree 0.5, neutral 0, disagree -0.5).
QUEST = questionnaire([question(f"t{i}", "a", scale="pos") for i in range(1, 5)])
VOTER = VoterAnswers.model_validate(
    {
        "answers": {
            "t1": {"choice": "agree", "important": True},
            "t2": {"choice": "neutral"},
            "t3": {"choice": "disagree"},
            "t4": {"skip": True},
        }
    }
)
LIST = {"t1": {"choice": "agree"}, "t2": {"choice": "disagree"}, "t4": {"choice": "agree"}}
PROJECT = project(QUEST, [("l", "partial", LIST)])

# t1 equal (weight 2), t2 voter neutral, t3 missing (imputed), t4 skipped by the voter.
EXPECTED = {
    # Wahl-O-Mat: points 2 + 1/2 + (0 or 1/2), maximum 2 + 1 + 1
    ("wahl-o-mat", "max"): 100 * 2.5 / 4,
    ("wahl-o-mat", "neutral"): 100 * 3 / 4,
    # city-block: (2*0 + 1*0.5 + 1*1) / 4 with max; (0 + 0.5 + 0.5) / 4 with neutral
    ("city-block", "max"): 100 * (1 - 1.5 / 4),
    ("city-block", "neutral"): 100 * (1 - 1.0 / 4),
    # Euclidean: sqrt((0 + 0.5^2 + 1^2) / (4 + 1 + 1))
    ("euclidean", "max"): 100 * (1 - (1.25 / 6) ** 0.5),
    ("euclidean", "neutral"): 100 * (1 - (0.5 / 6) ** 0.5),
    # directional 0.5 - 2ab: t1 0, t2 0.5, t3 1 (max) or 0.5 (neutral)
    ("directional", "max"): 100 * (1 - 1.5 / 4),
    ("directional", "neutral"): 100 * (1 - 1.0 / 4),
}


@pytest.mark.parametrize(("method", "imputation"), sorted(EXPECTED))
def test_reference_cases(method: str, imputation: str) -> None:
    report = match_voter(PROJECT, VOTER, method, imputation)  # type: ignore[arg-type]
    assert report.lists[0].agreement == pytest.approx(EXPECTED[(method, imputation)])
    assert report.lists[0].missing == ("t3",)
    assert report.questions == ("t1", "t2", "t3")
    assert report.important == ("t1",)


def test_published_wahl_o_mat_rule_two_one_zero() -> None:
    """Equal: 2 points, one side neutral: 1, opposite: 0; an important thesis counts double."""
    quest = questionnaire([question(f"t{i}", "a", scale="pos") for i in range(1, 4)])
    voter = VoterAnswers.model_validate(
        {"answers": {"t1": {"choice": "agree"}, "t2": {"choice": "agree"},
                     "t3": {"choice": "agree", "important": True}}}
    )  # fmt: skip
    lists = {"t1": {"choice": "agree"}, "t2": {"choice": "neutral"}, "t3": {"choice": "disagree"}}
    report = match_voter(project(quest, [("l", "answered", lists)]), voter, "wahl-o-mat")
    # points 2 + 1 + 0 (x2), maximum 2 + 2 + 4
    assert report.lists[0].agreement == pytest.approx(100 * 3 / 8)


def test_directional_is_not_full_for_identical_middle_answers() -> None:
    """OpenVAA: 4 vs 4 on a 5-point scale gives 62.5 %."""
    x = positions(5)[1]
    assert x == pytest.approx(0.25)
    assert 100 * (1 - (0.5 - 2 * x * x)) == pytest.approx(62.5)
    scale = {"id": "five", "options": [{"code": f"o{i}", "label": str(i)} for i in range(5)]}
    quest = questionnaire([question("t1", "a", scale="five")], scales=[scale])
    quest = quest.model_copy(update={"questions": (quest.questions[0].model_copy(
        update={"kind": "position"}),)})  # fmt: skip
    voter = VoterAnswers.model_validate({"answers": {"t1": {"choice": "o1"}}})
    proj = project(quest, [("l", "answered", {"t1": {"choice": "o1"}})])
    assert match_voter(proj, voter, "directional").lists[0].agreement == pytest.approx(62.5)
    assert match_voter(proj, voter, "city-block").lists[0].agreement == pytest.approx(100)


def test_voter_who_skipped_everything_is_an_error() -> None:
    voter = VoterAnswers.model_validate({"answers": {"t1": {"skip": True}}})
    with pytest.raises(UsageError, match="answered none"):
        match_voter(PROJECT, voter)


def test_lists_without_response_are_not_matched() -> None:
    proj = project(QUEST, [("l", "answered", LIST), ("p", "pending", None)])
    report = match_voter(proj, VOTER)
    assert [item.respondent for item in report.lists] == ["l"]
    assert [(u.respondent, u.reason) for u in report.unmatched] == [("p", "no_response")]


def test_voter_answer_needs_a_value_or_skip() -> None:
    with pytest.raises(ValueError, match="skip"):
        VoterAnswers.model_validate({"answers": {"t1": {"important": True}}})


def test_cli_match_own_response_gives_100(example_dir: Path) -> None:
    runner = CliRunner()
    own = example_dir / "responses" / "aix-avenir.yaml"
    for method in ("wahl-o-mat", "city-block", "euclidean"):
        result = runner.invoke(
            cli, ["match", str(example_dir), "--answers", str(own), "-m", method, "--format",
                  "json"]
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        best = json.loads(result.output)["lists"][0]
        assert (best["respondent"], best["agreement"]) == ("aix-avenir", 100.0)


def test_cli_match_table_and_bad_voter_file(example_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(cli, ["match", str(example_dir), "--answers",
                                str(example_dir / "voter.yaml"), "--lang", "en"])  # fmt: skip
    assert table.exit_code == 0, table.output
    assert "agreement" in table.output
    bad = tmp_path / "voter.yaml"
    bad.write_text("answers:\n  p01: {choice: engagement_fort, importent: true}\n", "utf-8")
    result = runner.invoke(cli, ["match", str(example_dir), "--answers", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:2:" in result.output
    empty = tmp_path / "empty.yaml"
    empty.write_text("answers: {}\n", "utf-8")
    skipped_all = runner.invoke(cli, ["match", str(example_dir), "--answers", str(empty)])
    assert skipped_all.exit_code == 1
    assert "Traceback" not in skipped_all.output


def test_cli_match_locates_unknown_questions_and_options(example_dir: Path, tmp_path: Path) -> None:
    voter = tmp_path / "voter.yaml"
    voter.write_text("answers:\n  p01: {choice: tres_fort}\n  zz9: {choice: oui}\n", "utf-8")
    result = CliRunner().invoke(cli, ["match", str(example_dir), "--answers", str(voter),
                                      "--lang", "en"])  # fmt: skip
    assert result.exit_code == 1
    assert f"{voter}:2:" in result.output
    assert "tres_fort" in result.output
    assert f"{voter}:3:" in result.output
    assert "zz9" in result.output


def test_cli_match_refuses_answers_of_the_wrong_kind(example_dir: Path, tmp_path: Path) -> None:
    voter = tmp_path / "voter.yaml"
    voter.write_text("answers:\n  p01: {choices: [engagement_fort]}\n", "utf-8")
    result = CliRunner().invoke(
        cli, ["match", str(example_dir), "--answers", str(voter), "--lang", "en"]
    )
    assert result.exit_code == 1
    assert f"{voter}:2:" in result.output
    assert "expects 'choice', not 'choices'" in result.output
