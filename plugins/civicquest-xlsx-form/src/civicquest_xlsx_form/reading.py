"""Read one list's sheet: the header block, then each question row (and option rows).

Every cell the list could type in is either placed in the response or rejected at its cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from civicquest.models import Project, Question
from civicquest.plugins import Rejected, SourceRef, normalise_label

from .labels import match_choice, match_no_answer, match_yes_no
from .layout import ANSWER_COLUMNS, COLUMNS, HEADER_KEYS, OPTION_SEPARATOR
from .rejects import reject
from .values import Cell, read_date, read_number, read_text

__all__ = ["SheetReading", "read_sheet"]

_KEYS = [name for name, _ in COLUMNS]


@dataclass
class SheetReading:
    """What one sheet gave: its header values, its answers, and what was not placed."""

    header: dict[str, Any] = field(default_factory=dict)
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: dict[str, SourceRef] = field(default_factory=dict)
    rejected: list[Rejected] = field(default_factory=list)
    options: dict[str, dict[str, bool]] = field(default_factory=dict)
    typed: bool = False  # did the list type anything at all

    def keep(self, value: Any, problem: Rejected | None) -> Any:
        if problem is not None:
            self.rejected.append(problem)
        return value


def _rows(sheet: Any, file_name: str) -> Iterator[tuple[str, dict[str, Cell], list[Cell]]]:
    """Each row's key, its cells by column key, and the cells beyond the form's columns."""
    for row in sheet.iter_rows():
        cells = [Cell(c, file_name, sheet.title) for c in row]
        named = dict(zip(_KEYS, cells, strict=False))
        key = str(named["key"].raw or "").strip() if "key" in named else ""
        yield key, named, [c for c in cells[len(_KEYS) :] if not c.empty]


def read_sheet(project: Project, sheet: Any, file_name: str) -> SheetReading:
    reading = SheetReading()
    for key, cells, beyond in _rows(sheet, file_name):
        for cell in beyond:
            reading.keep(None, reject("unplaced_cell", cell.source, _text(cell)))
        if key == "#header":
            continue
        filled = [k for k in ANSWER_COLUMNS if k in cells and not cells[k].empty]
        if key != "#respondent":  # the list's name is written by the exporter
            reading.typed = reading.typed or bool(filled) or bool(beyond)
        if key in HEADER_KEYS:
            _header_row(reading, key, cells)
            _unplaced(reading, cells, [k for k in filled if k != "answer"])
        elif key in project.questions_by_id:
            _question_row(reading, project, project.questions_by_id[key], cells)
        elif OPTION_SEPARATOR in key and key.split(OPTION_SEPARATOR)[0] in project.questions_by_id:
            _option_row(reading, key, cells)
            _unplaced(reading, cells, [k for k in filled if k != "answer"])
        elif filled and key and not key.startswith("#"):
            source = cells[filled[0]].source
            reading.keep(None, reject("unknown_question", source, key))
        else:
            _unplaced(reading, cells, filled)
    _gather_choices(reading, project)
    return reading


def _gather_choices(reading: SheetReading, project: Project) -> None:
    """A multiple-choice answer: the options marked yes, in the scale's order."""
    for question in project.questionnaire.questions:
        if question.kind != "multiple_choice":
            continue
        marked = reading.options.get(question.id)
        answer = reading.answers.get(question.id)
        if marked and answer is not None and "no_answer" in answer:
            source = reading.sources[question.id]
            reading.keep(
                None,
                reject("answer_and_no_answer", source, answer["no_answer"], question=question.id),
            )
            del reading.answers[question.id]
        elif marked:
            scale = project.scales_by_id[getattr(question, "scale", "")]
            codes = [o.code for o in scale.options if marked.get(o.code)]
            reading.answers[question.id] = {"choices": codes, **(answer or {})}
        elif answer is not None and "no_answer" not in answer:
            answer["no_answer"] = "skipped"


def _text(cell: Cell) -> str:
    return str(cell.raw)


def _unplaced(reading: SheetReading, cells: dict[str, Cell], keys: list[str]) -> None:
    for key in keys:
        reading.keep(None, reject("unplaced_cell", cells[key].source, _text(cells[key])))


def _header_row(reading: SheetReading, key: str, cells: dict[str, Cell]) -> None:
    cell = cells.get("answer")
    if cell is None or cell.empty:
        return
    if key == "#received":
        reading.header[key] = reading.keep(*read_date(cell))
        return
    text = reading.keep(*read_text(cell))
    if text is None:
        return
    if key == "#consent":
        consent = match_yes_no(text)
        if consent is None:
            reading.keep(None, reject("not_yes_no", cell.source, text))
        reading.header[key] = consent
    else:
        reading.header[key] = text


def _option_row(reading: SheetReading, key: str, cells: dict[str, Cell]) -> None:
    question_id, code = key.split(OPTION_SEPARATOR, 1)
    cell = cells.get("answer")
    text = reading.keep(*read_text(cell)) if cell is not None else None
    if cell is None or text is None:
        return
    chosen = match_yes_no(text)
    if chosen is None:
        reading.keep(None, reject("not_yes_no", cell.source, text, question=question_id))
        return
    reading.options.setdefault(question_id, {})[code] = chosen
    reading.sources.setdefault(question_id, cell.source)


def _question_row(
    reading: SheetReading, project: Project, question: Question, cells: dict[str, Cell]
) -> None:
    answer: dict[str, Any] = {}
    value_cell = cells.get("answer")
    value, ok = _value(reading, project, question, value_cell)
    reason, ok_reason = _reason(reading, question, cells.get("no_answer"))
    if not (ok and ok_reason):
        return  # the rejected cell is reported; the answer waits for it to be fixed
    if value is not None and reason is not None:
        assert value_cell is not None
        shown = f"{_text(value_cell)} | {_text(cells['no_answer'])}"
        reading.keep(
            None, reject("answer_and_no_answer", value_cell.source, shown, question=question.id)
        )
        return
    if value is not None:
        answer[value[0]] = value[1]
    elif reason is not None:
        answer["no_answer"] = reason
    comment = _read(reading, cells.get("comment"))
    if comment is not None:
        answer["comment"] = comment
    evidence = {
        name: text
        for name, key in (("url", "evidence_url"), ("excerpt", "evidence_excerpt"))
        if (text := _read(reading, cells.get(key))) is not None
    }
    if evidence:
        answer["evidence"] = [evidence]
    if answer:
        if "no_answer" not in answer and value is None and question.kind != "multiple_choice":
            answer["no_answer"] = "skipped"  # a comment or a source without an answer
        reading.answers[question.id] = answer
        reading.sources[question.id] = (value_cell or cells["key"]).source


def _read(reading: SheetReading, cell: Cell | None) -> str | None:
    return reading.keep(*read_text(cell)) if cell is not None else None


def _value(
    reading: SheetReading, project: Project, question: Question, cell: Cell | None
) -> tuple[tuple[str, Any] | None, bool]:
    """``(field, value)`` typed in the answer cell (or ``None``), and whether it was readable."""
    if cell is None or cell.empty:
        return None, True
    if question.kind == "number":
        number = reading.keep(*read_number(cell, question.id))
        return (("number", number) if number is not None else None), number is not None
    text = reading.keep(*read_text(cell))
    if text is None:
        return None, False
    if question.kind == "open_text":
        return ("text", text), True
    code, suggestion = match_choice(project, question, text)
    if code is None:
        problem = reject(
            "unknown_option", cell.source, text, question=question.id, suggestion=suggestion
        )
        reading.keep(None, problem)
        return None, False
    return ("choice", code), True


def _reason(
    reading: SheetReading, question: Question, cell: Cell | None
) -> tuple[str | None, bool]:
    text = _read(reading, cell)
    if text is None or cell is None:
        return None, cell is None or cell.empty
    reason, suggestion = match_no_answer(text)
    if reason is None:
        problem = reject(
            "unknown_no_answer", cell.source, text, question=question.id, suggestion=suggestion
        )
        reading.keep(None, problem)
        return None, False
    return reason, True


def respondent_by_name(project: Project, text: str) -> str | None:
    """The id of the list ``text`` names (its id or its name, case and accents forgiven)."""
    wanted = normalise_label(text)
    for respondent in project.respondents:
        if wanted in (normalise_label(respondent.id), normalise_label(respondent.name)):
            return respondent.id
    return None
