"""A list's sheet: the header block (list, person answering, date, consent, general comment),
then a row per question grouped by theme, and a row per option of a multiple-choice question."""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill, Protection

from civicquest.models import Project, Question, Respondent
from civicquest.plugins import format_number, text_of

from .cells import EXCEL_CELL_LIMIT, put_text
from .layout import ANSWER_COLUMNS, COLUMNS, OPTION_SEPARATOR, column_of
from .rules import SheetRules
from .texts import HEADINGS, HOW, Pair, both

__all__ = ["ChoiceRanges", "write_list_sheet"]

#: scale id (or ``"#no_answer"``) → the range of its labels in the choices sheet
ChoiceRanges = dict[str, str]

WRAP = Alignment(wrap_text=True, vertical="top")
TO_FILL = PatternFill("solid", fgColor="FFF2CC")
THEME_FILL = PatternFill("solid", fgColor="DDEBF7")
BOLD, TITLE = Font(bold=True), Font(bold=True, size=14)
HEADER_ROWS = ("#respondent", "#answered_by", "#received", "#consent", "#comment")


class _Writer:
    def __init__(self, sheet: Any, project: Project, lang: str, ranges: ChoiceRanges) -> None:
        self.sheet, self.project, self.lang, self.ranges = sheet, project, lang, ranges
        self.rules = SheetRules(sheet, lang)
        self.row = 1

    def put(self, key: str, text: str, *, font: Font | None = None) -> Any:
        cell = self.sheet[f"{column_of(key)}{self.row}"]
        put_text(cell, text)
        cell.alignment = WRAP
        if font is not None:
            cell.font = font
        return cell

    def open_cell(self, key: str) -> str:
        """Unlock a cell for the list to fill in, and show it in yellow."""
        coordinate = f"{column_of(key)}{self.row}"
        cell = self.sheet[coordinate]
        cell.protection, cell.fill, cell.alignment = Protection(locked=False), TO_FILL, WRAP
        return coordinate

    def text(self, value: str | dict[str, str] | None) -> str:
        return text_of(self.project, value, self.lang)


def write_list_sheet(
    sheet: Any, project: Project, respondent: Respondent | None, lang: str, ranges: ChoiceRanges
) -> None:
    """Fill ``sheet`` with the form of ``respondent`` (``None``: a list types its name)."""
    writer = _Writer(sheet, project, lang, ranges)
    writer.put("theme", writer.text(project.questionnaire.title), font=TITLE)
    writer.row = 2
    _header_block(writer, respondent)
    writer.row += 1
    sheet.row_dimensions[writer.row].height = 32
    writer.put("key", "#header")
    for key, _ in COLUMNS[1:]:
        writer.put(key, both(HEADINGS[key], lang, "\n"), font=BOLD)
    sheet.print_title_rows = f"{writer.row}:{writer.row}"
    writer.row += 1
    for theme in project.questionnaire.themes:
        questions = [q for q in project.questionnaire.questions if q.theme == theme.id]
        if questions:
            _theme_row(writer, writer.text(theme.title))
            for question in questions:
                _question_rows(writer, question)
    _finish(sheet)


def _header_block(writer: _Writer, respondent: Respondent | None) -> None:
    for key in HEADER_ROWS:
        writer.put("key", key)
        writer.put("theme", both(HEADINGS[key], writer.lang, "\n"), font=BOLD)
        writer.put("question", both(HOW[key], writer.lang, "\n"))
        if key == "#respondent" and respondent is not None:
            writer.put("answer", respondent.name, font=BOLD)
        else:
            cell = writer.open_cell("answer")
            if key == "#consent":
                writer.rules.yes_no(cell, HOW[key])
            elif key == "#received":
                writer.rules.date(cell, HOW[key])
                writer.sheet[cell].number_format = "DD/MM/YYYY"
            else:
                writer.rules.text(cell, EXCEL_CELL_LIMIT, HOW[key])
        writer.row += 1


def _theme_row(writer: _Writer, title: str) -> None:
    writer.put("key", "#theme")
    for key, _ in COLUMNS[1:]:
        writer.sheet[f"{column_of(key)}{writer.row}"].fill = THEME_FILL
    writer.put("theme", title, font=BOLD)
    writer.row += 1


def _question_rows(writer: _Writer, question: Question) -> None:
    writer.put("key", question.id)
    writer.put("theme", question.id)
    wording = writer.text(question.text)
    help_text = writer.text(question.help)
    writer.put("question", f"{wording}\n\n{help_text}" if help_text else wording)
    how = _how(question, writer.project, writer.lang)
    writer.put("how", both(how, writer.lang, "\n"))
    for key in ANSWER_COLUMNS:
        if key == "answer" and question.kind == "multiple_choice":
            continue
        if key == "comment" and not question.allow_comment:
            continue
        if key.startswith("evidence") and not question.allow_evidence:
            continue
        cell = writer.open_cell(key)
        if key == "answer":
            _answer_rule(writer, question, cell, how)
        elif key == "no_answer":
            writer.rules.choose(cell, "#no_answer", writer.ranges["#no_answer"], HEADINGS[key])
    writer.row += 1
    if question.kind == "multiple_choice":
        _option_rows(writer, question)


def _answer_rule(writer: _Writer, question: Question, cell: str, how: Pair) -> None:
    if question.kind == "open_text":
        limit = getattr(question, "max_length", None) or EXCEL_CELL_LIMIT
        writer.rules.text(cell, min(limit, EXCEL_CELL_LIMIT), how)
    elif question.kind == "number":
        writer.rules.number(cell, question, how)
    else:
        scale = getattr(question, "scale", "")
        writer.rules.choose(cell, scale, writer.ranges[scale], how)


def _option_rows(writer: _Writer, question: Question) -> None:
    scale = writer.project.scales_by_id[getattr(question, "scale", "")]
    for option in scale.options:
        writer.put("key", f"{question.id}{OPTION_SEPARATOR}{option.code}")
        writer.put("question", f"• {writer.text(option.label)}")
        writer.put("how", both(HOW["option"], writer.lang))
        writer.rules.yes_no(writer.open_cell("answer"), HOW["option"])
        writer.row += 1


def _how(question: Question, project: Project, lang: str) -> Pair:
    """What the list is asked to type, in both languages."""
    parts: list[Pair] = []
    if question.kind == "open_text":
        parts.append(HOW["open_text"])
        if (limit := getattr(question, "max_length", None)) is not None:
            parts.append(_fill(HOW["max_length"], n=str(limit)))
    elif question.kind == "number":
        parts.append(HOW["integer" if getattr(question, "integer", False) else "number"])
        parts += _bounds(question)
        if (unit := getattr(question, "unit", None)) is not None:
            parts.append((text_of(project, unit, "fr"), text_of(project, unit, "en")))
    else:
        parts.append(HOW["multiple_choice" if question.kind == "multiple_choice" else "choice"])
    if question.required:
        parts.append(HOW["required"])
    return (", ".join(p[0] for p in parts), ", ".join(p[1] for p in parts))


def _bounds(question: Question) -> list[Pair]:
    low, high = getattr(question, "minimum", None), getattr(question, "maximum", None)
    low_text = format_number(low) if low is not None else ""
    high_text = format_number(high) if high is not None else ""
    if low is not None and high is not None:
        return [_fill(HOW["between"], low=low_text, high=high_text)]
    if low is not None:
        return [_fill(HOW["at_least"], low=low_text)]
    return [_fill(HOW["at_most"], high=high_text)] if high is not None else []


def _fill(pair: Pair, **values: str) -> Pair:
    return (pair[0].format(**values), pair[1].format(**values))


def _finish(sheet: Any) -> None:
    for index, (_, width) in enumerate(COLUMNS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.column_dimensions["A"].hidden = True
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # people may widen a column or a row to read
    sheet.protection.formatRows = False
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
