"""Turning one cell into an answer value, or into the reason it cannot be one.

Every reader is memoised per column: a 100,000-row file repeats the same few labels.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass
from typing import Any

from civicquest.models import Project
from civicquest.plugins import NO_ANSWER_LABELS

from .mapping import QuestionMapping
from .reading import Cell
from .reading_values import closest, label_key, parse_date, parse_number

__all__ = ["Problem", "ValueReader", "cell_text", "read_date", "value_reader"]

NO_ANSWER_WORDS: dict[str, str] = {
    **{label_key(reason): reason for reason in NO_ANSWER_LABELS},
    **{
        label_key(label): reason
        for reason, labels in NO_ANSWER_LABELS.items()
        for label in labels.values()
    },
    label_key("ne se prononce pas"): "declined",
    label_key("non concerné"): "not_applicable",
}
_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a value could not be placed: a stable code, a message, what to do, a suggestion."""

    code: str
    message: str
    hint: str
    suggestion: str | None = None
    #: the 0-based column at fault, when not the question's first one
    column: int | None = None


def cell_text(cell: Cell) -> str:
    """What a cell shows, as text: integers without ``.0``, dates in ISO form."""
    if type(cell) is str:  # every CSV cell: the fast path
        return cell
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "oui" if cell else "non"
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 1e15:
        return str(int(cell))
    if isinstance(cell, dt.datetime | dt.date | dt.time):
        return cell.isoformat()
    return str(cell)


def read_date(cell: Cell, order: str) -> dt.date | Problem:
    """A date cell (XLSX) or a date written as text in ``order`` (dmy: dd/mm/yyyy)."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    date = parse_date(cell_text(cell), order)
    if date is None:
        return Problem(
            "unreadable_date",
            f"date illisible / unreadable date: {cell_text(cell)!r}",
            "écrivez-la jj/mm/aaaa / write it dd/mm/yyyy (or yyyy-mm-dd)",
        )
    return date


class OptionMatcher:
    """Finds the option code a label stands for: the mapping's own labels first, then the
    codes, then the options' labels in every language (without a trailing parenthesis too)."""

    def __init__(self, project: Project, question_id: str, overrides: MappingABC[str, str]):
        question = project.questions_by_id[question_id]
        scale = project.scales_by_id[getattr(question, "scale", "")]
        self.question_id = question_id
        self.codes: dict[str, str] = {}
        ambiguous: set[str] = set()
        for option in scale.options:
            labels = option.label.values() if isinstance(option.label, dict) else [option.label]
            for text in (option.code, *labels, *(_PARENTHESIS.sub("", t) for t in labels)):
                key = label_key(text)
                if self.codes.setdefault(key, option.code) != option.code:
                    ambiguous.add(key)
        for key in ambiguous:
            del self.codes[key]
        self.codes.update({label_key(text): code for text, code in overrides.items()})

    def match(self, text: str) -> str | Problem:
        key = label_key(text)
        code = self.codes.get(key)
        if code is not None:
            return code
        near = closest(key, self.codes)
        suggestion = self.codes[near] if near is not None else None
        closest_text = f" ; la plus proche / closest: {suggestion}" if suggestion else ""
        return Problem(
            "unknown_option",
            f"option inconnue pour / unknown option for {self.question_id}: {text!r}{closest_text}",
            "corrigez la cellule, ou ajoutez ce libellé sous 'labels' dans le fichier de "
            "correspondance / fix the cell, or add this label under 'labels' in the mapping",
            suggestion,
        )


#: reads a cell: the answer's value fields (``{"choice": code}``…), a Problem, or None if blank
ValueReader = Callable[[Cell], "dict[str, Any] | Problem | None"]


def value_reader(
    project: Project, question_id: str, spec: QuestionMapping, separator: str
) -> ValueReader:
    """How to read the cells of a question's column, memoised where labels repeat."""
    kind = project.questions_by_id[question_id].kind
    if kind in {"single_choice", "commitment", "position"}:
        matcher = OptionMatcher(project, question_id, spec.labels)
        return _memoised(lambda text: _choice(matcher, text))
    if kind == "multiple_choice":
        matcher = OptionMatcher(project, question_id, spec.labels)
        between = spec.separator or separator
        return _memoised(lambda text: _choices(matcher, text, between))
    if kind == "number":
        return _unless_blank(_number)
    return _unless_blank(_text)


def _memoised(read: Callable[[str], dict[str, Any] | Problem]) -> ValueReader:
    # keyed on the cell as read: CSV cells are all text, and a column repeats few labels
    seen: dict[str, dict[str, Any] | Problem | None] = {}

    def cached(cell: Cell) -> dict[str, Any] | Problem | None:
        if type(cell) is str and cell in seen:
            return seen[cell]
        text = cell_text(cell).strip()
        found = read(text) if text else None
        if type(cell) is str:
            seen[cell] = found
        return found

    return cached


def _unless_blank(read: Callable[[Cell], dict[str, Any] | Problem]) -> ValueReader:
    def reader(cell: Cell) -> dict[str, Any] | Problem | None:
        return read(cell) if cell_text(cell).strip() else None

    return reader


def _choice(matcher: OptionMatcher, text: str) -> dict[str, Any] | Problem:
    found = matcher.match(text)
    if isinstance(found, str):
        return {"choice": found}
    reason = NO_ANSWER_WORDS.get(label_key(text))
    return {"no_answer": reason} if reason else found


def _choices(matcher: OptionMatcher, text: str, separator: str) -> dict[str, Any] | Problem:
    whole = matcher.match(text)  # a label may itself hold the separator
    if isinstance(whole, str):
        return {"choices": [whole]}
    reason = NO_ANSWER_WORDS.get(label_key(text))
    if reason:
        return {"no_answer": reason}
    codes: list[str] = []
    for part in (p.strip() for p in text.split(separator)):
        if not part:
            continue
        found = matcher.match(part)
        if isinstance(found, Problem):
            return found
        if found not in codes:
            codes.append(found)
    return {"choices": codes}


def _number(cell: Cell) -> dict[str, Any] | Problem:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return {"number": float(cell)}
    text = cell_text(cell)
    number = parse_number(text)
    if number is not None:
        return {"number": number}
    reason = NO_ANSWER_WORDS.get(label_key(text))
    if reason:
        return {"no_answer": reason}
    return Problem(
        "unreadable_number",
        f"nombre illisible / unreadable number: {text!r}",
        "écrivez un nombre, par exemple 1 234,5 / write a number, e.g. 1234.5",
    )


def _text(cell: Cell) -> dict[str, Any] | Problem:
    return {"text": cell_text(cell)}
