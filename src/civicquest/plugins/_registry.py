"""Gather the records that plugins return into name-indexed registries (internal).

One place validates what comes back from a hook, refuses duplicate names (naming every
plugin involved) and sorts the result. Failures are returned, never raised, so that one broken
plugin cannot take the others down; :mod:`civicquest.plugins._manager` decides what to do with them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Generic, Literal, Protocol, TypeVar

__all__ = ["PluginFailure", "Registry", "collect"]

Stage = Literal["import", "register", "hook", "record", "conflict", "unknown-hook"]


@dataclass(frozen=True, slots=True)
class PluginFailure:
    """Why a plugin (or part of what it provides) was left out."""

    plugin: str
    stage: Stage
    message: str

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} ({self.stage}): {self.message}"


class _Named(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...


Record = TypeVar("Record", bound=_Named)


@dataclass(frozen=True, slots=True)
class Registry(Generic[Record]):
    """Records by canonical name, sorted; aliases resolved; names in conflict set apart."""

    records: Mapping[str, Record] = field(default_factory=dict)
    by_name: Mapping[str, Record] = field(default_factory=dict)
    providers: Mapping[str, str] = field(default_factory=dict)
    conflicts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def collect(
    kind: str,
    claims: Iterable[tuple[str, Record]],
    default_plugins: Iterable[str],
) -> tuple[Registry[Record], list[PluginFailure]]:
    """Index ``(plugin, record)`` pairs by name and alias.

    A name claimed twice is a conflict. If exactly one claimant is a default (built-in) plugin,
    it keeps the name and the others are reported; otherwise nobody gets it, every claimant is
    reported, and asking for the name later raises an error that names them all.
    """
    by_claim: dict[str, list[tuple[str, Record]]] = defaultdict(list)
    for plugin, record in claims:
        for name in dict.fromkeys((record.name, *record.aliases)):
            by_claim[name].append((plugin, record))
    defaults = set(default_plugins)
    winners: dict[str, tuple[str, Record]] = {}
    conflicts: dict[str, tuple[str, ...]] = {}
    failures: list[PluginFailure] = []
    for name, claimants in sorted(by_claim.items()):
        if len(claimants) == 1:
            winners[name] = claimants[0]
            continue
        plugins = tuple(sorted(plugin for plugin, _ in claimants))
        built_in = [claim for claim in claimants if claim[0] in defaults]
        message = _conflict_message(kind, name, plugins)
        if len(built_in) == 1:
            winners[name] = built_in[0]
            message += f"; the built-in {kind} is kept"
        else:
            conflicts[name] = plugins
        failures.extend(
            PluginFailure(plugin, "conflict", message)
            for plugin in dict.fromkeys(plugins)
            if plugin not in defaults or not built_in
        )
    return _registry(winners, conflicts), failures


def _conflict_message(kind: str, name: str, plugins: tuple[str, ...]) -> str:
    listed = " and ".join(repr(plugin) for plugin in plugins)
    return f"{len(plugins)} {kind}s are named {name!r}, provided by {listed}"


def _registry(
    winners: Mapping[str, tuple[str, Record]], conflicts: dict[str, tuple[str, ...]]
) -> Registry[Record]:
    # A record keeps only the names it won; it is listed if it kept its canonical name.
    records = {name: record for name, (_, record) in sorted(winners.items()) if record.name == name}
    providers = {name: plugin for name, (plugin, _) in winners.items() if name in records}
    by_name = {
        name: record
        for name, (_, record) in sorted(winners.items())
        if records.get(record.name) is record
    }
    return Registry(records, by_name, providers, dict(sorted(conflicts.items())))
