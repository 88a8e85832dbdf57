"""The command line: exit codes, formats, languages, no traceback for a user's mistake."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from civicquest.cli import cli


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_validate_the_example_exits_0(example_dir: Path) -> None:
    code, output = run("validate", str(example_dir))
    assert code == 0
    assert output.strip().endswith("Projet valide.")


def test_validate_an_invalid_project_exits_1_and_lists_every_issue(example_copy: Path) -> None:
    questionnaire = example_copy / "questionnaire.yaml"
    questionnaire.write_text(
        questionnaire.read_text().replace("theme: inclusion", "theme: incl", 2)
    )
    code, output = run("validate", str(example_copy), "--lang", "en")
    assert code == 1
    assert output.count("[unknown_theme]") == 2
    assert "Invalid project: 2 error(s)" in output
    assert "Traceback" not in output


def test_validate_json_output_is_machine_readable(example_copy: Path) -> None:
    (example_copy / "responses" / "aix-avenir.yaml").write_text("respondent: [\n")
    code, output = run("validate", str(example_copy), "--format", "json")
    assert code == 1
    payload = json.loads(output)
    assert payload["valid"] is False
    (issue,) = [i for i in payload["issues"] if i["code"] == "syntax_error"]
    assert issue["file"].endswith("aix-avenir.yaml")
    assert issue["line"] == 2


def test_language_comes_from_the_environment(example_copy: Path) -> None:
    (example_copy / "respondents.yaml").write_text("respondents: 3\n")
    result = CliRunner(env={"CIVICQUEST_LANG": "en"}).invoke(cli, ["validate", str(example_copy)])
    assert "unexpected type" in result.output


def test_usage_errors_exit_2() -> None:
    assert run("validate", "/no/such/folder")[0] == 2
    assert run("validate")[0] == 2
    assert run("validate", ".", "--format", "xml")[0] == 2
    assert run("schema", "nothing")[0] == 2
    assert run("no-such-command")[0] == 2


def test_summary_lists_every_list_and_status(example_dir: Path) -> None:
    code, output = run("summary", str(example_dir), "--lang", "en")
    assert code == 0
    assert "10 lists, 6 responses received" in output
    for status in (
        "answered",
        "partial answer",
        "awaiting answer",
        "declined to answer",
        "answered outside the form",
        "not solicited",
        "withdrawn",
        "merged",
    ):
        assert status in output


def test_summary_of_an_invalid_project_exits_1(example_copy: Path) -> None:
    (example_copy / "questionnaire.yaml").write_text("id: [\n")
    code, _ = run("summary", str(example_copy))
    assert code == 1


def test_schema_command_prints_and_writes(tmp_path: Path) -> None:
    code, output = run("schema", "response")
    assert code == 0
    assert json.loads(output)["title"] == "Response"
    target = tmp_path / "out" / "q.json"
    assert run("schema", "questionnaire", "-o", str(target))[0] == 0
    assert json.loads(target.read_text())["title"] == "Questionnaire"


def test_console_script_and_module_entry_points(example_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "civicquest", "validate", str(example_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    help_result = subprocess.run(
        [sys.executable, "-m", "civicquest", "--help"], capture_output=True, text=True, check=False
    )
    assert "validate" in help_result.stdout


def test_help_does_not_import_pydantic() -> None:
    code = (
        "import sys; from civicquest.cli import cli; "
        "import click.testing as t; t.CliRunner().invoke(cli, ['--help']); "
        "print('pydantic' in sys.modules, 'numpy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]
