"""The ``mat-o-wahl`` exporter: the CSV files Mat-O-Wahl reads, and the lines of its definition.

How Mat-O-Wahl reads them (github.com/msteudtn/Mat-O-Wahl, ``system/general.js``:
``fnTransformCsvToArray``; ``system/fnSetIntParties.js``; the examples in ``data/``):

- both files go through jquery-csv 0.8.9's ``$.csv.toArrays`` with the ``separator`` of
  ``data/definition.js``; we write ``;``, quote every text cell and double its quotes;
- the questions file: one row per question, ``short;long``; only the first ``intQuestions`` rows;
- the answers file: per party, five rows ``label;value`` (short name, long name, description,
  web site, logo), then ``intQuestions`` rows ``position;opinion`` with position ``1``, ``0`` or
  ``-1``, then one separator row; rows are counted, never named, so the party count comes from
  ``data.split("\\n")`` (``fnSetIntParties``): a line break inside a cell would shift every party
  after it — line breaks are written as ``<br />``;
- every value is put into the page as HTML (``innerHTML``, attributes in ``'`` or ``"``):
  every cell is HTML-escaped, quotes included; a cell a spreadsheet would run as a formula starts
  with a character reference instead (``&#61;`` for ``=``), which the browser shows as the
  character itself;
- a blank position counts as neutral, so a missing answer is never written as one unless the
  user asks (``missing=neutral``), and then the opinion says so.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from civicquest.plugins import ExportInput, text_of

from .options import ThesisOptions
from .theses import Position, Stance, Thesis, running, stances, statement, theses
from .warnings_ import warn_left_out_lists, warn_left_out_questions
from .wording import N_, description, explanation, say

__all__ = ["MatOWahlOptions", "cell", "to_mat_o_wahl"]

QUESTIONS = "questions.csv"
ANSWERS = "answers.csv"
DEFINITION = "definition-snippet.js"
SEPARATOR = ";"
_CODES: dict[Position, str] = {"agree": "1", "neutral": "0", "disagree": "-1"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: what a spreadsheet would run as a formula, as an HTML character reference
_FORMULA_START = {"=": "&#61;", "+": "&#43;", "-": "&#45;", "@": "&#64;", "\t": "&#9;"}


class MatOWahlOptions(ThesisOptions):
    """Options of the ``mat-o-wahl`` exporter."""

    missing: Literal["leave_out", "neutral"] = Field(
        default="leave_out",
        description="A list with missing answers: leave_out, or neutral (Mat-O-Wahl's only way; "
        "each one said so in the list's opinion)",
    )


def cell(text: str) -> str:
    """``text`` as a quoted cell Mat-O-Wahl puts into its page: HTML that shows ``text``."""
    escaped = _LINE_BREAK.sub("<br />", html.escape(text, quote=True))
    if escaped[:1] in _FORMULA_START:
        escaped = _FORMULA_START[escaped[0]] + escaped[1:]
    return '"' + escaped.replace('"', '""') + '"'


def _row(first: str, second: str) -> str:
    return f"{first}{SEPARATOR}{second}\n"


def _questions_csv(data: ExportInput, thesis_list: list[Thesis]) -> str:
    project = data.project
    rows = []
    for thesis in thesis_list:
        question = thesis.question
        short = project.themes_by_id[question.theme].title
        rows.append(
            _row(
                cell(text_of(project, short, data.lang)),
                cell(statement(project, thesis, data.lang)),
            )
        )
    return "".join(rows)


def _party_rows(data: ExportInput, respondent_id: str, party: list[Stance]) -> Iterator[str]:
    project, lang = data.project, data.lang
    respondent = project.respondents_by_id[respondent_id]
    withheld = respondent_id in data.withheld
    yield _row(cell("Partei_kurz:"), cell(respondent.name))
    yield _row(cell("Partei_lang:"), cell(respondent.name))
    yield _row(
        cell("Partei_Beschreibung:"), cell(description(project, respondent_id, withheld, lang))
    )
    yield _row(cell("Partei_URL:"), cell(respondent.url or ""))
    yield _row(cell("Partei_Bild:"), cell(""))
    for stance in party:
        code = _CODES["neutral" if stance.position is None else stance.position]
        counted_neutral = stance.position is None
        yield _row(code, cell(explanation(stance, lang, counted_neutral=counted_neutral)))
    yield "#\n"


def _parties(
    data: ExportInput, thesis_list: list[Thesis], options: MatOWahlOptions
) -> tuple[list[tuple[str, list[Stance]]], dict[str, list[str]]]:
    shown, hidden = running(data.project)
    kept: list[tuple[str, list[Stance]]] = []
    left_out: dict[str, list[str]] = {"not_running": hidden, "silent": [], "incomplete": []}
    left_out["counted_neutral"] = []
    for respondent_id in shown:
        withheld = respondent_id in data.withheld
        party = stances(data.project, thesis_list, respondent_id, withheld, data.lang)
        gaps = sum(stance.position is None for stance in party)
        if thesis_list and gaps == len(party):
            left_out["silent"].append(respondent_id)
        elif gaps and options.missing == "leave_out":
            left_out["incomplete"].append(respondent_id)
        else:
            if gaps:
                left_out["counted_neutral"].append(respondent_id)
            kept.append((respondent_id, party))
    return kept, left_out


def _definition(data: ExportInput, questions: int, parties: int) -> str:
    comment = say(
        N_(
            "vaa",
            "Copy these lines into data/definition.js of Mat-O-Wahl, and {questions} and "
            "{answers} into its data/ folder.",
        ),
        data.lang,
        questions=QUESTIONS,
        answers=ANSWERS,
    )
    language = data.lang if data.lang in ("de", "en", "es", "fr") else "en"
    return (
        f"// {_LINE_BREAK.sub(' ', comment)}\n"
        f'var fileQuestions = "{QUESTIONS}";\n'
        f"var intQuestions = {questions};\n"
        f'var fileAnswers = "{ANSWERS}";\n'
        f"var intParties = {parties};\n"
        f'var separator = "{SEPARATOR}";\n'
        f'var language = "{language}";\n'
    )


def to_mat_o_wahl(data: ExportInput) -> dict[str, bytes]:
    """The Mat-O-Wahl files of the project, in ``data.lang``."""
    assert isinstance(data.options, MatOWahlOptions)
    options = data.options
    thesis_list, left_out_questions = theses(data.project, options.graded, options.questions)
    warn_left_out_questions(left_out_questions, data.lang)
    parties, left_out_lists = _parties(data, thesis_list, options)
    warn_left_out_lists(data.project, left_out_lists, data.lang)
    answers = "".join(
        row for respondent_id, party in parties for row in _party_rows(data, respondent_id, party)
    )
    return {
        QUESTIONS: _questions_csv(data, thesis_list).encode("utf-8"),
        ANSWERS: answers.encode("utf-8"),
        DEFINITION: _definition(data, len(thesis_list), len(parties)).encode("utf-8"),
    }
