"""The plugin manager (internal): built lazily, once; typed accessors over the hooks.

Only this module calls hook implementations. Each implementation is called on its own, so a
plugin that fails to import, registers an unknown hook, raises inside a hook, calls
``sys.exit()`` or returns something else than asked is reported by name (see
:func:`~civicquest.plugins._listing.get_plugin_failures` and ``civicquest plugins``) while the
others keep working.

Plugins are loaded per need: installed plugins (entry points) are imported only when a command
needs more than the built-in plugins, and each hook is called only when its records are needed.
Asking for a built-in name (``json``, ``commitment``) never imports nor calls another plugin: the
built-in record would win a name clash anyway. So a plugin that hangs or is slow only affects
the commands that use what it provides (or ``civicquest plugins``, which calls every hook).

Environment variables:

``CIVICQUEST_DISABLE_PLUGINS``
    comma-separated entry-point or distribution names never to load.
``CIVICQUEST_LOAD_PLUGINS``
    if set, load only these (comma-separated); set it empty to load no installed plugin.
``CIVICQUEST_STRICT_PLUGINS``
    if ``1``, any plugin failure raises :class:`~civicquest.errors.PluginError` (for tests).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import import_module, metadata
from typing import Any, TypeVar

import pluggy

from ..errors import BrokenProviderError, PluginError, UsageError
from . import _hookspecs as hookspecs
from ._guard import describe_fault, type_name
from ._records import Exporter, Importer, ScoringMethod
from ._registry import PluginFailure, Registry, Stage, collect

__all__ = [
    "DEFAULT_PLUGINS",
    "PluginFailure",
    "PluginHost",
    "PluginInfo",
    "create_plugin_host",
    "gather_registries",
    "get_exporter",
    "get_exporters",
    "get_importer",
    "get_importers",
    "get_plugin_host",
    "get_plugin_manager",
    "get_scoring_method",
    "get_scoring_methods",
    "set_plugin_host",
]

DEFAULT_PLUGINS: tuple[str, ...] = (
    "civicquest.default_plugins.canonical",
    "civicquest.default_plugins.communes",
    "civicquest.default_plugins.json_schema",
    "civicquest.default_plugins.results",
    "civicquest.default_plugins.scoring_methods",
)
HOOK_NAMES: tuple[str, ...] = (
    "register_commands",
    "register_exporters",
    "register_importers",
    "register_scoring_methods",
)

R = TypeVar("R", Exporter, Importer, ScoringMethod)


@dataclass(frozen=True, slots=True)
class PluginInfo:
    """One registered plugin, as ``civicquest plugins`` shows it."""

    name: str
    distribution: str | None
    version: str | None
    default: bool
    hooks: tuple[str, ...]
    provides: Mapping[str, tuple[str, ...]]


@dataclass
class PluginHost:
    """A plugin manager, what went wrong while loading plugins, and cached registries."""

    manager: pluggy.PluginManager
    strict: bool = False
    distributions: dict[str, tuple[str, str]] = field(default_factory=dict)
    environ: dict[str, str] | None = None
    _failures: dict[tuple[str, str, str], PluginFailure] = field(default_factory=dict)
    _cache: dict[tuple[str, tuple[str, ...]], Any] = field(default_factory=dict)
    #: names a plugin command may not take (the CLI's own commands, set by the CLI)
    reserved_commands: frozenset[str] = frozenset()

    def fail(self, plugin: str, stage: Stage, message: str) -> None:
        failure = PluginFailure(plugin, stage, message)
        if self.strict:
            raise PluginError(str(failure))
        self._failures[(plugin, stage, message)] = failure

    @property
    def failures(self) -> list[PluginFailure]:
        return list(self._failures.values())

    def registered(self) -> tuple[str, ...]:
        return tuple(sorted(n for n, p in self.manager.list_name_plugin() if p is not None))

    def load_installed(self) -> None:
        """Import the installed plugins (entry points), once; nothing to do if done already."""
        if self.environ is not None:
            environ, self.environ = self.environ, None
            _load_entry_points(self, environ)
            drop_unknown_hooks(self)


def create_plugin_host(
    *,
    entry_points: bool = True,
    strict: bool | None = None,
    environ: Mapping[str, str] | None = None,
) -> PluginHost:
    """Build a plugin manager: hook specs, default plugins, then installed entry points."""
    env = os.environ if environ is None else environ
    strict = env.get("CIVICQUEST_STRICT_PLUGINS", "") == "1" if strict is None else strict
    pending = dict(env) if entry_points else None
    host = PluginHost(pluggy.PluginManager(hookspecs.PROJECT_NAME), strict=strict, environ=pending)
    host.manager.add_hookspecs(hookspecs)
    for module_name in DEFAULT_PLUGINS:
        host.manager.register(import_module(module_name), name=module_name)
    drop_unknown_hooks(host)
    return host


def _names(value: str | None) -> set[str]:
    return {part.strip() for part in (value or "").split(",") if part.strip()}


def _load_entry_points(host: PluginHost, env: Mapping[str, str]) -> None:
    blocked = _names(env.get("CIVICQUEST_DISABLE_PLUGINS"))
    allowed = (
        _names(env.get("CIVICQUEST_LOAD_PLUGINS")) if "CIVICQUEST_LOAD_PLUGINS" in env else None
    )
    for entry in sorted(metadata.entry_points(group=hookspecs.PROJECT_NAME), key=_ep_key):
        keys = {entry.name, entry.dist.name if entry.dist else entry.name}
        if keys & blocked or (allowed is not None and not keys & allowed):
            host.manager.set_blocked(entry.name)
            continue
        if host.manager.has_plugin(entry.name):
            continue
        _load_entry_point(host, entry)


def _ep_key(entry: metadata.EntryPoint) -> str:
    return entry.name


def _load_entry_point(host: PluginHost, entry: metadata.EntryPoint) -> None:
    try:
        plugin = entry.load()
    except KeyboardInterrupt:
        raise
    except SystemExit as error:
        host.fail(entry.name, "import", f"{describe_fault(error)} while loading {entry.value!r}")
        return
    except BaseException as error:
        host.fail(entry.name, "import", f"cannot import {entry.value!r}: {_describe(error)}")
        return
    try:
        host.manager.register(plugin, name=entry.name)
    except KeyboardInterrupt:
        raise
    except BaseException as error:
        host.fail(entry.name, "register", _describe(error))
        return
    if entry.dist is not None:
        host.distributions[entry.name] = (entry.dist.name, entry.dist.version)


def drop_unknown_hooks(host: PluginHost) -> None:
    """Report and unregister plugins that implement a hook civicquest does not define.

    This is what pluggy's ``check_pending()`` checks, done per plugin so the message can name
    the plugin and suggest the hook that was probably meant; ``check_pending()`` then confirms.
    """
    for hook_name, caller in sorted(vars(host.manager.hook).items()):
        if not isinstance(caller, pluggy.HookCaller) or caller.spec is not None:
            continue
        for impl in caller.get_hookimpls():
            if impl.optionalhook or not host.manager.is_registered(impl.plugin):
                continue
            host.fail(impl.plugin_name, "unknown-hook", _unknown_hook_message(hook_name))
            host.manager.unregister(impl.plugin)
    try:
        host.manager.check_pending()
    except pluggy.PluginValidationError as error:  # pragma: no cover - guarded above
        raise PluginError(f"plugin {host.manager.get_name(error.plugin)!r}: {error}") from error


def _unknown_hook_message(hook_name: str) -> str:
    close = difflib.get_close_matches(hook_name, HOOK_NAMES, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; hooks: {', '.join(HOOK_NAMES)}"
    return f"implements {hook_name!r}, which is not a civicquest hook{hint}"


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


_current: PluginHost | None = None


def get_plugin_host() -> PluginHost:
    """The plugin host of this process, built on first use and kept."""
    global _current
    if _current is None:
        _current = create_plugin_host()
    return _current


def _loaded_host() -> PluginHost:
    host = get_plugin_host()
    host.load_installed()
    return host


def set_plugin_host(host: PluginHost | None) -> PluginHost | None:
    """Replace the plugin host (``None``: rebuild on next use); returns the previous one."""
    global _current
    previous, _current = _current, host
    return previous


def get_plugin_manager() -> pluggy.PluginManager:
    """The pluggy manager, built lazily: default plugins, then entry points."""
    return _loaded_host().manager


def call_each(
    host: PluginHost, hook_name: str, only: Collection[str] | None = None
) -> list[tuple[str, list[Any]]]:
    """Call every implementation of a ``register_*`` records hook on its own (or those of the
    plugins in ``only``): ``(plugin name, records)`` pairs.

    An implementation that raises, exits or returns no list is reported and skipped.
    """
    caller: pluggy.HookCaller = getattr(host.manager.hook, hook_name)
    results: list[tuple[str, list[Any]]] = []
    for impl in reversed(caller.get_hookimpls()):
        if only is not None and impl.plugin_name not in only:
            continue
        try:
            result: object = impl.function()
            if _listable(result):
                results.append((impl.plugin_name, list(result)))  # type: ignore[call-overload]
            else:
                message = f"{hook_name}() returned {type_name(result)}, not a list"
                host.fail(impl.plugin_name, "hook", message)
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # SystemExit too: a plugin must not end the program
            host.fail(impl.plugin_name, "hook", f"{hook_name}() {describe_fault(error)}")
    return results


def _listable(result: object) -> bool:
    return isinstance(result, Iterable) and not isinstance(result, str | bytes | Mapping)


def _claims(
    host: PluginHost, hook_name: str, record_type: type[R], only: Collection[str] | None
) -> list[tuple[str, R]]:
    claims: list[tuple[str, R]] = []
    for plugin, records in call_each(host, hook_name, only):
        for record in records:
            if isinstance(record, record_type):
                claims.append((plugin, record))
            else:
                message = f"{hook_name}() gave {type_name(record)}, not a {record_type.__name__}"
                host.fail(plugin, "record", message)
    return claims


def _registry(
    host: PluginHost, kind: str, hook_name: str, record_type: type[R], built_in_only: bool = False
) -> Registry[R]:
    if built_in_only:
        only: Collection[str] | None = DEFAULT_PLUGINS
        key: tuple[str, tuple[str, ...]] = (hook_name, ("<built-in>",))
    else:
        host.load_installed()
        only, key = None, (hook_name, host.registered())
    if key not in host._cache:
        claims = _claims(host, hook_name, record_type, only)
        registry, failures = collect(kind, claims, DEFAULT_PLUGINS)
        for failure in failures:
            host.fail(failure.plugin, failure.stage, failure.message)
        host._cache[key] = registry
    cached: Registry[R] = host._cache[key]
    return cached


def gather_registries(host: PluginHost) -> None:
    """Collect every records registry (exporters, importers, scoring methods) of ``host``."""
    for hook_name, record_type in _RECORD_TYPES.items():
        _registry(host, _KINDS[hook_name], hook_name, record_type)


_RECORD_TYPES: dict[str, type[Any]] = {
    "register_exporters": Exporter,
    "register_importers": Importer,
    "register_scoring_methods": ScoringMethod,
}
_KINDS = {
    "register_exporters": "exporter",
    "register_importers": "importer",
    "register_scoring_methods": "scoring method",
}


def exporter_registry(built_in_only: bool = False) -> Registry[Exporter]:
    """Every exporter (``built_in_only``: only the default plugins' ones, loading nothing)."""
    host = get_plugin_host()
    return _registry(host, "exporter", "register_exporters", Exporter, built_in_only)


def importer_registry(built_in_only: bool = False) -> Registry[Importer]:
    host = get_plugin_host()
    return _registry(host, "importer", "register_importers", Importer, built_in_only)


def scoring_registry(built_in_only: bool = False) -> Registry[ScoringMethod]:
    host = get_plugin_host()
    return _registry(
        host, "scoring method", "register_scoring_methods", ScoringMethod, built_in_only
    )


def _lookup(kind: str, registry_of: Callable[[bool], Registry[R]], name: str) -> R:
    key = name.strip().lower()
    built_in = registry_of(True)
    if key in built_in.by_name:  # a built-in name: no need to load any other plugin
        return built_in.by_name[key]
    registry = registry_of(False)
    if key in registry.by_name:
        return registry.by_name[key]
    if key in registry.conflicts:
        listed = " and ".join(repr(plugin) for plugin in registry.conflicts[key])
        raise PluginError(
            f"the {kind} {key!r} is provided by several plugins ({listed}); uninstall one, "
            f"or disable it with CIVICQUEST_DISABLE_PLUGINS"
        )
    broken = _broken_providers(get_plugin_host(), _HOOK_OF_KIND[kind])
    if broken:
        raise BrokenProviderError(kind, name, broken)
    known = ", ".join(registry.records) or "none"
    raise UsageError(f"unknown {kind} {name!r}; available: {known}")


_HOOK_OF_KIND = {
    "export format": "register_exporters",
    "import format": "register_importers",
    "scoring method": "register_scoring_methods",
}


def _broken_providers(host: PluginHost, hook_name: str) -> tuple[str, ...]:
    """Plugins that may provide what ``hook_name`` registers but failed: they did not load at
    all, or this hook failed (their other hooks' failures do not matter here)."""
    return tuple(
        dict.fromkeys(
            failure.plugin
            for failure in host.failures
            if failure.stage in ("import", "register")
            or (failure.stage in ("hook", "record") and failure.message.startswith(hook_name))
        )
    )


def get_exporters() -> Mapping[str, Exporter]:
    """Every exporter by name (aliases included), sorted."""
    return exporter_registry().by_name


def get_exporter(name: str) -> Exporter:
    """The exporter called ``name`` (or an alias); :class:`UsageError` if there is none."""
    return _lookup("export format", exporter_registry, name)


def get_importers() -> Mapping[str, Importer]:
    """Every importer by name (aliases included), sorted."""
    return importer_registry().by_name


def get_importer(name: str) -> Importer:
    """The importer called ``name`` (or an alias); :class:`UsageError` if there is none."""
    return _lookup("import format", importer_registry, name)


def get_scoring_methods() -> Mapping[str, ScoringMethod]:
    """Every scoring method by name (aliases included), sorted."""
    return scoring_registry().by_name


def get_scoring_method(name: str) -> ScoringMethod:
    """The scoring method called ``name``; raises :class:`UsageError` if there is none."""
    return _lookup("scoring method", scoring_registry, name)
