"""The export function and command, and the built-in json, yaml and jsonschema formats."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings

from civicquest import hookimpl
from civicquest.cli import cli
from civicquest.errors import PluginError, UsageError
from civicquest.exporting.pipeline import export, find_exporter, parse_option_pairs, write_output
from civicquest.loading.project import load_project
from civicquest.models import Project
from civicquest.plugins._records import Exporter
from civicquest.testing import (
    HOSTILE_STRINGS,
    aix2026,
    hostile_project,
    plugin_manager,
    register_plugin,
    registered,
)
from strategies import valid_text

__all__ = ["aix2026", "plugin_manager", "register_plugin"]  # fixtures

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "aix2026"


def _everything(project: Project, fmt: str) -> Project:
    output = export(project, fmt, include_contact=True, include_unpublished=True)
    assert isinstance(output, bytes)
    loaded = json.loads(output) if fmt == "json" else yaml.safe_load(output)
    return Project.model_validate(loaded["project"])


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_canonical_formats_are_lossless(aix2026: Project, fmt: str) -> None:
    assert _everything(aix2026, fmt) == aix2026


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_hostile_strings_survive_exactly_in_canonical_formats(aix2026: Project, fmt: str) -> None:
    hostile = hostile_project(aix2026)
    assert _everything(hostile, fmt) == hostile


AIX = load_project(EXAMPLE)


@settings(max_examples=60, deadline=None)
@given(comment=valid_text(max_size=200))
def test_any_comment_round_trips_through_yaml_and_json(comment: str) -> None:
    project = hostile_project(AIX, (comment or "x",))
    assert _everything(project, "yaml") == project
    assert _everything(project, "json") == project


def test_private_contacts_and_unconsented_answers_are_left_out(aix2026: Project) -> None:
    document = json.loads(export(aix2026, "json"))  # type: ignore[arg-type]
    text = json.dumps(document, ensure_ascii=False)
    withheld = [r.respondent for r in aix2026.responses if not r.consent_to_publish]
    assert withheld
    assert document["withheld_answers"] == withheld
    assert '"contact":' not in text
    assert "@aix-ensemble.example.org" not in text
    responses = {r["respondent"]: r for r in document["project"]["responses"]}
    assert all(responses[w].get("answers", {}) == {} for w in withheld)
    statuses = {r["id"]: r["status"] for r in document["project"]["respondents"]}
    assert set(statuses) == {r.id for r in aix2026.respondents}


def test_canonical_json_is_deterministic_and_sorted(aix2026: Project) -> None:
    first = export(aix2026, "json")
    assert first == export(aix2026, "json")
    assert isinstance(first, bytes)
    assert (
        first
        == (
            json.dumps(json.loads(first), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        ).encode()
    )


def test_json_schema_accepts_the_example_and_refuses_a_wrong_code(aix2026: Project) -> None:
    schema = json.loads(export(aix2026, "jsonschema"))  # type: ignore[arg-type]
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for response in aix2026.responses:
        validator.validate(response.model_dump(mode="json", exclude_none=True))
    bad = aix2026.responses[0].model_dump(mode="json", exclude_none=True)
    question = next(q for q in aix2026.questionnaire.questions if q.kind == "commitment")
    bad["answers"][question.id] = {"choice": "pas_une_option"}
    errors = list(validator.iter_errors(bad))
    assert errors
    assert errors[0].absolute_path[1] == question.id


def test_unknown_format_and_bad_option_are_usage_errors(aix2026: Project) -> None:
    with pytest.raises(UsageError, match=r"unknown export format 'nope'; available: .*json"):
        export(aix2026, "nope")
    with pytest.raises(UsageError, match="'colour' is not an option"):
        export(aix2026, "json", {"colour": "red"})
    with pytest.raises(UsageError, match="key=value"):
        parse_option_pairs(["novalue"])


def test_a_format_is_found_by_file_extension() -> None:
    assert find_exporter(".yml").name == "yaml"
    assert find_exporter(".json").name == "json"


class FolderAndFaulty:
    @hookimpl
    def register_exporters(self) -> list[Exporter]:
        return [
            Exporter(name="tree", description="a folder", writes="folder",
                     export=lambda data: {"b/c.txt": b"c", "a.txt": b"a"}),
            Exporter(name="escape", description="bad paths", writes="folder",
                     export=lambda data: {"../evil.txt": b"x"}),
            Exporter(name="crash", description="raises", export=lambda data: 1 / 0),  # type: ignore[arg-type, return-value]
        ]  # fmt: skip


def test_folder_outputs_are_written_atomically_and_replace_the_old(
    register_plugin: object, aix2026: Project, tmp_path: Path
) -> None:
    target = tmp_path / "out"
    write_output({"stale/old.txt": b"old"}, target, "tree")
    with registered(FolderAndFaulty()):
        write_output(export(aix2026, "tree"), target, "tree")
        with pytest.raises(PluginError, match="'escape' exporter must return a mapping"):
            export(aix2026, "escape")
        with pytest.raises(PluginError, match="'crash' exporter raised ZeroDivisionError"):
            export(aix2026, "crash")
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == [
        ".civicquest-export.json", "a.txt", "b", "b/c.txt",
    ]  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_cli_export_writes_a_file_atomically(tmp_path: Path) -> None:
    target = tmp_path / "aix.yaml"
    result = CliRunner().invoke(cli, ["export", str(EXAMPLE), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["format"] == "civicquest-project/1"
    assert [p.name for p in tmp_path.iterdir()] == ["aix.yaml"]


def test_cli_export_includes_private_data_only_when_asked() -> None:
    args = ["export", str(EXAMPLE), "--format", "json"]
    default = CliRunner().invoke(cli, args)
    everything = CliRunner().invoke(cli, [*args, "--include-contact", "--include-unpublished"])
    assert "contact@aix-ensemble.example.org" not in default.output
    assert "contact@aix-ensemble.example.org" in everything.output
    assert json.loads(everything.output)["withheld_answers"] == []


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--format", "nope"], 2, "unknown export format 'nope'"),
        (["--format", "json", "--option", "x=1"], 2, "'x' is not an option"),
        (
            ["--format", "csv", "--option", "variant=tall"],
            2,
            "'variant': Input should be 'long' or 'wide'",
        ),
        (["--format", "frictionless"], 2, "writes a folder: give -o FOLDER"),
        ([], 2, "choose a format"),
    ],
)
def test_cli_export_usage_errors(args: list[str], code: int, message: str) -> None:
    result = CliRunner().invoke(cli, ["export", str(EXAMPLE), *args])
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output


def test_cli_export_of_an_invalid_project_exits_1(tmp_path: Path) -> None:
    (tmp_path / "questionnaire.yaml").write_text("id: [\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    assert "questionnaire.yaml" in result.output


def test_cli_formats_lists_every_format_with_options() -> None:
    result = CliRunner().invoke(cli, ["formats", "--json"])
    formats = {row["name"]: row for row in json.loads(result.output)}
    assert {"json", "yaml", "jsonschema", "csv", "xlsx", "markdown", "frictionless"} <= set(formats)
    options = {o["name"]: o for o in formats["csv"]["options"]}
    assert options["variant"]["type"] == "long|wide"
    assert options["variant"]["default"] == "'long'"


def test_hostile_strings_include_the_required_kinds() -> None:
    joined = "".join(HOSTILE_STRINGS)
    for needle in ("=", "<script>", "\u200f", "🗳", "\n", '"', "'"):
        assert needle in joined
    assert max(len(s) for s in HOSTILE_STRINGS) >= 20_000


def test_withholding_answers_keeps_the_rest_of_the_project(aix2026: Project) -> None:
    from civicquest.exporting.pipeline import publishable

    published, withheld = publishable(aix2026)
    assert withheld == {"aix-ecologie"}
    assert published.scoring == aix2026.scoring
    assert published.questionnaire == aix2026.questionnaire
    assert published.responses_by_respondent["aix-ecologie"].answers == {}
    assert (
        published.responses_by_respondent["aix-avenir"]
        == (aix2026.responses_by_respondent["aix-avenir"])
    )
