"""The ``surveyjs`` importer: results come back as responses; nothing is ever dropped."""

from __future__ import annotations

import json
from typing import Any

import pytest
from civicquest_surveyjs import load_results
from civicquest_surveyjs.importer import SurveyJsImportOptions
from hypothesis import given, settings
from hypothesis import strategies as st
from surveyjs_answers import as_entered

from civicquest import example_path, load_project
from civicquest.models import Answer, Evidence, Project, Response
from civicquest.plugins import ImportResult
from civicquest.testing import aix2026, list_plugins

__all__ = ["aix2026"]  # fixture

OPTIONS = SurveyJsImportOptions()
#: for hypothesis tests (a fixture argument would be printed in full with each example)
AIX = load_project(example_path("aix2026"))
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=30)


def _load(project: Project, content: bytes | Any, name: str = "results.json") -> ImportResult:
    data = content if isinstance(content, bytes) else json.dumps(content).encode()
    return load_results(project, data, OPTIONS, name)


def test_the_plugin_provides_the_exporter_and_the_importer() -> None:
    info = {p.name: p for p in list_plugins(include_defaults=False)}["surveyjs"]
    assert info.provides == {"exporters": ("surveyjs",), "importers": ("surveyjs",)}


def _answer(project: Project, question_id: str) -> st.SearchStrategy[Answer]:
    question = project.questions_by_id[question_id]
    extras: dict[str, Any] = {
        "comment": st.none() | TEXT.filter(bool),
        "evidence": st.lists(
            st.builds(
                Evidence, url=st.just("https://example.org/p"), title=st.none() | TEXT.filter(bool)
            ),
            max_size=2,
        ).map(tuple),
    }
    reason = st.builds(Answer, no_answer=st.sampled_from(["skipped", "declined"]), **extras)
    codes = (
        [o.code for o in project.scales_by_id[getattr(question, "scale", "")].options]
        if (hasattr(question, "scale"))
        else []
    )
    value: st.SearchStrategy[Answer]
    if question.kind == "multiple_choice":
        value = st.builds(
            Answer,
            choices=st.lists(st.sampled_from(codes), min_size=1, unique=True).map(tuple),
            **extras,
        )
    elif codes:
        value = st.builds(Answer, choice=st.sampled_from(codes), **extras)
    elif question.kind == "number":
        value = st.builds(Answer, number=st.floats(-1e9, 1e9).map(lambda n: round(n, 2)), **extras)
    else:
        value = st.builds(Answer, text=TEXT.filter(bool), **extras)
    return value | reason


@st.composite
def responses(draw: st.DrawFn, project: Project) -> Response:
    ids = draw(st.lists(st.sampled_from(list(project.questions_by_id)), unique=True, max_size=8))
    return Response(
        respondent=draw(st.sampled_from([r.id for r in project.respondents])),
        questionnaire={"id": project.questionnaire.id, "version": project.questionnaire.version},
        consent_to_publish=draw(st.booleans()),
        answers={question_id: draw(_answer(project, question_id)) for question_id in ids},
        comment=draw(st.none() | TEXT.filter(bool)),
    )


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_results_import_back_into_the_same_responses(data: Any) -> None:
    aix2026 = AIX
    expected = data.draw(st.lists(responses(aix2026), min_size=1, max_size=3))
    entered = [as_entered(response) for response in expected]
    result = _load(aix2026, entered)
    assert result.rejected == ()
    assert [Response.model_validate(r.data) for r in result.responses] == expected
    assert [r.source.row for r in result.responses] == list(range(1, len(expected) + 1))


@settings(max_examples=100, deadline=None)
@given(
    extra=st.dictionaries(
        st.text(max_size=12),
        st.none() | st.booleans() | st.integers() | TEXT | st.lists(TEXT, max_size=2),
        max_size=6,
    )
)
def test_every_key_is_placed_or_rejected(extra: dict[str, Any]) -> None:
    aix2026 = AIX
    submission = {
        "_respondent": "aix-avenir",
        "_consent_to_publish": True,
        "p01": "engagement_fort",
    }
    submission |= {k: v for k, v in extra.items() if k not in submission}
    result = _load(aix2026, submission)
    (response,) = result.responses
    placed = {*response.data["answers"], "_respondent", "_consent_to_publish"}
    rejected = {r.source.column for r in result.rejected}
    for key, value in submission.items():
        if value in (None, "", [], {}):
            continue  # carries nothing: SurveyJS itself leaves such keys out
        base = key.removesuffix("-Comment").split("/")[0]
        assert (
            key in placed
            or base in placed
            or key in rejected
            or any(column.startswith(key) for column in rejected if column)
        ), key


def test_a_label_stands_for_its_code_and_a_misspelling_gets_a_suggestion(
    aix2026: Project,
) -> None:
    result = _load(
        aix2026,
        {
            "_respondent": "aix ensemble (LISTE fictive)",
            "_consent_to_publish": "oui",
            "p01": "ENGAGEMENT  fort",
            "p03": "Engagment minimal",
            "p02": "3,5",
        },
    )
    (response,) = result.responses
    assert response.data["respondent"] == "aix-ensemble"
    assert response.data["answers"]["p01"] == {"choice": "engagement_fort"}
    assert response.data["answers"]["p02"] == {"number": 3.5}
    (rejected,) = result.rejected
    assert (rejected.code, rejected.source.column, rejected.source.row) == (
        "unknown_option",
        "p03",
        1,
    )
    assert rejected.suggestion == "engagement_minimal"
    assert rejected.value == "Engagment minimal"


def test_an_unknown_key_is_rejected_with_the_closest_name(aix2026: Project) -> None:
    result = _load(
        aix2026,
        {"_respondent": "aix-avenir", "p01": "engagement_fort", "p01-Coment": "x", "Remarque": 6},
    )
    codes = {r.source.column: (r.code, r.suggestion, r.value) for r in result.rejected}
    assert codes == {
        "p01-Coment": ("unmapped_key", "p01-Comment", "x"),
        "Remarque": ("unmapped_key", None, "6"),
    }


def test_without_a_known_list_every_value_is_rejected(aix2026: Project) -> None:
    result = _load(aix2026, [{"_respondent": "Aix Avenirr", "p01": "engagement_fort", "p02": 3}])
    assert result.responses == ()
    assert [(r.source.column, r.code) for r in result.rejected] == [
        ("_respondent", "unknown_list"),
        ("p01", "not_imported"),
        ("p02", "not_imported"),
    ]
    assert result.rejected[0].suggestion == "aix-avenir"


def test_comment_or_evidence_without_an_answer_and_two_answers_at_once(aix2026: Project) -> None:
    result = _load(
        aix2026,
        {
            "_respondent": "aix-avenir",
            "p01-Comment": "seul",
            "p03": "engagement_fort",
            "p03/no_answer": "declined",
            "p04/evidence": [{"title": "sans source"}],
            "p04": "niveau_1",
        },
    )
    assert {(r.source.column, r.code) for r in result.rejected} == {
        ("p01-Comment", "orphan_value"),
        ("p03/no_answer", "conflicting_values"),
        ("p04/evidence[1]", "evidence_without_source"),
    }
    assert result.responses[0].data["answers"] == {
        "p03": {"choice": "engagement_fort"},
        "p04": {"choice": "niveau_1"},
    }


def test_json_lines_keep_their_line_and_a_broken_line_is_rejected(aix2026: Project) -> None:
    lines = [
        json.dumps({"_respondent": "aix-avenir", "p01": "engagement_fort"}),
        "",
        '{"_respondent": "aix-dabord", "p01": ',
        json.dumps({"_respondent": "aix-dabord", "p01": "engagement_fort"}),
    ]
    result = _load(aix2026, "\n".join(lines).encode(), "results.jsonl")
    assert [r.source.row for r in result.responses] == [1, 4]
    assert [(r.source.row, r.code) for r in result.rejected] == [(3, "unreadable_file")]


@pytest.mark.parametrize(
    ("content", "row"),
    [
        (b'{"_respondent": "aix-avenir",\n\n "p01": }', 3),
        (b"\xff\xfe\x00", None),
        (b"", 1),
    ],
)
def test_an_unreadable_file_is_one_located_rejection(
    aix2026: Project, content: bytes, row: int | None
) -> None:
    result = _load(aix2026, content)
    assert result.responses == ()
    assert [(r.code, r.source.row) for r in result.rejected] == [("unreadable_file", row)]


def test_nan_is_no_number(aix2026: Project) -> None:
    result = _load(aix2026, b'[{"_respondent": "aix-avenir", "p02": NaN, "p01": Infinity}]')
    assert result.responses[0].data["answers"] == {}
    assert sorted((r.source.column, r.code, r.value) for r in result.rejected) == [
        ("p01", "wrong_type", '"Infinity"'),
        ("p02", "unreadable_number", '"NaN"'),
    ]


def test_byte_order_marks_repeated_keys_and_non_objects(aix2026: Project) -> None:
    text = (
        '[{"_respondent": "aix-avenir", "p01": "engagement_minimal", "p01": "engagement_fort"}, 3]'
    )
    for content in (b"\xef\xbb\xbf" + text.encode(), text.encode("utf-16")):
        result = _load(aix2026, content)
        assert result.responses[0].data["answers"]["p01"] == {"choice": "engagement_fort"}
        assert sorted((r.code, r.value, r.source.row) for r in result.rejected) == [
            ("not_a_submission", "3", 2),
            ("repeated_key", "engagement_minimal", 1),
        ]
