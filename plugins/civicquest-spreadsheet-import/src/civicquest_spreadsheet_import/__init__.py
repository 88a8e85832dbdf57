"""civicquest-spreadsheet-import: answers from any CSV or XLSX, read with a mapping file.

Google Forms, LimeSurvey, Framaforms or a coalition's own spreadsheet: the mapping file says
which row is the header, which column names the list, which column answers which question and
which columns are left out on purpose. Every cell is placed in a response or rejected, located.
"""

from __future__ import annotations

from collections.abc import Iterator

from civicquest.plugins import Importer, hookimpl

from .importer import SpreadsheetOptions, import_table, load_spreadsheet
from .mapping import Mapping, load_mapping
from .reading_values import decode_bytes, label_key, parse_date, parse_number

__all__ = [
    "Mapping",
    "SpreadsheetOptions",
    "decode_bytes",
    "import_table",
    "label_key",
    "load_mapping",
    "load_spreadsheet",
    "parse_date",
    "parse_number",
    "register_importers",
]


@hookimpl
def register_importers() -> Iterator[Importer]:
    yield Importer(
        name="spreadsheet",
        aliases=("csv-mapping",),
        description=(
            "CSV ou XLSX quelconque, lu avec un fichier de correspondance / any CSV or XLSX, "
            "read with a mapping file (--mapping)"
        ),
        load=load_spreadsheet,
        file_extensions=(".csv", ".tsv", ".txt", ".xlsx", ".xlsm"),
        options=SpreadsheetOptions,
    )
