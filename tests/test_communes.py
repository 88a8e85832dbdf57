"""One questionnaire, many communes: checks, scores and ranks within a commune, comparisons."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from civicquest import check_project, load_project
from civicquest.cli import cli
from civicquest.scoring import score_commitment
from civicquest.scoring.communes import compare_communes

FIXTURE = Path(__file__).parent / "fixtures" / "metropole"


@pytest.fixture
def metropole(tmp_path: Path) -> Path:
    target = tmp_path / "metropole"
    shutil.copytree(FIXTURE, target)
    return target


def _edit(path: Path, change: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _codes(folder: Path) -> list[tuple[str, str, str]]:
    return [(i.code, i.path, i.severity) for i in check_project(folder).issues]


def test_lists_are_ranked_within_their_commune_only() -> None:
    report = score_commitment(load_project(FIXTURE))
    got = [(item.commune, item.respondent, item.rank) for item in report.lists]
    assert got == [
        ("35238", "rennes-a", 1),
        ("35238", "rennes-b", 2),
        ("35238", "rennes-c", 3),
        ("35051", "cesson-a", 1),
        ("35051", "cesson-b", 2),
        ("35024", "betton-a", 1),
    ]


def test_a_question_of_another_commune_is_not_applicable_per_the_policy() -> None:
    report = score_commitment(load_project(FIXTURE))
    cesson = next(item for item in report.lists if item.respondent == "cesson-a")
    r3 = next(c for c in cesson.breakdown if c.question == "r3")
    assert (r3.case, r3.maximum, r3.excluded) == ("not_applicable", 0.0, True)
    rennes = next(item for item in report.lists if item.respondent == "rennes-a")
    assert next(c for c in rennes.breakdown if c.question == "r3").case == "answered"


def test_an_answer_to_a_question_not_asked_in_the_commune_is_a_warning_and_unused(
    metropole: Path,
) -> None:
    _edit(
        metropole / "responses" / "cesson-a.yaml",
        lambda d: d["answers"].update(r3={"choice": "fort"}),
    )
    assert ("answer_outside_commune", "answers.r3", "warning") in _codes(metropole)
    report = score_commitment(load_project(metropole))
    cesson = next(item for item in report.lists if item.respondent == "cesson-a")
    assert next(c for c in cesson.breakdown if c.question == "r3").case == "not_applicable"
    assert cesson.score == pytest.approx(87.5)


@pytest.mark.parametrize(
    ("file", "change", "code", "path"),
    [
        ("questionnaire.yaml", lambda d: d["questions"][2].update(communes=["35999"]),
         "unknown_commune", "questions[2].communes[0]"),
        ("questionnaire.yaml", lambda d: d["themes"][1].update(communes=["13001"]),
         "unknown_commune", "themes[1].communes[0]"),
        ("respondents.yaml", lambda d: d["respondents"][3].update(commune="13001"),
         "unknown_commune", "respondents[3].commune"),
        ("respondents.yaml", lambda d: d["respondents"][3].pop("commune"),
         "respondent_without_commune", "respondents[3]"),
        ("questionnaire.yaml", lambda d: d["election"]["communes"][2].update(insee_code="35238"),
         "duplicate_commune", "election.communes[2].insee_code"),
        ("questionnaire.yaml", lambda d: d["election"]["communes"][2].update(insee_code="3524"),
         "bad_insee_code", "election.communes[2].insee_code"),
        ("questionnaire.yaml", lambda d: d["election"]["communes"][2].update(insee_code="20024"),
         "bad_insee_department", "election.communes[2].insee_code"),
        ("questionnaire.yaml", lambda d: d["election"]["communes"][2].update(insee_code="35000"),
         "bad_insee_department", "election.communes[2].insee_code"),
        ("questionnaire.yaml",
         lambda d: d["election"].update(commune={"name": "Rennes", "insee_code": "35238"}),
         "commune_and_communes", "election.communes"),
        ("questionnaire.yaml", lambda d: d["election"].pop("communes"),
         "election_without_commune", "election"),
    ],
)  # fmt: skip
def test_each_mistake_is_one_located_error(
    metropole: Path, file: str, change: Any, code: str, path: str
) -> None:
    _edit(metropole / file, change)
    result = check_project(metropole)
    found = [i for i in result.issues if i.code == code]
    assert [i.path for i in found] == [path]
    assert found[0].line is not None
    assert found[0].file == str(metropole / file)
    assert found[0].message("fr")
    assert found[0].hint("en")
    assert result.project is None or found[0].severity == "warning"


def test_a_question_whose_theme_and_own_communes_do_not_meet_is_a_warning(metropole: Path) -> None:
    _edit(metropole / "questionnaire.yaml", lambda d: d["themes"][0].update(communes=["35051"]))
    assert ("question_in_no_commune", "questions[2].communes", "warning") in _codes(metropole)


def test_required_applies_only_where_the_question_is_asked(metropole: Path) -> None:
    _edit(metropole / "questionnaire.yaml", lambda d: d["questions"][2].update(required=True))
    assert _codes(metropole) == []  # cesson-a did not answer r3: it is not asked in Cesson


def test_the_comparison_across_communes_counts_shared_questions_only() -> None:
    comparison = compare_communes(load_project(FIXTURE))
    assert comparison.questions == ("r1", "r2", "e1")
    rows = {(row.commune, row.question): (row.lists, row.counts) for row in comparison.rows}
    assert rows["35238", "e1"] == (3, {"minimal": 2, "missing:no_reply": 1})
    assert rows["35051", "r1"] == (2, {"fort": 1, "missing:declined": 1})
    assert rows["35024", "r2"] == (1, {"missing:no_reply": 1})


def _run(*args: str) -> Any:
    return CliRunner().invoke(cli, [*args], catch_exceptions=False)


def test_score_cli_groups_by_commune_and_filters_one() -> None:
    grouped = _run("score", str(FIXTURE))
    assert grouped.exit_code == 0
    assert grouped.output.index("== 35238 Rennes ==") < grouped.output.index("== 35051")
    assert "== 35024 Betton ==\nen attente du retour des questionnaires" in grouped.output
    one = _run("score", str(FIXTURE), "--commune", "35051", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(one.output)))
    assert {row["commune"] for row in rows} == {"35051"}
    assert [row["rank"] for row in rows if row["theme"] == "*"] == ["1", "2"]


def test_score_cli_commune_filter_gives_the_grouped_numbers() -> None:
    grouped = _run("score", str(FIXTURE), "--format", "csv").output
    alone = _run("score", str(FIXTURE), "--commune", "35238", "--format", "csv").output
    rennes = [line for line in grouped.splitlines() if line.endswith(",35238")]
    assert alone.splitlines()[1:] == rennes


def test_unknown_commune_is_a_usage_error() -> None:
    result = _run("score", str(FIXTURE), "--commune", "13001")
    assert result.exit_code == 2
    assert "35238" in result.output


def test_across_communes_csv_carries_commune_names() -> None:
    result = _run("score", str(FIXTURE), "--across-communes", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {"commune": "35051", "commune_name": "Cesson-Sévigné", "question": "r1",
            "answer": "fort", "lists": "1", "of_lists": "2"} in rows  # fmt: skip
    assert not any(row["question"] == "r3" for row in rows)


def test_match_needs_the_voters_commune_and_matches_within_it(tmp_path: Path) -> None:
    voter = tmp_path / "voter.yaml"
    voter.write_text("answers:\n  r1: {choice: fort}\n  r3: {choice: fort}\n", encoding="utf-8")
    assert _run("match", str(FIXTURE), "--answers", str(voter)).exit_code == 2
    result = _run("match", str(FIXTURE), "--answers", str(voter), "--commune", "35051",
                  "--format", "json")  # fmt: skip
    assert result.exit_code == 0
    report = yaml.safe_load(result.output)
    assert [item["respondent"] for item in report["lists"]] == ["cesson-a"]
    assert report["questions"] == ["r1"]  # r3 is not asked in Cesson-Sévigné
    voter.write_text("commune: '35238'\nanswers:\n  r3: {choice: fort}\n", encoding="utf-8")
    result = _run("match", str(FIXTURE), "--answers", str(voter), "--format", "json")
    assert [item["respondent"] for item in yaml.safe_load(result.output)["lists"]] == [
        "rennes-a",
        "rennes-b",
    ]


def test_hostile_commune_names_are_escaped_in_the_table_and_neutralised_in_csv(
    metropole: Path,
) -> None:
    hostile = '=HYPERLINK("http://x")\u202e<script>'
    _edit(metropole / "questionnaire.yaml",
          lambda d: d["election"]["communes"][1].update(name=hostile))  # fmt: skip
    table = _run("score", str(metropole), "--lang", "en").output
    assert "\u202e" not in table
    assert "== 35051 " in table
    rows = list(csv.DictReader(io.StringIO(
        _run("score", str(metropole), "--across-communes", "--format", "csv").output
    )))  # fmt: skip
    names = {row["commune_name"] for row in rows if row["commune"] == "35051"}
    assert names == {"'" + hostile}


def test_the_benchmark_runs_small_and_checks_every_commune_scores_as_aix(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import bench_communes

    figures = bench_communes.main([3, 6])
    assert [f["lists"] for f in figures] == [18, 36]
    assert "vs Aix" in capsys.readouterr().out


def test_sensitivity_compares_the_lists_of_one_commune() -> None:
    assert _run("sensitivity", str(FIXTURE)).exit_code == 2
    result = _run("sensitivity", str(FIXTURE), "--commune", "35238", "--lang", "en")
    assert result.exit_code == 0
    assert "reference: commitment / the project's policy" in result.output
