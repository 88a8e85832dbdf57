"""``civicquest diff``: what changed between two versions of a questionnaire."""

from __future__ import annotations

from pathlib import Path

import click

from .options import FORMAT_TEXT_JSON, LANG_OPTION, load_or_exit

__all__ = ["diff"]


@click.command()
@click.argument("old", type=click.Path(exists=True, path_type=Path), metavar="A")
@click.argument("new", type=click.Path(exists=True, path_type=Path), metavar="B")
@FORMAT_TEXT_JSON
@LANG_OPTION
def diff(old: Path, new: Path, output_format: str, lang: str) -> None:
    """Compare deux versions d'un questionnaire / compare two versions of a questionnaire.

    A and B are questionnaire files or project folders. Lists the questions, themes, scales and
    options added, removed, reworded (per language) or changed, and the version bump the changes
    need: major (an older response may no longer fit), minor (something new to answer) or
    patch (wording). Warns when B's version declares a smaller bump. Exit code 0.
    """
    from ..analysis.diff import diff_questionnaires
    from ..analysis.diff_report import diff_as_json, diff_as_text

    result = diff_questionnaires(
        load_or_exit(old, lang).questionnaire, load_or_exit(new, lang).questionnaire
    )
    text = diff_as_json(result) if output_format == "json" else diff_as_text(result, lang)
    click.echo(text, nl=False)
