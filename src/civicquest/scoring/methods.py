"""The built-in scoring methods: weighted commitment score, counts by level, publish unranked."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import UsageError
from ..models.project import Project
from ..models.results import ScoreReport
from ..models.scoring import MissingRules
from .report import build_report, prepare

__all__ = [
    "LevelsOptions",
    "ScoreOptions",
    "UnrankedOptions",
    "describe_option_errors",
    "score_commitment",
    "score_levels",
    "score_unranked",
]


class ScoreOptions(BaseModel):
    """Options every built-in method takes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    missing: MissingRules | None = Field(
        default=None, description="Overrides the project's missing-answer policy (scoring.yaml)."
    )
    include_unpublished: bool = Field(
        default=False, description="Also score lists that did not consent to publication."
    )


class LevelsOptions(ScoreOptions):
    """Options of the ``levels`` method."""


class UnrankedOptions(ScoreOptions):
    """Options of the ``unranked`` method: the order in which the lists are published."""

    order: Literal["alphabetical", "lot"] = "alphabetical"
    seed: int | None = Field(
        default=None, description="Published seed of the draw; required with order 'lot'."
    )

    @model_validator(mode="after")
    def _seed_for_lot(self) -> UnrankedOptions:
        if self.order == "lot" and self.seed is None:
            raise ValueError(
                "order 'lot' needs a published seed: give --seed with a number announced beforehand"
            )
        return self


def _options(options: Any, model: type[ScoreOptions]) -> ScoreOptions:
    if options is None:
        return model()
    if isinstance(options, model):
        return options
    try:
        return model.model_validate(options)
    except ValidationError as error:
        raise UsageError(describe_option_errors(error)) from None


def describe_option_errors(error: ValidationError) -> str:
    """One line per problem, without pydantic's technical framing."""
    parts = []
    for details in error.errors(include_url=False):
        where = ".".join(str(part) for part in details["loc"])
        message = details["msg"].removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    return "invalid scoring options: " + "; ".join(parts)


def score_commitment(project: Project, options: Any = None) -> ScoreReport:
    """Weighted commitment score per theme and overall (0-100); lists ranked best first."""
    chosen = _options(options, ScoreOptions)
    run = prepare(project, chosen.missing, include_unpublished=chosen.include_unpublished)
    dumped = chosen.model_dump(mode="json")
    return build_report(run, "commitment", dumped, ranked=True, order="score")


def score_levels(project: Project, options: Any = None) -> ScoreReport:
    """Count of answers by level (option) and by missing case; no score, alphabetical order."""
    chosen = _options(options, LevelsOptions)
    run = prepare(project, chosen.missing, include_unpublished=chosen.include_unpublished)
    report = build_report(
        run, "levels", chosen.model_dump(mode="json"), ranked=False, order="alphabetical"
    )
    return _without_scores(report)


def score_unranked(project: Project, options: Any = None) -> ScoreReport:
    """Publish without ranking: no aggregate, lists alphabetical or drawn by lot (seeded)."""
    chosen = _options(options, UnrankedOptions)
    assert isinstance(chosen, UnrankedOptions)
    run = prepare(project, chosen.missing, include_unpublished=chosen.include_unpublished)
    report = build_report(
        run,
        "unranked",
        chosen.model_dump(mode="json"),
        ranked=False,
        order=chosen.order,
        seed=chosen.seed,
    )
    return _without_scores(report)


def _without_scores(report: ScoreReport) -> ScoreReport:
    lists = tuple(
        item.model_copy(update={"score": None, "rank": None, "themes": ()}) for item in report.lists
    )
    return report.model_copy(update={"lists": lists})
