"""The vectorised scoring kernel: answer codes in, per-theme points and maximum out.

Answers are an int8 matrix (rows = responses, columns = scored questions), codes in [-8, 8).
Two adjacent answers are packed into one byte (4 bits each), so one gather from a small lookup
table (256 entries per pair of questions, cache-resident) fetches the (points, maximum) of both;
one matrix product then sums them per theme. Rows are processed in chunks with reused buffers, so
memory stays bounded whatever the number of rows. Scales of more than 8 options use a plain
one-answer-per-gather path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .tables import SHIFT, ScoringTables

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["CHUNK_ROWS", "ThemeKernel", "ThemeSums", "theme_sums"]

CHUNK_ROWS = 1024
_NIBBLE = 16


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
        self.n_questions, self.n_themes = n_questions, tables.membership.shape[1]
        self.packed = width <= _NIBBLE
        per_item = 2 if self.packed else 1
        self.n_items = -(-n_questions // per_item)
        cells = np.zeros((self.n_items * per_item, _NIBBLE if self.packed else width, 2))
        cells[:n_questions, :width, 0] = tables.points
        cells[:n_questions, :width, 1] = tables.maximum
        if self.packed:
            first, second = cells[0::2], cells[1::2]
            grid = np.concatenate(
                np.broadcast_arrays(first[:, :, None, :], second[:, None, :, :]), axis=-1
            )
            entries = grid.reshape(self.n_items, _NIBBLE * _NIBBLE, 4)
        else:
            entries = cells
        self.entry_size = entries.shape[1]
        values = np.ascontiguousarray(entries.astype(self.dtype))
        self.table = values.reshape(-1).view(f"V{entries.shape[2] * self.dtype.itemsize}")
        self.offsets = np.arange(self.n_items, dtype=np.intp) * self.entry_size
        self.summing = self._summing(tables, per_item)

    def _summing(self, tables: ScoringTables, per_item: int) -> npt.NDArray[np.floating]:
        import numpy as np

        t = self.n_themes
        summing = np.zeros((self.n_items * per_item, 2, 2 * t))
        summing[: self.n_questions, 0, :t] = tables.membership
        summing[: self.n_questions, 1, t:] = tables.membership
        return summing.reshape(-1, 2 * t).astype(self.dtype)

    def buffers(self, rows: int) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.intp]]:
        """Scratch buffers for chunks of up to ``rows`` rows (reused across chunks)."""
        import numpy as np

        nibbles = np.full((rows, 2 * self.n_items), SHIFT, dtype=np.uint8)
        return nibbles, np.empty((rows, self.n_items), dtype=np.intp)

    def __call__(
        self,
        codes: npt.NDArray[np.int8],
        out: npt.NDArray[np.floating],
        scratch: tuple[npt.NDArray[np.uint8], npt.NDArray[np.intp]] | None = None,
    ) -> None:
        """Write ``[points | maximum]`` of each row of ``codes`` into ``out`` (rows x 2T)."""
        import numpy as np

        rows = len(codes)
        nibbles, index = scratch or self.buffers(rows)
        nibbles, index = nibbles[:rows], index[:rows]
        if self.packed:
            np.add(codes.view(np.uint8), SHIFT, out=nibbles[:, : self.n_questions])
            np.multiply(nibbles[:, 0::2], _NIBBLE, out=index, casting="unsafe")
            index += nibbles[:, 1::2]
        else:
            np.add(codes, SHIFT, out=index, casting="unsafe")
        index += self.offsets
        gathered = self.table.take(index).view(self.dtype).reshape(rows, -1)
        np.matmul(gathered, self.summing, out=out)


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
    scratch = kernel.buffers(min(chunk_rows, max(len(codes), 1)))
    for start in range(0, len(codes), chunk_rows):
        stop = start + chunk_rows
        kernel(codes[start:stop], out[start:stop], scratch)
    return ThemeSums(out[:, : kernel.n_themes], out[:, kernel.n_themes :])
