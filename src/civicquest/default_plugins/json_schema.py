"""JSON Schema of a response to *this* questionnaire: each question with its allowed answers.

Online forms and other tools can check an answer file before sending it; ``civicquest schema``
gives the generic schema of every response instead.

One rule, one severity: the schema rejects only what ``validate`` calls an error. What it only
warns about (a text longer than ``max_length``, a comment where none is asked) is accepted, and
the limit is given as an annotation, ``x-civicquest-max-length``, for forms to show.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..models.base import TEXT_PATTERN
from ..models.project import Project
from ..models.questionnaire import AnyQuestion
from ..plugins import Exporter, ExportInput, hookimpl

__all__ = ["register_exporters", "response_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
TEXT = {"type": "string", "pattern": TEXT_PATTERN}
NO_ANSWER = {"enum": ["skipped", "declined", "not_applicable"]}
EVIDENCE = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "url": {"type": "string"},
            "excerpt": TEXT,
            "title": TEXT,
        },
        "additionalProperties": False,
        "anyOf": [{"required": ["url"]}, {"required": ["excerpt"]}],
    },
}


def response_schema(project: Project, lang: str = "fr") -> dict[str, Any]:
    """A Draft 2020-12 schema that accepts exactly the responses valid for this questionnaire."""
    questionnaire = project.questionnaire
    answers = {q.id: _answer_schema(project, q, lang) for q in questionnaire.questions}
    return {
        "$schema": DIALECT,
        "$id": f"urn:civicquest:{questionnaire.id}:{questionnaire.version}:response",
        "title": f"Response to {questionnaire.id} {questionnaire.version}",
        "type": "object",
        "required": ["respondent", "questionnaire", "consent_to_publish"],
        "additionalProperties": False,
        "properties": {
            "respondent": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$"},
            "questionnaire": {
                "type": "object",
                "required": ["id", "version"],
                "additionalProperties": False,
                "properties": {
                    "id": {"const": questionnaire.id},
                    "version": {"const": questionnaire.version},
                },
            },
            "received": {"type": "string", "format": "date"},
            "round": {"enum": [1, 2]},
            "channel": {"enum": ["form", "letter", "email", "meeting", "other"]},
            "consent_to_publish": {"type": "boolean"},
            "comment": TEXT,
            "answers": {"type": "object", "properties": answers, "additionalProperties": False},
        },
    }


def _answer_schema(project: Project, question: AnyQuestion, lang: str) -> dict[str, Any]:
    field, value = _value_schema(project, question)
    properties: dict[str, Any] = {
        field: value,
        "no_answer": NO_ANSWER,
        "evidence": EVIDENCE,
        "comment": TEXT,
    }
    return {
        "description": _text(project, question.text, lang),
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "oneOf": [{"required": [field]}, {"required": ["no_answer"]}],
    }


def _value_schema(project: Project, question: AnyQuestion) -> tuple[str, dict[str, Any]]:
    if question.kind == "open_text":
        return "text", _with(TEXT, **{"x-civicquest-max-length": question.max_length})
    if question.kind == "number":
        kind = "integer" if question.integer else "number"
        return "number", _with({"type": kind}, minimum=question.minimum, maximum=question.maximum)
    codes = [option.code for option in project.scales_by_id[question.scale].options]
    if question.kind == "multiple_choice":
        items = {"type": "array", "items": {"enum": codes}, "uniqueItems": True}
        return "choices", _with(items, minItems=question.min_choices, maxItems=question.max_choices)
    return "choice", {"enum": codes}


def _with(schema: dict[str, Any], **limits: object) -> dict[str, Any]:
    return {**schema, **{key: value for key, value in limits.items() if value is not None}}


def _text(project: Project, text: str | dict[str, str], lang: str) -> str:
    from ..models.base import localize

    return localize(text, lang, project.questionnaire.default_language)


def to_json_schema(data: ExportInput) -> bytes:
    schema = response_schema(data.project, data.lang)
    return (json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


@hookimpl
def register_exporters() -> Iterator[Exporter]:
    yield Exporter(
        name="jsonschema",
        aliases=("json-schema",),
        description=(
            "JSON Schema des réponses à ce questionnaire / JSON Schema of responses to it"
        ),
        export=to_json_schema,
        file_extensions=(".schema.json",),
        media_type="application/schema+json",
        needs="questionnaire",
    )
