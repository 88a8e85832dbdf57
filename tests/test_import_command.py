"""``civicquest import`` end to end, with a tiny JSON-lines importer registered for the tests."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civicquest import load_project
from civicquest.loading.project import check_project
from civicquest.models import Project
from civicquest.plugins import (
    ImportedResponse,
    Importer,
    ImportResult,
    Rejected,
    SourceRef,
    hookimpl,
)
from civicquest.testing import HOSTILE_STRINGS, registered, run_cli


def load_jsonl(project: Project, content: bytes, options: Any, file_name: str) -> ImportResult:
    """One response per line: a response file's data as JSON; each answer's column its id."""
    responses, rejected = [], []
    for row, line in enumerate(content.decode("utf-8").splitlines(), start=1):
        source = SourceRef(file=file_name, row=row)
        try:
            data = json.loads(line)
        except ValueError:
            rejected.append(
                Rejected(source=source, value=line, code="unreadable_line", message="not JSON")
            )
            continue
        sources = {q: SourceRef(file=file_name, row=row, column=q) for q in data.get("answers", {})}
        responses.append(ImportedResponse(data=data, source=source, answer_sources=sources))
    return ImportResult(responses=tuple(responses), rejected=tuple(rejected))


class JsonLines:
    @hookimpl
    def register_importers(self) -> list[Importer]:
        return [
            Importer(
                name="jsonl",
                description="JSON lines",
                load=load_jsonl,
                file_extensions=(".cqlines",),
            )
        ]


@pytest.fixture(autouse=True)
def jsonl_importer() -> Iterator[None]:
    with registered(JsonLines(), "jsonl-test"):
        yield


def _response(project: Path, respondent: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        (project / "responses" / f"{respondent}.yaml").read_text(encoding="utf-8")
    )
    return data


def _write_lines(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    return path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _pending_list(project: Path) -> str:
    loaded = load_project(project)
    answered = set(loaded.responses_by_respondent)
    return next(r.id for r in loaded.respondents if r.id not in answered and r.status == "pending")


def _choice_question(project: Project) -> tuple[str, str, str]:
    """A single-choice question, and two different codes of its scale."""
    for question in project.questionnaire.questions:
        if question.kind in ("single_choice", "commitment", "position"):
            codes = [o.code for o in project.scales_by_id[question.scale].options]
            return question.id, codes[0], codes[1]
    raise AssertionError("no choice question")


def test_dry_run_shows_the_plan_and_writes_nothing(example_copy: Path, tmp_path: Path) -> None:
    project = load_project(example_copy)
    question, first, _ = _choice_question(project)
    existing = project.responses[0]
    before = _snapshot(example_copy)
    file = _write_lines(
        tmp_path / "in.cqlines",
        {"respondent": existing.respondent, "answers": {question: {"choice": first}}},
    )
    result = run_cli("import", str(example_copy), str(file), "--dry-run", "--replace")
    assert _snapshot(example_copy) == before
    assert existing.respondent in result.stdout
    assert result.exit_code == 0, result.output


def test_new_answers_are_written_and_the_project_still_validates(
    example_copy: Path, tmp_path: Path
) -> None:
    project = load_project(example_copy)
    question, first, _ = _choice_question(project)
    respondent = _pending_list(example_copy)
    file = _write_lines(
        tmp_path / "in.cqlines",
        {
            "respondent": respondent,
            "consent_to_publish": True,
            "answers": {question: {"choice": first, "comment": "Vu."}},
        },
    )
    result = run_cli("import", str(example_copy), str(file), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "1 new" in result.stdout
    assert _response(example_copy, respondent)["answers"][question] == {
        "choice": first,
        "comment": "Vu.",
    }
    assert check_project(example_copy).ok


def test_a_different_answer_is_a_conflict_unless_replace(
    example_copy: Path, tmp_path: Path
) -> None:
    project = load_project(example_copy)
    existing = project.responses[0]
    question = next(q for q, a in existing.answers.items() if a.choice is not None)
    codes = [
        o.code
        for o in project.scales_by_id[project.questions_by_id[question].scale].options  # type: ignore[union-attr]
    ]
    other = next(c for c in codes if c != existing.answers[question].choice)
    file = _write_lines(
        tmp_path / "in.cqlines",
        {"respondent": existing.respondent, "answers": {question: {"choice": other}}},
    )
    report = tmp_path / "rejects.csv"
    kept = run_cli("import", str(example_copy), str(file), "--rejects", str(report))
    assert kept.exit_code == 1
    assert _response(example_copy, existing.respondent)["answers"][question]["choice"] != other
    rows = list(csv.DictReader(io.StringIO(report.read_text(encoding="utf-8-sig"))))
    assert [(r["code"], r["column"], r["row"], r["value"]) for r in rows] == [
        ("import_conflict", question, "1", other)
    ]
    assert f"{question} (choice" in rows[0]["message"]  # names the part that differs
    replaced = run_cli("import", str(example_copy), str(file), "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert _response(example_copy, existing.respondent)["answers"][question]["choice"] == other
    assert check_project(example_copy).ok


def test_unknown_list_is_rejected_with_the_closest_list(example_copy: Path, tmp_path: Path) -> None:
    respondent = load_project(example_copy).respondents[0]
    misspelt = respondent.name[:-1] + "x" if len(respondent.name) > 4 else respondent.name + "x"
    file = _write_lines(
        tmp_path / "in.cqlines", {"respondent": misspelt, "answers": {"a": {"choice": "b"}}}
    )
    report = tmp_path / "rejects.json"
    result = run_cli("import", str(example_copy), str(file), "--rejects", str(report))
    assert result.exit_code == 1
    rows = json.loads(report.read_text(encoding="utf-8"))["rejected"]
    assert rows[0]["code"] == "import_unknown_list"
    assert rows[0]["suggestion"] == respondent.id
    assert rows[1]["code"] == "import_list_not_placed"
    assert rows[1]["column"] == "a"


def test_a_list_named_loosely_is_found(example_copy: Path, tmp_path: Path) -> None:
    respondent = next(
        r for r in load_project(example_copy).respondents if r.id == _pending_list(example_copy)
    )
    file = _write_lines(
        tmp_path / "in.cqlines",
        {"respondent": f"  {respondent.name.upper()} ", "consent_to_publish": False},
    )
    result = run_cli("import", str(example_copy), str(file))
    assert result.exit_code == 0, result.output
    assert _response(example_copy, respondent.id)["consent_to_publish"] is False


def test_unknown_option_located_in_the_users_file_with_a_suggestion(
    example_copy: Path, tmp_path: Path
) -> None:
    project = load_project(example_copy)
    question, first, _ = _choice_question(project)
    label = project.scales_by_id[project.questions_by_id[question].scale].options[0].label  # type: ignore[union-attr]
    text = label if isinstance(label, str) else next(iter(label.values()))
    respondent = _pending_list(example_copy)
    file = _write_lines(
        tmp_path / "in.cqlines",
        {"respondent": respondent, "consent_to_publish": True, "answers": {}},
        {
            "respondent": project.responses[0].respondent,
            "answers": {question: {"choice": text.upper() + "x"}},
        },
    )
    report = tmp_path / "rejects.json"
    result = run_cli("import", str(example_copy), str(file), "--rejects", str(report))
    assert result.exit_code == 1
    (row,) = json.loads(report.read_text(encoding="utf-8"))["rejected"]
    assert (row["file"], row["row"], row["column"]) == ("in.cqlines", 2, question)
    assert row["suggestion"] == first
    assert (example_copy / "responses" / f"{respondent}.yaml").exists()  # the rest placed


def test_the_importers_own_rejects_reach_the_report(example_copy: Path, tmp_path: Path) -> None:
    file = tmp_path / "in.cqlines"
    file.write_text("not json at all\n", encoding="utf-8")
    result = run_cli("import", str(example_copy), str(file))
    assert result.exit_code == 1
    assert "unreadable_line" in result.stderr
    assert "in.cqlines:row 1" in result.stderr


@pytest.mark.parametrize("hostile", HOSTILE_STRINGS)
def test_hostile_strings_survive(example_copy: Path, tmp_path: Path, hostile: str) -> None:
    project = load_project(example_copy)
    question = next(q.id for q in project.questionnaire.questions if q.kind == "open_text")
    respondent = _pending_list(example_copy)
    file = _write_lines(
        tmp_path / "in.cqlines",
        {
            "respondent": respondent,
            "consent_to_publish": True,
            "comment": hostile,
            "answers": {question: {"text": hostile}},
        },
    )
    result = run_cli("import", str(example_copy), str(file))
    if result.exit_code == 1:  # refused text (NUL…) is reported, never written
        assert respondent in result.stderr or "control" in result.stderr.lower()
        return
    assert result.exit_code == 0, result.output
    loaded = load_project(example_copy).responses_by_respondent[respondent]
    assert loaded.comment == hostile
    assert loaded.answers[question].text == hostile


def test_rejects_refused_onto_a_project_file(example_copy: Path, tmp_path: Path) -> None:
    file = _write_lines(tmp_path / "in.cqlines", {"respondent": "nobody"})
    target = example_copy / "questionnaire.yaml"
    before = target.read_bytes()
    result = run_cli("import", str(example_copy), str(file), "--rejects", str(target))
    assert result.exit_code == 2
    assert target.read_bytes() == before


def test_usage_errors(example_copy: Path, tmp_path: Path) -> None:
    file = _write_lines(tmp_path / "in.unknown", {"respondent": "x"})
    assert run_cli("import", str(example_copy), str(file)).exit_code == 2
    assert run_cli("import", str(example_copy), str(file), "--format", "nope").exit_code == 2
    mapping = tmp_path / "m.yaml"
    mapping.write_text("{}", encoding="utf-8")
    with_mapping = run_cli(
        "import", str(example_copy), str(file), "--format", "jsonl", "--mapping", str(mapping)
    )
    assert with_mapping.exit_code == 2
    assert "mapping" in with_mapping.stderr


values = st.one_of(
    st.text(max_size=20), st.integers(), st.none(), st.lists(st.text(max_size=5), max_size=3)
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from(["choice", "choices", "number", "text", "no_answer", "bogus"]),
        values,
        min_size=1,
        max_size=3,
    ),
    st.text(min_size=1, max_size=12),
)
def test_every_unplaceable_value_ends_in_the_report(
    example_copy: Path, answer: dict[str, Any], question: str
) -> None:
    from civicquest.importing.plan import plan_import

    project = load_project(example_copy)
    respondent = project.responses[0].respondent
    imported = ImportedResponse(
        data={"respondent": respondent, "answers": {question: answer}},
        source=SourceRef(file="f.cqlines", row=1),
        answer_sources={question: SourceRef(file="f.cqlines", row=1, column="Q")},
    )
    plan = plan_import(project, ImportResult(responses=(imported,)), replace=True)
    placed = {q for item in plan.lists for q in (*item.new, *item.changed, *item.unchanged)}
    if question not in placed:
        assert plan.rejected
        assert {r.source.column for r in plan.rejected} == {"Q"}
        assert all(r.message and r.hint for r in plan.rejected)
