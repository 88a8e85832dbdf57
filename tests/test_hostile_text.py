"""Hostile text is data: file names, list names and control characters cannot forge output.

Cases from issue 7 (point 8): a newline in a response file's name, ``--answers /dev/zero``,
a bare CR or a formula in a list name in ``score --format csv``, NUL written as a YAML escape.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from civicquest import check_project
from civicquest.cli import cli
from civicquest.loading.documents import MAX_FILE_BYTES, SourceError, read_document
from civicquest.models import Response
from civicquest.plugins._helpers import neutralise, restore
from project_builder import minimal_project, write_project
from strategies import CONTROLS

FORGED = "questionnaire.yaml:1:1: erreur [forged] id"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_a_newline_in_a_file_name_cannot_forge_an_issue_line(tmp_path: Path) -> None:
    folder = write_project(tmp_path / "p", minimal_project())
    responses = folder / "responses"
    (responses / f"a\n{FORGED}\n.yaml").write_bytes((responses / "a.yaml").read_bytes())
    (responses / f"note\r{FORGED}.txt").write_text("x")
    code, output = run("validate", str(folder))
    assert code == 1  # two files for list a
    lines = output.splitlines()
    heads = [line for line in lines if not line.startswith("  ")]
    assert len(heads) == 4  # file_name_mismatch, duplicate_response, ignored_file, verdict
    assert all(line.startswith(str(folder)) for line in heads[:-1])
    assert not any(line.startswith(FORGED) for line in lines)
    assert output.count("\\u000a") >= 2
    assert "\\u000d" in output


def test_json_output_keeps_the_exact_file_name(tmp_path: Path) -> None:
    folder = write_project(tmp_path / "p", minimal_project())
    name = f"note\n{FORGED}.txt"
    (folder / "responses" / name).write_text("x")
    code, output = run("validate", str(folder), "--format", "json")
    assert code == 0
    (issue,) = json.loads(output)["issues"]
    assert issue["file"] == str(folder / "responses" / name)


def test_a_device_is_too_large_not_zero_bytes() -> None:
    with pytest.raises(SourceError) as caught:
        read_document(Path("/dev/zero"), streams=True)  # as match --answers reads
    assert caught.value.code == "file_too_large"
    assert caught.value.params == {"limit_mb": MAX_FILE_BYTES // (1024 * 1024)}


def test_match_with_dev_zero_says_more_than_the_limit(example_dir: Path) -> None:
    code, output = run("match", str(example_dir), "--answers", "/dev/zero", "--lang", "en")
    assert code == 1
    assert "file too large (more than 10 MB)" in output
    assert "0 bytes" not in output


def test_a_fifo_is_read_with_the_same_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_bytes, args=(b"answers: {}\n",), daemon=True)
    writer.start()
    try:
        assert read_document(fifo, streams=True).data == {"answers": {}}
    finally:
        writer.join(timeout=10)
    assert not writer.is_alive()


def _scored_names(tmp_path: Path, names: list[str]) -> list[list[str]]:
    project = minimal_project()
    for respondent, name in zip(project["respondents"]["respondents"], names, strict=False):
        respondent["name"] = name
    code, output = run("score", str(write_project(tmp_path / "p", project)), "--format", "csv")
    assert code == 0, output
    return list(csv.reader(io.StringIO(output, newline="")))


def test_score_csv_quotes_line_breaks_and_neutralises_formulas(tmp_path: Path) -> None:
    names = ["Liste\rA", '=HYPERLINK("http://evil.example";"x")', "@SUM(A1)"]
    rows = _scored_names(tmp_path, names)
    by_id = {row[0]: row for row in rows[1:]}
    assert len(rows) == 1 + 2 * 2  # header, then lists a and b (c is merged): overall + 1 theme
    assert by_id["a"][1] == "Liste\rA"
    assert by_id["b"][1].startswith("'=")
    assert restore(by_id["b"][1]) == names[1]
    assert all(len(row) == len(rows[0]) for row in rows)


@given(st.text(max_size=30))
def test_neutralise_is_undone_by_restore_and_leaves_no_formula(text: str) -> None:
    cell = neutralise(text)
    assert restore(cell) == text
    assert not re.match(r"[=+\-@\t\r]", cell)


@pytest.mark.parametrize("control", ["\x00", "\x01", "\x08", "\x0b", "\x1b", "\x1f"])
def test_control_characters_in_text_are_a_located_error(tmp_path: Path, control: str) -> None:
    project = minimal_project()
    project["respondents"]["respondents"][0]["name"] = f"Liste{control}A"
    project["responses"]["a"]["answers"]["q1"]["comment"] = f"oui{control}"
    folder = write_project(tmp_path / "p", project)
    issues = check_project(folder).issues
    assert [(i.code, i.path, i.file) for i in issues] == [
        ("control_character", "respondents[0].name", str(folder / "respondents.yaml")),
        ("control_character", "answers.q1.comment", str(folder / "responses" / "a.yaml")),
    ]
    assert all(i.line is not None and i.column is not None for i in issues)
    assert f"U+{ord(control):04X}" in issues[0].message("en")


def test_nul_written_as_a_yaml_escape_never_reaches_an_export(tmp_path: Path) -> None:
    folder = write_project(tmp_path / "p", minimal_project())
    questionnaire = folder / "questionnaire.yaml"
    questionnaire.write_text(questionnaire.read_text().replace("fr: Titre", 'fr: "Ti\\0tre"'))
    for fmt in ("csv", "markdown", "html"):
        code, output = run("export", str(folder), "--format", fmt)
        assert code == 1
        assert "[control_character] title.fr" in output
        assert "\x00" not in output


@settings(max_examples=80)
@given(st.text(st.characters(codec="utf-8"), max_size=40), st.sampled_from(CONTROLS))
def test_a_comment_is_refused_exactly_when_it_holds_a_control(text: str, control: str) -> None:
    answer = {"choice": "fort", "comment": text}
    base = {
        "respondent": "a",
        "questionnaire": {"id": "d", "version": "1.0.0"},
        "consent_to_publish": True,
    }
    holds_control = any(char in CONTROLS for char in text)
    if holds_control:
        with pytest.raises(ValidationError):
            Response.model_validate({**base, "answers": {"q1": answer}})
    else:
        Response.model_validate({**base, "answers": {"q1": answer}})
    with pytest.raises(ValidationError):
        Response.model_validate({**base, "answers": {"q1": {**answer, "comment": text + control}}})


def test_tabs_and_line_breaks_are_text(tmp_path: Path) -> None:
    project = minimal_project()
    project["respondents"]["respondents"][0]["name"] = "Liste\tA\r\nsuite\rfin\n"
    assert check_project(write_project(tmp_path / "p", project)).issues == ()
