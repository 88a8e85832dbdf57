"""Match a voter (or many) with the lists of a project."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..__about__ import __version__
from ..errors import UsageError
from ..models.project import Project
from ..models.results import ListMatch, MatchReport, Reproducibility, ThemeMatch
from ..models.voter import VoterAnswers
from .encoding import encode_lists, encode_voter, match_questions
from .kernels import CHUNK_ROWS, MatchKernel
from .methods import Imputation, get_match_method

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["agreements", "match_voter"]


def agreements(
    kernel: MatchKernel, codes: npt.NDArray[np.int8], *, chunk_rows: int = CHUNK_ROWS
) -> npt.NDArray[np.float64]:
    """Agreement 0-100 per (voter, theme group, list) for a matrix of voter codes, chunked."""
    import numpy as np

    result = np.empty((len(codes), kernel.n_groups, kernel.n_lists))
    sums = np.empty((min(chunk_rows, len(codes)), kernel.lists.shape[1]), dtype=kernel.dtype)
    for start in range(0, len(codes), chunk_rows):
        chunk = codes[start : start + chunk_rows]
        kernel.sums(chunk, sums[: len(chunk)])
        result[start : start + len(chunk)] = kernel.agreement(sums[: len(chunk)])
    return result


def match_voter(
    project: Project,
    voter: VoterAnswers,
    method: str = "wahl-o-mat",
    imputation: Imputation = "max",
    *,
    important_weight: float = 2.0,
    include_unpublished: bool = False,
) -> MatchReport:
    """A voter's agreement with every list that answered, overall and per theme, best first."""
    import numpy as np

    chosen = get_match_method(method)
    questions = match_questions(project.questionnaire)
    themes = tuple(theme.id for theme in project.questionnaire.themes)
    lists, list_levels, left = encode_lists(
        project, questions, include_unpublished=include_unpublished
    )
    encoded = encode_voter(voter, questions)
    if not (encoded.levels >= 0).any():
        raise UsageError("the voter answered none of the questions that can be compared")
    kernel = MatchKernel(
        chosen, imputation, questions, themes, list_levels,
        important_weight=important_weight, dtype=np.float64,
    )  # fmt: skip
    scores = agreements(kernel, kernel.codes(encoded.levels, encoded.important))[0]
    answered = encoded.levels[0] >= 0
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
    items.sort(key=lambda item: (-item[0], item[1].name.casefold(), item[1].id))
    values = [item[0] for item in items]
    matches = tuple(
        ListMatch(
            respondent=respondent.id, name=respondent.name, agreement=value,
            rank=1 + sum(other > value for other in values), themes=theme_matches,
            missing=missing,
        )
        for value, respondent, theme_matches, missing in items
    )  # fmt: skip
    return MatchReport(
        reproducibility=Reproducibility(
            questionnaire_id=project.questionnaire.id,
            questionnaire_version=project.questionnaire.version,
            method=method,
            parameters={
                "imputation": imputation,
                "important_weight": important_weight,
                "include_unpublished": include_unpublished,
            },
            civicquest_version=__version__,
        ),
        questions=tuple(q.id for q, mine in zip(questions, answered, strict=True) if mine),
        important=tuple(
            q.id
            for q, flag, mine in zip(questions, encoded.important[0], answered, strict=True)
            if flag and mine
        ),
        lists=matches,
        unmatched=left,
    )


def _number(value: float) -> float | None:
    return None if math.isnan(value) else float(value)
