"""The ``open-election-compass`` exporter, read back as the client reads it: its walk over the
configuration, and every text rendered by vue-i18n's own compiler (``@intlify/core-base``)."""

from __future__ import annotations

import json
import re
from itertools import cycle
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from vaa_readers import exported, open_election_compass, update_golden

from civicquest import export
from civicquest.models import Project
from civicquest.plugins import ExportOutput, ExportWarning, text_of
from civicquest.testing import HOSTILE_STRINGS, ExporterConformance, aix2026, hostile_project

__all__ = ["aix2026", "update_golden"]  # fixtures

GOLDEN = Path(__file__).parent / "golden" / "aix2026.oec.json"
POSITIONS = {1.0: "approve", 0.5: "neutral", 0.0: "reject"}
NOT_RUNNING = {"withdrawn", "merged", "not_solicited"}
#: vue-i18n's syntax, and the client's tooltip mark-up (DefinitionsTooltip.vue)
#: each one compiles when left as it is, and then shows something else
SYNTAX = (
    "tarif plein | tarif réduit",
    "voir @:title ici",
    "{0} et {nom}",
    "5 $ ou {'@'} littéral",
    "[terme]<définition>",
)

MULTILINGUAL: dict[str, Any] = {
    "type": "object",
    "minProperties": 1,
    "additionalProperties": {"type": "string"},
}
#: the configuration as open-election-compass.com's guide (guide/technical/configuration.md)
#: documents it, with the client's algorithm names (src/store/modules/algorithm/algorithms)
SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["version", "languages", "title", "subtitle", "introduction", "parties", "theses"],
    "properties": {
        "version": {"const": "1"},
        "algorithm": {
            "enum": [
                "cityblock/approve-neutral-reject",
                "cityblock/approve-partly-reject",
                "hybrid",
            ]
        },
        "languages": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["code", "name"],
                "properties": {
                    "code": {"type": "string", "pattern": "^[a-z]{2}$"},
                    "name": {"type": "string"},
                },
            },
        },
        "title": MULTILINGUAL,
        "subtitle": MULTILINGUAL,
        "introduction": {
            "type": "object",
            "required": ["heading", "text"],
            "properties": {"heading": MULTILINGUAL, "text": MULTILINGUAL},
        },
        "parties": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["alias", "name", "short", "description"],
                "properties": {
                    "alias": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
                    "name": MULTILINGUAL,
                    "short": MULTILINGUAL,
                    "description": MULTILINGUAL,
                },
            },
        },
        "theses": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["statement", "positions"],
                "properties": {
                    "title": MULTILINGUAL,
                    "statement": MULTILINGUAL,
                    "positions": {
                        "type": "object",
                        "additionalProperties": {
                            "type": "object",
                            "required": ["position", "explanation"],
                            "properties": {
                                "position": {"enum": ["approve", "neutral", "reject", "skip"]},
                                "explanation": MULTILINGUAL,
                            },
                        },
                    },
                },
            },
        },
    },
}


class TestOpenElectionCompassConformance(ExporterConformance):
    format_name = "open-election-compass"
    # Theses only: open questions, numbers and multiple choices cannot go in (checked below).
    carries = frozenset()

    def run(self, project: Project, **kwargs: Any) -> ExportOutput:
        return exported(project, self.format_name, graded="partial")


def _theses(project: Project) -> list[str]:
    return [
        q.id
        for q in project.questionnaire.questions
        if q.kind in ("position", "commitment", "single_choice")
    ]


def _position(project: Project, question_id: str, respondent_id: str) -> str:
    response = project.responses_by_respondent.get(respondent_id)
    answer = response.answers.get(question_id) if response else None
    if answer is None or answer.choice is None:
        return "skip"
    scale = project.scales_by_id[getattr(project.questions_by_id[question_id], "scale", "")]
    score = next(o.score for o in scale.options if o.code == answer.choice)
    return "skip" if score is None else POSITIONS.get(score, "neutral")


def test_aix_loads_in_the_client_with_every_text_as_written(
    aix2026: Project, tmp_path: Path
) -> None:
    config = exported(aix2026, "open-election-compass", graded="partial")
    jsonschema.validate(json.loads(config), SCHEMA)
    report = open_election_compass(config, tmp_path)
    assert report["errors"] == report["compileErrors"] == []
    assert report["languages"] == ["fr", "en"]
    running = [r for r in aix2026.respondents if r.status not in NOT_RUNNING]
    assert report["aliases"] == [r.id for r in running]
    theses = _theses(aix2026)
    assert report["positions"] == [
        {r.id: _position(aix2026, q, r.id) for r in running} for q in theses
    ]
    for lang in ("fr", "en"):
        shown = report["shown"][lang]
        assert shown["title"] == text_of(aix2026, aix2026.questionnaire.title, lang)
        for index, question_id in enumerate(theses):
            question = aix2026.questions_by_id[question_id]
            assert shown[f"theses.{index}.statement"] == text_of(aix2026, question.text, lang)
        for index, respondent in enumerate(running):
            assert shown[f"parties.{index}.name"] == respondent.name


def test_a_missing_answer_is_skip_and_says_why(aix2026: Project, tmp_path: Path) -> None:
    report = open_election_compass(exported(aix2026, "open-election-compass"), tmp_path)
    shown = report["shown"]["en"]
    skipped = 0
    for index, row in enumerate(report["positions"]):
        for alias, position in row.items():
            explanation = shown[f"theses.{index}.positions.{alias}.explanation"]
            if position == "skip":
                skipped += 1
                assert explanation.startswith("The list "), explanation
    assert skipped > 0
    with pytest.warns(ExportWarning) as caught:
        export(aix2026, "open-election-compass", lang="en")
    said = "\n".join(str(w.message) for w in caught)
    assert "'skip'" in said
    for respondent in aix2026.respondents:
        if respondent.status in ("pending", "declined", "partial"):
            assert respondent.name in said


def _hostile(project: Project) -> Project:
    texts = cycle((*HOSTILE_STRINGS, *SYNTAX))
    project = hostile_project(project, (*HOSTILE_STRINGS, *SYNTAX))
    questions = tuple(
        q.model_copy(update={"text": {"fr": next(texts), "en": next(texts)}})
        for q in project.questionnaire.questions
    )
    respondents = tuple(
        r.model_copy(update={"name": next(texts), "id": f"{r.id}.x"}) for r in project.respondents
    )
    responses = tuple(
        r.model_copy(update={"respondent": f"{r.respondent}.x"}) for r in project.responses
    )
    questionnaire = project.questionnaire.model_copy(update={"questions": questions})
    return project.model_copy(
        update={"questionnaire": questionnaire, "respondents": respondents, "responses": responses}
    )


def _lines(text: str) -> str:
    """vue-i18n reads a CR LF as one line break (as a browser shows it anyway)."""
    return text.replace("\r\n", "\n")


def test_hostile_text_is_shown_as_written(aix2026: Project, tmp_path: Path) -> None:
    project = _hostile(aix2026)
    config = exported(project, "open-election-compass", graded="partial")
    jsonschema.validate(json.loads(config), SCHEMA)
    report = open_election_compass(config, tmp_path)
    assert report["errors"] == report["compileErrors"] == []
    running = [r for r in project.respondents if r.status not in NOT_RUNNING]
    for lang in ("fr", "en"):
        shown = report["shown"][lang]
        for index, question_id in enumerate(_theses(project)):
            statement = shown[f"theses.{index}.statement"]
            assert re.search(r"\[.*\]<.*>", statement) is None  # no tooltip made of our text
            expected = text_of(project, project.questions_by_id[question_id].text, lang)
            assert statement.replace("\u2060", "") == _lines(expected)
            for respondent, alias in zip(running, report["aliases"], strict=True):
                answer = project.responses_by_respondent.get(respondent.id)
                comment = answer.answers.get(question_id) if answer else None
                if comment is not None and comment.comment and comment.choice:
                    said = shown[f"theses.{index}.positions.{alias}.explanation"]
                    assert said.endswith(_lines(comment.comment))
        for index, respondent in enumerate(running):
            assert shown[f"parties.{index}.name"] == _lines(respondent.name)
    assert all("." not in alias for alias in report["aliases"])


def test_golden_aix(aix2026: Project, update_golden: bool) -> None:
    config = exported(aix2026, "open-election-compass")
    if update_golden:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_bytes(config)
    assert GOLDEN.exists(), f"{GOLDEN} is missing: run pytest --update-golden once, then review it"
    assert GOLDEN.read_bytes() == config
