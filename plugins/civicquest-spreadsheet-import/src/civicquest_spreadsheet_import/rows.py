"""Reading one data row into one list's response; what cannot be placed is rejected, located."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from civicquest.models import Project
from civicquest.plugins import ImportedResponse, Rejected, SourceRef

from .cells import Problem, ValueReader, cell_text, read_date, value_reader
from .columns import Columns, QuestionColumns
from .mapping import ConsentMapping, Mapping, RespondentMapping
from .reading import Cell, column_letter
from .reading_values import closest, label_key

__all__ = ["RowReader"]

_URL = re.compile(r"^https?://\S+$")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")
UNTICKED = frozenset(label_key(word) for word in ("", "n", "no", "non", "0", "false", "faux"))


class RespondentFinder:
    """Which list a cell names: its id or its name (with or without a trailing parenthesis),
    or a spelling given under ``respondent.names``, all compared after normalising."""

    def __init__(self, project: Project, spec: RespondentMapping) -> None:
        self.ids: dict[str, str] = {}
        for respondent in project.respondents:
            for text in (respondent.id, respondent.name, _PARENTHESIS.sub("", respondent.name)):
                self.ids.setdefault(label_key(text), respondent.id)
        self.ids.update({label_key(name): rid for name, rid in spec.names.items()})

    def find(self, text: str) -> str | Problem:
        found = self.ids.get(label_key(text))
        if found is not None:
            return found
        near = closest(label_key(text), self.ids)
        suggestion = self.ids[near] if near is not None else None
        return Problem(
            "unknown_respondent",
            f"liste inconnue / unknown list: {text!r}"
            + (f" ; la plus proche / closest: {suggestion}" if suggestion else ""),
            "écrivez l'identifiant ou le nom de la liste, ou ajoutez cette graphie sous "
            "'respondent.names' / write the list's id or name, or add this spelling under "
            "'respondent.names' in the mapping",
            suggestion,
        )


class RowReader:
    """Reads data rows one by one; collects ``responses`` and ``rejected``."""

    def __init__(
        self, project: Project, mapping: Mapping, columns: Columns, file: str, sheet: str | None
    ) -> None:
        self.mapping = mapping
        self.columns = columns
        self.file = file
        self.sheet = sheet
        self.finder = RespondentFinder(project, mapping.respondent)
        self.plan = [
            (
                question,
                value_reader(
                    project,
                    question.question_id,
                    mapping.questions[question.question_id],
                    mapping.separator,
                ),
            )
            for question in columns.questions
        ]
        self.ticked = {
            question_id: frozenset(label_key(word) for word in spec.options.ticked)
            for question_id, spec in mapping.questions.items()
            if spec.options is not None
        }
        self.questionnaire = {
            "id": project.questionnaire.id,
            "version": project.questionnaire.version,
        }
        self.yes = frozenset(label_key(word) for word in mapping.consent.yes)
        self.no = frozenset(label_key(word) for word in mapping.consent.no)
        self.first_row: dict[str, int] = {}
        self.responses: list[ImportedResponse] = []
        self.rejected: list[Rejected] = []

    def read(self, number: int, cells: Sequence[Cell]) -> None:
        """Read one row: a response, or rejections for each of its values."""
        if not any(cell_text(cell).strip() for cell in cells):
            return
        self.number, self.cells = number, cells
        respondent = self.finder.find(self._text(self.columns.respondent))
        if isinstance(respondent, Problem):
            self._reject(self.columns.respondent, respondent)
            self._reject_row(respondent.code, "liste inconnue / unknown list")
            return
        if respondent in self.first_row:
            self._reject_row(
                "duplicate_respondent",
                f"{respondent} a déjà une réponse ligne / already answered on row "
                f"{self.first_row[respondent]}",
                include_respondent=True,
            )
            return
        self.first_row[respondent] = number
        data = self._response_head(respondent)
        answers: dict[str, Any] = {}
        sources: dict[str, SourceRef] = {}
        for question, read in self.plan:
            answer = self._answer(question, read)
            if answer is not None:
                answers[question.question_id] = answer
                sources[question.question_id] = self._ref(_first_column(question))
        data["answers"] = answers
        self.responses.append(
            ImportedResponse(data=data, source=self._ref(None), answer_sources=sources)
        )

    # -- the response's own fields

    def _response_head(self, respondent: str) -> dict[str, Any]:
        data: dict[str, Any] = {
            "respondent": respondent,
            "questionnaire": dict(self.questionnaire),
            "round": self.mapping.round,
            "channel": self.mapping.channel,
        }
        if self._text(self.columns.received):
            received = read_date(self._cell(self.columns.received), self.mapping.date_order)
            if isinstance(received, Problem):
                self._reject(self.columns.received, received)
            else:
                data["received"] = received
        consent = self._consent(self.mapping.consent)
        if consent is not None:
            data["consent_to_publish"] = consent
        comment = self._text(self.columns.comment)
        if comment.strip():
            data["comment"] = comment
        return data

    def _consent(self, spec: ConsentMapping) -> bool | None:
        text = self._text(self.columns.consent).strip()
        if not text:
            return spec.default
        key = label_key(text)
        for answer, words in ((True, self.yes), (False, self.no)):
            if key in words:
                return answer
        self._reject(
            self.columns.consent,
            Problem(
                "unreadable_consent",
                f"accord de publication illisible / unreadable consent: {text!r}",
                f"écrivez / write {spec.yes[0]!r} ou/or {spec.no[0]!r}, or add the word under "
                "'consent.yes' or 'consent.no' in the mapping",
            ),
        )
        return spec.default

    # -- answers

    def _answer(self, question: QuestionColumns, read: ValueReader) -> dict[str, Any] | None:
        value = self._ticked(question) if question.options else read(self._cell(question.answer))
        comment = "" if question.comment is None else self._text(question.comment)
        evidence = "" if question.evidence is None else self._text(question.evidence)
        if isinstance(value, Problem):
            self._reject(_first_column(question) if value.column is None else value.column, value)
            for index in (question.comment, question.evidence):
                if self._text(index).strip():
                    self._reject(index, _orphan(question.question_id))
            return None
        if value is None:
            if not (comment.strip() or evidence.strip()):
                return None
            value = {"no_answer": "skipped"}
        answer = {**value}
        if "choices" in answer:
            answer["choices"] = list(answer["choices"])
        if comment.strip():
            answer["comment"] = comment
        if evidence.strip():
            answer["evidence"] = _evidence(evidence)
        return answer

    def _ticked(self, question: QuestionColumns) -> dict[str, Any] | Problem | None:
        codes: list[str] = []
        for index, code in question.options:
            key = label_key(self._text(index))
            if key in self.ticked[question.question_id]:
                codes.append(code)
            elif key not in UNTICKED:
                return Problem(
                    "unreadable_tick",
                    f"case ni cochée ni vide / neither ticked nor empty: {self._text(index)!r}",
                    "écrivez Y ou laissez vide / write Y or leave it empty (or add the word "
                    "under 'options.ticked')",
                    column=index,
                )
        return {"choices": codes} if codes else None

    # -- locating and rejecting

    def _cell(self, index: int | None) -> Cell:
        return self.cells[index] if index is not None and index < len(self.cells) else None

    def _text(self, index: int | None) -> str:
        return cell_text(self._cell(index))

    def _ref(self, index: int | None) -> SourceRef:
        column = None if index is None else column_letter(index)
        return SourceRef(file=self.file, sheet=self.sheet, row=self.number, column=column)

    def _reject(self, index: int | None, problem: Problem) -> None:
        header = (
            self.columns.headers[index]
            if index is not None and index < len(self.columns.headers)
            else ""
        )
        self.rejected.append(
            Rejected(
                source=self._ref(index),
                value=self._text(index),
                code=problem.code,
                message=f"{problem.message} [{header}]" if header else problem.message,
                hint=problem.hint,
                suggestion=problem.suggestion,
            )
        )

    def _reject_row(self, code: str, why: str, include_respondent: bool = False) -> None:
        """Reject every other value of a row that cannot be placed."""
        for index in sorted(self.columns.used):
            if index == self.columns.respondent and not include_respondent:
                continue
            if self._text(index).strip():
                self._reject(
                    index,
                    Problem(
                        code,
                        f"valeur non importée : {why} / value not imported: {why}",
                        "corrigez la colonne de la liste sur cette ligne / fix the list's column "
                        "on this row",
                    ),
                )


def _first_column(question: QuestionColumns) -> int | None:
    if question.answer is not None:
        return question.answer
    return question.options[0][0] if question.options else question.comment


def _orphan(question_id: str) -> Problem:
    return Problem(
        "answer_not_placed",
        f"non importé car la réponse à {question_id} est illisible / not imported because the "
        f"answer to {question_id} could not be read",
        "corrigez la réponse sur cette ligne / fix the answer on this row",
    )


def _evidence(text: str) -> list[dict[str, str]]:
    """One source per line: an address becomes ``url``, anything else ``excerpt``."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not all(_URL.match(line) for line in lines):
        return [{"excerpt": text}]
    return [{"url": line} for line in lines]
