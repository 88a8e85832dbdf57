"""Voter-matching methods: a per-question kernel on answers placed in [-0.5, 0.5].

An answer on a scale of N usable options (not-applicable options left out), the option at index
i (0 = first listed, the most committed) sits at ``x = 0.5 - i / (N - 1)``. For each method,
``kernel(a, b)`` is the disagreement between a voter's answer a and a list's answer b, in [0, 1].
Agreement = 100 x (1 - distance), with

- ``sum``  methods: distance = sum(w x k) / sum(w)
- ``euclidean``:   distance = sqrt(sum((w x k)^2)) / sqrt(sum(w^2)), k = |a - b|

where w is 1, or the ``important`` weight (2) for questions the voter marked important, and the
sums run over the questions the voter answered. A list's missing answer is imputed: ``neutral``
(b = 0) or ``max`` (the extreme opposite to the voter: b = -0.5 if a > 0, else +0.5).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..errors import UsageError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["MATCH_METHODS", "Imputation", "MatchMethod", "get_match_method", "impute"]

Imputation = Literal["neutral", "max"]
Kernel = Callable[["npt.NDArray[np.float64]", "npt.NDArray[np.float64]"], "npt.NDArray[np.float64]"]


@dataclass(frozen=True, slots=True)
class MatchMethod:
    """A matching method: its kernel, and whether weights act squared (Euclidean)."""

    name: str
    description: str
    kernel: Kernel
    squared: bool = False
    symmetric: bool = True
    self_match_full: bool = True


def _city_block(a: npt.NDArray[np.float64], b: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    import numpy as np

    return np.abs(a - b)


def _squared(a: npt.NDArray[np.float64], b: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    return (a - b) ** 2


def _directional(a: npt.NDArray[np.float64], b: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    return 0.5 - 2.0 * a * b


def _wahl_o_mat(a: npt.NDArray[np.float64], b: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """1 - points/f: equal 0, either side neutral 0.5, otherwise 1 (Wahl-O-Mat 2/1/0)."""
    import numpy as np

    neutral = np.isclose(a, 0.0) | np.isclose(b, 0.0)
    return np.where(np.isclose(a, b), 0.0, np.where(neutral, 0.5, 1.0))


MATCH_METHODS: dict[str, MatchMethod] = {
    method.name: method
    for method in (
        MatchMethod(
            "wahl-o-mat",
            "Règle du Wahl-O-Mat : 2/1/0 points, important x2, questions passées exclues / "
            "Wahl-O-Mat rule: 2/1/0 points, important counts double, skips excluded",
            _wahl_o_mat,
        ),
        MatchMethod(
            "city-block",
            "Distance de Manhattan sur réponses normalisées / city-block distance",
            _city_block,
        ),
        MatchMethod(
            "euclidean",
            "Distance euclidienne sur réponses normalisées / Euclidean distance",
            _squared,
            squared=True,
        ),
        MatchMethod(
            "directional",
            "Modèle directionnel (Mendez 2017), noyau 0,5 - 2ab / directional, kernel 0.5 - 2ab",
            _directional,
            self_match_full=False,
        ),
    )
}


def get_match_method(name: str) -> MatchMethod:
    """The matching method called ``name``; :class:`UsageError` if there is none."""
    try:
        return MATCH_METHODS[name]
    except KeyError:
        known = ", ".join(MATCH_METHODS)
        raise UsageError(f"unknown matching method {name!r}; available: {known}") from None


def impute(voter: npt.NDArray[np.float64], imputation: Imputation) -> npt.NDArray[np.float64]:
    """The value imputed for a list's missing answer, given the voter's answer."""
    import numpy as np

    if imputation == "neutral":
        return np.zeros_like(voter)
    return np.where(voter > 0, -0.5, 0.5)
