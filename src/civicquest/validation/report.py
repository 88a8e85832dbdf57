"""Render check results and project summaries as text or JSON for people and tools."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..models.base import localize
from ..models.project import Project
from ..text.display import show_value
from ..text.labels import status_label, text
from .issues import Issue
from .outcome import ProjectCheck

__all__ = [
    "check_as_json",
    "check_as_text",
    "issue_as_text",
    "summary_as_text",
    "summary_data",
]


def check_as_text(result: ProjectCheck, lang: str) -> str:
    lines = [issue_as_text(issue, lang) for issue in result.issues]
    errors, warnings = len(result.errors), len(result.warnings)
    if errors:
        lines.append(text("invalid", lang, errors=errors, warnings=warnings))
    elif warnings:
        lines.append(text("valid_with_warnings", lang, warnings=warnings))
    else:
        lines.append(text("valid", lang))
    return "\n".join(lines)


def issue_as_text(issue: Issue, lang: str) -> str:
    """One issue as three lines: where, code and path; the message; what to do."""
    where = f" {issue.path}" if issue.path else ""
    head = f"{issue.where()}: {text(issue.severity, lang)} [{issue.code}]{where}"
    return f"{head}\n  {issue.message(lang)}\n  → {issue.hint(lang)}"


def check_as_json(result: ProjectCheck, lang: str) -> str:
    payload = {
        "valid": result.ok,
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "issues": [issue.as_dict(lang) for issue in result.issues],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def summary_data(project: Project) -> dict[str, Any]:
    questionnaire = project.questionnaire
    responses = project.responses_by_respondent
    lists = []
    for respondent in project.respondents:
        response = responses.get(respondent.id)
        answered = (
            0
            if response is None
            else sum(1 for answer in response.answers.values() if answer.no_answer is None)
        )
        lists.append(
            {
                "id": respondent.id,
                "name": respondent.name,
                "status": respondent.status,
                "answers": answered,
            }
        )
    return {
        "questionnaire": {
            "id": questionnaire.id,
            "version": questionnaire.version,
            "questions": len(questionnaire.questions),
            "themes": len(questionnaire.themes),
        },
        "responses": len(project.responses),
        "lists": lists,
    }


def summary_as_text(project: Project, lang: str, round_number: int | None = None) -> str:
    """The summary; with ``round_number``, of that round's view of the project."""
    if round_number is not None:
        from ..models.round_view import project_for_round

        project = project_for_round(project, round_number)
    data = summary_data(project)
    q = data["questionnaire"]
    head = text(
        "summary_head",
        lang,
        id=q["id"],
        version=q["version"],
        questions=q["questions"],
        themes=q["themes"],
        lists=len(data["lists"]),
        responses=data["responses"],
    )
    title = localize(project.questionnaire.title, lang, project.questionnaire.default_language)
    rows = [(text("list", lang), text("status", lang), text("answers", lang))]
    rows += [
        (
            show_value(item["name"], 40),
            status_label(item["status"], lang),
            f"{item['answers']}/{q['questions']}",
        )
        for item in data["lists"]
    ]
    counts = Counter(item["status"] for item in data["lists"])
    by_status = ", ".join(f"{status_label(s, lang)} {n}" for s, n in sorted(counts.items()))
    rounds = [] if round_number is None else [text("round_line", lang, number=round_number)]
    return "\n".join(
        [
            show_value(title, 120),
            *rounds,
            head,
            "",
            *_table(rows),
            "",
            text("by_status_line", lang, counts=by_status),
        ]
    )


def _table(rows: Sequence[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
