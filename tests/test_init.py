"""``civicquest init``: a valid project for a new commune, never over anyone's files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from civicquest.cli import cli
from civicquest.loading.project import check_project
from civicquest.validation.divisions import DEPARTEMENTS, division_id_for, insee_problem


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def init(target: Path, *extra: str) -> tuple[int, str]:
    return run("init", str(target), "--lang", "en", *extra)


def test_init_from_the_example_writes_a_valid_project_for_the_commune(
    tmp_path: Path, example_dir: Path
) -> None:
    target = tmp_path / "grenoble"
    code, output = init(target, "--from", "aix2026", "--commune", "Grenoble", "--insee", "38185")
    assert code == 0, output
    result = check_project(target)
    assert result.ok, [issue.as_dict("en") for issue in result.issues]
    project = result.project
    assert project is not None
    q = project.questionnaire
    example = check_project(example_dir).project
    assert example is not None
    assert [x.id for x in q.questions] == [x.id for x in example.questionnaire.questions]
    assert q.themes == example.questionnaire.themes
    assert q.scales == example.questionnaire.scales
    assert q.id == "grenoble-2026"
    assert q.version == "1.0.0"
    assert q.election.commune.name == "Grenoble"
    assert q.election.commune.insee_code == "38185"
    assert q.election.division_id == "ocd-division/country:fr/region:ar/department:is/commune:38185"
    assert [o.id for o in q.organisers] == ["coalition"]
    assert all(question.asked_by == () for question in q.questions)
    assert project.respondents == ()
    assert project.responses == ()
    assert project.scoring is not None
    assert project.scoring.questionnaire == q.id


def test_the_schema_comments_point_to_schemas_that_exist(tmp_path: Path) -> None:
    target = tmp_path / "p"
    assert init(target)[0] == 0
    for name in ("questionnaire.yaml", "respondents.yaml", "scoring.yaml"):
        first = (target / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        schema = target / first.split("$schema=")[1]
        assert json.loads(schema.read_text())["title"]
    assert (target / "schemas" / "response.schema.json").is_file()


def test_the_readme_is_french_then_english_and_names_texts_still_citing_the_old_commune(
    tmp_path: Path,
) -> None:
    target = tmp_path / "p"
    assert init(target, "--commune", "Grenoble", "--insee", "38185")[0] == 0
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert readme.index("À modifier") < readme.index("## English")
    assert "« Aix-en-Provence »" in readme
    assert "- `intro.fr`" in readme
    assert "38185" in readme


def test_respondents_file_has_no_list_but_a_commented_model(tmp_path: Path) -> None:
    target = tmp_path / "p"
    assert init(target)[0] == 0
    text = (target / "respondents.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["respondents"] == []
    assert "#  - id: liste-a" in text


def test_init_from_a_project_folder_works_too(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    assert init(first, "--commune", "Ajaccio", "--insee", "2A004")[0] == 0
    code, output = init(second, "--from", str(first), "--commune", "Bastia", "--insee", "2B033")
    assert code == 0, output
    project = check_project(second).project
    assert project is not None
    election = project.questionnaire.election
    assert election.division_id == "ocd-division/country:fr/region:ce/department:hc/commune:2B033"


def test_a_non_empty_folder_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("mes notes")
    code, output = init(target)
    assert code == 2
    assert "not empty" in output
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert (target / "notes.txt").read_text() == "mes notes"


def test_an_empty_folder_is_accepted(tmp_path: Path) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    assert init(target)[0] == 0
    assert check_project(target).ok


@pytest.mark.parametrize("code", ["1300", "20001", "96001", "2C001", "ABCDE", "13001 "])
def test_a_bad_insee_code_is_a_usage_error_naming_the_option(tmp_path: Path, code: str) -> None:
    status, output = init(tmp_path / "p", "--commune", "X", "--insee", code)
    assert status == 2
    assert "--insee" in output
    assert "département" in output
    assert not (tmp_path / "p").exists()


def test_commune_and_insee_go_together(tmp_path: Path) -> None:
    assert init(tmp_path / "p", "--commune", "Grenoble")[0] == 2
    assert not (tmp_path / "p").exists()


def test_an_unknown_template_is_a_usage_error(tmp_path: Path) -> None:
    status, output = init(tmp_path / "p", "--from", "lyon2020")
    assert status == 2
    assert "lyon2020" in output


@pytest.mark.parametrize(
    "name",
    ["<script>alert(1)</script>", '=HYPERLINK("x")', "\u202eévil", "Saint-Étienne 🏳️", "x" * 300],
)
def test_hostile_commune_names_are_data(tmp_path: Path, name: str) -> None:
    target = tmp_path / "p"
    assert init(target, "--commune", name, "--insee", "42218")[0] == 0
    project = check_project(target).project
    assert project is not None
    assert project.questionnaire.election.commune.name == name
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert "<script>" not in readme


def test_a_commune_name_with_a_control_character_is_refused(tmp_path: Path) -> None:
    status, output = init(tmp_path / "p", "--commune", "a\x00b", "--insee", "13001")
    assert status == 2
    assert "--commune" in output
    assert not (tmp_path / "p").exists()


def test_every_departement_gets_a_division_id_the_validator_accepts() -> None:
    for departement in DEPARTEMENTS:
        code = departement + "0" * (5 - len(departement))
        assert insee_problem(code) is None
        assert division_id_for(code).endswith(f"/commune:{code}")
    assert len(DEPARTEMENTS) == 96 + 10  # metropolitan France (2A, 2B) and overseas


def test_init_from_the_multi_commune_example_keeps_its_communes(tmp_path: Path) -> None:
    target = tmp_path / "metropole"
    assert init(target, "--from", "metropole2026")[0] == 0
    project = check_project(target).project
    assert project is not None
    communes = [c.insee_code for c in project.questionnaire.election.all_communes]
    assert communes == ["44109", "44143", "44162", "44114", "44020"]
    assert {q.id: q.communes for q in project.questionnaire.questions}["m04"] == ("44109", "44143")


def test_init_for_one_commune_from_the_multi_commune_example_asks_every_question(
    tmp_path: Path,
) -> None:
    target = tmp_path / "reze"
    code, output = init(target, "--from", "metropole2026", "--commune", "Rezé", "--insee", "44143")
    assert code == 0, output
    result = check_project(target)
    assert result.ok, [issue.as_dict("en") for issue in result.issues]
    assert result.project is not None
    q = result.project.questionnaire
    assert q.election.communes is None
    assert q.election.commune is not None
    assert q.election.commune.insee_code == "44143"
    assert len(q.questions) == 19
    assert all(question.communes is None for question in q.questions)
    assert all(theme.communes is None for theme in q.themes)
