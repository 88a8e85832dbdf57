"""Options and arguments shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["FORMAT_TEXT_JSON", "LANG_OPTION", "PROJECT_ARGUMENT"]

LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    default="fr",
    envvar="CIVICQUEST_LANG",
    show_default=True,
    help="Langue des messages / language of the messages.",
)
PROJECT_ARGUMENT = click.argument(
    "path", type=click.Path(exists=True, path_type=Path), metavar="DOSSIER_OU_FICHIER"
)
FORMAT_TEXT_JSON = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text pour les humains, json pour les outils / text for people, json for tools.",
)
