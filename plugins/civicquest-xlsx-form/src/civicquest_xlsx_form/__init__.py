"""civicquest-xlsx-form: the fill-in XLSX form a coalition sends to the lists, and its importer.

``civicquest export PROJECT --format xlsx-form`` writes the form (a sheet per list, drop-downs
of the scale's labels, comments and sources, consent, protected structure);
the ``xlsx-form`` importer reads a filled form back into responses.
"""

from __future__ import annotations

from collections.abc import Iterator

from civicquest.plugins import Exporter, Importer, hookimpl

from .form_export import FormOptions, to_form
from .form_import import load_form

__all__ = [
    "FormOptions",
    "load_form",
    "register_exporters",
    "register_importers",
    "to_form",
]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@hookimpl
def register_exporters() -> Iterator[Exporter]:
    yield Exporter(
        name="xlsx-form",
        description="Formulaire à remplir, une feuille par liste / fill-in form, a sheet per list",
        export=to_form,
        file_extensions=(".xlsx",),
        media_type=MEDIA_TYPE,
        needs="questionnaire",
        options=FormOptions,
    )


@hookimpl
def register_importers() -> Iterator[Importer]:
    yield Importer(
        name="xlsx-form",
        description="Formulaire Excel rempli par une liste / a filled-in Excel form",
        load=load_form,
        file_extensions=(".xlsx",),
    )
