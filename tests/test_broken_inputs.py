"""Broken-input corpus (issue 7): every command, fed a broken project, reports; none crashes.

Cases are generated from the tables of tests/broken_cases.py: what a file contains, what stands
at a path (a folder, a link to nowhere or in a loop, a FIFO, a socket, a device, an unreadable
file), a field of the wrong type, hostile text in one field or in all of them. Each case runs the
real CLI (click's CliRunner, exceptions not caught) and checks that the outcome is a report:
no traceback, exit code 0, 1 or 2, every issue a real code with a file, and line:column whenever
the file could be parsed. Cases that break a file on purpose also check that the breakage is
named (never taken for an absent file).

A FIFO is never given to ``match --answers``: a pipe the user names on purpose is read the way
``cat`` reads it (``--answers <(curl …)``), so it would wait for a writer. Project files are
never opened when they are FIFOs; that is what the FIFO cases below check.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from click.testing import CliRunner, Result

from broken_cases import (
    COMMANDS,
    CONTENT,
    HOSTILE,
    KINDS,
    OUTPUT_COMMANDS,
    OUTPUT_TARGETS,
    PLACES,
    ROLES,
    SCHEMA_NAMES,
    SCORING,
    VOTER,
    WRONG_VALUES,
    as_json_response,
    build_base,
    leaf_paths,
    text_paths,
    write_data,
)
from civicquest.cli import cli
from civicquest.text.messages import CATALOG
from os_refusals import forbid_opening_fifos, refuse
from project_builder import minimal_project

# Codes of a file that could not be parsed at all: a file (or folder) is named, no line.
UNPARSED = frozenset(
    {
        "file_missing", "file_unreadable", "file_too_large", "not_a_file", "broken_link",
        "link_loop", "not_a_folder", "folder_unreadable", "ignored_file", "several_files",
        "too_deep",
    }
)  # fmt: skip
# Greedy: an escaped file name may itself hold ": erreur [x]"; the last head is the issue.
HEAD = re.compile(
    r"^(?P<where>\S.*): (?P<severity>erreur|error|avertissement|warning) \[(?P<code>[^\]]*)\]"
)
BROKEN_KINDS = frozenset(KINDS) - {"missing", "link_to_valid_copy", "regular_file"}
FOLDERS = frozenset({"responses_folder", "project_folder"})
ENTRIES = frozenset({"responses_entry", "responses_entry_yaml", "responses_entry_newline"})
ALL = tuple(COMMANDS)
# one command per way in: the other exports print a broken project's issues the same way
ENTRY_POINTS = (
    *("validate", "validate-json", "summary", "score", "sensitivity", "match"),
    *("export-csv", "export-frictionless"),
)
CLICK_REFUSES = frozenset({"missing", "dangling_link", "self_loop", "loop_pair"})
# jiter counts columns from 0 at the end of an empty JSON document


class Case(NamedTuple):
    family: str
    name: str
    command: str


def _rotating(index: int, count: int) -> list[str]:
    """``count`` commands, different for consecutive cases, so that every command gets many."""
    return [ALL[(index * count + k) % len(ALL)] for k in range(count)]


def _content_cases() -> Iterator[Case]:
    for i, (role, breakage) in enumerate((r, b) for r in ROLES for b in CONTENT):
        commands = ["match"] if role == "voter" else ["validate-json", *_rotating(i, 1)]
        for command in dict.fromkeys(commands):
            yield Case("content", f"{role}:{breakage}", command)


def _kind_applies(place: str, kind: str) -> bool:
    if place == "voter":  # --answers: the user's own path, read as given (see the docstring)
        return kind not in ("fifo", "missing", "folder")
    if place in ENTRIES:
        return kind not in ("missing", "link_to_valid_copy")
    return not (place in FOLDERS and kind == "sparse_11_mb")


def _kind_cases() -> Iterator[Case]:
    thorough = {"self_loop", "loop_pair", "dangling_link", "fifo", "unreadable"}
    pairs = [(p, k) for p in PLACES for k in KINDS if _kind_applies(p, k)]
    for i, (place, kind) in enumerate(pairs):
        if place == "voter":
            commands = ["match", "match-directional-json"]
        elif kind in thorough and place not in ("responses_entry_newline",):
            commands = list(ENTRY_POINTS)
        else:
            commands = ["validate-json", *_rotating(i, 2)]
        for command in dict.fromkeys(commands):
            yield Case("kind", f"{place}:{kind}", command)


def _data_cases() -> Iterator[Case]:
    for name in HOSTILE:
        for command in ALL:
            yield Case("hostile_everywhere", name, command)
        yield Case("hostile_in_ids_too", name, "validate")
        yield Case("hostile_in_ids_too", name, "validate-json")
    wrong = tuple(WRONG_VALUES)
    paths = [(doc, path) for doc, data in _documents().items() for path in leaf_paths(data)]
    for i, (doc, path) in enumerate(paths):
        if isinstance(_get(_documents()[doc], path), str):
            for hostile in ("nul", "newline_fake_issue", "long_20000"):
                yield Case("hostile_field", f"{doc}:{hostile}:{_show(path)}", _reader(doc))
        for value in (wrong[(2 * i) % len(wrong)], wrong[(2 * i + 1) % len(wrong)]):
            yield Case("wrong_type", f"{doc}:{value}:{_show(path)}", _reader(doc))


def _reader(doc: str) -> str:
    return "match" if doc == "voter" else "validate-json"


def _show(path: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in path)


def _documents() -> dict[str, Any]:
    project = minimal_project()
    return {
        "questionnaire": project["questionnaire"],
        "respondents": project["respondents"],
        "response": project["responses"]["a"],
        "scoring": copy.deepcopy(SCORING),
        "voter": copy.deepcopy(VOTER),
    }


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def _param(case: Case) -> Any:
    return pytest.param(case, id=f"{case.family}-{case.name}-{case.command}")


def _command_line_cases() -> Iterator[Case]:
    for target in OUTPUT_TARGETS:
        for command in OUTPUT_COMMANDS:
            yield Case("output", target, command)
    for name in SCHEMA_NAMES:
        yield Case("schema_name", name, "schema")


CASES = [*_content_cases(), *_kind_cases(), *_data_cases(), *_command_line_cases()]


# --- building the cases (once per case, shared by its commands) -----------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    root = tmp_path_factory.mktemp("corpus")
    built: dict[str, Path] = {"": build_base(root / "base")}
    yield built
    for path in root.rglob("*"):  # unreadable cases must not stop pytest's clean-up
        if not path.is_symlink():
            path.chmod(0o700)


def _build(corpus: dict[str, Path], case: Case) -> Path:
    key = f"{case.family}-{case.name}"
    if key not in corpus:
        folder = corpus[""].parent / f"case{len(corpus)}"
        if case.family in ("output", "schema_name"):
            return corpus[""]  # the valid project: only the command line is broken
        if case.family in ("content", "kind"):
            shutil.copytree(corpus[""], folder, symlinks=True)
            _break_file(folder, case)
        else:
            _write_hostile_or_wrong(folder, case)
        corpus[key] = folder
    return corpus[key]


def _break_file(folder: Path, case: Case) -> None:
    place, _, breakage = case.name.partition(":")
    if place == "response_json":
        as_json_response(folder)
    path = folder / PLACES[place]
    if case.family == "content":
        path.write_bytes(CONTENT[breakage](path.read_bytes()))
    else:
        KINDS[breakage](path)
        if breakage == "unreadable":
            if not os.path.lexists(path):
                path.write_text("a: 1\n")
            path.chmod(0)


def _write_hostile_or_wrong(folder: Path, case: Case) -> None:
    documents = _documents()
    if case.family in ("hostile_everywhere", "hostile_in_ids_too"):
        text = HOSTILE[case.name]
        for data in documents.values():
            paths = text_paths(data) if case.family == "hostile_everywhere" else leaf_paths(data)
            for path in list(paths):
                if isinstance(_get(data, path), str):
                    _set(data, path, text)
    else:
        doc, value_name, shown = case.name.split(":", 2)
        data = documents[doc]
        path = next(p for p in leaf_paths(data) if _show(p) == shown)
        value = HOSTILE[value_name] if case.family == "hostile_field" else WRONG_VALUES[value_name]
        _set(data, path, value)
    project = minimal_project()
    project.update(
        questionnaire=documents["questionnaire"],
        respondents=documents["respondents"],
        responses={"a": documents["response"]},
    )
    write_data(folder, project, documents["scoring"], documents["voter"])


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    _get(data, path[:-1])[path[-1]] = value


# --- running and checking --------------------------------------------------------------------


def _run(folder: Path, case: Case, output_folder: Path) -> Result:
    values = {
        "p": str(folder / "project"),
        "v": str(folder / "voter.yaml"),
        "o": str(output_folder),
        "t": str(_target(output_folder, case.name)) if case.family == "output" else "",
    }
    if case.family == "schema_name":
        args = ["schema", case.name]
    else:
        args = [arg.format(**values) for arg in {**COMMANDS, **OUTPUT_COMMANDS}[case.command]]
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def _target(output_folder: Path, target: str) -> Path:
    """An output path in the state ``target`` names (never a path of the project)."""
    output_folder.mkdir(parents=True)
    if target == "parent_is_a_file":
        (output_folder / "a-file").write_text("not a folder\n")
        return output_folder / "a-file" / "out"
    if target == "existing_folder":
        (output_folder / "a-folder").mkdir()
        return output_folder / "a-folder"
    return output_folder / "new" / "deeper" / "out"


def _fresh_folder(folder: Path) -> Path:
    """A folder for a command's output, new for each run (several cases share a folder)."""
    count = sum(1 for _ in folder.glob("out-*"))
    return folder / f"out-{count}"


def _check_report(result: Result, command: str) -> list[dict[str, Any]]:
    """The outcome is a report: return its issues (for JSON validation output)."""
    output = result.output
    assert "Traceback" not in output
    assert result.exit_code in (0, 1, 2), output[-2000:]
    # Issues go to stderr, except validate's report; stdout may hold any user text (exports).
    report = result.stdout + result.stderr if command == "validate" else result.stderr
    heads = [m for m in map(HEAD.match, report.splitlines()) if m]
    for head in heads:
        _check_location(head["where"], head["code"])
    if command == "validate-json" and result.exit_code != 2:
        payload = json.loads(result.stdout)
        for issue in payload["issues"]:
            _check_issue(issue)
        assert (result.exit_code == 0) == payload["valid"]
        return list(payload["issues"])
    if result.exit_code == 1:
        assert heads or re.search(r"Error: \S*/", output), output[-2000:]
    if result.exit_code == 2:
        assert "Error" in output
    return []


def _check_location(where: str, code: str) -> None:
    assert code in CATALOG, f"not an issue code: {code!r} in {where!r}"
    assert not where.startswith("<project>"), code
    if code not in UNPARSED:
        match = re.search(r":(\d+):(\d+)$", where)
        assert match, f"{code} without line:column: {where!r}"
        assert int(match[1]) >= 1, where
        assert int(match[2]) >= 1, where


def _check_issue(issue: dict[str, Any]) -> None:
    assert issue["code"] in CATALOG
    assert issue["file"], issue
    if issue["code"] not in UNPARSED:
        assert (issue["line"] or 0) >= 1, issue
        assert (issue["column"] or 0) >= 1, issue
    assert issue["message"], issue
    assert issue["hint"], issue


def _check_named(folder: Path, case: Case, issues: list[dict[str, Any]]) -> None:
    """A deliberately broken path is named by an issue, of the severity its place calls for."""
    place, _, kind = case.name.partition(":")
    broken = BROKEN_KINDS ^ {"folder", "regular_file"} if place in FOLDERS else BROKEN_KINDS
    if kind not in broken or place == "voter":
        return
    named = str(folder / PLACES[place])
    severities = {i["severity"] for i in issues if i["file"] == named}
    if place in ("responses_entry", "responses_entry_newline"):
        assert severities == {"warning"}, issues
    else:
        assert "error" in severities, issues


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_broken_input_gives_a_located_report(
    corpus: dict[str, Path], case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _build(corpus, case)
    place, _, kind = case.name.partition(":")
    if case.family == "kind" and kind == "unreadable":
        refuse(monkeypatch, "open", folder / PLACES[place])
        refuse(monkeypatch, "scandir", folder / PLACES[place])
    if case.family == "kind" and kind == "fifo":
        forbid_opening_fifos(monkeypatch)
    result = _run(folder, case, _fresh_folder(folder))
    issues = _check_report(result, case.command)
    if case.family == "kind" and case.command == "validate-json":
        if place == "project_folder" and kind in CLICK_REFUSES:
            assert result.exit_code == 2  # click: the path does not exist
        else:
            _check_named(folder, case, issues)


def test_the_corpus_is_large_and_covers_every_command() -> None:
    assert len({(c.family, c.name) for c in CASES}) >= 200
    assert {c.command for c in CASES} == set(COMMANDS) | set(OUTPUT_COMMANDS)
    assert len(CASES) >= 1000
