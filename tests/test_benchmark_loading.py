"""The loading benchmark runs (tiny sizes; no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_loading.py"


def test_loading_benchmark_runs_and_reports_every_figure() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--responses", "20", "--answers", "5", "--runs", "1"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "20 responses x 5 answers" in result.stdout
    assert "ratio civicquest / bare pydantic" in result.stdout
    assert "civicquest --help" in result.stdout
