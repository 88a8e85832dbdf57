"""civicquest-xlsform: the questionnaire as an XLSForm for KoboToolbox, ODK and Ona, and an
importer of the answers those tools export (CSV with ``;`` or ``,``, or XLSX).

Registered through the ``civicquest`` entry point: exporter ``xlsform``, importer ``kobo``.
"""

from __future__ import annotations

from collections.abc import Iterator

from civicquest import hookimpl
from civicquest.plugins import Exporter, Importer

from .form import XlsFormOptions, build_form, escape_label
from .kobo import KoboOptions, load_kobo
from .workbook import to_xlsform

__all__ = [
    "KoboOptions",
    "XlsFormOptions",
    "build_form",
    "escape_label",
    "load_kobo",
    "register_exporters",
    "register_importers",
]

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@hookimpl
def register_exporters() -> Iterator[Exporter]:
    yield Exporter(
        name="xlsform",
        description="XLSForm pour KoboToolbox, ODK et Ona / XLSForm for KoboToolbox, ODK and Ona",
        export=to_xlsform,
        file_extensions=(".xlsx",),
        media_type=XLSX_TYPE,
        needs="questionnaire",
        options=XlsFormOptions,
    )


@hookimpl
def register_importers() -> Iterator[Importer]:
    yield Importer(
        name="kobo",
        aliases=("odk", "ona"),
        description="Export KoboToolbox, ODK Central ou Ona (CSV ou XLSX) / "
        "KoboToolbox, ODK Central or Ona export (CSV or XLSX)",
        load=load_kobo,
        file_extensions=(".csv", ".xlsx"),
        options=KoboOptions,
    )
