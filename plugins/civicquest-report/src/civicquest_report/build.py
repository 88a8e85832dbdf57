"""Build the whole site: which pages exist, in which language, with which context.

The page registry is this module: the home page, the comparison (all questions, then one page per
theme and one per competence: filters that need no JavaScript), one page per list and per
question, the methodology (:mod:`.methodology`), the open data (:mod:`.open_data`) and the voter
page (:mod:`.voter_page`), and the follow-up of commitments when there is one
(:mod:`.followup_page`). Every page exists under ``fr/`` and ``en/``; ``index.html`` at the
root points to both.
"""

from __future__ import annotations

from civicquest.models import Project, ScoreReport

from .followup_page import add_followup_page
from .methodology import methodology_context
from .open_data import add_open_data
from .site import LANGUAGES, Site
from .view import build_view
from .voter_page import add_voter_page

__all__ = ["build_site"]


def build_site(
    project: Project, report: ScoreReport, withheld: frozenset[str] = frozenset()
) -> dict[str, bytes]:
    """The site's files by relative path, sorted: the same project gives the same bytes."""
    site = Site(project, report, build_view(project, report, withheld))
    site.add_static_files()
    site.add_page("index.html", "root.html.j2", LANGUAGES[0])
    add_open_data(site, withheld)
    for lang in LANGUAGES:
        _add_pages(site, lang)
    add_voter_page(site)
    add_followup_page(site)
    return dict(sorted(site.files.items()))


def _add_pages(site: Site, lang: str) -> None:
    project = site.project
    site.add_page(f"{lang}/index.html", "home.html.j2", lang)
    _add_comparison(site, lang)
    for item in site.view.lists:
        site.add_page(f"{lang}/lists/{item.id}.html", "list.html.j2", lang, {"item": item})
    site.add_page(f"{lang}/questions/index.html", "questions.html.j2", lang)
    for question in project.questionnaire.questions:
        context = {"question": question}
        site.add_page(f"{lang}/questions/{question.id}.html", "question.html.j2", lang, context)
    methodology = {"methodology": methodology_context(project, site.report, lang)}
    site.add_page(f"{lang}/methodology.html", "methodology.html.j2", lang, methodology)
    site.add_page(f"{lang}/data.html", "data.html.j2", lang, {"data_files": site.data_files})


def _add_comparison(site: Site, lang: str) -> None:
    """All questions, then one page per theme and per competence (links filter, no script)."""
    questions = site.project.questionnaire.questions
    site.add_page(
        f"{lang}/compare/index.html",
        "compare.html.j2",
        lang,
        {"questions": questions, "filter": None},
    )
    for theme in site.project.questionnaire.themes:
        chosen = [q for q in questions if q.theme == theme.id]
        context = {"questions": chosen, "filter": ("theme", theme.id)}
        site.add_page(f"{lang}/compare/theme-{theme.id}.html", "compare.html.j2", lang, context)
    for competence in site.view.competences:
        chosen = [q for q in questions if competence in q.competences]
        context = {"questions": chosen, "filter": ("competence", competence)}
        path = f"{lang}/compare/competence-{competence}.html"
        site.add_page(path, "compare.html.j2", lang, context)
