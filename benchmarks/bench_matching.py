"""Benchmark: matching 1,000,000 voters x 20 lists x 40 questions (city-block, chunked).

Prints the vectorised kernel's time, a straightforward pure-Python baseline (measured on a
subsample and extrapolated linearly; said so in the output), a memory-bandwidth floor (a numpy
copy of the voters' bytes, in the same run), the ratios, and peak traced memory.

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

__all__ = ["baseline", "main", "make_data", "run_kernel"]

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


def run_kernel(kernel: MatchKernel, codes: Int8Array, chunk: int = CHUNK_ROWS) -> Any:
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
    return {"kernel_s": seconds, "python_s": python, "floor_s": floor, "peak_mb": peak / 1e6}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--voters", type=int, default=1_000_000)
    parser.add_argument("--method", default="city-block")
    arguments = parser.parse_args()
    main(arguments.voters, arguments.method)
