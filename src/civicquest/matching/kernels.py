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
        self._pack(table.astype(self.dtype))
        lists = self._list_matrix(questions, themes, list_levels)
        padding = np.zeros((self.n_pairs * 2 - len(questions), self.features, lists.shape[1]))
        stacked = np.concatenate([lists.reshape(len(questions), self.features, -1), padding])
        self.lists = stacked.reshape(-1, lists.shape[1]).astype(self.dtype)

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
            groups = (0, 1 + themes.index(question.theme)) if question.theme in themes else (0,)
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

    def agreement(
        self, sums: npt.NDArray[np.floating], out: npt.NDArray[np.floating] | None = None
    ) -> npt.NDArray[np.floating]:
        """Agreement 0-100 per (voter, theme group, list); NaN where the voter skipped all.

        ``out`` (voters x groups x lists) receives the result if given.
        """
        import numpy as np

        shaped = sums.reshape(len(sums), self.n_groups, self.n_lists + 1)
        numerator, denominator = shaped[..., :-1], shaped[..., -1:]
        if self.method.squared:
            numerator, denominator = np.sqrt(np.maximum(numerator, 0)), np.sqrt(denominator)
        with np.errstate(divide="ignore", invalid="ignore"):
            scale = np.divide(-100.0, denominator)
            result = np.multiply(numerator, scale, out=out)
        result += 100.0
        np.maximum(result, 0.0, out=result)
        final: npt.NDArray[np.floating] = np.minimum(result, 100.0, out=result)
        return final
