"""Builders of small projects for the scoring, matching and sensitivity tests (no tests here)."""

from __future__ import annotations

from typing import Any

from civicquest.models import Project, Questionnaire, RespondentList, Response
from civicquest.models.scoring import ScoringConfig

ENGAGEMENT = {
    "id": "e",
    "options": [
        {"code": "fort", "label": "Fort", "score": 1.0},
        {"code": "minimal", "label": "Minimal", "score": 0.5},
        {"code": "pas", "label": "Pas", "score": 0.0},
        {"code": "hc", "label": "Hors compétence", "not_applicable": True},
    ],
}
POSITION = {
    "id": "pos",
    "options": [
        {"code": "agree", "label": "D'accord", "score": 1.0},
        {"code": "neutral", "label": "Neutre", "score": 0.5},
        {"code": "disagree", "label": "Pas d'accord", "score": 0.0},
    ],
}


def questionnaire(
    questions: list[dict[str, Any]],
    themes: list[dict[str, Any]] | None = None,
    scales: list[dict[str, Any]] | None = None,
) -> Questionnaire:
    return Questionnaire.model_validate(
        {
            "id": "q-test",
            "version": "1.2.3",
            "title": "Test",
            "organisers": [{"id": "org", "name": "Org"}],
            "election": {
                "name": "Municipales",
                "commune": {"name": "Aix", "insee_code": "13001"},
                "division_id": "ocd-division/country:fr",
                "rounds": [{"number": 1, "date": "2026-03-15"}],
            },
            "themes": themes or [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
            "scales": scales or [ENGAGEMENT, POSITION],
            "questions": questions,
        }
    )


def question(qid: str, theme: str, scale: str = "e", weight: float = 1.0) -> dict[str, Any]:
    kind = "position" if scale == "pos" else "commitment"
    return {"id": qid, "theme": theme, "kind": kind, "scale": scale, "text": qid, "weight": weight}


def project(
    quest: Questionnaire,
    lists: list[tuple[str, str, dict[str, dict[str, Any]] | None]],
    scoring: dict[str, Any] | None = None,
    *,
    channel: str = "form",
) -> Project:
    """``lists``: (id, status, answers or None for no response file)."""
    respondents = RespondentList.model_validate(
        {"respondents": [_respondent(rid, status) for rid, status, _ in lists]}
    )
    responses = tuple(
        Response.model_validate(
            {
                "respondent": rid,
                "questionnaire": {"id": quest.id, "version": quest.version},
                "consent_to_publish": True,
                "channel": channel,
                "answers": answers,
            }
        )
        for rid, _, answers in lists
        if answers is not None
    )
    config = None if scoring is None else ScoringConfig.model_validate(scoring)
    return Project(
        questionnaire=quest,
        respondents=respondents.respondents,
        responses=responses,
        scoring=config,
    )


def _respondent(rid: str, status: str) -> dict[str, Any]:
    extra: dict[str, Any] = {
        "outside_form": {"channel": "letter", "summary": "Lettre"},
        "not_solicited": {"reason": "Refus"},
        "merged": {"merged_into": "x"},
    }.get(status, {})
    return {"id": rid, "name": rid.upper(), "status": status, **extra}
