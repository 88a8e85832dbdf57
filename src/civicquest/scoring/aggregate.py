"""From per-theme sums to scores 0-100, ranks and counts by level, all vectorised."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .kernels import ThemeSums
from .tables import CASE_BY_CODE, SHIFT, ScoringTables, case_of_code

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["competition_ranks", "level_counts", "level_labels", "scores_from_sums"]


def scores_from_sums(
    sums: ThemeSums, theme_weights: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Theme scores (rows x themes) and overall scores (rows), NaN where nothing counted.

    theme score = 100 x points / maximum; overall = sum(theme weight x theme score) / sum(theme
    weight), over the themes whose maximum is above 0.
    """
    import numpy as np

    points = sums.points.astype(np.float64)
    maximum = sums.maximum.astype(np.float64)
    counted = maximum > 0
    safe = np.where(counted, maximum, 1.0)
    themes = np.where(counted, np.clip(100.0 * points / safe, 0.0, 100.0), np.nan)
    weights = np.where(counted, theme_weights, 0.0)
    total = weights.sum(axis=1)
    weighted = np.where(counted, themes, 0.0) * weights
    overall = np.where(total > 0, weighted.sum(axis=1) / np.where(total > 0, total, 1.0), np.nan)
    return themes, np.clip(overall, 0.0, 100.0)


def competition_ranks(
    scores: npt.NDArray[np.float64], groups: npt.NDArray[np.intp] | None = None
) -> list[int | None]:
    """Rank 1 for the best; equal scores share a rank ("1, 2, 2, 4"); NaN has no rank.

    With ``groups`` (one group number per score, e.g. the list's commune), each group is ranked
    on its own: a rank says how a list stands among the lists of its group, never across. One
    sort does it all (no pairwise comparison), so ranking 200,000 lists stays fast.
    """
    import numpy as np

    ranks: list[int | None] = [None] * len(scores)
    kept = np.flatnonzero(~np.isnan(scores))
    if not len(kept):
        return ranks
    group = np.zeros(len(kept), dtype=np.intp) if groups is None else groups[kept]
    value = scores[kept]
    order = np.lexsort((-value, group))
    group, value = group[order], value[order]
    positions = np.arange(len(order))
    new_group = np.r_[True, group[1:] != group[:-1]]
    new_value = new_group | np.r_[True, value[1:] != value[:-1]]
    group_start = np.maximum.accumulate(np.where(new_group, positions, 0))
    value_start = np.maximum.accumulate(np.where(new_value, positions, 0))
    for position, rank in zip(
        kept[order].tolist(), (value_start - group_start + 1).tolist(), strict=True
    ):
        ranks[position] = rank
    return ranks


def level_labels(tables: ScoringTables) -> tuple[tuple[str, ...], npt.NDArray[np.intp]]:
    """Labels (option codes, then ``missing:<case>``) and the label index of each table cell."""
    import numpy as np

    labels: list[str] = []
    index = np.zeros((len(tables.questions), tables.width), dtype=np.intp)
    for row, question in enumerate(tables.questions):
        for column in range(tables.width):
            code = column - SHIFT
            if code >= len(question.codes) or (code < 0 and code not in CASE_BY_CODE):
                continue
            case = case_of_code(code)
            label = question.codes[code] if case == "answered" else f"missing:{case}"
            if label not in labels:
                labels.append(label)
            index[row, column] = labels.index(label)
    return tuple(labels), index


def level_counts(
    codes: npt.NDArray[np.int8], tables: ScoringTables
) -> tuple[tuple[str, ...], npt.NDArray[np.int64]]:
    """How many answers of each row fall on each label (rows x labels)."""
    import numpy as np

    labels, index = level_labels(tables)
    rows, n_questions = codes.shape
    cells = index[np.arange(n_questions)[None, :], codes.astype(np.intp) + SHIFT]
    flat = cells + np.arange(rows)[:, None] * len(labels)
    counts = np.bincount(flat.ravel(), minlength=rows * len(labels))
    return labels, counts.reshape(rows, len(labels)).astype(np.int64)
