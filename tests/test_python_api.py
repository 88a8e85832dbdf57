"""The Python API a notebook uses: score, match_voter, errors, checks of models, records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import civicquest
from civicquest import (
    InvalidProjectError,
    InvalidVoterAnswersError,
    Project,
    UsageError,
    VoterAnswers,
    answer_records,
    check_project,
    load_project,
    localize,
    localized,
    match_voter,
    score,
    score_records,
)
from civicquest.cli import cli
from civicquest.exporting.records import ANSWER_COLUMNS, SCORE_COLUMNS

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "aix2026"
PROJECT = load_project(EXAMPLE)
SCALED = {
    q.id: tuple(o.code for o in PROJECT.scales_by_id[q.scale].options)
    for q in PROJECT.questionnaire.questions
    if isinstance(q, civicquest.models.SingleChoiceQuestion | civicquest.models.CommitmentQuestion)
}
codes = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,20}", fullmatch=True)


# --- score -----------------------------------------------------------------------------------


def test_score_gives_what_the_cli_prints() -> None:
    printed = CliRunner().invoke(cli, ["score", str(EXAMPLE), "--format", "json"]).output
    assert json.loads(score(PROJECT).model_dump_json()) == json.loads(printed)


def test_score_passes_options_to_the_method() -> None:
    report = score(PROJECT, "unranked", order="lot", seed=7)
    assert report.reproducibility.method == "unranked"
    assert report.reproducibility.parameters["options"]["seed"] == 7
    assert report.order == "lot"


def test_score_accepts_a_folder() -> None:
    assert score(EXAMPLE, "levels") == score(PROJECT, "levels")


def test_an_unknown_method_names_the_available_ones() -> None:
    with pytest.raises(UsageError, match=r"available: commitment, levels, unranked"):
        score(PROJECT, "borda")


def test_a_wrong_option_names_the_options_of_the_method() -> None:
    with pytest.raises(UsageError, match=r"colour.*takes: missing, include_unpublished"):
        score(PROJECT, "commitment", colour="red")


# --- match_voter -----------------------------------------------------------------------------


def test_a_plain_mapping_matches_like_voter_answers() -> None:
    first, second = list(SCALED)[:2]
    plain = {first: SCALED[first][0], second: {"choice": SCALED[second][1], "important": True}}
    model = VoterAnswers.model_validate(
        {"answers": {first: {"choice": SCALED[first][0]}, second: plain[second]}}
    )
    assert match_voter(PROJECT, plain) == match_voter(PROJECT, model)
    assert match_voter(PROJECT, {"answers": model.model_dump()["answers"]}) == match_voter(
        PROJECT, model
    )
    assert match_voter(PROJECT, plain).important == (second,)


@settings(max_examples=60, deadline=None)
@given(question=st.sampled_from(sorted(SCALED)), code=codes, as_model=st.booleans())
def test_any_unknown_code_raises_a_located_error(question: str, code: str, as_model: bool) -> None:
    if code in SCALED[question]:
        code += "-x"
    voter: Any = {question: code}
    if as_model:
        voter = VoterAnswers.model_validate({"answers": {question: {"choice": code}}})
    with pytest.raises(InvalidVoterAnswersError) as caught:
        match_voter(PROJECT, voter)
    (issue,) = caught.value.issues
    assert (issue.code, issue.file, issue.path) == (
        "unknown_option",
        "<voter>",
        f"answers.{question}.choice",
    )
    assert f"<voter> unknown_option answers.{question}.choice" in str(caught.value)


@settings(max_examples=60, deadline=None)
@given(question=codes)
def test_any_unknown_question_raises_a_located_error(question: str) -> None:
    if question in PROJECT.questions_by_id:
        question += "-x"
    first = next(iter(SCALED))
    with pytest.raises(InvalidVoterAnswersError) as caught:
        match_voter(PROJECT, {first: SCALED[first][0], question: SCALED[first][0]})
    assert [(i.code, i.path) for i in caught.value.issues] == [
        ("unknown_question", f"answers.{question}")
    ]


def test_a_malformed_answer_is_located_too() -> None:
    first = next(iter(SCALED))
    with pytest.raises(InvalidVoterAnswersError) as caught:
        match_voter(PROJECT, {first: {"choice": SCALED[first][0], "important": "very"}})
    assert [i.path for i in caught.value.issues] == [f"answers.{first}.important"]


# --- errors and checks of models -------------------------------------------------------------


def _broken_project() -> Project:
    response = PROJECT.responses[0]
    unknown = {f"nope{i}": next(iter(response.answers.values())) for i in range(7)}
    broken = response.model_copy(update={"answers": {**response.answers, **unknown}})
    return PROJECT.model_copy(update={"responses": (broken, *PROJECT.responses[1:])})


def test_models_are_checked_like_files_and_issues_name_the_model() -> None:
    result = check_project(_broken_project())
    assert not result.ok
    assert result.project is None
    where = f"<responses>/{PROJECT.responses[0].respondent}"
    assert {(i.code, i.file, i.line) for i in result.errors} == {("unknown_question", where, None)}
    assert check_project(PROJECT).issues == ()
    assert load_project(PROJECT) is PROJECT
    assert check_project(PROJECT.questionnaire).ok


def test_str_of_invalid_project_error_shows_the_first_five_issues() -> None:
    with pytest.raises(InvalidProjectError) as caught:
        load_project(_broken_project())
    lines = str(caught.value).split("\n")
    assert lines[0] == "7 error(s) in the project:"
    assert len(lines) == 7
    assert lines[-1] == "  … and 2 more; see .issues"
    assert all(" unknown_question answers.nope" in line for line in lines[1:6])


def test_str_of_invalid_project_error_has_file_line_and_column(example_copy: Path) -> None:
    path = example_copy / "responses" / "aix-ensemble.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("engagement_fort", "fortissimo", 1))
    with pytest.raises(InvalidProjectError) as caught:
        load_project(example_copy)
    issue = caught.value.issues[0]
    assert f"{path}:{issue.line}:{issue.column} unknown_option" in str(caught.value)


# --- question kinds, localized ---------------------------------------------------------------


def test_every_question_kind_is_a_question() -> None:
    kinds = {q.kind for q in PROJECT.questionnaire.questions if isinstance(q, civicquest.Question)}
    assert kinds == {q.kind for q in PROJECT.questionnaire.questions}
    assert civicquest.Question is civicquest.QuestionBase
    assert not isinstance(PROJECT.questionnaire, civicquest.Question)


def test_localized_says_which_language_it_used() -> None:
    text = {"fr": "Bonjour", "en": "Hello"}
    assert localized(text, "en") == ("Hello", "en")
    assert localized(text, "de") == ("Bonjour", "fr")
    assert localized({"en": "Hello"}, "de") == ("Hello", "en")
    assert localized("Salut", "de") == ("Salut", "fr")
    assert localized(None, "de") == ("", None)
    assert localize(text, "de") == "Bonjour"


# --- records ---------------------------------------------------------------------------------


def test_answer_records_are_one_flat_row_per_answer() -> None:
    rows = answer_records(PROJECT, "en")
    assert len(rows) == sum(len(r.answers) for r in PROJECT.responses)
    assert all(tuple(row) == ANSWER_COLUMNS for row in rows)
    flat = (str, int, float, bool, type(None))
    assert all(isinstance(value, flat) for row in rows for value in row.values())
    answers = {(r.respondent, q): a for r in PROJECT.responses for q, a in r.answers.items()}
    for row in rows:
        answer = answers[row["respondent"], row["question"]]
        expected = "|".join(answer.choices) if answer.choices is not None else answer.choice
        assert row["choice"] == expected
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ANSWER_COLUMNS)
    writer.writerows(rows)
    assert buffer.getvalue().count("\n") >= len(rows)


def test_score_records_are_one_row_per_list_and_theme() -> None:
    report = score(PROJECT)
    rows = score_records(report)
    themes = len(PROJECT.questionnaire.themes)
    assert len(rows) == len(report.lists) * themes
    assert all(tuple(row) == SCORE_COLUMNS for row in rows)
    first = report.lists[0]
    assert [r["theme_score"] for r in rows[:themes]] == [t.score for t in first.themes]
    unranked = score_records(score(PROJECT, "unranked"))
    assert len(unranked) == len(report.lists)
    assert {r["theme"] for r in unranked} == {None}
