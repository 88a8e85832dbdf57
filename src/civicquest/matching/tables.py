"""Matching tables for a browser: the engine's own numbers, for a port of its per-question loop.

Every number comes from the code ``civicquest match`` runs: :func:`match_questions` (questions,
usable options, weights), :func:`positions` (answer positions), :func:`encode_lists` (which
lists, their answers), :meth:`PointsRule.for_question` (points tables resolved from a preset
or scoring.yaml), :class:`ImportanceFactors` and the collation of names (ties). A browser adds
them up as :class:`MatchKernel` and :class:`PointsKernel` do, with no formula of its own but
the distance kernels (which ``civicquest-match.js`` ports with their sources).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..models.match_tables import (
    ImportanceTable,
    MatchChoice,
    MatchingTables,
    MethodTables,
    QuestionPointsTable,
    TableList,
    TableQuestion,
)
from ..models.project import Project
from ..models.respondents import Respondent
from ..text.collation import sorted_by_name
from .encoding import MatchQuestion, encode_list_importance, encode_lists, match_questions
from .engine import match_record, project_points_rule
from .kernels import NOTHING_COUNTS, positions
from .methods import get_match_method
from .points import QuestionPoints

__all__ = [
    "IMPORTANT_WEIGHT",
    "SCRIPT_PATH",
    "matching_script",
    "matching_tables",
    "published_methods",
]

IMPORTANT_WEIGHT = 2.0  # match_voter's default, the one civicquest match uses
SCRIPT_PATH = Path(__file__).with_name("civicquest-match.js")


def matching_script() -> str:
    """The source of ``civicquest-match.js``, the browser's port of the matching loop: a classic
    script defining ``CivicquestMatch`` (see docs/matching.md, the voter page)."""
    return SCRIPT_PATH.read_text(encoding="utf-8")


def published_methods(project: Project) -> tuple[MatchChoice, ...]:
    """The methods a project publishes: scoring.yaml's ``match_methods``, else the default."""
    chosen = project.scoring.match_methods if project.scoring is not None else ()
    return chosen or (MatchChoice(),)


def matching_tables(
    project: Project,
    methods: Sequence[MatchChoice] | None = None,
    *,
    include_unpublished: bool = False,
) -> MatchingTables:
    """The tables a browser needs to compute ``civicquest match`` for ``methods`` (default:
    :func:`published_methods`). A points method with no table for a scale raises
    :class:`UsageError`, as ``civicquest match -m points`` does."""
    chosen = tuple(methods) if methods is not None else published_methods(project)
    questions = match_questions(project.questionnaire, project.scoring)
    lists, levels, left = encode_lists(project, questions, include_unpublished=include_unpublished)
    tables = tuple(
        _method_tables(project, questions, choice, include_unpublished) for choice in chosen
    )
    flags = encode_list_importance(project, lists, questions).tolist()
    with_flags = any(table.method == "points" for table in tables)
    order = _name_order(lists)
    return MatchingTables(
        themes=tuple(theme.id for theme in project.questionnaire.themes),
        questions=tuple(_question(q) for q in questions),
        lists=tuple(
            TableList(
                respondent=respondent.id,
                name=respondent.name,
                order=order[index],
                levels=tuple(int(level) for level in levels[index]),
                important=tuple(bool(flag) for flag in flags[index]) if with_flags else (),
            )
            for index, respondent in enumerate(lists)
        ),
        unmatched=left,
        methods=tables,
        nothing_counts=NOTHING_COUNTS,
    )


def _question(question: MatchQuestion) -> TableQuestion:
    return TableQuestion(
        id=question.id,
        theme=question.theme,
        scale=question.scale,
        codes=question.codes,
        positions=tuple(float(x) for x in positions(question.levels)),
        weight=question.weight,
        equivalents=dict(question.equivalents),
    )


def _name_order(lists: tuple[Respondent, ...]) -> list[int]:
    """Each list's place when sorted as the engine breaks ties: collation of names, then id."""
    ranked = sorted_by_name(range(len(lists)), lambda i: lists[i].name, last=lambda i: lists[i].id)
    order = [0] * len(lists)
    for place, index in enumerate(ranked):
        order[index] = place
    return order


def _method_tables(
    project: Project,
    questions: tuple[MatchQuestion, ...],
    choice: MatchChoice,
    include_unpublished: bool,
) -> MethodTables:
    method = "points" if choice.points is not None else choice.method
    if method == "points":
        rule = project_points_rule(project, choice.points)
        factor = rule.important.factor
        record = match_record(
            project, questions, "points", rule, imputation=choice.missing,
            important_weight=IMPORTANT_WEIGHT, include_unpublished=include_unpublished,
            empty_voter=choice.empty_voter,
        )  # fmt: skip
        return MethodTables(
            key=choice.key,
            choice=choice,
            method="points",
            points=tuple(_points(rule.for_question(q)) for q in questions),
            importance=ImportanceTable(
                none=factor(False, False),
                voter=factor(True, False),
                list=factor(False, True),
                both=factor(True, True),
            ),
            reproducibility=record,
        )
    distance = get_match_method(method)
    record = match_record(
        project, questions, method, None, imputation=choice.missing,
        important_weight=IMPORTANT_WEIGHT, include_unpublished=include_unpublished,
        empty_voter=choice.empty_voter,
    )  # fmt: skip
    return MethodTables.model_validate(
        {
            "key": choice.key,
            "choice": choice,
            "method": method,
            "kernel": distance.name,
            "squared": distance.squared,
            "imputation": choice.missing,
            "important_weight": IMPORTANT_WEIGHT,
            "reproducibility": record,
        }
    )


def _points(rule: QuestionPoints) -> QuestionPointsTable:
    return QuestionPointsTable(
        points=tuple(tuple(float(p) for p in row) for row in rule.points.tolist()),
        maximum=tuple(float(m) for m in rule.maximum.tolist()),
        missing_points=rule.missing_points,
        missing_maximum=tuple(float(m) for m in rule.missing_maximum.tolist()),
    )
