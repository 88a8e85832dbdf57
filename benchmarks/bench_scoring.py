"""Benchmark: scoring 1,000,000 responses x 50 questions.

Prints the vectorised kernel's time, a straightforward pure-Python baseline (measured on a
subsample and extrapolated linearly; said so in the output), a memory-bandwidth floor (a numpy
copy of the same bytes, in the same run), the ratios, and peak traced memory.

Run:  .venv/bin/python benchmarks/bench_scoring.py [--rows N]
(to time numpy's own kernels, unset OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE for that command.)
BLAS is limited to one thread (before numpy is imported): the kernel's matrix products are small,
one per chunk, and BLAS threads only add synchronisation, badly so when the other core is busy.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import time
import tracemalloc
from typing import Any

import numpy as np
from _timing import best_time

from civicquest.scoring.kernels import CHUNK_ROWS, ThemeKernel
from civicquest.scoring.tables import SHIFT, ScoredQuestion, ScoringTables

__all__ = ["baseline", "build", "main", "run_kernel"]

THEMES = 5
OPTIONS = 4  # most committed .. least committed
MISSING = (-1, -3, -4)  # no reply, skipped, not applicable


def build(questions: int = 50) -> ScoringTables:
    """Tables of a 50-question questionnaire in 5 themes, default missing policy."""
    rng = np.random.default_rng(1)
    scores = (1.0, 0.67, 0.33, 0.0)
    weights = rng.choice([1.0, 2.0], size=questions)
    points = np.zeros((questions, SHIFT + OPTIONS))
    maximum = np.zeros_like(points)
    for q in range(questions):
        points[q, SHIFT : SHIFT + OPTIONS] = weights[q] * np.array(scores)
        maximum[q, SHIFT : SHIFT + OPTIONS] = weights[q]
        maximum[q, SHIFT - 1] = maximum[q, SHIFT - 3] = weights[q]  # zero: counted, no points
    membership = np.zeros((questions, THEMES))
    membership[np.arange(questions), np.arange(questions) % THEMES] = 1.0
    qs = tuple(
        ScoredQuestion(f"q{q}", f"t{q % THEMES}", float(weights[q]), ("a", "b", "c", "d"),
                       scores, (False,) * OPTIONS)
        for q in range(questions)
    )  # fmt: skip
    themes = tuple(f"t{t}" for t in range(THEMES))
    return ScoringTables(qs, themes, np.ones(THEMES), points, maximum, membership, {})


def answers(rows: int, questions: int = 50) -> np.ndarray[Any, np.dtype[np.int8]]:
    """Random codes, about 10 % of them missing; generated in chunks to keep memory low."""
    rng = np.random.default_rng(2)
    codes = np.empty((rows, questions), dtype=np.int8)
    missing = np.array(MISSING, dtype=np.int8)
    for start in range(0, rows, 65536):
        block = rng.integers(0, OPTIONS, size=(min(65536, rows - start), questions), dtype=np.int8)
        holes = rng.random(block.shape, dtype=np.float32) < 0.1
        block[holes] = rng.choice(missing, size=int(holes.sum()))
        codes[start : start + len(block)] = block
    return codes


def baseline(codes: list[list[int]], tables: ScoringTables) -> list[list[float]]:
    """Pure Python: per response, per question, look up points and maximum, sum per theme."""
    points = tables.points.tolist()
    maximum = tables.maximum.tolist()
    theme = [int(np.argmax(row)) for row in tables.membership]
    out = []
    for row in codes:
        sums = [0.0] * (2 * THEMES)
        for q, code in enumerate(row):
            sums[theme[q]] += points[q][code + SHIFT]
            sums[THEMES + theme[q]] += maximum[q][code + SHIFT]
        out.append(sums)
    return out


def run_kernel(
    codes: np.ndarray[Any, np.dtype[np.int8]], tables: ScoringTables, chunk: int = CHUNK_ROWS
) -> np.ndarray[Any, np.dtype[np.float32]]:
    """The library's kernel over all rows, in chunks with reused buffers (one thread)."""
    kernel = ThemeKernel(tables, np.float32)
    out = np.empty((len(codes), 2 * THEMES), dtype=np.float32)
    scratch = kernel.buffers(chunk)
    for start in range(0, len(codes), chunk):
        kernel(codes[start : start + chunk], out[start : start + chunk], scratch)
    return out


def main(rows: int = 1_000_000, sample: int = 20_000) -> dict[str, float]:
    tables = build()
    tracemalloc.start()
    codes = answers(rows)
    out = run_kernel(codes, tables)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    kernel = best_time(lambda: run_kernel(codes, tables))
    target = np.empty_like(codes)
    floor = best_time(lambda: np.copyto(target, codes), repeat=5)
    subsample = codes[: min(sample, rows)].tolist()
    start = time.perf_counter()
    expected = baseline(subsample, tables)
    python = (time.perf_counter() - start) * rows / len(subsample)
    assert np.allclose(out[: len(expected)], np.array(expected), atol=1e-3)
    figures = {"kernel_s": kernel, "python_s": python, "floor_s": floor, "peak_mb": peak / 1e6}
    print(f"scoring {rows:,} responses x 50 questions ({THEMES} themes)")
    print(f"  vectorised kernel       {kernel:8.3f} s  (best of 3, one thread)")
    print(f"  pure Python baseline    {python:8.3f} s  (measured on {len(subsample):,} rows, "
          "extrapolated linearly)")  # fmt: skip
    print(f"  bandwidth floor (copy)  {floor:8.4f} s  ({codes.nbytes / 1e6:.0f} MB)")
    print(f"  speed-up vs Python      {python / kernel:8.1f} x  (target >= 25)")
    print(f"  time / floor            {kernel / floor:8.1f} x  (tuned reference: about 50)")
    print(
        f"  peak traced memory      {peak / 1e6:8.1f} MB  (target < 500; input and output included)"
    )
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    main(parser.parse_args().rows)
