"""The follow-up of a list's commitments over the mandate: ``followup/<list>.yaml``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from .base import CivicModel, Identifier, Text
from .responses import Evidence

__all__ = [
    "FOLLOWUP_STATES",
    "Followup",
    "FollowupReport",
    "FollowupRow",
    "FollowupState",
    "FollowupStep",
]

FollowupState = Literal["decided", "in_progress", "intention", "abandoned"]
FOLLOWUP_STATES: tuple[FollowupState, ...] = ("decided", "in_progress", "intention", "abandoned")


class FollowupStep(CivicModel):
    """Where a commitment stood on a date, and the source that says so."""

    date: dt.date
    state: FollowupState = Field(
        description="decided (voted, funded: green), in_progress (a costed project: orange), "
        "intention (announced only: red), abandoned."
    )
    note: Text | None = None
    evidence: tuple[Evidence, ...] = ()


class Followup(CivicModel):
    """One elected list's commitments followed over the mandate, step by step."""

    respondent: Identifier = Field(description="The list followed (an id of respondents.yaml).")
    updated: dt.date | None = Field(default=None, description="When the file was last reviewed.")
    commitments: dict[Identifier, Annotated[tuple[FollowupStep, ...], Field(min_length=1)]] = Field(
        default_factory=dict,
        description="Per question id: the steps, oldest first.",
    )


class FollowupRow(CivicModel):
    """Where one commitment of a followed list stands."""

    respondent: Identifier
    name: str
    question: Identifier
    theme: Identifier
    choice: Identifier = Field(description="The option the list committed to.")
    amount: float | None = Field(default=None, description="The amount it committed to, if any.")
    state: FollowupState | Literal["not_followed"] = Field(
        description="The state of the latest step, or not_followed when none is recorded yet."
    )
    since: dt.date | None = Field(default=None, description="The date of the latest step.")
    steps: int = 0
    evidence: int = Field(default=0, description="Sources cited over every step.")


class FollowupReport(CivicModel):
    """The state of every commitment of the followed lists (``civicquest followup``)."""

    lists: tuple[Identifier, ...] = Field(description="The followed lists, in respondents' order.")
    rows: tuple[FollowupRow, ...]
    counts: dict[str, int] = Field(description="Commitments by state, over every followed list.")
