"""A whole project: a questionnaire, the lists asked, and their responses."""

from __future__ import annotations

from functools import cached_property

from pydantic import Field

from .base import CivicModel
from .questionnaire import AnyQuestion, Questionnaire, Scale, Theme
from .respondents import Respondent
from .responses import Response
from .scoring import ScoringConfig

__all__ = ["Project"]


class Project(CivicModel):
    """A cross-checked project, as returned by :func:`civicquest.load_project`."""

    questionnaire: Questionnaire
    respondents: tuple[Respondent, ...] = ()
    responses: tuple[Response, ...] = Field(
        default=(), description="At most one per respondent, in the respondents' order."
    )
    scoring: ScoringConfig | None = Field(
        default=None, description="The content of scoring.yaml, if the project has one."
    )
    previous_versions: tuple[Questionnaire, ...] = Field(
        default=(),
        exclude=True,
        description=(
            "Earlier versions of the questionnaire kept in previous_versions/ (oldest first): "
            "a response to one of them is shown with the wording it answered."
        ),
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
    def previous_by_version(self) -> dict[str, Questionnaire]:
        return {questionnaire.version: questionnaire for questionnaire in self.previous_versions}

    @cached_property
    def respondents_by_id(self) -> dict[str, Respondent]:
        return {respondent.id: respondent for respondent in self.respondents}

    @cached_property
    def responses_by_respondent(self) -> dict[str, Response]:
        return {response.respondent: response for response in self.responses}
