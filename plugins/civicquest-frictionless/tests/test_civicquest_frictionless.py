"""civicquest-frictionless: the package passes `frictionless validate` and keeps every answer."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import frictionless
import pytest

from civicquest import export
from civicquest.models import Project
from civicquest.plugins import ExportOutput
from civicquest.testing import (
    CARRIED,
    ExporterConformance,
    aix2026,
    hostile_project,
    list_plugins,
    write_output,
)

__all__ = ["aix2026"]  # fixture


def _write(output: ExportOutput, folder: Path) -> Path:
    write_output(output, folder, "frictionless")  # with civicquest's marker file inside
    return folder / "datapackage.json"


def _rows(output: ExportOutput, name: str) -> list[dict[str, str]]:
    assert not isinstance(output, bytes)
    return list(csv.DictReader(io.StringIO(output[f"{name}.csv"].decode(), newline="")))


def test_the_plugin_is_discovered_through_its_entry_point() -> None:
    info = {p.name: p for p in list_plugins(include_defaults=False)}["frictionless"]
    assert info.provides == {"exporters": ("frictionless",)}


@pytest.mark.parametrize("hostile", [False, True])
def test_frictionless_validate_passes(aix2026: Project, tmp_path: Path, hostile: bool) -> None:
    project = hostile_project(aix2026) if hostile else aix2026
    descriptor = _write(export(project, "frictionless"), tmp_path / "package")
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_every_published_answer_is_in_the_package(aix2026: Project) -> None:
    project = hostile_project(aix2026)
    rows = {
        (r["respondent"], r["question"]): r
        for r in _rows(export(project, "frictionless"), "answers")
    }
    for response in project.responses:
        for question_id, answer in response.answers.items():
            key = (response.respondent, question_id)
            if not response.consent_to_publish:
                assert key not in rows
                continue
            assert rows[key]["comment"] == (answer.comment or "")
            assert rows[key]["value_field"] == answer.value_field


def test_licence_sources_and_no_private_data(aix2026: Project) -> None:
    output = export(aix2026, "frictionless", {"license": "odbl-1.0"})
    assert not isinstance(output, bytes)
    descriptor = json.loads(output["datapackage.json"])
    assert descriptor["licenses"][0]["name"] == "ODbL-1.0"
    assert {s["title"] for s in descriptor["sources"]} == {
        o.name for o in aix2026.questionnaire.organisers
    }
    everything = b"".join(output.values())
    assert b"example.org>" not in everything
    assert b"contact@" not in everything
    published = {r["id"]: r["answers_published"] for r in _rows(output, "lists")}
    assert published["aix-ecologie"] == "false"


class TestFrictionlessConformance(ExporterConformance):
    format_name = "frictionless"
    carries = CARRIED - {"response_comments", "evidence"}

    def output_text(self, output: ExportOutput) -> str:
        assert not isinstance(output, bytes)
        cells = []
        for name, content in output.items():
            if name.endswith(".csv"):
                reader = csv.reader(io.StringIO(content.decode(), newline=""))
                cells += [cell for row in reader for cell in row]
        return "\n".join(cells)
