"""Match a panel of voters, chunk by chunk: the same kernel and numbers as ``match_voter``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models.project import Project
from ..models.respondents import Respondent
from ..models.results import UnscoredList
from .encoding import MatchQuestion, encode_lists, match_questions
from .engine import agreements, make_kernel
from .kernels import PackedKernel
from .methods import Imputation
from .points import PointsRule

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["IMPORTANT_BIT", "Panel", "panel_for"]

# A voter is one byte per question: 0 skipped, level + 1, plus this bit when marked important.
IMPORTANT_BIT = 128


@dataclass(frozen=True)
class Panel:
    """What a panel is matched with: the questions, the lists that answered, and the kernel."""

    questions: tuple[MatchQuestion, ...]
    themes: tuple[str, ...]
    lists: tuple[Respondent, ...]
    unmatched: tuple[UnscoredList, ...]
    kernel: PackedKernel

    def match(self, rows: Sequence[bytes]) -> npt.NDArray[np.float64]:
        """Agreement 0-100 per (voter, overall then each theme, list) for encoded voters."""
        import numpy as np

        codes = np.frombuffer(b"".join(rows), dtype=np.uint8).reshape(len(rows), -1)
        levels = (codes & (IMPORTANT_BIT - 1)).astype(np.int8) - np.int8(1)
        return agreements(self.kernel, self.kernel.codes(levels, codes >= IMPORTANT_BIT))


def panel_for(
    project: Project,
    method: str = "wahl-o-mat",
    imputation: Imputation = "max",
    *,
    important_weight: float = 2.0,
    include_unpublished: bool = False,
    points: PointsRule | str | None = None,
) -> Panel:
    """The panel matcher for ``project``, built as :func:`match_voter` builds its kernel."""
    import numpy as np

    questions = match_questions(project.questionnaire, project.scoring)
    themes = tuple(theme.id for theme in project.questionnaire.themes)
    lists, list_levels, left = encode_lists(
        project, questions, include_unpublished=include_unpublished
    )
    kernel = make_kernel(
        project, questions, list_levels, lists, method, imputation,
        important_weight=important_weight, points=points, dtype=np.float64,
    )  # fmt: skip
    return Panel(questions, themes, lists, left, kernel)
