"""Cross-check models built in Python (no files): the same checks as a project folder gets.

Models have no line or column: an issue names the model (``<questionnaire>``,
``<respondents>``, ``<responses>/<list id>``, ``<scoring>``) and the path inside it.
"""

from __future__ import annotations

from pathlib import Path

from ..models.project import Project
from ..models.questionnaire import Questionnaire
from ..models.respondents import RespondentList
from .checks import ResponseChecker, check_coverage, check_questionnaire, check_respondents
from .checks.rounds import check_rounds
from .checks.scoring import check_scoring
from .issues import Issue, located
from .locations import DataDocument
from .outcome import ProjectCheck

__all__ = ["check_models"]


def check_models(models: Project | Questionnaire) -> ProjectCheck:
    """Check a :class:`Project` (or a lone :class:`Questionnaire`) as if read from a folder."""
    project = models if isinstance(models, Project) else Project(questionnaire=models)
    questionnaire = project.questionnaire
    issues = check_questionnaire(questionnaire, DataDocument(Path("<questionnaire>")))
    if isinstance(models, Project):
        issues += _folder_checks(project)
    ok = not any(issue.severity == "error" for issue in issues)
    return ProjectCheck(project if ok else None, tuple(issues))


def _folder_checks(project: Project) -> list[Issue]:
    questionnaire = project.questionnaire
    listing = RespondentList(questionnaire=questionnaire.id, respondents=project.respondents)
    respondents_doc = DataDocument(Path("<respondents>"))
    issues = check_respondents(listing, respondents_doc, questionnaire)
    kept = frozenset(project.previous_by_version)
    checker = ResponseChecker(questionnaire, project.respondents, kept)
    seen: set[tuple[str, int]] = set()
    for response in project.responses:
        doc = DataDocument(Path("<responses>", response.respondent))
        issues += checker.check(response, doc)
        if (response.respondent, response.round) in seen:
            issues.append(
                located(
                    "duplicate_response",
                    doc,
                    ("respondent",),
                    respondent=response.respondent,
                    first=str(doc.path),
                )
            )
        seen.add((response.respondent, response.round))
    answered = {respondent for respondent, _ in seen}
    issues += check_coverage(project.respondents, answered, respondents_doc)
    if project.scoring is not None:
        issues += check_scoring(project.scoring, DataDocument(Path("<scoring>")), questionnaire)
    if project.rounds is not None:
        rounds_doc = DataDocument(Path("<rounds>"))
        issues += check_rounds(
            project.rounds, rounds_doc, questionnaire, project.respondents, project.responses
        )
    return issues
