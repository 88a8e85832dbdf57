"""Reading a SurveyJS results file: one result (a JSON object), an array of results, or JSON
Lines (one result per line). Each result keeps its row: its position in the array, or its line.
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, field
from typing import Any

from civicquest.plugins import Rejected, SourceRef

from .wording import rejection

__all__ = ["Submission", "read_submissions"]


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it had twice (JSON allows it; we lose nothing)."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.repeated: list[tuple[str, Any]] = []
        for key, value in pairs:
            if key in self:
                self.repeated.append((key, self[key]))
            self[key] = value


@dataclass(frozen=True, slots=True)
class Submission:
    """One result: what a list filled in, and where it sits in the file."""

    values: dict[str, Any]
    row: int
    #: keys the result gave more than once, with the value the later one replaced
    repeated: list[tuple[str, Any]] = field(default_factory=list)


def read_submissions(content: bytes, file_name: str) -> tuple[list[Submission], list[Rejected]]:
    """The results in ``content``, and what could not be read at all."""
    try:
        text = _decode(content)
    except UnicodeDecodeError as error:
        detail = f"not UTF-8 at byte {error.start}"
        return [], [_unreadable(SourceRef(file=file_name), repr(content[:40]), detail)]
    try:
        document = _parse(text)
    except ValueError as error:
        lines = _json_lines(text)
        if lines is None:
            return [], [_unreadable(_where(file_name, error), text[:80], str(error))]
        return _from_lines(lines, file_name)
    return _from_document(document, file_name)


def _decode(content: bytes) -> str:
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return content.decode("utf-16")
    return content.decode("utf-8-sig")


def _parse(text: str) -> Any:
    return json.loads(text, object_pairs_hook=_Object, parse_constant=_refuse_constant)


def _refuse_constant(name: str) -> Any:
    return _Constant(name)


class _Constant:
    """``NaN`` or ``Infinity``: Python's reader accepts them, JSON has no such number. Kept as a
    value that fits no question, so that it is rejected at its key, like any wrong value."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return self.name


def _json_lines(text: str) -> list[tuple[int, str]] | None:
    """The non-blank lines, if ``text`` is JSON Lines (several lines, the first an object)."""
    lines = [(number, line) for number, line in enumerate(text.split("\n"), 1) if line.strip()]
    if len(lines) < 2:
        return None
    try:
        first = _parse(lines[0][1])
    except ValueError:
        return None
    return lines if isinstance(first, dict) else None


def _from_lines(
    lines: list[tuple[int, str]], file_name: str
) -> tuple[list[Submission], list[Rejected]]:
    submissions: list[Submission] = []
    rejected: list[Rejected] = []
    for number, line in lines:
        where = SourceRef(file=file_name, row=number)
        try:
            value = _parse(line)
        except ValueError as error:
            rejected.append(_unreadable(where, line[:80], str(error)))
            continue
        _add(value, number, where, submissions, rejected)
    return submissions, rejected


def _from_document(document: Any, file_name: str) -> tuple[list[Submission], list[Rejected]]:
    submissions: list[Submission] = []
    rejected: list[Rejected] = []
    items = document if isinstance(document, list) else [document]
    for number, value in enumerate(items, 1):
        _add(value, number, SourceRef(file=file_name, row=number), submissions, rejected)
    return submissions, rejected


def _add(
    value: Any,
    row: int,
    where: SourceRef,
    submissions: list[Submission],
    rejected: list[Rejected],
) -> None:
    if isinstance(value, _Object):
        submissions.append(Submission(dict(value), row, value.repeated))
        return
    shown = json.dumps(value, ensure_ascii=False, default=str)[:80]
    message, hint = rejection("not_a_submission", detail=shown)
    rejected.append(
        Rejected(source=where, value=shown, code="not_a_submission", message=message, hint=hint)
    )


def _where(file_name: str, error: ValueError) -> SourceRef:
    # the message says the line and column; the row is the line, as in a JSON Lines file
    if isinstance(error, json.JSONDecodeError):
        return SourceRef(file=file_name, row=error.lineno)
    return SourceRef(file=file_name)


def _unreadable(where: SourceRef, value: str, detail: str) -> Rejected:
    message, hint = rejection("unreadable_file", detail=detail)
    return Rejected(source=where, value=value, code="unreadable_file", message=message, hint=hint)
