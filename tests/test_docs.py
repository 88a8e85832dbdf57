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
#: out of it unchanged. The reader's edits run too: a ``{code-block}`` captioned
#: ``avant : FILE`` then ``après : FILE`` replaces the one place the first text is in FILE,
#: ``à la fin de : FILE`` appends, ``nouveau fichier : FILE`` writes a new file; the one shell
#: commands a page may show are ``cp -r FOLDER COPY``, ``cp FILE COPY`` and ``mkdir FOLDER``.
FLOW_PAGES = (
    "importing.md",
    "evolving.md",
    "communes.md",
    "publishing.md",
    "reuse.md",
    "example-metropole2026.md",
    "pledges.md",
    "rounds-and-exchanges.md",
)

_EDIT_CAPTION = re.compile(r":caption: (avant|après|à la fin de|nouveau fichier) : ")
_STEP = re.compile(
    r"```console\n(?P<console>.*?)```"
    r"|```\{code-block\} \S+\n:caption: (?P<edit>avant|après|à la fin de|nouveau fichier) : "
    r"(?P<file>\S+)\n\n(?P<text>.*?)```",
    flags=re.S,
)


def _file_command(words: list[str]) -> None:
    """``cp FILE COPY`` or ``mkdir FOLDER``, failing as the shell would (no parents made)."""
    if words[0] == "mkdir":
        Path(words[1]).mkdir()
    else:
        shutil.copyfile(words[1], words[2])


def flow_commands(page: str) -> list[tuple[str, list[str]]]:
    """(command, documented output lines) of every command of ``page``, in order; an edit is
    (``"edit <kind> <file>"``, [its text])."""
    text = (DOCS / page).read_text(encoding="utf-8")
    steps: list[tuple[str, list[str]]] = []
    for match in _STEP.finditer(text):
        if match["console"] is None:
            steps.append((f"edit {match['edit']}\t{match['file']}", [match["text"]]))
            continue
        for first, *output in _commands(match["console"].rstrip("\n").split("\n")):
            steps.append((first.removeprefix("$ ").strip(), output))
    return steps


def _edit(page: str, step: str, text: str, before: str | None) -> str | None:
    """Apply one reader's edit; return the text of an ``avant`` block, waiting for its pair."""
    kind, file = step.removeprefix("edit ").split("\t")
    path = Path(file)
    if kind == "avant":
        return text
    if kind == "après":
        assert before is not None, f"{page}: 'après : {file}' without 'avant' before it"
        content = path.read_text(encoding="utf-8")
        assert content.count(before) == 1, f"{page}: the 'avant' text is not once in {file}"
        path.write_text(content.replace(before, text), encoding="utf-8")
    elif kind == "à la fin de":
        with path.open("a", encoding="utf-8") as stream:
            stream.write(text)
    else:
        assert not path.exists(), f"{page}: {file} exists already"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return None


@pytest.mark.parametrize("page", FLOW_PAGES)
def test_a_flow_page_runs_as_printed_and_leaves_the_example_alone(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copytree(ROOT / "tests" / "fixtures", tmp_path / "tests" / "fixtures")
    monkeypatch.chdir(tmp_path)
    exit_code, ran, before = None, 0, None
    for command, documented in flow_commands(page):
        if command.startswith("edit "):
            before = _edit(page, command, documented[0], before)
            continue
        if command == "echo $?":
            assert documented == [str(exit_code)], f"{page}: exit code after the command above"
            continue
        if command.startswith("cp -r "):
            source, copy = shlex.split(command)[2:]
            shutil.copytree(source, copy)
            continue
        if command.startswith(("cp ", "mkdir ")):
            _file_command(shlex.split(command))
            continue
        assert command.startswith("civicquest "), f"{page}: the test cannot run {command!r}"
        result = CliRunner().invoke(cli, shlex.split(command)[1:])
        assert_prints(page, command, result.output, documented)
        exit_code, ran = result.exit_code, ran + 1
    assert ran >= 3, f"{page}: no command was run"
    assert before is None, f"{page}: an 'avant' block has no 'après'"
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


# --- Every command of the README and the docs, pasted into a shell after `make demo` ---------

#: The pages whose shell blocks a reader pastes: the README and every page of the docs.
#: Every page pasted in a shell, but the flow pages whose reader edits files between commands
#: (those edits are not shell commands: the flow test above applies them and runs those pages).
SHELL_PAGES = tuple(
    page
    for page in ("README.md", *sorted(str(p.relative_to(ROOT)) for p in DOCS.rglob("*.md")))
    if not _EDIT_CAPTION.search((ROOT / page).read_text(encoding="utf-8"))
)
#: Commands not run, and why (each must still be in the docs: see the last test).
NOT_RUN = {
    "make demo": "run once, before every page: the state a fresh clone is in after it",
    "make test": "runs this very test suite",
    "make schemas": "rewrites schemas/ in the repository; tests/test_schemas.py checks them",
    "pip install -e plugins/civicquest-tabular": "would reinstall the tested environment",
    "pip install -e plugins/civicquest-example-html": "would reinstall the tested environment",
    ".venv/bin/pip install -e path/to/civicquest-myformat": "a plugin the reader writes",
    "pip install -e plugins/civicquest-<format>": "a plugin the reader writes",
    "civicquest export examples/aix2026 --format best --option method=levels": (
        "the page's own example plugin, not installed"
    ),
}
#: Placeholders a reader replaces: a command with one is an example of syntax, not run.
PLACEHOLDER = re.compile(r"<[^>\n]+>|\b[A-Z][A-Z_]{3,}\b")
#: Commands shown on a broken copy of the example: how the copy is broken first (they exit 1).
BROKEN_FIRST = {
    "civicquest validate maville2026 --format json": (
        'cp -r examples/aix2026 maville2026 && sed -i \'s/insee_code: "13001"/insee_code: '
        "13001/' maville2026/questionnaire.yaml"
    ),
}


def shell_commands(page: str) -> list[tuple[str, list[str]]]:
    """(command, documented output) for every command of the page's console and sh blocks."""
    text = (ROOT / page).read_text(encoding="utf-8")
    found: list[tuple[str, list[str]]] = []
    for kind, block in re.findall(r"```(console|sh|bash|shell)\n(.*?)```", text, flags=re.S):
        lines = block.rstrip("\n").replace("\\\n", "").split("\n")
        if kind == "console" and any(line.startswith("$ ") for line in lines):
            found += [(_bare(first[2:]), out) for first, *out in _commands(lines)]
        else:
            found += [(_bare(line), []) for line in lines if line.strip()[:1] not in ("", "#")]
    return found


def _bare(command: str) -> str:
    """The command without its trailing comment (``make demo   # installe tout``)."""
    return re.split(r"\s#\s", command, maxsplit=1)[0].strip()


@pytest.fixture(scope="module")
def after_make_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh clone (the files git tracks) where ``make demo`` ran, with the tested .venv."""
    clone = tmp_path_factory.mktemp("clone")
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, tracked.split("\0")):
        if (ROOT / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    (clone / ".venv").symlink_to(ROOT / ".venv")
    # -o install: the environment is the tested one; never reinstall it from the copy.
    demo = subprocess.run(
        ["make", "-o", "install", "demo"], cwd=clone, capture_output=True, text=True, check=False
    )
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert "source .venv/bin/activate" in demo.stdout, "make demo must say how to activate"
    return clone


@pytest.mark.slow
@pytest.mark.parametrize("page", [p for p in SHELL_PAGES if shell_commands(p)])
def test_every_command_of_the_docs_runs_when_pasted_after_make_demo(
    page: str, after_make_demo: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "civicquest"
    shutil.copytree(after_make_demo, folder, symlinks=True)
    commands = [(c, out) for c, out in shell_commands(page) if _runnable(c)]
    results = _run_in_a_shell([ACTIVATE] + [c for c, _ in commands], folder)[1:]
    for index, ((command, documented), (code, output)) in enumerate(
        zip(commands, results, strict=True)
    ):
        following = commands[index + 1][0] if index + 1 < len(commands) else ""
        if command == "echo $?":
            continue
        if following == "echo $?":
            assert [str(code)] == commands[index + 1][1], f"{page}: exit status of {command}"
        else:
            expected = 1 if command in BROKEN_FIRST else 0
            assert code == expected, f"{page}: {command!r} exited with {code}:\n{output}"
        if documented:
            elided = ["..." if line.strip() == "..." else line for line in documented]
            assert_prints(page, command, output, elided)
    assert _tree(folder / "examples") == _tree(ROOT / "examples"), f"{page} changed the example"


#: The advice of the getting-started page, run before every page's commands.
ACTIVATE = "source .venv/bin/activate"


def test_the_activation_advice_is_in_the_docs_and_needed() -> None:
    for page in ("README.md", "docs/getting-started.md"):
        assert ACTIVATE in (ROOT / page).read_text(encoding="utf-8"), page
        assert ".venv\\Scripts\\activate" in (ROOT / page).read_text(encoding="utf-8"), page
    result = subprocess.run(
        ["bash", "-c", "command -v civicquest"], env=_fresh_terminal(), capture_output=True
    )
    assert result.returncode != 0, "civicquest is found without activating: the test proves nothing"


def test_every_command_left_out_is_still_in_the_docs() -> None:
    shown = {c for page in SHELL_PAGES for c, _ in shell_commands(page)}
    assert set(NOT_RUN) <= shown, set(NOT_RUN) - shown
    assert set(BROKEN_FIRST) <= shown, set(BROKEN_FIRST) - shown


def _runnable(command: str) -> bool:
    return command not in NOT_RUN and not PLACEHOLDER.search(command)


def _fresh_terminal() -> dict[str, str]:
    """A new terminal's environment: no civicquest on PATH, no language chosen."""
    return {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(Path.home()), "LANG": "C.UTF-8"}


def _run_in_a_shell(commands: list[str], folder: Path) -> list[tuple[int, str]]:
    """Run ``commands`` one after the other in one bash, as pasted: (exit status, output)."""
    script = []
    for index, command in enumerate(commands):
        if command == "echo $?":
            script.append(f"true > {index}.out; echo 0 > {index}.rc")
            continue
        setup = BROKEN_FIRST.get(command)
        if setup:
            script.append(f"{setup} > /dev/null")
        script.append(f"{{ {command}\n}} > {index}.out 2>&1; echo $? > {index}.rc")
    log = folder.parent
    body = re.sub(r"> (\d+)\.(out|rc)", lambda m: f"> {log}/{m[1]}.{m[2]}", "\n".join(script))
    subprocess.run(["bash", "-c", body], cwd=folder, env=_fresh_terminal(), check=False)
    return [
        (
            int((log / f"{i}.rc").read_text()),
            (log / f"{i}.out").read_text(encoding="utf-8", errors="replace"),
        )
        for i in range(len(commands))
    ]
