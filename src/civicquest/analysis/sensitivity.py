"""How stable is the order of the lists when the method or the missing-answer policy changes?

Every ranking method is rerun under the project's own policy and under each uniform policy
(every missing case excluded, counted as zero, counted as neutral). Each scenario's order is
compared with the reference (the project's own method under the project's policy): Spearman's
rank correlation, Kendall's tau, and the pairs of lists that swap.

Methods come from plugins. One that fails (raises, exits, returns no score report or a report
without lists) is left out of the comparison and named in ``left_out``; only a failure of the
reference method itself stops the comparison (:class:`~civicquest.errors.PluginError`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

from ..errors import CivicquestError, PluginError
from ..models.project import Project
from ..models.results import ScoreReport
from ..models.scoring import MISSING_CASES, MissingPolicy, MissingRules
from ..plugins._records import ScoringMethod
from ..plugins._running import DEFAULT_METHOD, run_scoring_method

__all__ = [
    "LeftOut",
    "Scenario",
    "SensitivityReport",
    "kendall_tau",
    "sensitivity",
    "spearman",
]

UNIFORM: tuple[MissingPolicy, ...] = ("exclude", "zero", "neutral")


@dataclass(frozen=True)
class Scenario:
    """One rerun: its method and policy, the scores, and how it differs from the reference.

    ``spearman`` and ``kendall`` are None when fewer than two lists are scored by both.
    """

    method: str
    policy: str
    scores: dict[str, float]
    spearman: float | None
    kendall: float | None
    swaps: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class LeftOut:
    """A ranking method left out of the comparison: which, from which plugin, and why."""

    method: str
    plugin: str
    reason: str


@dataclass(frozen=True)
class SensitivityReport:
    """The reference run, every other scenario compared with it, and the methods left out."""

    reference: Scenario
    scenarios: tuple[Scenario, ...]
    left_out: tuple[LeftOut, ...] = ()

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


def sensitivity(
    project: Project,
    methods: Mapping[str, ScoringMethod],
    *,
    reference: str = DEFAULT_METHOD,
    providers: Mapping[str, str] | None = None,
) -> SensitivityReport:
    """Rerun every ranking method under every policy and compare with ``reference`` (a method
    name) under the project's policy. ``providers`` names the plugin of each method."""
    ranking = {name: m for name, m in methods.items() if m.ranks and name == m.name}
    if reference not in ranking:
        raise PluginError(f"the reference method {reference!r} is not an installed ranking method")
    order = [reference, *sorted(set(ranking) - {reference})]
    plugin_of = dict(providers or {})
    runs: list[tuple[str, str, dict[str, float]]] = []
    left_out: list[LeftOut] = []
    for name in order:
        plugin = plugin_of.get(name, "?")
        try:
            runs.extend(_runs(project, ranking[name], plugin, require_lists=bool(runs)))
        except CivicquestError as error:
            if name == reference:
                raise
            reason = str(error).removeprefix(f"{_where(plugin, name)} ")
            left_out.append(LeftOut(name, plugin, reason))
    base = runs[0][2]
    scenarios = tuple(_compare(base, name, policy, scores) for name, policy, scores in runs)
    return SensitivityReport(scenarios[0], scenarios[1:], tuple(left_out))


def _runs(
    project: Project, method: ScoringMethod, plugin: str, *, require_lists: bool
) -> list[tuple[str, str, dict[str, float]]]:
    """A method's four runs; :class:`CivicquestError` if any of them fails."""
    runs = [(method.name, "project", _scores(project, method, plugin, None, require_lists))]
    for policy in UNIFORM:
        rules = MissingRules.model_validate(dict.fromkeys(MISSING_CASES, policy))
        scores = _scores(project, method, plugin, rules, require_lists)
        runs.append((method.name, f"all {policy}", scores))
    return runs


def _compare(
    base: dict[str, float], method: str, policy: str, scores: dict[str, float]
) -> Scenario:
    if len(set(base) & set(scores)) < 2:  # nothing to correlate: not a perfect agreement
        return Scenario(method, policy, scores, None, None, ())
    return Scenario(
        method, policy, scores, spearman(base, scores), kendall_tau(base, scores),
        swapped_pairs(base, scores),
    )  # fmt: skip


def _scores(
    project: Project,
    method: ScoringMethod,
    plugin: str,
    rules: MissingRules | None,
    require_lists: bool,
) -> dict[str, float]:
    options = {} if rules is None else {"missing": rules}
    report = run_scoring_method(method, project, options, plugin)
    where = _where(plugin, method.name)
    if not isinstance(report, ScoreReport):
        name = type(report).__name__
        raise PluginError(f"{where} returned a {name}, not a ScoreReport")
    if require_lists and not report.lists:
        raise PluginError(f"{where} returned a report with no lists")
    return {item.respondent: item.score for item in report.lists if item.score is not None}


def _where(plugin: str, method: str) -> str:
    return f"plugin {plugin!r}: the scoring method {method!r}"


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
