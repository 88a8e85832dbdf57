"""Write a panel's agreements as CSV while reading it: one row per voter, memory bounded.

Columns: ``id``, then one per list that can be matched (its id), then, if asked, one per list
and theme (``list/theme``). Agreements are rounded half up to ``decimals`` places; a theme the
voter answered nothing in is an empty cell. Voter ids are written as given, neutralised against
spreadsheet formulas (a leading ``=``, ``+``, ``-``, ``@``, tab, CR or ``'`` gets a ``'``
prefix, the rule of the civicquest-tabular plugin, which the core cannot import).
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..loading.voter_check import EncodedVoter, RejectedVoter
from ..matching.panel import Panel
from .outputs import Protected, open_file_output

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["CHUNK_VOTERS", "PanelCounts", "neutralise", "open_output", "write_panel_csv"]

CHUNK_VOTERS = 4096
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "'")
_NEEDS_QUOTES = re.compile(r'[,"\r\n\x00]')


@dataclass
class PanelCounts:
    """How many voters were matched and how many rejected."""

    matched: int = 0
    rejected: int = 0


def neutralise(text: str) -> str:
    """``text``, prefixed with ``'`` if a spreadsheet could take it for a formula."""
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def write_panel_csv(
    panel: Panel,
    records: Iterable[EncodedVoter | RejectedVoter],
    out: IO[str],
    on_reject: Callable[[RejectedVoter], None],
    *,
    decimals: int = 1,
    themes: bool = False,
) -> PanelCounts:
    """Match every voter of ``records`` and write its row; rejected ones go to ``on_reject``."""
    counts = PanelCounts()
    out.write(",".join(["id", *_columns(panel, themes)]) + "\n")
    ids: list[str | int] = []
    rows: list[bytes] = []
    for record in records:
        if isinstance(record, RejectedVoter):
            counts.rejected += 1
            on_reject(record)
            continue
        ids.append(record.id)
        rows.append(record.codes)
        if len(rows) == CHUNK_VOTERS:
            _write_chunk(panel, ids, rows, out, decimals, themes)
            counts.matched += len(rows)
            ids, rows = [], []
    if rows:
        _write_chunk(panel, ids, rows, out, decimals, themes)
        counts.matched += len(rows)
    return counts


def _columns(panel: Panel, themes: bool) -> list[str]:
    names = [respondent.id for respondent in panel.lists]
    if themes:
        names += [f"{name}/{theme}" for name in names for theme in panel.themes]
    return names


def _write_chunk(
    panel: Panel, ids: list[str | int], rows: list[bytes], out: IO[str], decimals: int,
    themes: bool,
) -> None:  # fmt: skip
    values = _rounded(_selected(panel.match(rows), themes), decimals)
    number = f",%.{decimals}f"
    template = number * values.shape[1] + "\n"
    numbers = [template % tuple(row) for row in values.tolist()]
    if values.size and _has_nan(values):
        numbers = [text.replace("nan", "") for text in numbers]
    out.write("".join(map(_id_cell, ids, numbers)))


def _selected(scores: npt.NDArray[np.float64], themes: bool) -> npt.NDArray[np.float64]:
    """(voters, columns): overall per list, then each list's themes if asked."""
    if not themes:
        return scores[:, 0, :]
    per_theme = scores[:, 1:, :].transpose(0, 2, 1).reshape(len(scores), -1)
    import numpy as np

    return np.concatenate([scores[:, 0, :], per_theme], axis=1)


def _rounded(values: npt.NDArray[np.float64], decimals: int) -> npt.NDArray[np.float64]:
    """Half up at ``decimals`` places, as :func:`~civicquest.round_half_up` does for integers:
    the fractional part is compared, not ``x + 0.5`` floored (exact for ``decimals=0``).
    NaN stays NaN."""
    import numpy as np

    scale = 10.0**decimals
    scaled = values * scale
    whole = np.floor(scaled)
    rounded: npt.NDArray[np.float64] = (whole + (scaled - whole >= 0.5)) / scale
    return rounded


def _has_nan(values: npt.NDArray[np.float64]) -> bool:
    import numpy as np

    return bool(np.isnan(values).any())


def _id_cell(voter_id: str | int, numbers: str) -> str:
    if type(voter_id) is int:
        return f"{voter_id}{numbers}"
    text = neutralise(str(voter_id))
    if _NEEDS_QUOTES.search(text):
        text = '"' + text.replace('"', '""') + '"'
    return text + numbers


@contextlib.contextmanager
def open_output(path: Path | None, protected: Protected | None = None) -> Iterator[IO[str]]:
    """Standard output, or ``path`` by the rules of :mod:`civicquest.exporting.outputs` (never
    one of ``protected``'s files; a file is replaced only once everything is written)."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with open_file_output(path, protected) as raw:
        stream = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        yield stream
        stream.flush()
        stream.detach()  # the raw stream is closed (or committed) by open_file_output
