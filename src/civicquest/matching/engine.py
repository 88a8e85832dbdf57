"""Match a voter (or many) with the lists of a project."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Literal

from ..__about__ import __version__
from ..errors import UsageError
from ..models.project import Project
from ..models.respondents import Respondent
from ..models.results import ListMatch, MatchReport, Reproducibility, ThemeMatch
from ..models.voter import VoterAnswers
from ..text.collation import sorted_by_name
from .encoding import (
    MatchQuestion,
    encode_list_importance,
    encode_lists,
    encode_voter,
    match_questions,
)
from .kernels import CHUNK_ROWS, MatchKernel, PackedKernel
from .methods import Imputation, get_match_method
from .points import PointsRule, points_rule
from .points_kernel import PointsKernel

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "EMPTY_VOTER_MESSAGE",
    "EmptyVoter",
    "EmptyVoterError",
    "agreements",
    "make_kernel",
    "match_record",
    "match_voter",
    "project_points_rule",
]

EmptyVoter = Literal["error", "zero"]
EMPTY_VOTER_MESSAGE = (
    "l'électeur n'a répondu à aucune question comparable : répondez à au moins une question "
    "(sans skip: true) / the voter answered none of the questions that can be compared: answer "
    "at least one (without skip: true)"
)


class EmptyVoterError(UsageError):
    """The voter answered none of the questions that can be compared."""


def agreements(
    kernel: PackedKernel, codes: npt.NDArray[np.int8], *, chunk_rows: int = CHUNK_ROWS
) -> npt.NDArray[np.float64]:
    """Agreement 0-100 per (voter, theme group, list) for a matrix of voter codes, chunked.

    NaN where a voter answered nothing in a theme group; 50 where every weight that counts is 0.
    """
    import numpy as np

    result = np.empty((len(codes), kernel.n_groups, kernel.n_lists))
    sums = np.empty((min(chunk_rows, len(codes)), kernel.lists.shape[1]), dtype=kernel.dtype)
    for start in range(0, len(codes), chunk_rows):
        chunk = codes[start : start + chunk_rows]
        kernel.sums(chunk, sums[: len(chunk)])
        target = result[start : start + len(chunk)]
        kernel.agreement(sums[: len(chunk)], target, kernel.answered(chunk))
    return result


def make_kernel(
    project: Project,
    questions: tuple[MatchQuestion, ...],
    list_levels: npt.NDArray[np.int8],
    lists: tuple[Respondent, ...],
    method: str,
    imputation: Imputation = "max",
    *,
    important_weight: float = 2.0,
    points: PointsRule | str | None = None,
    dtype: type[np.floating] | None = None,
) -> PackedKernel:
    """The kernel for ``method`` (a distance method, or ``points`` with its rule)."""
    themes = tuple(theme.id for theme in project.questionnaire.themes)
    if method == "points":
        rule = project_points_rule(project, points)
        important = encode_list_importance(project, lists, questions)
        return PointsKernel(rule, questions, themes, list_levels, important, dtype=dtype)
    chosen = get_match_method(method)
    return MatchKernel(
        chosen, imputation, questions, themes, list_levels,
        important_weight=important_weight, dtype=dtype,
    )  # fmt: skip


def project_points_rule(project: Project, points: PointsRule | str | None) -> PointsRule:
    """The points rule ``points`` names (a preset), else scoring.yaml's ``match_points``."""
    if isinstance(points, PointsRule):
        return points
    config = project.scoring.match_points if project.scoring is not None else None
    return points_rule(config, points)


def match_voter(
    project: Project,
    voter: VoterAnswers,
    method: str = "wahl-o-mat",
    imputation: Imputation = "max",
    *,
    important_weight: float = 2.0,
    include_unpublished: bool = False,
    points: PointsRule | str | None = None,
    empty_voter: EmptyVoter = "error",
) -> MatchReport:
    """A voter's agreement with every list that answered, overall and per theme, best first.

    ``method="points"`` uses ``points`` (a preset name or a :class:`PointsRule`), else
    scoring.yaml's ``match_points``. A voter who answered nothing is an :class:`EmptyVoterError`,
    or with ``empty_voter="zero"`` gets 0 for every list (as SVT and Mat-O-Wahl show).
    """
    import numpy as np

    questions = match_questions(project.questionnaire, project.scoring)
    themes = tuple(theme.id for theme in project.questionnaire.themes)
    lists, list_levels, left = encode_lists(
        project, questions, include_unpublished=include_unpublished
    )
    encoded = encode_voter(voter, questions)
    answered = encoded.levels[0] >= 0
    kernel = make_kernel(
        project, questions, list_levels, lists, method, imputation,
        important_weight=important_weight, points=points, dtype=np.float64,
    )  # fmt: skip
    if answered.any():
        scores = agreements(kernel, kernel.codes(encoded.levels, encoded.important))[0]
    elif empty_voter == "error":
        raise EmptyVoterError(EMPTY_VOTER_MESSAGE)
    else:
        scores = np.full((len(themes) + 1, len(lists)), np.nan)
        scores[0] = 0.0
    rule = kernel.rule if isinstance(kernel, PointsKernel) else None
    return MatchReport(
        reproducibility=match_record(
            project,
            questions,
            method,
            rule,
            imputation=imputation,
            important_weight=important_weight,
            include_unpublished=include_unpublished,
            empty_voter=empty_voter,
        ),
        questions=tuple(q.id for q, mine in zip(questions, answered, strict=True) if mine),
        important=tuple(
            q.id
            for q, flag, mine in zip(questions, encoded.important[0], answered, strict=True)
            if flag and mine
        ),
        lists=_ranked(lists, scores, questions, themes, answered, list_levels),
        unmatched=left,
    )


def match_record(
    project: Project,
    questions: tuple[MatchQuestion, ...],
    method: str,
    rule: PointsRule | None,
    *,
    imputation: Imputation,
    important_weight: float,
    include_unpublished: bool,
    empty_voter: EmptyVoter,
) -> Reproducibility:
    """The reproducibility record of a match: method, parameters, questionnaire, version."""
    parameters: dict[str, Any] = {
        "imputation": imputation,
        "important_weight": important_weight,
        "include_unpublished": include_unpublished,
        "empty_voter": empty_voter,
        "question_weights": {q.id: q.weight for q in questions if q.weight != 1},
    }
    if rule is not None:
        parameters = {**parameters, "points": rule.describe()}
        del parameters["imputation"], parameters["important_weight"]
    return Reproducibility(
        questionnaire_id=project.questionnaire.id,
        questionnaire_version=project.questionnaire.version,
        method=method,
        parameters=parameters,
        civicquest_version=__version__,
    )


def _ranked(
    lists: tuple[Respondent, ...],
    scores: npt.NDArray[np.float64],
    questions: tuple[MatchQuestion, ...],
    themes: tuple[str, ...],
    answered: npt.NDArray[np.bool_],
    list_levels: npt.NDArray[np.int8],
) -> tuple[ListMatch, ...]:
    """Best first; ties (agreements equal to a billionth of a point, :func:`tie_key`) by name,
    then id, and flagged ``tied``."""
    items = []
    for index, respondent in enumerate(lists):
        missing = tuple(
            q.id for q, mine, theirs in zip(questions, answered, list_levels[index], strict=True)
            if mine and theirs < 0
        )  # fmt: skip
        theme_matches = tuple(
            ThemeMatch(theme=theme, agreement=_number(scores[1 + t, index]))
            for t, theme in enumerate(themes)
        )
        items.append((float(scores[0, index]), respondent, theme_matches, missing))
    items = sorted_by_name(
        items,
        lambda item: item[1].name,
        first=lambda item: -tie_key(item[0]),
        last=lambda item: item[1].id,
    )
    keys = [tie_key(item[0]) for item in items]
    return tuple(
        ListMatch(
            respondent=respondent.id, name=respondent.name, agreement=value,
            rank=1 + sum(other > key for other in keys),
            tied=keys.count(key) > 1, themes=theme_matches, missing=missing,
        )
        for key, (value, respondent, theme_matches, missing) in zip(keys, items, strict=True)
    )  # fmt: skip


def tie_key(agreement: float) -> int:
    """``agreement`` to a billionth of a percentage point: two lists whose agreements are equal
    but for floating-point noise (the order in which a matrix product adds its terms) are tied,
    and rank the same, in this engine and in the browser's civicquest-match.js alike."""
    return math.floor(agreement * 1e9 + 0.5)


def _number(value: float) -> float | None:
    return None if math.isnan(value) else float(value)
