"""civicquest-report: the results as a static, bilingual website.

``civicquest report PROJECT -o DIR`` and ``civicquest export PROJECT -f report -o DIR`` write the
same folder: the ``report`` exporter (``needs="results"``, ``writes="folder"``) receives the score
report and returns the site's files; the core writes them atomically, with its marker, and
refuses to replace a folder it did not write.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from civicquest import hookimpl
from civicquest.models import ScoreReport
from civicquest.plugins import Exporter, ExportInput, UsageError

from .build import build_site

if TYPE_CHECKING:
    import click

__all__ = ["build_site", "register_commands", "register_exporters", "to_report"]


def to_report(data: ExportInput) -> dict[str, bytes]:
    """The exporter: the site's files, by path relative to the output folder."""
    if not isinstance(data.results, ScoreReport):
        raise UsageError("the 'report' format shows a score report: export it with civicquest")
    return build_site(data.project, data.results, data.withheld)


@hookimpl
def register_exporters() -> Iterator[Exporter]:
    yield Exporter(
        name="report",
        description="Site web des résultats, français et anglais / results website, French "
        "and English",
        export=to_report,
        media_type="text/html",
        needs="results",
        writes="folder",
    )


@hookimpl
def register_commands(cli: click.Group) -> None:
    from .command import report

    cli.add_command(report)
