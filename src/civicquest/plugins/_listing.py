"""Listing what plugins provide: commands added through ``register_commands``, and the
plugins themselves with their versions (for ``civicquest plugins``). Internal."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..__about__ import __version__
from ._guard import describe_fault, type_name
from ._manager import (
    DEFAULT_PLUGINS,
    PluginFailure,
    PluginHost,
    PluginInfo,
    exporter_registry,
    gather_registries,
    get_plugin_host,
    importer_registry,
    scoring_registry,
)
from ._records import Exporter, Importer, ScoringMethod
from ._registry import Registry

__all__ = ["get_plugin_failures", "guard_command", "list_plugins", "plugin_commands", "provider_of"]


def get_plugin_failures() -> list[PluginFailure]:
    """Every plugin problem met so far, once all registries and commands have been gathered."""
    host = get_plugin_host()
    host.load_installed()
    gather_registries(host)
    plugin_commands(host)
    return host.failures


def plugin_commands(host: PluginHost | None = None) -> dict[str, Any]:
    """Commands that plugins add through ``register_commands``, by name (click commands)."""
    host = host or get_plugin_host()
    host.load_installed()
    key = ("register_commands", host.registered())
    if key not in host._cache:
        host._cache[key] = _commands_by_plugin(host)
    by_plugin: dict[str, dict[str, Any]] = host._cache[key]
    return {name: command for commands in by_plugin.values() for name, command in commands.items()}


def _commands_by_plugin(host: PluginHost) -> dict[str, dict[str, Any]]:
    by_plugin: dict[str, dict[str, Any]] = {}
    taken = set(host.reserved_commands)
    for plugin, commands in _each_plugin_commands(host):
        for name in sorted(commands):
            if name in taken:
                host.fail(plugin, "conflict", f"the command {name!r} already exists")
                continue
            taken.add(name)
            by_plugin.setdefault(plugin, {})[name] = commands[name]
    return by_plugin


def _each_plugin_commands(host: PluginHost) -> Iterable[tuple[str, dict[str, Any]]]:
    import click

    caller = host.manager.hook.register_commands
    for impl in reversed(caller.get_hookimpls()):
        group = click.Group()
        try:
            impl.function(*(group for _ in impl.argnames))
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # SystemExit too: a plugin must not end the program
            host.fail(impl.plugin_name, "hook", f"register_commands() {describe_fault(error)}")
            continue
        commands: dict[str, Any] = {}
        for name, command in group.commands.items():
            if isinstance(command, click.Command):
                commands[name] = guard_command(command, impl.plugin_name)
            else:
                message = f"register_commands() added {type_name(command)} as {name!r}"
                host.fail(impl.plugin_name, "record", message)
        yield impl.plugin_name, commands


def guard_command(command: Any, plugin: str) -> Any:
    """Make ``command`` report an exception of its own as a one-line error naming ``plugin``.

    click's own exceptions (usage errors, ``ctx.exit()``) and ``SystemExit`` go through: the exit
    status of a plugin's command is the plugin's to choose.
    """
    import click

    invoke = command.invoke

    def guarded_invoke(ctx: click.Context) -> Any:
        try:
            return invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:
            message = f"plugin {plugin!r}: the command {command.name!r} {describe_fault(error)}"
            raise click.ClickException(message) from error

    command.invoke = guarded_invoke
    return command


def provider_of(record: Exporter | Importer | ScoringMethod) -> str:
    """The name of the plugin that provides ``record`` (``"?"`` if it is not registered)."""
    registry_of: Callable[[bool], Registry[Any]] = scoring_registry
    if isinstance(record, Exporter | Importer):
        registry_of = exporter_registry if isinstance(record, Exporter) else importer_registry
    for built_in_only in (True, False):
        registry = registry_of(built_in_only)
        if registry.records.get(record.name) is record:
            return registry.providers[record.name]
    return "?"


def list_plugins(include_defaults: bool = True) -> list[PluginInfo]:
    """The registered plugins, sorted by name, with their version and what each provides."""
    host = get_plugin_host()
    host.load_installed()
    provides = _provided_names(host)
    infos = []
    for name, plugin in sorted(host.manager.list_name_plugin()):
        default = name in DEFAULT_PLUGINS
        if plugin is None or (default and not include_defaults):
            continue
        distribution, version = host.distributions.get(name, (None, None))
        if default:
            distribution, version = "civicquest", __version__
        hooks = tuple(sorted(c.name for c in host.manager.get_hookcallers(plugin) or ()))
        infos.append(PluginInfo(name, distribution, version, default, hooks, provides(name)))
    return infos


def _provided_names(host: PluginHost) -> Callable[[str], Mapping[str, tuple[str, ...]]]:
    registries: dict[str, Registry[Any]] = {
        "exporters": exporter_registry(),
        "importers": importer_registry(),
        "scoring_methods": scoring_registry(),
    }
    commands = plugin_commands(host)
    command_owner = _command_owners(host)

    def provided(plugin: str) -> Mapping[str, tuple[str, ...]]:
        found = {
            kind: tuple(name for name, owner in registry.providers.items() if owner == plugin)
            for kind, registry in registries.items()
        }
        found["commands"] = tuple(n for n in commands if command_owner.get(n) == plugin)
        return {kind: names for kind, names in found.items() if names}

    return provided


def _command_owners(host: PluginHost) -> dict[str, str]:
    key = ("register_commands", host.registered())
    by_plugin: dict[str, dict[str, Any]] = host._cache.get(key, {})
    return {name: plugin for plugin, commands in by_plugin.items() for name in commands}
