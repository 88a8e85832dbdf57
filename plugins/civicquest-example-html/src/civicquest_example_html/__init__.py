"""civicquest-example-html: the tutorial's exporter, one HTML page of answers."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from pydantic import BaseModel, ConfigDict, Field

from civicquest import hookimpl
from civicquest.plugins import Exporter, ExportInput, answer_label, text_of

__all__ = ["HtmlOptions", "register_exporters", "to_html"]


class HtmlOptions(BaseModel):
    """Options of the ``html`` format."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = Field(default=None, description="page title (default: the questionnaire's)")


def _cell(text: str) -> str:
    return f"<td>{escape(text).replace(chr(10), '<br>')}</td>"


def _theme_table(data: ExportInput, theme_id: str) -> list[str]:
    project = data.project
    questions = [q for q in project.questionnaire.questions if q.theme == theme_id]
    head = "".join(f"<th>{escape(text_of(project, q.text, data.lang))}</th>" for q in questions)
    rows = [f"<tr><th>Liste</th>{head}</tr>"]
    for respondent in project.respondents:
        response = project.responses_by_respondent.get(respondent.id)
        cells = []
        for question in questions:
            answer = response.answers.get(question.id) if response else None
            label = answer_label(project, question, answer, data.lang) if answer else ""
            comment = f"\n{answer.comment}" if answer and answer.comment else ""
            cells.append(_cell(label + comment))
        rows.append(f"<tr><th>{escape(respondent.name)}</th>{''.join(cells)}</tr>")
    return ["<table>", *rows, "</table>"]


def to_html(data: ExportInput) -> bytes:
    options = data.options
    assert isinstance(options, HtmlOptions)
    project = data.project
    title = options.title or text_of(project, project.questionnaire.title, data.lang)
    lines = [
        "<!doctype html>",
        f'<html lang="{escape(data.lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title></head><body><main>",
        f"<h1>{escape(title)}</h1>",
    ]
    for theme in project.questionnaire.themes:
        lines.append(f"<h2>{escape(text_of(project, theme.title, data.lang))}</h2>")
        lines += _theme_table(data, theme.id)
    lines.append("</main></body></html>")
    return ("\n".join(lines) + "\n").encode("utf-8")


@hookimpl
def register_exporters() -> Iterator[Exporter]:
    yield Exporter(
        name="html",
        description="Page HTML des réponses (exemple du tutoriel) / HTML page of answers",
        export=to_html,
        file_extensions=(".html",),
        media_type="text/html",
        options=HtmlOptions,
    )
