"""Benchmark: build the report site (``civicquest report``) of the Aix example and of generated
projects, beside a baseline in the same run: loading and scoring the same project.

Budget: the Aix site builds in under 1 s. For generated projects of 50 × 25, 100 × 50 and
200 × 100 (lists × questions), the time per cell (one list's answer to one question) should stay
about the same: the build is linear in the size of the answers table.

A project of 100 communes × 6 lists (the generated questionnaire, 25 questions) builds a section
per commune: its time per list should stay about that of the Aix site.

Usage: python benchmarks/bench_report.py [--runs R]
"""

from __future__ import annotations

import argparse
import random
from typing import Any

from _timing import best_time
from civicquest_report import build_site

import civicquest
from civicquest.models import Project

SIZES = ((50, 25), (100, 50), (200, 100))
CODES = ("fort", "minimal", "aucun", "hors")


def generated(lists: int, questions: int, seed: int = 2026) -> Project:
    """A valid project of ``lists`` answered lists × ``questions`` commitment questions."""
    rng = random.Random(seed)
    themes = [{"id": f"t{i}", "title": {"fr": f"Thème {i}", "en": f"Theme {i}"}} for i in range(5)]
    competences = ("commune", "ccas", "metropole")
    questionnaire: dict[str, Any] = {
        "id": "bench",
        "version": "1.0.0",
        "languages": ["fr", "en"],
        "title": {"fr": "Banc d'essai", "en": "Benchmark"},
        "organisers": [{"id": "org", "name": "Organisation"}],
        "election": {
            "name": {"fr": "Municipales", "en": "Municipal"},
            "commune": {"name": "Aix", "insee_code": "13001"},
            "division_id": "ocd-division/country:fr/commune:13001",
            "rounds": [{"number": 1, "date": "2026-03-15"}],
        },
        "themes": themes,
        "scales": [
            {
                "id": "niveaux",
                "options": [
                    {"code": c, "label": {"fr": c, "en": c}, "score": s}
                    for c, s in zip(CODES[:3], (1.0, 0.5, 0.0), strict=True)
                ]
                + [{"code": "hors", "label": {"fr": "hors", "en": "out"}, "not_applicable": True}],
            }
        ],
        "questions": [
            {
                "id": f"q{i}",
                "kind": "commitment",
                "theme": f"t{i % 5}",
                "scale": "niveaux",
                "competences": [competences[i % 3]],
                "text": {"fr": f"Question {i} ?", "en": f"Question {i}?"},
            }
            for i in range(questions)
        ],
    }
    respondents = [
        {"id": f"l{i}", "status": "answered", "name": f"Liste {i}"} for i in range(lists)
    ]
    responses = [
        {
            "respondent": f"l{i}",
            "questionnaire": {"id": "bench", "version": "1.0.0"},
            "consent_to_publish": True,
            "answers": {
                f"q{j}": {"choice": rng.choice(CODES), "comment": f"Commentaire {i}-{j}"}
                for j in range(questions)
            },
        }
        for i in range(lists)
    ]
    return Project.model_validate(
        {"questionnaire": questionnaire, "respondents": respondents, "responses": responses}
    )


def in_communes(project: Project, communes: int) -> Project:
    """``project`` sent in ``communes`` communes, its lists shared out in turn among them."""
    data = project.model_dump(mode="json", exclude_none=True)
    election = data["questionnaire"]["election"]
    del election["commune"]
    codes = [f"13{index + 100:03d}" for index in range(communes)]
    election["communes"] = [{"insee_code": c, "name": f"Commune {c}"} for c in codes]
    election["territory"] = "Métropole"
    election["division_id"] = "ocd-division/country:fr/region:pac/department:bouches_du_rhone"
    for index, respondent in enumerate(data["respondents"]):
        respondent["commune"] = codes[index % communes]
    return Project.model_validate(data)


def measure(label: str, project: Project, runs: int) -> float:
    report = civicquest.score(project)
    baseline = best_time(
        lambda: civicquest.score(Project.model_validate(project.model_dump())), runs
    )
    build_site(project, report)  # templates compiled once, as in any real run after the first page
    built = best_time(lambda: build_site(project, report), runs)
    cells = len(project.respondents) * len(project.questionnaire.questions)
    size = sum(len(content) for content in build_site(project, report).values())
    per_list = built / len(project.respondents) * 1e3
    print(
        f"{label:>10}  {cells:>6} cells  site {built:7.3f} s  ({built / cells * 1e6:6.1f} µs/cell, "
        f"{per_list:5.1f} ms/list, {size / 1e6:6.1f} MB)  load+score {baseline:6.3f} s  "
        f"ratio {built / baseline:5.1f}×"
    )
    return built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    aix = civicquest.load_project(civicquest.example_path("aix2026"))
    aix_time = measure("aix2026", aix, runs)
    print(f"Aix budget < 1 s: {'OK' if aix_time < 1 else 'OVER'}")
    for lists, questions in SIZES:
        measure(f"{lists}×{questions}", generated(lists, questions), max(1, runs - 2))
    six_hundred = generated(600, 25)
    one = measure("1×600×25", six_hundred, 1)
    many = measure("100×6×25", in_communes(six_hundred, 100), 1)
    per_list_aix = aix_time / len(aix.respondents)
    print(
        f"100 communes × 6 lists: {many / 600 * 1e3:.1f} ms/list vs Aix {per_list_aix * 1e3:.1f} "
        f"ms/list (ratio {many / 600 / per_list_aix:.2f}); vs the same lists in one commune "
        f"{many / one:.2f}×"
    )


if __name__ == "__main__":
    main()
