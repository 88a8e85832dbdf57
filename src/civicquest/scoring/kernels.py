"""The vectorised scoring kernel: answer codes in, per-theme points and maximum out.

Answers are an int8 matrix (rows = responses, columns = scored questions). One gather from a
small lookup table turns every code into its (points, maximum) pair, and one matrix product sums
them per theme. Rows are processed in chunks, so memory stays bounded whatever the number of rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .tables import SHIFT, ScoringTables

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["ThemeKernel", "ThemeSums", "theme_sums"]

CHUNK_ROWS = 2048


@dataclass(frozen=True)
class ThemeSums:
    """Per row and theme: the points earned and the maximum that could be earned."""

    points: npt.NDArray[np.floating]
    maximum: npt.NDArray[np.floating]


class ThemeKernel:
    """The tables of :class:`ScoringTables` laid out for the kernel, in a chosen precision."""

    def __init__(self, tables: ScoringTables, dtype: type[np.floating] | None = None) -> None:
        import numpy as np

        self.dtype = np.dtype(dtype or np.float64)
        n_questions, width = tables.points.shape
        n_themes = tables.membership.shape[1]
        pairs = np.stack([tables.points, tables.maximum], axis=-1).astype(self.dtype)
        # each (points, maximum) pair is gathered as one item of twice the size
        self.pair_type = np.dtype(f"V{2 * self.dtype.itemsize}")
        self.table = np.ascontiguousarray(pairs).reshape(-1).view(self.pair_type)
        small = n_questions * width < np.iinfo(np.int16).max
        self.index_type = np.dtype(np.int16 if small else np.intp)
        self.offsets = (np.arange(n_questions) * width + SHIFT).astype(self.index_type)
        summing = np.zeros((n_questions, 2, 2 * n_themes), dtype=self.dtype)
        summing[:, 0, :n_themes] = tables.membership
        summing[:, 1, n_themes:] = tables.membership
        self.summing = summing.reshape(2 * n_questions, 2 * n_themes)
        self.n_themes = n_themes

    def __call__(self, codes: npt.NDArray[np.int8], out: npt.NDArray[np.floating]) -> None:
        """Write ``[points | maximum]`` of each row of ``codes`` into ``out`` (rows x 2T)."""
        import numpy as np

        index = codes.astype(self.index_type)
        index += self.offsets
        gathered = self.table.take(index).view(self.dtype)
        np.matmul(gathered.reshape(len(codes), -1), self.summing, out=out)


def theme_sums(
    codes: npt.NDArray[np.int8],
    tables: ScoringTables,
    *,
    dtype: type[np.floating] | None = None,
    chunk_rows: int = CHUNK_ROWS,
) -> ThemeSums:
    """Points and maximum per row and theme, for a matrix of answer codes."""
    import numpy as np

    kernel = ThemeKernel(tables, dtype)
    out = np.empty((len(codes), 2 * kernel.n_themes), dtype=kernel.dtype)
    for start in range(0, len(codes), chunk_rows):
        stop = start + chunk_rows
        kernel(codes[start:stop], out[start:stop])
    return ThemeSums(out[:, : kernel.n_themes], out[:, kernel.n_themes :])
