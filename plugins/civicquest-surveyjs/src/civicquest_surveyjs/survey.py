"""The questionnaire as a SurveyJS form: a first page for the list and its consent, a page per
theme, a last page for the general comment.

Every text is a plain localisable string (``{"fr": …, "en": …}``), never an ``html`` element,
and SurveyJS renders it as text unless the host page turns Markdown on. survey-core replaces
``{name}`` in texts by the value of the question ``name``: a word joiner (U+2060, invisible) is put
after each ``{`` of a text so that what the list reads is what the coalition wrote.
"""

from __future__ import annotations

import json
from typing import Any

from civicquest.models import (
    MultipleChoiceQuestion,
    NumberQuestion,
    OpenTextQuestion,
    Project,
    Question,
    Theme,
)
from civicquest.plugins import ExportInput, text_of

from .names import (
    COMMENT,
    CONSENT,
    EVIDENCE_FIELDS,
    NO_ANSWER_REASONS,
    QUESTIONNAIRE,
    RESPONDENT,
    VERSION,
    evidence_name,
    no_answer_name,
)
from .wording import form_text

__all__ = ["BRACE", "plain", "survey_json", "to_surveyjs"]

#: what a ``{`` becomes in a text, so that survey-core never reads it as a placeholder
BRACE = "{\u2060"

#: lists the coalition chose not to ask are not offered; every other list may answer
NOT_ASKED = frozenset({"not_solicited"})

Json = dict[str, Any]


def plain(text: str) -> str:
    """``text`` as survey-core will show it, character for character."""
    return text.replace("{", BRACE)


class _Words:
    """Localisable strings of one questionnaire, in each of its languages."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.languages = project.questionnaire.languages
        self.default = project.questionnaire.default_language

    def text(self, text: str | dict[str, str]) -> dict[str, str]:
        # every language gets a text (the default one when missing): survey-core shows a
        # question's name, not its text, in a locale it finds no text for
        return {lang: plain(text_of(self.project, text, lang)) for lang in self.languages}

    def form(self, key: str) -> dict[str, str]:
        return form_text(key, self.languages)


def survey_json(data: ExportInput) -> Json:
    """The SurveyJS survey of ``data.project``'s questionnaire."""
    project = data.project
    questionnaire = project.questionnaire
    words = _Words(project)
    survey: Json = {
        "title": words.text(questionnaire.title),
        "locale": data.lang if data.lang in questionnaire.languages else words.default,
        "clearInvisibleValues": "onComplete",
        "calculatedValues": [
            _constant(QUESTIONNAIRE, questionnaire.id),
            _constant(VERSION, questionnaire.version),
        ],
        "pages": [
            _first_page(project, words),
            *(_theme_page(project, theme, words) for theme in questionnaire.themes),
            _last_page(words),
        ],
    }
    if questionnaire.description is not None:
        survey["description"] = words.text(questionnaire.description)
    return survey


def to_surveyjs(data: ExportInput) -> bytes:
    text = json.dumps(survey_json(data), ensure_ascii=False, indent=2, sort_keys=True)
    return text.encode("utf-8") + b"\n"


def _constant(name: str, value: str) -> Json:
    # A calculated value written into every result: which questionnaire the list answered.
    return {"name": name, "expression": json.dumps(value), "includeIntoResult": True}


def _first_page(project: Project, words: _Words) -> Json:
    lists = sorted(
        (r for r in project.respondents if r.status not in NOT_ASKED),
        key=lambda r: (r.name.casefold(), r.id),
    )
    page: Json = {
        "name": "_list",
        "title": words.form("first_page"),
        "elements": [
            {
                "type": "dropdown",
                "name": RESPONDENT,
                "title": words.form("respondent"),
                "isRequired": True,
                "choices": [{"value": r.id, "text": plain(r.name)} for r in lists],
            },
            {
                "type": "boolean",
                "name": CONSENT,
                "title": words.form("consent"),
                "labelTrue": words.form("yes"),
                "labelFalse": words.form("no"),
                "isRequired": True,
            },
        ],
    }
    if project.questionnaire.intro is not None:
        page["description"] = words.text(project.questionnaire.intro)
    return page


def _theme_page(project: Project, theme: Theme, words: _Words) -> Json:
    elements: list[Json] = []
    for question in project.questionnaire.questions:
        if question.theme == theme.id:
            elements.extend(_question_elements(project, question, words))
    page: Json = {"name": f"theme/{theme.id}", "title": words.text(theme.title)}
    if theme.description is not None:
        page["description"] = words.text(theme.description)
    page["elements"] = elements
    return page


def _last_page(words: _Words) -> Json:
    return {
        "name": "_end",
        "title": words.form("last_page"),
        "elements": [{"type": "comment", "name": COMMENT, "title": words.form("general_comment")}],
    }


def _question_elements(project: Project, question: Question, words: _Words) -> list[Json]:
    element: Json = {"name": question.id, "title": words.text(question.text)}
    element.update(_value_input(project, question, words))
    description = _description(question, words)
    if description:
        element["description"] = description
    if question.required:
        # required unless the list says why it does not answer: a partial list may decline
        element["requiredIf"] = f"{{{no_answer_name(question.id)}}} empty"
    if question.allow_comment:
        element["showCommentArea"] = True
        element["commentText"] = words.form("comment")
    elements = [element, _no_answer(question.id, words)]
    if question.allow_evidence:
        elements.append(_evidence(question.id, words))
    return elements


def _value_input(project: Project, question: Question, words: _Words) -> Json:
    if isinstance(question, OpenTextQuestion):
        return {"type": "comment"} | _max_length(question.max_length)
    if isinstance(question, NumberQuestion):
        return _number_input(question)
    scale = project.scales_by_id[getattr(question, "scale", "")]
    choices = [{"value": o.code, "text": words.text(o.label)} for o in scale.options]
    if isinstance(question, MultipleChoiceQuestion):
        limits: Json = {}
        if question.min_choices:
            # a validator, not minSelectedChoices: that one also refuses a question left empty
            limits["validators"] = [{"type": "answercount", "minCount": question.min_choices}]
        if question.max_choices is not None:
            limits["maxSelectedChoices"] = question.max_choices
        return {"type": "checkbox", "choices": choices} | limits
    return {"type": "radiogroup", "choices": choices}


def _max_length(length: int | None) -> Json:
    return {} if length is None else {"maxLength": length}


def _number_input(question: NumberQuestion) -> Json:
    element: Json = {"type": "text", "inputType": "number"}
    if question.minimum is not None:
        element["min"] = question.minimum
    if question.maximum is not None:
        element["max"] = question.maximum
    if question.integer:
        element["step"] = 1
    return element


def _description(question: Question, words: _Words) -> dict[str, str]:
    help_text = words.text(question.help) if question.help is not None else {}
    unit = getattr(question, "unit", None)
    if unit is None:
        return help_text
    unit_text = words.text(unit)
    prefix = words.form("unit")
    return {
        lang: "\n".join(part for part in (help_text.get(lang), prefix[lang] + text) if part)
        for lang, text in unit_text.items()
    }


def _no_answer(question_id: str, words: _Words) -> Json:
    return {
        "type": "dropdown",
        "name": no_answer_name(question_id),
        "title": words.form("no_answer"),
        "visibleIf": f"{{{question_id}}} empty",
        "choices": [{"value": r, "text": words.form(r)} for r in NO_ANSWER_REASONS],
    }


def _evidence(question_id: str, words: _Words) -> Json:
    inputs: dict[str, Json] = {
        "url": {"type": "text", "inputType": "url"},
        "title": {"type": "text"},
        "excerpt": {"type": "comment"},
    }
    return {
        "type": "paneldynamic",
        "name": evidence_name(question_id),
        "title": words.form("evidence"),
        "visibleIf": f"{{{question_id}}} notempty",
        "panelCount": 0,
        "addPanelText": words.form("add_evidence"),
        "removePanelText": words.form("remove_evidence"),
        "templateElements": [
            {"name": field, "title": words.form(field)} | inputs[field] for field in EVIDENCE_FIELDS
        ],
    }
