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


# --- Panel: a streamed JSON Lines file of voters (parse + check + match + write) -------------
# Run:  .venv/bin/python benchmarks/bench_matching.py --panel [--voters N]
# Run it alone: the peak RSS it prints is the whole process's (resource.getrusage).

PANEL_CODES = ("agree", "neutral", "disagree")


def panel_project(lists: int = 20, questions: int = 40) -> Any:
    """A project of ``questions`` position questions in 4 themes and ``lists`` answering lists."""
    from civicquest.models import Project, Questionnaire, RespondentList, Response

    rng = np.random.default_rng(11)
    quest = Questionnaire.model_validate({
        "id": "bench", "version": "1.0.0", "title": "Bench",
        "organisers": [{"id": "org", "name": "Org"}],
        "election": {"name": "Municipales", "commune": {"name": "Aix", "insee_code": "13001"},
                     "division_id": "ocd-division/country:fr",
                     "rounds": [{"number": 1, "date": "2026-03-15"}]},
        "themes": [{"id": f"t{t}", "title": f"T{t}"} for t in range(4)],
        "scales": [{"id": "pos", "options": [{"code": c, "label": c} for c in PANEL_CODES]}],
        "questions": [{"id": f"q{q}", "theme": f"t{q % 4}", "kind": "position", "scale": "pos",
                       "text": f"Q{q}"} for q in range(questions)],
    })  # fmt: skip
    respondents = RespondentList.model_validate(
        {"respondents": [{"id": f"l{i}", "name": f"L{i}", "status": "answered"}
                         for i in range(lists)]}
    ).respondents  # fmt: skip
    responses = tuple(
        Response.model_validate({
            "respondent": f"l{i}", "questionnaire": {"id": "bench", "version": "1.0.0"},
            "consent_to_publish": True,
            "answers": {f"q{q}": {"choice": PANEL_CODES[int(rng.integers(3))]}
                        for q in range(questions) if rng.random() > 0.05},
        })
        for i in range(lists)
    )  # fmt: skip
    return Project(questionnaire=quest, respondents=respondents, responses=responses)


def write_panel_file(path: Any, voters: int, questions: int = 40) -> None:
    """Voters as JSON Lines: 10 % of questions left out, 20 % of answers marked important."""
    rng = np.random.default_rng(5)
    with open(path, "w", encoding="utf-8") as stream:
        for start in range(0, voters, 10_000):
            rows = min(10_000, voters - start)
            levels = rng.integers(0, 3, size=(rows, questions)).tolist()
            skipped = (rng.random((rows, questions)) < 0.1).tolist()
            important = (rng.random((rows, questions)) < 0.2).tolist()
            lines = []
            for r in range(rows):
                answers = ", ".join(
                    f'"q{q}": {{"choice": "{PANEL_CODES[levels[r][q]]}"'
                    + (', "important": true}' if important[r][q] else "}")
                    for q in range(questions)
                    if not skipped[r][q]
                )
                lines.append(f'{{"id": "v{start + r}", "answers": {{{answers}}}}}\n')
            stream.write("".join(lines))


def panel_floor(source: Any, target: Any) -> int:
    """No validation: parse each line with jiter and write a CSV row (id and answer codes)."""
    import csv

    import jiter

    count = 0
    with open(source, "rb") as lines, open(target, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for line in lines:
            data = jiter.from_json(line)
            writer.writerow([data["id"], *(a["choice"] for a in data["answers"].values())])
            count += 1
    return count


def panel_run(project: Any, source: Any, target: Any) -> int:
    """What ``civicquest match PROJECT --voters FILE -o OUT`` does once the project is loaded."""
    from pathlib import Path

    from civicquest.exporting.panel_csv import open_output, write_panel_csv
    from civicquest.loading.voter_check import VoterEncoder
    from civicquest.loading.voter_files import read_voters
    from civicquest.matching.panel import panel_for

    panel = panel_for(project, "wahl-o-mat", "max")
    encoder = VoterEncoder(project.questionnaire, panel.questions)
    with open_output(Path(target)) as out:
        counts = write_panel_csv(panel, read_voters(Path(source), encoder), out, _no_reject)
    return counts.matched


def _no_reject(rejected: Any) -> None:
    raise AssertionError(f"generated voter rejected: {rejected}")


def panel_main(voters: int = 1_000_000) -> dict[str, float]:
    import resource
    import tempfile
    from pathlib import Path

    project = panel_project()
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "voters.jsonl", Path(folder) / "agreements.csv"
        write_panel_file(source, voters)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        floor = seconds = float("inf")
        for _ in range(2):  # interleaved, so that both see the same load on a shared machine
            floor = min(floor, best_time(lambda: panel_floor(source, target), repeat=1))
            start = time.perf_counter()
            assert panel_run(project, source, target) == voters
            seconds = min(seconds, time.perf_counter() - start)
        size = source.stat().st_size / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"panel of {voters:,} voters x 40 questions, JSON Lines ({size:.0f} MB) -> CSV, "
          "20 lists (wahl-o-mat)")  # fmt: skip
    print(f"  parse + check + match + write  {seconds:8.2f} s  (best of 2, interleaved)")
    print(f"  floor: jiter parse + CSV row   {floor:8.2f} s  (no validation, same run)")
    print(f"  time / floor                   {seconds / floor:8.2f} x  (goal <= 2)")
    print(f"  voters per second              {voters / seconds:8,.0f}")
    print(f"  peak RSS, whole process        {peak:8.1f} MB  (goal < 300; "
          f"{rss_before:.0f} MB before the runs)")  # fmt: skip
    return {"panel_s": seconds, "floor_s": floor, "peak_rss_mb": peak}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--voters", type=int, default=1_000_000)
    parser.add_argument("--method", default="city-block")
    parser.add_argument("--panel", action="store_true", help="the streamed JSON Lines panel")
    arguments = parser.parse_args()
    if arguments.panel:
        panel_main(arguments.voters)
    else:
        main(arguments.voters, arguments.method)
