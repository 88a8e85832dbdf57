"""How stable is the order of the lists when the method or the missing-answer policy changes?

Every ranking method is rerun under the project's own policy and under each uniform policy
(every missing case excluded, counted as zero, counted as neutral). Each scenario's order is
compared with the reference (the project's policy, first ranking method): Spearman's rank
correlation, Kendall's tau, and the pairs of lists that swap.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from ..models.project import Project
from ..models.scoring import MISSING_CASES, MissingPolicy, MissingRules
from ..plugin_types import ScoringMethod

__all__ = ["Scenario", "SensitivityReport", "kendall_tau", "sensitivity", "spearman"]

UNIFORM: tuple[MissingPolicy, ...] = ("exclude", "zero", "neutral")


@dataclass(frozen=True)
class Scenario:
    """One rerun: its method and policy, the scores, and how it differs from the reference."""

    method: str
    policy: str
    scores: dict[str, float]
    spearman: float
    kendall: float
    swaps: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SensitivityReport:
    reference: Scenario
    scenarios: tuple[Scenario, ...]

    @property
    def stable(self) -> bool:
        """True when no scenario swaps any pair of lists."""
        return all(not s.swaps for s in self.scenarios)


def spearman(a: dict[str, float], b: dict[str, float]) -> float:
    """Spearman's rho between two score maps over their common lists (average ranks for ties)."""
    keys = sorted(set(a) & set(b))
    if len(keys) < 2:
        return 1.0
    ra, rb = _ranks([a[k] for k in keys]), _ranks([b[k] for k in keys])
    return _pearson(ra, rb)


def kendall_tau(a: dict[str, float], b: dict[str, float]) -> float:
    """Kendall's tau-a: (concordant - discordant) / pairs."""
    keys = sorted(set(a) & set(b))
    pairs = list(combinations(keys, 2))
    if not pairs:
        return 1.0
    total = sum(_sign(a[x] - a[y]) * _sign(b[x] - b[y]) for x, y in pairs)
    return total / len(pairs)


def swapped_pairs(a: dict[str, float], b: dict[str, float]) -> tuple[tuple[str, str], ...]:
    """Pairs strictly ordered one way in ``a`` and strictly the other way in ``b``."""
    keys = sorted(set(a) & set(b))
    return tuple(
        (x, y) for x, y in combinations(keys, 2) if _sign(a[x] - a[y]) * _sign(b[x] - b[y]) < 0
    )


def sensitivity(project: Project, methods: dict[str, ScoringMethod]) -> SensitivityReport:
    """Rerun every ranking method under every policy and compare with the reference."""
    ranking = {name: m for name, m in methods.items() if m.ranks and name == m.name}
    runs: list[tuple[str, str, dict[str, float]]] = []
    for name, method in ranking.items():
        runs.append((name, "project", _scores(project, method, None)))
        for policy in UNIFORM:
            rules = MissingRules.model_validate(dict.fromkeys(MISSING_CASES, policy))
            runs.append((name, f"all {policy}", _scores(project, method, rules)))
    reference = runs[0][2] if runs else {}
    scenarios = tuple(
        Scenario(name, policy, scores, spearman(reference, scores),
                 kendall_tau(reference, scores), swapped_pairs(reference, scores))
        for name, policy, scores in runs
    )  # fmt: skip
    return SensitivityReport(scenarios[0], scenarios[1:])


def _scores(
    project: Project, method: ScoringMethod, rules: MissingRules | None
) -> dict[str, float]:
    options = {} if rules is None else {"missing": rules}
    report = method.score(project, options)
    lists = getattr(report, "lists", ())
    return {item.respondent: item.score for item in lists if item.score is not None}


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def _pearson(x: list[float], y: list[float]) -> float:
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sx = sum((a - mx) ** 2 for a in x) ** 0.5
    sy = sum((b - my) ** 2 for b in y) ** 0.5
    return 1.0 if sx == 0 or sy == 0 else sxy / (sx * sy)


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)
