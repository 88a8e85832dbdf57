"""Test helpers: civicquest-match.js run by node on matching tables, and generated projects."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from civicquest.matching.tables import SCRIPT_PATH
from civicquest.models import MatchingTables, Project
from test_scoring_support import project, questionnaire

__all__ = ["NAMES", "generated_project", "run_match_js", "scale"]

DRIVER = Path(__file__).parent / "js" / "match-check.cjs"
# names that tie under the collation but not as code points, and look-alikes
NAMES = ("Élan", "Elan", "élan", "Aix", "aix", "Œuvre", "Zèbre", "<b>x</b>")


def run_match_js(tables: MatchingTables, voters: list[dict[str, Any]], tmp: Path) -> Any:
    """The reports civicquest-match.js gives for ``voters`` ({method, levels, important})."""
    node = shutil.which("node")
    assert node, "node is missing: apt-get install -y nodejs"
    cases = tmp / "cases.json"
    cases.write_text(
        json.dumps({"tables": tables.model_dump(mode="json"), "voters": voters}), encoding="utf-8"
    )
    run = subprocess.run(
        [node, str(DRIVER), str(SCRIPT_PATH), str(cases)],
        capture_output=True, check=False, env={**os.environ, "NODE_OPTIONS": ""},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr.decode(errors="replace")
    return json.loads(run.stdout)


def scale(size: int) -> dict[str, Any]:
    """A scale of ``size`` usable options ``o0`` (most committed) .. and a not-applicable one."""
    options = [
        {"code": f"o{i}", "label": f"O{i}", "score": 1 - i / (size - 1)} for i in range(size)
    ]
    options.append({"code": "na", "label": "NA", "not_applicable": True})
    return {"id": f"s{size}", "options": options}


@st.composite
def generated_project(
    draw: Any, sizes: tuple[int, ...] = (2, 3, 4, 5, 6), *, dyadic: bool = False
) -> Project:
    """1-8 questions on scales of the given sizes, 3 themes, 1-5 lists (some answers missing or
    marked important), weights from round numbers (and arbitrary floats unless ``dyadic``),
    names that tie."""
    n = draw(st.integers(1, 8))
    weight = st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0, 3.0])
    if not dyadic:
        weight = st.one_of(weight, st.floats(0, 10))
    chosen = [draw(st.sampled_from(sizes)) for _ in range(n)]
    questions = [
        {"id": f"q{i}", "theme": draw(st.sampled_from("abc")), "kind": "position",
         "scale": f"s{size}", "text": f"q{i}", "weight": draw(weight)}
        for i, size in enumerate(chosen)
    ]  # fmt: skip
    themes = [{"id": t, "title": t.upper()} for t in "abc"]
    quest = questionnaire(questions, themes, [scale(s) for s in sorted(set(sizes))])
    lists: list[tuple[str, str, dict[str, dict[str, Any]] | None]] = []
    for j in range(draw(st.integers(1, 5))):
        answers: dict[str, Any] = {}
        for i, size in enumerate(chosen):
            level = draw(st.integers(-1, size))  # -1: no answer; size: not applicable
            if level >= 0:
                code = "na" if level == size else f"o{level}"
                answers[f"q{i}"] = {"choice": code, "important": draw(st.booleans())}
        if not answers:
            answers["q0"] = {"no_answer": "skipped"}
        lists.append((f"l{j}", "partial", answers))
    scoring = draw(st.none() | st.just({"match_points": _own_tables(draw, sorted(set(sizes)))}))
    built = project(quest, lists, scoring)
    names = [draw(st.sampled_from(NAMES)) for _ in built.respondents]
    respondents = tuple(
        r.model_copy(update={"name": name})
        for r, name in zip(built.respondents, names, strict=True)
    )
    return built.model_copy(update={"respondents": respondents})


def _own_tables(draw: Any, sizes: list[int]) -> dict[str, Any]:
    """A project's own points table per scale, with every maximum and gap rule."""
    halves = st.integers(0, 8).map(lambda k: k / 2)
    tables = {}
    for size in sizes:
        codes = [f"o{i}" for i in range(size)]
        points = {a: {b: draw(halves) for b in codes} for a in codes}
        maximum: Any = draw(st.sampled_from(["row", "table", "own"]))
        if maximum == "own":
            maximum = {a: max(points[a].values()) + draw(halves) for a in codes}
        tables[f"s{size}"] = {"points": points, "maximum": maximum}
    gap = draw(st.sampled_from(["answered", "exclude", 0.0, 2.5]))
    factors = draw(
        st.sampled_from([None, {"voter": 2, "list": 2, "both": 4}, {"voter": 3, "list": 1.5}])
    )
    config: dict[str, Any] = {
        "tables": tables,
        "list_missing": {"points": draw(halves), "maximum": gap},
    }
    if factors is not None:
        config["important"] = factors
    return config
