"""``civicquest followup``: where each commitment of the elected lists stands."""

from __future__ import annotations

from pathlib import Path

import click

from .options import LANG_OPTION, PROJECT_ARGUMENT, emit, load_or_exit

__all__ = ["followup"]


@click.command()
@PROJECT_ARGUMENT
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "csv", "json"]),
    default="text",
    show_default=True,
    help="text pour lire, csv ou json pour les outils / for people, or for tools.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Fichier à écrire (sinon la sortie standard) / file to write.",
)
@LANG_OPTION
def followup(path: Path, output_format: str, output: Path | None, lang: str) -> None:
    """Suivi des engagements des élus / follow-up of the elected lists' commitments.

    Pour chaque liste qui a un fichier followup/<liste>.yaml, chaque engagement pris et son
    état : décidé, en cours, intention seulement, abandonné, ou pas encore suivi / for each
    list with a follow-up file, each commitment and its latest state.

    Exemple / example:  civicquest followup examples/aix2026
    """
    from ..analysis.followup import followup_as_csv, followup_as_text, followup_report

    report = followup_report(load_or_exit(path, lang))
    if output_format == "json":
        content = report.model_dump_json(indent=2) + "\n"
    elif output_format == "csv":
        content = followup_as_csv(report)
    else:
        content = followup_as_text(report, lang)
    emit(content, output, lang, project=path)
