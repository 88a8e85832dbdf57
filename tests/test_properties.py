"""Properties: valid projects round-trip; broken ones give located issues, never a crash."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civicquest import Project, check_project
from civicquest.text.messages import CATALOG
from project_builder import write_project
from strategies import projects

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "aix2026"
FILE_LEVEL = {
    "file_too_large",
    "file_unreadable",
    "file_missing",
    "duplicate_key",
    "too_deep",
    "syntax_error",
    "too_many_nodes",
}
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SETTINGS
@given(project=projects())
def test_valid_projects_round_trip_yaml_model_json_model(project: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        result = check_project(write_project(Path(folder), project))
    assert [issue.code for issue in result.errors] == []
    loaded = result.project
    assert loaded is not None
    again = Project.model_validate_json(loaded.model_dump_json())
    assert again == loaded
    assert loaded.questionnaire.model_dump(mode="json", exclude_unset=True) == _jsonable(
        project["questionnaire"]
    )
    for response in loaded.responses:
        original = project["responses"][response.respondent]
        assert response.model_dump(mode="json", exclude_unset=True) == _jsonable(original)


def _jsonable(data: Any) -> Any:
    """What the JSON dump of the source data looks like (tuples as lists, ints as floats...)."""
    if isinstance(data, dict):
        return {key: _jsonable(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_jsonable(value) for value in data]
    if isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    return data


def _assert_located(issues: tuple[Any, ...]) -> None:
    for issue in issues:
        assert issue.code in CATALOG
        assert issue.file is not None
        if issue.code not in FILE_LEVEL and issue.code != "not_utf8":
            assert issue.line is not None, issue


def _nodes(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _nodes(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _nodes(value, (*path, index))
    return found


REPLACEMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.just({"x": 1}),
    st.just("inconnu"),
    st.just("2026-13-45"),
)


@SETTINGS
@given(data=st.data(), delete=st.booleans(), replacement=REPLACEMENTS)
def test_any_data_mutation_gives_a_project_or_located_issues(
    data: st.DataObject, delete: bool, replacement: Any
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(shutil.copytree(EXAMPLE, Path(folder) / "p"))
        files = sorted(p for p in project.rglob("*.yaml"))
        target = data.draw(st.sampled_from(files))
        content = yaml.safe_load(target.read_text())
        path = data.draw(st.sampled_from(_nodes(content)[1:]))
        parent = content
        for part in path[:-1]:
            parent = parent[part]
        if delete:
            del parent[path[-1]]
        else:
            parent[path[-1]] = replacement
        target.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
        result = check_project(project)
    assert result.ok == (result.project is not None)
    _assert_located(result.issues)


@SETTINGS
@given(data=st.data(), garbage=st.binary(min_size=1, max_size=40))
def test_any_byte_mutation_gives_a_project_or_located_issues(
    data: st.DataObject, garbage: bytes
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(shutil.copytree(EXAMPLE, Path(folder) / "p"))
        target = data.draw(st.sampled_from(sorted(project.rglob("*.yaml"))))
        raw = target.read_bytes()
        at = data.draw(st.integers(0, len(raw)))
        cut = data.draw(st.integers(0, 20))
        target.write_bytes(raw[:at] + garbage + raw[at + cut :])
        result = check_project(project)
    _assert_located(result.issues)


def test_huge_response_file_is_refused_and_reported_once(example_copy: Path) -> None:
    huge = example_copy / "responses" / "aix-avenir.yaml"
    with huge.open("wb") as stream:
        stream.write(b"a: " + b"x" * (50 * 1024 * 1024))
    result = check_project(example_copy)
    assert ("file_too_large", str(huge)) in {(i.code, i.file) for i in result.issues}
    # A broken file is reported once, as broken: not a second time as a missing response.
    assert "response_missing" not in {i.code for i in result.issues}


def test_alias_bomb_in_a_project_file(example_copy: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    (example_copy / "respondents.yaml").write_text("\n".join(lines) + "\n")
    result = check_project(example_copy)
    assert "too_many_nodes" in {i.code for i in result.issues}
