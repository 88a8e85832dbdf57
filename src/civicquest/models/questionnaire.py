"""The questionnaire a coalition sends to candidate lists."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, StringConstraints

from .base import CivicModel, Identifier, LanguageCode, LocalizedText, Text, Url, Weight
from .commitments import AmountSpec, NeutralKind, Pledge

__all__ = [
    "AnyQuestion",
    "CommitmentQuestion",
    "Commune",
    "Competence",
    "Election",
    "InseeCode",
    "MultipleChoiceQuestion",
    "NumberQuestion",
    "OpenTextQuestion",
    "Organisation",
    "PositionQuestion",
    "Question",
    "QuestionBase",
    "QuestionKind",
    "Questionnaire",
    "Round",
    "Scale",
    "ScaleOption",
    "SingleChoiceQuestion",
    "Theme",
    "commitment_options",
    "restricted_questions",
]

SEMVER_PATTERN = (
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$"
)
SemVer = Annotated[
    str,
    StringConstraints(pattern=SEMVER_PATTERN),
    Field(description="A semantic version such as '1.0.0'."),
]
InseeCode = Annotated[
    str,
    StringConstraints(pattern=r"^([0-9]{5}|2[AB][0-9]{3})$"),
    Field(description="The INSEE code of the commune (code officiel géographique), e.g. '13001'."),
]


class Competence(StrEnum):
    """Who decides: a list can commit to act, or only to advocate, depending on this."""

    COMMUNE = "commune"
    CCAS = "ccas"
    METROPOLE = "metropole"
    DEPARTEMENT = "departement"
    ETAT = "etat"


class Organisation(CivicModel):
    """A member of the coalition that sends the questionnaire."""

    id: Identifier
    name: Text = Field(min_length=1)
    short_name: Text | None = None
    url: Url | None = None


class Round(CivicModel):
    """One round of the election."""

    number: int = Field(ge=1, le=2)
    date: dt.date


class Commune(CivicModel):
    """A commune whose lists are asked."""

    name: Text = Field(min_length=1)
    insee_code: InseeCode


_COMMUNES_HELP = (
    "Only in these communes (INSEE codes of the election's communes); empty: in every commune. "
    "A list of another commune gets 'not applicable' for it."
)


class Election(CivicModel):
    """The election the questionnaire is about: one commune, or several (``communes``)."""

    name: LocalizedText
    commune: Commune | None = Field(
        default=None, description="The commune, for a questionnaire sent in one commune."
    )
    communes: tuple[Commune, ...] | None = Field(
        default=None,
        description="The communes, for one questionnaire sent in several (a metropolis, a "
        "département); each list then says its commune. Give 'commune' or 'communes'.",
    )
    territory: Text | None = Field(
        default=None,
        description="The name of the area the communes make up, e.g. 'Métropole de Rennes'.",
    )
    division_id: str = Field(
        pattern=r"^ocd-division/country:[a-z]{2}(/[a-z_]+:[A-Za-z0-9_.~\-]+)*$",
        description=(
            "An Open Civic Data division id. France has no official commune-level id: civicquest's "
            "convention nests 'commune:<INSEE code>' under the existing département id, e.g. "
            "'ocd-division/country:fr/region:pr/department:bd/commune:13001'."
        ),
    )
    rounds: tuple[Round, ...] = Field(min_length=1, max_length=2)

    @property
    def all_communes(self) -> tuple[Commune, ...]:
        """The commune, or the communes, of the election, in the order declared."""
        return (self.commune,) if self.commune is not None else self.communes or ()

    @property
    def place(self) -> str:
        """A name for where the election is: the commune, the territory, or the communes."""
        if self.commune is not None:
            return self.commune.name
        return self.territory or ", ".join(commune.name for commune in self.communes or ())


class Theme(CivicModel):
    """A theme or axis grouping questions."""

    id: Identifier
    title: LocalizedText
    description: LocalizedText | None = None
    weight: Weight = 1.0
    communes: tuple[InseeCode, ...] | None = Field(default=None, description=_COMMUNES_HELP)


class ScaleOption(CivicModel):
    """One possible answer on a scale, with a stable code."""

    code: Identifier
    label: LocalizedText
    score: float | None = Field(
        default=None,
        ge=0,
        le=1,
        allow_inf_nan=False,
        description="Value between 0 (least) and 1 (most) used by scoring; none if unscored.",
    )
    not_applicable: bool = Field(
        default=False,
        description="The question does not apply (e.g. outside the commune's powers).",
    )
    neutral: NeutralKind | None = Field(
        default=None,
        description="A neutral option: 'position' (a stance in the middle, e.g. 'neutre') or "
        "'no_opinion' (e.g. 'ne se prononce pas': counted as missing, per the scoring policy "
        "missing.no_opinion).",
    )
    requires_comment: bool = Field(
        default=False,
        description="An answer choosing this option must carry a comment (e.g. 'partiellement').",
    )


class Scale(CivicModel):
    """A reusable answer scale, its options ordered from the most to the least committed."""

    id: Identifier
    label: LocalizedText | None = None
    options: tuple[ScaleOption, ...] = Field(min_length=2)


QuestionKind = Literal[
    "single_choice", "commitment", "position", "multiple_choice", "open_text", "number"
]


class QuestionBase(CivicModel):
    """What every kind of question has; ``isinstance(q, Question)`` holds for each of them.

    Never validated on its own: a questionnaire's questions are validated as
    :data:`AnyQuestion`, the union of the kinds told apart by ``kind``.
    """

    if TYPE_CHECKING:  # each kind declares its own ``kind`` literal, the field pydantic sees
        kind: QuestionKind

    id: Identifier
    theme: Identifier
    text: LocalizedText
    help: LocalizedText | None = None
    lever: LocalizedText | None = Field(
        default=None, description="The municipal lever the question is about."
    )
    asked_by: tuple[Identifier, ...] = Field(
        default=(), description="Ids of the organisers who asked this question."
    )
    competences: tuple[Competence, ...] = ()
    required: bool = False
    scored: bool = True
    weight: Weight = 1.0
    allow_comment: bool = True
    allow_evidence: bool = True
    requires_evidence: bool = Field(
        default=False, description="An answer must carry evidence (a link or an excerpt)."
    )
    communes: tuple[InseeCode, ...] | None = Field(default=None, description=_COMMUNES_HELP)


class _ScaledQuestion(QuestionBase):
    scale: Identifier = Field(description="Id of the scale the answer is chosen on.")
    amount: AmountSpec | None = Field(
        default=None,
        description="A number the answer may carry next to its option (answer field 'amount').",
    )


class SingleChoiceQuestion(_ScaledQuestion):
    """Pick exactly one option of a scale."""

    kind: Literal["single_choice"]


class CommitmentQuestion(_ScaledQuestion):
    """A graded commitment: 'engagement fort / minimal / pas d'engagement', levels 1-3..."""

    kind: Literal["commitment"]


class PositionQuestion(_ScaledQuestion):
    """A position on a thesis: agree / neutral / disagree."""

    kind: Literal["position"]


class MultipleChoiceQuestion(_ScaledQuestion):
    """Pick any number of options of a scale."""

    kind: Literal["multiple_choice"]
    scored: bool = Field(default=False, description="Multiple choices are never scored.")
    min_choices: int = Field(default=0, ge=0)
    max_choices: int | None = Field(default=None, ge=1)


class OpenTextQuestion(QuestionBase):
    """A free answer, published verbatim; never scored."""

    kind: Literal["open_text"]
    scored: bool = False
    max_length: int | None = Field(default=None, ge=1)


class NumberQuestion(QuestionBase):
    """A number (a budget, a count of places...)."""

    kind: Literal["number"]
    scored: bool = False
    unit: LocalizedText | None = None
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False


AnyQuestion = Annotated[
    SingleChoiceQuestion
    | CommitmentQuestion
    | PositionQuestion
    | MultipleChoiceQuestion
    | OpenTextQuestion
    | NumberQuestion,
    Field(discriminator="kind"),
]
"""The annotation that validates a question of any kind (a union discriminated by ``kind``)."""

#: The public name for a question of any kind: the base class, so that ``isinstance`` works.
Question = QuestionBase
SCALED_KINDS: frozenset[str] = frozenset(
    {"single_choice", "commitment", "position", "multiple_choice"}
)
SCORABLE_KINDS: frozenset[str] = frozenset({"single_choice", "commitment", "position"})


class Questionnaire(CivicModel):
    """A questionnaire: who asks, about which election, on which themes, with which questions."""

    id: Identifier
    version: SemVer
    default_language: LanguageCode = "fr"
    languages: tuple[LanguageCode, ...] = Field(
        default=("fr",), min_length=1, description="Languages every text must be given in."
    )
    title: LocalizedText
    description: LocalizedText | None = None
    intro: LocalizedText | None = None
    organisers: tuple[Organisation, ...] = Field(min_length=1)
    election: Election
    themes: tuple[Theme, ...] = Field(min_length=1)
    scales: tuple[Scale, ...] = ()
    questions: tuple[AnyQuestion, ...] = Field(min_length=1)
    pledge: Pledge | None = Field(
        default=None, description="The signatory rule, when the questionnaire is a pact to sign."
    )


def restricted_questions(questionnaire: Questionnaire) -> dict[str, frozenset[str]]:
    """Per restricted question id, the communes where it is asked: its own ``communes`` and its
    theme's both hold. A question absent from the mapping is asked in every commune."""
    themes = {theme.id: theme.communes for theme in questionnaire.themes}
    restricted: dict[str, frozenset[str]] = {}
    for question in questionnaire.questions:
        own, theirs = question.communes or (), themes.get(question.theme) or ()
        if own and theirs:
            restricted[question.id] = frozenset(own) & frozenset(theirs)
        elif own or theirs:
            restricted[question.id] = frozenset(own or theirs)
    return restricted


def commitment_options(questionnaire: Questionnaire) -> dict[str, frozenset[str]]:
    """Per question that can hold a commitment, the option codes that count as one.

    With a ``pledge``: its options, on its questions (default: every choice question whose
    scale has one of them). Without: the options of ``commitment`` questions scored above 0
    (never a not-applicable or neutral option). The pledge counts, and follow-ups follow, these.
    """
    scales = {scale.id: scale for scale in questionnaire.scales}
    pledge = questionnaire.pledge
    found: dict[str, frozenset[str]] = {}
    for question in questionnaire.questions:
        scale = scales.get(getattr(question, "scale", ""))
        if scale is None or question.kind not in SCORABLE_KINDS:
            continue
        if pledge is not None:
            if pledge.questions is not None and question.id not in pledge.questions:
                continue
            options = frozenset(o.code for o in scale.options) & frozenset(pledge.options)
        elif question.kind == "commitment":
            options = frozenset(
                o.code
                for o in scale.options
                if (o.score or 0) > 0 and not o.not_applicable and o.neutral is None
            )
        else:
            continue
        if options:
            found[question.id] = options
    return found
