"""The ``match`` command: a voter's agreement with each list, or a whole panel's."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .options import LANG_OPTION, PROJECT_ARGUMENT, emit, load_or_exit

__all__ = ["load_voter", "match"]

METHODS = ("wahl-o-mat", "city-block", "euclidean", "directional", "points")
PRESETS = ("wahl-o-mat", "oec-approve-partly-reject", "oec-hybrid", "svt")
_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command()
@PROJECT_ARGUMENT
@click.option(
    "--answers", "answers_file", type=_FILE,
    help="Réponses de l'électeur, au format d'un fichier de réponse (+ important: true, "
    "skip: true) / the voter's answers, in a response file's format.",
)  # fmt: skip
@click.option(
    "--voters", "voters_file", type=_FILE,
    help="Plusieurs électeurs : JSON Lines (un électeur par ligne, + id) ou CSV de codes "
    "(id puis une colonne par question, « code! » = important) ; écrit un CSV d'accords / "
    "many voters: JSON Lines or a CSV of codes; writes a CSV of agreements.",
)  # fmt: skip
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
    "--points", "points_preset", type=click.Choice(PRESETS), default=None,
    help="Table de points publiée (implique -m points) ; sans elle, -m points lit match_points "
    "dans scoring.yaml / a published points table (implies -m points); without it, -m points "
    "reads match_points in scoring.yaml.",
)  # fmt: skip
@click.option(
    "--empty-voter", type=click.Choice(["error", "zero"]), default="error", show_default=True,
    help="Électeur sans aucune réponse : erreur, ou 0 % partout / a voter with no answer: "
    "an error, or 0 % for every list.",
)  # fmt: skip
@click.option(
    "--format", "output_format", type=click.Choice(["table", "json"]), default=None,
    help="Avec --answers : table (défaut) pour lire, json pour les outils / with --answers: "
    "table (default) for people, json for tools.",
)  # fmt: skip
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
    help="Fichier à écrire (sinon la sortie standard) / file to write (else standard output).",
)  # fmt: skip
@click.option(
    "--commune", metavar="CODE",
    help="Commune de l'électeur (code INSEE), quand le questionnaire en a plusieurs (sinon "
    "« commune: » du fichier) / the voter's commune, when there are several.",
)  # fmt: skip
@click.option(
    "--themes", is_flag=True,
    help="Avec --voters : une colonne de plus par liste et thème / with --voters: also one "
    "column per list and theme.",
)  # fmt: skip
@click.option(
    "--decimals", type=click.IntRange(0, 6), default=1, show_default=True,
    help="Avec --voters : décimales des accords (arrondi au plus proche, moitié vers le haut) "
    "/ with --voters: decimal places (rounded half up).",
)  # fmt: skip
@LANG_OPTION
def match(path: Path, **options: Any) -> None:
    """Accord d'un électeur avec chaque liste / a voter's agreement with each list.

    \b
    Exemples / examples:
    civicquest match examples/aix2026 --answers examples/aix2026/voter.yaml
    civicquest match examples/aix2026 --voters panel.jsonl -o accords.csv
    """
    _check_usage(options)
    if options["points_preset"]:
        options["method"] = "points"
    project = load_or_exit(path, options["lang"])
    options["path"] = path
    if options["voters_file"] is not None:
        from .match_panel import match_panel

        match_panel(_voters_commune(project, options["commune"]), options)
    else:
        _match_one(project, options)


def _check_usage(options: dict[str, Any]) -> None:
    if (options["answers_file"] is None) == (options["voters_file"] is None):
        raise click.UsageError("donnez --answers FICHIER ou --voters FICHIER / give one of them")
    if options["voters_file"] is not None and options["output_format"] is not None:
        raise click.UsageError("--voters écrit un CSV : --format ne s'applique pas / "
                               "--voters writes CSV: --format does not apply")  # fmt: skip
    if options["answers_file"] is not None and options["themes"]:
        raise click.UsageError("--themes va avec --voters / --themes goes with --voters")


def _match_one(project: Any, options: dict[str, Any]) -> None:
    from ..errors import UsageError
    from ..matching import match_voter
    from ..matching.engine import EmptyVoterError

    answers_file, lang = options["answers_file"], options["lang"]
    voter = load_voter(answers_file, lang, project.questionnaire)
    project = _voters_commune(project, options["commune"] or voter.commune)
    try:
        report = match_voter(
            project, voter, options["method"], options["missing"],
            points=options["points_preset"], empty_voter=options["empty_voter"],
        )  # fmt: skip
    except EmptyVoterError:
        from ..text.display import printable
        from ..text.labels import text

        click.echo(f"{printable(str(answers_file))}: {text('empty_voter', lang)}", err=True)
        sys.exit(1)
    except UsageError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    from ..exporting.pipeline import export

    chosen = f"match-{options['output_format'] or 'table'}"
    content = export(project, chosen, results=report, lang=lang)
    assert isinstance(content, bytes)
    emit(content.decode("utf-8"), options["output"], lang, project=options["path"])


def _voters_commune(project: Any, commune: str | None) -> Any:
    """The lists and questions of the voter's commune; it must be said when there are several."""
    from .score import within_commune

    if commune is None and project.several_communes:
        raise click.UsageError(
            "le questionnaire a plusieurs communes : donnez --commune CODE (ou « commune: » "
            "dans le fichier de l'électeur) / the questionnaire has several communes: give "
            "--commune CODE (or 'commune:' in the voter's file)"
        )
    if commune is None:
        return project
    return within_commune(project, commune, asked_only=True)


def load_voter(path: Path, lang: str, questionnaire: Any) -> Any:
    """Read and check a voter file; on a mistake, print located issues and exit 1."""
    from ..loading.documents import SourceError, read_document
    from ..loading.voter_check import check_voter_data
    from ..validation.issues import located

    try:
        doc = read_document(path, streams=True)
    except SourceError as error:
        _fail([located(error.code, None, file=path, position=error.position, **error.params)], lang)
    checked = check_voter_data(doc.data, doc, questionnaire)
    if isinstance(checked, list):
        _fail(checked, lang)
    return checked


def _fail(issues: list[Any], lang: str) -> Any:
    from ..validation.report import issue_as_text

    for issue in issues:
        click.echo(issue_as_text(issue, lang), err=True)
    sys.exit(1)
