"""Hypothesis properties of the commitment score."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from civicquest.scoring import score_commitment
from test_scoring_support import project, question, questionnaire

ANSWERS: list[dict[str, Any] | None] = [
    {"choice": "fort"}, {"choice": "minimal"}, {"choice": "pas"}, {"choice": "hc"},
    {"no_answer": "skipped"}, {"no_answer": "declined"}, {"no_answer": "not_applicable"}, None,
]  # fmt: skip
LEVELS = ["fort", "minimal", "pas"]
POLICY = st.sampled_from(["exclude", "zero", "neutral"])


@st.composite
def cases(
    draw: st.DrawFn,
) -> tuple[list[dict[str, Any]], list[list[dict[str, Any] | None]], dict[str, Any]]:
    n_questions = draw(st.integers(1, 6))
    themes, weights = st.sampled_from(["a", "b"]), st.sampled_from([0, 0.5, 1, 2, 3])
    questions = [question(f"q{i}", draw(themes), weight=draw(weights)) for i in range(n_questions)]
    n_lists = draw(st.integers(1, 4))
    answers = [[draw(st.sampled_from(ANSWERS)) for _ in questions] for _ in range(n_lists)]
    cases_ = ("no_reply", "declined", "skipped", "not_applicable", "outside_form")
    scoring = {"missing": {case: draw(POLICY) for case in cases_},
               "theme_weights": {"a": draw(st.sampled_from([0, 1, 2])), "b": 1}}  # fmt: skip
    return questions, answers, scoring


def _scores(questions: list[dict[str, Any]], answers: list[list[Any]], scoring: dict[str, Any],
            order: list[int] | None = None) -> dict[str, Any]:  # fmt: skip
    lists = [
        (f"l{n}", "partial", {q["id"]: a for q, a in zip(questions, row, strict=True) if a})
        for n, row in enumerate(answers)
    ]
    if order is not None:
        lists = [lists[i] for i in order]
    report = score_commitment(project(questionnaire(questions), lists, scoring))
    return {item.respondent: item for item in report.lists}


@settings(max_examples=60, deadline=None)
@given(cases())
def test_scores_stay_within_0_and_100(case: Any) -> None:
    for item in _scores(*case).values():
        values = [item.score, *(t.score for t in item.themes)]
        assert all(0 <= v <= 100 for v in values if v is not None)


@settings(max_examples=60, deadline=None)
@given(cases(), st.data())
def test_raising_one_answer_never_lowers_a_score(case: Any, data: st.DataObject) -> None:
    questions, answers, scoring = case
    row = data.draw(st.integers(0, len(answers) - 1))
    col = data.draw(st.integers(0, len(questions) - 1))
    current = answers[row][col]
    level = LEVELS.index(current["choice"]) if current and current.get("choice") in LEVELS else 0
    if not current or current.get("choice") not in LEVELS or level == 0:
        return
    raised = [list(r) for r in answers]
    raised[row][col] = {"choice": LEVELS[level - 1]}
    before, after = _scores(*case)[f"l{row}"], _scores(questions, raised, scoring)[f"l{row}"]
    if before.score is not None:
        assert after.score is not None
        assert after.score >= before.score - 1e-9
    for old, new in zip(before.themes, after.themes, strict=True):
        if old.score is not None:
            assert new.score is not None
            assert new.score >= old.score - 1e-9


@settings(max_examples=40, deadline=None)
@given(cases(), st.randoms(use_true_random=False))
def test_scores_do_not_depend_on_order(case: Any, rnd: Any) -> None:
    questions, answers, scoring = case
    reference = _scores(*case)
    q_order = list(range(len(questions)))
    rnd.shuffle(q_order)
    l_order = list(range(len(answers)))
    rnd.shuffle(l_order)
    shuffled_q = [questions[i] for i in q_order]
    shuffled_a = [[row[i] for i in q_order] for row in answers]
    other = _scores(shuffled_q, shuffled_a, scoring, l_order)
    for key, item in reference.items():
        assert other[key].score == (None if item.score is None else other[key].score)
        if item.score is not None:
            assert abs(other[key].score - item.score) < 1e-9
            assert other[key].rank == item.rank


@settings(max_examples=60, deadline=None)
@given(cases(), st.data())
def test_excluded_answers_change_neither_points_nor_maximum(case: Any, data: st.DataObject) -> None:
    questions, answers, scoring = case
    scoring = {**scoring, "missing": {**scoring["missing"], "not_applicable": "exclude"}}
    col = data.draw(st.integers(0, len(questions) - 1))
    marked = [[*row[:col], {"no_answer": "not_applicable"}, *row[col + 1 :]] for row in answers]
    without_q = questions[:col] + questions[col + 1 :]
    if not without_q:
        return
    without_a = [row[:col] + row[col + 1 :] for row in answers]
    with_excluded = _scores(questions, marked, scoring)
    removed = _scores(without_q, without_a, scoring)
    for key, item in with_excluded.items():
        for kept, gone in zip(item.themes, removed[key].themes, strict=True):
            assert abs(kept.points - gone.points) < 1e-9
            assert abs(kept.maximum - gone.maximum) < 1e-9
