"""Sensitivity report: rank correlations and swapped pairs, by hand."""

from __future__ import annotations

from click.testing import CliRunner

from civicquest.analysis.sensitivity import kendall_tau, sensitivity, spearman, swapped_pairs
from civicquest.cli import cli
from civicquest.plugins._manager import get_scoring_methods
from test_scoring_support import project, question, questionnaire


def test_rank_correlations_by_hand() -> None:
    a = {"x": 3.0, "y": 2.0, "z": 1.0}
    assert abs(spearman(a, a) - 1) < 1e-12
    assert abs(spearman(a, {"x": 1.0, "y": 2.0, "z": 3.0}) + 1) < 1e-12
    # one swap of three pairs: tau = (2 - 1) / 3; rho = 1 - 6 * 2 / (3 * 8) = 0.5
    b = {"x": 2.0, "y": 3.0, "z": 1.0}
    assert kendall_tau(a, b) == 1 / 3
    assert abs(spearman(a, b) - 0.5) < 1e-12
    assert swapped_pairs(a, b) == (("x", "y"),)


def test_sensitivity_finds_the_swap_caused_by_the_policy() -> None:
    quest = questionnaire([question("q1", "a"), question("q2", "a")])
    lists = [
        ("full", "answered", {"q1": {"choice": "minimal"}, "q2": {"choice": "minimal"}}),
        ("half", "partial", {"q1": {"choice": "fort"}}),
    ]
    report = sensitivity(project(quest, lists), dict(get_scoring_methods()))
    by_policy = {s.policy: s for s in report.scenarios}
    # half: skipped counts 0 -> 50 = full's 50 (tie); excluded -> 100 > 50 (no swap from a tie)
    assert by_policy["all zero"].swaps == ()
    assert report.reference.scores == {"full": 50.0, "half": 50.0}
    assert by_policy["all exclude"].scores["half"] == 100
    assert not report.stable or all(not s.swaps for s in report.scenarios)


def test_cli_sensitivity(example_dir: object) -> None:
    result = CliRunner().invoke(cli, ["sensitivity", str(example_dir)])
    assert result.exit_code == 0
    assert "spearman" in result.output
