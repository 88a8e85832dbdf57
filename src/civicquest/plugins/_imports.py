"""What an importer returns: the answers it found, each with where it came from, and everything
it could not place. Nothing is dropped silently: a value is either in a response or rejected."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["ImportResult", "ImportedResponse", "Rejected", "SourceRef"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceRef:
    """Where a value sits in the imported file: 1-based ``row``; ``column`` as the file names it
    (a header, or a spreadsheet column such as ``"D"``)."""

    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def where(self) -> str:
        parts = [self.file, *(p for p in (self.sheet,) if p)]
        if self.row is not None:
            parts.append(f"row {self.row}" if self.column is None else f"{self.column}{self.row}")
        return ":".join(parts)


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportedResponse:
    """One list's answers as found in the file, shaped like a response file's data
    (``respondent``, ``questionnaire``, ``answers``, ``comment``, ``consent_to_publish``…):
    the importing machinery validates it with the same checks as a response file."""

    data: Mapping[str, Any]
    source: SourceRef
    #: where each answer came from, by question id (for located errors)
    answer_sources: Mapping[str, SourceRef] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class Rejected:
    """A value the importer could not place, kept with what to do about it.

    ``code`` is stable (``unknown_option``, ``unknown_column``, ``unreadable_date``…);
    ``suggestion`` is the closest valid value when there is one.
    """

    source: SourceRef
    value: str
    code: str
    message: str
    hint: str = ""
    suggestion: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportResult:
    """Everything an importer found in one file."""

    responses: tuple[ImportedResponse, ...] = ()
    rejected: tuple[Rejected, ...] = ()
