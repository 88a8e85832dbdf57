"""Finding the mapping's columns in the header row, and the columns the mapping does not name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from civicquest.models import Project
from civicquest.plugins import UsageError

from .cells import cell_text
from .mapping import Mapping
from .reading import Cell
from .reading_values import closest, label_key

__all__ = ["Columns", "QuestionColumns", "find_columns"]


@dataclass(frozen=True, slots=True)
class QuestionColumns:
    """The 0-based columns of one question: its answer (or one per option), comment, evidence."""

    question_id: str
    answer: int | None
    options: tuple[tuple[int, str], ...] = ()
    comment: int | None = None
    evidence: int | None = None


@dataclass(slots=True)
class Columns:
    """Where everything is, by 0-based column index."""

    headers: list[str]
    respondent: int
    received: int | None = None
    consent: int | None = None
    comment: int | None = None
    questions: list[QuestionColumns] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    ignored: set[int] = field(default_factory=set)


def find_columns(header: Sequence[Cell], mapping: Mapping, project: Project, where: str) -> Columns:
    """Locate every column the mapping names; raise :class:`UsageError` listing all that are
    missing, ambiguous, or point at unknown questions or option codes."""
    headers = [cell_text(cell).strip() for cell in header]
    by_key: dict[str, list[int]] = {}
    for index, text in enumerate(headers):
        by_key.setdefault(label_key(text), []).append(index)
    problems: list[str] = []

    def find(name: str, path: str) -> int:
        found = by_key.get(label_key(name), [])
        if len(found) == 1:
            return found[0]
        if found:
            problems.append(f"{path}: {len(found)} columns are headed {name!r}")
        else:
            near = closest(label_key(name), by_key)
            hint = f" (closest: {headers[by_key[near][0]]!r})" if near is not None else ""
            problems.append(f"{path}: no column headed {name!r}{hint}")
        return -1

    def maybe(name: str | None, path: str) -> int | None:
        return None if name is None else find(name, path)

    columns = Columns(
        headers=headers,
        respondent=find(mapping.respondent.column, "respondent.column"),
        received=maybe(mapping.received, "received"),
        consent=maybe(mapping.consent.column, "consent.column"),
        comment=maybe(mapping.comment, "comment"),
    )
    for question_id, spec in mapping.questions.items():
        path = f"questions.{question_id}"
        problems.extend(_question_problems(project, question_id, spec, path))
        if question_id not in project.questions_by_id:
            continue
        options = tuple(
            (find(name, f"{path}.options.columns"), code)
            for name, code in (spec.options.columns.items() if spec.options else ())
        )
        columns.questions.append(
            QuestionColumns(
                question_id=question_id,
                answer=maybe(spec.column, f"{path}.column"),
                options=options,
                comment=maybe(spec.comment, f"{path}.comment"),
                evidence=maybe(spec.evidence, f"{path}.evidence"),
            )
        )
    for name in mapping.ignore:
        columns.ignored.update(by_key.get(label_key(name), []))
    if problems:
        raise UsageError(
            f"{where}: the mapping does not fit this file / le fichier de correspondance ne "
            f"correspond pas à ce fichier:\n  " + "\n  ".join(problems)
        )
    columns.used.update(_mapped(columns))
    return columns


def _mapped(columns: Columns) -> set[int]:
    found = {columns.respondent, columns.received, columns.consent, columns.comment}
    for question in columns.questions:
        found.update((question.answer, question.comment, question.evidence))
        found.update(index for index, _ in question.options)
    return {index for index in found if index is not None}


def _question_problems(project: Project, question_id: str, spec: object, path: str) -> list[str]:
    question = project.questions_by_id.get(question_id)
    if question is None:
        return [f"{path}: no question {question_id!r} in the questionnaire"]
    scale_id = getattr(question, "scale", None)
    codes = (
        {option.code for option in project.scales_by_id[scale_id].options}
        if scale_id in project.scales_by_id
        else set()
    )
    labels = getattr(spec, "labels", {})
    options = getattr(spec, "options", None)
    problems = [
        f"{path}.labels: {code!r} is not an option of {question_id} ({', '.join(sorted(codes))})"
        for code in (*labels.values(), *(options.columns.values() if options else ()))
        if code not in codes
    ]
    if getattr(spec, "column", None) is None and options is None:
        problems.append(f"{path}: give 'column' (or 'options' for a multiple choice)")
    if options is not None and question.kind != "multiple_choice":
        problems.append(
            f"{path}.options: only for a multiple choice ({question_id} is {question.kind})"
        )
    return problems
