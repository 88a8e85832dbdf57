"""The five tables of the package: rows of strings, and their Table Schemas."""

from __future__ import annotations

from typing import Any

from civicquest.plugins import ExportInput, answer_label, answer_value, format_number, text_of

__all__ = ["TABLES", "Rows"]

Rows = list[list[str]]


def _bool(value: bool) -> str:
    return "true" if value else "false"


def themes(data: ExportInput) -> Rows:
    p = data.project
    return [
        [t.id, text_of(p, t.title, data.lang), format_number(t.weight)]
        for t in p.questionnaire.themes
    ]


def questions(data: ExportInput) -> Rows:
    p = data.project
    return [
        [q.id, q.theme, q.kind, text_of(p, q.text, data.lang), getattr(q, "scale", ""),
         _bool(q.required), _bool(q.scored), format_number(q.weight)]
        for q in p.questionnaire.questions
    ]  # fmt: skip


def options(data: ExportInput) -> Rows:
    p, rows = data.project, []
    for scale in p.questionnaire.scales:
        for position, o in enumerate(scale.options, start=1):
            score = "" if o.score is None else format_number(o.score)
            rows.append([scale.id, o.code, str(position), text_of(p, o.label, data.lang), score,
                         _bool(o.not_applicable)])  # fmt: skip
    return rows


def lists(data: ExportInput) -> Rows:
    return [
        [r.id, r.name, r.head_of_list or "", r.political_label or "", r.url or "", r.status,
         _bool(r.id not in data.withheld), r.note or ""]
        for r in data.project.respondents
    ]  # fmt: skip


def answers(data: ExportInput) -> Rows:
    p, rows = data.project, []
    for response in p.responses:
        if response.respondent in data.withheld:
            continue
        for question in p.questionnaire.questions:
            answer = response.answers.get(question.id)
            if answer is None:
                continue
            urls = " ".join(e.url for e in answer.evidence if e.url)
            rows.append([response.respondent, question.id, answer.value_field,
                         answer_value(answer), answer_label(p, question, answer, data.lang),
                         answer.comment or "", urls])  # fmt: skip
    return rows


def _field(name: str, kind: str = "string", description: str = "", **more: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, "description": description, **more}


TABLES: dict[str, tuple[Any, dict[str, Any]]] = {
    "themes": (themes, {
        "fields": [_field("id", constraints={"required": True}), _field("title"),
                   _field("weight", "number")],
        "primaryKey": ["id"],
    }),
    "questions": (questions, {
        "fields": [_field("id", constraints={"required": True}), _field("theme"),
                   _field("kind", constraints={"enum": ["single_choice", "commitment", "position",
                          "multiple_choice", "open_text", "number"]}),
                   _field("text"), _field("scale", description="id of the scale, if any"),
                   _field("required", "boolean"), _field("scored", "boolean"),
                   _field("weight", "number")],
        "primaryKey": ["id"],
        "foreignKeys": [
            {"fields": ["theme"], "reference": {"resource": "themes", "fields": ["id"]}},
        ],
    }),
    "options": (options, {
        "fields": [_field("scale"), _field("code"), _field("position", "integer"), _field("label"),
                   _field("score", "number", "between 0 and 1; empty if unscored"),
                   _field("not_applicable", "boolean")],
        "primaryKey": ["scale", "code"],
    }),
    "lists": (lists, {
        "fields": [_field("id", constraints={"required": True}), _field("name"),
                   _field("head_of_list"), _field("political_label"), _field("url"),
                   _field("status"),
                   _field("answers_published", "boolean",
                          "false: the list did not consent to publishing its answers"),
                   _field("note")],
        "primaryKey": ["id"],
    }),
    "answers": (answers, {
        "fields": [_field("respondent"), _field("question"),
                   _field("value_field", description="choice, choices, text, number or no_answer"),
                   _field("value", description="option code(s) joined by |, text or number"),
                   _field("label"), _field("comment"), _field("evidence_urls")],
        "primaryKey": ["respondent", "question"],
        "foreignKeys": [
            {"fields": ["respondent"], "reference": {"resource": "lists", "fields": ["id"]}},
            {"fields": ["question"], "reference": {"resource": "questions", "fields": ["id"]}},
        ],
    }),
}  # fmt: skip
