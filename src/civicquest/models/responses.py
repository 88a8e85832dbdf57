"""A list's answers to a questionnaire."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .base import CivicModel, Identifier, Text, Url
from .exchanges import AnswerAuthor, Correction, PublicSource, RightOfReply
from .questionnaire import SemVer

__all__ = ["Answer", "Evidence", "NoAnswerReason", "QuestionnaireRef", "Response"]

NoAnswerReason = Literal["skipped", "declined", "not_applicable"]
VALUE_FIELDS = ("choice", "choices", "text", "number")


class Evidence(CivicModel):
    """A source backing an answer: a link, a quoted excerpt of a programme, or both."""

    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {"required": ["url"], "properties": {"url": {"type": "string"}}},
                {"required": ["excerpt"], "properties": {"excerpt": {"type": "string"}}},
            ]
        }
    )

    url: Url | None = None
    excerpt: Text | None = None
    title: Text | None = None

    @model_validator(mode="after")
    def _url_or_excerpt(self) -> Evidence:
        if self.url is None and self.excerpt is None:
            raise PydanticCustomError(
                "evidence_without_source", "evidence needs a url, an excerpt, or both"
            )
        return self


class Answer(CivicModel):
    """One answer: exactly one value, or the reason there is none."""

    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {"required": [name], "properties": {name: {"not": {"type": "null"}}}}
                for name in (*VALUE_FIELDS, "no_answer")
            ]
        }
    )

    choice: Identifier | None = Field(
        default=None, description="Option code, for single choice, commitment and position."
    )
    choices: tuple[Identifier, ...] | None = Field(
        default=None, description="Option codes, for multiple choice."
    )
    text: Text | None = Field(default=None, description="Free text, for open questions.")
    number: float | None = Field(default=None, allow_inf_nan=False)
    no_answer: NoAnswerReason | None = Field(
        default=None, description="Why there is no value: skipped, declined or not applicable."
    )
    comment: Text | None = None
    evidence: tuple[Evidence, ...] = ()
    amount: float | None = Field(
        default=None,
        allow_inf_nan=False,
        description="The number the answer carries next to its option (unit: the question's "
        "amount.unit), e.g. choice: engage with amount: 150000.",
    )
    important: bool | None = Field(
        default=None,
        description="The list marks this question as important to it; only the 'points' "
        "matching method uses it (importance factor for the list, as SVT).",
    )
    written_by: AnswerAuthor | None = Field(
        default=None,
        description="list (the default): the list's own answer; coalition: written by the "
        "coalition from a public source (then source and right_of_reply say which and what "
        "the list said).",
    )
    source: PublicSource | None = Field(
        default=None, description="For a position written by the coalition: where it comes from."
    )
    right_of_reply: RightOfReply | None = None
    corrections: tuple[Correction, ...] | None = Field(
        default=None, description="Corrections after publication, oldest first."
    )

    @model_validator(mode="after")
    def _exactly_one_value(self) -> Answer:
        # Written out rather than looped: this runs once per answer on bulk loads.
        given = (
            (self.choice is not None)
            + (self.choices is not None)
            + (self.text is not None)
            + (self.number is not None)
            + (self.no_answer is not None)
        )
        if given != 1:
            listed = ", ".join(
                name for name in (*VALUE_FIELDS, "no_answer") if getattr(self, name) is not None
            )
            raise PydanticCustomError(
                "answer_value_count",
                "an answer needs exactly one of choice, choices, text, number or no_answer "
                "(given: {given})",
                {"given": listed or "-"},
            )
        return self

    @property
    def value_field(self) -> str:
        """The name of the field holding this answer's value (or ``no_answer``)."""
        for name in VALUE_FIELDS:
            if getattr(self, name) is not None:
                return name
        return "no_answer"


class QuestionnaireRef(CivicModel):
    """Which questionnaire, and which version of it, was answered."""

    id: Identifier
    version: SemVer


class Response(CivicModel):
    """One list's response."""

    respondent: Identifier
    questionnaire: QuestionnaireRef
    received: dt.date | None = None
    round: int = Field(
        default=1, ge=1, description="The round this response is for (one of the election's)."
    )
    channel: Literal["form", "letter", "email", "meeting", "other"] = "form"
    consent_to_publish: bool = Field(
        description="Whether the list agreed that its answers be published."
    )
    answers: dict[Identifier, Answer] = Field(default_factory=dict)
    comment: Text | None = Field(default=None, description="A general comment from the list.")
