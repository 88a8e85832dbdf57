"""The hooks a civicquest plugin can implement. Each docstring is the contract.

Plugins mark implementations with :data:`hookimpl` (also available as ``civicquest.hookimpl``)
and are found through the ``civicquest`` entry-point group.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    import click

    from ._records import Exporter, Importer, ScoringMethod

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec"]

PROJECT_NAME = "civicquest"
hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def register_exporters() -> Iterable[Exporter]:  # type: ignore[empty-body]
    """Return the export formats this plugin provides.

    :return: an iterable of :class:`~civicquest.plugins.Exporter`. Names and aliases must be
        unique across all plugins; a clash is reported naming every plugin involved.
    """


@hookspec
def register_importers() -> Iterable[Importer]:  # type: ignore[empty-body]
    """Return the import formats this plugin provides (answers collected elsewhere).

    :return: an iterable of :class:`~civicquest.plugins.Importer`, unique by name.
    """


@hookspec
def register_scoring_methods() -> Iterable[ScoringMethod]:  # type: ignore[empty-body]
    """Return the scoring methods this plugin provides.

    :return: an iterable of :class:`~civicquest.plugins.ScoringMethod`, unique by name.
    """


@hookspec
def register_commands(cli: click.Group) -> None:
    """Add commands to the ``civicquest`` command line.

    :param cli: the top-level click group; call ``cli.command()`` or ``cli.add_command()``.
    """
