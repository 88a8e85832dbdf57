"""Options and arguments shared by several commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..exporting.outputs import OutputError
    from ..models import Project

__all__ = [
    "FORMAT_TEXT_JSON",
    "LANG_OPTION",
    "PROJECT_ARGUMENT",
    "ROUND_OPTION",
    "emit",
    "load_or_exit",
    "output_failure",
    "usage_message",
    "warn_if_language_not_published",
]

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
ROUND_OPTION = click.option(
    "--round",
    "round_number",
    type=click.IntRange(min=1),
    help="Le projet tel qu'il est à ce tour (rounds.yaml) / the project in this round.",
)
FORMAT_TEXT_JSON = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text pour les humains, json pour les outils / text for people, json for tools.",
)


def output_failure(error: OutputError, lang: str) -> click.ClickException:
    """A one-line CLI error for a refused (exit 2) or failed (exit 1) output."""
    if error.refused:
        return _RefusedOutput(error.message(lang))
    return click.ClickException(error.message(lang))


class _RefusedOutput(click.ClickException):
    exit_code = 2


def emit(content: str, output: Path | None, lang: str, project: Path | None = None) -> None:
    """Print ``content``, or write it to ``output`` (never onto one of ``project``'s files)."""
    if output is None:
        click.echo(content, nl=False)
        return
    from ..exporting.outputs import OutputError, project_paths, write_file_output

    protected = project_paths(project) if project is not None else None
    try:
        write_file_output(output, content.encode("utf-8"), protected)
    except OutputError as error:
        raise output_failure(error, lang) from None


def load_or_exit(path: Path, lang: str) -> Project:
    """The checked project at ``path``; or print every issue on standard error and exit 1."""
    from ..loading.project import check_project
    from ..validation.report import check_as_text

    result = check_project(path)
    if result.project is None:
        click.echo(check_as_text(result, lang), err=True)
        sys.exit(1)
    return result.project


def warn_if_language_not_published(project: Project, lang: str) -> None:
    """Say once, on standard error, that ``lang`` is not a language of the questionnaire."""
    from ..text.labels import text

    questionnaire = project.questionnaire
    if lang in questionnaire.languages:
        return
    message = text(
        "language_not_published",
        lang,
        asked=lang,
        languages=", ".join(questionnaire.languages),
        default=questionnaire.default_language,
    )
    click.echo(text("warning_line", lang, message=message), err=True)


def usage_message(error: Exception, lang: str) -> str:
    """A usage error's text, in ``lang`` when it is one of ours to translate."""
    from ..errors import BrokenProviderError
    from ..text.catalog import pgettext
    from ..text.label_texts import PLUGIN_KINDS
    from ..text.labels import text

    if not isinstance(error, BrokenProviderError):
        return str(error)
    kind = pgettext("plugin-kind", PLUGIN_KINDS.get(error.kind, error.kind), lang)
    plugins = ", ".join(f"'{plugin}'" for plugin in error.plugins)
    return text("provider_failed", lang, kind=kind, name=error.name, plugins=plugins)
