"""The ``xlsx-form`` exporter: the fill-in workbook a coalition sends to the lists.

A cover sheet first (how to fill in, the coalition, the election, the deadline), then one sheet
per list (or one list's sheet with ``respondent=ID``), and two hidden sheets: ``choix`` (the
labels the drop-downs offer) and ``meta`` (what the importer needs: the questionnaire's id and
version, and which list each sheet belongs to; also as defined names). Sheets and workbook
structure are protected without a password: only the yellow cells can be typed in.
The bytes are the same on every run.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from pydantic import BaseModel, ConfigDict, Field

from civicquest.models import Project, Respondent
from civicquest.plugins import (
    NO_ANSWER_LABELS,
    ExportInput,
    UsageError,
    deterministic_ooxml,
    text_of,
)

from .cells import put_text
from .cover import write_cover
from .layout import CHOICES_SHEET, FORMAT_ID, FORMAT_VERSION, META_SHEET
from .sheets import ChoiceRanges, write_list_sheet

__all__ = ["SKIPPED_STATUSES", "FormOptions", "sheet_title", "to_form"]

FIXED_TIME = dt.datetime(2000, 1, 1)
#: Lists that get no form by default: they left the race or were not asked.
SKIPPED_STATUSES = frozenset({"withdrawn", "merged", "not_solicited"})


class FormOptions(BaseModel):
    """Options of the ``xlsx-form`` format."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    respondent: str | None = Field(
        default=None, description="one list's id: its own form only (default: every list)"
    )
    deadline: dt.date | None = Field(default=None, description="reply by this date (cover)")
    round: int = Field(default=1, ge=1, le=2, description="the election round asked about")


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique sheet title (at most 31 characters, none of ``[]:*?/\\``)."""
    base = re.sub(r"[\[\]:*?/\\]", "_", text).strip("' ")[:31] or "liste"
    title, number = base, 2
    while title.lower() in taken:
        suffix = f" ({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(title.lower())
    return title


def _lists(project: Project, options: FormOptions) -> list[Respondent | None]:
    if options.respondent is None:
        chosen = [r for r in project.respondents if r.status not in SKIPPED_STATUSES]
        return list(chosen) or [None]
    found = project.respondents_by_id.get(options.respondent)
    if found is None:
        known = ", ".join(project.respondents_by_id) or "-"
        raise UsageError(
            f"liste inconnue « {options.respondent} » (listes : {known}) / "
            f"unknown list {options.respondent!r} (lists: {known}); "
            "use --option respondent=ID with an id of respondents.yaml"
        )
    return [found]


def to_form(data: ExportInput) -> bytes:
    options = data.options
    assert isinstance(options, FormOptions)
    lang = "en" if data.lang == "en" else "fr"
    project, workbook = data.project, Workbook()
    lists = _lists(project, options)
    cover = workbook.active
    assert cover is not None
    taken: set[str] = set()
    write_cover(cover, project, lang, options.deadline, len(lists), taken)
    ranges = _choices_sheet(workbook, project, lang, taken)
    forms: list[tuple[str, str]] = []
    for respondent in lists:
        title = sheet_title(respondent.name if respondent else "Formulaire", taken)
        write_list_sheet(workbook.create_sheet(title), project, respondent, lang, ranges)
        forms.append((title, respondent.id if respondent else ""))
    workbook.move_sheet(workbook[CHOICES_SHEET], offset=len(lists))
    _meta_sheet(workbook, project, lang, options, forms, taken)
    workbook.security = WorkbookProtection(lockStructure=True)
    workbook.active = 1 if options.respondent else 0
    workbook.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    return deterministic_ooxml(buffer.getvalue())


def _choices_sheet(workbook: Any, project: Project, lang: str, taken: set[str]) -> ChoiceRanges:
    """The labels each drop-down offers, a column per scale; column A: no-answer reasons."""
    sheet = workbook.create_sheet(sheet_title(CHOICES_SHEET, taken))
    columns = [("#no_answer", [labels[lang] for labels in NO_ANSWER_LABELS.values()])]
    columns += [
        (s.id, [text_of(project, o.label, lang) for o in s.options])
        for s in project.questionnaire.scales
    ]
    ranges: ChoiceRanges = {}
    for index, (key, labels) in enumerate(columns, start=1):
        put_text(sheet.cell(row=1, column=index), key)
        for row, label in enumerate(labels, start=2):
            put_text(sheet.cell(row=row, column=index), label)
        letter = sheet.cell(row=1, column=index).column_letter
        ranges[key] = f"{sheet.title}!${letter}$2:${letter}${len(labels) + 1}"
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
    return ranges


def _meta_sheet(
    workbook: Any,
    project: Project,
    lang: str,
    options: FormOptions,
    forms: list[tuple[str, str]],
    taken: set[str],
) -> None:
    """What the importer reads: key / value rows, then the sheet → list table."""
    sheet = workbook.create_sheet(sheet_title(META_SHEET, taken))
    rows = [
        ("format", FORMAT_ID),
        ("format_version", FORMAT_VERSION),
        ("questionnaire_id", project.questionnaire.id),
        ("questionnaire_version", project.questionnaire.version),
        ("lang", lang),
        ("round", str(options.round)),
        ("cover", workbook.worksheets[0].title),
        ("", ""),
        ("sheet", "respondent"),
        *forms,
    ]
    for row, (key, value) in enumerate(rows, start=1):
        put_text(sheet.cell(row=row, column=1), key)
        put_text(sheet.cell(row=row, column=2), value)
    for row, name in ((3, "cq_questionnaire_id"), (4, "cq_questionnaire_version")):
        workbook.defined_names[name] = DefinedName(name, attr_text=f"{sheet.title}!$B${row}")
    for offset, (title, _) in enumerate(forms):
        row = len(rows) - len(forms) + offset + 1
        local = DefinedName("cq_respondent", attr_text=f"{sheet.title}!$B${row}")
        workbook[title].defined_names["cq_respondent"] = local
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
