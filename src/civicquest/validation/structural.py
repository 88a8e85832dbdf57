"""Turn pydantic's structural errors into located, translated issues."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from ..models.base import ID_PATTERN, LANGUAGE_PATTERN, TEXT_PATTERN
from ..text.catalog import N_
from ..text.display import show_value
from .issues import Issue, located
from .locations import DocPath, Document, source_of

__all__ = ["issues_from_validation_error"]

_PATTERN_CODES = {
    ID_PATTERN: "bad_identifier",
    LANGUAGE_PATTERN: "bad_language",
}
_PATTERN_PREFIXES = {
    "^https?://": "bad_url",
    "^(0|[1-9]": "bad_version",
    "^([0-9]{5}": "bad_insee_code",
    "^ocd-division": "bad_division_id",
}
_TYPE_NAMES: dict[str, str] = {  # English msgids, translated when the issue is shown
    "string_type": N_("type", "text"),
    "int_type": N_("type", "a whole number"),
    "int_parsing": N_("type", "a whole number"),
    "int_from_float": N_("type", "a whole number"),
    "float_type": N_("type", "a number"),
    "float_parsing": N_("type", "a number"),
    "bool_type": N_("type", "true or false"),
    "bool_parsing": N_("type", "true or false"),
    "dict_type": N_("type", "key: value pairs"),
    "model_type": N_("type", "key: value pairs"),
    "model_attributes_type": N_("type", "key: value pairs"),
    "list_type": N_("type", "a list"),
    "tuple_type": N_("type", "a list"),
    "date_type": N_("type", "a YYYY-MM-DD date"),
    "date_parsing": N_("type", "a YYYY-MM-DD date"),
    "date_from_datetime_parsing": N_("type", "a YYYY-MM-DD date"),
    "date_from_datetime_inexact": N_("type", "a YYYY-MM-DD date"),
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BOUNDS = {"greater_than_equal": "≥", "greater_than": ">", "less_than_equal": "≤", "less_than": "<"}


def issues_from_validation_error(
    error: ValidationError, document: Document, prefix: DocPath = ()
) -> list[Issue]:
    """One issue per pydantic error, located in ``document``."""
    errors = [d for d in error.errors(include_url=False) if not _counts_only_valid_items(d)]
    errors = _one_per_union(errors, _at(document.data, prefix))
    return [_issue(details, document, prefix) for details in errors]


def _one_per_union(errors: list[ErrorDetails], data: Any) -> list[ErrorDetails]:
    """pydantic reports every member of a failed union (``str | dict``) for one mistake.

    Keep the errors of the member whose type matched (they say what is wrong), or the first
    error when no member's type matched.
    """
    branches = [_union_branch(details, data) for details in errors]
    tags: dict[tuple[int | str, ...], set[int | str]] = {}
    for branch in branches:
        if branch is not None:
            tags.setdefault(branch[0], set()).add(branch[1])
    dropped: set[int] = set()
    for parent, members in tags.items():
        if len(members) < 2:
            continue
        group = [i for i, branch in enumerate(branches) if branch and branch[0] == parent]
        matched = {i for i in group if _member_matched(errors[i], len(parent))}
        dropped |= set(group) - (matched or {group[0]})
    return [details for i, details in enumerate(errors) if i not in dropped]


def _member_matched(details: ErrorDetails, depth: int) -> bool:
    """Whether the union member's own type matched: the error is a constraint, or lies deeper
    inside the member (``{fr: Oui, en: Yes}`` is a mapping whose ``en`` is wrong, not a text)."""
    return details["type"] not in _TYPE_NAMES or len(details["loc"]) > depth + 1


def _union_branch(
    details: ErrorDetails, data: Any
) -> tuple[tuple[int | str, ...], int | str] | None:
    """``(path to the union, member tag)`` if the error is in a union member, else None."""
    loc = details["loc"]
    for position, part in enumerate(loc):
        if not _has(data, part):
            is_missing_field = position == len(loc) - 1 and details["type"] == "missing"
            return None if is_missing_field else (loc[:position], part)
        data = data[part]
    return None


def _counts_only_valid_items(details: ErrorDetails) -> bool:
    """A ``too_short`` that pydantic adds when items were written but are invalid.

    pydantic counts only the items that validated: one organiser with a bad URL also gives
    "0 items, at least 1". The bad item has its own error; the list is long enough.
    """
    ctx = details.get("ctx") or {}
    written = details.get("input")
    return (
        details["type"] == "too_short"
        and isinstance(written, list | tuple | dict)
        and len(written) >= ctx.get("min_length", 0)
    )


def _issue(details: ErrorDetails, document: Document, prefix: DocPath) -> Issue:
    kind = details["type"]
    data = _at(document.data, prefix)
    doc_path = (*prefix, *_doc_path(details["loc"], data, missing=kind == "missing"))
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        doc_path = (*doc_path, str((details.get("ctx") or {}).get("discriminator", "")).strip("'"))
    if kind == "string_type" and doc_path and doc_path[-1] == "version":
        kind = "version_type"
    code, params = _translate(kind, details, document, doc_path)
    return located(code, document, doc_path, at_key=kind == "extra_forbidden", **params)


def _at(data: Any, path: DocPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _doc_path(loc: tuple[int | str, ...], data: Any, missing: bool = False) -> DocPath:
    """Follow ``loc`` through the data, dropping pydantic's union tags and function names."""
    path: list[str | int] = []
    for position, part in enumerate(loc):
        is_last = position == len(loc) - 1
        if _has(data, part):
            data = data[part]
            path.append(part)
        elif is_last and missing and isinstance(data, dict):
            path.append(part)  # a missing field: name it (never a tag like 'constrained-str')
    return tuple(path)


def _has(data: Any, part: int | str) -> bool:
    if isinstance(data, dict):
        return part in data
    return isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)


def _translate(
    kind: str, details: ErrorDetails, document: Document, doc_path: DocPath
) -> tuple[str, dict[str, Any]]:
    ctx: dict[str, Any] = dict(details.get("ctx") or {})
    value = details.get("input")
    field = str(details["loc"][-1]) if details["loc"] else ""
    if kind == "missing":
        return "missing", {"field": field}
    if kind == "union_tag_not_found":
        return "missing", {"field": doc_path[-1]}
    if kind == "extra_forbidden":
        return "unknown_field", {"field": field}
    if kind in ("literal_error", "union_tag_invalid", "enum"):
        expected = str(ctx.get("expected") or ctx.get("expected_tags") or "").replace("'", "")
        shown = ctx.get("tag", value)
        return "bad_choice", {"value": show_value(shown), "expected": expected}
    if kind == "string_type" and isinstance(value, bool):
        return "yes_no_read_as_boolean", {"value": _raw_token(document, doc_path, value)}
    if kind == "string_type" and isinstance(value, int | float):
        return "number_where_text_expected", {"value": _raw_token(document, doc_path, value)}
    if kind == "version_type" and isinstance(value, int | float):
        written = _raw_token(document, doc_path, value)
        parts = written.split(".")
        suggested = ".".join(parts + ["0"] * (3 - len(parts))) if len(parts) < 3 else written
        return "version_read_as_number", {"value": written, "suggested": suggested}
    if kind == "version_type":
        kind = "string_type"
    if kind in _TYPE_NAMES:
        return "wrong_type", {"expected": _TYPE_NAMES[kind], "value": show_value(value)}
    return _translate_constraint(kind, details, ctx, value)


def _translate_constraint(
    kind: str, details: ErrorDetails, ctx: dict[str, Any], value: Any
) -> tuple[str, dict[str, Any]]:
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == TEXT_PATTERN:
        return "control_character", _control_character(str(value))
    if kind == "string_pattern_mismatch":
        return _pattern_code(str(ctx.get("pattern", ""))), {"value": show_value(value)}
    if kind in _BOUNDS:
        bound = next(iter(ctx.values()), "?")
        return "out_of_range", {"value": show_value(value), "detail": f"{_BOUNDS[kind]} {bound}"}
    if kind in ("too_short", "string_too_short"):
        return "too_short", {
            "actual": len(value) if isinstance(value, str | list | tuple | dict) else 0,
            "minimum": ctx.get("min_length"),
        }
    if kind in ("too_long", "string_too_long"):
        return "too_long", {
            "actual": ctx.get("actual_length", len(str(value))),
            "maximum": ctx.get("max_length"),
        }
    if kind in ("answer_value_count", "evidence_without_source"):
        return kind, {"given": ctx.get("given", "-")}
    if kind == "value_error":
        return "invalid_value", {"detail": str(ctx.get("error", details["msg"]))}
    return "invalid_value", {"detail": details["msg"]}


def _control_character(text: str) -> dict[str, Any]:
    found = _CONTROL.search(text)
    index = found.start() if found else 0
    return {
        "char": f"U+{ord(text[index]):04X}" if found else "?",
        "index": index + 1,
        "value": show_value(text),
    }


def _pattern_code(pattern: str) -> str:
    if pattern in _PATTERN_CODES:
        return _PATTERN_CODES[pattern]
    for prefix, code in _PATTERN_PREFIXES.items():
        if pattern.startswith(prefix):
            return code
    return "invalid_value"


def _raw_token(document: Document, doc_path: DocPath, value: Any) -> str:
    document, doc_path = source_of(document, doc_path)
    where = document.position(doc_path)
    lines = document.text.splitlines()
    if where is None or where.line > len(lines):
        return str(value).lower()
    rest = lines[where.line - 1][where.column - 1 :]
    token = re.split(r"[,#\]}]", rest, maxsplit=1)[0].strip()
    return show_value(token or str(value).lower())
