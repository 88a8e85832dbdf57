"""Small helpers shared by exporters: answer values and labels, localised texts, and cells
that spreadsheets cannot run as formulas.

Plugins depend only on the public API; these are part of it.
"""

from __future__ import annotations

from ..models.base import localize
from ..models.project import Project
from ..models.questionnaire import Question
from ..models.responses import Answer, Response
from ..text.catalog import N_, pgettext

__all__ = [
    "COLUMN_LABELS",
    "FORMULA_PREFIXES",
    "NO_ANSWER_LABELS",
    "answer_label",
    "answer_value",
    "answered_wording",
    "column_label",
    "format_number",
    "neutralise",
    "restore",
    "text_of",
    "translate",
]

# A cell starting with one of these is read as a formula by Excel or LibreOffice ("CSV
# injection"); a leading apostrophe is escaped too, so that ``restore`` is exact.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "'")

_NO_ANSWER: dict[str, str] = {  # English msgids, context "no-answer"
    "skipped": N_("no-answer", "no answer"),
    "declined": N_("no-answer", "declined to answer"),
    "not_applicable": N_("no-answer", "not applicable"),
}
# Kept for plugins written before the catalogue: {code: {"fr": ..., "en": ...}}.
NO_ANSWER_LABELS: dict[str, dict[str, str]] = {
    code: {lang: pgettext("no-answer", english, lang) for lang in ("fr", "en")}
    for code, english in _NO_ANSWER.items()
}
# The open-data column names every tabular export shares, and what a reader sees instead.
COLUMN_LABELS: dict[str, str] = {
    "questionnaire": N_("column", "Questionnaire"),
    "respondent": N_("column", "List id"),
    "respondent_name": N_("column", "List"),
    "head_of_list": N_("column", "Head of list"),
    "political_label": N_("column", "Political label"),
    "status": N_("column", "Status"),
    "answers_published": N_("column", "Answers published"),
    "response_comment": N_("column", "General comment"),
    "note": N_("column", "Note"),
    "theme": N_("column", "Theme"),
    "question": N_("column", "Question"),
    "question_text": N_("column", "Question text"),
    "kind": N_("column", "Kind"),
    "text": N_("column", "Text"),
    "options": N_("column", "Options"),
    "help": N_("column", "Help"),
    "answer_state": N_("column", "Answer state"),
    "value": N_("column", "Value"),
    "label": N_("column", "Answer"),
    "comment": N_("column", "Comment"),
    "evidence": N_("column", "Evidence"),
}


def translate(context: str, message: str, lang: str) -> str:
    """``message`` (English) in ``lang`` from civicquest's catalogue, or itself if untranslated.

    For words civicquest ships (first-party plugins); mark them with ``N_``-like calls
    ``translate("<context>", "<English>", lang)`` so ``make messages`` extracts them.
    """
    return pgettext(context, message, lang)


def column_label(column: str, lang: str) -> str:
    """What a reader sees for an open-data column name (``respondent_name`` → ``Liste``)."""
    english = COLUMN_LABELS.get(column)
    return column if english is None else pgettext("column", english, lang)


def text_of(project: Project, text: str | dict[str, str] | None, lang: str) -> str:
    """A localised text of the questionnaire in ``lang`` (or its default language)."""
    return localize(text, lang, project.questionnaire.default_language)


def answered_wording(
    project: Project, response: Response, question_id: str, lang: str
) -> tuple[str, str] | None:
    """``(version, text)`` when ``response`` answered an earlier version of the questionnaire
    whose text of the question, in ``lang``, differs from today's; None otherwise (the same
    words, the current version, or a version the project does not keep).

    Every exporter that shows answers next to the questions reads older wordings through this.
    """
    version = response.questionnaire.version
    older = project.previous_by_version.get(version)
    current = project.questions_by_id.get(question_id)
    if older is None or current is None or version == project.questionnaire.version:
        return None
    then = next((q for q in older.questions if q.id == question_id), None)
    if then is None:
        return None
    before = localize(then.text, lang, older.default_language)
    return (version, before) if before != text_of(project, current.text, lang) else None


def format_number(number: float) -> str:
    """A number as people write it: ``3`` rather than ``3.0``; never loses precision."""
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


def answer_value(answer: Answer) -> str:
    """The machine-readable value: code, codes joined by ``|``, text, number, or ``""``."""
    if answer.choice is not None:
        return answer.choice
    if answer.choices is not None:
        return "|".join(answer.choices)
    if answer.text is not None:
        return answer.text
    if answer.number is not None:
        return format_number(answer.number)
    return ""


def answer_label(project: Project, question: Question, answer: Answer, lang: str) -> str:
    """What a reader sees: option labels, the text, the number with its unit, or why none."""
    if answer.no_answer is not None:
        english = _NO_ANSWER.get(answer.no_answer)
        return answer.no_answer if english is None else pgettext("no-answer", english, lang)
    codes = [answer.choice] if answer.choice is not None else list(answer.choices or ())
    scale_id = getattr(question, "scale", None)
    if codes and scale_id in project.scales_by_id:
        labels = {o.code: o.label for o in project.scales_by_id[scale_id].options}
        return " ; ".join(text_of(project, labels.get(code, code), lang) for code in codes)
    value = answer_value(answer)
    unit = text_of(project, getattr(question, "unit", None), lang)
    return f"{value} {unit}" if unit and answer.number is not None else value


def neutralise(text: str) -> str:
    """``text``, prefixed with ``'`` if a spreadsheet could take it for a formula.

    The usual defence against formula injection; a text that already starts with an apostrophe
    gets one more, so that :func:`restore` gives back exactly what was written.
    """
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def restore(cell: str) -> str:
    """The inverse of :func:`neutralise`."""
    return cell[1:] if cell.startswith("'") else cell
