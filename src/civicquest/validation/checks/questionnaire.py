"""Checks of a questionnaire on its own: ids, references, translations, bounds."""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from ...models.questionnaire import (
    SCORABLE_KINDS,
    MultipleChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    Scale,
)
from ..issues import Issue, format_doc_path, located
from ..locations import DocPath, Document
from .commitments import check_commitment_rules
from .communes import check_questionnaire_communes
from .division import check_division

__all__ = ["check_questionnaire", "duplicate_ids", "is_localized"]


def check_questionnaire(questionnaire: Questionnaire, doc: Document) -> list[Issue]:
    issues: list[Issue] = []
    for kind, items in _id_groups(questionnaire):
        issues += duplicate_ids(kind, items, doc)
    issues += _references(questionnaire, doc)
    issues += _translations(questionnaire, doc)
    issues += _rounds(questionnaire, doc)
    issues += _question_bounds(questionnaire, doc)
    issues += check_division(questionnaire, doc)
    issues += check_questionnaire_communes(questionnaire, doc)
    issues += check_commitment_rules(questionnaire, doc)
    return issues


IdGroup = tuple[str, list[tuple[str, DocPath]]]


def _id_groups(q: Questionnaire) -> Iterator[IdGroup]:
    yield "organisers", [(o.id, ("organisers", i)) for i, o in enumerate(q.organisers)]
    yield "themes", [(t.id, ("themes", i)) for i, t in enumerate(q.themes)]
    yield "scales", [(s.id, ("scales", i)) for i, s in enumerate(q.scales)]
    yield "questions", [(x.id, ("questions", i)) for i, x in enumerate(q.questions)]
    for i, scale in enumerate(q.scales):
        codes: list[tuple[str, DocPath]] = [
            (o.code, ("scales", i, "options", j)) for j, o in enumerate(scale.options)
        ]
        yield "options", codes


def duplicate_ids(kind: str, items: Iterable[tuple[str, DocPath]], doc: Document) -> list[Issue]:
    """An issue for every id already seen among ``items`` (id, where)."""
    first_seen: dict[str, DocPath] = {}
    issues = []
    for item_id, doc_path in items:
        if item_id in first_seen:
            first = format_doc_path(first_seen[item_id])
            issues.append(
                located("duplicate_id", doc, (*doc_path, "id"), kind=kind, id=item_id, first=first)
            )
        else:
            first_seen[item_id] = doc_path
    return issues


def _references(q: Questionnaire, doc: Document) -> list[Issue]:
    themes = {t.id for t in q.themes}
    scales = {s.id: s for s in q.scales}
    organisers = {o.id for o in q.organisers}
    issues = []
    for i, question in enumerate(q.questions):
        at: DocPath = ("questions", i)
        if question.theme not in themes:
            issues.append(
                located(
                    "unknown_theme",
                    doc,
                    (*at, "theme"),
                    theme=question.theme,
                    expected=_listing(themes),
                )
            )
        seen: set[str] = set()
        for j, organiser in enumerate(question.asked_by):
            if organiser in seen:
                where = (*at, "asked_by", j)
                issues.append(
                    located(
                        "duplicate_organiser", doc, where, severity="warning", organiser=organiser
                    )
                )
            seen.add(organiser)
        scale_id = getattr(question, "scale", None)
        if scale_id is not None and scale_id not in scales:
            issues.append(
                located(
                    "unknown_scale", doc, (*at, "scale"), scale=scale_id, expected=_listing(scales)
                )
            )
        if question.kind not in SCORABLE_KINDS and question.scored:
            issues.append(located("open_question_scored", doc, (*at, "scored"), kind=question.kind))
    return _unknown_organisers(q, organisers, doc) + issues


def _unknown_organisers(q: Questionnaire, organisers: set[str], doc: Document) -> list[Issue]:
    """One issue per unknown organiser (renaming one breaks every question that names it),
    located at its first use, with the questions that use it."""
    uses: dict[str, list[tuple[str, DocPath]]] = {}
    for i, question in enumerate(q.questions):
        for organiser in dict.fromkeys(question.asked_by):
            if organiser not in organisers:
                j = question.asked_by.index(organiser)
                uses.setdefault(organiser, []).append(
                    (question.id, ("questions", i, "asked_by", j))
                )
    return [
        located(
            "unknown_organiser",
            doc,
            found[0][1],
            organiser=organiser,
            count=len(found),
            questions=short_listing([question for question, _ in found]),
            expected=_listing(organisers),
        )
        for organiser, found in uses.items()
    ]


def short_listing(ids: list[str], shown: int = 5) -> str:
    """``p01, p02, p03, p04, p05, …``: the first ids, and an ellipsis when there are more."""
    return ", ".join(ids[:shown]) + (", …" if len(ids) > shown else "")


def _listing(ids: Iterable[str]) -> str:
    return ", ".join(sorted(ids)) or "-"


def _translations(q: Questionnaire, doc: Document) -> list[Issue]:
    issues = []
    if q.default_language not in q.languages:
        issues.append(
            located(
                "default_language_not_listed", doc, ("default_language",), lang=q.default_language
            )
        )
    for doc_path, text in _localized_texts(q, ()):
        given = {q.default_language} if isinstance(text, str) else set(text)
        for lang in q.languages:
            if lang not in given:
                issues.append(located("missing_translation", doc, doc_path, lang=lang))
    return issues


def _localized_texts(value: Any, path: DocPath) -> Iterator[tuple[DocPath, Any]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            child = getattr(value, name)
            if is_localized(type(value), name) and child is not None:
                yield (*path, name), child
            else:
                yield from _localized_texts(child, (*path, name))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _localized_texts(item, (*path, index))


@functools.cache
def is_localized(model: type[BaseModel], name: str) -> bool:
    """Whether the field is a LocalizedText (the only fields typed as a dict of texts)."""
    return _mentions_dict(model.model_fields[name].annotation)


def _mentions_dict(annotation: Any) -> bool:
    if typing.get_origin(annotation) is dict:
        return True
    return any(_mentions_dict(arg) for arg in typing.get_args(annotation))


def _rounds(q: Questionnaire, doc: Document) -> list[Issue]:
    rounds = q.election.rounds
    numbers = [r.number for r in rounds]
    dates = [r.date for r in rounds]
    if numbers != list(range(1, len(rounds) + 1)) or dates != sorted(set(dates)):
        return [located("rounds_out_of_order", doc, ("election", "rounds"))]
    return []


def _question_bounds(q: Questionnaire, doc: Document) -> list[Issue]:
    scales = {s.id: s for s in q.scales}
    issues = []
    for i, question in enumerate(q.questions):
        at: DocPath = ("questions", i)
        if isinstance(question, NumberQuestion):
            low, high = question.minimum, question.maximum
            if low is not None and high is not None and low > high:
                issues.append(
                    located("bounds_reversed", doc, (*at, "minimum"), minimum=low, maximum=high)
                )
        if isinstance(question, MultipleChoiceQuestion):
            issues += _choice_bounds(question, scales, doc, at)
    return issues


def _choice_bounds(
    question: MultipleChoiceQuestion, scales: dict[str, Scale], doc: Document, at: DocPath
) -> list[Issue]:
    issues = []
    low, high = question.min_choices, question.max_choices
    if high is not None and low > high:
        issues.append(
            located("bounds_reversed", doc, (*at, "min_choices"), minimum=low, maximum=high)
        )
    if question.scale in scales:
        size = len(scales[question.scale].options)
        for name in ("min_choices", "max_choices"):
            value = getattr(question, name)
            if value is not None and value > size:
                issues.append(
                    located(
                        "choices_exceed_options",
                        doc,
                        (*at, name),
                        field=name,
                        value=value,
                        options=size,
                    )
                )
    return issues
