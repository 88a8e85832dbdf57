"""Benchmark: load and cross-check a project of 10,000 responses x 50 answers.

Prints responses per second for civicquest's full, cross-checked load beside bare pydantic
validation of the same files (read + ``model_validate_json``) in the same run, and the cold start
of ``civicquest --help`` beside ``python -c "from pydantic import BaseModel; import pluggy"``.

Usage: python benchmarks/bench_loading.py [--responses N] [--answers M] [--runs R]
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from civicquest import check_project
from civicquest.models import Questionnaire, RespondentList, Response

CODES = ("fort", "minimal", "aucun", "hors")


def questionnaire(questions: int) -> dict[str, Any]:
    return {
        "id": "bench",
        "version": "1.0.0",
        "languages": ["fr"],
        "title": "Banc d'essai",
        "organisers": [{"id": "org", "name": "Organisation"}],
        "election": {
            "name": "Municipales",
            "commune": {"name": "Aix", "insee_code": "13001"},
            "division_id": "ocd-division/country:fr/region:pr/department:bd/commune:13001",
            "rounds": [{"number": 1, "date": "2026-03-15"}],
        },
        "themes": [{"id": f"t{i}", "title": f"Thème {i}"} for i in range(3)],
        "scales": [
            {
                "id": "engagement",
                "options": [
                    {"code": code, "label": code, "score": 1 - i / 3}
                    for i, code in enumerate(CODES)
                ],
            }
        ],
        "questions": [
            {
                "id": f"q{i:02d}",
                "theme": f"t{i % 3}",
                "kind": "commitment",
                "scale": "engagement",
                "text": f"Question {i} ?",
                "required": i < 10,
            }
            for i in range(questions)
        ],
    }


def response(index: int, questions: int) -> dict[str, Any]:
    answers = {
        f"q{i:02d}": {
            "choice": CODES[(index + i) % 3],
            **({"comment": f"Commentaire {index}-{i}"} if i % 5 == 0 else {}),
        }
        for i in range(questions)
    }
    return {
        "respondent": f"l{index:05d}",
        "questionnaire": {"id": "bench", "version": "1.0.0"},
        "received": "2026-03-01",
        "consent_to_publish": True,
        "answers": answers,
    }


def write_project(folder: Path, responses: int, questions: int) -> None:
    (folder / "responses").mkdir(parents=True)
    (folder / "questionnaire.json").write_text(json.dumps(questionnaire(questions)))
    lists = [
        {"id": f"l{i:05d}", "name": f"Liste {i}", "status": "answered"} for i in range(responses)
    ]
    (folder / "respondents.json").write_text(json.dumps({"respondents": lists}))
    for i in range(responses):
        path = folder / "responses" / f"l{i:05d}.json"
        path.write_text(json.dumps(response(i, questions)))


def bare_pydantic(folder: Path) -> int:
    """The floor: read each file and validate it with its model, keeping the models (a load
    keeps what it loads, and the garbage collector's cost grows with what is kept)."""
    Questionnaire.model_validate_json((folder / "questionnaire.json").read_bytes())
    RespondentList.model_validate_json((folder / "respondents.json").read_bytes())
    files = sorted((folder / "responses").iterdir())
    kept = [Response.model_validate_json(path.read_bytes()) for path in files]
    return len(kept)


def bare_pydantic_discarding(folder: Path) -> int:
    """Validation alone, each model dropped at once: no heap growth, so almost no GC work."""
    files = sorted((folder / "responses").iterdir())
    for path in files:
        Response.model_validate_json(path.read_bytes())
    return len(files)


def stdlib_json_then_pydantic(folder: Path) -> int:
    """A second reference: the standard json parser, then validation of the parsed data."""
    Questionnaire.model_validate(json.loads((folder / "questionnaire.json").read_bytes()))
    RespondentList.model_validate(json.loads((folder / "respondents.json").read_bytes()))
    files = sorted((folder / "responses").iterdir())
    kept = [Response.model_validate(json.loads(path.read_bytes())) for path in files]
    return len(kept)


def civicquest_load(folder: Path) -> int:
    result = check_project(folder)
    assert result.project is not None, result.issues[:3]
    return len(result.project.responses)


def best_of(runs: int, function: Callable[[Path], int], folder: Path) -> tuple[float, int]:
    timings, count = [], 0
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        count = function(folder)
        timings.append(time.perf_counter() - start)
    return min(timings), count


def cold_start(command: list[str], runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="civicquest-bench-"))
    try:
        write_project(folder, args.responses, args.answers)
        report_loading(folder, args.runs, args.responses, args.answers)
    finally:
        shutil.rmtree(folder)
    report_cold_start(max(args.runs, 5))


def report_loading(folder: Path, runs: int, responses: int, answers: int) -> None:
    print(f"Project: {responses:,} responses x {answers} answers (JSON files), best of {runs}")
    bare, count = best_of(runs, bare_pydantic, folder)
    stdlib, _ = best_of(runs, stdlib_json_then_pydantic, folder)
    ours, loaded = best_of(runs, civicquest_load, folder)
    assert count == loaded == responses
    discarding, _ = best_of(runs, bare_pydantic_discarding, folder)
    rows = [
        ("bare pydantic, models dropped at once", discarding),
        ("bare pydantic: read + model_validate_json", bare),
        ("stdlib json.loads + model_validate", stdlib),
        ("civicquest check_project (cross-checked)", ours),
    ]
    for label, seconds in rows:
        print(f"  {label:42s} {seconds:6.2f} s {count / seconds:9,.0f} resp/s")
    print(f"  ratio civicquest / bare pydantic: {ours / bare:.2f}x  (target <= 1.5x)")
    print(f"  ratio civicquest / stdlib json + pydantic: {ours / stdlib:.2f}x")
    print(f"  ratio civicquest / pydantic dropping its models: {ours / discarding:.2f}x")


def report_cold_start(runs: int) -> None:
    script = Path(sys.executable).with_name("civicquest")
    ours = cold_start([str(script), "--help"], runs)
    floor = cold_start(
        [sys.executable, "-c", "from pydantic import BaseModel; import pluggy"], runs
    )
    print(f"Cold start, median of {runs}:")
    print(f"  civicquest --help:                     {ours * 1000:6.0f} ms")
    print(f"  python -c 'import pydantic, pluggy':   {floor * 1000:6.0f} ms")
    print(f"  ratio: {ours / floor:.2f}x  (target <= 1.5x)")


if __name__ == "__main__":
    main()
