"""Checks of scoring.yaml's ``match_points`` tables: known scales and codes, complete, coherent."""

from __future__ import annotations

from ...models.match_points import PointsTable
from ...models.questionnaire import Questionnaire, Scale
from ...models.scoring import ScoringConfig
from ..issues import Issue, located
from ..locations import Document

__all__ = ["check_match_points"]

_AT = ("match_points", "tables")


def check_match_points(
    config: ScoringConfig, doc: Document, questionnaire: Questionnaire
) -> list[Issue]:
    """Located issues: unknown scale or option codes, missing rows or cells, points > maximum."""
    if config.match_points is None:
        return []
    scales = {scale.id: scale for scale in questionnaire.scales}
    issues: list[Issue] = []
    for scale_id, table in config.match_points.tables.items():
        scale = scales.get(scale_id)
        if scale is None:
            issues.append(
                located("unknown_scale", doc, (*_AT, scale_id), at_key=True, scale=scale_id,
                        expected=", ".join(scales) or "-")
            )  # fmt: skip
            continue
        found = _unknown_codes(table, scale, doc) + _gaps(table, scale, doc)
        issues += found or _above_maximum(table, scale, doc)
    return issues


def _usable(scale: Scale) -> list[str]:
    return [option.code for option in scale.options if not option.not_applicable]


def _unknown_codes(table: PointsTable, scale: Scale, doc: Document) -> list[Issue]:
    codes = [option.code for option in scale.options]
    at = (*_AT, scale.id)
    paths: list[tuple[str, ...]] = [(*at, "points", voter) for voter in table.points]
    paths += [(*at, "points", voter, code) for voter, row in table.points.items() for code in row]
    if isinstance(table.maximum, dict):
        paths += [(*at, "maximum", code) for code in table.maximum]
    return [
        located("points_unknown_option", doc, path, at_key=True, code=path[-1], scale=scale.id,
                expected=", ".join(codes))
        for path in paths
        if path[-1] not in codes
    ]  # fmt: skip


def _gaps(table: PointsTable, scale: Scale, doc: Document) -> list[Issue]:
    usable = _usable(scale)
    at = (*_AT, scale.id)
    issues = []
    rows = [code for code in usable if code not in table.points]
    if rows:
        issues.append(_incomplete(doc, (*at, "points"), scale, rows))
    for voter, row in table.points.items():
        cells = [code for code in usable if code not in row]
        if cells and voter in usable:
            issues.append(_incomplete(doc, (*at, "points", voter), scale, cells))
    if isinstance(table.maximum, dict):
        maxima = [code for code in usable if code not in table.maximum]
        if maxima:
            issues.append(_incomplete(doc, (*at, "maximum"), scale, maxima))
    return issues


def _incomplete(doc: Document, path: tuple[str, ...], scale: Scale, codes: list[str]) -> Issue:
    return located(
        "points_table_incomplete", doc, path, at_key=True, scale=scale.id, missing=", ".join(codes)
    )


def _above_maximum(table: PointsTable, scale: Scale, doc: Document) -> list[Issue]:
    usable = _usable(scale)
    issues = []
    for voter in usable:
        row = table.points[voter]
        limit = _limit(table, voter, usable)
        issues += [
            located("points_above_maximum", doc, (*_AT, scale.id, "points", voter, answer),
                    points=row[answer], answer=answer, maximum=limit, voter=voter, scale=scale.id)
            for answer in usable
            if row[answer] > limit
        ]  # fmt: skip
    return issues


def _limit(table: PointsTable, voter: str, usable: list[str]) -> float:
    if isinstance(table.maximum, dict):
        return table.maximum[voter]
    if table.maximum == "diagonal":
        return table.points[voter][voter]
    if table.maximum == "table":
        return max(table.points[a][b] for a in usable for b in usable)
    return max(table.points[voter][b] for b in usable)
