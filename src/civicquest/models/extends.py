"""A questionnaire that extends another: the ``extends`` and ``remove`` keys, and the file's shape.

The loader resolves such a file into a plain :class:`~civicquest.models.Questionnaire` (see
docs/evolving.md); the models here check the two keys of its own and give editors the shape
of the whole file (:class:`QuestionnaireFile`, the questionnaire JSON Schema).
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, RootModel, create_model
from pydantic.fields import FieldInfo

from .base import CivicModel, Identifier, Text
from .questionnaire import (
    SEMVER_PATTERN,
    CommitmentQuestion,
    Commune,
    Election,
    MultipleChoiceQuestion,
    NumberQuestion,
    OpenTextQuestion,
    Organisation,
    PositionQuestion,
    QuestionKind,
    Questionnaire,
    Scale,
    ScaleOption,
    SingleChoiceQuestion,
    Theme,
)

__all__ = [
    "BaseRef",
    "QuestionnaireExtension",
    "QuestionnaireFile",
    "Removals",
]

#: Prefix of a base that is one of the examples shipped with civicquest (``example:aix2026``).
EXAMPLE_PREFIX = "example:"


class BaseRef(CivicModel):
    """The questionnaire extended, pinned to the version this file was written against."""

    questionnaire: Text = Field(
        min_length=1,
        description=(
            "A questionnaire file or a project folder, relative to this file, or "
            "'example:<name>' for an example shipped with civicquest (example:aix2026)."
        ),
    )
    version: str = Field(
        pattern=SEMVER_PATTERN,
        description="The base's version this file was written against; any other is an error.",
    )


class Removals(CivicModel):
    """What this questionnaire leaves out of its base, by id."""

    questions: tuple[Identifier, ...] = ()
    themes: tuple[Identifier, ...] = ()
    scales: tuple[Identifier, ...] = ()
    organisers: tuple[Identifier, ...] = ()
    options: dict[Identifier, tuple[Identifier, ...]] = Field(
        default_factory=dict, description="Option codes to leave out, by scale id."
    )


_PLACEMENT: dict[str, Any] = {
    "before": (Identifier | None, Field(default=None, description="Put it before this id.")),
    "after": (Identifier | None, Field(default=None, description="Put it after this id.")),
}


def _optional(info: FieldInfo) -> tuple[Any, Any]:
    """A field's type and constraints, made optional (``None``: not changed)."""
    annotation: Any = info.annotation
    if info.metadata:
        annotation = typing.Annotated[(annotation, *info.metadata)]
    return annotation | None, Field(default=None, description=info.description)


def _partial(
    name: str,
    models: tuple[type[BaseModel], ...],
    key: str | None,
    __extra__: dict[str, Any] | None = None,
    **replaced: Any,
) -> type[BaseModel]:
    """``models``' fields, all optional but ``key``; ``replaced`` gives some another type."""
    fields: dict[str, Any] = dict(__extra__ or {})
    for model in models:
        for field_name, info in model.model_fields.items():
            if field_name in fields:
                continue
            if field_name in replaced:
                fields[field_name] = (replaced[field_name] | None, Field(default=None))
            elif field_name == key:
                fields[field_name] = (info.annotation, Field(description=info.description))
            else:
                fields[field_name] = _optional(info)
    if key is not None:
        fields.update(_PLACEMENT)
    what = models[0].__name__.removesuffix("Question") or "Question"
    doc = f"A {what} to add, or the fields of one to change (merged by {key})."
    created: type[BaseModel] = create_model(name, __base__=CivicModel, __doc__=doc, **fields)
    return created


_QUESTION_KINDS = (
    SingleChoiceQuestion,
    CommitmentQuestion,
    PositionQuestion,
    MultipleChoiceQuestion,
    OpenTextQuestion,
    NumberQuestion,
)
QuestionChange = _partial("QuestionChange", _QUESTION_KINDS, "id", kind=QuestionKind)
ThemeChange = _partial("ThemeChange", (Theme,), "id")
OrganisationChange = _partial("OrganisationChange", (Organisation,), "id")
OptionChange = _partial("OptionChange", (ScaleOption,), "code")
ScaleChange = _partial("ScaleChange", (Scale,), "id", options=tuple[OptionChange, ...])  # type: ignore[valid-type]
CommuneChange = _partial("CommuneChange", (Commune,), None)
ElectionChange = _partial("ElectionChange", (Election,), None, commune=CommuneChange)


QuestionnaireExtension = _partial(
    "QuestionnaireExtension",
    (Questionnaire,),
    None,
    themes=tuple[ThemeChange, ...],  # type: ignore[valid-type]
    scales=tuple[ScaleChange, ...],  # type: ignore[valid-type]
    questions=tuple[QuestionChange, ...],  # type: ignore[valid-type]
    organisers=tuple[OrganisationChange, ...],  # type: ignore[valid-type]
    election=ElectionChange,
    __extra__={
        "extends": (BaseRef, Field(description="The questionnaire this one extends.")),
        "remove": (Removals, Field(default_factory=Removals)),
    },
)
"""A questionnaire written as changes to another: what it leaves out (``remove``), then what
it changes or adds (merged by id; a ``null`` value removes a field)."""


class QuestionnaireFile(RootModel[Questionnaire | QuestionnaireExtension]):  # type: ignore[valid-type]
    """What a questionnaire file holds: a whole questionnaire, or one that extends another."""

    model_config = ConfigDict(title="Questionnaire")
