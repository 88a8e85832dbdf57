"""Hypothesis: a commune's scores do not depend on the other communes of the questionnaire."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civicquest import load_project
from civicquest.models import Project
from civicquest.models.results import ScoreReport
from civicquest.scoring import score_commitment, score_unranked
from strategies import projects

FIXTURE = Path(__file__).parent / "fixtures" / "metropole"
EXAMPLE = Path(__file__).parents[1] / "examples" / "aix2026"
ANSWERS = st.sampled_from(
    [{"choice": "fort"}, {"choice": "minimal"}, {"choice": "aucun"},
     {"no_answer": "skipped"}, {"no_answer": "not_applicable"}, None]
)  # fmt: skip
STATUSES = st.sampled_from(["answered", "partial", "pending", "declined", "not_solicited"])
POLICIES = st.sampled_from(["exclude", "zero", "neutral"])


def _data(project: Project) -> dict[str, Any]:
    return project.model_dump(mode="json", exclude_none=True)


BASE = _data(load_project(FIXTURE))


@st.composite
def other_communes(draw: st.DrawFn) -> dict[str, Any]:
    """The fixture with other communes (lists, answers) added, respondents interleaved."""
    data = copy.deepcopy(BASE)
    numbers = draw(st.lists(st.integers(1, 999), min_size=1, max_size=4, unique=True))
    for number in numbers:
        code = f"44{number:03d}"
        data["questionnaire"]["election"]["communes"].append(
            {"name": f"C{code}", "insee_code": code}
        )
        for n in range(draw(st.integers(1, 4))):
            rid, status = f"l{code}-{n}", draw(STATUSES)
            extra = {"reason": "choix"} if status == "not_solicited" else {}
            respondent = {"id": rid, "name": draw(st.sampled_from(["Rennes à Vélo", "B"])),
                          "status": status, "commune": code, **extra}  # fmt: skip
            where = draw(st.integers(0, len(data["respondents"])))
            data["respondents"].insert(where, respondent)
            if status in ("answered", "partial"):
                answers = {q: draw(ANSWERS) for q in ("r1", "r2", "r3", "e1")}
                data["responses"].append({
                    "respondent": rid, "consent_to_publish": draw(st.booleans()),
                    "questionnaire": {"id": "velo-metropole-2026", "version": "1.0.0"},
                    "answers": {q: a for q, a in answers.items() if a is not None},
                })  # fmt: skip
    cases = ("no_reply", "declined", "skipped", "not_applicable", "outside_form")
    data["scoring"] = {"missing": {case: draw(POLICIES) for case in cases}}
    return data


def _mine(report: ScoreReport, ids: set[str]) -> list[dict[str, Any]]:
    return [item.model_dump() for item in report.lists if item.respondent in ids]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(other_communes())
def test_scores_within_a_commune_do_not_change_when_communes_are_added(
    data: dict[str, Any],
) -> None:
    extended = load_project(Project.model_validate(data))
    base = load_project(Project.model_validate({**BASE, "scoring": data["scoring"]}))
    ids = {r.id for r in base.respondents}
    for method in (score_commitment, score_unranked):
        assert _mine(method(extended), ids) == _mine(method(base), ids)


def _as_several(data: dict[str, Any]) -> dict[str, Any]:
    """The same project written with ``communes: [its commune]`` and each list's commune."""
    data = copy.deepcopy(data)
    election = data["questionnaire"]["election"]
    commune = election.pop("commune")
    election["communes"] = [commune]
    for respondent in data["respondents"]:
        respondent["commune"] = commune["insee_code"]
    return data


def test_the_aix_example_gives_the_same_numbers_written_as_one_of_several_communes() -> None:
    single = load_project(EXAMPLE)
    several = load_project(Project.model_validate(_as_several(_data(single))))
    assert score_commitment(several) == score_commitment(single)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects())
def test_a_single_commune_project_scores_the_same_written_either_way(raw: dict[str, Any]) -> None:
    data = {
        "questionnaire": raw["questionnaire"],
        "respondents": raw["respondents"]["respondents"],
        "responses": list(raw["responses"].values()),
    }
    single = load_project(Project.model_validate(data))
    several = load_project(Project.model_validate(_as_several(data)))
    assert score_commitment(several) == score_commitment(single)
