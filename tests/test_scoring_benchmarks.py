"""The benchmarks run on tiny sizes and agree with their pure-Python baselines (no timing)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import bench_matching
import bench_scoring


def test_scoring_benchmark_runs_and_checks_itself(capsys: pytest.CaptureFixture[str]) -> None:
    figures = bench_scoring.main(rows=3000, sample=500)
    assert figures["peak_mb"] < 500
    assert "pure Python baseline" in capsys.readouterr().out


def test_scoring_kernel_equals_baseline_with_odd_question_count() -> None:
    tables = bench_scoring.build(questions=7)
    codes = bench_scoring.answers(200, questions=7)
    expected = np.array(bench_scoring.baseline(codes.tolist(), tables))
    assert np.allclose(bench_scoring.run_kernel(codes, tables), expected, atol=1e-4)


@pytest.mark.parametrize("method", ["city-block", "wahl-o-mat"])
def test_matching_benchmark_runs_and_checks_itself(
    method: str, capsys: pytest.CaptureFixture[str]
) -> None:
    figures = bench_matching.main(voters=2000, method=method, sample=200)
    assert figures["peak_mb"] < 500
    assert "bandwidth floor" in capsys.readouterr().out


def test_panel_benchmark_runs_and_every_generated_voter_is_matched(
    capsys: pytest.CaptureFixture[str],
) -> None:
    figures = bench_matching.panel_main(voters=300)
    assert figures["panel_s"] > 0
    assert figures["floor_s"] > 0
    assert "time / floor" in capsys.readouterr().out
