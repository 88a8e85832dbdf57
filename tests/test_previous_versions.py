"""A response to an older kept version is shown with the wording it answered."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from civicquest import answer_records, load_project
from civicquest.cli import cli
from civicquest.exporting.schemas import json_schema
from civicquest.loading.documents import read_document
from civicquest.loading.project import check_project
from civicquest.plugins import answered_wording

ROOT = Path(__file__).resolve().parents[1]
EVOLVING = ROOT / "examples" / "evolving"


@pytest.fixture
def evolving(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EVOLVING, tmp_path / "evolving"))


def test_the_wording_answered_is_in_the_records_and_the_markdown(evolving: Path) -> None:
    project = load_project(evolving)
    assert [q.version for q in project.previous_versions] == ["1.0.0"]
    old = project.previous_by_version["1.0.0"].questions[0].text
    assert isinstance(old, dict)
    rows = {row["question"]: row for row in answer_records(project, "fr")}
    assert (rows["p01"]["wording_version"], rows["p01"]["wording"]) == ("1.0.0", old["fr"])
    # Only French was reworded: the English wording is today's, and so is p02's.
    english = {row["question"]: row for row in answer_records(project, "en")}
    assert english["p01"]["wording"] is None
    assert rows["p02"]["wording"] is None
    response = project.responses[0]
    assert answered_wording(project, response, "p01", "fr") == ("1.0.0", old["fr"])

    result = CliRunner().invoke(cli, ["export", str(evolving), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert "Réponse à la version 1.0.0, dont la question était" in result.output
    assert old["fr"] in result.output
    assert result.output.count("Réponse à la version") == 1


def test_a_response_to_a_version_not_kept_is_accepted_with_a_warning(evolving: Path) -> None:
    shutil.move(evolving / "previous_versions" / "1.0.0.yaml", evolving / "base-1.0.0.yaml")
    (evolving / "questionnaire.yaml").write_text(
        (evolving / "questionnaire.yaml")
        .read_text(encoding="utf-8")
        .replace("previous_versions/1.0.0.yaml", "base-1.0.0.yaml"),
        encoding="utf-8",
    )
    result = check_project(evolving)
    assert [(i.code, i.severity, Path(i.file or "").name) for i in result.issues] == [
        ("older_version_not_kept", "warning", "aix-avenir.yaml")
    ]
    assert result.project is not None
    assert all(row["wording"] is None for row in answer_records(result.project))


def test_a_kept_version_under_the_wrong_name_is_an_error(evolving: Path) -> None:
    folder = evolving / "previous_versions"
    shutil.move(folder / "1.0.0.yaml", folder / "1.0.1.yaml")
    codes = [(i.code, Path(i.file or "").name) for i in check_project(evolving).issues]
    assert ("previous_version_mismatch", "1.0.1.yaml") in codes
    assert ("extends_base_missing", "questionnaire.yaml") in codes


def test_a_project_at_its_first_version_has_nothing_to_show(example_dir: Path) -> None:
    project = load_project(example_dir)
    assert project.previous_versions == ()
    assert all(row["wording_version"] is None for row in answer_records(project))
    assert "previous_versions" not in json.dumps(project.model_dump(mode="json"))


@pytest.mark.parametrize(
    "path", sorted(EVOLVING.rglob("questionnaire.yaml")) + sorted(EVOLVING.glob("previous*/*"))
)
def test_extending_files_validate_against_the_questionnaire_schema(path: Path) -> None:
    validator = Draft202012Validator(json_schema("questionnaire"))
    assert list(validator.iter_errors(read_document(path).data)) == []
