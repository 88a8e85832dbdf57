"""The questionnaire as one self-contained HTML form, rendered with Jinja2 (autoescaped).

Every text the list reads goes through Jinja's escaping; what the form's script needs (question
ids, bounds, its messages) is embedded as JSON in a ``<script type="application/json">`` with
``<``, ``>``, ``&`` and U+2028/U+2029 escaped, and the script only ever writes ``textContent``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from civicquest.models import (
    MultipleChoiceQuestion,
    NumberQuestion,
    OpenTextQuestion,
    Project,
    Question,
)
from civicquest.plugins import ExportInput, text_of

from .words import LANGUAGES, NO_ANSWER_REASONS, WORDS

__all__ = ["form_data", "script_json", "to_html_form"]

Texts = dict[str, str]

_ENVIRONMENT = Environment(
    loader=PackageLoader("civicquest_html_form"),
    autoescape=True,
    undefined=StrictUndefined,
    keep_trailing_newline=True,
)

#: what JSON inside a <script> must not contain as such: the end tag, comment openers, and the
#: two line separators older JavaScript engines refuse in strings
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


@dataclass(frozen=True, slots=True)
class Choice:
    code: str
    label: Texts


@dataclass(frozen=True, slots=True)
class FormQuestion:
    """What the template needs to draw one question."""

    id: str
    kind: str  # "choice", "choices", "text" or "number": the answer field it fills
    text: Texts
    help: Texts | None
    unit: Texts | None
    required: bool
    allow_comment: bool
    allow_evidence: bool
    choices: tuple[Choice, ...] = ()
    limits: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FormTheme:
    id: str
    title: Texts
    description: Texts | None
    questions: tuple[FormQuestion, ...]


def script_json(data: object) -> Markup:
    """``data`` as JSON safe to place inside ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for character, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(character, escape)
    # safe: every character that could end the element or a comment in it is escaped
    return Markup(text)


def form_data(project: Project) -> dict[str, Any]:
    """The template's context for ``project``'s questionnaire."""
    questionnaire = project.questionnaire

    def texts(text: str | dict[str, str] | None) -> Texts | None:
        if text is None:
            return None
        return {lang: text_of(project, text, lang) for lang in LANGUAGES}

    themes = tuple(
        FormTheme(
            id=theme.id,
            title=texts(theme.title) or {},
            description=texts(theme.description),
            questions=tuple(
                _question(project, q, texts) for q in questionnaire.questions if q.theme == theme.id
            ),
        )
        for theme in questionnaire.themes
    )
    respondents = sorted(project.respondents, key=lambda r: (r.name.casefold(), r.id))
    script = {
        "questionnaire": {"id": questionnaire.id, "version": questionnaire.version},
        "questions": [
            {"id": q.id, "kind": q.kind, "required": q.required, "text": q.text, **q.limits}
            for theme in themes
            for q in theme.questions
        ],
        "words": {lang: {key: w[lang] for key, w in WORDS.items()} for lang in LANGUAGES},
    }
    return {
        "title": texts(questionnaire.title),
        "description": texts(questionnaire.description),
        "intro": texts(questionnaire.intro),
        "themes": themes,
        "respondents": [(r.id, r.name) for r in respondents],
        "reasons": NO_ANSWER_REASONS,
        "words": WORDS,
        "languages": LANGUAGES,
        "script_data": script_json(script),
    }


def to_html_form(data: ExportInput) -> bytes:
    """The exporter: one HTML file, UTF-8, with nothing fetched from the network."""
    template = _ENVIRONMENT.get_template("form.html.j2")
    return template.render(form_data(data.project)).encode("utf-8")


def _question(project: Project, question: Question, texts: Any) -> FormQuestion:
    kind, choices, limits = _answer_kind(project, question)
    return FormQuestion(
        id=question.id,
        kind=kind,
        text=texts(question.text),
        help=texts(question.help),
        unit=texts(getattr(question, "unit", None)),
        required=question.required,
        allow_comment=question.allow_comment,
        allow_evidence=question.allow_evidence,
        choices=choices,
        limits=limits,
    )


def _answer_kind(
    project: Project, question: Question
) -> tuple[str, tuple[Choice, ...], dict[str, Any]]:
    if isinstance(question, OpenTextQuestion):
        return "text", (), _without_none(max_length=question.max_length)
    if isinstance(question, NumberQuestion):
        limits = _without_none(minimum=question.minimum, maximum=question.maximum)
        return "number", (), limits | {"integer": question.integer}
    scale = project.scales_by_id[getattr(question, "scale", "")]
    choices = tuple(
        Choice(o.code, {lang: text_of(project, o.label, lang) for lang in LANGUAGES})
        for o in scale.options
    )
    if isinstance(question, MultipleChoiceQuestion):
        limits = _without_none(max_choices=question.max_choices)
        return "choices", choices, limits | {"min_choices": question.min_choices}
    return "choice", choices, {}


def _without_none(**values: Any) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}
