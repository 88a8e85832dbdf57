"""The export command: any installed format, options as key=value, written atomically."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    pass

from .options import (
    LANG_OPTION,
    PROJECT_ARGUMENT,
    load_or_exit,
    output_failure,
    usage_message,
    warn_if_language_not_published,
)

__all__ = ["export"]


@click.command()
@PROJECT_ARGUMENT
@click.option(
    "-f",
    "--format",
    "format_name",
    metavar="FORMAT",
    help="Format : json, yaml, jsonschema, csv, xlsx, markdown, frictionless, score-csv… "
    "(civicquest formats) / format name; guessed from -o's extension if left out.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Fichier ou dossier à écrire (sinon la sortie standard) / file or folder to write.",
)
@click.option(
    "--option",
    "option_pairs",
    multiple=True,
    metavar="CLÉ=VALEUR",
    help="Option du format, répétable / a format option, repeatable: --option variant=wide.",
)
@click.option(
    "--include-contact",
    is_flag=True,
    help="Exporter aussi les contacts privés / also export private contacts.",
)
@click.option(
    "--include-unpublished",
    is_flag=True,
    help="Exporter aussi les réponses sans accord de publication / also export answers whose "
    "list did not consent to publication.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Remplacer un dossier -o qui n'a pas été écrit par civicquest (jamais le projet) / "
    "replace an -o folder civicquest did not write (never the project).",
)
@LANG_OPTION
def export(
    path: Path,
    format_name: str | None,
    output: Path | None,
    option_pairs: tuple[str, ...],
    include_contact: bool,
    include_unpublished: bool,
    force: bool,
    lang: str,
) -> None:
    """Exporte un projet dans un format / export a project to a format.

    Par défaut, ni les contacts privés ni les réponses des listes qui n'ont pas accepté la
    publication ne sont exportés. By default, private contacts and the answers of lists that
    did not consent to publication are left out (their status is still exported).

    Un dossier -o n'est remplacé que s'il est vide ou écrit par civicquest pour ce format.
    An -o folder is replaced only if it is empty or civicquest wrote it for this format.

    Exemple / example:  civicquest export examples/aix2026 --format xlsx -o aix.xlsx
    """
    from ..errors import BrokenProviderError, CivicquestError, UsageError
    from ..exporting.pipeline import export as run_export
    from ..exporting.pipeline import find_exporter, parse_option_pairs, write_output

    name = format_name or (output.name.partition(".")[2] if output else "")
    if not name:
        raise click.UsageError("choisissez un format / choose a format: --format NAME")
    try:
        exporter = find_exporter(name)
        options = parse_option_pairs(option_pairs)
    except BrokenProviderError as error:  # not the user's mistake: exit 1
        raise click.ClickException(usage_message(error, lang)) from None
    except UsageError as error:
        raise click.BadParameter(str(error), param_hint="--format/--option") from None
    except CivicquestError as error:
        raise click.ClickException(str(error)) from None
    if exporter.writes == "folder" and output is None:
        raise click.UsageError(
            f"le format {exporter.name} écrit un dossier : indiquez -o DOSSIER / "
            f"the {exporter.name} format writes a folder: give -o FOLDER"
        )
    if output is not None:
        _check_output(output, exporter.writes, exporter.name, path, force, lang)
    project = load_or_exit(path, lang)
    warn_if_language_not_published(project, lang)
    try:
        results = None
        if exporter.needs == "results":  # the project's scores: see exporting/results.py
            from ..exporting.results import score_for_export

            results, options = score_for_export(
                project, exporter, options, include_unpublished=include_unpublished
            )
        with _export_warnings_shown(lang):
            result = run_export(
                project,
                exporter.name,
                options,
                lang=lang,
                include_contact=include_contact,
                include_unpublished=include_unpublished,
                results=results,
            )
    except UsageError as error:
        raise click.BadParameter(str(error), param_hint="--option") from None
    except CivicquestError as error:
        raise click.ClickException(str(error)) from None
    if output is None:
        assert isinstance(result, bytes)
        sys.stdout.buffer.write(result)
        sys.stdout.buffer.flush()
        return
    from ..exporting.outputs import OutputError, project_paths

    try:
        write_output(result, output, exporter.name, project_paths(path), force=force)
    except OutputError as error:
        raise output_failure(error, lang) from None
    click.echo(f"{output} ← {exporter.name}", err=True)


@contextmanager
def _export_warnings_shown(lang: str) -> Iterator[None]:
    """Print each :class:`ExportWarning` an exporter gives on stderr; the export goes on."""
    from ..errors import ExportWarning
    from ..text.labels import text

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ExportWarning)
        yield
    for warning in caught:
        if issubclass(warning.category, ExportWarning):
            click.echo(text("warning_line", lang, message=warning.message), err=True)
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )


def _check_output(
    output: Path, writes: str, format_name: str, project: Path, force: bool, lang: str
) -> None:
    """Refuse a forbidden -o before the export runs (it is checked again when writing)."""
    from ..exporting.outputs import (
        OutputError,
        check_file_output,
        check_folder_output,
        project_paths,
    )

    protected = project_paths(project)
    try:
        if writes == "folder":
            check_folder_output(output, format_name, protected, force=force)
        else:
            check_file_output(output, protected)
    except OutputError as error:
        raise output_failure(error, lang) from None
