"""save_project writes an authoring folder that load_project reads back equal, and is safe."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

import civicquest
from civicquest import Project, UsageError, load_project, save_project
from civicquest.testing import HOSTILE_STRINGS, hostile_project
from project_builder import write_project
from strategies import projects

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "aix2026"


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=projects())
def test_save_then_load_gives_an_equal_project(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as source, tempfile.TemporaryDirectory() as target:
        project = load_project(write_project(Path(source), data))
        save_project(project, Path(target) / "saved")
        again = load_project(Path(target) / "saved")
    assert again == project
    assert again.model_dump(mode="json") == project.model_dump(mode="json")


def test_the_worked_example_round_trips_with_its_scoring(tmp_path: Path) -> None:
    project = load_project(EXAMPLE)
    assert project.scoring is not None
    written = save_project(project, tmp_path / "out")
    assert {p.relative_to(tmp_path / "out").as_posix() for p in written} >= {
        "questionnaire.yaml",
        "respondents.yaml",
        "scoring.yaml",
    }
    assert load_project(tmp_path / "out") == project


def test_hostile_text_survives_the_round_trip(tmp_path: Path) -> None:
    # (NUL and other C0 controls are refused by the models: not a text a project can hold)
    strings = (*HOSTILE_STRINGS, "fin\r", "\x85\u2028\u2029", "x" * 20_000)
    project = hostile_project(load_project(EXAMPLE), strings)
    save_project(project, tmp_path / "out")
    assert load_project(tmp_path / "out") == project


def test_a_project_built_in_python_round_trips(tmp_path: Path) -> None:
    questionnaire = load_project(EXAMPLE).questionnaire
    project = Project(questionnaire=questionnaire)
    save_project(project, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["questionnaire.yaml"]
    assert load_project(tmp_path / "out") == project


def test_the_yaml_is_block_style_unicode_without_aliases(tmp_path: Path) -> None:
    save_project(load_project(EXAMPLE), tmp_path / "out")
    text = (tmp_path / "out" / "questionnaire.yaml").read_text(encoding="utf-8")
    assert "é" in text
    assert "\\xE9" not in text
    assert "&id" not in text
    assert "*id" not in text
    assert text.startswith("id: ")  # the model's field order, not sorted keys
    assert "{" not in text.split("\n")[1]
    assert yaml.safe_load(text)["id"] == "aix2026-solidarite"


def test_a_non_empty_folder_is_refused_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UsageError, match="not empty"):
        save_project(load_project(EXAMPLE), tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_overwrite_replaces_its_files_and_keeps_the_others(tmp_path: Path) -> None:
    project = load_project(EXAMPLE)
    save_project(project, tmp_path)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "questionnaire.yaml").write_text("stale", encoding="utf-8")
    save_project(project, tmp_path, overwrite=True)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert load_project(tmp_path) == project


def test_overwrite_refuses_project_files_it_would_not_replace(tmp_path: Path) -> None:
    project = load_project(EXAMPLE)
    save_project(project, tmp_path)
    stray = tmp_path / "responses" / "old-list.yaml"
    stray.write_text("respondent: old-list\n", encoding="utf-8")
    (tmp_path / "questionnaire.yaml").write_text("mine", encoding="utf-8")
    with pytest.raises(UsageError, match=r"responses/old-list\.yaml"):
        save_project(project.model_copy(update={"scoring": None}), tmp_path, overwrite=True)
    assert stray.read_text(encoding="utf-8") == "respondent: old-list\n"
    assert (tmp_path / "questionnaire.yaml").read_text(encoding="utf-8") == "mine"


def test_scoring_file_left_over_is_named(tmp_path: Path) -> None:
    project = load_project(EXAMPLE)
    save_project(project, tmp_path)
    with pytest.raises(UsageError, match=r"scoring\.yaml"):
        save_project(project.model_copy(update={"scoring": None}), tmp_path, overwrite=True)


def test_two_responses_of_one_list_are_refused_not_merged(tmp_path: Path) -> None:
    project = load_project(EXAMPLE)
    doubled = project.model_copy(update={"responses": project.responses * 2})
    with pytest.raises(UsageError, match="two responses"):
        save_project(doubled, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_save_project_is_public() -> None:
    assert civicquest.save_project is save_project
