"""The ``xlsx-form`` importer: a filled form back into responses.

The hidden ``meta`` sheet says which questionnaire (id and version) the form asks and which
list each sheet belongs to; a form of another questionnaire, or of another major version, is
rejected whole. Each list's sheet gives one response (a sheet nobody typed in gives none).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from pydantic import BaseModel

from civicquest.models import Project
from civicquest.plugins import ImportedResponse, ImportResult, Rejected, SourceRef

from .layout import FORMAT_ID
from .reading import SheetReading, read_sheet, respondent_by_name
from .rejects import reject
from .values import Cell

__all__ = ["load_form", "read_meta"]


def _major(version: str) -> str:
    return version.split(".", 1)[0]


def read_meta(workbook: Any) -> tuple[dict[str, str], dict[str, str]]:
    """The meta sheet's key / value rows, and its sheet title → list id table."""
    if "meta" not in workbook.sheetnames:
        return {}, {}
    values: dict[str, str] = {}
    forms: dict[str, str] = {}
    in_table = False
    for key, value in workbook["meta"].iter_rows(max_col=2, values_only=True):
        key, value = str(key or ""), str(value or "")
        if key == "sheet" and value == "respondent":
            in_table = True
        elif in_table and key:
            forms[key] = value
        elif key:
            values[key] = value
    return values, forms


def load_form(project: Project, content: bytes, options: BaseModel, file_name: str) -> ImportResult:
    from openpyxl import load_workbook

    whole = SourceRef(file=file_name)
    try:
        workbook = load_workbook(io.BytesIO(content))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        return ImportResult(rejected=(reject("unreadable_file", whole, str(error)),))
    meta, forms = read_meta(workbook)
    problem = _check_meta(project, meta, SourceRef(file=file_name, sheet="meta"))
    if problem is not None:
        return ImportResult(rejected=(problem,))
    responses: list[ImportedResponse] = []
    rejected: list[Rejected] = []
    ignored = {"meta", "choix", meta.get("cover", "")}
    for sheet in workbook.worksheets:
        if sheet.title in forms:
            response, problems = _response(project, sheet, forms[sheet.title], meta, file_name)
            responses += [response] if response is not None else []
            rejected += problems
        elif sheet.title not in ignored and _has_values(sheet):
            source = SourceRef(file=file_name, sheet=sheet.title)
            rejected.append(reject("unknown_sheet", source, sheet.title))
    return ImportResult(responses=tuple(responses), rejected=tuple(rejected))


def _check_meta(project: Project, meta: dict[str, str], source: SourceRef) -> Rejected | None:
    questionnaire = project.questionnaire
    if meta.get("format") != FORMAT_ID:
        return reject("not_a_form", source, meta.get("format", ""))
    if meta.get("questionnaire_id") != questionnaire.id:
        found = meta.get("questionnaire_id", "")
        return reject("questionnaire_mismatch", source, found, expected=questionnaire.id)
    version = meta.get("questionnaire_version", "")
    if _major(version) != _major(questionnaire.version):
        return reject(
            "questionnaire_version_incompatible", source, version, expected=questionnaire.version
        )
    return None


def _has_values(sheet: Any) -> bool:
    return any(v is not None for row in sheet.iter_rows(values_only=True) for v in row)


def _response(
    project: Project, sheet: Any, respondent: str, meta: dict[str, str], file_name: str
) -> tuple[ImportedResponse | None, list[Rejected]]:
    reading = read_sheet(project, sheet, file_name)
    if not reading.typed:
        return None, reading.rejected
    source = SourceRef(file=file_name, sheet=sheet.title)
    if not respondent:
        typed = str(reading.header.get("#respondent", ""))
        respondent = respondent_by_name(project, typed) or ""
        if not respondent:
            where = _header_source(sheet, file_name, "#respondent") or source
            return None, [*reading.rejected, reject("unknown_respondent", where, typed)]
    return ImportedResponse(
        data=_data(project, respondent, meta, reading),
        source=source,
        answer_sources=dict(reading.sources),
    ), reading.rejected


def _data(
    project: Project, respondent: str, meta: dict[str, str], reading: SheetReading
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "respondent": respondent,
        # the form's version is compatible (same major): the answers are checked against,
        # and stored for, the project's version
        "questionnaire": {"id": project.questionnaire.id, "version": project.questionnaire.version},
        "round": int(meta.get("round", "1") or 1),
        "channel": "form",
        "consent_to_publish": reading.header.get("#consent") is True,
        "answers": reading.answers,
    }
    if reading.header.get("#received") is not None:
        data["received"] = reading.header["#received"]
    if reading.header.get("#comment") is not None:
        data["comment"] = reading.header["#comment"]
    return data


def _header_source(sheet: Any, file_name: str, key: str) -> SourceRef | None:
    for row in sheet.iter_rows(max_col=5):
        if row[0].value == key:
            return Cell(row[4], file_name, sheet.title).source
    return None
