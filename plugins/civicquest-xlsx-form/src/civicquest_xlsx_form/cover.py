"""The cover sheet: how to fill in, who asks, about which election, by when."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl.styles import Alignment, Font

from civicquest.models import Project
from civicquest.plugins import text_of

from .cells import put_text
from .texts import INSTRUCTIONS, Pair, both

__all__ = ["write_cover"]

_COVER_TITLE: Pair = ("Mode d'emploi", "How to fill in")
_LABELS: dict[str, Pair] = {
    "coalition": ("Coalition", "Coalition"),
    "election": ("Élection", "Election"),
    "rounds": ("Tours", "Rounds"),
    "deadline": ("Date limite de réponse", "Reply by"),
    "version": ("Questionnaire (version)", "Questionnaire (version)"),
    "lists": ("Formulaires dans ce fichier", "Forms in this file"),
}


def _date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def write_cover(
    sheet: Any,
    project: Project,
    lang: str,
    deadline: dt.date | None,
    forms: int,
    taken: set[str],
) -> None:
    q = project.questionnaire
    sheet.title = both(_COVER_TITLE, lang, " - ")[:31]
    taken.add(sheet.title.lower())
    wrap = Alignment(wrap_text=True, vertical="top")
    rows: list[tuple[str, str]] = [
        (text_of(project, q.title, lang), ""),
        (both(_COVER_TITLE, lang), ""),
    ]
    rows += [(f"{n}. {both(pair, lang, chr(10))}", "") for n, pair in enumerate(INSTRUCTIONS, 1)]
    rows.append(("", ""))
    rows.append((both(_LABELS["coalition"], lang), ", ".join(o.name for o in q.organisers)))
    election = f"{text_of(project, q.election.name, lang)} — {q.election.place}"
    rows.append((both(_LABELS["election"], lang), election))
    rows.append(
        (both(_LABELS["rounds"], lang), ", ".join(_date(r.date) for r in q.election.rounds))
    )
    if deadline is not None:
        rows.append((both(_LABELS["deadline"], lang), _date(deadline)))
        sheet.cell(row=len(rows), column=2).font = Font(bold=True)
    rows.append((both(_LABELS["version"], lang), f"{q.id} ({q.version})"))
    rows.append((both(_LABELS["lists"], lang), str(forms)))
    intro = text_of(project, q.intro, lang)
    if intro:
        rows += [("", ""), (intro, "")]
    for number, (label, value) in enumerate(rows, start=1):
        for column, text in ((1, label), (2, value)):
            cell = sheet.cell(row=number, column=column)
            put_text(cell, text)
            cell.alignment = wrap
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"].font = Font(bold=True, size=12)
    sheet.column_dimensions["A"].width = 90
    sheet.column_dimensions["B"].width = 50
    sheet.protection.sheet = True
