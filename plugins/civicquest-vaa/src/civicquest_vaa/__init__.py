"""civicquest-vaa: the theses and the lists' positions for voting advice applications.

- ``mat-o-wahl``: the questions and answers CSV files of Mat-O-Wahl (an open Wahl-O-Mat clone)
  and the lines of its ``definition.js`` (a folder);
- ``open-election-compass``: the JSON configuration of OpenElectionCompass, in every language of
  the questionnaire.

Which questions become theses, how answers map to agree / neutral / disagree, and what happens to
missing answers: ``docs/plugins/vaa.md``.
"""

from __future__ import annotations

from collections.abc import Iterator

from civicquest import hookimpl
from civicquest.plugins import Exporter

from .matowahl import MatOWahlOptions, to_mat_o_wahl
from .oec import OecOptions, to_open_election_compass

__all__ = [
    "MatOWahlOptions",
    "OecOptions",
    "register_exporters",
    "to_mat_o_wahl",
    "to_open_election_compass",
]


@hookimpl
def register_exporters() -> Iterator[Exporter]:
    yield Exporter(
        name="mat-o-wahl",
        description="Fichiers de Mat-O-Wahl (thèses, positions des listes) / Mat-O-Wahl's files "
        "(theses, the lists' positions)",
        export=to_mat_o_wahl,
        writes="folder",
        media_type="text/csv",
        options=MatOWahlOptions,
    )
    yield Exporter(
        name="open-election-compass",
        description="Configuration d'OpenElectionCompass / OpenElectionCompass configuration",
        export=to_open_election_compass,
        file_extensions=(".oec.json",),
        media_type="application/json",
        options=OecOptions,
    )
