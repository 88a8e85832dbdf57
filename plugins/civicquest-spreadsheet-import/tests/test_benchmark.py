"""The importing benchmark runs on a tiny size and checks itself (no timing here)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))

import bench_importing


def test_the_benchmark_imports_every_row(capsys: pytest.CaptureFixture[str]) -> None:
    figures = bench_importing.main(["--rows", "300", "--runs", "1"])
    assert figures["rows"] == 300
    assert figures["answers"] == 300 * 40  # every question answered on every row
    assert "rows/s" in capsys.readouterr().out
