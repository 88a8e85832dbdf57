"""The XLSForm as an XLSX workbook: ``survey``, ``choices`` and ``settings`` sheets.

Every cell is typed as text, so a wording starting with ``=`` stays a wording and is never run as
a formula (by Excel, LibreOffice or pyxform's reader). The bytes are deterministic: fixed
timestamps in the zip and in the document properties.
"""

from __future__ import annotations

import io
from datetime import datetime

from civicquest.plugins import ExportInput, deterministic_ooxml

from .form import Row, XlsForm, XlsFormOptions, build_form

__all__ = ["to_xlsform", "workbook_bytes"]

FIXED_TIME = datetime(2000, 1, 1)
SURVEY_COLUMNS = (
    "type",
    "name",
    "label",
    "hint",
    "required",
    "relevant",
    "constraint",
    "constraint_message",
    "appearance",
    "calculation",
)


def to_xlsform(data: ExportInput) -> bytes:
    options = data.options if isinstance(data.options, XlsFormOptions) else XlsFormOptions()
    return workbook_bytes(build_form(data.project, options))


def workbook_bytes(form: XlsForm) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    _add_sheet(workbook, "survey", _columns(form.survey, SURVEY_COLUMNS), form.survey)
    _add_sheet(
        workbook, "choices", _columns(form.choices, ("list_name", "name", "label")), form.choices
    )
    _add_sheet(workbook, "settings", list(form.settings), [form.settings])
    workbook.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    return deterministic_ooxml(buffer.getvalue())


def _columns(rows: list[Row], order: tuple[str, ...]) -> list[str]:
    """The columns used by ``rows``, in ``order`` (a translated column after its base)."""
    used = {key for row in rows for key in row}
    return sorted(used, key=lambda key: (order.index(key.split("::")[0]), key.split("::")[1:]))


def _add_sheet(workbook: object, title: str, header: list[str], rows: list[Row]) -> None:
    sheet = workbook.create_sheet(title)  # type: ignore[attr-defined]
    for number, values in enumerate([header, *([row.get(k, "") for k in header] for row in rows)]):
        for column, value in enumerate(values, start=1):
            if value:
                cell = sheet.cell(row=number + 1, column=column)
                cell.value = value
                cell.data_type = "s"  # text, never a formula
    sheet.freeze_panes = "A2"
