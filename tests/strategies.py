"""Hypothesis strategies for valid projects, cross-references included."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

__all__ = ["CONTROLS", "projects", "texts", "valid_text"]

# The C0 control characters text may not hold (tab and line breaks are text).
CONTROLS = "".join(chr(code) for code in range(32) if chr(code) not in "\t\n\r")
ids = st.from_regex(r"[a-z][a-z0-9_\-]{0,10}", fullmatch=True)


def valid_text(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Any text a project may hold: every character but the refused control characters."""
    alphabet = st.characters(codec="utf-8", exclude_characters=CONTROLS)
    return st.text(alphabet, min_size=min_size, max_size=max_size)


texts = valid_text(min_size=1)
hostile = st.sampled_from(
    [
        "<script>alert('x')</script>",
        '=HYPERLINK("http://evil.example")',
        "\u202eevil\u202c",
        "🏳️‍🌈 👩🏽‍⚕️",
        "ligne 1\nligne 2\r\n\ttab",
        "\"quotes\" and 'apostrophes' : # & * ! | > %",
        "x" * 2000,
    ]
)
free_text = st.one_of(texts, hostile)
KINDS = ("single_choice", "commitment", "position", "multiple_choice", "open_text", "number")


def bilingual(text: st.SearchStrategy[str] = free_text) -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({"fr": text, "en": text})


@st.composite
def questionnaires(draw: st.DrawFn) -> dict[str, Any]:
    theme_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    scale_codes = draw(st.lists(ids, min_size=2, max_size=4, unique=True))
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=6))
    scale = {
        "id": "scale",
        "options": [
            {"code": code, "label": draw(bilingual()), "score": draw(st.none() | st.floats(0, 1))}
            for code in scale_codes
        ],
    }
    questions = [_question(draw, f"q{i}", kind, theme_ids) for i, kind in enumerate(kinds)]
    return {
        "id": draw(ids),
        "version": f"{draw(st.integers(0, 9))}.{draw(st.integers(0, 9))}.0",
        "languages": ["fr", "en"],
        "title": draw(bilingual()),
        "organisers": [{"id": "org", "name": draw(free_text)}],
        "election": {
            "name": draw(bilingual()),
            "commune": {"name": draw(texts), "insee_code": "13001"},
            "division_id": "ocd-division/country:fr/region:pr/department:bd/commune:13001",
            "rounds": [{"number": 1, "date": "2026-03-15"}],
        },
        "themes": [
            {"id": t, "title": draw(bilingual()), "weight": draw(st.floats(0, 5))}
            for t in theme_ids
        ],
        "scales": [scale],
        "questions": questions,
    }


def _question(draw: st.DrawFn, qid: str, kind: str, themes: list[str]) -> dict[str, Any]:
    question: dict[str, Any] = {
        "id": qid,
        "theme": draw(st.sampled_from(themes)),
        "kind": kind,
        "text": draw(bilingual()),
        "required": draw(st.booleans()),
        "weight": draw(st.floats(0, 3)),
        "asked_by": ["org"],
    }
    if kind in ("single_choice", "commitment", "position", "multiple_choice"):
        question["scale"] = "scale"
        question["scored"] = kind != "multiple_choice" and draw(st.booleans())
    else:
        question["scored"] = False
    return question


def _answer(draw: st.DrawFn, question: dict[str, Any], codes: list[str]) -> dict[str, Any]:
    kind = question["kind"]
    if draw(st.integers(0, 9)) == 0:
        answer: dict[str, Any] = {"no_answer": draw(st.sampled_from(["skipped", "declined"]))}
    elif kind == "multiple_choice":
        answer = {"choices": draw(st.lists(st.sampled_from(codes), unique=True))}
    elif kind == "open_text":
        answer = {"text": draw(free_text)}
    elif kind == "number":
        answer = {"number": draw(st.floats(-1e6, 1e6))}
    else:
        answer = {"choice": draw(st.sampled_from(codes))}
    if draw(st.booleans()):
        answer["comment"] = draw(free_text)
    if draw(st.booleans()):
        answer["evidence"] = [
            {"url": "https://liste.example.org/programme", "excerpt": draw(free_text)}
        ]
    return answer


@st.composite
def projects(draw: st.DrawFn) -> dict[str, Any]:
    questionnaire = draw(questionnaires())
    codes = [o["code"] for o in questionnaire["scales"][0]["options"]]
    statuses = draw(st.lists(st.sampled_from(["partial", "pending", "declined"]), max_size=4))
    respondents = [
        {"id": f"l{i}", "name": draw(free_text), "status": s} for i, s in enumerate(statuses)
    ]
    responses = {}
    for respondent in respondents:
        if respondent["status"] == "partial":
            answers = {
                q["id"]: _answer(draw, q, codes)
                for q in questionnaire["questions"]
                if draw(st.booleans())
            }
            responses[respondent["id"]] = {
                "respondent": respondent["id"],
                "questionnaire": {"id": questionnaire["id"], "version": questionnaire["version"]},
                "consent_to_publish": draw(st.booleans()),
                "answers": answers,
            }
    return {
        "questionnaire": questionnaire,
        "respondents": {"questionnaire": questionnaire["id"], "respondents": respondents},
        "responses": responses,
    }
