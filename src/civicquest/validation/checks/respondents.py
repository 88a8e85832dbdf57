"""Checks of the list of respondents against itself and the questionnaire."""

from __future__ import annotations

from ...models.questionnaire import Questionnaire
from ...models.respondents import Merged, RespondentList
from ..issues import Issue, located
from ..locations import Document
from .communes import check_respondent_communes
from .exchanges import check_exchanges
from .questionnaire import duplicate_ids

__all__ = ["check_respondents"]

_INACTIVE = frozenset({"withdrawn", "merged", "not_solicited"})


def check_respondents(
    respondents: RespondentList, doc: Document, questionnaire: Questionnaire | None
) -> list[Issue]:
    issues: list[Issue] = []
    expected = questionnaire.id if questionnaire else None
    if questionnaire is not None and respondents.questionnaire not in (None, expected):
        issues.append(
            located(
                "questionnaire_mismatch",
                doc,
                ("questionnaire",),
                found=respondents.questionnaire,
                expected=expected,
            )
        )
    items = [(r.id, ("respondents", i)) for i, r in enumerate(respondents.respondents)]
    issues += duplicate_ids("respondents", items, doc)
    issues += _mergers(respondents, doc)
    if questionnaire is not None:
        issues += check_respondent_communes(respondents.respondents, doc, questionnaire)
    issues += check_exchanges(respondents.respondents, doc)
    return issues


def _mergers(respondents: RespondentList, doc: Document) -> list[Issue]:
    by_id = {r.id: r for r in respondents.respondents}
    issues = []
    for i, respondent in enumerate(respondents.respondents):
        if not isinstance(respondent, Merged):
            continue
        at = ("respondents", i, "merged_into")
        target = by_id.get(respondent.merged_into)
        if target is None:
            issues.append(
                located(
                    "merged_into_unknown",
                    doc,
                    at,
                    target=respondent.merged_into,
                    expected=", ".join(sorted(by_id)) or "-",
                )
            )
        elif target.id == respondent.id:
            issues.append(located("merged_into_self", doc, at))
        elif target.status in _INACTIVE:
            issues.append(
                located(
                    "merged_into_inactive",
                    doc,
                    at,
                    severity="warning",
                    target=target.id,
                    status=target.status,
                )
            )
    return issues
