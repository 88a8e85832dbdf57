"""Checks of the follow-up files: the list, the commitments followed, the order of dates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ...models.followup import Followup, FollowupStep
from ...models.questionnaire import Questionnaire, commitment_options
from ...models.respondents import Respondent
from ...models.responses import Response
from ..issues import Issue, located
from ..locations import DocPath, Document

__all__ = ["FollowupChecker"]


@dataclass(frozen=True)
class FollowupChecker:
    """Checks each ``followup/<list>.yaml`` against the questionnaire, lists and responses.

    ``respondents`` is None when respondents.yaml could not be read (those checks are skipped).
    """

    questionnaire: Questionnaire
    respondents: tuple[Respondent, ...] | None
    responses: Mapping[str, Response]

    def check(self, followup: Followup, doc: Document) -> list[Issue]:
        issues: list[Issue] = []
        known = None if self.respondents is None else {r.id for r in self.respondents}
        if known is not None and followup.respondent not in known:
            issues.append(located("followup_unknown_respondent", doc, ("respondent",),
                                  respondent=followup.respondent))  # fmt: skip
        committed = commitment_options(self.questionnaire)
        questions = {q.id for q in self.questionnaire.questions}
        response = self.responses.get(followup.respondent)
        for question, steps in followup.commitments.items():
            at: DocPath = ("commitments", question)
            if question not in questions:
                issues.append(located("unknown_question", doc, at, at_key=True, question=question))
                continue
            answer = response.answers.get(question) if response is not None else None
            choice = answer.choice if answer is not None else None
            if choice not in committed.get(question, frozenset()):
                issues.append(
                    located("followup_not_committed", doc, at, at_key=True, question=question,
                            respondent=followup.respondent, answer=choice or "-")
                )  # fmt: skip
            issues += self._dates(steps, doc, at)
        return issues

    def _dates(self, steps: tuple[FollowupStep, ...], doc: Document, at: DocPath) -> list[Issue]:
        election = min(r.date for r in self.questionnaire.election.rounds)
        issues = []
        for index, step in enumerate(steps):
            if step.date < election:
                issues.append(located("followup_before_election", doc, (*at, index, "date"),
                                      date=step.date.isoformat(),
                                      election=election.isoformat()))  # fmt: skip
            elif index and step.date < steps[index - 1].date:
                issues.append(located("followup_dates_order", doc, (*at, index, "date"),
                                      date=step.date.isoformat(),
                                      previous=steps[index - 1].date.isoformat()))  # fmt: skip
        return issues
