"""The vectorised matching kernels: one gather and one matrix product per chunk of voters.

For each question q, a voter's answer (level, importance) is turned by a lookup table into a
feature row, and each list's answer into a one-hot row; their product, summed over the
questions of a theme, gives a numerator and a denominator for every (voter, list, theme) at
once. Distance methods (:class:`MatchKernel`) use the feature row
``[w x k(a, b_0) .. w x k(a, b_N-1), w x k(a, imputed), w]`` against the list's
``[b == b_0 .. b == b_N-1, missing, 1]``: weighted disagreement over a denominator shared by
every list. The points method (:mod:`.points_kernel`) has a denominator per list.

The last step keeps exact halves exact: agreement = ``(den - num) x 100 / den`` (one rounding,
in the division), not ``100 + num x (-100 / den)``, which turns 37.5 into 37.4999...
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .encoding import MatchQuestion
from .methods import Imputation, MatchMethod, impute

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "CHUNK_ROWS",
    "NOTHING_COUNTS",
    "MatchKernel",
    "PackedKernel",
    "finish",
    "membership",
    "positions",
]

CHUNK_ROWS = 4096
NOTHING_COUNTS = 50.0  # OpenVAA's distance when every weight that counts is 0


def positions(levels: int) -> npt.NDArray[np.float64]:
    """Where each of ``levels`` options sits: 0.5 for the first, -0.5 for the last."""
    import numpy as np

    return 0.5 - np.arange(levels, dtype=np.float64) / (levels - 1)


class PackedKernel:
    """Lookup tables of voter feature rows, packed two questions per gather, and list matrix."""

    def __init__(
        self,
        table: npt.NDArray[np.float64],
        lists: npt.NDArray[np.float64],
        questions: tuple[MatchQuestion, ...],
        themes: tuple[str, ...],
        dtype: type[np.floating] | None,
    ) -> None:
        """``table``: questions x codes x features; ``lists``: (questions x features) x columns."""
        import numpy as np

        self.dtype = np.dtype(dtype or np.float32)
        self.n_groups = len(themes) + 1
        self.features = table.shape[2]
        self.codes_per_question = table.shape[1]
        self.membership = membership(questions, themes)
        self._pack(table.astype(self.dtype))
        padding = np.zeros((self.n_pairs * 2 - len(questions), self.features, lists.shape[1]))
        shaped = lists.reshape(len(questions), self.features, lists.shape[1])
        stacked = np.concatenate([shaped, padding])
        self.lists = stacked.reshape(2 * self.n_pairs * self.features, -1).astype(self.dtype)

    def _pack(self, table: npt.NDArray[np.floating]) -> None:
        """Pair adjacent questions: one gather fetches both answers' feature rows."""
        import numpy as np

        n_questions = len(table)
        self.bits = max(1, int(self.codes_per_question - 1).bit_length())
        slots = 1 << self.bits
        self.n_pairs = -(-n_questions // 2)
        rows = np.zeros((self.n_pairs * 2, slots, self.features), dtype=self.dtype)
        rows[:n_questions, : self.codes_per_question] = table
        first, second = rows[0::2], rows[1::2]
        grid = np.concatenate(
            np.broadcast_arrays(first[:, :, None, :], second[:, None, :, :]), axis=-1
        )
        entries = np.ascontiguousarray(grid.reshape(self.n_pairs, slots * slots, -1))
        self.packed = entries.reshape(-1).view(f"V{2 * self.features * self.dtype.itemsize}")
        self.offsets = np.arange(self.n_pairs, dtype=np.intp) * (slots * slots)

    def codes(
        self, levels: npt.NDArray[np.int8], important: npt.NDArray[np.bool_]
    ) -> npt.NDArray[np.int8]:
        """Voter codes: -1 skipped, level, or level + width when marked important."""
        import numpy as np

        shifted = levels + important.astype(np.int8) * np.int8(self.width)
        return np.where(levels < 0, np.int8(-1), shifted).astype(np.int8)

    def buffers(self, rows: int) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.intp]]:
        """Scratch buffers for chunks of up to ``rows`` voters (reused across chunks)."""
        import numpy as np

        return np.zeros((rows, 2 * self.n_pairs), np.uint8), np.empty((rows, self.n_pairs), np.intp)

    def sums(
        self,
        codes: npt.NDArray[np.int8],
        out: npt.NDArray[np.floating],
        scratch: tuple[npt.NDArray[np.uint8], npt.NDArray[np.intp]] | None = None,
    ) -> None:
        """Write numerators and denominators of every (voter, theme, list) into ``out``."""
        import numpy as np

        rows, n_questions = codes.shape
        slots, index = scratch or self.buffers(rows)
        slots, index = slots[:rows], index[:rows]
        np.add(codes.view(np.uint8), 1, out=slots[:, :n_questions])
        np.left_shift(slots[:, 0::2], self.bits, out=index, casting="unsafe")
        index += slots[:, 1::2]
        index += self.offsets
        features = self.packed.take(index).view(self.dtype).reshape(rows, -1)
        np.matmul(features, self.lists, out=out)

    def answered(self, codes: npt.NDArray[np.int8]) -> npt.NDArray[np.bool_]:
        """Voters x theme groups: whether the voter answered any question of the group."""
        answered: npt.NDArray[np.bool_] = (codes >= 0).astype(self.dtype) @ self.membership > 0
        return answered

    def agreement(
        self,
        sums: npt.NDArray[np.floating],
        out: npt.NDArray[np.floating] | None = None,
        answered: npt.NDArray[np.bool_] | None = None,
    ) -> npt.NDArray[np.floating]:
        """Agreement 0-100 per (voter, theme group, list) from :meth:`sums`."""
        raise NotImplementedError

    width: int
    n_lists: int


def membership(
    questions: tuple[MatchQuestion, ...], themes: tuple[str, ...]
) -> npt.NDArray[np.float64]:
    """Questions x groups: 1 where the question counts in the group (0 = overall)."""
    import numpy as np

    out = np.zeros((len(questions), len(themes) + 1))
    for q, question in enumerate(questions):
        out[q, 0] = 1.0
        if question.theme in themes:
            out[q, 1 + themes.index(question.theme)] = 1.0
    return out


def finish(
    numerator: npt.NDArray[np.floating],
    denominator: npt.NDArray[np.floating],
    out: npt.NDArray[np.floating] | None,
    answered: npt.NDArray[np.bool_] | None,
) -> npt.NDArray[np.floating]:
    """``numerator x 100 / denominator`` in [0, 100]; 50 when nothing counts; NaN when the
    voter answered nothing in the group (``answered`` False)."""
    import numpy as np

    with np.errstate(divide="ignore", invalid="ignore"):
        result: npt.NDArray[np.floating] = np.multiply(numerator, 100.0, out=out)
        result /= denominator
    np.clip(result, 0.0, 100.0, out=result)
    nothing = denominator <= 0
    if nothing.any():
        result[np.broadcast_to(nothing, result.shape)] = NOTHING_COUNTS
    if answered is not None and not answered.all():
        result[~np.broadcast_to(answered[..., None], result.shape)] = np.nan
    return result


class MatchKernel(PackedKernel):
    """Tables for one distance method, imputation, question set and set of lists.

    Each question's weight (``MatchQuestion.weight``) multiplies its disagreement and its
    share of the denominator, times ``important_weight`` when the voter marks it important;
    both are squared for a ``squared`` (Euclidean) method, as in OpenVAA.
    """

    def __init__(
        self,
        method: MatchMethod,
        imputation: Imputation,
        questions: tuple[MatchQuestion, ...],
        themes: tuple[str, ...],
        list_levels: npt.NDArray[np.int8],
        *,
        important_weight: float = 2.0,
        dtype: type[np.floating] | None = None,
    ) -> None:
        import numpy as np

        self.method = method
        self.width = max((q.levels for q in questions), default=2)
        self.n_lists = len(list_levels)
        features = self.width + 2
        table = np.zeros((len(questions), 2 * self.width + 1, features))
        for row, question in enumerate(questions):
            table[row] = self._voter_rows(question, imputation, (1.0, important_weight))
        lists = self._list_matrix(questions, themes, list_levels, features)
        super().__init__(table, lists, questions, themes, dtype)

    def _voter_rows(
        self, question: MatchQuestion, imputation: Imputation, importance: tuple[float, float]
    ) -> npt.NDArray[np.float64]:
        """Rows for code -1 (skipped, zeros), then each level, then each level marked important."""
        import numpy as np

        rows = np.zeros((2 * self.width + 1, self.width + 2))
        x = positions(question.levels)
        kernel = self.method.kernel(x[:, None], x[None, :])
        missing = self.method.kernel(x, impute(x, imputation))
        for flag, factor in enumerate(importance):
            weight = question.weight * factor
            w = weight**2 if self.method.squared else weight
            block = rows[1 + flag * self.width : 1 + flag * self.width + question.levels]
            block[:, : question.levels] = w * kernel
            block[:, self.width] = w * missing
            block[:, self.width + 1] = w
        return rows

    def _list_matrix(
        self,
        questions: tuple[MatchQuestion, ...],
        themes: tuple[str, ...],
        levels: npt.NDArray[np.int8],
        features: int,
    ) -> npt.NDArray[np.float64]:
        """(questions x features) x (groups x (lists + 1)): one-hot list answers per theme."""
        import numpy as np

        out = np.zeros((len(questions), features, len(themes) + 1, self.n_lists + 1))
        member = membership(questions, themes) > 0
        for q in range(len(questions)):
            groups = np.flatnonzero(member[q])
            for list_index in range(self.n_lists):
                level = int(levels[list_index, q])
                feature = self.width if level < 0 else level
                out[q, feature, groups, list_index] = 1.0
            out[q, self.width + 1, groups, self.n_lists] = 1.0
        return out.reshape(len(questions) * features, -1)

    def agreement(
        self,
        sums: npt.NDArray[np.floating],
        out: npt.NDArray[np.floating] | None = None,
        answered: npt.NDArray[np.bool_] | None = None,
    ) -> npt.NDArray[np.floating]:
        """Agreement 0-100 per (voter, theme group, list): ``(den - num) x 100 / den``.

        50 where every weight that counts is 0; NaN where ``answered`` says the voter answered
        nothing in the group. ``out`` (voters x groups x lists) receives the result if given.
        """
        import numpy as np

        shaped = sums.reshape(len(sums), self.n_groups, self.n_lists + 1)
        numerator, denominator = shaped[..., :-1], shaped[..., -1:]
        if self.method.squared:
            numerator, denominator = np.sqrt(np.maximum(numerator, 0)), np.sqrt(denominator)
        agree = np.subtract(denominator, numerator, out=out)
        return finish(agree, denominator, agree, answered)
