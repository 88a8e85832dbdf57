"""The sections of the site: the pages about one set of lists compared with one another.

A single-commune project has one section, the whole project, under ``<lang>/``. A project of
several communes (``docs/communes.md``) has one section per commune, under
``<lang>/communes/<insee>/``: that commune's lists only (ranked among themselves, as the score
report ranks them), the questions asked there, its own charts, methodology and voter page, so
that lists of different communes never share a page, a chart or a table.

A section's pages get, on top of the common page context, its own ``project``, ``report`` and
``view`` and its ``root`` (the folder of its pages) and ``commune``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from civicquest.models import Commune, Project, Question, ScoreReport

from .view import ReportView, build_view

__all__ = ["Section", "commune_sections"]


@dataclass(frozen=True, slots=True)
class Section:
    """The lists shown together, with the questions asked of them."""

    project: Project  # its lists, and only the questions asked of them
    report: ScoreReport  # its lists' scores, ranks within the section
    view: ReportView
    commune: Commune | None = None  # None: the whole single-commune project
    not_asked: tuple[Question, ...] = ()  # asked in other communes only ("non applicable")
    whole: Project | None = None  # the commune's lists with every question, as the CLI scores

    def root(self, lang: str) -> str:
        """The folder of the section's pages: ``fr/`` or ``fr/communes/35238/``."""
        if self.commune is None:
            return f"{lang}/"
        return f"{lang}/communes/{self.commune.insee_code}/"

    def context(self, lang: str) -> dict[str, Any]:
        """What the section's pages get instead of the whole site's data (nothing for the
        single-commune site: its pages are the whole site's)."""
        if self.commune is None:
            return {}
        return {
            "project": self.project,
            "report": self.report,
            "view": self.view,
            "root": self.root(lang),
            "commune": self.commune,
        }


def commune_sections(
    project: Project, report: ScoreReport, withheld: frozenset[str]
) -> Iterator[Section]:
    """One section per commune of ``project``, in the order the questionnaire declares them."""
    scored: dict[str | None, list[Any]] = {}
    for item in report.lists:
        scored.setdefault(item.commune, []).append(item)
    unscored: dict[str | None, list[Any]] = {}
    for left in report.unscored:
        unscored.setdefault(left.commune, []).append(left)
    for commune in project.questionnaire.election.all_communes:
        code = commune.insee_code
        asked = project.for_commune(code, asked_only=True)
        own = report.model_copy(
            update={
                "lists": tuple(scored.get(code, ())),
                "unscored": tuple(unscored.get(code, ())),
            }
        )
        yield Section(
            project=asked,
            report=own,
            view=build_view(asked, own, withheld),
            commune=commune,
            not_asked=tuple(
                q for q in project.questionnaire.questions if not project.applies_in(q.id, code)
            ),
            whole=project.for_commune(code),
        )
