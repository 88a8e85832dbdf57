"""The ``civicquest`` command line. Thin: commands parse options and call the library.

Each command lives in its own module, imported only when it runs or when help is shown, and
heavy libraries are imported inside the commands, so that ``civicquest --help`` starts fast.
"""

from __future__ import annotations

import importlib

import click

from ..__about__ import __version__

__all__ = ["COMMANDS", "cli", "main", "reserve_builtin_commands"]

#: command name -> "module:attribute" under civicquest.cli
COMMANDS: dict[str, str] = {
    "validate": "check:validate",
    "summary": "check:summary",
    "schema": "check:schema",
    "score": "score:score",
    "match": "match:match",
    "sensitivity": "score:sensitivity",
    "export": "export:export",
    "import": "import_:import_answers",
    "formats": "plugins:formats",
    "plugins": "plugins:plugins",
    "init": "init:init",
    "diff": "diff:diff",
    "followup": "followup:followup",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            module_name, attribute = COMMANDS[cmd_name].split(":")
            module = importlib.import_module(f"{__name__}.{module_name}")
            command: click.Command = getattr(module, attribute)
            return command
        # Commands added by plugins (register_commands) are loaded only when one is asked
        # for, so that ``civicquest --help`` never builds the plugin manager.
        if cmd_name not in self.commands:
            from ..plugins._listing import plugin_commands

            reserve_builtin_commands()
            plugin_command: click.Command | None = plugin_commands().get(cmd_name)
            return plugin_command
        return super().get_command(ctx, cmd_name)


def reserve_builtin_commands() -> None:
    """Plugins register commands through the CLI, as llm does: their names may not take ours."""
    from ..plugins._manager import get_plugin_host

    get_plugin_host().reserved_commands = frozenset(COMMANDS)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="civicquest")
def cli() -> None:
    """civicquest : questionnaires des associations aux listes candidates.

    civicquest: questionnaires from associations to candidate lists.

    Exemple / example:  civicquest validate examples/aix2026

    Commandes des extensions / plugin commands:  civicquest plugins
    """


def main() -> None:
    """Entry point of the ``civicquest`` console script."""
    cli(prog_name="civicquest")
