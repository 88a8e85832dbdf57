"""``civicquest diff``: what changed between two questionnaires, and the bump it needs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from civicquest.analysis.diff import diff_questionnaires
from civicquest.cli import cli
from civicquest.loading.project import check_project, load_questionnaire
from civicquest.models import Questionnaire
from strategies import questionnaires


def model(data: dict[str, Any]) -> Questionnaire:
    return Questionnaire.model_validate(data)


def kinds(changes: Any, suffix: str) -> set[tuple[str, str]]:
    return {(c.kind.removesuffix(suffix), c.target) for c in changes if c.kind.endswith(suffix)}


@settings(max_examples=40, deadline=None)
@given(questionnaires())
def test_a_questionnaire_has_no_change_with_itself(data: dict[str, Any]) -> None:
    result = diff_questionnaires(model(data), model(data))
    assert result.changes == ()
    assert result.implied is None
    assert not result.too_small


@settings(max_examples=40, deadline=None)
@given(questionnaires(), questionnaires())
def test_what_b_adds_to_a_is_what_a_removes_from_b(a: dict[str, Any], b: dict[str, Any]) -> None:
    forward = diff_questionnaires(model(a), model(b))
    backward = diff_questionnaires(model(b), model(a))
    assert kinds(forward.changes, "_added") == kinds(backward.changes, "_removed")
    assert kinds(forward.changes, "_removed") == kinds(backward.changes, "_added")
    reworded = {(c.target, c.field, c.languages) for c in forward.changes if "reworded" in c.kind}
    assert reworded == {
        (c.target, c.field, c.languages) for c in backward.changes if "reworded" in c.kind
    }


def edited(example: Path, tmp_path: Path, edit: Any, version: str) -> Path:
    data = yaml.safe_load((example / "questionnaire.yaml").read_text(encoding="utf-8"))
    edit(data)
    data["version"] = version
    target = tmp_path / "questionnaire.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return target


def test_each_kind_of_change_and_its_bump(example_dir: Path, tmp_path: Path) -> None:
    def edit(q: dict[str, Any]) -> None:
        q["questions"][0]["text"]["en"] = "Reworded in English only"
        del q["questions"][1]
        q["questions"].append({**q["questions"][2], "id": "new01"})
        scale = q["scales"][0]
        scale["options"].append({"code": "extra", "label": {"fr": "x", "en": "x"}})
        scale["options"][0]["score"] = 0.9

    old = load_questionnaire(example_dir)
    new = load_questionnaire(edited(example_dir, tmp_path, edit, "1.1.0"))
    result = diff_questionnaires(old, new)
    found = {(c.kind, c.target, c.bump) for c in result.changes}
    first, second, _third = (q.id for q in old.questions[:3])
    scale = old.scales[0]
    assert ("question_reworded", first, "patch") in found
    assert ("question_removed", second, "major") in found
    assert ("question_added", "new01", "minor") in found
    assert ("option_added", f"{scale.id}.extra", "minor") in found
    assert ("option_rescored", f"{scale.id}.{scale.options[0].code}", "minor") in found
    reworded = next(c for c in result.changes if c.kind == "question_reworded")
    assert reworded.languages == ("en",)
    assert reworded.after == "en: Reworded in English only"
    assert result.implied == "major"
    assert result.declared == "minor"
    assert result.too_small


def test_the_cli_warns_when_the_declared_bump_is_too_small(
    example_dir: Path, tmp_path: Path
) -> None:
    new = edited(example_dir, tmp_path, lambda q: q["questions"].pop(), "1.0.1")
    result = CliRunner().invoke(cli, ["diff", str(example_dir), str(new), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "| question supprimée |" in result.output or "| question removed |" in result.output
    assert "1.0.0 → 1.0.1" in result.output
    as_json = CliRunner().invoke(cli, ["diff", str(example_dir), str(new), "--format", "json"])
    data = json.loads(as_json.output)
    assert data["implied_bump"] == "major"
    assert data["declared_too_small"] is True


def test_a_patch_that_only_rewords_is_enough(example_dir: Path, tmp_path: Path) -> None:
    def edit(q: dict[str, Any]) -> None:
        q["title"]["fr"] = "Nouveau titre"

    new = edited(example_dir, tmp_path, edit, "1.0.1")
    result = diff_questionnaires(load_questionnaire(example_dir), load_questionnaire(new))
    assert result.implied == "patch"
    assert not result.too_small


def test_a_hostile_reworded_text_stays_one_table_cell(example_dir: Path, tmp_path: Path) -> None:
    def edit(q: dict[str, Any]) -> None:
        q["questions"][0]["text"]["fr"] = "a | b\nc <script>"

    new = edited(example_dir, tmp_path, edit, "1.0.1")
    result = CliRunner().invoke(cli, ["diff", str(example_dir), str(new)])
    row = next(line for line in result.output.splitlines() if "a \\| b" in line)
    assert row.count(" | ") == 3


def test_a_response_to_an_older_compatible_version_is_accepted(
    example_copy: Path,
) -> None:
    questionnaire = example_copy / "questionnaire.yaml"
    text = questionnaire.read_text(encoding="utf-8")
    questionnaire.write_text(text.replace('version: "1.0.0"', 'version: "1.2.0"', 1))
    result = check_project(example_copy)
    assert result.ok, [i.as_dict("en") for i in result.issues if i.severity == "error"]
    questionnaire.write_text(text.replace('version: "1.0.0"', 'version: "2.0.0"', 1))
    codes = {issue.code for issue in check_project(example_copy).issues}
    assert "incompatible_version" in codes


@given(st.from_regex(r"[0-9]\.[0-9]\.[0-9]", fullmatch=True))
def test_compatible_means_same_major_and_not_newer(version: str) -> None:
    from civicquest.validation.versions import compatible, parse_version

    assert compatible(version, version)
    major, minor, patch = parse_version(version)
    assert compatible(version, f"{major}.{minor + 1}.0")
    assert not compatible(version, f"{major + 1}.0.0")
    assert not compatible(f"{major}.{minor}.{patch + 1}", version)
