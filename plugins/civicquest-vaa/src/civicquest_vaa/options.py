"""The options both exporters share: which questions become theses, and by which rule."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .theses import Graded

__all__ = ["ThesisOptions"]


class ThesisOptions(BaseModel):
    """``graded`` and ``questions``, common to ``mat-o-wahl`` and ``open-election-compass``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    graded: Graded = Field(
        default="leave_out",
        description="Questions graded on more than three levels: leave_out, partial (all = agree, "
        "none = disagree, anything between = neutral) or thirds (score >= 0.66 agree, <= 0.34 "
        "disagree)",
    )
    questions: tuple[str, ...] = Field(
        default=(), description="Only these question ids, comma-separated (default: every thesis)"
    )

    @field_validator("questions", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value
