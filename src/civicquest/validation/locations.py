"""Where a value sits in a document: the small protocol validation needs to locate an issue.

Validation knows no file format: anything with a ``path``, its ``data``, its ``text`` and a
``position(doc_path)`` can be checked (the YAML/JSON reader's documents are one such thing).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

__all__ = ["DataDocument", "DocPath", "Document", "Position", "Traced", "source_of"]

#: A path inside a document: ``("questions", 12, "options")``.
DocPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    """A 1-based line and column."""

    line: int
    column: int


class Document(Protocol):
    """A parsed document that can say where each of its values sits."""

    @property
    def path(self) -> Path: ...

    @property
    def data(self) -> Any: ...

    @property
    def text(self) -> str: ...

    def position(self, doc_path: DocPath, *, key: bool = False) -> Position | None: ...


@runtime_checkable
class Traced(Protocol):
    """Data merged from several documents (a questionnaire that extends another)."""

    def origin(self, doc_path: DocPath) -> tuple[Document, DocPath]:
        """The document, and the path in it, that gave the value at ``doc_path``."""
        ...


def source_of(document: Document, doc_path: DocPath) -> tuple[Document, DocPath]:
    """Where the value at ``doc_path`` was written: ``document`` itself unless it is merged."""
    if isinstance(document, Traced):
        return document.origin(doc_path)
    return document, doc_path


@dataclass(frozen=True)
class DataDocument:
    """Data that was never a file (a model, a mapping given in Python): no line, no column.

    Its ``path`` names what it is (``<questionnaire>``, ``<responses>/a``, ``<voter>``), so
    that issues still say where they are: that name, and the path inside the data.
    """

    path: Path
    data: Any = None
    text: str = ""

    def position(self, doc_path: DocPath, *, key: bool = False) -> Position | None:
        return None
