"""Build a :class:`ScoreReport`: scores from the kernel, and the breakdown that explains them."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..__about__ import __version__
from ..models._bulk import gc_paused
from ..models.project import Project
from ..models.results import (
    Contribution,
    ListScore,
    Reproducibility,
    ScoreReport,
    ThemeScore,
)
from ..models.scoring import MissingRules, ScoringConfig
from ..text.collation import sorted_by_name
from .aggregate import competition_ranks, level_counts, scores_from_sums
from .encoding import EncodedLists, encode_project
from .kernels import theme_sums
from .pledge import PledgeCount, pledge_counts
from .tables import NEUTRAL, SHIFT, ScoringTables, build_tables, case_of_code

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["ScoringRun", "build_report", "lot_order", "prepare"]

_REASONS = {
    "exclude": "excluded by the policy for this case",
    "zero": "counted as 0 (no commitment) by the policy for this case",
    "neutral": f"counted as neutral ({NEUTRAL}) by the policy for this case",
}


@dataclass(frozen=True)
class ScoringRun:
    """A project encoded under a scoring configuration: ready to score."""

    project: Project
    config: ScoringConfig
    tables: ScoringTables
    encoded: EncodedLists


def prepare(
    project: Project, missing: MissingRules | None = None, *, include_unpublished: bool = False
) -> ScoringRun:
    """Build the tables (with ``missing`` overriding the project's policy) and encode the lists."""
    config = project.scoring or ScoringConfig()
    if missing is not None:
        config = config.model_copy(update={"missing": missing})
    tables = build_tables(project.questionnaire, config)
    encoded = encode_project(project, tables, include_unpublished=include_unpublished)
    return ScoringRun(project, config, tables, encoded)


def build_report(
    run: ScoringRun, method: str, options: dict[str, Any], *, ranked: bool, order: str,
    seed: int | None = None,
) -> ScoreReport:  # fmt: skip
    """Score every list of ``run`` and explain each score; lists grouped by commune.

    The cyclic collector is paused meanwhile: a report of 200,000 lists builds millions of
    small models, whose number alone would make the cost per list grow with the project."""
    with gc_paused():
        return _build_report(run, method, options, ranked=ranked, order=order, seed=seed)


def _build_report(
    run: ScoringRun, method: str, options: dict[str, Any], *, ranked: bool, order: str,
    seed: int | None = None,
) -> ScoreReport:  # fmt: skip
    sums = theme_sums(run.encoded.codes, run.tables)
    theme_scores, overall = scores_from_sums(sums, run.tables.theme_weights)
    labels, counts = level_counts(run.encoded.codes, run.tables)
    explain = _Breakdowns(run.tables)
    pledged = pledge_counts(run.project, run.encoded.respondents)
    lists = [
        _list_score(run, row, theme_scores[row], overall[row] if ranked else math.nan, explain,
                    _levels(labels, counts[row]), pledged[row] if pledged else None)
        for row in range(len(run.encoded.respondents))
    ]  # fmt: skip
    lists = _ordered(lists, order, seed, _commune_positions(run))
    return ScoreReport(
        reproducibility=_reproducibility(run, method, options),
        ranked=ranked,
        order=order,
        themes=run.tables.themes,
        lists=tuple(lists),
        unscored=run.encoded.unscored,
        pledge=run.project.questionnaire.pledge,
    )


def _commune_positions(run: ScoringRun) -> npt.NDArray[np.intp]:
    import numpy as np

    index = run.encoded.commune_index
    return np.zeros(len(run.encoded.respondents), dtype=np.intp) if index is None else index


def _ordered(
    lists: list[ListScore], order: str, seed: int | None, groups: npt.NDArray[np.intp]
) -> list[ListScore]:
    """Communes in the order declared; within each, lists by ``order`` (ranked per commune)."""
    positions: list[int] = groups.tolist()
    group = dict(zip((item.respondent for item in lists), positions, strict=True))

    def commune_first(item: ListScore) -> int:
        return group[item.respondent]

    if order == "alphabetical":
        return sorted_by_name(lists, _name, first=commune_first, last=_respondent)
    if order == "lot":
        key = {item.respondent: _lot_key(seed or 0, item.respondent) for item in lists}
        return sorted(lists, key=lambda item: (commune_first(item), key[item.respondent]))
    scores = _nan_array([item.score for item in lists])
    ranks = competition_ranks(scores, groups)
    ranked = [
        item.model_copy(update={"rank": rank}) for item, rank in zip(lists, ranks, strict=True)
    ]
    big = len(lists) + 1
    return sorted_by_name(
        ranked, _name, first=lambda item: (commune_first(item), item.rank or big), last=_respondent
    )


def _name(item: ListScore) -> str:
    return item.name


def _respondent(item: ListScore) -> str:
    return item.respondent


def lot_order(ids: list[str], seed: int) -> list[str]:
    """An order drawn by lot that anyone can check: sort by SHA-256 of ``"<seed>:<id>"``."""
    return sorted(ids, key=lambda item: _lot_key(seed, item))


def _lot_key(seed: int, item: str) -> str:
    return hashlib.sha256(f"{seed}:{item}".encode()).hexdigest()


def _nan_array(values: list[float | None]) -> npt.NDArray[np.float64]:
    import numpy as np

    return np.array([math.nan if v is None else v for v in values], dtype=np.float64)


def _number(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def _list_score(
    run: ScoringRun, row: int, themes: npt.NDArray[np.float64], overall: float,
    explain: _Breakdowns, levels: dict[str, int], pledged: PledgeCount | None = None,
) -> ListScore:  # fmt: skip
    respondent = run.encoded.respondents[row]
    breakdown = explain(run.encoded.codes[row])
    return ListScore(
        respondent=respondent.id,
        name=respondent.name,
        status=respondent.status,
        commune=run.project.commune_of(respondent),
        score=_number(overall),
        themes=_theme_scores(run.tables, breakdown, themes),
        levels=levels,
        breakdown=breakdown,
        commitments=pledged.commitments if pledged else None,
        signatory=pledged.signatory if pledged else None,
    )


def _theme_scores(
    tables: ScoringTables, breakdown: tuple[Contribution, ...], scores: npt.NDArray[np.float64]
) -> tuple[ThemeScore, ...]:
    position = {theme: index for index, theme in enumerate(tables.themes)}
    points: list[float] = [0] * len(tables.themes)
    maximum: list[float] = [0] * len(tables.themes)
    for contribution in breakdown:  # in question order, as a sum per theme would add them
        index = position[contribution.theme]
        points[index] += contribution.points
        maximum[index] += contribution.maximum
    return tuple(
        ThemeScore(
            theme=theme,
            score=_number(float(scores[index])),
            points=points[index],
            maximum=maximum[index],
            weight=float(tables.theme_weights[index]),
        )
        for index, theme in enumerate(tables.themes)
    )


class _Breakdowns:
    """The breakdown of a row of answer codes. A contribution depends only on the question and
    the code, so each distinct one is built once and shared (models are immutable): explaining
    200,000 lists costs a tuple per list, not forty models."""

    def __init__(self, tables: ScoringTables) -> None:
        self.tables = tables
        self.known: dict[tuple[int, int], Contribution] = {}

    def __call__(self, codes: npt.NDArray[np.int8]) -> tuple[Contribution, ...]:
        known = self.known
        items = []
        for index, raw in enumerate(codes.tolist()):
            item = known.get((index, raw))
            if item is None:
                item = known[index, raw] = _contribution(self.tables, index, raw)
            items.append(item)
        return tuple(items)


def _contribution(tables: ScoringTables, index: int, raw: int) -> Contribution:
    question = tables.questions[index]
    case = case_of_code(raw)
    answered = case == "answered"
    policy = tables.policies.get(case, "exclude")
    maximum = float(tables.maximum[index, raw + SHIFT])
    return Contribution(
        question=question.id,
        theme=question.theme,
        case=case,
        choice=question.codes[raw] if answered else None,
        value=question.scores[raw] if answered else _imputed(policy),
        weight=question.weight,
        points=float(tables.points[index, raw + SHIFT]),
        maximum=maximum,
        excluded=maximum == 0,
        reason=None if answered else _REASONS[policy] + f" ({case})",
    )


def _imputed(policy: str) -> float | None:
    return {"zero": 0.0, "neutral": NEUTRAL}.get(policy)


def _levels(labels: tuple[str, ...], counts: npt.NDArray[np.int64]) -> dict[str, int]:
    return {label: int(n) for label, n in zip(labels, counts.tolist(), strict=True) if n}


def _reproducibility(run: ScoringRun, method: str, options: dict[str, Any]) -> Reproducibility:
    questionnaire = run.project.questionnaire
    return Reproducibility(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        method=method,
        parameters={"options": options, "scoring": run.config.model_dump(mode="json")},
        civicquest_version=__version__,
    )
