"""One mistake gives one issue, at a real place, with the same severity everywhere.

The cases come from issue 7 (point 8): a bad organiser URL that also gave a spurious
``too_short``, JSON errors at column 0, "scale without scores" repeated for every question even
when ``scoring.yaml`` gives the scores, and a per-questionnaire JSON Schema stricter than
``validate``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from civicquest import check_project
from civicquest.default_plugins.json_schema import response_schema
from civicquest.loading.documents import Position, SourceError, read_document
from project_builder import minimal_project, write_project

Issues = list[tuple[str, str, str]]


def issues_of(folder: Path) -> Issues:
    return [(i.code, i.path, i.severity) for i in check_project(folder).issues]


def test_a_bad_organiser_url_is_one_error(tmp_path: Path) -> None:
    project = minimal_project()
    project["questionnaire"]["organisers"][0]["url"] = "notaurl"
    folder = write_project(tmp_path / "p", project)
    assert issues_of(folder) == [("bad_url", "organisers[0].url", "error")]


def test_a_list_that_is_really_too_short_is_still_reported(tmp_path: Path) -> None:
    project = minimal_project()
    project["questionnaire"]["organisers"] = []
    project["questionnaire"]["questions"][0]["asked_by"] = []
    folder = write_project(tmp_path / "p", project)
    (issue,) = check_project(folder).issues
    assert (issue.code, issue.path) == ("too_short", "organisers")
    assert "0 item(s), at least 1" in issue.message("en")


def test_an_invalid_round_is_one_error(tmp_path: Path) -> None:
    project = minimal_project()
    project["questionnaire"]["election"]["rounds"] = [{"number": 5, "date": "2026-03-15"}]
    folder = write_project(tmp_path / "p", project)
    assert [code for code, _, _ in issues_of(folder)] == ["out_of_range"]


@pytest.mark.parametrize(
    ("content", "position"),
    [
        (b"", Position(1, 1)),
        (b"\n", Position(2, 1)),
        (b"{\n", Position(2, 1)),
        (b"[1,\n  ", Position(2, 3)),
        (b'{"a": ', Position(1, 7)),
        ('{"éé": x}'.encode(), Position(1, 8)),  # columns count characters, not bytes
        ('{"é": 1,\n "ü": [1,}'.encode(), Position(2, 10)),
    ],
)
def test_json_errors_are_located_from_column_1(
    tmp_path: Path, content: bytes, position: Position
) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(content)
    with pytest.raises(SourceError) as caught:
        read_document(path)
    assert caught.value.position == position


def test_no_issue_of_a_broken_project_is_at_column_0(tmp_path: Path) -> None:
    folder = write_project(tmp_path / "p", minimal_project())
    (folder / "respondents.yaml").unlink()
    (folder / "respondents.json").write_text("{\n")
    (folder / "responses" / "b.json").write_text("")
    columns = [i.column for i in check_project(folder).issues]
    assert len(columns) == 2
    assert all(column is None or column >= 1 for column in columns)


def _unscored_scale(project: dict[str, Any]) -> None:
    for option in project["questionnaire"]["scales"][0]["options"]:
        option.pop("score")
    extra = dict(project["questionnaire"]["questions"][0], id="q5", required=False)
    project["questionnaire"]["questions"].append(extra)


def test_scores_given_in_scoring_yaml_silence_the_scale_warning(tmp_path: Path) -> None:
    project = minimal_project()
    _unscored_scale(project)
    folder = write_project(tmp_path / "p", project)
    scoring = {"option_scores": {"engagement": {"fort": 1, "non": 0}}}
    (folder / "scoring.yaml").write_text(yaml.safe_dump(scoring))
    assert issues_of(folder) == []


def test_a_scale_without_scores_is_one_warning_however_many_questions(tmp_path: Path) -> None:
    project = minimal_project()
    _unscored_scale(project)
    folder = write_project(tmp_path / "p", project)
    result = check_project(folder)
    assert [(i.code, i.path, i.severity) for i in result.issues] == [
        ("scale_without_scores", "scales[0].options", "warning")
    ]
    assert "q1, q5" in result.issues[0].message("en")


def test_a_broken_scoring_yaml_gives_its_error_and_no_scale_warning(tmp_path: Path) -> None:
    project = minimal_project()
    _unscored_scale(project)
    folder = write_project(tmp_path / "p", project)
    (folder / "scoring.yaml").write_text("option_scores: {engagement: {fort: 2}}\n")
    assert [code for code, _, _ in issues_of(folder)] == ["out_of_range"]


WARNED_RESPONSES = [
    ("text over max_length", "q3", {"text": "x" * 1501}, "text_too_long"),
    ("comment where none is asked", "q3", {"text": "x", "comment": "merci"}, "comment_not_allowed"),
]


@pytest.mark.parametrize(
    ("question", "answer", "code"),
    [case[1:] for case in WARNED_RESPONSES],
    ids=[case[0] for case in WARNED_RESPONSES],
)
def test_the_json_schema_accepts_what_validate_only_warns_about(
    tmp_path: Path, question: str, answer: dict[str, Any], code: str
) -> None:
    project = minimal_project()
    project["questionnaire"]["questions"][2]["max_length"] = 1500
    project["responses"]["a"]["answers"][question] = answer
    result = check_project(write_project(tmp_path / "p", project))
    assert [(i.code, i.severity) for i in result.issues] == [(code, "warning")]
    assert result.project is not None
    schema = response_schema(result.project)
    jsonschema.Draft202012Validator.check_schema(schema)
    response = json.loads(json.dumps(project["responses"]["a"]))
    jsonschema.Draft202012Validator(schema).validate(response)


def test_the_json_schema_still_tells_forms_the_length_limit(tmp_path: Path) -> None:
    project = minimal_project()
    result = check_project(write_project(tmp_path / "p", project))
    assert result.project is not None
    answers = response_schema(result.project)["properties"]["answers"]["properties"]
    text = answers["q3"]["properties"]["text"]
    assert "maxLength" not in text
    assert text["x-civicquest-max-length"] == 50


def test_the_json_schema_refuses_a_control_character_as_validate_does(tmp_path: Path) -> None:
    project = minimal_project()
    result = check_project(write_project(tmp_path / "p", project))
    assert result.project is not None
    validator = jsonschema.Draft202012Validator(response_schema(result.project))
    response = json.loads(json.dumps(project["responses"]["a"]))
    response["answers"]["q1"]["comment"] = "oui\x00"
    assert not validator.is_valid(response)
    response["answers"]["q1"]["comment"] = "oui\t\r\n"
    assert validator.is_valid(response)
