"""The ``surveyjs`` importer: SurveyJS results into responses shaped like response files.

Each result says which list answers (``_respondent``); every other key is a question's value,
comment, reason for no answer or sources, or the list's consent and general comment. A key the
form does not have is rejected (``unmapped_key``), never dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from civicquest.models import Project
from civicquest.plugins import (
    ImportedResponse,
    ImportResult,
    Rejected,
    SourceRef,
    closest,
    match_option,
)

from .answers import Rejections, is_empty, read_answer, split_key
from .matching import read_yes_no
from .names import (
    COMMENT,
    COMMENT_SUFFIX,
    CONSENT,
    QUESTIONNAIRE,
    RESPONDENT,
    VERSION,
    evidence_name,
    no_answer_name,
)
from .results import Submission, read_submissions

__all__ = ["SurveyJsImportOptions", "load_results", "read_submission"]

_RESPONSE_KEYS = (RESPONDENT, CONSENT, COMMENT, QUESTIONNAIRE, VERSION)


class SurveyJsImportOptions(BaseModel):
    """Options of the ``surveyjs`` importer: what the results themselves do not say."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    round: int = Field(default=1, ge=1, le=2, description="the round the answers are for")
    received: dt.date | None = Field(
        default=None, description="the date the answers were received (YYYY-MM-DD)"
    )


def load_results(
    project: Project, content: bytes, options: BaseModel, file_name: str
) -> ImportResult:
    """Every result of a SurveyJS results file, and every value that could not be placed."""
    assert isinstance(options, SurveyJsImportOptions)
    submissions, rejected = read_submissions(content, file_name)
    responses: list[ImportedResponse] = []
    for submission in submissions:
        response, problems = read_submission(project, submission, options, file_name)
        if response is not None:
            responses.append(response)
        rejected.extend(problems)
    return ImportResult(responses=tuple(responses), rejected=tuple(rejected))


def read_submission(
    project: Project, submission: Submission, options: SurveyJsImportOptions, file_name: str
) -> tuple[ImportedResponse | None, list[Rejected]]:
    """One list's response from one result, and what it could not place."""
    source = SourceRef(file=file_name, row=submission.row)
    out = Rejections(source)
    values = {k: v for k, v in submission.values.items() if not is_empty(v)}
    for key, replaced in submission.repeated:
        out.add(key, replaced, "repeated_key", key=key)
    respondent = _respondent(project, values, out)
    if respondent is None:
        return None, out.items
    data = _response_data(project, respondent, values, options, out)
    answers, answer_sources = _answers(project, values, out)
    data["answers"] = answers
    response = ImportedResponse(data=data, source=source, answer_sources=answer_sources)
    return response, out.items


def _respondent(project: Project, values: dict[str, Any], out: Rejections) -> str | None:
    raw = values.get(RESPONDENT, "")
    names = {r.id: (r.name,) for r in project.respondents}
    match = match_option(raw, names) if isinstance(raw, str) else None
    if match is not None and match.code is not None:
        return match.code
    others = [key for key in values if key != RESPONDENT]
    out.add(
        RESPONDENT,
        raw,
        "unknown_list",
        match.suggestion if match else None,
        value=raw,
        count=len(others),
        key=RESPONDENT,
    )
    for key in others:
        out.add(key, values[key], "not_imported")
    return None


def _response_data(
    project: Project,
    respondent: str,
    values: dict[str, Any],
    options: SurveyJsImportOptions,
    out: Rejections,
) -> dict[str, Any]:
    questionnaire = project.questionnaire
    data: dict[str, Any] = {
        "respondent": respondent,
        "questionnaire": {
            "id": _text(values, QUESTIONNAIRE, questionnaire.id, out),
            "version": _text(values, VERSION, questionnaire.version, out),
        },
        "round": options.round,
        "channel": "form",
    }
    if options.received is not None:
        data["received"] = options.received.isoformat()
    if CONSENT in values:
        consent = read_yes_no(values[CONSENT])
        if consent is None:
            out.add(
                CONSENT,
                values[CONSENT],
                "wrong_type",
                question=CONSENT,
                expected="true / false",
                value=values[CONSENT],
            )
        else:
            data["consent_to_publish"] = consent
    if COMMENT in values:
        data["comment"] = _text(values, COMMENT, None, out)
        if data["comment"] is None:
            del data["comment"]
    return data


def _text(values: dict[str, Any], key: str, default: str | None, out: Rejections) -> Any:
    if key not in values:
        return default
    value = values[key]
    if isinstance(value, str):
        return value
    out.add(key, value, "wrong_type", question=key, expected="text", value=value)
    return default


def _answers(
    project: Project, values: dict[str, Any], out: Rejections
) -> tuple[dict[str, Any], dict[str, SourceRef]]:
    questions = project.questions_by_id
    grouped: dict[str, dict[str, tuple[str, Any]]] = {}
    for key, value in values.items():
        if key in _RESPONSE_KEYS:
            continue
        found = split_key(key, questions)
        if found is None:
            out.add(key, value, "unmapped_key", _closest_key(key, questions), key=key)
            continue
        question_id, part = found
        grouped.setdefault(question_id, {})[part] = (key, value)
    answers: dict[str, Any] = {}
    sources: dict[str, SourceRef] = {}
    for question_id, parts in grouped.items():
        answer = read_answer(project, questions[question_id], parts, out)
        if answer is not None:
            answers[question_id] = answer
            key = parts["value"][0] if "value" in parts else next(iter(parts.values()))[0]
            sources[question_id] = replace(out.source, column=key)
    return answers, sources


def _closest_key(key: str, question_ids: dict[str, Any]) -> str | None:
    names = [*_RESPONSE_KEYS]
    for question_id in question_ids:
        names += [question_id, question_id + COMMENT_SUFFIX]
        names += [no_answer_name(question_id), evidence_name(question_id)]
    return closest(key, names)
