"""The vectorised matching kernel: one gather and one matrix product per chunk of voters.

For each question q, a voter's answer (level, importance) is turned by a lookup table into a
feature row ``[w x k(a, b_0) .. w x k(a, b_N-1), w x k(a, imputed), w]`` and a list's answer
into the one-hot row ``[b == b_0 .. b == b_N-1, missing, 1]``. Their product, summed over the
questions of a theme, is the weighted disagreement (numerator) and the weight (denominator) of
every (voter, list, theme) at once: the matching maths is a single float32 matrix product.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .encoding import MatchQuestion
from .methods import Imputation, MatchMethod, impute

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["CHUNK_ROWS", "MatchKernel", "positions"]

CHUNK_ROWS = 4096


def positions(levels: int) -> npt.NDArray[np.float64]:
    """Where each of ``levels`` options sits: 0.5 for the first, -0.5 for the last."""
    import numpy as np

    return 0.5 - np.arange(levels, dtype=np.float64) / (levels - 1)


class MatchKernel:
    """Tables for one method, imputation, question set and set of lists."""

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
        self.dtype = np.dtype(dtype or np.float32)
        self.width = max((q.levels for q in questions), default=2)
        self.features = self.width + 2
        self.n_lists = len(list_levels)
        self.n_groups = len(themes) + 1
        weights = (1.0, important_weight)
        table = np.zeros((len(questions), 2 * self.width + 1, self.features))
        for row, question in enumerate(questions):
            table[row] = self._voter_rows(question, imputation, weights)
        self.codes_per_question = 2 * self.width + 1
        self.table = table.astype(self.dtype).reshape(-1, self.features)
        self.item = np.dtype(f"V{self.features * self.dtype.itemsize}")
        self.packed = np.ascontiguousarray(self.table).reshape(-1).view(self.item)
        self.offsets = np.arange(len(questions), dtype=np.intp) * self.codes_per_question + 1
        self.lists = self._list_matrix(questions, themes, list_levels).astype(self.dtype)

    def _voter_rows(
        self, question: MatchQuestion, imputation: Imputation, weights: tuple[float, float]
    ) -> npt.NDArray[np.float64]:
        """Rows for code -1 (skipped, zeros), then each level, then each level marked important."""
        import numpy as np

        rows = np.zeros((2 * self.width + 1, self.features))
        x = positions(question.levels)
        kernel = self.method.kernel(x[:, None], x[None, :])
        missing = self.method.kernel(x, impute(x, imputation))
        for flag, weight in enumerate(weights):
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
    ) -> npt.NDArray[np.float64]:
        """(questions x features) x (groups x (lists + 1)): one-hot list answers per theme."""
        import numpy as np

        out = np.zeros((len(questions), self.features, self.n_groups, self.n_lists + 1))
        for q, question in enumerate(questions):
            groups = (0, 1 + themes.index(question.theme))
            for list_index in range(self.n_lists):
                level = int(levels[list_index, q])
                feature = self.width if level < 0 else level
                out[q, feature, groups, list_index] = 1.0
            out[q, self.width + 1, groups, self.n_lists] = 1.0
        return out.reshape(len(questions) * self.features, -1)

    def codes(
        self, levels: npt.NDArray[np.int8], important: npt.NDArray[np.bool_]
    ) -> npt.NDArray[np.int8]:
        """Voter codes: -1 skipped, level, or level + width when marked important."""
        import numpy as np

        shifted = levels + important.astype(np.int8) * np.int8(self.width)
        return np.where(levels < 0, np.int8(-1), shifted).astype(np.int8)

    def sums(self, codes: npt.NDArray[np.int8], out: npt.NDArray[np.floating]) -> None:
        """Write numerators and denominators of every (voter, theme, list) into ``out``."""
        import numpy as np

        index = codes.astype(np.intp)
        index += self.offsets
        features = self.packed.take(index).view(self.dtype).reshape(len(codes), -1)
        np.matmul(features, self.lists, out=out)

    def agreement(self, sums: npt.NDArray[np.floating]) -> npt.NDArray[np.float64]:
        """Agreement 0-100 per (voter, theme group, list); NaN where the voter skipped all."""
        import numpy as np

        shaped = sums.astype(np.float64).reshape(len(sums), self.n_groups, self.n_lists + 1)
        numerator, denominator = shaped[..., :-1], shaped[..., -1:]
        if self.method.squared:
            numerator, denominator = np.sqrt(np.maximum(numerator, 0)), np.sqrt(denominator)
        safe = np.where(denominator > 0, denominator, 1.0)
        distance = np.where(denominator > 0, numerator / safe, np.nan)
        return np.clip(100.0 * (1.0 - distance), 0.0, 100.0)
