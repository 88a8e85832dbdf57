"""A questionnaire that ``extends`` another: resolved at load time, mistakes located."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from civicquest.cli import cli
from civicquest.loading.extends import MAX_DEPTH
from civicquest.loading.project import check_project, load_questionnaire
from civicquest.models import Questionnaire
from strategies import questionnaires

PIN = {"questionnaire": "example:aix2026", "version": "1.0.0"}
STRONG = {"en": "Strong!"}


def write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def issues_of(path: Path) -> list[tuple[str, str, int | None, str]]:
    """(code, file name, line, path inside) of every issue."""
    found = check_project(path).issues
    return [(i.code, Path(i.file or "").name, i.line, i.path) for i in found]


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the first line of ``path`` containing ``needle``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def base_dict(example_dir: Path) -> dict[str, Any]:
    return Questionnaire.model_validate(
        yaml.safe_load((example_dir / "questionnaire.yaml").read_text(encoding="utf-8"))
    ).model_dump(mode="json")


# -- Properties -------------------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(questionnaires())
def test_extends_with_no_change_is_its_base(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = write(Path(folder, "base", "questionnaire.yaml"), data)
        ref = {"questionnaire": "../base", "version": data["version"]}
        extending = write(Path(folder, "mine", "questionnaire.yaml"), {"extends": ref})
        assert load_questionnaire(extending) == load_questionnaire(base)


@settings(max_examples=30, deadline=None)
@given(questionnaires(), st.data())
def test_dropping_then_adding_a_question_back_gives_the_base(
    data: dict[str, Any], pick: st.DataObject
) -> None:
    questions = data["questions"]
    index = pick.draw(st.integers(0, len(questions) - 1))
    dropped = questions[index]
    version = data["version"]
    place = {"after": questions[index - 1]["id"]} if index else {}
    if not index and len(questions) > 1:
        place = {"before": questions[1]["id"]}
    with tempfile.TemporaryDirectory() as folder:
        base = write(Path(folder, "base.yaml"), data)
        ref = {"questionnaire": "base.yaml", "version": version}
        write(Path(folder, "less.yaml"), {"extends": ref, "remove": {"questions": [dropped["id"]]}})
        if len(questions) > 1:  # a questionnaire needs a question: only then can it drop one
            back = {
                "extends": {"questionnaire": "less.yaml", "version": version},
                "questions": [{**dropped, **place}],
            }
            again = write(Path(folder, "again.yaml"), back)
            assert load_questionnaire(again) == load_questionnaire(base)
        one_file = {
            "extends": ref,
            "remove": {"questions": [dropped["id"]]},
            "questions": [{**dropped, **place}],
        }
        assert load_questionnaire(write(Path(folder, "one.yaml"), one_file)) == (
            load_questionnaire(base)
        )


# -- What an extending file can change --------------------------------------------------------


def test_each_kind_of_change(tmp_path: Path, example_dir: Path) -> None:
    hostile = "<script>alert(1)</script> \u202eevil =SUM(A1) 🏳️‍🌈 " + "x" * 20_000
    changes = {
        "extends": PIN,
        "id": "grenoble-2026",
        "remove": {"questions": ["p02"], "options": {"niveaux": ["niveau_3"]}},
        "questions": [
            {"id": "p01", "text": {"fr": hostile}, "help": None},
            {"id": "p03", "scale": "position", "kind": "position"},
            {
                "id": "g01",
                "kind": "open_text",
                "theme": "inclusion",
                "after": "p01",
                "text": {"fr": "Nouvelle question ?", "en": "New question?"},
            },
            {"id": "p04", "before": "p01"},
        ],
        "scales": [
            {
                "id": "engagement",
                "options": [{"code": "engagement_fort", "label": {"en": "Strong!"}}],
            }
        ],
        "themes": [{"id": "protection", "weight": 3}],
    }
    mine = load_questionnaire(write(tmp_path / "questionnaire.yaml", changes))
    base = base_dict(example_dir)
    questions = {q.id: q for q in mine.questions}
    old = {q["id"]: q for q in base["questions"]}
    assert mine.id == "grenoble-2026"
    assert mine.version == "1.0.0"
    assert "p02" not in questions
    assert [q.id for q in mine.questions][:4] == ["p04", "p01", "g01", "p03"]
    assert questions["p01"].text == {"fr": hostile, "en": old["p01"]["text"]["en"]}
    assert questions["p01"].help is None
    assert questions["p01"].lever is not None
    assert (questions["p03"].scale, questions["p03"].kind) == ("position", "position")
    assert questions["p03"].text == old["p03"]["text"]
    scales = {s.id: s for s in mine.scales}
    assert "niveau_3" not in [o.code for o in scales["niveaux"].options]
    strong = next(o for o in scales["engagement"].options if o.code == "engagement_fort")
    assert strong.label == {"fr": "Engagement fort", "en": "Strong!"}
    assert {t.id: t.weight for t in mine.themes}["protection"] == 3


def test_a_chain_and_a_project_folder_as_base(tmp_path: Path, example_dir: Path) -> None:
    write(tmp_path / "a" / "questionnaire.yaml", {"extends": PIN, "version": "2.0.0"})
    b = {
        "extends": {"questionnaire": "../a", "version": "2.0.0"},
        "version": "2.1.0",
        "title": {"en": "Mine"},
    }
    mine = load_questionnaire(write(tmp_path / "b" / "questionnaire.yaml", b))
    assert mine.version == "2.1.0"
    assert mine.title == {"fr": base_dict(example_dir)["title"]["fr"], "en": "Mine"}


def test_diff_of_the_base_and_the_extending_project_shows_exactly_the_changes(
    tmp_path: Path, example_dir: Path
) -> None:
    changes = {
        "extends": PIN,
        "version": "2.0.0",
        "remove": {"questions": ["p03"]},
        "questions": [
            {"id": "p01", "text": {"fr": "Autre texte"}},
            {
                "id": "g01",
                "kind": "open_text",
                "theme": "inclusion",
                "text": {"fr": "Nouvelle ?", "en": "New?"},
            },
        ],
    }
    write(tmp_path / "mine" / "questionnaire.yaml", changes)
    result = CliRunner().invoke(
        cli, ["diff", str(example_dir), str(tmp_path / "mine"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    found = [
        (c["kind"], c["target"], c["field"], c["languages"])
        for c in json.loads(result.output)["changes"]
    ]
    assert found == [
        ("question_reworded", "p01", "text", ["fr"]),
        ("question_removed", "p03", "", []),
        ("question_added", "g01", "", []),
    ]


# -- Mistakes, located in the file that has them ----------------------------------------------


def test_a_wrong_pin_names_the_base_version(tmp_path: Path) -> None:
    mine = write(tmp_path / "questionnaire.yaml", {"extends": {**PIN, "version": "1.1.0"}})
    result = check_project(mine)
    (issue,) = result.issues
    assert (issue.code, issue.line, issue.path) == (
        "extends_version_mismatch",
        3,
        "extends.version",
    )
    assert "1.0.0" in issue.message("en")
    assert "1.1.0" in issue.message("fr")
    cli_result = CliRunner().invoke(cli, ["validate", str(mine)])
    assert cli_result.exit_code == 1
    assert "Traceback" not in cli_result.output


def test_unknown_ids_in_removals_and_changes(tmp_path: Path) -> None:
    mine = write(
        tmp_path / "questionnaire.yaml",
        {
            "extends": PIN,
            "remove": {"questions": ["p3"], "themes": ["nope"], "options": {"nul": ["a"]}},
            "questions": [{"id": "p1", "text": {"fr": "coquille"}}, {"id": "p05", "after": "p99"}],
        },
    )
    found = [(code, path) for code, _, _, path in issues_of(mine)]
    assert found == [
        ("extends_unknown_id", "remove.questions[0]"),
        ("extends_unknown_id", "remove.themes[0]"),
        ("extends_unknown_id", "remove.options.nul"),
        ("extends_unknown_id", "questions[0].id"),
        ("extends_unknown_id", "questions[1].after"),
    ]
    assert all(file == "questionnaire.yaml" for _, file, _, _ in issues_of(mine))


def test_both_before_and_after_and_a_duplicate_entry(tmp_path: Path) -> None:
    mine = write(
        tmp_path / "questionnaire.yaml",
        {
            "extends": PIN,
            "questions": [
                {"id": "p01", "before": "p02", "after": "p03"},
                {"id": "p01", "weight": 4},
            ],
        },
    )
    assert [(c, p) for c, _, _, p in issues_of(mine)] == [
        ("extends_two_places", "questions[0].after"),
        ("duplicate_id", "questions[1].id"),
    ]


def test_a_cycle_a_missing_base_and_too_long_a_chain(tmp_path: Path) -> None:
    ref = {"version": "1.0.0"}
    write(tmp_path / "a.yaml", {"extends": {**ref, "questionnaire": "b.yaml"}})
    write(tmp_path / "b.yaml", {"extends": {**ref, "questionnaire": "a.yaml"}})
    assert [c for c, *_ in issues_of(tmp_path / "a.yaml")] == ["extends_cycle"]
    write(tmp_path / "c.yaml", {"extends": {**ref, "questionnaire": "gone/"}})
    assert issues_of(tmp_path / "c.yaml") == [
        ("extends_base_missing", "c.yaml", 3, "extends.questionnaire")
    ]
    write(tmp_path / "d.yaml", {"extends": {**ref, "questionnaire": "example:nowhere"}})
    assert [c for c, *_ in issues_of(tmp_path / "d.yaml")] == ["extends_base_missing"]
    write(tmp_path / "chain" / "0.yaml", {"extends": PIN})
    for n in range(1, MAX_DEPTH):
        write(
            tmp_path / "chain" / f"{n}.yaml", {"extends": {**ref, "questionnaire": f"{n - 1}.yaml"}}
        )
    # n.yaml, then n - 1 others down to 0.yaml, then the example: n + 2 questionnaires
    assert check_project(tmp_path / "chain" / f"{MAX_DEPTH - 2}.yaml").issues == ()
    assert issues_of(tmp_path / "chain" / f"{MAX_DEPTH - 1}.yaml") == [
        ("extends_too_deep", "0.yaml", 2, "extends.questionnaire")
    ]


def test_a_malformed_extends_is_a_located_structural_error(tmp_path: Path) -> None:
    mine = write(
        tmp_path / "q.yaml",
        {"extends": {"questionnaire": "example:aix2026"}, "remove": {"question": ["p01"]}},
    )
    assert [(c, p) for c, _, _, p in issues_of(mine)] == [
        ("missing", "extends.version"),
        ("unknown_field", "remove.question"),
    ]


def test_issues_of_the_result_point_at_the_file_and_line_that_wrote_the_value(
    tmp_path: Path, example_dir: Path
) -> None:
    base = write(tmp_path / "base.yaml", base_dict(example_dir))
    text = base.read_text(encoding="utf-8").replace("theme: protection", "theme: protektion", 1)
    base.write_text(text, encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        'extends: {questionnaire: base.yaml, version: "1.0.0"}\n'
        "remove: {questions: [p01]}\n"
        "questions:\n"
        "  - id: g01\n"
        "    kind: open_text\n"
        "    theme: partenariat\n"
        "    text: {fr: Nouvelle ?}\n",
        encoding="utf-8",
    )
    found = issues_of(mine)
    assert ("missing_translation", "mine.yaml", 7, "questions[0].text") in found
    wrong_theme = next(i for i in found if i[0] == "unknown_theme")
    assert wrong_theme[1:3] == ("base.yaml", line_of(base, "theme: protektion"))
    assert len(found) == 2
    mine.write_text(
        mine.read_text(encoding="utf-8") + "  - id: p02\n    weight: -1\n    unit: {fr: €}\n",
        encoding="utf-8",
    )
    assert issues_of(mine) == [
        ("out_of_range", "mine.yaml", 9, "questions[1].weight"),  # p02 comes after g01 here
    ]
