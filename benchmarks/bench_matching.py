"""Benchmark: matching 1,000,000 voters x 20 lists x 40 questions (city-block and points, chunked).

Prints the vectorised kernel's time, a straightforward pure-Python baseline (measured on a
subsample and extrapolated linearly; said so in the output), a memory-bandwidth floor (a numpy
copy of the voters' bytes, in the same run), the ratios, and peak traced memory.

The points method (OpenElectionCompass's approve-partly-reject table, a list's skip counting in
the maximum) is timed the same way against its own pure-Python baseline, in the same process.

Run:  .venv/bin/python benchmarks/bench_matching.py [--voters N] [--method M]
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

from civicquest.matching.encoding import MatchQuestion
from civicquest.matching.kernels import CHUNK_ROWS, MatchKernel
from civicquest.matching.methods import get_match_method
from civicquest.matching.points import points_rule
from civicquest.matching.points_kernel import PointsKernel

__all__ = ["baseline", "main", "make_data", "points_baseline", "points_main", "run_kernel"]

POINTS = ((2, 1, 0), (1, 2, 1), (0, 1, 2))  # OEC approve-partly-reject, maximum 2

LEVELS = 3  # agree / neutral / disagree
Int8Array = np.ndarray[Any, np.dtype[np.int8]]


def make_data(voters: int, lists: int = 20, questions: int = 40) -> tuple[Int8Array, Int8Array]:
    """Voter codes (-1 skip, level, level + 3 if important) and list levels (-1 missing)."""
    rng = np.random.default_rng(3)
    codes = np.empty((voters, questions), dtype=np.int8)
    for start in range(0, voters, 65536):
        rows = min(65536, voters - start)
        block = rng.integers(0, LEVELS, size=(rows, questions), dtype=np.int8)
        block[rng.random((rows, questions), dtype=np.float32) < 0.2] += LEVELS  # important
        block[rng.random((rows, questions), dtype=np.float32) < 0.1] = -1  # skipped
        codes[start : start + rows] = block
    list_levels = rng.integers(0, LEVELS, size=(lists, questions), dtype=np.int8)
    list_levels[rng.random((lists, questions)) < 0.05] = -1
    return codes, list_levels


def baseline(codes: list[list[int]], list_levels: list[list[int]]) -> list[list[float]]:
    """Pure Python city-block, 'max' imputation, important x2, as in docs/matching.md."""
    position = [0.5 - level / (LEVELS - 1) for level in range(LEVELS)]
    parties = [[None if level < 0 else position[level] for level in row] for row in list_levels]
    out = []
    for row in codes:
        answered = [
            (q, position[code % LEVELS], 2.0 if code >= LEVELS else 1.0)
            for q, code in enumerate(row)
            if code >= 0
        ]
        den = sum(weight for _, _, weight in answered)
        agreements = []
        for party in parties:
            num = 0.0
            for q, a, weight in answered:
                b = party[q]
                num += weight * (abs(a - b) if b is not None else abs(a) + 0.5)
            agreements.append(100.0 * (1.0 - num / den) if den else float("nan"))
        out.append(agreements)
    return out


def points_baseline(codes: list[list[int]], list_levels: list[list[int]]) -> list[list[float]]:
    """Pure Python points rule: table points x importance (2), a list's skip 0 of 2."""
    out = []
    for row in codes:
        answered = [(q, code % LEVELS, 2 if code >= LEVELS else 1) for q, code in enumerate(row)
                    if code >= 0]  # fmt: skip
        agreements = []
        for party in list_levels:
            got = top = 0
            for q, a, factor in answered:
                b = party[q]
                got += factor * POINTS[a][b] if b >= 0 else 0
                top += factor * 2
            agreements.append(got * 100 / top if top else 50.0)
        out.append(agreements)
    return out


def points_main(codes: Int8Array, list_levels: Int8Array, sample: int = 2_000) -> dict[str, float]:
    """Time the points kernel and its pure-Python baseline on the same voters."""
    questions = tuple(
        MatchQuestion(f"q{q}", "t", ("agree", "neutral", "disagree")) for q in range(40)
    )
    rule = points_rule(preset="oec-approve-partly-reject")
    kernel = PointsKernel(rule, questions, (), list_levels)
    tracemalloc.start()
    out = run_kernel(kernel, codes)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    seconds = best_time(lambda: run_kernel(kernel, codes))
    subsample = codes[: min(sample, len(codes))].tolist()
    start = time.perf_counter()
    expected = points_baseline(subsample, list_levels.tolist())
    python = (time.perf_counter() - start) * len(codes) / len(subsample)
    assert np.allclose(out[: len(expected)], np.array(expected), atol=1e-3)
    print(f"points method ({rule.name}), same voters and lists")
    print(f"  vectorised kernel       {seconds:8.3f} s  (best of 3, one thread)")
    print(f"  pure Python baseline    {python:8.3f} s  (measured on {len(subsample):,} voters, "
          "extrapolated linearly)")  # fmt: skip
    print(f"  speed-up vs Python      {python / seconds:8.1f} x")
    print(f"  peak traced memory      {peak / 1e6:8.1f} MB  (output included, input excluded)")
    return {"points_s": seconds, "points_python_s": python, "points_peak_mb": peak / 1e6}


def run_kernel(
    kernel: MatchKernel | PointsKernel, codes: Int8Array, chunk: int = CHUNK_ROWS
) -> Any:
    """Overall agreement (voters x lists, float32), chunk by chunk with reused buffers."""
    out = np.empty((len(codes), kernel.n_lists), dtype=np.float32)
    sums = np.empty((chunk, kernel.lists.shape[1]), dtype=kernel.dtype)
    scratch = kernel.buffers(chunk)
    for start in range(0, len(codes), chunk):
        block = codes[start : start + chunk]
        kernel.sums(block, sums[: len(block)], scratch)
        target = out[start : start + len(block)].reshape(len(block), 1, -1)
        kernel.agreement(sums[: len(block)], target)
    return out


def main(
    voters: int = 1_000_000, method: str = "city-block", sample: int = 2_000
) -> dict[str, float]:
    tracemalloc.start()
    codes, list_levels = make_data(voters)
    questions = tuple(
        MatchQuestion(f"q{q}", "t", ("agree", "neutral", "disagree")) for q in range(40)
    )
    kernel = MatchKernel(get_match_method(method), "max", questions, (), list_levels)
    out = run_kernel(kernel, codes)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    seconds = best_time(lambda: run_kernel(kernel, codes))
    target = np.empty_like(codes)
    floor = best_time(lambda: np.copyto(target, codes), repeat=5)
    subsample = codes[: min(sample, voters)].tolist()
    start = time.perf_counter()
    expected = baseline(subsample, list_levels.tolist())
    python = (time.perf_counter() - start) * voters / len(subsample)
    if method == "city-block":
        assert np.allclose(out[: len(expected)], np.array(expected), atol=1e-3, equal_nan=True)
    print(f"matching {voters:,} voters x {len(list_levels)} lists x 40 questions ({method})")
    print(f"  vectorised kernel       {seconds:8.3f} s  (best of 3, one thread)")
    print(f"  pure Python baseline    {python:8.3f} s  (measured on {len(subsample):,} voters, "
          "extrapolated linearly)")  # fmt: skip
    print(f"  bandwidth floor (copy)  {floor:8.4f} s  ({codes.nbytes / 1e6:.0f} MB)")
    print(f"  speed-up vs Python      {python / seconds:8.1f} x  (target >= 75)")
    print(f"  time / floor            {seconds / floor:8.1f} x  (tuned reference: about 90)")
    print(
        f"  peak traced memory      {peak / 1e6:8.1f} MB  (target < 500; input and output included)"
    )
    figures = {"kernel_s": seconds, "python_s": python, "floor_s": floor, "peak_mb": peak / 1e6}
    return {**figures, **points_main(codes, list_levels, sample)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--voters", type=int, default=1_000_000)
    parser.add_argument("--method", default="city-block")
    arguments = parser.parse_args()
    main(arguments.voters, arguments.method)
