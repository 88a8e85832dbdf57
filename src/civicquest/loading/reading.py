"""Read one file into a model, every mistake an issue located in it."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..validation.issues import Issue, located
from ..validation.locations import Document
from ..validation.structural import issues_from_validation_error
from .documents import MAX_FILE_BYTES, SourceDocument, SourceError, read_document

__all__ = ["read_mapping", "validated"]

Model = TypeVar("Model", bound=BaseModel)
Doc = TypeVar("Doc", bound=Document)


def read_mapping(
    path: Path, issues: list[Issue], max_bytes: int = MAX_FILE_BYTES
) -> SourceDocument | None:
    """A YAML or JSON file holding a mapping; None (and an issue located in it) otherwise."""
    try:
        document = read_document(path, max_bytes=max_bytes)
    except SourceError as error:
        issues.append(located(error.code, None, file=path, position=error.position, **error.params))
        return None
    if not isinstance(document.data, dict):
        issues.append(located("not_a_mapping", document, ()))
        return None
    return document


def validated(doc: Doc, model: type[Model], issues: list[Issue]) -> tuple[Model, Doc] | None:
    """``doc``'s data as ``model``; None (and located issues) when it does not fit."""
    try:
        return model.model_validate(doc.data), doc
    except ValidationError as error:
        issues += issues_from_validation_error(error, doc)
        return None
