"""The exchange with each list: who was asked when, what was said, who wrote each position.

Kept apart from the respondents' and responses' models so that each of them only gains a few
optional fields (see docs/rounds-and-exchanges.md).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .base import CivicModel, Identifier, Text, Url

__all__ = [
    "AnswerAuthor",
    "Channel",
    "Correction",
    "EarlierAnswer",
    "ExchangeEvent",
    "Message",
    "PublicSource",
    "RightOfReply",
    "StatusEvent",
]

ExchangeEvent = Literal["sent", "reminded", "read", "replied", "declined"]
Channel = Literal["form", "letter", "email", "phone", "meeting", "other"]
AnswerAuthor = Literal["list", "coalition"]
_VALUES = ("choice", "choices", "text", "number", "no_answer")


class StatusEvent(CivicModel):
    """One dated step of the exchange with a list: public, in the order it happened."""

    date: dt.date
    event: ExchangeEvent = Field(
        description="sent, reminded, read (acknowledged), replied or declined."
    )
    channel: Channel | None = None
    note: Text | None = Field(default=None, description="A public note on this step.")


class Message(CivicModel):
    """One message of the correspondence log. Private: never exported unless asked for."""

    date: dt.date
    direction: Literal["in", "out"] = Field(
        description="in: from the list to the coalition; out: from the coalition to the list."
    )
    channel: Channel
    summary: Text = Field(min_length=1, description="What the message says, in a few lines.")
    correspondent: Text | None = Field(
        default=None, description="Who wrote or received it (a name, an address)."
    )


class PublicSource(CivicModel):
    """Where the coalition found a position it wrote for a list (programme, interview...)."""

    url: Url | None = Field(default=None, description="Required: the address of the source.")
    excerpt: Text | None = Field(default=None, description="The passage quoted, verbatim.")
    title: Text | None = None
    accessed: dt.date | None = Field(
        default=None, description="Required: the date the coalition read the source."
    )


class RightOfReply(CivicModel):
    """The list's right of reply to a position the coalition wrote for it."""

    offered: dt.date = Field(description="When the coalition offered the list to reply.")
    replied: dt.date | None = Field(default=None, description="When the list replied, if it did.")
    reply: Text | None = Field(
        default=None, description="The list's reply, published next to the position; none yet."
    )


class EarlierAnswer(CivicModel):
    """The value of an answer before a correction (exactly one value, as in an answer)."""

    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {"required": [name], "properties": {name: {"not": {"type": "null"}}}}
                for name in _VALUES
            ]
        }
    )

    choice: Identifier | None = None
    choices: tuple[Identifier, ...] | None = None
    text: Text | None = None
    number: float | None = Field(default=None, allow_inf_nan=False)
    no_answer: Literal["skipped", "declined", "not_applicable"] | None = None
    comment: Text | None = None

    @model_validator(mode="after")
    def _exactly_one_value(self) -> EarlierAnswer:
        given = [name for name in _VALUES if getattr(self, name) is not None]
        if len(given) != 1:
            raise PydanticCustomError(
                "answer_value_count",
                "an answer needs exactly one of choice, choices, text, number or no_answer "
                "(given: {given})",
                {"given": ", ".join(given) or "-"},
            )
        return self


class Correction(CivicModel):
    """A correction after publication: the earlier answer is kept, with its date and why."""

    date: dt.date = Field(description="When the correction was made.")
    reason: Text | None = Field(default=None, description="Required: why the answer changed.")
    previous: EarlierAnswer = Field(description="The answer as published before.")
    published: dt.date | None = Field(
        default=None, description="When the earlier answer was published."
    )
