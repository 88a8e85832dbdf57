"""The ``surveyjs`` exporter: conformance, and what the form holds for each question."""

from __future__ import annotations

import json
from typing import Any

from civicquest_surveyjs.survey import BRACE

from civicquest import export
from civicquest.models import Project
from civicquest.plugins import ExportOutput
from civicquest.testing import HOSTILE_STRINGS, ExporterConformance, aix2026

__all__ = ["aix2026"]  # fixture


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def _survey(project: Project) -> dict[str, Any]:
    output = export(project, "surveyjs")
    assert isinstance(output, bytes)
    survey: dict[str, Any] = json.loads(output)
    return survey


def _elements(survey: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["name"]: e for page in survey["pages"] for e in page["elements"]}


class TestSurveyJsConformance(ExporterConformance):
    format_name = "surveyjs"
    carries = frozenset({"questions", "choices"})

    def output_text(self, output: ExportOutput) -> str:
        assert isinstance(output, bytes)
        return "\n".join(_strings(json.loads(output))).replace(BRACE, "{")

    # A form carries the questionnaire, not answers: these two check its options and texts.
    def test_conformance_every_answer(self, aix2026: Project) -> None:
        text = self.output_text(self.run(aix2026))
        for scale in aix2026.questionnaire.scales:
            for option in scale.options:
                labels = [option.label] if isinstance(option.label, str) else option.label.values()
                assert all(label in text for label in labels), option.code

    def test_conformance_hostile_strings(self, aix2026: Project) -> None:
        questions = tuple(
            q.model_copy(update={"text": {"fr": s, "en": s}})
            for q, s in zip(aix2026.questionnaire.questions, HOSTILE_STRINGS * 9, strict=False)
        )
        project = aix2026.model_copy(
            update={
                "questionnaire": aix2026.questionnaire.model_copy(update={"questions": questions})
            }
        )
        survey = json.loads(self.run(project))
        for question in questions:
            title = _elements(survey)[question.id]["title"]
            assert {lang: t.replace(BRACE, "{") for lang, t in title.items()} == question.text


def test_each_kind_of_question_gets_its_element(aix2026: Project) -> None:
    elements = _elements(_survey(aix2026))
    expected = {
        "commitment": "radiogroup",
        "position": "radiogroup",
        "single_choice": "radiogroup",
        "multiple_choice": "checkbox",
        "open_text": "comment",
        "number": "text",
    }
    for question in aix2026.questionnaire.questions:
        element = elements[question.id]
        assert element["type"] == expected[question.kind]
        assert ("requiredIf" in element) == question.required
        assert element.get("showCommentArea", False) == question.allow_comment
        assert (f"{question.id}/evidence" in elements) == question.allow_evidence
        assert elements[f"{question.id}/no_answer"]["visibleIf"] == f"{{{question.id}}} empty"
        if question.kind == "number":
            assert element["inputType"] == "number"
        if question.kind == "open_text":
            assert element.get("maxLength") == getattr(question, "max_length", None)
        if hasattr(question, "scale"):
            codes = [o.code for o in aix2026.scales_by_id[question.scale].options]
            assert [c["value"] for c in element["choices"]] == codes


def test_no_text_is_an_html_element_and_pages_follow_the_themes(aix2026: Project) -> None:
    survey = _survey(aix2026)
    types = {e["type"] for page in survey["pages"] for e in page["elements"]}
    assert "html" not in types
    assert "expression" not in types
    assert [p["name"] for p in survey["pages"]] == [
        "_list",
        *(f"theme/{t.id}" for t in aix2026.questionnaire.themes),
        "_end",
    ]
    assert survey["locale"] == "fr"
    assert survey["title"] == aix2026.questionnaire.title


def test_the_form_is_in_english_when_asked(aix2026: Project) -> None:
    output = export(aix2026, "surveyjs", lang="en")
    assert isinstance(output, bytes)
    assert json.loads(output)["locale"] == "en"
