"""The report as one HTML document for print: the site's own pages, rendered by the site's own
templates, one chapter each, behind a cover and a table of contents.

Each chapter is a site page (home, comparison by theme, each list, methodology, open data)
rendered with the site's templates and contexts (:func:`civicquest_report.site.page_context`,
:func:`~civicquest_report.methodology.methodology_context`, the view and the open data of the
site) and cut to its ``<main>``. Two things differ from the site:

- ``url(path)`` leads inside the document (``fr/lists/a.html`` → ``#ch-list-a``), or to the
  published site when its address is given (``data/…``, ``static/…``), else to the path itself;
- every text expression goes through :func:`~civicquest_report.typography.typography` (the
  environment's ``finalize``: text is escaped, then spaced the French way; markup and values
  without a space, such as addresses, ids and classes, are left alone).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from civicquest.models import Project, ScoreReport
from civicquest.plugins import format_date, translate

from .methodology import methodology_context
from .open_data import add_open_data
from .site import _ENVIRONMENT, Site, page_context
from .typography import typography
from .view import build_view

__all__ = [
    "Chapter",
    "PrintDocument",
    "internal_url",
    "pdf_date",
    "print_document",
    "render_print_document",
]

_MAIN_START = '<main id="main" tabindex="-1">'
_MAIN_END = "</main>"


@dataclass(frozen=True, slots=True)
class Chapter:
    """One part of the document: its anchor, its title for the contents, its HTML."""

    id: str
    title: str
    html: Markup
    level: int = 1


@dataclass(frozen=True, slots=True)
class PrintDocument:
    """The document's chapters and what the cover and metadata say."""

    lang: str
    chapters: tuple[Chapter, ...]
    site_url: str | None


@pass_context
def _finalize(context: Context, value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str) or not value.split(maxsplit=1)[1:]:
        return value
    return typography(value, str(context.get("lang", "")))


_PRINT_ENVIRONMENT: Environment = _ENVIRONMENT.overlay(finalize=_finalize)


def internal_url(site_url: str | None) -> Callable[[str], str]:
    """The ``url`` helper of the print document (see the module's docstring)."""

    def url(target: str) -> str:
        path, _, anchor = target.partition("#")
        parts = path.split("/")
        if len(parts) >= 2 and parts[0] in {"fr", "en"}:
            return _chapter_link(parts[1:], anchor)
        return posixpath.join(site_url, target) if site_url else target

    return url


def _chapter_link(parts: list[str], anchor: str) -> str:
    if anchor:
        return f"#{anchor}"
    if parts[0] == "lists" and len(parts) == 2:
        return f"#ch-list-{parts[1].removesuffix('.html')}"
    if parts[0] == "questions" and len(parts) == 2 and parts[1] != "index.html":
        return f"#q-{parts[1].removesuffix('.html')}"
    page = parts[0].removesuffix(".html")
    return {"compare": "#ch-compare", "questions": "#ch-compare"}.get(page, f"#ch-{page}")


def print_document(
    project: Project,
    report: ScoreReport,
    lang: str,
    withheld: frozenset[str] = frozenset(),
    site_url: str | None = None,
) -> PrintDocument:
    """The chapters of the report in ``lang``, rendered by the site's templates."""
    site = Site(project, report, build_view(project, report, withheld))
    add_open_data(site, withheld)
    url = internal_url(site_url)

    def chapter(chapter_id: str, page: str, template: str, **extra: Any) -> Chapter:
        values = {**page_context(site, f"{lang}/{page}", lang), **extra, "url": url}
        html = _PRINT_ENVIRONMENT.get_template(template).render(values)
        main = html[html.index(_MAIN_START) + len(_MAIN_START) : html.rindex(_MAIN_END)]
        return Chapter(chapter_id, _heading(main), Markup(main), 2 if extra.get("item") else 1)

    questions = project.questionnaire.questions
    chapters = [
        chapter("ch-index", "index.html", "home.html.j2"),
        chapter("ch-compare", "compare/index.html", "compare.html.j2", questions=questions,
                filter=None),
        *(chapter(f"ch-list-{item.id}", f"lists/{item.id}.html", "list.html.j2", item=item)
          for item in site.view.lists),
        chapter("ch-methodology", "methodology.html", "methodology.html.j2",
                methodology=methodology_context(project, report, lang)),
        chapter("ch-data", "data.html", "data.html.j2", data_files=site.data_files),
    ]  # fmt: skip
    return PrintDocument(lang, tuple(chapters), site_url)


def _heading(main: str) -> str:
    """The text of the chapter's first ``<h1>`` (tags removed, entities kept: it is HTML)."""
    start = main.index(">", main.index("<h1")) + 1
    return Markup(main[start : main.index("</h1>", start)]).striptags()


def pdf_date(project: Project) -> dt.date | None:
    """The document's date: the last answer received, else the election's first round."""
    received = [r.received for r in project.responses if r.received is not None]
    if received:
        return max(received)
    rounds = project.questionnaire.election.rounds
    return min(r.date for r in rounds) if rounds else None


def render_print_document(document: PrintDocument, project: Project) -> str:
    """The whole document's HTML: cover, contents, chapters (``templates/pdf/document.html.j2``),
    dated by :func:`pdf_date` (never by the clock: the same project gives the same bytes)."""
    day = pdf_date(project)
    values = {
        "lang": document.lang,
        "project": project,
        "document": document,
        "lists_title": translate("report", "The lists", document.lang),
        "created": day.isoformat() if day else None,
        "date_words": format_date(day, document.lang) if day else None,
    }
    return _PRINT_ENVIRONMENT.get_template("pdf/document.html.j2").render(values)
