"""The records plugins return from their hooks: small, frozen and typed.

Plugin authors import them from :mod:`civicquest.plugins`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from ..models.project import Project
from ._imports import ImportResult

__all__ = [
    "ExportInput",
    "ExportOutput",
    "Exporter",
    "Importer",
    "Needs",
    "NoOptions",
    "ScoringMethod",
    "validate_record_name",
]

NAME_PATTERN = r"^[a-z][a-z0-9_\-]{0,39}$"


class NoOptions(BaseModel):
    """Options of a plugin record that takes none."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def validate_record_name(kind: str, name: str) -> None:
    """Raise ``ValueError`` unless ``name`` is a lowercase short name."""
    if not re.fullmatch(NAME_PATTERN, name):
        raise ValueError(f"invalid {kind} name {name!r}: use lowercase letters, digits, '-' or '_'")


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportInput:
    """What an exporter receives: the project, its validated options, and the language.

    The core has already applied the publication rules to ``project``: private contacts are
    removed unless asked for, and the responses of lists that did not consent to publication
    carry no answers and no comment (their ids are in ``withheld``) unless asked for.
    """

    project: Project
    options: BaseModel
    lang: str = "fr"
    results: Any = None
    withheld: frozenset[str] = frozenset()


ExportOutput = bytes | Mapping[str, bytes]
Needs = Literal["questionnaire", "responses", "results"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Exporter:
    """An export format.

    ``export`` returns the bytes of one file, or, when ``writes == "folder"``, a mapping of
    relative paths to bytes. The core writes them atomically. Output must be deterministic.
    """

    name: str
    description: str
    export: Callable[[ExportInput], ExportOutput]
    file_extensions: tuple[str, ...] = ()
    media_type: str = "application/octet-stream"
    needs: Needs = "responses"
    writes: Literal["file", "folder"] = "file"
    options: type[BaseModel] = NoOptions
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in (self.name, *self.aliases):
            validate_record_name("exporter", name)
        for extension in self.file_extensions:
            if not re.fullmatch(r"^\.[a-z0-9][a-z0-9.]{0,15}$", extension):
                raise ValueError(f"invalid file extension {extension!r} for exporter {self.name!r}")
        if not (isinstance(self.options, type) and issubclass(self.options, BaseModel)):
            raise TypeError(f"exporter {self.name!r}: options must be a pydantic model class")


@dataclass(frozen=True, slots=True, kw_only=True)
class Importer:
    """An import format: turns a foreign file of answers into civicquest data.

    ``load(project, content, options, file_name)`` receives the project (for the questionnaire
    and the lists), the file's bytes, validated options and the file's name (for locations), and
    returns an :class:`ImportResult`: the answers shaped like response files, each with where it
    came from, and every value it could not place (never dropped silently).
    """

    name: str
    description: str
    load: Callable[[Project, bytes, BaseModel, str], ImportResult]
    file_extensions: tuple[str, ...] = ()
    options: type[BaseModel] = NoOptions
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in (self.name, *self.aliases):
            validate_record_name("importer", name)


@dataclass(frozen=True, slots=True, kw_only=True)
class ScoringMethod:
    """A scoring method: ``score(project, options)`` returns a result model (a score report)."""

    name: str
    description: str
    score: Callable[[Project, Any], BaseModel]
    options: type[BaseModel] = NoOptions
    aliases: tuple[str, ...] = ()
    ranks: bool = True
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in (self.name, *self.aliases):
            validate_record_name("scoring method", name)
