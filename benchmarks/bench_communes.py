"""Benchmark: one questionnaire in 1,000 / 5,000 / 35,000 communes, six lists in each.

Each commune gets the first six lists of the Aix example (three answered, one partial, one
pending, one declined: four response files) and the Aix questionnaire declares every commune.
Prints, per size, the CPU time (``time.process_time``: the machine may be shared) to load and
cross-check the folder (``check_project``) and to score it (``score_commitment``: ranks within
each commune, the full breakdown), the cost per list, and the ratio of that cost to the
single-commune Aix baseline measured in the same process, and to the smallest size (linear
growth keeps the per-list cost flat). It also checks that every commune's scores equal Aix's.

Run:  .venv/bin/python benchmarks/bench_communes.py [--communes 1000 5000 35000]
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import gc
import json
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from civicquest import check_project
from civicquest.models import Project
from civicquest.scoring import score_commitment

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "aix2026"
LISTS = 6
DEPARTMENTS = [d for d in range(1, 96) if d != 20]

__all__ = ["commune_codes", "main", "write_project"]


def commune_codes(count: int) -> list[str]:
    """``count`` distinct, well-formed INSEE codes (département 01-95 but 20, commune 001-999)."""
    return [f"{DEPARTMENTS[i // 999]:02d}{i % 999 + 1:03d}" for i in range(count)]


def write_project(folder: Path, communes: int) -> int:
    """The Aix questionnaire over ``communes`` communes, six lists each; returns the lists."""
    example = check_project(EXAMPLE).project
    assert example is not None
    data = example.model_dump(mode="json", exclude_none=True)
    questionnaire = data["questionnaire"]
    election = questionnaire["election"]
    election.pop("commune")
    codes = commune_codes(communes)
    election["communes"] = [{"name": f"Commune {code}", "insee_code": code} for code in codes]
    election["division_id"] = "ocd-division/country:fr"
    kept = ("id", "name", "status", "head_of_list", "political_label", "url")
    lists = [{k: r[k] for k in kept if k in r} for r in data["respondents"][:LISTS]]
    answers = {r["respondent"]: r for r in data["responses"]}
    (folder / "responses").mkdir(parents=True)
    (folder / "questionnaire.json").write_text(json.dumps(questionnaire), encoding="utf-8")
    respondents = []
    for code in codes:
        for respondent in lists:
            rid = f"{respondent['id']}-{code}"
            respondents.append({**respondent, "id": rid, "commune": code})
            if respondent["id"] in answers:
                response = {**answers[respondent["id"]], "respondent": rid}
                (folder / "responses" / f"{rid}.json").write_text(json.dumps(response))
    document = {"questionnaire": questionnaire["id"], "respondents": respondents}
    (folder / "respondents.json").write_text(json.dumps(document), encoding="utf-8")
    return len(respondents)


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    """CPU time of the process: on a shared machine, wall-clock time mostly measures the others."""
    gc.collect()
    start = time.process_time()
    result = function()
    return time.process_time() - start, result


def load(folder: Path) -> Project:
    result = check_project(folder)
    errors = [issue for issue in result.issues if issue.severity == "error"]
    assert not errors, errors[:3]
    assert result.project is not None
    return result.project


def measure(folder: Path) -> tuple[float, float, int, Any]:
    load_s, project = timed(lambda: load(folder))
    score_s, report = timed(lambda: score_commitment(project))
    return load_s, score_s, len(project.respondents), report


def main(sizes: list[int]) -> list[dict[str, float]]:
    measure(EXAMPLE)  # once to warm up: imports, the collation table
    base_load, base_score, base_lists, base_report = measure(EXAMPLE)
    base_per_list = (base_load + base_score) / base_lists
    expected = {item.respondent: item.score for item in base_report.lists}
    print(f"Baseline: Aix example, 1 commune, {base_lists} lists: load+validate "
          f"{base_load * 1000:.0f} ms, score {base_score * 1000:.0f} ms, "
          f"{base_per_list * 1000:.2f} ms per list")  # fmt: skip
    print(f"{'communes':>9} {'lists':>8} {'load+validate':>14} {'score':>8} "
          f"{'ms/list':>8} {'vs Aix':>7} {'vs first':>9}")  # fmt: skip
    figures: list[dict[str, float]] = []
    for communes in sizes:
        folder = Path(tempfile.mkdtemp(prefix="civicquest-communes-"))
        try:
            write_project(folder, communes)
            load_s, score_s, lists, report = measure(folder)
        finally:
            shutil.rmtree(folder)
        for item in report.lists:  # every commune holds the Aix lists: the same scores
            assert item.score == expected[item.respondent.rsplit("-", 1)[0]], item
        per_list = (load_s + score_s) / lists
        first = figures[0]["per_list"] if figures else per_list
        figures.append({"communes": communes, "lists": lists, "load_s": load_s,
                        "score_s": score_s, "per_list": per_list})  # fmt: skip
        print(f"{communes:>9,} {lists:>8,} {load_s:>12.2f} s {score_s:>6.2f} s "
              f"{per_list * 1000:>8.3f} {per_list / base_per_list:>6.2f}x "
              f"{per_list / first:>8.2f}x")  # fmt: skip
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, nargs="+", default=[1000, 5000, 35000])
    main(parser.parse_args().communes)
