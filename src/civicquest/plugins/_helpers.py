"""Small helpers shared by exporters: answer values and labels, localised texts, and cells
that spreadsheets cannot run as formulas.

Plugins depend only on the public API; these are part of it.
"""

from __future__ import annotations

from ..models.base import localize
from ..models.project import Project
from ..models.questionnaire import Question
from ..models.responses import Answer

__all__ = [
    "FORMULA_PREFIXES",
    "NO_ANSWER_LABELS",
    "answer_label",
    "answer_value",
    "format_number",
    "neutralise",
    "restore",
    "text_of",
]

# A cell starting with one of these is read as a formula by Excel or LibreOffice ("CSV
# injection"); a leading apostrophe is escaped too, so that ``restore`` is exact.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "'")

NO_ANSWER_LABELS: dict[str, dict[str, str]] = {
    "skipped": {"fr": "pas de réponse", "en": "no answer"},
    "declined": {"fr": "refuse de répondre", "en": "declined to answer"},
    "not_applicable": {"fr": "sans objet", "en": "not applicable"},
}


def text_of(project: Project, text: str | dict[str, str] | None, lang: str) -> str:
    """A localised text of the questionnaire in ``lang`` (or its default language)."""
    return localize(text, lang, project.questionnaire.default_language)


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
        return NO_ANSWER_LABELS[answer.no_answer].get(lang, answer.no_answer)
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
