"""The open data of the site: the installed exporters write their files into ``data/``.

Each export goes through :func:`civicquest.export` (the public API, with the publication rules);
an exporter that is not installed, or that fails, is left out and the data page says so instead
of the build failing. The header row of each CSV is read back so that the page lists its columns.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import civicquest
from civicquest.plugins import CivicquestError

from .site import Site

__all__ = ["DATA_EXPORTS", "DataFile", "add_data_export", "add_open_data"]


@dataclass(frozen=True, slots=True)
class DataFile:
    """One open-data export: where it is in the site, and whether it could be written."""

    key: str  # what it is, said in words by the data page
    format: str  # the exporter's name
    path: str  # from the site's root: a file, or the folder's main file
    available: bool
    columns: tuple[str, ...] = ()
    files: tuple[str, ...] = ()  # every file it wrote (a folder export writes several)


#: (key, exporter name, path in the site, exporter options, needs the score report)
DATA_EXPORTS: tuple[tuple[str, str, str, dict[str, object], bool], ...] = (
    ("answers_csv", "csv", "data/reponses.csv", {}, False),
    ("answers_wide_csv", "csv", "data/reponses-par-liste.csv", {"variant": "wide"}, False),
    ("answers_xlsx", "xlsx", "data/reponses.xlsx", {}, False),
    ("datapackage", "frictionless", "data/datapackage/datapackage.json", {}, False),
    ("project_json", "json", "data/projet.json", {}, False),
    ("scores_csv", "score-csv", "data/scores.csv", {}, True),
    ("scores_json", "score-json", "data/scores.json", {}, True),
)


def add_open_data(site: Site, withheld: frozenset[str]) -> None:
    """Export every format of :data:`DATA_EXPORTS` into the site; record them in
    ``site.data_files`` for the data page."""
    # The project given to the report already had the publication rules applied: export it as
    # it is (contacts were removed unless asked for; the withheld lists are withheld again).
    for key, name, path, options, needs_results in DATA_EXPORTS:
        results = site.report if needs_results else None
        add_data_export(site, withheld, (key, name, path), options, results)


def add_data_export(
    site: Site,
    withheld: frozenset[str],
    export: tuple[str, str, str],
    options: dict[str, object] | None = None,
    results: object = None,
) -> None:
    """Write one export (``(key, exporter name, path in the site)``) into the site, or record
    that it could not be written; ``results`` for the exporters that show results."""
    key, name, path = export
    try:
        output = civicquest.export(
            site.project,
            name,
            options,
            include_contact=True,
            include_unpublished=not withheld,
            results=results,
        )
    except CivicquestError:
        site.data_files.append(DataFile(key, name, path, available=False))
        return
    site.data_files.append(_added(site, key, name, path, output))


def _added(site: Site, key: str, name: str, path: str, output: object) -> DataFile:
    if isinstance(output, bytes):
        site.add_file(path, output)
        return DataFile(key, name, path, True, _csv_columns(path, output), (path,))
    assert isinstance(output, dict)
    folder = path.rpartition("/")[0]
    written = []
    for relative, content in output.items():
        site.add_file(f"{folder}/{relative}", content)
        written.append(f"{folder}/{relative}")
    return DataFile(key, name, path, True, (), tuple(written))


def _csv_columns(path: str, content: bytes) -> tuple[str, ...]:
    if not path.endswith(".csv"):
        return ()
    first = content.decode("utf-8-sig").splitlines()[:1]
    return tuple(next(csv.reader(io.StringIO(first[0])), [])) if first else ()
