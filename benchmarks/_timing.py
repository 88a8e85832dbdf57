"""Timing helpers shared by the benchmark scripts."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

__all__ = ["best_time"]


def best_time(function: Callable[[], Any], repeat: int = 3) -> float:
    """The best wall-clock time of ``repeat`` calls: the least disturbed by the machine."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)
