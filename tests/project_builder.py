"""Small valid projects as plain data, written to folders for tests to break on purpose."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

__all__ = ["minimal_project", "write_project"]

_QUESTIONNAIRE: dict[str, Any] = {
    "id": "demo",
    "version": "1.0.0",
    "languages": ["fr", "en"],
    "title": {"fr": "Titre", "en": "Title"},
    "organisers": [{"id": "ldh", "name": "Ligue des droits de l'Homme"}],
    "election": {
        "name": {"fr": "Municipales 2026", "en": "2026 municipal elections"},
        "commune": {"name": "Aix-en-Provence", "insee_code": "13001"},
        "division_id": "ocd-division/country:fr/region:pr/department:bd/commune:13001",
        "rounds": [{"number": 1, "date": "2026-03-15"}, {"number": 2, "date": "2026-03-22"}],
    },
    "themes": [{"id": "t1", "title": {"fr": "Thème", "en": "Theme"}}],
    "scales": [
        {
            "id": "engagement",
            "options": [
                {"code": "fort", "label": {"fr": "Fort", "en": "Strong"}, "score": 1},
                {"code": "non", "label": {"fr": "Non", "en": "No"}, "score": 0},
            ],
        }
    ],
    "questions": [
        {
            "id": "q1",
            "theme": "t1",
            "kind": "commitment",
            "scale": "engagement",
            "text": {"fr": "Q1 ?", "en": "Q1?"},
            "required": True,
            "asked_by": ["ldh"],
        },
        {
            "id": "q2",
            "theme": "t1",
            "kind": "multiple_choice",
            "scale": "engagement",
            "scored": False,
            "max_choices": 1,
            "text": {"fr": "Q2 ?", "en": "Q2?"},
        },
        {
            "id": "q3",
            "theme": "t1",
            "kind": "open_text",
            "max_length": 50,
            "text": {"fr": "Q3 ?", "en": "Q3?"},
            "allow_comment": False,
        },
        {
            "id": "q4",
            "theme": "t1",
            "kind": "number",
            "minimum": 0,
            "maximum": 100,
            "integer": True,
            "text": {"fr": "Q4 ?", "en": "Q4?"},
        },
    ],
}
_RESPONDENTS: dict[str, Any] = {
    "questionnaire": "demo",
    "respondents": [
        {"id": "a", "name": "Liste A (fictive)", "status": "answered"},
        {"id": "b", "name": "Liste B (fictive)", "status": "pending"},
        {"id": "c", "name": "Liste C (fictive)", "status": "merged", "merged_into": "a"},
    ],
}
_RESPONSE_A: dict[str, Any] = {
    "respondent": "a",
    "questionnaire": {"id": "demo", "version": "1.0.0"},
    "consent_to_publish": True,
    "answers": {
        "q1": {
            "choice": "fort",
            "comment": "Oui.",
            "evidence": [{"url": "https://a.example.org/programme"}],
        },
        "q2": {"choices": ["non"]},
        "q3": {"text": "Réponse libre."},
        "q4": {"number": 12},
    },
}


def minimal_project() -> dict[str, Any]:
    """A fresh, valid project: ``questionnaire``, ``respondents`` and ``responses`` by list id."""
    return copy.deepcopy(
        {
            "questionnaire": _QUESTIONNAIRE,
            "respondents": _RESPONDENTS,
            "responses": {"a": _RESPONSE_A},
        }
    )


def write_project(folder: Path, project: dict[str, Any]) -> Path:
    """Write ``project`` as YAML files in ``folder`` (the standard layout)."""
    folder.mkdir(parents=True, exist_ok=True)
    _dump(folder / "questionnaire.yaml", project["questionnaire"])
    if project.get("respondents") is not None:
        _dump(folder / "respondents.yaml", project["respondents"])
    for name, response in project.get("responses", {}).items():
        _dump(folder / "responses" / f"{name}.yaml", response)
    return folder


class _Dumper(yaml.SafeDumper):
    """PyYAML writes NEL and line/paragraph separators unescaped, then reads them as breaks."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if any(c in text for c in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
