"""The pages of a multi-commune site about the whole territory (``docs/communes.md``).

- ``<lang>/index.html``: the coalition, the election, and every commune with how many of its
  lists answered (or "awaiting the questionnaires' return" where none has), each linking to its
  own section (:mod:`.sections`);
- ``<lang>/across.html``: the comparison across communes on the questions asked in every
  commune (:func:`civicquest.compare_communes`): per question, per commune, how many lists gave
  each answer — counts only, never a score or a rank across communes; the questions asked in
  some communes only are named with where they apply;
- ``<lang>/data.html``: the open data, plus the comparison as CSV (``data/communes.csv``); every
  other export carries each list's commune;
- ``<lang>/voter.html``: the voter chooses a commune first (one voter page per commune).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import civicquest
from civicquest.models import Commune, CommuneComparison, Project, Question
from civicquest.plugins import format_decimal, text_of, translate

from .open_data import add_data_export
from .sections import Section, commune_sections
from .site import LANGUAGES, Site

__all__ = [
    "ACROSS_CSV",
    "Across",
    "AcrossQuestion",
    "CommuneSummary",
    "across_view",
    "add_territory",
]

#: where the comparison across communes is in the site's open data
ACROSS_CSV = "data/communes.csv"
#: statuses of a list that answered (the form, part of it, or outside it)
ANSWERED = frozenset({"answered", "partial", "outside_form"})


def N_(context: str, message: str) -> str:  # noqa: N802  (the extraction keyword, babel.cfg)
    """Mark ``message`` for ``make messages``; translated later with ``translate``."""
    del context
    return message


#: the missing cases of a comparison's counts, in words (context "report")
MISSING_WORDS = {
    "missing:no_reply": N_("report", "no answer yet"),
    "missing:declined": N_("report", "declined"),
    "missing:skipped": N_("report", "left unanswered"),
    "missing:not_applicable": N_("report", "not applicable"),
    "missing:outside_form": N_("report", "answered outside the form"),
    "missing:unscored_option": N_("report", "an answer that is not scored"),
}


@dataclass(frozen=True, slots=True)
class CommuneSummary:
    """One commune on the overview: how many lists it has, how many answered."""

    commune: Commune
    lists: int
    answered: int


@dataclass(frozen=True, slots=True)
class AcrossRow:
    commune: Commune
    lists: str
    counts: tuple[str, ...]  # one per label of the question, formatted


@dataclass(frozen=True, slots=True)
class AcrossQuestion:
    question: Question
    labels: tuple[str, ...]  # the answers, in words: the scale's options, then missing cases
    rows: tuple[AcrossRow, ...]


@dataclass(frozen=True, slots=True)
class Across:
    """The comparison across communes, in one language."""

    questions: tuple[AcrossQuestion, ...]
    restricted: tuple[tuple[Question, tuple[Commune, ...]], ...]  # asked in some communes only


def add_territory(site: Site, withheld: frozenset[str]) -> list[Section]:
    """Add the territory's pages and open data; the sections of its communes, to add next."""
    project = site.project
    sections = list(commune_sections(project, site.report, withheld))
    comparison = civicquest.compare_communes(project, include_unpublished=not withheld)
    add_data_export(site, withheld, ("across_csv", "across-csv", ACROSS_CSV), None, comparison)
    stylesheet = resources.files("civicquest_report") / "static" / "communes" / "communes.css"
    site.add_file("static/communes.css", stylesheet.read_bytes())
    summaries = [_summary(section) for section in sections]
    for lang in LANGUAGES:
        site.add_page(f"{lang}/index.html", "overview.html.j2", lang, {"communes": summaries})
        across = across_view(project, comparison, lang)
        site.add_page(f"{lang}/across.html", "across.html.j2", lang, {"across": across})
        site.add_page(f"{lang}/data.html", "data.html.j2", lang, {"data_files": site.data_files})
        site.add_page(f"{lang}/voter.html", "voter_choice.html.j2", lang, {"communes": summaries})
    return sections


def _summary(section: Section) -> CommuneSummary:
    assert section.commune is not None
    answered = sum(1 for item in section.view.lists if item.status in ANSWERED)
    return CommuneSummary(section.commune, len(section.view.lists), answered)


def across_view(project: Project, comparison: CommuneComparison, lang: str) -> Across:
    """``comparison`` in words and numbers of ``lang``, per question then per commune."""
    communes = project.communes_by_code
    rows: dict[str, list[tuple[str, int, dict[str, int]]]] = {}
    for row in comparison.rows:
        rows.setdefault(row.question, []).append((row.commune, row.lists, row.counts))
    questions = []
    for question_id in comparison.questions:
        question = project.questions_by_id[question_id]
        found = rows.get(question_id, [])
        seen = {label for _, _, counts in found for label in counts}
        labels = _labels(project, question, seen, lang)
        questions.append(
            AcrossQuestion(
                question=question,
                labels=tuple(words for _, words in labels),
                rows=tuple(
                    AcrossRow(
                        communes[code],
                        format_decimal(lists, lang),
                        tuple(format_decimal(counts.get(label, 0), lang) for label, _ in labels),
                    )
                    for code, lists, counts in found
                ),
            )
        )
    restricted = tuple(
        (project.questions_by_id[qid], tuple(c for code, c in communes.items() if code in where))
        for qid, where in project.question_communes.items()
    )
    return Across(tuple(questions), restricted)


def _labels(
    project: Project, question: Question, seen: set[str], lang: str
) -> list[tuple[str, str]]:
    """(label, its words) of the answers: the scale's options in order (an option nobody chose
    keeps its column, so that the tables read alike), then the missing cases that occur."""
    scale = project.scales_by_id.get(getattr(question, "scale", None) or "")
    options = [(o.code, text_of(project, o.label, lang)) for o in scale.options] if scale else []
    known = {code for code, _ in options}
    cases = [label for label in MISSING_WORDS if label in seen]
    others = sorted(label for label in seen if label not in known and label not in MISSING_WORDS)
    missing = [(label, translate("report", MISSING_WORDS[label], lang)) for label in cases]
    return [*options, *missing, *((label, label) for label in others)]
