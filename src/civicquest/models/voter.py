"""A voter's answers: the same file format as a list's response, plus skip and importance marks."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import ConfigDict, Field, JsonValue, StrictInt, StrictStr, model_validator
from pydantic_core import PydanticCustomError

from .base import CivicModel, Identifier, Text
from .questionnaire import InseeCode
from .responses import VALUE_FIELDS, Answer, QuestionnaireRef

_NO_VALUE: dict[str, JsonValue] = {name: {"type": "null"} for name in (*VALUE_FIELDS, "no_answer")}

__all__ = ["VoterAnswer", "VoterAnswers"]


class VoterAnswer(Answer):
    """An answer, with optional ``important: true`` (counts double) and ``skip: true``."""

    # Exactly one value, as for a list's answer; or no value at all with skip: true.
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {"oneOf": Answer.model_config["json_schema_extra"]["oneOf"]},  # type: ignore[index]
                {"required": ["skip"], "properties": {"skip": {"const": True}, **_NO_VALUE}},
            ]
        }
    )

    important: bool = Field(default=False, description="The voter marks the question important.")
    skip: bool = Field(default=False, description="The voter skips the question.")

    @model_validator(mode="after")
    def _exactly_one_value(self) -> VoterAnswer:
        given = [name for name in VALUE_FIELDS if getattr(self, name) is not None]
        if self.no_answer is not None:
            given.append("no_answer")
        if len(given) > 1 or (not given and not self.skip):
            raise PydanticCustomError(
                "answer_value_count",
                "an answer needs exactly one of choice, choices, text, number or no_answer, "
                "or skip: true (given: {given})",
                {"given": ", ".join(given) or "-"},
            )
        return self

    @property
    def skipped(self) -> bool:
        """Whether this question is left out of the voter's matching."""
        return self.skip or self.choice is None


class VoterAnswers(CivicModel):
    """A voter's answers. A list's response file is accepted as it is."""

    id: StrictStr | StrictInt | None = Field(
        default=None,
        description="The voter's id in a panel (copied to the results as is); not used otherwise.",
    )
    respondent: Identifier | None = None
    commune: InseeCode | None = Field(
        default=None,
        description="The voter's commune (INSEE code), when the questionnaire has several: the "
        "voter is matched with the lists of that commune only.",
    )
    questionnaire: QuestionnaireRef | None = None
    received: dt.date | None = None
    round: int = Field(default=1, ge=1, le=2)
    channel: Literal["form", "letter", "email", "meeting", "other"] = "form"
    consent_to_publish: bool | None = None
    answers: dict[Identifier, VoterAnswer] = Field(default_factory=dict)
    comment: Text | None = None
