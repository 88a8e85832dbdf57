"""The ``mat-o-wahl`` exporter, read back as Mat-O-Wahl reads it (jquery-csv 0.8.9 in node)."""

from __future__ import annotations

import re
from functools import cache
from itertools import cycle
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vaa_readers import exported, mat_o_wahl, shown, update_golden

from civicquest import example_path, export, load_project
from civicquest.models import Answer, Project
from civicquest.plugins import ExportOutput, ExportWarning, UsageError, text_of
from civicquest.testing import HOSTILE_STRINGS, ExporterConformance, aix2026, hostile_project

__all__ = ["aix2026", "update_golden"]  # fixtures

GOLDEN = Path(__file__).parent / "golden" / "aix2026-mat-o-wahl"
CODES = {1.0: "1", 0.5: "0", 0.0: "-1"}
NOT_RUNNING = {"withdrawn", "merged", "not_solicited"}


class TestMatOWahlConformance(ExporterConformance):
    format_name = "mat-o-wahl"
    options: ClassVar[dict[str, Any]] = {"graded": "partial", "missing": "neutral"}
    # Theses only: open questions, numbers and multiple choices cannot go in (checked below).
    carries = frozenset()

    def run(self, project: Project, **kwargs: Any) -> ExportOutput:
        return exported(project, self.format_name, **self.options)


def _native_theses(project: Project) -> list[str]:
    """The questions whose scored options say agree (1), neutral (0.5) or disagree (0)."""
    ids = []
    for question in project.questionnaire.questions:
        scale = project.scales_by_id.get(getattr(question, "scale", ""))
        if question.kind in ("position", "commitment", "single_choice") and scale:
            scores = [o.score for o in scale.options if o.score is not None]
            if scores and set(scores) <= set(CODES):
                ids.append(question.id)
    return ids


def _code(project: Project, question_id: str, answer: Answer | None) -> str | None:
    if answer is None or answer.choice is None:
        return None
    scale = project.scales_by_id[getattr(project.questions_by_id[question_id], "scale", "")]
    score = next(o.score for o in scale.options if o.code == answer.choice)
    if score is None:
        return None
    return CODES.get(score, "0")  # graded=partial: anything between none and all is neutral


def test_aix_is_read_by_mat_o_wahl_with_every_complete_list(
    aix2026: Project, tmp_path: Path
) -> None:
    report = mat_o_wahl(exported(aix2026, "mat-o-wahl"), tmp_path)
    theses = _native_theses(aix2026)
    assert report["intQuestions"] == report["questionRows"] == len(theses)
    assert report["countedParties"] == report["intParties"] == len(report["parties"])
    for question_id, question in zip(theses, report["questions"], strict=True):
        expected = text_of(aix2026, aix2026.questions_by_id[question_id].text, "fr")
        assert shown(question["long"]) == expected
    names = {r.name: r for r in aix2026.respondents}
    for party in report["parties"]:
        respondent = names[shown(party["short"])]
        response = aix2026.responses_by_respondent[respondent.id]
        expected_codes = [_code(aix2026, q, response.answers.get(q)) for q in theses]
        assert party["positions"] == expected_codes  # complete: no missing answer written
        assert shown(party["url"]) == (respondent.url or "")
    complete = [
        r.id
        for r in aix2026.respondents
        if r.status not in NOT_RUNNING
        and r.id in aix2026.responses_by_respondent
        and aix2026.responses_by_respondent[r.id].consent_to_publish
        and all(
            _code(aix2026, q, aix2026.responses_by_respondent[r.id].answers.get(q)) for q in theses
        )
    ]
    assert [names[shown(p["short"])].id for p in report["parties"]] == complete


def test_lists_left_out_are_named_in_warnings(aix2026: Project) -> None:
    with pytest.warns(ExportWarning) as caught:
        export(aix2026, "mat-o-wahl", lang="en")
    said = "\n".join(str(w.message) for w in caught)
    for respondent in aix2026.respondents:
        if respondent.status in NOT_RUNNING or respondent.status in ("pending", "declined"):
            assert respondent.name in said, respondent.id
    for question in aix2026.questionnaire.questions:
        if question.kind in ("open_text", "number", "multiple_choice"):
            assert question.id in said


def test_a_missing_answer_is_neutral_only_when_asked_and_then_said(
    aix2026: Project, tmp_path: Path
) -> None:
    files = exported(aix2026, "mat-o-wahl", missing="neutral", graded="partial", lang="en")
    report = mat_o_wahl(files, tmp_path)
    names = {r.name: r.id for r in aix2026.respondents}
    theses = [
        q.id
        for q in aix2026.questionnaire.questions
        if q.kind in ("position", "commitment", "single_choice")
    ]
    marked = 0
    for party in report["parties"]:
        response = aix2026.responses_by_respondent[names[shown(party["short"])]]
        for question, position, opinion in zip(
            theses, party["positions"], party["opinions"], strict=True
        ):
            code = _code(aix2026, question, response.answers.get(question))
            said = "counts a missing answer as neutral" in shown(opinion)
            assert position == (code or "0")
            assert said == (code is None), (question, shown(opinion))
            marked += said
    assert marked > 0  # Aix Citoyenne left questions unanswered: each one is said


def test_hostile_text_shows_as_written_and_runs_nothing(aix2026: Project, tmp_path: Path) -> None:
    texts = cycle(HOSTILE_STRINGS)
    project = hostile_project(aix2026)
    questions = tuple(
        q.model_copy(update={"text": {"fr": next(texts), "en": next(texts)}})
        for q in project.questionnaire.questions
    )
    respondents = tuple(r.model_copy(update={"name": next(texts)}) for r in project.respondents)
    questionnaire = project.questionnaire.model_copy(update={"questions": questions})
    project = project.model_copy(
        update={"questionnaire": questionnaire, "respondents": respondents}
    )
    files = exported(project, "mat-o-wahl", missing="neutral", graded="partial")
    for content in files.values():
        for line in content.decode("utf-8").split("\n"):
            for cell in re.findall(r'"((?:[^"]|"")*)"', line):
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "'")), cell[:40]
    report = mat_o_wahl(files, tmp_path)
    assert report["countedParties"] == report["intParties"]  # line breaks shifted no party
    statements = [shown(q["long"]) for q in report["questions"]]
    expected = [
        text_of(project, q.text, "fr").replace("\r\n", "\n").replace("\r", "\n")
        for q in project.questionnaire.questions
        if q.id in {t.id for t in project.questionnaire.questions if t.kind != "open_text"}
        and q.kind not in ("number", "multiple_choice")
    ]
    assert statements == expected
    by_name = {r.name.replace("\r\n", "\n").replace("\r", "\n"): r for r in project.respondents}
    for party in report["parties"]:
        respondent = by_name[shown(party["short"])]
        response = project.responses_by_respondent[respondent.id]
        said = "\n".join(shown(opinion) for opinion in party["opinions"])
        for answer in response.answers.values():
            if answer.comment and answer.choice is not None:
                assert answer.comment.replace("\r\n", "\n").replace("\r", "\n") in said


OPTIONS = ("d_accord", "neutre", "pas_d_accord")


#: what a comment may hold (the models refuse other control characters)
TEXT = st.characters(exclude_categories=("Cc", "Cs")) | st.sampled_from("\n\r\t<>&\"';=")


@cache
def _aix() -> Project:
    # not the fixture: hypothesis would print the whole project with every example
    return load_project(example_path("aix2026"))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    choices=st.lists(st.sampled_from(OPTIONS), min_size=1, max_size=60),
    comments=st.lists(st.text(TEXT, min_size=1, max_size=40) | st.none(), min_size=1, max_size=60),
)
def test_positions_round_trip_through_mat_o_wahl(
    tmp_path_factory: pytest.TempPathFactory, choices: list[str], comments: list[Any]
) -> None:
    aix2026 = _aix()
    positions = [q.id for q in aix2026.questionnaire.questions if q.kind == "position"]
    choice, comment = cycle(choices), cycle(comments)
    responses = tuple(
        r.model_copy(
            update={
                "consent_to_publish": True,
                "answers": {
                    q: Answer(choice=next(choice), comment=next(comment)) for q in positions
                },
            }
        )
        for r in aix2026.responses
    )
    project = aix2026.model_copy(update={"responses": responses})
    files = exported(project, "mat-o-wahl", questions=",".join(positions))
    report = mat_o_wahl(files, tmp_path_factory.mktemp("mow"))
    by_name = {r.name: r.id for r in project.respondents}
    assert len(report["parties"]) == len(
        [
            r
            for r in responses
            if r.respondent in by_name.values()
            and project.respondents_by_id[r.respondent].status not in NOT_RUNNING
        ]
    )
    for party in report["parties"]:
        response = project.responses_by_respondent[by_name[shown(party["short"])]]
        for question, position, opinion in zip(
            positions, party["positions"], party["opinions"], strict=True
        ):
            answer = response.answers[question]
            assert (
                position
                == {"d_accord": "1", "neutre": "0", "pas_d_accord": "-1"}[answer.choice or ""]
            )
            if answer.comment:
                assert shown(opinion).endswith(
                    answer.comment.replace("\r\n", "\n").replace("\r", "\n")
                )


def test_an_unknown_question_id_is_a_usage_error(aix2026: Project) -> None:
    with pytest.raises(UsageError, match="p99"):
        exported(aix2026, "mat-o-wahl", questions="p06,p99")


def test_golden_aix(aix2026: Project, update_golden: bool) -> None:
    files = exported(aix2026, "mat-o-wahl")
    if update_golden:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            (GOLDEN / name).write_bytes(content)
    assert GOLDEN.is_dir(), f"{GOLDEN} is missing: run pytest --update-golden once, then review it"
    assert {p.name: p.read_bytes() for p in GOLDEN.iterdir()} == dict(files)
