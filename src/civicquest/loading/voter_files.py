"""Read a file of many voters one record at a time: JSON Lines, or a CSV of option codes.

JSON Lines (any name but ``.csv``): one voter per line, in a voter file's shape (JSON), with an
optional ``id``; blank lines are allowed. CSV (``.csv``, UTF-8, ``,`` or ``;``): a header ``id``
then question ids; each cell is an option code, ``code!`` when the voter marks the question
important, empty when skipped. A record that cannot be read or checked becomes a
:class:`RejectedVoter` with located issues; the next records are still read. Problems with the
CSV header concern every row: :func:`read_voters` raises :class:`PanelFileError` for them.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jiter

from ..validation.issues import Issue, located
from .documents import Position, PositionIndex, SourceError
from .documents import _parse_json as parse_json_bytes
from .voter_check import EncodedVoter, LineDocument, RejectedVoter, VoterEncoder

__all__ = ["PanelFileError", "read_voters"]

_BOM = "\ufeff".encode()
VoterRecord = EncodedVoter | RejectedVoter
_NOT_JSON = object()


class PanelFileError(Exception):
    """The file as a whole cannot be read (unreadable, or a bad CSV header)."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__(f"{len(issues)} issue(s)")
        self.issues = issues


def read_voters(path: Path, encoder: VoterEncoder) -> Iterator[VoterRecord]:
    """Every voter of ``path``, checked and encoded, in file order; lazily, record by record."""
    try:
        stream = path.open("rb")
    except OSError as error:
        reason = error.strerror or str(error)
        raise PanelFileError([located("file_unreadable", None, file=path, reason=reason)]) from None
    with stream:
        if path.suffix.lower() == ".csv":
            yield from _csv_voters(path, stream, encoder)
        else:
            yield from _jsonl_voters(path, stream, encoder)


def _jsonl_voters(path: Path, stream: Any, encoder: VoterEncoder) -> Iterator[VoterRecord]:
    for number, line in enumerate(stream, 1):
        if number == 1 and line.startswith(_BOM):
            line = line[3:]
        try:  # the plain parse is fast; the fast path proves there was no duplicate key
            data = jiter.from_json(line)
        except ValueError:
            data = _NOT_JSON
        except RecursionError:
            yield RejectedVoter(number, [located("too_deep", None, file=path)])
            continue
        fast = encoder.fast(data, number, line.count(b":"))
        if fast is not None:
            yield fast
            continue
        try:
            data = jiter.from_json(line, catch_duplicate_keys=True, allow_inf_nan=False)
        except ValueError:
            if line.strip():
                yield RejectedVoter(number, [_unreadable(path, line, number)])
            continue
        yield encoder.encode(data, functools.partial(_line, path, data, line, number), number)


def _line(path: Path, data: Any, raw: bytes, number: int) -> LineDocument:
    return LineDocument(path, data, raw, first_line=number)


def _unreadable(path: Path, line: bytes, number: int) -> Issue:
    """The issue of a line that is not JSON (its position counted from the file's start)."""
    line = line.rstrip(b"\r\n")  # else a truncated line is reported at the next one, column 0
    try:
        line.decode("utf-8")
    except UnicodeDecodeError as error:
        return located("not_utf8", None, file=path, position=Position(number, error.start + 1))
    try:
        parse_json_bytes(line)
    except SourceError as error:
        where = error.position or Position(1, 1)
        position = Position(number + where.line - 1, where.column)
        return located(error.code, None, file=path, position=position, **error.params)
    return located("syntax_error", None, file=path, position=Position(number, 1), problem="?")


def _csv_voters(path: Path, stream: Any, encoder: VoterEncoder) -> Iterator[VoterRecord]:
    lines = _Lines(stream)
    first = next(lines, "")
    lines.record()
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header = next(csv.reader([first], delimiter=delimiter), [])
    columns = _header(path, [cell.strip() for cell in header], encoder, first, delimiter)
    reader = csv.reader(lines, delimiter=delimiter)
    for row in reader:
        number, text, bad_line = lines.record()
        if not any(cell.strip() for cell in row):
            continue
        if bad_line is not None:
            at = Position(bad_line, 1)
            yield RejectedVoter(number, [located("not_utf8", None, file=path, position=at)])
            continue
        if len(row) != len(columns) + 1:
            position = Position(number, 1)
            issue = located("panel_row_length", None, file=path, position=position,
                            found=len(row), expected=len(columns) + 1)  # fmt: skip
            yield RejectedVoter(number, [issue])
            continue
        data = _row_voter(row, columns)
        cells = _Cells(path, data, text, number, columns, delimiter)
        yield encoder.encode(data, cells.document, number)


def _row_voter(row: list[str], columns: list[str]) -> dict[str, Any]:
    """The voter a CSV row describes, in a voter file's shape."""
    answers: dict[str, Any] = {}
    for question_id, cell in zip(columns, row[1:], strict=True):
        code = cell.strip()
        if code.endswith("!"):
            answers[question_id] = {"choice": code[:-1].rstrip(), "important": True}
        elif code:
            answers[question_id] = {"choice": code}
    voter_id = row[0].strip()
    return {"id": voter_id, "answers": answers} if voter_id else {"answers": answers}


def _header(
    path: Path, cells: list[str], encoder: VoterEncoder, text: str, delimiter: str
) -> list[str]:
    """The question id of every column after ``id``; a bad header raises PanelFileError."""
    starts = _cell_columns(text, delimiter)
    issues = []
    if not cells or cells[0] != "id":
        found = cells[0] if cells else ""
        issues.append(located("panel_csv_no_id", None, file=path, position=Position(1, 1),
                              found=found))  # fmt: skip
    matched = {question.id for question in encoder.questions}
    kinds = {question.id: question.kind for question in encoder.questionnaire.questions}
    seen: set[str] = set()
    for index, cell in enumerate(cells[1:], 1):
        at = Position(1, starts[index] if index < len(starts) else 1)
        if cell in seen:
            issues.append(located("duplicate_key", None, file=path, position=at, key=cell))
        elif cell not in kinds:
            issues.append(located("unknown_question", None, file=path, position=at, question=cell))
        elif cell not in matched:
            issues.append(located("panel_csv_not_coded", None, file=path, position=at,
                                  question=cell, kind=kinds[cell]))  # fmt: skip
        seen.add(cell)
    if issues:
        raise PanelFileError(issues)
    return cells[1:]


class _Lines:
    """The decoded lines of a binary stream, remembering those of the record being read."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._pending: list[str] = []
        self.number = 0
        self.bad_line: int | None = None

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw: bytes = next(self._stream)
        self.number += 1
        if self.number == 1 and raw.startswith(_BOM):
            raw = raw[3:]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = raw.decode("utf-8", errors="replace")
            self.bad_line = self.bad_line or self.number
        self._pending.append(line)
        return line

    def record(self) -> tuple[int, str, int | None]:
        """The record just read: first line number, text, first line that was not UTF-8."""
        text, first = "".join(self._pending), self.number - len(self._pending) + 1
        bad, self._pending, self.bad_line = self.bad_line, [], None
        return first, text, bad


class _Cells:
    """Locates issues of a CSV record at the cell of the question they concern."""

    def __init__(
        self, path: Path, data: Any, text: str, line: int, columns: list[str], delimiter: str
    ) -> None:
        self._args = (path, data, text, line, columns, delimiter)

    def document(self) -> LineDocument:
        path, data, text, line, columns, delimiter = self._args
        starts = _cell_columns(text, delimiter)
        document = LineDocument(path, data, text.encode("utf-8"), first_line=line)
        cells = {
            question: starts[i + 1] for i, question in enumerate(columns) if i + 1 < len(starts)
        }
        document._index = _cell_index(cells)
        return document


def _cell_index(cells: dict[str, int]) -> PositionIndex:
    index = PositionIndex()
    for question, column in cells.items():
        at = Position(1, column)
        index.keys[("answers", question)] = at
        index.values[("answers", question)] = at
    index.values[()] = Position(1, 1)
    return index


def _cell_columns(text: str, delimiter: str) -> list[int]:
    """The 1-based character column where each cell of a CSV record starts."""
    starts, quoted = [1], False
    for offset, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            starts.append(offset + 2)
        elif char == "\n" and not quoted:
            break
    return starts
