"""civicquest-tabular: CSV and XLSX exports of a civicquest project.

Registered through the ``civicquest`` entry point; every cell a respondent wrote is neutralised
against spreadsheet formulas (see :mod:`civicquest_tabular.cells`).
"""

from __future__ import annotations

from collections.abc import Iterator

from civicquest import hookimpl
from civicquest.plugins import Exporter

from .cells import neutralise, ooxml_unescape, restore
from .csv_format import CsvOptions, to_csv
from .xlsx_format import to_xlsx

__all__ = ["CsvOptions", "neutralise", "ooxml_unescape", "register_exporters", "restore"]


@hookimpl
def register_exporters() -> Iterator[Exporter]:
    yield Exporter(
        name="csv",
        description="Réponses en CSV, long ou large / answers as CSV, long or wide",
        export=to_csv,
        file_extensions=(".csv",),
        media_type="text/csv",
        options=CsvOptions,
    )
    yield Exporter(
        name="xlsx",
        aliases=("excel",),
        description="Classeur Excel, une feuille par thème / Excel workbook, a sheet per theme",
        export=to_xlsx,
        file_extensions=(".xlsx",),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
