"""The docs build without a warning and cover every issue code, command and public name."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import civicquest
from civicquest.cli import cli
from civicquest.text.messages import CATALOG

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


@pytest.mark.slow
def test_docs_build_without_warnings(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-b",
            "html",
            str(DOCS),
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        print(result.stderr)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_every_issue_code_is_documented(code: str) -> None:
    assert f"`{code}`" in (DOCS / "validation.md").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    text = (DOCS / "cli-reference.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^## civicquest (\S+)\s*$", text, flags=re.MULTILINE))
    commands = cli.list_commands(click.Context(cli))
    assert commands, "the CLI group lists no command"
    missing = [name for name in commands if name not in headings]
    assert not missing, f"commands without a '## civicquest <name>' heading: {missing}"


def test_every_public_name_is_in_the_api_page() -> None:
    text = (DOCS / "python-api.md").read_text(encoding="utf-8")
    names = [name for name in civicquest.__all__ if name != "__version__"]
    missing = [name for name in names if not re.search(rf"\b{re.escape(name)}\b", text)]
    assert not missing, f"public names missing from docs/python-api.md: {missing}"


EXECUTED_PAGES = ("cli-reference.md", "example-aix2026.md", "scoring.md", "matching.md")


def console_examples() -> list[tuple[str, str, list[str]]]:
    """(page, command, documented output lines) for each runnable ``$ civicquest`` example."""
    examples = []
    for page in EXECUTED_PAGES:
        text = (DOCS / page).read_text(encoding="utf-8")
        for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
            for first, *output in _commands(block.rstrip("\n").split("\n")):
                command = first.removeprefix("$ ").split("  #")[0].strip()
                runnable = command.startswith("civicquest ") and "examples/aix2026" in command
                writes = " -o " in command or ">" in command
                if runnable and output and not writes:
                    examples.append((page, command, output))
    return examples


def _commands(lines: list[str]) -> list[list[str]]:
    """Split a console block into [command line, its output lines...] groups."""
    groups: list[list[str]] = []
    for line in lines:
        if line.startswith("$ "):
            groups.append([line])
        elif groups:
            groups[-1].append(line)
    return groups


@pytest.mark.parametrize(
    ("page", "command", "documented"), console_examples(), ids=lambda v: str(v)[:60]
)
def test_documented_output_is_what_the_command_prints(
    page: str, command: str, documented: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, shlex.split(command)[1:])
    assert_prints(page, command, result.output, documented)


def assert_prints(page: str, command: str, output: str, documented: list[str]) -> None:
    """The command printed the documented lines (all of them, or up to a ``...`` line)."""
    actual = output.rstrip("\n").split("\n") if output else []
    shown = documented[: documented.index("...")] if "..." in documented else documented
    assert [line.rstrip() for line in actual[: len(shown)]] == [line.rstrip() for line in shown], (
        f"{page}: {command}"
    )
    if "..." not in documented:
        assert len(actual) == len(documented), f"{page}: {command} prints more or fewer lines"


#: Pages run from top to bottom as a reader would, every command of every console block, in a
#: copy of the examples (so that their outputs land in the copy's out/); the example must come
#: out of it unchanged.
FLOW_PAGES = ("importing.md", "evolving.md", "rounds-and-exchanges.md")


def flow_commands(page: str) -> list[tuple[str, list[str]]]:
    """(command, documented output lines) of every command of ``page``, in order."""
    text = (DOCS / page).read_text(encoding="utf-8")
    return [
        (first.removeprefix("$ ").strip(), output)
        for block in re.findall(r"```console\n(.*?)```", text, flags=re.S)
        for first, *output in _commands(block.rstrip("\n").split("\n"))
    ]


@pytest.mark.parametrize("page", FLOW_PAGES)
def test_a_flow_page_runs_as_printed_and_leaves_the_example_alone(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    exit_code, ran = None, 0
    for command, documented in flow_commands(page):
        if command == "echo $?":
            assert documented == [str(exit_code)], f"{page}: exit code after the command above"
            continue
        assert command.startswith("civicquest "), f"{page}: the test cannot run {command!r}"
        result = CliRunner().invoke(cli, shlex.split(command)[1:])
        assert_prints(page, command, result.output, documented)
        exit_code, ran = result.exit_code, ran + 1
    assert ran >= 3, f"{page}: no command was run"
    assert _tree(tmp_path / "examples") == _tree(ROOT / "examples"), f"{page} changed the example"


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def help_blocks() -> list[tuple[str, str]]:
    """(command, documented --help text) for each command section of the CLI reference."""
    text = (DOCS / "cli-reference.md").read_text(encoding="utf-8")
    sections = re.split(r"^## civicquest (\S+)\n", text, flags=re.M)[1:]
    found = []
    for name, body in zip(sections[::2], sections[1::2], strict=True):
        match = re.search(r"```text\n(Usage: civicquest .*?)```", body, flags=re.S)
        if match:
            found.append((name, match.group(1)))
    return found


@pytest.mark.parametrize(("name", "documented"), help_blocks(), ids=lambda v: str(v)[:20])
def test_documented_help_is_the_real_help(name: str, documented: str, update_golden: bool) -> None:
    result = CliRunner().invoke(cli, [name, "--help"], prog_name="civicquest", terminal_width=80)
    if update_golden:
        page = DOCS / "cli-reference.md"
        page.write_text(page.read_text(encoding="utf-8").replace(documented, result.output, 1))
        return
    assert result.output == documented, "run pytest --update-golden, then review the diff"
