"""The data validations of a list's sheet: what Excel and LibreOffice let a person type.

One :class:`DataValidation` per kind of rule and sheet, to which the cells are added; each
has a prompt (shown when the cell is selected) and an error message, in the form's language
first. Excel limits titles to 32 characters and messages to 255.
"""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.datavalidation import DataValidation

from civicquest.models import Question
from civicquest.plugins import format_number

from .texts import CONSENT, Pair, both

__all__ = ["SheetRules"]

_LIST_ERROR: Pair = (
    "Choisissez une valeur de la liste déroulante.",
    "Choose a value from the drop-down list.",
)
_TITLE: Pair = ("Réponse", "Answer")


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class SheetRules:
    """The validations of one sheet, created on first use, in a stable order."""

    def __init__(self, sheet: Any, lang: str) -> None:
        self.sheet, self.lang = sheet, lang
        self._rules: dict[str, DataValidation] = {}

    def _rule(
        self, key: str, prompt: Pair, error: Pair = _LIST_ERROR, **kwargs: Any
    ) -> DataValidation:
        if key not in self._rules:
            rule = DataValidation(allow_blank=True, showErrorMessage=True, **kwargs)
            rule.showInputMessage = True
            rule.promptTitle = _short(both(_TITLE, self.lang), 32)
            rule.prompt = _short(both(prompt, self.lang, "\n"), 255)
            rule.errorTitle = _short(both(_TITLE, self.lang), 32)
            rule.error = _short(both(error, self.lang, "\n"), 225)
            self.sheet.add_data_validation(rule)
            self._rules[key] = rule
        return self._rules[key]

    def choose(self, cell: str, key: str, source: str, prompt: Pair) -> None:
        """A drop-down of the labels in ``source`` (a range of the choices sheet)."""
        self._rule(f"list:{key}", prompt, type="list", formula1=source).add(cell)

    def yes_no(self, cell: str, prompt: Pair) -> None:
        yes, no = CONSENT.get(self.lang, CONSENT["fr"])
        self._rule(f"yes_no:{prompt[0]}", prompt, type="list", formula1=f'"{yes},{no}"').add(cell)

    def text(self, cell: str, limit: int, prompt: Pair) -> None:
        error: Pair = (f"Au plus {limit} caractères.", f"At most {limit} characters.")
        self._rule(
            f"text:{limit}:{prompt[0]}",
            prompt,
            type="textLength",
            operator="lessThanOrEqual",
            formula1=str(limit),
            error=error,
        ).add(cell)

    def number(self, cell: str, question: Question, prompt: Pair) -> None:
        low, high = getattr(question, "minimum", None), getattr(question, "maximum", None)
        kind = "whole" if getattr(question, "integer", False) else "decimal"
        low_text = format_number(low) if low is not None else "-1000000000000000"
        high_text = format_number(high) if high is not None else "1000000000000000"
        error: Pair = (f"Un nombre entre {low_text} et {high_text}.", "A number in bounds.")
        if low is not None or high is not None:
            error = (error[0], f"A number between {low_text} and {high_text}.")
        self._rule(
            f"number:{question.id}",
            prompt,
            type=kind,
            operator="between",
            formula1=low_text,
            formula2=high_text,
            error=error,
        ).add(cell)

    def date(self, cell: str, prompt: Pair) -> None:
        error: Pair = ("Une date, jj/mm/aaaa.", "A date, dd/mm/yyyy.")
        self._rule(
            "date", prompt, type="date", operator="greaterThan", formula1="1", error=error
        ).add(cell)
