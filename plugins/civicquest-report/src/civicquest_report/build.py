"""Build the whole site: which pages exist, in which language, with which context.

The page registry is this module: the home page, the comparison (all questions, then one page per
theme and one per competence: filters that need no JavaScript), one page per list and per
question, the methodology (:mod:`.methodology`), the open data (:mod:`.open_data`) and the voter
page (:mod:`.voter_page`), and the follow-up of commitments when there is one
(:mod:`.followup_page`). Every page exists under ``fr/`` and ``en/``; ``index.html`` at the
root points to both.

A project of several communes has an overview of the territory and a comparison across communes
(:mod:`.communes`), then the same pages per commune, each in its own section
(:mod:`.sections`): ``<lang>/communes/<insee>/``.
"""

from __future__ import annotations

from civicquest.models import Project, ScoreReport

from .communes import add_territory
from .followup_page import add_followup_page
from .methodology import methodology_context
from .open_data import add_open_data
from .sections import Section
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
    if project.several_communes:
        sections = add_territory(site, withheld)
    else:
        sections = [Section(project, report, site.view)]
        for lang in LANGUAGES:
            site.add_page(
                f"{lang}/data.html", "data.html.j2", lang, {"data_files": site.data_files}
            )
    for section in sections:
        for lang in LANGUAGES:
            _add_pages(site, lang, section)
        add_voter_page(site, section)
    add_followup_page(site)
    return dict(sorted(site.files.items()))


def _add_pages(site: Site, lang: str, section: Section) -> None:
    project, root, common = section.project, section.root(lang), section.context(lang)
    home = "home.html.j2" if section.commune is None else "commune_home.html.j2"
    site.add_page(f"{root}index.html", home, lang, common)
    _add_comparison(site, lang, section)
    for item in section.view.lists:
        site.add_page(f"{root}lists/{item.id}.html", "list.html.j2", lang, {**common, "item": item})
    index = {**common, "not_asked": section.not_asked}
    site.add_page(f"{root}questions/index.html", "questions.html.j2", lang, index)
    for question in project.questionnaire.questions:
        context = {**common, "question": question}
        site.add_page(f"{root}questions/{question.id}.html", "question.html.j2", lang, context)
    commune = None if section.commune is None else section.commune.insee_code
    method = methodology_context(project, section.report, lang, commune, section.whole)
    site.add_page(
        f"{root}methodology.html", "methodology.html.j2", lang, {**common, "methodology": method}
    )


def _add_comparison(site: Site, lang: str, section: Section) -> None:
    """All questions, then one page per theme and per competence (links filter, no script)."""
    questions = section.project.questionnaire.questions
    root, common = section.root(lang), section.context(lang)
    site.add_page(
        f"{root}compare/index.html",
        "compare.html.j2",
        lang,
        {**common, "questions": questions, "filter": None},
    )
    for theme in section.project.questionnaire.themes:
        chosen = [q for q in questions if q.theme == theme.id]
        context = {**common, "questions": chosen, "filter": ("theme", theme.id)}
        site.add_page(f"{root}compare/theme-{theme.id}.html", "compare.html.j2", lang, context)
    for competence in section.view.competences:
        chosen = [q for q in questions if competence in q.competences]
        context = {**common, "questions": chosen, "filter": ("competence", competence)}
        path = f"{root}compare/competence-{competence}.html"
        site.add_page(path, "compare.html.j2", lang, context)
