"""One question's answer from the keys of a SurveyJS result: its value (``p01``), its comment
(``p01-Comment``), the reason for no answer (``p01/no_answer``) and its sources
(``p01/evidence``). What cannot be placed is rejected, with its key as the column."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from civicquest.models import Project, Question
from civicquest.plugins import Rejected, SourceRef, match_option, option_labels

from .matching import read_number
from .names import (
    COMMENT_SUFFIX,
    EVIDENCE_FIELDS,
    EVIDENCE_SUFFIX,
    NO_ANSWER_REASONS,
    NO_ANSWER_SUFFIX,
)
from .wording import FORM, rejection

__all__ = ["Rejections", "is_empty", "read_answer", "shown", "split_key"]

_PARTS = (
    (COMMENT_SUFFIX, "comment"),
    (NO_ANSWER_SUFFIX, "no_answer"),
    (EVIDENCE_SUFFIX, "evidence"),
)
_CHOICE_KINDS = frozenset({"single_choice", "commitment", "position"})
_REASON_NAMES = {reason: tuple(FORM[reason].values()) for reason in NO_ANSWER_REASONS}


def split_key(key: str, question_ids: Mapping[str, object]) -> tuple[str, str] | None:
    """``(question id, part)`` for a key of the form, ``None`` for a key it does not have."""
    if key in question_ids:
        return key, "value"
    for suffix, part in _PARTS:
        if key.endswith(suffix) and key[: -len(suffix)] in question_ids:
            return key[: -len(suffix)], part
    return None


def is_empty(value: object) -> bool:
    """SurveyJS leaves unanswered questions out; an empty value carries nothing either."""
    return value is None or value == "" or value == [] or value == {}


def shown(value: object) -> str:
    """A value as the rejects report shows it: text as is, anything else as JSON."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


@dataclass
class Rejections:
    """What one result could not place, each at its key (the column) in its row."""

    source: SourceRef
    items: list[Rejected] = field(default_factory=list)

    def add(
        self, column: str, raw: object, code: str, suggestion: str | None = None, **values: object
    ) -> None:
        message, hint = rejection(code, **values)
        self.items.append(
            Rejected(
                source=replace(self.source, column=column),
                value=shown(raw),
                code=code,
                message=message,
                hint=hint,
                suggestion=suggestion,
            )
        )


def read_answer(
    project: Project, question: Question, parts: Mapping[str, tuple[str, Any]], out: Rejections
) -> dict[str, Any] | None:
    """The answer to ``question`` from its ``parts`` (part -> (key, value)), or ``None``."""
    answer: dict[str, Any] = {}
    if "value" in parts:
        answer.update(_value(project, question, *parts["value"], out))
    if "no_answer" in parts:
        key, raw = parts["no_answer"]
        reason = _code(question.id, key, raw, _REASON_NAMES, out)
        if reason is not None and answer:
            out.add(key, raw, "conflicting_values", question=question.id)
        elif reason is not None:
            answer["no_answer"] = reason
    extras = {part: parts[part] for part in ("comment", "evidence") if part in parts}
    if not answer:
        for part, (key, raw) in extras.items():
            out.add(key, raw, "orphan_value", what=part, question=question.id)
        return None
    if "comment" in extras:
        answer.update(_comment(question.id, *extras["comment"], out))
    if "evidence" in extras:
        answer.update(_evidence(question.id, *extras["evidence"], out))
    return answer


def _value(
    project: Project, question: Question, key: str, raw: Any, out: Rejections
) -> dict[str, Any]:
    if question.kind in _CHOICE_KINDS:
        code = _code(question.id, key, raw, option_labels(project, question.id), out)
        return {} if code is None else {"choice": code}
    if question.kind == "multiple_choice":
        return _choices(project, question, key, raw, out)
    if question.kind == "open_text":
        if isinstance(raw, str):
            return {"text": raw}
        out.add(key, raw, "wrong_type", question=question.id, expected="text", value=shown(raw))
        return {}
    number = read_number(raw)
    if number is None:
        out.add(key, raw, "unreadable_number", question=question.id, value=shown(raw))
        return {}
    return {"number": number}


def _choices(
    project: Project, question: Question, key: str, raw: Any, out: Rejections
) -> dict[str, Any]:
    if not isinstance(raw, list):
        out.add(key, raw, "wrong_type", question=question.id, expected="[…]", value=shown(raw))
        return {}
    names = option_labels(project, question.id)
    codes = [_code(question.id, f"{key}[{n}]", item, names, out) for n, item in enumerate(raw, 1)]
    kept = [code for code in codes if code is not None]
    return {"choices": kept} if kept else {}


def _code(
    question_id: str, key: str, raw: Any, names: Mapping[str, tuple[str, ...]], out: Rejections
) -> str | None:
    if isinstance(raw, str) or (isinstance(raw, int) and not isinstance(raw, bool)):
        match = match_option(str(raw), names)
        if match.code is not None:
            return match.code
        codes = ", ".join(names)
        out.add(
            key,
            raw,
            "unknown_option",
            match.suggestion,
            question=question_id,
            value=raw,
            codes=codes,
        )
        return None
    out.add(key, raw, "wrong_type", question=question_id, expected="code", value=shown(raw))
    return None


def _comment(question_id: str, key: str, raw: Any, out: Rejections) -> dict[str, Any]:
    if isinstance(raw, str):
        return {"comment": raw}
    out.add(key, raw, "wrong_type", question=question_id, expected="text", value=shown(raw))
    return {}


def _evidence(question_id: str, key: str, raw: Any, out: Rejections) -> dict[str, Any]:
    if not isinstance(raw, list):
        out.add(key, raw, "wrong_type", question=question_id, expected="[…]", value=shown(raw))
        return {}
    sources = []
    for number, item in enumerate(raw, 1):
        source = _source(question_id, f"{key}[{number}]", item, out)
        if source:
            sources.append(source)
    return {"evidence": sources} if sources else {}


def _source(question_id: str, key: str, item: Any, out: Rejections) -> dict[str, str]:
    if not isinstance(item, dict):
        out.add(key, item, "wrong_type", question=question_id, expected="{…}", value=shown(item))
        return {}
    for name, replaced in getattr(item, "repeated", ()):
        out.add(f"{key}.{name}", replaced, "repeated_key", key=f"{key}.{name}")
    source: dict[str, str] = {}
    for name, value in item.items():
        where = f"{key}.{name}"
        if name not in EVIDENCE_FIELDS:
            out.add(where, value, "unmapped_key", key=where)
        elif isinstance(value, str):
            if value:
                source[name] = value
        elif not is_empty(value):
            out.add(
                where,
                value,
                "wrong_type",
                question=question_id,
                expected="text",
                value=shown(value),
            )
    if source and "url" not in source and "excerpt" not in source:
        out.add(key, item, "evidence_without_source", question=question_id)
        return {}
    return source
