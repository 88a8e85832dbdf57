"""``match --voters``: stream a panel of voters into a CSV of agreements."""

from __future__ import annotations

import sys
from typing import Any

import click

__all__ = ["match_panel"]


def match_panel(project: Any, options: dict[str, Any]) -> None:
    """Match every voter of ``--voters``; rejected voters are reported and the exit code is 1."""
    from ..exporting.outputs import OutputError, project_paths
    from ..exporting.panel_csv import open_output, write_panel_csv
    from ..loading.voter_check import RejectedVoter, VoterEncoder
    from ..loading.voter_files import PanelFileError, read_voters
    from ..matching.panel import panel_for
    from ..text.labels import text, unscored_label
    from ..validation.report import issue_as_text
    from .options import output_failure

    lang = options["lang"]
    panel = panel_for(
        project, options["method"], options["missing"], points=options["points_preset"]
    )
    encoder = VoterEncoder(project.questionnaire, panel.questions)

    def report(rejected: RejectedVoter) -> None:
        for issue in rejected.issues:
            click.echo(issue_as_text(issue, lang), err=True)

    records = read_voters(options["voters_file"], encoder)
    try:
        first = next(records, None)  # reads the CSV header before any output is opened
    except PanelFileError as error:
        for issue in error.issues:
            click.echo(issue_as_text(issue, lang), err=True)
        sys.exit(1)
    everything = records if first is None else _chain(first, records)
    try:
        with open_output(options["output"], project_paths(options["path"])) as out:
            counts = write_panel_csv(
                panel, everything, out, report, decimals=options["decimals"],
                themes=options["themes"],
            )  # fmt: skip
    except OutputError as error:
        raise output_failure(error, lang) from None
    if panel.unmatched:
        lists = ", ".join(f"{left.respondent} ({unscored_label(left.reason, lang)})"
                          for left in panel.unmatched)  # fmt: skip
        click.echo(text("panel_unmatched", lang, lists=lists), err=True)
    if counts.rejected:
        summary = text("panel_summary", lang, matched=counts.matched, rejected=counts.rejected)
        click.echo(summary, err=True)
        sys.exit(1)


def _chain(first: Any, rest: Any) -> Any:
    yield first
    yield from rest
