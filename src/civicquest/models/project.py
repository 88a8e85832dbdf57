"""A whole project: a questionnaire, the lists asked, and their responses."""

from __future__ import annotations

from functools import cached_property

from pydantic import Field

from .base import CivicModel
from .followup import Followup
from .questionnaire import (
    AnyQuestion,
    Commune,
    Questionnaire,
    Scale,
    Theme,
    restricted_questions,
)
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
    previous_versions: tuple[Questionnaire, ...] = Field(
        default=(),
        exclude=True,
        description=(
            "Earlier versions of the questionnaire kept in previous_versions/ (oldest first): "
            "a response to one of them is shown with the wording it answered."
        ),
    )
    followups: tuple[Followup, ...] = Field(
        default=(), description="The follow-up of elected lists' commitments (followup/)."
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
    def previous_by_version(self) -> dict[str, Questionnaire]:
        return {questionnaire.version: questionnaire for questionnaire in self.previous_versions}

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

    # -- communes: one questionnaire, lists in several communes -------------------------------

    @cached_property
    def communes_by_code(self) -> dict[str, Commune]:
        """The election's communes by INSEE code, in the order declared."""
        return {commune.insee_code: commune for commune in self.questionnaire.election.all_communes}

    @property
    def several_communes(self) -> bool:
        """Whether the questionnaire declares ``communes`` (lists are then compared per commune)."""
        return bool(self.questionnaire.election.communes)

    def commune_of(self, respondent: Respondent) -> str | None:
        """The INSEE code of ``respondent``'s commune: its own, else the election's only one."""
        if respondent.commune is not None:
            return respondent.commune
        communes = self.questionnaire.election.all_communes
        return communes[0].insee_code if len(communes) == 1 else None

    @cached_property
    def question_communes(self) -> dict[str, frozenset[str]]:
        """Per restricted question id, the communes where it applies (its theme's restriction
        and its own both hold); a question absent from this mapping applies everywhere."""
        return restricted_questions(self.questionnaire)

    def applies_in(self, question_id: str, commune: str | None) -> bool:
        """Whether the question ``question_id`` is asked in ``commune``."""
        allowed = self.question_communes.get(question_id)
        return allowed is None or commune in allowed

    def for_commune(self, commune: str, *, asked_only: bool = False) -> Project:
        """The same project with only the lists of ``commune`` (and their responses).

        With ``asked_only``, also only the questions asked in ``commune`` (what a voter of that
        commune is asked; scoring keeps them all, as 'not applicable' per the scoring policy).
        """
        kept = tuple(r for r in self.respondents if self.commune_of(r) == commune)
        ids = {r.id for r in kept}
        questionnaire = self.questionnaire
        if asked_only:
            asked = tuple(q for q in questionnaire.questions if self.applies_in(q.id, commune))
            questionnaire = questionnaire.model_copy(update={"questions": asked})
        return Project.model_construct(
            questionnaire=questionnaire,
            respondents=kept,
            responses=tuple(r for r in self.responses if r.respondent in ids),
            scoring=self.scoring,
            previous_versions=self.previous_versions,
            followups=tuple(f for f in self.followups if f.respondent in ids),
            rounds=self.rounds,
        )
