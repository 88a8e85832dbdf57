"""The plugin manager (internal): built lazily, once; typed accessors over the hooks.

Only this module calls ``pm.hook.*``.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable, Mapping
from typing import Protocol, TypeVar

import pluggy

from . import hookspecs
from .errors import PluginError, UsageError
from .plugin_types import Exporter, Importer, ScoringMethod

__all__ = [
    "DEFAULT_PLUGINS",
    "get_exporters",
    "get_importers",
    "get_plugin_manager",
    "get_scoring_method",
    "get_scoring_methods",
]

DEFAULT_PLUGINS: tuple[str, ...] = ("civicquest.default_plugins.scoring_methods",)


class _Named(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...


Record = TypeVar("Record", bound=_Named)


@functools.cache
def get_plugin_manager() -> pluggy.PluginManager:
    """Build the plugin manager on first use: default plugins, then entry points."""
    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    for module_name in DEFAULT_PLUGINS:
        manager.register(importlib.import_module(module_name), name=module_name)
    manager.load_setuptools_entrypoints(hookspecs.PROJECT_NAME)
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as error:
        raise PluginError(f"plugin {error.plugin!r}: {error}") from error
    return manager


def _collect(kind: str, results: Iterable[Iterable[Record]]) -> dict[str, Record]:
    """Gather records by name and alias, refusing duplicates; sorted by name."""
    by_name: dict[str, Record] = {}
    for record in (record for result in results for record in result):
        for name in (record.name, *record.aliases):
            if name in by_name:
                raise PluginError(f"two {kind}s are named {name!r}")
            by_name[name] = record
    return dict(sorted(by_name.items()))


def get_scoring_methods() -> Mapping[str, ScoringMethod]:
    """Every scoring method by name (aliases included)."""
    hook = get_plugin_manager().hook.register_scoring_methods
    return _collect("scoring method", hook())


def get_scoring_method(name: str) -> ScoringMethod:
    """The scoring method called ``name``; raises :class:`UsageError` if there is none."""
    methods = get_scoring_methods()
    if name not in methods:
        known = ", ".join(sorted({m.name for m in methods.values()})) or "none"
        raise UsageError(f"unknown scoring method {name!r}; available: {known}")
    return methods[name]


def get_exporters() -> Mapping[str, Exporter]:
    """Every exporter by name (aliases included)."""
    return _collect("exporter", get_plugin_manager().hook.register_exporters())


def get_importers() -> Mapping[str, Importer]:
    """Every importer by name (aliases included)."""
    return _collect("importer", get_plugin_manager().hook.register_importers())
