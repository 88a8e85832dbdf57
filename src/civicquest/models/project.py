"""A whole project: a questionnaire, the lists asked, and their responses."""

from __future__ import annotations

from functools import cached_property

from pydantic import Field

from .base import CivicModel
from .questionnaire import AnyQuestion, Questionnaire, Scale, Theme
from .respondents import Respondent
from .responses import Response
from .rounds import ElectionRounds
from .scoring import ScoringConfig

__all__ = ["Project"]


class Project(CivicModel):
    """A cross-checked project, as returned by :func:`civicquest.load_project`."""

    questionnaire: Questionnaire
    respondents: tuple[Respondent, ...] = ()
    responses: tuple[Response, ...] = Field(
        default=(),
        description="At most one per respondent and round, in the respondents' order, then "
        "by round.",
    )
    scoring: ScoringConfig | None = Field(
        default=None, description="The content of scoring.yaml, if the project has one."
    )
    rounds: ElectionRounds | None = Field(
        default=None, description="The content of rounds.yaml, if the project has one."
    )

    @cached_property
    def questions_by_id(self) -> dict[str, AnyQuestion]:
        return {question.id: question for question in self.questionnaire.questions}

    @cached_property
    def scales_by_id(self) -> dict[str, Scale]:
        return {scale.id: scale for scale in self.questionnaire.scales}

    @cached_property
    def themes_by_id(self) -> dict[str, Theme]:
        return {theme.id: theme for theme in self.questionnaire.themes}

    @cached_property
    def respondents_by_id(self) -> dict[str, Respondent]:
        return {respondent.id: respondent for respondent in self.respondents}

    @cached_property
    def responses_by_respondent(self) -> dict[str, Response]:
        """Each list's response of the latest round it answered."""
        latest: dict[str, Response] = {}
        for response in self.responses:
            known = latest.get(response.respondent)
            if known is None or response.round > known.round:
                latest[response.respondent] = response
        return latest
