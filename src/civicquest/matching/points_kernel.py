"""The points method's kernel: the same single gather + matrix product as the distance methods.

The denominator depends on both answers (a list's skip can count differently; a list can mark
its answer important), so a voter's feature row holds two blocks, one for points and one for
maxima, each with one entry per state a list can be in at that question: each level, each level
marked important (when some list marks any), and missing. A list's one-hot row picks, in each
block, the entry of its own state, and sends the points block to its numerator column and the
maxima block to its denominator column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .encoding import MatchQuestion
from .kernels import PackedKernel, finish, membership
from .points import PointsRule

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["PointsKernel"]


class PointsKernel(PackedKernel):
    """Tables for one points rule, question set and set of lists.

    Per question: points and maximum x the question's weight x the importance factor
    (voter's flag, list's flag); agreement = 100 x sum(points) / sum(maximum).
    """

    def __init__(
        self,
        rule: PointsRule,
        questions: tuple[MatchQuestion, ...],
        themes: tuple[str, ...],
        list_levels: npt.NDArray[np.int8],
        list_important: npt.NDArray[np.bool_] | None = None,
        *,
        dtype: type[np.floating] | None = None,
    ) -> None:
        import numpy as np

        self.rule = rule
        self.width = max((q.levels for q in questions), default=2)
        self.n_lists = len(list_levels)
        important = np.zeros(list_levels.shape, dtype=np.bool_)
        if list_important is not None:
            important = list_important.astype(np.bool_)
        flagged = bool(important.any())
        self.list_flags = 2 if flagged else 1
        self.states = self.list_flags * self.width + 1
        table = np.zeros((len(questions), 2 * self.width + 1, 2 * self.states))
        for row, question in enumerate(questions):
            table[row] = self._voter_rows(question)
        lists = self._list_matrix(questions, themes, list_levels, important)
        super().__init__(table, lists, questions, themes, dtype)

    def _voter_rows(self, question: MatchQuestion) -> npt.NDArray[np.float64]:
        """Rows for code -1 (zeros), each level, each level marked important; columns: the
        points block then the maxima block, each over the list's states."""
        import numpy as np

        rule = self.rule.for_question(question)
        n, w, s = question.levels, self.width, self.states
        rows = np.zeros((2 * w + 1, 2 * s))
        for voter_flag in (False, True):
            block = rows[1 + voter_flag * w : 1 + voter_flag * w + n]
            for list_flag in range(self.list_flags):
                f = question.weight * self.rule.important.factor(voter_flag, bool(list_flag))
                start = list_flag * w
                block[:, start : start + n] = f * rule.points
                block[:, s + start : s + start + n] = f * rule.maximum[:, None]
            f = question.weight * self.rule.important.factor(voter_flag, False)
            block[:, s - 1] = f * rule.missing_points
            block[:, 2 * s - 1] = f * rule.missing_maximum
        return rows

    def _list_matrix(
        self,
        questions: tuple[MatchQuestion, ...],
        themes: tuple[str, ...],
        levels: npt.NDArray[np.int8],
        important: npt.NDArray[np.bool_],
    ) -> npt.NDArray[np.float64]:
        """(questions x 2 states) x (groups x 2 lists): numerator columns, then denominators."""
        import numpy as np

        s, n_lists = self.states, self.n_lists
        out = np.zeros((len(questions), 2 * s, len(themes) + 1, 2 * n_lists))
        member = membership(questions, themes) > 0
        for q in range(len(questions)):
            groups = np.flatnonzero(member[q])
            for j in range(n_lists):
                level = int(levels[j, q])
                state = s - 1 if level < 0 else level + int(important[j, q]) * self.width
                out[q, state, groups, j] = 1.0
                out[q, s + state, groups, n_lists + j] = 1.0
        return out.reshape(len(questions) * 2 * s, -1)

    def agreement(
        self,
        sums: npt.NDArray[np.floating],
        out: npt.NDArray[np.floating] | None = None,
        answered: npt.NDArray[np.bool_] | None = None,
    ) -> npt.NDArray[np.floating]:
        """Agreement 0-100 per (voter, theme group, list): ``points x 100 / maximum``.

        50 where the maximum is 0 (nothing counts); NaN where ``answered`` says the voter
        answered nothing in the group.
        """
        shaped = sums.reshape(len(sums), self.n_groups, 2 * self.n_lists)
        points, maximum = shaped[..., : self.n_lists], shaped[..., self.n_lists :]
        return finish(points, maximum, out, answered)
