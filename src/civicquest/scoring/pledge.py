"""The signatory rule of a pact: how many measures each list commits to, and whether it signs."""

from __future__ import annotations

from dataclasses import dataclass

from ..models.commitments import Pledge
from ..models.project import Project
from ..models.questionnaire import commitment_options
from ..models.respondents import Respondent

__all__ = ["PledgeCount", "pledge_counts", "signs"]


@dataclass(frozen=True, slots=True)
class PledgeCount:
    """A list's commitments under the pledge, and whether that makes it a signatory."""

    commitments: int
    signatory: bool


def signs(pledge: Pledge, committed: set[str], waived: frozenset[str] = frozenset()) -> bool:
    """Whether a list committed to ``committed`` signs: at least ``min_commitments`` of them,
    and every required question (but those ``waived``, not asked in its commune)."""
    required = set(pledge.required) - waived
    return len(committed) >= pledge.min_commitments and required <= committed


def pledge_counts(project: Project, lists: tuple[Respondent, ...]) -> list[PledgeCount] | None:
    """Per list of ``lists``: its commitments and whether it signs; None without a pledge.

    Only questions asked in the list's commune count (an answer to another commune's question
    is kept but not used, as in scoring).
    """
    pledge = project.questionnaire.pledge
    if pledge is None:
        return None
    options = commitment_options(project.questionnaire)
    counts = []
    for respondent in lists:
        response = project.responses_by_respondent.get(respondent.id)
        answers = response.answers if response is not None else {}
        commune = project.commune_of(respondent)
        committed = {
            question
            for question, codes in options.items()
            if (answer := answers.get(question)) is not None
            and answer.choice in codes
            and project.applies_in(question, commune)
        }
        waived = frozenset(q for q in pledge.required if not project.applies_in(q, commune))
        counts.append(PledgeCount(len(committed), signs(pledge, committed, waived)))
    return counts
