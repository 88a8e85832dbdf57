"""Questionnaires that extend another, resolved at load time into one plain questionnaire.

A file with an ``extends`` key names its base (a path relative to it, or ``example:<name>``)
and the base's version; it may ``remove`` questions, themes, scales, organisers and options by
id, and change or add any of them (merged by id; see :mod:`.merging`). The result is the data
of a whole questionnaire, in a :class:`TracedDocument` that says, for each value, the file and
line it came from: validation then locates a mistake where it was written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import UsageError
from ..models.extends import EXAMPLE_PREFIX, BaseRef, Removals
from ..models.questionnaire import Questionnaire
from ..validation.issues import Issue, located
from ..validation.locations import DocPath, Document, Position
from ..validation.structural import issues_from_validation_error
from .documents import MAX_LISTING_BYTES, SourceDocument
from .examples import example_path
from .file_kinds import kind_of
from .merging import Merger, Node, unwrap, wrap
from .reading import read_mapping, validated

__all__ = [
    "MAX_DEPTH",
    "TracedDocument",
    "load_questionnaire_file",
    "resolve_extends",
]

#: How many questionnaires a chain of ``extends`` may hold, the first one included.
MAX_DEPTH = 8
_SUFFIXES = (".yaml", ".yml", ".json")
Origin = tuple[Document, DocPath]
M = TypeVar("M", bound=BaseModel)


@dataclass
class TracedDocument:
    """Merged data whose every value is located in the file that gave it."""

    path: Path
    data: Any
    top: Document
    sources: dict[DocPath, Origin] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.top.text

    def origin(self, doc_path: DocPath) -> Origin:
        """The file, and the path in it, that gave the value at ``doc_path``."""
        document: Document = self
        while isinstance(document, TracedDocument):
            document, doc_path = document._origin_here(doc_path)
        return document, doc_path

    def _origin_here(self, doc_path: DocPath) -> Origin:
        for end in range(len(doc_path), -1, -1):
            found = self.sources.get(doc_path[:end])
            if found is not None:
                return found[0], (*found[1], *doc_path[end:])
        return self.top, doc_path

    def position(self, doc_path: DocPath, *, key: bool = False) -> Position | None:
        document, at = self.origin(doc_path)
        return document.position(at, key=key)


def load_questionnaire_file(
    path: Path, issues: list[Issue], max_bytes: int = MAX_LISTING_BYTES
) -> tuple[Questionnaire, Document] | None:
    """A questionnaire file, its ``extends`` chain resolved; None (and issues) if it fails.

    A questionnaire may be as large as a listing (a département's communes), up to ``max_bytes``.
    """
    document = read_mapping(path, issues, max_bytes)
    resolved = resolve_extends(document, issues) if document is not None else None
    return validated(resolved, Questionnaire, issues) if resolved is not None else None


def resolve_extends(
    document: SourceDocument, issues: list[Issue], chain: tuple[Path, ...] = ()
) -> Document | None:
    """``document`` itself when it extends nothing, else its base with its changes merged."""
    data = document.data
    if not isinstance(data, dict) or "extends" not in data:
        return document
    chain = (*chain, _identity(document.path))
    directives = _directives(document, issues)
    if directives is None:
        return None
    ref, removals = directives
    base = _base(document, ref, chain, issues)
    if base is None:
        return None
    found = base.data.get("version")
    if found != ref.version:
        issues.append(
            located(
                "extends_version_mismatch",
                document,
                ("extends", "version"),
                pinned=ref.version,
                found=str(found),
                base=ref.questionnaire,
            )
        )
        return None
    return _merged(base, document, ref, removals, issues)


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:  # pragma: no cover - a path the system cannot even resolve
        return path.absolute()


def _directives(document: SourceDocument, issues: list[Issue]) -> tuple[BaseRef, Removals] | None:
    ref = _checked(document, "extends", BaseRef, issues)
    removals = _checked(document, "remove", Removals, issues)
    if ref is None or removals is None:
        return None
    return ref, removals


def _checked(document: SourceDocument, key: str, model: type[M], issues: list[Issue]) -> M | None:
    try:
        return model.model_validate(document.data.get(key) or {})
    except ValidationError as error:
        issues += issues_from_validation_error(error, document, (key,))
        return None


def _base(
    document: SourceDocument, ref: BaseRef, chain: tuple[Path, ...], issues: list[Issue]
) -> Document | None:
    """The base, read and resolved; None (and an issue located in ``document``) if it fails."""
    at: DocPath = ("extends", "questionnaire")
    path = _base_path(document.path.parent, ref.questionnaire)
    if path is None:
        issues.append(located("extends_base_missing", document, at, base=ref.questionnaire))
        return None
    if _identity(path) in chain:
        names = " → ".join(str(p) for p in (*chain, _identity(path)))
        issues.append(located("extends_cycle", document, at, chain=names))
        return None
    if len(chain) >= MAX_DEPTH:
        issues.append(located("extends_too_deep", document, at, limit=MAX_DEPTH))
        return None
    base = read_mapping(path, issues, MAX_LISTING_BYTES)
    return resolve_extends(base, issues, chain) if base is not None else None


def _base_path(folder: Path, reference: str) -> Path | None:
    """The base's questionnaire file, or None when there is none there."""
    if reference.startswith(EXAMPLE_PREFIX):
        try:
            path = example_path(reference.removeprefix(EXAMPLE_PREFIX))
        except UsageError:
            return None
    else:
        path = folder / reference
    if kind_of(path).kind == "folder":
        found = [path / f"questionnaire{suffix}" for suffix in _SUFFIXES]
        return next((p for p in found if kind_of(p).kind != "absent"), None)
    return path if kind_of(path).kind != "absent" else None


def _merged(
    base: Document,
    document: SourceDocument,
    ref: BaseRef,
    removals: Removals,
    issues: list[Issue],
) -> TracedDocument:
    changes = {k: v for k, v in document.data.items() if k not in ("extends", "remove")}
    merger = Merger(document, ref.questionnaire)
    root: Node = wrap(base.data, base, ())
    issues += merger.remove(root, removals)
    merged = merger.merge(root, wrap(changes, document, ()))
    issues += merger.issues
    traced = TracedDocument(document.path, None, document)
    traced.data = unwrap(merged, (), traced.sources)
    return traced
