"""Commands that describe the installed plugins: plugins, formats."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

__all__ = ["formats", "plugins"]


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON pour les outils / JSON output.")
@click.option(
    "--all/--installed",
    "include_defaults",
    default=True,
    show_default=True,
    help="Inclure les extensions intégrées / include the built-in plugins.",
)
def plugins(as_json: bool, include_defaults: bool) -> None:
    """Liste les extensions et ce qu'elles apportent / list plugins and what they provide.

    Les extensions en échec sont listées avec leur erreur ; les autres fonctionnent.
    Broken plugins are listed with their error; the others keep working.
    Exit code 0 even when a plugin is broken.
    """
    from ..plugins._listing import get_plugin_failures, list_plugins
    from . import reserve_builtin_commands

    reserve_builtin_commands()

    failures = get_plugin_failures()
    payload: dict[str, Any] = {
        "plugins": [
            {
                "name": info.name,
                "distribution": info.distribution,
                "version": info.version,
                "default": info.default,
                "hooks": list(info.hooks),
                "provides": {kind: list(names) for kind, names in info.provides.items()},
            }
            for info in list_plugins(include_defaults=include_defaults)
        ],
        "broken": [{"plugin": f.plugin, "stage": f.stage, "error": f.message} for f in failures],
    }
    if as_json:
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True))
        return
    click.echo(_plugins_text(payload))


def _plugins_text(payload: dict[str, Any]) -> str:
    lines = []
    for info in payload["plugins"]:
        origin = "intégrée / built-in" if info["default"] else info["distribution"] or "?"
        lines.append(f"{info['name']} {info['version'] or ''} ({origin})".replace("  ", " "))
        for kind, names in info["provides"].items():
            lines.append(f"  {kind}: {', '.join(names)}")
    if payload["broken"]:
        lines.append("")
        lines.append("En échec / broken:")
        for failure in payload["broken"]:
            lines.append(f"  {failure['plugin']} [{failure['stage']}]: {failure['error']}")
    return "\n".join(lines)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON pour les outils / JSON output.")
def formats(as_json: bool) -> None:
    """Liste les formats d'export et d'import et leurs options / list formats and options.

    Exemple / example:  civicquest export examples/aix2026 --format csv --option variant=wide
    """
    from ..exporting.pipeline import describe_options
    from ..plugins._manager import exporter_registry, importer_registry

    rows = []
    for direction, registry in (("export", exporter_registry()), ("import", importer_registry())):
        for name, record in registry.records.items():
            options = [
                {"name": o[0], "type": o[1], "default": o[2], "description": o[3]}
                for o in describe_options(record.options)
            ]
            rows.append(_format_row(direction, name, record, options))
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, sort_keys=True))
        return
    for row in rows:
        click.echo(_format_text(row))
    sys.exit(0)


def _format_row(direction: str, name: str, record: Any, options: list[Any]) -> dict[str, Any]:
    return {
        "direction": direction,
        "name": name,
        "aliases": list(record.aliases),
        "description": record.description,
        "file_extensions": list(record.file_extensions),
        "needs": getattr(record, "needs", None),
        "writes": getattr(record, "writes", "file"),
        "options": options,
    }


def _format_text(row: dict[str, Any]) -> str:
    aliases = f" (alias: {', '.join(row['aliases'])})" if row["aliases"] else ""
    writes = " [dossier / folder]" if row["writes"] == "folder" else ""
    if row["needs"] == "results":
        writes += " [résultats / results]"
    lines = [f"{row['direction']} {row['name']}{aliases}{writes}: {row['description']}"]
    for option in row["options"]:
        default = f" = {option['default']}" if option["default"] else ""
        lines.append(
            f"    --option {option['name']}=<{option['type']}>{default}  {option['description']}"
        )
    return "\n".join(lines)
