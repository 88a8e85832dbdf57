"""The import command: bring a list's answers in from a filled form or a survey tool's export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .options import LANG_OPTION, load_or_exit, output_failure, usage_message

if TYPE_CHECKING:
    from ..importing.plan import ImportPlan
    from ..plugins import Rejected

__all__ = ["import_answers"]


@click.command("import")
@click.argument(
    "project", type=click.Path(exists=True, file_okay=False, path_type=Path), metavar="DOSSIER"
)
@click.argument(
    "file", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="FICHIER"
)
@click.option(
    "-f",
    "--format",
    "format_name",
    metavar="FORMAT",
    help="Format du fichier : xlsx-form, xlsform, surveyjs, spreadsheet… (civicquest formats) "
    "/ the file's format; guessed from its extension if left out.",
)
@click.option(
    "--mapping",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Fichier de correspondance (colonnes → questions) / mapping file, for formats "
    "that need one (spreadsheet).",
)
@click.option(
    "--option",
    "option_pairs",
    multiple=True,
    metavar="CLÉ=VALEUR",
    help="Option du format, répétable / a format option, repeatable.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Montrer ce qui changerait sans rien écrire / show what would change, write nothing.",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Remplacer les réponses déjà enregistrées qui diffèrent / replace recorded answers "
    "that differ.",
)
@click.option(
    "--rejects",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Rapport des valeurs non placées, .csv ou .json (jamais un fichier du projet) / "
    "report of the values not placed, .csv or .json (never a project file).",
)
@LANG_OPTION
def import_answers(
    project: Path,
    file: Path,
    format_name: str | None,
    mapping: Path | None,
    option_pairs: tuple[str, ...],
    dry_run: bool,
    replace: bool,
    rejects: Path | None,
    lang: str,
) -> None:
    """Importe les réponses des listes / import the lists' answers.

    Chaque réponse est vérifiée comme un fichier de réponse ; une réponse déjà enregistrée
    n'est remplacée qu'avec --replace ; tout ce qui n'est pas placé va dans le rapport
    (--rejects, sinon la sortie d'erreur). Each response is checked like a response file; a
    recorded answer is replaced only with --replace; whatever is not placed goes to the
    report (--rejects, else standard error).

    Codes de sortie / exit codes: 0 tout placé / all placed; 1 des valeurs refusées (les
    autres sont écrites, sauf --dry-run) / values rejected (the others are written unless
    --dry-run); 2 erreur d'usage / usage error.

    Exemple / example:  civicquest import aix2026 reponses.xlsx --format xlsx-form --dry-run
    """
    from ..errors import BrokenProviderError, CivicquestError, UsageError
    from ..importing.plan import plan_import
    from ..importing.run import MAPPING_OPTION, find_importer, run_importer

    if rejects is not None:
        _check_rejects(rejects, project, lang)
    try:
        importer = find_importer(format_name, file.name)
        options: dict[str, object] = dict(_pairs(option_pairs))
        if mapping is not None:
            options[MAPPING_OPTION] = str(mapping)
        loaded = load_or_exit(project, lang)
        result = run_importer(loaded, importer, _read(file), file.name, options)
    except BrokenProviderError as error:  # not the user's mistake: exit 1
        raise click.ClickException(usage_message(error, lang)) from None
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    except CivicquestError as error:
        raise click.ClickException(str(error)) from None
    plan = plan_import(loaded, result, replace=replace, lang=lang)
    click.echo(_plan_text(plan, lang, dry_run))
    if not dry_run:
        _write(project, plan, lang)
    _report(plan.rejected, plan.warnings, rejects, project, lang)
    sys.exit(0 if plan.all_placed else 1)


def _pairs(pairs: tuple[str, ...]) -> dict[str, str]:
    from ..errors import UsageError

    parsed: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"option {pair!r} should look like key=value")
        parsed[key.strip().replace("-", "_")] = value
    return parsed


def _read(file: Path) -> bytes:
    try:
        return file.read_bytes()
    except OSError as error:
        raise click.ClickException(f"{file}: {error.strerror or error}") from None


def _check_rejects(rejects: Path, project: Path, lang: str) -> None:
    from ..exporting.outputs import OutputError, check_file_output, project_paths

    try:
        check_file_output(rejects, project_paths(project))
    except OutputError as error:
        raise output_failure(error, lang) from None


def _plan_text(plan: ImportPlan, lang: str, dry_run: bool) -> str:
    from ..text.import_messages import plan_line

    lines = [
        plan_line(
            lang,
            respondent=item.respondent,
            new=len(item.new),
            changed=len(item.changed),
            unchanged=len(item.unchanged),
            conflicts=len(item.conflicts),
            fields=len(item.header_changed),
            dry_run=dry_run,
        )
        for item in plan.lists
    ]
    return "\n".join(lines) if lines else plan_line(lang, dry_run=dry_run)


def _write(project: Path, plan: ImportPlan, lang: str) -> None:
    from ..exporting.authoring import save_response
    from ..loading.project import check_project
    from ..validation.report import check_as_text

    for item in plan.lists:
        if item.writes:
            try:
                written = save_response(project, item.response)
            except OSError as error:
                raise click.ClickException(f"{project}: {error.strerror or error}") from None
            click.echo(f"{written} ← {item.respondent}", err=True)
    after = check_project(project)
    if after.project is None:  # never expected: every response was checked before writing
        click.echo(check_as_text(after, lang), err=True)
        sys.exit(1)


def _report(
    rejected: tuple[Rejected, ...],
    warnings: tuple[Rejected, ...],
    target: Path | None,
    project: Path,
    lang: str,
) -> None:
    from ..exporting.outputs import OutputError, project_paths, write_file_output
    from ..exporting.rejects import rejects_report
    from ..text.display import printable
    from ..text.labels import text

    colon = " :" if lang == "fr" else ":"
    for item in warnings:
        where = printable(item.source.where())
        click.echo(f"{where}: {text('warning', lang)}{colon} {printable(item.message)}", err=True)
    if target is not None:
        report = rejects_report(rejected, "json" if target.suffix.lower() == ".json" else "csv")
        try:
            write_file_output(target, report, project_paths(project))
        except OutputError as error:
            raise output_failure(error, lang) from None
        if rejected:
            click.echo(f"{target} ← {len(rejected)}", err=True)
        return
    for item in rejected:
        suggestion = f" → {printable(item.suggestion)}" if item.suggestion else ""
        click.echo(
            f"{printable(item.source.where())}: {item.code}: « {printable(item.value)} » "
            f"{printable(item.message)}{suggestion} — {printable(item.hint)}",
            err=True,
        )
