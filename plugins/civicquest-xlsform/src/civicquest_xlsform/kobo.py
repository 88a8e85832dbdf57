"""The ``kobo`` importer: a KoboToolbox, ODK Central or Ona export of the XLSForm's answers.

One row per submission. Option values may be the choice names (the option codes, "XML values")
or their labels in any language of the questionnaire (a "labels" export); misspelt labels are
rejected with the closest code as a suggestion. Every value is either in a response or rejected.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from civicquest.models import Project
from civicquest.plugins import (
    NO_ANSWER_LABELS,
    ImportedResponse,
    ImportResult,
    Rejected,
    SourceRef,
    match_option,
    option_labels,
    parse_number,
)

from .columns import Column, resolve_columns
from .names import CONSENT_NO, CONSENT_YES
from .reading import Table, read_table
from .texts import FORM_TEXTS, reject_text

__all__ = ["KoboOptions", "load_kobo"]

TRUE_FLAGS = frozenset({"1", "true", "True", "TRUE", "yes", "oui"})
DATE_START = re.compile(r"^\d{4}-\d{2}-\d{2}")


class KoboOptions(BaseModel):
    """Options of the ``kobo`` importer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    round: int = Field(default=1, ge=1, le=2, description="Election round of these answers.")
    channel: Literal["form", "letter", "email", "meeting", "other"] = "form"


def load_kobo(project: Project, content: bytes, options: BaseModel, file_name: str) -> ImportResult:
    settings = options if isinstance(options, KoboOptions) else KoboOptions()
    try:
        table = read_table(content)
    except (ValueError, UnicodeError) as error:
        message, hint = reject_text("unreadable_file", reason=str(error))
        reject = Rejected(
            source=SourceRef(file=file_name),
            value="",
            code="unreadable_file",
            message=message,
            hint=hint,
        )
        return ImportResult(rejected=(reject,))
    reader = _Reader(project, table, file_name, settings)
    return reader.read()


@dataclass
class _Row:
    """One submission being read: its cells by role, and where each came from."""

    number: int
    cells: list[tuple[Column, str, str]]  # (column, header, value), non-empty values only
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: dict[str, SourceRef] = field(default_factory=dict)


@dataclass
class _Reader:
    project: Project
    table: Table
    file_name: str
    options: KoboOptions
    rejected: list[Rejected] = field(default_factory=list)
    #: questions with a column of their own (a select_multiple's option columns then add nothing)
    summarised: set[str] = field(default_factory=set)

    def read(self) -> ImportResult:
        columns = resolve_columns(self.project, self.table.header)
        self.summarised = {c.question for c in columns if c.role == "answer"}
        responses: list[ImportedResponse] = []
        seen: dict[str, int] = {}
        for number, values in self.table.rows:
            cells = [
                (c, h, v)
                for c, h, v in zip(columns, self.table.header, values, strict=False)
                if v.strip()
            ]
            if cells:
                response = self.response(_Row(number, cells), seen)
                responses.extend([response] if response else [])
        return ImportResult(responses=tuple(responses), rejected=tuple(self.rejected))

    def where(self, row: int, column: str | None = None) -> SourceRef:
        return SourceRef(file=self.file_name, sheet=self.table.sheet, row=row, column=column)

    def reject(
        self,
        row: int,
        column: str | None,
        value: str,
        code: str,
        suggestion: str | None = None,
        **values: object,
    ) -> None:
        message, hint = reject_text(code, value=value, column=column, **values)
        self.rejected.append(
            Rejected(
                source=self.where(row, column),
                value=value,
                code=code,
                message=message,
                hint=hint,
                suggestion=suggestion,
            )
        )

    def response(self, row: _Row, seen: dict[str, int]) -> ImportedResponse | None:
        respondent = self.respondent(row, seen)
        if respondent is None:
            return None
        data: dict[str, Any] = {
            "respondent": respondent,
            "questionnaire": {
                "id": self.project.questionnaire.id,
                "version": self.project.questionnaire.version,
            },
            "round": self.options.round,
            "channel": self.options.channel,
        }
        for column, header, value in row.cells:
            self.place(row, data, column, header, value)
        self.fill_multiple_choices(row)
        if "consent_to_publish" not in data:
            self.reject(row.number, None, "", "missing_consent")
            data["consent_to_publish"] = False
        data["answers"] = {
            q: row.answers[q] for q in self.project.questions_by_id if q in row.answers
        }
        return ImportedResponse(
            data=data, source=self.where(row.number), answer_sources=row.sources
        )

    def respondent(self, row: _Row, seen: dict[str, int]) -> str | None:
        found = [(header, value) for column, header, value in row.cells if column.role == "list"]
        if not found:
            self.reject(row.number, None, "", "missing_respondent")
            return None
        header, value = found[0]
        candidates = {r.id: (r.name,) for r in self.project.respondents}
        code, suggestion = _match(value, candidates)
        if code is None:
            self.reject(row.number, header, value, "unknown_respondent", suggestion)
            return None
        if code in seen:
            self.reject(row.number, header, code, "duplicate_respondent", first=seen[code])
            return None
        seen[code] = row.number
        return code

    def place(
        self, row: _Row, data: dict[str, Any], column: Column, header: str, value: str
    ) -> None:
        role = column.role
        if role == "unmapped":
            self.reject(row.number, header, value, "unmapped_column")
        elif role == "consent":
            consent = {
                CONSENT_YES: FORM_TEXTS["yes"].values(),
                CONSENT_NO: FORM_TEXTS["no"].values(),
            }
            code, suggestion = _match(value, consent)
            if code is None:
                self.reject(
                    row.number,
                    header,
                    value,
                    "unknown_option",
                    suggestion,
                    question="consentement",
                    options=f"{CONSENT_YES}, {CONSENT_NO}",
                )
            else:
                data["consent_to_publish"] = code == CONSENT_YES
        elif role == "version":
            data["questionnaire"]["version"] = value
        elif role == "general_comment":
            data["comment"] = value
        elif role == "received" and DATE_START.match(value):
            data["received"] = value[:10]
        elif role in ("answer", "no_answer", "comment", "evidence", "option_flag"):
            self.place_answer(row, column, header, value)

    def place_answer(self, row: _Row, column: Column, header: str, value: str) -> None:
        question = column.question
        answer = row.answers.setdefault(question, {})
        if column.role == "answer" or question not in row.sources:
            row.sources[question] = self.where(row.number, header)
        if column.role == "answer":
            self.answer_value(answer, question, header, row.number, value)
        elif column.role == "no_answer":
            self.no_answer(answer, question, header, row.number, value)
        elif column.role == "comment":
            answer["comment"] = value
        elif column.role == "evidence":
            slots = answer.setdefault("_evidence", {})
            slots.setdefault(column.slot, {})[column.part] = value
        elif value.strip() in TRUE_FLAGS:
            answer.setdefault("_flags", []).append(column.part)

    def answer_value(
        self, answer: dict[str, Any], question_id: str, header: str, row: int, value: str
    ) -> None:
        question = self.project.questions_by_id[question_id]
        if question.kind == "open_text":
            answer["text"] = value
        elif question.kind == "number":
            number = _number(value)
            if number is None:
                self.reject(row, header, value, "unreadable_number", question=question_id)
            else:
                answer["number"] = number
        elif question.kind == "multiple_choice":
            codes = self.choices(question_id, header, row, value)
            if codes is not None:
                answer["choices"] = codes
        else:
            code = self.option(question_id, header, row, value)
            if code is not None:
                answer["choice"] = code

    def option(self, question_id: str, header: str, row: int, value: str) -> str | None:
        candidates = option_labels(self.project, question_id)
        code, suggestion = _match(value, candidates)
        if code is None:
            self.reject(
                row,
                header,
                value,
                "unknown_option",
                suggestion,
                question=question_id,
                options=", ".join(candidates),
            )
        return code

    def choices(self, question_id: str, header: str, row: int, value: str) -> list[str] | None:
        candidates = option_labels(self.project, question_id)
        codes = _split_choices(value, candidates)
        if codes is None:
            _code, suggestion = _match(value, candidates)
            self.reject(
                row,
                header,
                value,
                "unknown_option",
                suggestion,
                question=question_id,
                options=", ".join(candidates),
            )
        return codes

    def no_answer(
        self, answer: dict[str, Any], question_id: str, header: str, row: int, value: str
    ) -> None:
        candidates = {code: tuple(labels.values()) for code, labels in NO_ANSWER_LABELS.items()}
        code, suggestion = _match(value, candidates)
        if code is None:
            self.reject(
                row,
                header,
                value,
                "unknown_option",
                suggestion,
                question=header,
                options=", ".join(candidates),
            )
        else:
            answer["_no_answer"] = (code, header)

    def fill_multiple_choices(self, row: _Row) -> None:
        """Finish each answer: the per-option columns when there is no summary column, the
        reason for no answer, the evidence in slot order."""
        for question_id, answer in row.answers.items():
            flags = answer.pop("_flags", None)
            if flags and "choices" not in answer and question_id not in self.summarised:
                answer["choices"] = flags
            reason = answer.pop("_no_answer", None)
            if reason is not None:
                has_value = any(k in answer for k in ("choice", "choices", "text", "number"))
                if has_value:
                    self.reject(
                        row.number, reason[1], reason[0], "conflicting_values", question=question_id
                    )
                else:
                    answer["no_answer"] = reason[0]
            slots = answer.pop("_evidence", {})
            if slots:
                answer["evidence"] = [slots[n] for n in sorted(slots)]


def _match(text: str, candidates: Mapping[str, Iterable[str]]) -> tuple[str | None, str | None]:
    """``(code, None)`` when ``text`` is a code or one of its labels, else ``(None, closest
    code or None)``; a label two codes share matches neither (it would be a guess)."""
    found = match_option(text, candidates)
    return found.code, found.suggestion


def _number(value: str) -> float | None:
    try:
        return parse_number(value)
    except ValueError:
        return None


def _split_choices(value: str, candidates: dict[str, tuple[str, ...]]) -> list[str] | None:
    """The codes of a select_multiple cell: names separated by spaces (as the tools write
    them), or labels (a labels export), matched longest first; ``None`` if a part is unknown."""
    words = value.split()
    codes: list[str] = []
    start = 0
    while start < len(words):
        for end in range(len(words), start, -1):
            code = match_option(" ".join(words[start:end]), candidates).code
            if code is not None:
                codes.append(code)
                start = end
                break
        else:
            return None
    return codes
