"""The ``match`` command: a voter's agreement with each list."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .options import LANG_OPTION, PROJECT_ARGUMENT

__all__ = ["load_voter", "match"]

METHODS = ("wahl-o-mat", "city-block", "euclidean", "directional")


@click.command()
@PROJECT_ARGUMENT
@click.option(
    "--answers",
    "answers_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Réponses de l'électeur, au format d'un fichier de réponse (+ important: true, "
    "skip: true) / the voter's answers, in a response file's format.",
)
@click.option(
    "-m", "--method", type=click.Choice(METHODS), default="wahl-o-mat", show_default=True,
    help="Méthode de calcul / matching method.",
)  # fmt: skip
@click.option(
    "--missing", type=click.Choice(["max", "neutral"]), default="max", show_default=True,
    help="Réponse manquante d'une liste : distance maximale ou neutre / a list's missing "
    "answer: maximal distance or neutral.",
)  # fmt: skip
@click.option(
    "--format", "output_format", type=click.Choice(["table", "json"]), default="table",
    show_default=True, help="table pour lire, json pour les outils / for people or tools.",
)  # fmt: skip
@LANG_OPTION
def match(
    path: Path, answers_file: Path, method: str, missing: str, output_format: str, lang: str
) -> None:
    """Accord d'un électeur avec chaque liste / a voter's agreement with each list.

    Exemple / example:
    civicquest match examples/aix2026 --answers examples/aix2026/voter.yaml
    """
    from ..errors import UsageError
    from ..loading import check_project
    from ..matching import match_voter
    from ..reporting import check_as_text

    result = check_project(path)
    if result.project is None:
        click.echo(check_as_text(result, lang), err=True)
        sys.exit(1)
    voter = load_voter(answers_file, lang, result.project.questionnaire)
    try:
        report = match_voter(result.project, voter, method, missing)  # type: ignore[arg-type]
    except UsageError as error:
        from ..display import printable

        click.echo(f"{printable(str(answers_file))}: {error}", err=True)
        sys.exit(1)
    if output_format == "json":
        click.echo(report.model_dump_json(indent=2))
        return
    from ..scoring.render import match_table

    themes = tuple(theme.id for theme in result.project.questionnaire.themes)
    click.echo(match_table(report, themes, lang))


def load_voter(path: Path, lang: str, questionnaire: Any) -> Any:
    """Read and check a voter file; on a mistake, print located issues and exit 1."""
    from pydantic import ValidationError

    from ..checks.scoring import check_voter
    from ..issues import located
    from ..models.voter import VoterAnswers
    from ..schema_errors import issues_from_validation_error
    from ..sources import SourceError, read_document

    try:
        doc = read_document(path)
    except SourceError as error:
        _fail([located(error.code, None, file=path, position=error.position, **error.params)], lang)
    if not isinstance(doc.data, dict):
        _fail([located("not_a_mapping", doc, ())], lang)
    try:
        voter = VoterAnswers.model_validate(doc.data)
    except ValidationError as error:
        _fail(issues_from_validation_error(error, doc), lang)
    issues = check_voter(voter, doc, questionnaire)
    if issues:
        _fail(issues, lang)
    return voter


def _fail(issues: list[Any], lang: str) -> Any:
    from ..reporting import issue_as_text

    for issue in issues:
        click.echo(issue_as_text(issue, lang), err=True)
    sys.exit(1)
