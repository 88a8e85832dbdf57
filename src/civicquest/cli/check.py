"""Commands that read a project: validate, summary, schema."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import (
    FORMAT_TEXT_JSON,
    LANG_OPTION,
    PROJECT_ARGUMENT,
    ROUND_OPTION,
    emit,
    load_or_exit,
)

__all__ = ["schema", "summary", "validate"]


@click.command()
@PROJECT_ARGUMENT
@FORMAT_TEXT_JSON
@LANG_OPTION
def validate(path: Path, output_format: str, lang: str) -> None:
    """Vérifie un projet et liste tous ses problèmes / check a project, list every issue.

    DOSSIER_OU_FICHIER is a project folder (questionnaire.yaml, respondents.yaml,
    responses/) or a single questionnaire file. Exit code 0: valid; 1: invalid.
    """
    from ..loading.project import check_project
    from ..validation.report import check_as_json, check_as_text

    result = check_project(path)
    render = check_as_json if output_format == "json" else check_as_text
    click.echo(render(result, lang))
    sys.exit(0 if result.ok else 1)


@click.command()
@PROJECT_ARGUMENT
@ROUND_OPTION
@LANG_OPTION
def summary(path: Path, round_number: int | None, lang: str) -> None:
    """Résume un projet : listes, statuts, nombre de réponses / summarise a project."""
    from ..errors import UsageError
    from ..validation.report import summary_as_text

    project = load_or_exit(path, lang)
    try:
        click.echo(summary_as_text(project, lang, round_number))
    except UsageError as error:
        raise click.UsageError(str(error)) from None


@click.command()
@click.argument(
    "name",
    type=click.Choice(
        ["questionnaire", "respondents", "response", "scoring", "rounds", "voter", "followup"]
    ),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Fichier à écrire (sinon la sortie standard) / file to write.",
)
@LANG_OPTION
def schema(name: str, output: Path | None, lang: str) -> None:
    """Affiche le JSON Schema d'un fichier de projet / print a project file's JSON Schema.

    Editors use it to check YAML as you type: put
    '# yaml-language-server: $schema=questionnaire.schema.json' on the first line.
    """
    import json

    from ..exporting.schemas import json_schema

    content = json.dumps(json_schema(name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    emit(content, output, lang)
