"""``civicquest init``: start a project for a commune from an example or another project."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import LANG_OPTION, output_failure

__all__ = ["init"]


def _insee(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from ..text.messages import render
    from ..validation.divisions import insee_problem

    if value is None or insee_problem(value) is None:
        return value
    lang = ctx.params.get("lang") or "fr"
    message, hint = render("unknown_departement", lang, {"code": value})
    raise click.BadParameter(f"{message} → {hint}")


@click.command()
@click.argument("folder", type=click.Path(path_type=Path), metavar="DOSSIER")
@click.option(
    "--from",
    "template",
    default="aix2026",
    show_default=True,
    help="Exemple fourni ou projet existant à reprendre / shipped example or existing project.",
)
@click.option("--commune", help="Nom de la commune / the commune's name.")
@click.option(
    "--insee",
    callback=_insee,
    help="Code INSEE de la commune (5 caractères, 2A/2B en Corse) / its INSEE code.",
)
@LANG_OPTION
def init(folder: Path, template: str, commune: str | None, insee: str | None, lang: str) -> None:
    """Crée un projet pour une commune à partir d'un modèle / start a project from a template.

    Writes DOSSIER (which must be new or empty) with the template's questionnaire, the commune
    and its division id, no lists and no responses yet, and a README of what to edit.
    Example: civicquest init grenoble2026 --from aix2026 --commune Grenoble --insee 38185
    """
    from ..errors import InvalidProjectError, UsageError
    from ..exporting.outputs import OutputError
    from ..exporting.starting import NewCommune, init_project
    from ..validation.outcome import ProjectCheck
    from ..validation.report import check_as_text

    if (commune is None) != (insee is None):
        raise click.UsageError("--commune et --insee vont ensemble / give both or neither")
    try:
        new = NewCommune(commune, insee) if commune is not None and insee is not None else None
        written = init_project(folder, template, new)
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    except OutputError as error:
        raise output_failure(error, lang) from None
    except InvalidProjectError as error:
        click.echo(check_as_text(ProjectCheck(None, tuple(error.issues)), lang), err=True)
        sys.exit(1)
    click.echo(f"{folder}: {len(written)} fichiers / files → {folder / 'README.md'}")
