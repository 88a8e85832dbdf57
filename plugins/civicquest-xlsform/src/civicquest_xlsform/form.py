"""The XLSForm of a questionnaire, as rows of its three sheets (survey, choices, settings).

One ``begin_group`` per theme; per question its select, text or number, then the fields that
follow it: why there is no answer (for a question that is not required), a comment and the
evidence, shown (``relevant``) once the question is answered or a reason is given.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from civicquest.models import Project, Question
from civicquest.plugins import NO_ANSWER_LABELS, format_number, text_of

from .names import (
    COMMENT,
    CONSENT,
    CONSENT_NO,
    CONSENT_YES,
    EVIDENCE_PARTS,
    GENERAL_COMMENT,
    LIST,
    NO_ANSWER,
    NO_ANSWER_LIST,
    VERSION,
    evidence_field,
    field_name,
    language_column,
)
from .texts import form_text

__all__ = ["XlsForm", "XlsFormOptions", "build_form", "escape_label"]

Row = dict[str, str]
URL_CONSTRAINT = "regex(., '^https?://[^ ]+$')"


class XlsFormOptions(BaseModel):
    """Options of the ``xlsform`` exporter."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    evidence_slots: int = Field(
        default=1, ge=0, le=5, description="Sources (url, title, excerpt) asked per question."
    )


@dataclass(frozen=True)
class XlsForm:
    """The rows of the survey and choices sheets and the settings, in order."""

    languages: tuple[str, ...]
    survey: list[Row] = field(default_factory=list)
    choices: list[Row] = field(default_factory=list)
    settings: Row = field(default_factory=dict)


def escape_label(text: str) -> str:
    """A text pyxform shows as written: ``${`` would be read as a reference to a field, and a
    label of just ``-`` means no label; a zero-width space keeps both as plain text."""
    text = text.replace("${", "$\u200b{")
    return "\u200b-" if text == "-" else text


def build_form(project: Project, options: XlsFormOptions) -> XlsForm:
    questionnaire = project.questionnaire
    languages = (
        questionnaire.default_language,
        *(lang for lang in questionnaire.languages if lang != questionnaire.default_language),
    )
    form = XlsForm(languages=languages)
    builder = _Builder(project, form, options)
    builder.opening()
    for theme in questionnaire.themes:
        # a theme on one screen in ODK Collect, so that a reason can lift a required answer
        builder.row("begin_group", field_name(theme.id), label=theme.title, appearance="field-list")
        for question in questionnaire.questions:
            if question.theme == theme.id:
                builder.question(question)
        builder.row("end_group", "")
    builder.row("text", GENERAL_COMMENT, label=_fixed("general_comment"), appearance="multiline")
    builder.choices_of(project)
    title = " / ".join(text_of(project, questionnaire.title, lang) for lang in languages)
    form.settings.update(
        form_title=escape_label(title),
        form_id=questionnaire.id,
        version=questionnaire.version,
        default_language=language_column(languages[0]),
        instance_name=f"concat(${{{LIST}}}, ' ', ${{{VERSION}}})",
    )
    return form


def _fixed(key: str, **values: object) -> dict[str, str]:
    return {lang: form_text(key, lang, **values) for lang in ("fr", "en")}


@dataclass
class _Builder:
    project: Project
    form: XlsForm
    options: XlsFormOptions

    def text(self, value: str | dict[str, str] | None, lang: str) -> str:
        return escape_label(text_of(self.project, value, lang)) if value else ""

    def row(
        self,
        kind: str,
        name: str,
        *,
        label: str | dict[str, str] | None = None,
        hint: str | dict[str, str] | None = None,
        message: dict[str, str] | None = None,
        **columns: str,
    ) -> None:
        row = {"type": kind, "name": name, **{k: v for k, v in columns.items() if v}}
        for lang in self.form.languages:
            column = language_column(lang)
            for prefix, value in (
                ("label", label),
                ("hint", hint),
                ("constraint_message", message),
            ):
                if text := self.text(value, lang):
                    row[f"{prefix}::{column}"] = text
        self.form.survey.append(row)

    def opening(self) -> None:
        questionnaire = self.project.questionnaire
        for meta in ("start", "end"):
            self.row(meta, meta)
        self.row("calculate", VERSION, calculation=f"'{questionnaire.version}'")
        if questionnaire.intro:
            self.row("note", "presentation", label=questionnaire.intro)
        kind = f"select_one {LIST}" if self.project.respondents else "text"
        self.row(kind, LIST, label=_fixed("list"), hint=_fixed("list_hint"), required="yes")
        self.row(f"select_one {CONSENT}", CONSENT, label=_fixed("consent"), required="yes")

    def question(self, question: Question) -> None:
        name, reason = field_name(question.id), field_name(question.id) + NO_ANSWER
        kind, constraint, message = _kind_of(question)
        self.row(
            kind,
            name,
            label=question.text,
            hint=question.help,
            constraint=constraint,
            message=message,
            appearance="multiline" if kind == "text" else "",
            required=f"${{{reason}}} = ''" if question.required else "",
        )
        # A required question may still be left with a reason (a list answering in part): its
        # reason is always shown (relevant would make a cycle with required) and refused when
        # the question is answered.
        self.row(
            f"select_one {NO_ANSWER_LIST}",
            reason,
            label=_fixed("no_answer"),
            relevant="" if question.required else f"${{{name}}} = ''",
            constraint=f"${{{name}}} = ''" if question.required else "",
            message=_fixed("answer_or_reason") if question.required else None,
        )
        answered = f"${{{name}}} != '' or ${{{reason}}} != ''"
        if question.allow_comment:
            self.row(
                "text",
                name + COMMENT,
                label=_fixed("comment"),
                relevant=answered,
                appearance="multiline",
            )
        if question.allow_evidence:
            for slot in range(1, self.options.evidence_slots + 1):
                self.evidence(question.id, slot, answered)

    def evidence(self, question_id: str, slot: int, relevant: str) -> None:
        for part in EVIDENCE_PARTS:
            url = part == "url"
            self.row(
                "text",
                evidence_field(question_id, slot, part),
                label=_fixed(f"evidence_{part}"),
                relevant=relevant,
                constraint=URL_CONSTRAINT if url else "",
                message=_fixed("url_constraint") if url else None,
                appearance="" if url else "multiline",
            )

    def choices_of(self, project: Project) -> None:
        rows = self.form.choices
        for respondent in project.respondents:
            rows.append(self.choice(LIST, respondent.id, respondent.name))
        rows.append(self.choice(CONSENT, CONSENT_YES, _fixed("yes")))
        rows.append(self.choice(CONSENT, CONSENT_NO, _fixed("no")))
        for reason, labels in NO_ANSWER_LABELS.items():
            rows.append(self.choice(NO_ANSWER_LIST, reason, labels))
        for scale in project.questionnaire.scales:
            for option in scale.options:
                rows.append(self.choice(scale.id, option.code, option.label))

    def choice(self, list_name: str, name: str, label: str | dict[str, str]) -> Row:
        row = {"list_name": list_name, "name": name}
        for lang in self.form.languages:
            row[f"label::{language_column(lang)}"] = self.text(label, lang)
        return row


def _kind_of(question: Question) -> tuple[str, str, dict[str, str] | None]:
    """``(XLSForm type, constraint, constraint message)`` of a question."""
    kind = question.kind
    if kind == "multiple_choice":
        low, high = getattr(question, "min_choices", 0), getattr(question, "max_choices", None)
        parts = list(_bounds("count-selected(.)", low or None, high))
        message = _range_message(low or None, high) if parts else None
        return f"select_multiple {getattr(question, 'scale', '')}", " and ".join(parts), message
    if kind in ("single_choice", "commitment", "position"):
        return f"select_one {getattr(question, 'scale', '')}", "", None
    if kind == "open_text":
        limit = getattr(question, "max_length", None)
        if limit is None:
            return "text", "", None
        return "text", f"string-length(.) <= {limit}", _fixed("too_long", limit=limit)
    low, high = getattr(question, "minimum", None), getattr(question, "maximum", None)
    constraint = " and ".join(_bounds(".", low, high))
    return (
        "integer" if getattr(question, "integer", False) else "decimal",
        constraint,
        (_range_message(low, high) if constraint else None),
    )


def _bounds(value: str, low: float | None, high: float | None) -> Iterator[str]:
    if low is not None:
        yield f"{value} >= {format_number(float(low))}"
    if high is not None:
        yield f"{value} <= {format_number(float(high))}"


def _range_message(low: float | None, high: float | None) -> dict[str, str]:
    shown = {k: format_number(float(v)) for k, v in (("low", low), ("high", high)) if v is not None}
    key = "range" if len(shown) == 2 else "at_least" if "low" in shown else "at_most"
    return _fixed(key, **shown)
