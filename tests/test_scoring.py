"""Scoring: hand-computed reference cases, the configuration, the checks and the CLI."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from civicquest.cli import cli
from civicquest.default_plugins.results import half_up
from civicquest.errors import UsageError
from civicquest.loading.project import check_project
from civicquest.plugins._manager import get_scoring_method
from civicquest.scoring import lot_order, score_commitment, score_levels, score_unranked
from test_scoring_support import project, question, questionnaire

# Theme a (weight 1): q1 (weight 2), q2 (weight 1). Theme b (weight 3): q3.
QUEST = questionnaire(
    [question("q1", "a", weight=2), question("q2", "a"), question("q3", "b")],
    themes=[{"id": "a", "title": "A"}, {"id": "b", "title": "B", "weight": 3}],
)
LISTS = [
    ("x", "answered", {"q1": {"choice": "fort"}, "q2": {"choice": "minimal"},
                       "q3": {"choice": "hc"}}),
    ("y", "partial", {"q1": {"choice": "pas"}, "q2": {"no_answer": "skipped"},
                      "q3": {"choice": "fort"}}),
    ("z", "pending", None),
    ("w", "not_solicited", None),
]  # fmt: skip


def _by_id(report: object) -> dict[str, object]:
    return {item.respondent: item for item in report.lists}  # type: ignore[attr-defined]


def test_commitment_reference_case_with_default_policy() -> None:
    report = score_commitment(project(QUEST, LISTS))
    lists = _by_id(report)
    x, y, z = lists["x"], lists["y"], lists["z"]
    # x: theme a = (2*1 + 1*0.5) / 3; theme b excluded (outside the commune's competence)
    assert x.themes[0].score == pytest.approx(250 / 3)
    assert x.themes[1].score is None
    assert x.score == pytest.approx(250 / 3)
    # y: theme a = (0 + skipped counted as 0) / 3 = 0; theme b = 100; overall (1*0 + 3*100) / 4
    assert y.themes[0].score == 0
    assert y.score == pytest.approx(75.0)
    assert z.score == 0  # pending: no reply counts as zero
    assert [item.respondent for item in report.lists] == ["x", "y", "z"]
    assert [item.rank for item in report.lists] == [1, 2, 3]
    assert [u.respondent for u in report.unscored] == ["w"]


def test_breakdown_explains_every_answer() -> None:
    x = _by_id(score_commitment(project(QUEST, LISTS)))["x"]
    q3 = next(c for c in x.breakdown if c.question == "q3")
    assert (q3.case, q3.excluded, q3.points, q3.maximum) == ("not_applicable", True, 0, 0)
    assert "exclu" in (q3.reason or "")
    q1 = next(c for c in x.breakdown if c.question == "q1")
    assert (q1.choice, q1.value, q1.weight, q1.points, q1.maximum) == ("fort", 1.0, 2, 2, 2)
    assert sum(c.points for c in x.breakdown) == pytest.approx(x.themes[0].points)


def test_neutral_policy_and_overrides_from_scoring_config() -> None:
    scoring = {"missing": {"skipped": "neutral"}, "question_weights": {"q2": 3},
               "option_scores": {"e": {"minimal": 0.25}}, "theme_weights": {"b": 1}}  # fmt: skip
    lists = _by_id(score_commitment(project(QUEST, LISTS, scoring)))
    # x: a = (2*1 + 3*0.25) / 5 = 55
    assert lists["x"].score == pytest.approx(55.0)
    # y: a = (0 + 3*0.5) / 5 = 30; b = 100; overall (30 + 100) / 2
    assert lists["y"].themes[0].score == pytest.approx(30.0)
    assert lists["y"].score == pytest.approx(65.0)


def test_options_override_the_missing_policy() -> None:
    options = {"missing": {"no_reply": "exclude", "skipped": "exclude"}}
    lists = _by_id(score_commitment(project(QUEST, LISTS), options))
    assert lists["z"].score is None
    assert lists["z"].rank is None
    assert lists["y"].themes[0].score == 0  # only q1 (pas) counts in theme a
    assert lists["y"].themes[0].maximum == 2


def test_outside_form_answers_use_their_own_policy() -> None:
    lists = [("l", "outside_form", {"q1": {"choice": "fort"}})]
    scoring = {"missing": {"outside_form": "exclude"}}
    result = _by_id(score_commitment(project(QUEST, lists, scoring, channel="letter")))["l"]
    assert result.score == 100
    assert {c.case for c in result.breakdown} == {"answered", "outside_form"}


def test_levels_counts_answers_by_level_without_scores() -> None:
    report = score_levels(project(QUEST, LISTS))
    assert not report.ranked
    lists = _by_id(report)
    assert lists["x"].levels == {"fort": 1, "minimal": 1, "missing:not_applicable": 1}
    assert lists["z"].levels == {"missing:no_reply": 3}
    assert all(item.score is None for item in report.lists)


def test_unranked_alphabetical_and_lot_with_published_seed() -> None:
    proj = project(QUEST, LISTS)
    assert [i.name for i in score_unranked(proj).lists] == ["X", "Y", "Z"]
    drawn = score_unranked(proj, {"order": "lot", "seed": 7})
    assert [i.respondent for i in drawn.lists] == lot_order(["x", "y", "z"], 7)
    assert drawn.reproducibility.parameters["options"]["seed"] == 7
    with pytest.raises(UsageError, match="seed"):
        score_unranked(proj, {"order": "lot"})


def test_lot_order_is_sha256_of_seed_and_id() -> None:
    import hashlib

    ids = ["a", "b", "c", "d"]
    keyed = {i: hashlib.sha256(f"42:{i}".encode()).hexdigest() for i in ids}
    assert lot_order(ids, 42) == sorted(ids, key=keyed.__getitem__)


def test_reproducibility_record() -> None:
    report = get_scoring_method("commitment").score(project(QUEST, LISTS), None)
    record = report.reproducibility
    assert (record.questionnaire_id, record.questionnaire_version) == ("q-test", "1.2.3")
    assert record.method == "commitment"
    assert record.parameters["scoring"]["missing"]["not_applicable"] == "exclude"
    from civicquest import __version__

    assert record.civicquest_version == __version__


@pytest.mark.parametrize(("value", "shown"), [(2.5, "3"), (3.5, "4"), (0.49, "0"), (99.5, "100")])
def test_half_up_rounding(value: float, shown: str) -> None:
    assert half_up(value) == shown
    assert half_up(math.nan) == "–"


def _copy(example_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "aix"
    shutil.copytree(example_dir, target)
    return target


def test_scoring_yaml_unknown_ids_are_located(example_dir: Path, tmp_path: Path) -> None:
    folder = _copy(example_dir, tmp_path)
    (folder / "scoring.yaml").write_text(
        "option_scores:\n  engagement:\n    tres_fort: 1\n  nope: {a: 1}\n"
        "question_weights:\n  zz: 2\ntheme_weights:\n  t9: 1\n",
        encoding="utf-8",
    )
    result = check_project(folder)
    found = {(i.code, i.line) for i in result.errors}
    assert ("scoring_unknown_option", 3) in found
    assert ("unknown_scale", 4) in found
    assert ("unknown_question", 6) in found
    assert ("unknown_theme", 8) in found


def test_scoring_yaml_schema_errors_are_located(example_dir: Path, tmp_path: Path) -> None:
    folder = _copy(example_dir, tmp_path)
    (folder / "scoring.yaml").write_text("missing:\n  skipped: half\n", encoding="utf-8")
    result = check_project(folder)
    assert [(i.line, i.path) for i in result.errors] == [(2, "missing.skipped")]


def test_cli_score_table_json_csv(example_dir: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(cli, ["score", str(example_dir)])
    assert table.exit_code == 0, table.output
    assert "Aix Ensemble" in table.output
    data = json.loads(runner.invoke(cli, ["score", str(example_dir), "--format", "json"]).output)
    assert data["reproducibility"]["questionnaire_id"] == "aix2026-solidarite"
    ranks = [item["rank"] for item in data["lists"]]
    assert ranks == sorted(ranks)
    csv_text = runner.invoke(cli, ["score", str(example_dir), "--format", "csv"]).output
    assert csv_text.splitlines()[0].startswith("respondent,name,status,rank,theme")


def test_cli_score_errors(example_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    unknown = runner.invoke(cli, ["score", str(example_dir), "-m", "nope"])
    assert unknown.exit_code == 2
    assert "unknown scoring method" in unknown.output
    no_seed = runner.invoke(cli, ["score", str(example_dir), "-m", "unranked", "--order", "lot"])
    assert no_seed.exit_code == 2
    folder = _copy(example_dir, tmp_path)
    (folder / "scoring.yaml").write_text("theme_weights: {t9: 1}\n", encoding="utf-8")
    broken = runner.invoke(cli, ["score", str(folder)])
    assert broken.exit_code == 1
    assert "scoring.yaml:1" in broken.output


def test_cli_score_writes_output_file(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(
        cli, ["score", str(example_dir), "--format", "json", "-o", str(out)]
    )
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["ranked"] is True
