"""The two documents: the questionnaire to send (with boxes to tick), and the answers."""

from __future__ import annotations

from civicquest.models import Project, Question
from civicquest.plugins import (
    ExportInput,
    answer_label,
    answered_wording,
    status_label,
    text_of,
    translate,
)

from .escape import block, inline

__all__ = ["answers_document", "questionnaire_document"]


def N_(context: str, message: str) -> str:  # noqa: N802  (marks a msgid for `make messages`)
    return message


# English msgids, translated from civicquest's catalogue (context "markdown").
WORDS: dict[str, str] = {
    "answer": N_("markdown", "Answer"),
    "comment": N_("markdown", "Comment"),
    "source": N_("markdown", "Source"),
    "several": N_("markdown", "several choices allowed"),
    "head": N_("markdown", "Head of list"),
    "status": N_("markdown", "Status"),
    "withheld": N_("markdown", "The list did not consent to publishing its answers."),
    "answers": N_("markdown", "answers"),
    "general": N_("markdown", "General comment"),
    "organisers": N_("markdown", "Organisers"),
    "none": N_("markdown", "No answer received."),
    "older": N_("markdown", "Answer to version {version}, whose question read"),
}
EMPTY_BOX = "> &nbsp;\n> &nbsp;\n> &nbsp;"


def _words(lang: str) -> dict[str, str]:
    return {key: translate("markdown", english, lang) for key, english in WORDS.items()}


def _header(project: Project, lang: str, suffix: str = "") -> list[str]:
    q = project.questionnaire
    lines = [f"# {inline(text_of(project, q.title, lang))}{suffix}", ""]
    for text in (q.description, q.intro):
        if text:
            lines += [block(text_of(project, text, lang), prefix=""), ""]
    names = ", ".join(inline(o.name) for o in q.organisers)
    return [*lines, f"**{_words(lang)['organisers']}** : {names}", ""]


def _boxes(project: Project, question: Question, lang: str) -> list[str]:
    words, scale = _words(lang), project.scales_by_id.get(getattr(question, "scale", ""))
    if scale is not None:
        lines = [f"- ☐ {inline(text_of(project, o.label, lang))}" for o in scale.options]
        return (
            [f"_{words['several']}_", "", *lines] if question.kind == "multiple_choice" else lines
        )
    if question.kind == "number":
        unit = inline(text_of(project, getattr(question, "unit", None), lang))
        return [f"{words['answer']} : ____________ {unit}".rstrip()]
    return [f"{words['answer']} :", "", EMPTY_BOX]


def questionnaire_document(data: ExportInput) -> str:
    project, lang, words = data.project, data.lang, _words(data.lang)
    lines = _header(project, lang)
    for theme in project.questionnaire.themes:
        lines += [f"## {inline(text_of(project, theme.title, lang))}", ""]
        for q in (q for q in project.questionnaire.questions if q.theme == theme.id):
            lines += [f"### {inline(q.id)}. {inline(text_of(project, q.text, lang))}", ""]
            if q.help:
                lines += [block(text_of(project, q.help, lang), prefix="_") + "_", ""]
            lines += [*_boxes(project, q, lang), ""]
            if q.allow_comment:
                lines += [f"{words['comment']} :", "", EMPTY_BOX, ""]
    return "\n".join(lines)


def _answer_lines(data: ExportInput, respondent_id: str) -> list[str]:
    project, lang, words = data.project, data.lang, _words(data.lang)
    response = project.responses_by_respondent.get(respondent_id)
    if respondent_id in data.withheld:
        return [f"_{words['withheld']}_", ""]
    if response is None:
        return [f"_{words['none']}_", ""]
    lines = (
        [f"**{words['general']}** :", "", block(response.comment), ""] if response.comment else []
    )
    for theme in project.questionnaire.themes:
        lines += [f"### {inline(text_of(project, theme.title, lang))}", ""]
        for q in (q for q in project.questionnaire.questions if q.theme == theme.id):
            answer = response.answers.get(q.id)
            lines += [f"**{inline(q.id)}. {inline(text_of(project, q.text, lang))}**", ""]
            if answer is None:
                continue
            older = answered_wording(project, response, q.id, lang)
            if older is not None:
                note = words["older"].format(version=older[0])
                lines += [f"_{inline(note)}_ :", "", block(older[1]), ""]
            lines += [f"{words['answer']} :", "", block(answer_label(project, q, answer, lang)), ""]
            if answer.comment:
                lines += [f"{words['comment']} :", "", block(answer.comment), ""]
            for e in answer.evidence:
                shown = " — ".join(p for p in (e.title, e.url, e.excerpt) if p)
                lines += [f"{words['source']} :", "", block(shown), ""]
    return lines


def answers_document(data: ExportInput) -> str:
    project, lang, words = data.project, data.lang, _words(data.lang)
    lines = _header(project, lang, suffix=f" — {words['answers']}")
    for r in project.respondents:
        lines += [
            f"## {inline(r.name)}",
            "",
            f"**{words['status']}** : {status_label(r.status, lang)}",
            "",
        ]
        if r.head_of_list:
            lines += [f"**{words['head']}** : {inline(r.head_of_list)}", ""]
        if r.note:
            lines += [block(r.note), ""]
        lines += _answer_lines(data, r.id)
    return "\n".join(lines)
