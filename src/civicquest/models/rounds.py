"""The rounds of the election: which lists stand in each, and the mergers between them.

The content of ``rounds.yaml`` (optional). Without it, every list stands in round 1 and no
round 2 is recorded. See docs/rounds-and-exchanges.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .base import CivicModel, Identifier, Text
from .responses import Answer

__all__ = [
    "CommitmentFate",
    "ElectionRounds",
    "Merger",
    "MergingList",
    "Renegotiated",
    "RoundRecord",
]


class Renegotiated(CivicModel):
    """A commitment renegotiated in the merger: the merged list's new answer."""

    renegotiated: Answer
    note: Text | None = None


CommitmentFate = Literal["keeps", "drops"] | Renegotiated


class MergingList(CivicModel):
    """A list that merged, and what becomes of each of its commitments."""

    list: Identifier = Field(
        description="Id of the list that merged (it stood in the round before)."
    )
    commitments: dict[Identifier, CommitmentFate] = Field(
        default_factory=dict,
        description="Per question id: keeps (the merged list takes up this list's answer), "
        "drops, or {renegotiated: <answer>}. A question not listed is not taken up.",
    )


class Merger(CivicModel):
    """Lists that merged between two rounds into one list (a new one or one of them)."""

    into: Identifier = Field(description="Id of the merged list (in respondents.yaml).")
    lists: tuple[MergingList, ...] = Field(
        min_length=1, description="The lists that merged into it (not the merged list itself)."
    )
    date: dt.date | None = None
    consent_to_publish: bool = Field(
        description="Whether the merged list agreed that the commitments it keeps be published."
    )
    note: Text | None = Field(default=None, description="A public note from the coalition.")


class RoundRecord(CivicModel):
    """One round: the lists standing in it and, from round 2, the mergers before it."""

    number: int = Field(ge=1, description="The round's number, one of the election's rounds.")
    lists: tuple[Identifier, ...] = Field(description="Ids of the lists standing in this round.")
    mergers: tuple[Merger, ...] = Field(
        default=(), description="Mergers that made lists of this round (from round 2)."
    )


class ElectionRounds(CivicModel):
    """The content of ``rounds.yaml``."""

    questionnaire: Identifier | None = Field(
        default=None, description="Id of the questionnaire the lists were sent."
    )
    rounds: tuple[RoundRecord, ...] = Field(min_length=1)

    def record(self, number: int) -> RoundRecord | None:
        """The record of round ``number``, if there is one."""
        return next((item for item in self.rounds if item.number == number), None)
