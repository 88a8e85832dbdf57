"""The tables both formats are made of, as lists of strings, in a stable order."""

from __future__ import annotations

from civicquest.models import Answer, Project, Question, Response
from civicquest.plugins import ExportInput, answer_label, answer_value, text_of, translate

__all__ = [
    "LONG_HEADER",
    "Table",
    "lists_table",
    "long_table",
    "questionnaire_table",
    "theme_table",
    "wide_table",
]

Table = tuple[list[str], list[list[str]]]
LONG_HEADER = [
    "questionnaire", "respondent", "respondent_name", "status", "answers_published",
    "theme", "question", "question_text", "kind", "answer_state", "value", "label",
    "comment", "evidence",
]  # fmt: skip
LIST_HEADER = ["respondent", "respondent_name", "head_of_list", "political_label", "status"]


def _published(data: ExportInput, respondent: str) -> str:
    return "false" if respondent in data.withheld else "true"


def _state(data: ExportInput, respondent: str, answer: Answer | None, response: object) -> str:
    if respondent in data.withheld:
        return "withheld"
    if response is None:
        return "no_response"
    if answer is None:
        return "missing"
    return "no_answer" if answer.no_answer is not None else "answered"


def _evidence(answer: Answer | None) -> str:
    if answer is None:
        return ""
    parts = [" — ".join(p for p in (e.title, e.url, e.excerpt) if p) for e in answer.evidence]
    return "\n".join(parts)


def _answer_cells(data: ExportInput, question: Question, answer: Answer | None) -> list[str]:
    if answer is None:
        return ["", "", ""]
    label = answer_label(data.project, question, answer, data.lang)
    return [answer_value(answer), label, answer.comment or ""]


def long_table(data: ExportInput) -> Table:
    """One row per list × question, lists in their file order, questions in questionnaire order."""
    project, rows = data.project, []
    for respondent in project.respondents:
        response = project.responses_by_respondent.get(respondent.id)
        for question in project.questionnaire.questions:
            answer = response.answers.get(question.id) if response else None
            rows.append([
                project.questionnaire.id, respondent.id, respondent.name, respondent.status,
                _published(data, respondent.id), question.theme, question.id,
                text_of(project, question.text, data.lang), question.kind,
                _state(data, respondent.id, answer, response),
                *_answer_cells(data, question, answer), _evidence(answer),
            ])  # fmt: skip
    return LONG_HEADER, rows


def _list_cells(data: ExportInput, respondent_id: str) -> list[str]:
    r = data.project.respondents_by_id[respondent_id]
    return [r.id, r.name, r.head_of_list or "", r.political_label or "", r.status]


def _response(project: Project, respondent_id: str) -> Response | None:
    return project.responses_by_respondent.get(respondent_id)


def wide_table(data: ExportInput) -> Table:
    """One row per list: its answers' values and comments side by side."""
    questions = data.project.questionnaire.questions
    header = [*LIST_HEADER, "answers_published", "response_comment"]
    for question in questions:
        header += [question.id, f"{question.id}_comment"]
    rows = []
    for respondent in data.project.respondents:
        response = _response(data.project, respondent.id)
        row = [*_list_cells(data, respondent.id), _published(data, respondent.id)]
        row.append(response.comment or "" if response else "")
        for question in questions:
            answer = response.answers.get(question.id) if response else None
            value, _, comment = _answer_cells(data, question, answer)
            row += [value, comment]
        rows.append(row)
    return header, rows


def theme_table(data: ExportInput, theme_id: str) -> Table:
    """The answers to one theme: one row per list, a label and a comment column per question."""
    project = data.project
    questions = [q for q in project.questionnaire.questions if q.theme == theme_id]
    header = ["respondent", "respondent_name", "status"]
    for question in questions:
        header += [f"{question.id} — {text_of(project, question.text, data.lang)}"]
        header += [
            translate("column", "{question} — comment", data.lang).format(question=question.id)
        ]
    rows = []
    for respondent in project.respondents:
        response = _response(project, respondent.id)
        row = [respondent.id, respondent.name, respondent.status]
        for question in questions:
            answer = response.answers.get(question.id) if response else None
            _, label, comment = _answer_cells(data, question, answer)
            row += [label, comment]
        rows.append(row)
    return header, rows


def lists_table(data: ExportInput) -> Table:
    """The lists, their status, and their general comment."""
    header = [*LIST_HEADER, "answers_published", "response_comment", "note"]
    rows = []
    for respondent in data.project.respondents:
        response = _response(data.project, respondent.id)
        comment = (response.comment or "") if response else ""
        published = _published(data, respondent.id)
        rows.append([*_list_cells(data, respondent.id), published, comment, respondent.note or ""])
    return header, rows


def questionnaire_table(data: ExportInput) -> Table:
    """The questionnaire: one row per question, with its answer options."""
    project = data.project
    header = ["theme", "question", "kind", "text", "options", "help"]
    rows = []
    for q in project.questionnaire.questions:
        scale = project.scales_by_id.get(getattr(q, "scale", ""))
        options = (
            [f"{o.code}: {text_of(project, o.label, data.lang)}" for o in scale.options]
            if scale
            else []
        )
        rows.append([
            q.theme, q.id, q.kind, text_of(project, q.text, data.lang), "\n".join(options),
            text_of(project, q.help, data.lang),
        ])  # fmt: skip
    return header, rows
