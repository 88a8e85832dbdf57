"""Checks of the communes: the election's, the ones questions and themes are restricted to, and
the one each list says it runs in.

Every check indexes the declared communes once (a set of codes), so a département of 35,000
communes with six lists each is checked in time linear in its size.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...models.questionnaire import Questionnaire, restricted_questions
from ...models.respondents import Respondent
from ..divisions import departement_of
from ..issues import Issue, format_doc_path, located
from ..locations import DocPath, Document

__all__ = ["CommuneIndex", "check_questionnaire_communes", "check_respondent_communes"]

_SHOWN = 8  # codes named in a message; a département has hundreds


class CommuneIndex:
    """The election's communes, indexed once: their codes and how to name them in a message."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        communes = questionnaire.election.all_communes
        self.codes = frozenset(commune.insee_code for commune in communes)
        self.several = bool(questionnaire.election.communes)
        self.only = communes[0].insee_code if len(communes) == 1 else None
        shown = [f"{c.insee_code} {c.name}" for c in communes[:_SHOWN]]
        more = len(communes) - _SHOWN
        self.listing = ", ".join(shown) + (f", … (+{more})" if more > 0 else "") or "-"

    def unknown(self, code: str, doc: Document, at: DocPath) -> list[Issue]:
        """An issue if ``code`` is not one of the election's communes."""
        if code in self.codes:
            return []
        return [located("unknown_commune", doc, at, code=code, expected=self.listing)]


def insee_department_problem(code: str) -> str | None:
    """The département part of ``code`` when no commune can have it (``None`` if plausible).

    The pattern already holds (five digits, or 2A/2B and three digits); this refuses what the
    pattern lets through: a département that does not exist (00, 20 — Corsica is 2A/2B —, 96,
    an unknown overseas one; the table is :data:`~civicquest.validation.divisions.DEPARTEMENTS`)
    or commune number 000.
    """
    department = departement_of(code)
    if department is None:
        return code[:3] if code[:2] in ("97", "98") else code[:2]
    return department if int(code[len(department) :]) == 0 else None


def _insee(code: str, doc: Document, at: DocPath) -> list[Issue]:
    department = insee_department_problem(code)
    if department is None:
        return []
    return [located("bad_insee_department", doc, at, code=code, department=department)]


def check_questionnaire_communes(questionnaire: Questionnaire, doc: Document) -> list[Issue]:
    """The election names its commune(s) once each; restrictions name declared communes."""
    election = questionnaire.election
    issues: list[Issue] = []
    if election.commune is None and not election.communes:
        issues.append(located("election_without_commune", doc, ("election",)))
    if election.commune is not None and election.communes:
        issues.append(located("commune_and_communes", doc, ("election", "communes")))
    if election.commune is not None:
        issues += _insee(election.commune.insee_code, doc, ("election", "commune", "insee_code"))
    first: dict[str, DocPath] = {}
    for i, commune in enumerate(election.communes or ()):
        at: DocPath = ("election", "communes", i, "insee_code")
        issues += _insee(commune.insee_code, doc, at)
        if commune.insee_code in first:
            where = format_doc_path(first[commune.insee_code])
            issues.append(
                located("duplicate_commune", doc, at, code=commune.insee_code, first=where)
            )
        else:
            first[commune.insee_code] = at
    index = CommuneIndex(questionnaire)
    for code, at in _restrictions(questionnaire):
        issues += index.unknown(code, doc, at)
    return issues + _empty_restrictions(questionnaire, doc)


def _restrictions(questionnaire: Questionnaire) -> Iterator[tuple[str, DocPath]]:
    for i, theme in enumerate(questionnaire.themes):
        for j, code in enumerate(theme.communes or ()):
            yield code, ("themes", i, "communes", j)
    for i, question in enumerate(questionnaire.questions):
        for j, code in enumerate(question.communes or ()):
            yield code, ("questions", i, "communes", j)


def _empty_restrictions(questionnaire: Questionnaire, doc: Document) -> list[Issue]:
    empty = {qid for qid, codes in restricted_questions(questionnaire).items() if not codes}
    return [
        located(
            "question_in_no_commune",
            doc,
            ("questions", i, "communes"),
            severity="warning",
            question=question.id,
            theme=question.theme,
        )
        for i, question in enumerate(questionnaire.questions)
        if question.id in empty
    ]


def check_respondent_communes(
    respondents: Sequence[Respondent], doc: Document, questionnaire: Questionnaire
) -> list[Issue]:
    """Each list runs in one of the election's communes, and says which when there are several."""
    index = CommuneIndex(questionnaire)
    issues: list[Issue] = []
    for i, respondent in enumerate(respondents):
        if respondent.commune is not None:
            issues += index.unknown(respondent.commune, doc, ("respondents", i, "commune"))
        elif index.several:
            issues.append(
                located(
                    "respondent_without_commune",
                    doc,
                    ("respondents", i),
                    respondent=respondent.id,
                    count=len(index.codes),
                )
            )
    return issues
