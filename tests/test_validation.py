"""Cross-checks: each mistake a coalition can make gives one located issue with a stable code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from civicquest import InvalidProjectError, check_project, load_project
from civicquest.text.messages import CATALOG, LANGUAGES, render
from project_builder import minimal_project, write_project

Project = dict[str, Any]


def q(project: Project) -> dict[str, Any]:
    result: dict[str, Any] = project["questionnaire"]
    return result


def answers(project: Project) -> dict[str, Any]:
    result: dict[str, Any] = project["responses"]["a"]["answers"]
    return result


def set_in(target: dict[str, Any], key: str, value: Any) -> None:
    target[key] = value


CASES: list[tuple[str, Callable[[Project], None], str, str, str]] = [
    (
        "duplicate question id",
        lambda p: set_in(q(p)["questions"][1], "id", "q1"),
        "duplicate_id",
        "questions[1].id",
        "error",
    ),
    (
        "duplicate option code",
        lambda p: set_in(q(p)["scales"][0]["options"][1], "code", "fort"),
        "duplicate_id",
        "scales[0].options[1].id",
        "error",
    ),
    (
        "unknown theme",
        lambda p: set_in(q(p)["questions"][0], "theme", "t9"),
        "unknown_theme",
        "questions[0].theme",
        "error",
    ),
    (
        "unknown scale",
        lambda p: set_in(q(p)["questions"][0], "scale", "s9"),
        "unknown_scale",
        "questions[0].scale",
        "error",
    ),
    (
        "unknown organiser",
        lambda p: set_in(q(p)["questions"][0], "asked_by", ["ldh", "atd"]),
        "unknown_organiser",
        "questions[0].asked_by[1]",
        "error",
    ),
    (
        "missing translation",
        lambda p: set_in(q(p)["themes"][0], "title", {"fr": "Thème"}),
        "missing_translation",
        "themes[0].title",
        "error",
    ),
    (
        "plain string in a bilingual questionnaire",
        lambda p: set_in(q(p), "title", "Titre"),
        "missing_translation",
        "title",
        "error",
    ),
    (
        "default language not listed",
        lambda p: set_in(q(p), "default_language", "de"),
        "default_language_not_listed",
        "default_language",
        "error",
    ),
    (
        "rounds out of order",
        lambda p: set_in(q(p)["election"]["rounds"][1], "date", "2026-03-01"),
        "rounds_out_of_order",
        "election.rounds",
        "error",
    ),
    (
        "negative weight",
        lambda p: set_in(q(p)["questions"][0], "weight", -1),
        "out_of_range",
        "questions[0].weight",
        "error",
    ),
    (
        "reversed number bounds",
        lambda p: set_in(q(p)["questions"][3], "minimum", 500),
        "bounds_reversed",
        "questions[3].minimum",
        "error",
    ),
    (
        "too many choices allowed",
        lambda p: set_in(q(p)["questions"][1], "max_choices", 5),
        "choices_exceed_options",
        "questions[1].max_choices",
        "error",
    ),
    (
        "open question scored",
        lambda p: set_in(q(p)["questions"][2], "scored", True),
        "open_question_scored",
        "questions[2].scored",
        "error",
    ),
    (
        "unknown field",
        lambda p: set_in(q(p)["questions"][0], "colour", "red"),
        "unknown_field",
        "questions[0].colour",
        "error",
    ),
    (
        "unknown kind",
        lambda p: set_in(q(p)["questions"][0], "kind", "opinion"),
        "bad_choice",
        "questions[0].kind",
        "error",
    ),
    (
        "missing field",
        lambda p: q(p)["questions"][0].pop("text"),
        "missing",
        "questions[0].text",
        "error",
    ),
    (
        "bad id",
        lambda p: set_in(q(p)["questions"][0], "id", "question un"),
        "bad_identifier",
        "questions[0].id",
        "error",
    ),
    (
        "insee code as a number",
        lambda p: set_in(q(p)["election"]["commune"], "insee_code", 13001),
        "number_where_text_expected",
        "election.commune.insee_code",
        "error",
    ),
    (
        "merged into nobody",
        lambda p: set_in(p["respondents"]["respondents"][2], "merged_into", "z"),
        "merged_into_unknown",
        "respondents[2].merged_into",
        "error",
    ),
    (
        "merged into itself",
        lambda p: set_in(p["respondents"]["respondents"][2], "merged_into", "c"),
        "merged_into_self",
        "respondents[2].merged_into",
        "error",
    ),
    (
        "duplicate list",
        lambda p: set_in(p["respondents"]["respondents"][1], "id", "a"),
        "duplicate_id",
        "respondents[1].id",
        "error",
    ),
    (
        "respondents for another questionnaire",
        lambda p: set_in(p["respondents"], "questionnaire", "other"),
        "questionnaire_mismatch",
        "questionnaire",
        "error",
    ),
    (
        "response to a newer version than the project's",
        lambda p: set_in(p["responses"]["a"]["questionnaire"], "version", "1.1.0"),
        "version_mismatch",
        "questionnaire.version",
        "error",
    ),
    (
        "response to an older major version",
        lambda p: set_in(p["responses"]["a"]["questionnaire"], "version", "0.9.0"),
        "incompatible_version",
        "questionnaire.version",
        "error",
    ),
    (
        "division id built for another commune",
        lambda p: set_in(
            p["questionnaire"]["election"],
            "division_id",
            "ocd-division/country:fr/region:pr/department:bd/commune:13002",
        ),
        "division_mismatch",
        "election.division_id",
        "error",
    ),
    (
        "INSEE code of no département",
        lambda p: set_in(p["questionnaire"]["election"]["commune"], "insee_code", "20001"),
        "bad_insee_department",
        "election.commune.insee_code",
        "error",
    ),
    (
        "unknown question",
        lambda p: set_in(answers(p), "q9", {"text": "x"}),
        "unknown_question",
        "answers.q9",
        "error",
    ),
    (
        "unknown option",
        lambda p: set_in(answers(p), "q1", {"choice": "fortt"}),
        "unknown_option",
        "answers.q1.choice",
        "error",
    ),
    (
        "wrong answer kind",
        lambda p: set_in(answers(p), "q3", {"choice": "fort"}),
        "wrong_answer_kind",
        "answers.q3.choice",
        "error",
    ),
    (
        "two values",
        lambda p: set_in(answers(p), "q3", {"text": "x", "number": 1}),
        "answer_value_count",
        "answers.q3",
        "error",
    ),
    (
        "duplicate choice",
        lambda p: set_in(answers(p), "q2", {"choices": ["non", "non"]}),
        "duplicate_choice",
        "answers.q2.choices[1]",
        "error",
    ),
    (
        "too many choices",
        lambda p: set_in(answers(p), "q2", {"choices": ["fort", "non"]}),
        "choice_count",
        "answers.q2.choices",
        "error",
    ),
    (
        "number out of bounds",
        lambda p: set_in(answers(p), "q4", {"number": 101}),
        "number_out_of_bounds",
        "answers.q4.number",
        "error",
    ),
    (
        "not an integer",
        lambda p: set_in(answers(p), "q4", {"number": 1.5}),
        "not_an_integer",
        "answers.q4.number",
        "error",
    ),
    (
        "text too long",
        lambda p: set_in(answers(p), "q3", {"text": "x" * 51}),
        "text_too_long",
        "answers.q3.text",
        "warning",
    ),
    (
        "comment not allowed",
        lambda p: set_in(answers(p), "q3", {"text": "x", "comment": "c"}),
        "comment_not_allowed",
        "answers.q3.comment",
        "warning",
    ),
    (
        "required answer missing",
        lambda p: answers(p).pop("q1"),
        "missing_required",
        "answers",
        "error",
    ),
    (
        "required answer skipped",
        lambda p: set_in(answers(p), "q1", {"no_answer": "skipped"}),
        "missing_required",
        "answers",
        "error",
    ),
    (
        "unknown respondent",
        lambda p: set_in(p["responses"]["a"], "respondent", "zz"),
        "unknown_respondent",
        "respondent",
        "error",
    ),
    (
        "answers from a pending list",
        lambda p: p["responses"].update(b={**p["responses"]["a"], "respondent": "b"}),
        "status_without_answers",
        "respondent",
        "warning",
    ),
    (
        "answered list without response",
        lambda p: p["responses"].pop("a"),
        "response_missing",
        "respondents[0].status",
        "error",
    ),
    (
        "evidence without url or excerpt",
        lambda p: set_in(answers(p)["q1"], "evidence", [{}]),
        "evidence_without_source",
        "answers.q1.evidence[0]",
        "error",
    ),
    (
        "bad url",
        lambda p: set_in(answers(p)["q1"], "evidence", [{"url": "javascript:alert(1)"}]),
        "bad_url",
        "answers.q1.evidence[0].url",
        "error",
    ),
    (
        "yes read as boolean",
        lambda p: set_in(p["respondents"]["respondents"][0], "name", True),
        "yes_no_read_as_boolean",
        "respondents[0].name",
        "error",
    ),
    (
        "missing status",
        lambda p: p["respondents"]["respondents"][0].pop("status"),
        "missing",
        "respondents[0].status",
        "error",
    ),
]


def issues_of(tmp_path: Path, project: Project) -> list[tuple[str, str, str]]:
    result = check_project(write_project(tmp_path / "project", project))
    return [(issue.code, issue.path, issue.severity) for issue in result.issues]


def test_minimal_project_is_valid(tmp_path: Path) -> None:
    result = check_project(write_project(tmp_path / "project", minimal_project()))
    assert result.issues == ()
    assert result.project is not None
    assert [r.id for r in result.project.respondents] == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("label", "mutate", "code", "path", "severity"), CASES, ids=[case[0] for case in CASES]
)
def test_each_mistake_gives_its_issue(
    tmp_path: Path,
    label: str,
    mutate: Callable[[Project], None],
    code: str,
    path: str,
    severity: str,
) -> None:
    project = minimal_project()
    mutate(project)
    assert (code, path, severity) in issues_of(tmp_path, project)


def test_every_issue_is_located_in_its_file(tmp_path: Path) -> None:
    project = minimal_project()
    set_in(answers(project), "q1", {"choice": "fortt"})
    folder = write_project(tmp_path / "project", project)
    (issue,) = check_project(folder).issues
    assert issue.file == str(folder / "responses" / "a.yaml")
    assert issue.line is not None
    lines = (folder / "responses" / "a.yaml").read_text().splitlines()
    assert "fortt" in lines[issue.line - 1][issue.column - 1 :]


def test_all_issues_are_collected_across_files(tmp_path: Path) -> None:
    project = minimal_project()
    set_in(q(project)["questions"][0], "theme", "t9")
    set_in(project["respondents"]["respondents"][2], "merged_into", "z")
    set_in(answers(project), "q9", {"text": "x"})
    codes = {code for code, _, _ in issues_of(tmp_path, project)}
    assert {"unknown_theme", "merged_into_unknown", "unknown_question"} <= codes


def test_broken_questionnaire_still_checks_other_files(tmp_path: Path) -> None:
    project = minimal_project()
    q(project)["questions"][0].pop("text")
    project["respondents"]["respondents"][0]["status"] = "happy"
    codes = {code for code, _, _ in issues_of(tmp_path, project)}
    assert {"missing", "bad_choice"} <= codes


def test_load_project_raises_with_every_issue(tmp_path: Path) -> None:
    project = minimal_project()
    set_in(answers(project), "q1", {"choice": "fortt"})
    set_in(answers(project), "q9", {"text": "x"})
    with pytest.raises(InvalidProjectError) as caught:
        load_project(write_project(tmp_path / "project", project))
    assert {i.code for i in caught.value.issues} == {"unknown_option", "unknown_question"}


def test_warnings_do_not_make_a_project_invalid(tmp_path: Path) -> None:
    project = minimal_project()
    set_in(answers(project), "q3", {"text": "x" * 51})
    result = check_project(write_project(tmp_path / "project", project))
    assert result.ok
    assert result.project is not None
    assert result.project.responses[0].answers["q3"].text == "x" * 51


def test_missing_questionnaire_is_reported(tmp_path: Path) -> None:
    result = check_project(tmp_path)
    assert [i.code for i in result.issues] == ["file_missing"]


def test_every_message_exists_in_every_language() -> None:
    for code in CATALOG:
        for lang in LANGUAGES:
            message, hint = render(code, lang, {})
            assert message, code
            assert hint, code


def test_every_catalog_code_is_used_in_the_source() -> None:
    source = "\n".join(p.read_text() for p in Path("src/civicquest").rglob("*.py"))
    unused = [code for code in CATALOG if f'"{code}"' not in source.replace(f'"{code}": (', "")]
    assert unused == []


def test_duplicate_key_message_names_the_key(tmp_path: Path) -> None:
    folder = write_project(tmp_path / "project", minimal_project())
    respondents = folder / "respondents.yaml"
    respondents.write_text(respondents.read_text() + "questionnaire: demo\n")
    (issue,) = [i for i in check_project(folder).issues if i.code == "duplicate_key"]
    assert "« questionnaire »" in issue.message("fr")
    assert "'questionnaire'" in issue.message("en")


def test_unknown_scale_is_reported_once_not_per_answer(tmp_path: Path) -> None:
    project = minimal_project()
    q(project)["questions"][0]["scale"] = "missing"
    codes = [code for code, _, _ in issues_of(tmp_path, project)]
    assert codes == ["unknown_scale"]


def test_multiple_choice_cannot_be_scored(tmp_path: Path) -> None:
    project = minimal_project()
    q(project)["questions"][1]["scored"] = True
    assert ("open_question_scored", "questions[1].scored", "error") in issues_of(tmp_path, project)


def test_yaml_syntax_problems_are_explained_in_french(tmp_path: Path) -> None:
    (tmp_path / "questionnaire.yaml").write_text("title: Quelle place : pour qui ?\nid: x\n")
    (issue,) = check_project(tmp_path).issues
    assert issue.code == "syntax_error"
    assert "entre guillemets" in issue.message("fr")
    assert "must be in quotes" in issue.message("en")  # our words, not the parser's
    assert "mapping values" not in issue.message("en")


def test_two_files_for_one_role_is_an_error(tmp_path: Path) -> None:
    folder = write_project(tmp_path / "project", minimal_project())
    (folder / "respondents.json").write_text('{"respondents": []}')
    (issue,) = check_project(folder).issues
    assert issue.code == "several_files"
    assert issue.file == str(folder / "respondents.json")
    assert "respondents.yaml, respondents.json" in issue.message("en")


def test_other_files_among_responses_are_reported(tmp_path: Path) -> None:
    folder = write_project(tmp_path / "project", minimal_project())
    (folder / "responses" / "b.txt").write_text("réponse de la liste B")
    (folder / "responses" / ".DS_Store").write_bytes(b"\0")
    result = check_project(folder)
    assert [(i.code, i.file) for i in result.issues] == [
        ("ignored_file", str(folder / "responses" / "b.txt"))
    ]
    assert result.ok
