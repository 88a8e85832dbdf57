"""The candidate lists asked to answer, and where each one stands."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from .base import CivicModel, Identifier, Text, Url
from .exchanges import Message, StatusEvent
from .questionnaire import InseeCode

__all__ = [
    "Answered",
    "AnsweredOutsideForm",
    "Contact",
    "Declined",
    "Merged",
    "NotSolicited",
    "PartiallyAnswered",
    "Pending",
    "Respondent",
    "RespondentList",
    "RespondentStatus",
    "Withdrawn",
]

RespondentStatus = Literal[
    "answered",
    "partial",
    "pending",
    "declined",
    "outside_form",
    "not_solicited",
    "withdrawn",
    "merged",
]


class Contact(CivicModel):
    """Private contact of a list: never exported unless explicitly asked."""

    name: Text | None = None
    email: Text | None = None
    phone: Text | None = None


class _RespondentBase(CivicModel):
    id: Identifier
    name: Text = Field(min_length=1)
    commune: InseeCode | None = Field(
        default=None,
        description="INSEE code of the list's commune; required when the questionnaire has "
        "several communes.",
    )
    head_of_list: Text | None = None
    political_label: Text | None = None
    url: Url | None = None
    note: Text | None = Field(default=None, description="A public note from the coalition.")
    contact: Contact | None = Field(
        default=None, description="Private: left out of every export unless asked for."
    )
    history: tuple[StatusEvent, ...] | None = Field(
        default=None, description="Public: the dated steps of the exchange, oldest first."
    )
    correspondence: tuple[Message, ...] | None = Field(
        default=None, description="Private, like contact: the messages exchanged, oldest first."
    )


class Answered(_RespondentBase):
    """The list answered the whole questionnaire."""

    status: Literal["answered"]


class PartiallyAnswered(_RespondentBase):
    """The list answered some questions."""

    status: Literal["partial"]


class Pending(_RespondentBase):
    """Asked, no answer yet ("en attente du retour du questionnaire")."""

    status: Literal["pending"]


class Declined(_RespondentBase):
    """The list said it would not answer."""

    status: Literal["declined"]
    reason: Text | None = Field(default=None, description="What the list gave as its reason.")


class AnsweredOutsideForm(_RespondentBase):
    """The list answered by letter, e-mail or in a meeting rather than with the form."""

    status: Literal["outside_form"]
    channel: Literal["letter", "email", "meeting", "other"]
    date: dt.date | None = None
    summary: Text = Field(min_length=1, description="Its text, or the coalition's summary.")
    full_text: Text | None = Field(
        default=None, description="The full text of the letter or e-mail, published verbatim."
    )


class NotSolicited(_RespondentBase):
    """The coalition chose not to ask this list, and says why."""

    status: Literal["not_solicited"]
    reason: Text = Field(min_length=1)


class Withdrawn(_RespondentBase):
    """The list withdrew from the election."""

    status: Literal["withdrawn"]
    date: dt.date | None = None


class Merged(_RespondentBase):
    """The list merged into another one between the rounds."""

    status: Literal["merged"]
    merged_into: Identifier = Field(description="Id of the list it merged into.")
    round: int = Field(default=2, ge=2, description="The round from which it runs merged.")


Respondent = Annotated[
    Answered
    | PartiallyAnswered
    | Pending
    | Declined
    | AnsweredOutsideForm
    | NotSolicited
    | Withdrawn
    | Merged,
    Field(discriminator="status"),
]


class RespondentList(CivicModel):
    """The content of ``respondents.yaml``."""

    questionnaire: Identifier | None = Field(
        default=None, description="Id of the questionnaire these lists were sent."
    )
    respondents: tuple[Respondent, ...]
