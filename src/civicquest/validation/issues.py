"""Issues found in a project: a stable code, where it is, and a message in French or English."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..text.display import printable
from ..text.messages import render
from .locations import DocPath, Document, Position, source_of

__all__ = ["Issue", "Severity", "format_doc_path"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    """One problem: ``code`` is stable, ``params`` fill the message templates."""

    code: str
    severity: Severity = "error"
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str = ""
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def message(self, lang: str = "fr") -> str:
        return render(self.code, lang, self.params)[0]

    def hint(self, lang: str = "fr") -> str:
        return render(self.code, lang, self.params)[1]

    def where(self) -> str:
        """``file:line:column`` as far as known, the file name made printable."""
        parts = [printable(self.file) if self.file else "<project>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def as_dict(self, lang: str = "fr") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message(lang),
            "hint": self.hint(lang),
        }


def format_doc_path(doc_path: DocPath) -> str:
    """``("questions", 12, "options")`` -> ``questions[12].options``."""
    text = ""
    for part in doc_path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _is_plain_name(part):
            text += f".{part}" if text else part
        else:
            text += f"[{part!r}]"
    return text


def _is_plain_name(part: str) -> bool:
    return part.replace("_", "a").replace("-", "a").replace(".", "a").isalnum()


def located(
    issue_code: str,
    document: Document | None,
    doc_path: DocPath = (),
    /,
    *,
    severity: Severity = "error",
    at_key: bool = False,
    file: Path | None = None,
    position: Position | None = None,
    **params: Any,
) -> Issue:
    """Build an issue located at ``doc_path`` in ``document`` (at its key if ``at_key``)."""
    if document is not None:  # a merged document: the file that wrote the value, and its path
        document, doc_path = source_of(document, doc_path)
    where = position
    if where is None and document is not None:
        where = document.position(doc_path, key=at_key)
    source = file or (document.path if document else None)
    return Issue(
        code=issue_code,
        severity=severity,
        file=str(source) if source else None,
        line=where.line if where else None,
        column=where.column if where else None,
        path=format_doc_path(doc_path),
        params=params,
    )
