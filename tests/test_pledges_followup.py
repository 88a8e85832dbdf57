"""Pledges (a signatory rule), richer answers (amount, required evidence and comments) and the
follow-up of commitments, on the fictional pact of tests/fixtures/pacte."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import civicquest
from civicquest import check_project, load_project
from civicquest.cli import cli
from civicquest.models import Pledge

FIXTURE = Path(__file__).parent / "fixtures" / "pacte"


@pytest.fixture
def pacte(tmp_path: Path) -> Path:
    target = tmp_path / "pacte"
    shutil.copytree(FIXTURE, target)
    return target


def _edit(path: Path, change: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _run(*args: str) -> Any:
    return CliRunner().invoke(cli, [*args], catch_exceptions=False)


# -- the signatory rule ---------------------------------------------------------------------


def test_a_list_signs_when_it_commits_to_enough_measures_and_the_principle() -> None:
    report = civicquest.score(load_project(FIXTURE))
    found = {item.respondent: (item.commitments, item.signatory) for item in report.lists}
    assert found == {"liste-a": (9, True), "liste-b": (5, False), "liste-c": (0, False)}
    assert report.pledge is not None
    assert report.pledge.min_commitments == 8


def test_missing_the_required_principle_loses_the_signature(pacte: Path) -> None:
    _edit(pacte / "responses" / "liste-a.yaml",
          lambda d: d["answers"].update(m01={"choice": "pas_engage"}))  # fmt: skip
    item = next(i for i in civicquest.score(load_project(pacte)).lists if i.respondent == "liste-a")
    assert (item.commitments, item.signatory) == (8, False)


def test_without_a_pledge_nothing_is_said_about_signing(pacte: Path) -> None:
    _edit(pacte / "questionnaire.yaml", lambda d: d.pop("pledge"))
    report = civicquest.score(load_project(pacte))
    assert {(i.commitments, i.signatory) for i in report.lists} == {(None, None)}
    csv_text = _run("score", str(pacte), "--format", "csv").output
    assert "signatory" not in csv_text.splitlines()[0]


@given(
    minimum=st.integers(1, 10),
    committed=st.sets(st.sampled_from([f"m{i:02}" for i in range(1, 11)])),
)
def test_signatory_iff_the_count_reaches_the_threshold(minimum: int, committed: set[str]) -> None:
    pledge = Pledge(min_commitments=minimum, options=("oui",))
    assert civicquest_signs(pledge, committed) == (len(committed) >= minimum)


def civicquest_signs(pledge: Pledge, committed: set[str]) -> bool:
    from civicquest.scoring.pledge import signs

    return signs(pledge, committed)


def test_the_signature_is_published_in_every_score_format() -> None:
    table = _run("score", str(FIXTURE), "--lang", "en").output
    assert "signs" in table
    assert "yes (9)" in table
    assert "no (5)" in table
    rows = list(csv.DictReader(io.StringIO(_run("score", str(FIXTURE), "--format", "csv").output)))
    signed = {row["respondent"]: (row["commitments"], row["signatory"]) for row in rows}
    assert signed["liste-a"] == ("9", "true")
    assert signed["liste-b"] == ("5", "false")
    data = json.loads(_run("score", str(FIXTURE), "--format", "json").output)
    assert {i["respondent"]: i["signatory"] for i in data["lists"]}["liste-a"] is True
    assert data["pledge"]["min_commitments"] == 8


# -- located mistakes ---------------------------------------------------------------------


def _issue(folder: Path, code: str) -> Any:
    found = [i for i in check_project(folder).issues if i.code == code]
    assert len(found) == 1, [i.code for i in check_project(folder).issues]
    issue = found[0]
    assert issue.line is not None
    assert issue.message("fr")
    assert issue.hint("en")
    return issue


@pytest.mark.parametrize(
    ("file", "change", "code", "path", "severity"),
    [
        ("questionnaire.yaml", lambda d: d["pledge"]["options"].append("niveau_9"),
         "pledge_unknown_option", "pledge.options[3]", "error"),
        ("questionnaire.yaml", lambda d: d["pledge"].update(required=["t01"]),
         "pledge_unknown_question", "pledge.required[0]", "error"),
        ("questionnaire.yaml", lambda d: d["pledge"].update(min_commitments=11),
         "pledge_unreachable", "pledge.min_commitments", "error"),
        ("questionnaire.yaml", lambda d: d["scales"][1]["options"][3].update(not_applicable=True),
         "neutral_not_applicable", "scales[1].options[3].neutral", "error"),
        ("responses/liste-a.yaml", lambda d: d["answers"]["m02"].update(amount=3),
         "amount_not_expected", "answers.m02.amount", "error"),
        ("responses/liste-a.yaml", lambda d: d["answers"]["m03"].update(amount=-5),
         "number_out_of_bounds", "answers.m03.amount", "error"),
        ("responses/liste-a.yaml", lambda d: d["answers"]["m03"].update(amount=10.5),
         "not_an_integer", "answers.m03.amount", "error"),
        ("responses/liste-a.yaml", lambda d: d["answers"]["m03"].pop("amount"),
         "amount_missing", "answers.m03.choice", "warning"),
        ("responses/liste-a.yaml", lambda d: d["answers"]["m03"].pop("evidence"),
         "evidence_missing", "answers.m03", "warning"),
        ("responses/liste-a.yaml", lambda d: d["answers"]["m06"].pop("comment"),
         "comment_missing", "answers.m06.choice", "warning"),
        ("followup/liste-a.yaml", lambda d: d.update(respondent="liste-z"),
         "followup_unknown_respondent", "respondent", "error"),
        ("followup/liste-a.yaml", lambda d: d["commitments"].update(m06=[
            {"date": "2026-05-01", "state": "intention"}]),
         "followup_not_committed", "commitments.m06", "error"),
        ("followup/liste-a.yaml", lambda d: d["commitments"]["m03"][2].update(date="2026-12-01"),
         "followup_dates_order", "commitments.m03[2].date", "error"),
        ("followup/liste-a.yaml", lambda d: d["commitments"]["m02"][0].update(date="2026-01-01"),
         "followup_before_election", "commitments.m02[0].date", "error"),
        ("followup/liste-a.yaml", lambda d: d["commitments"].update(m99=[
            {"date": "2026-05-01", "state": "intention"}]),
         "unknown_question", "commitments.m99", "error"),
    ],
)  # fmt: skip
def test_each_mistake_is_one_located_issue(
    pacte: Path, file: str, change: Any, code: str, path: str, severity: str
) -> None:
    _edit(pacte / file, change)
    issue = _issue(pacte, code)
    assert (issue.path, issue.severity, issue.file) == (path, severity, str(pacte / file))
    assert (check_project(pacte).project is None) == (severity == "error")


def test_a_second_follow_up_of_a_list_is_an_error(pacte: Path) -> None:
    shutil.copy(pacte / "followup" / "liste-a.yaml", pacte / "followup" / "liste-a-bis.yaml")
    assert _issue(pacte, "duplicate_followup").path == "respondent"


def test_a_follow_up_state_outside_the_four_is_a_schema_error(pacte: Path) -> None:
    _edit(pacte / "followup" / "liste-a.yaml",
          lambda d: d["commitments"]["m02"][0].update(state="done"))  # fmt: skip
    found = [i for i in check_project(pacte).issues if "m02" in (i.path or "")]
    assert found
    assert found[0].severity == "error"
    assert found[0].line is not None


# -- civicquest followup --------------------------------------------------------------------


def test_followup_report_gives_the_latest_state_of_each_commitment() -> None:
    report = civicquest.followup_report(load_project(FIXTURE))
    states = {row.question: (row.state, row.steps, row.evidence) for row in report.rows}
    assert states["m03"] == ("decided", 3, 2)
    assert states["m02"] == ("in_progress", 1, 0)
    assert states["m07"] == ("abandoned", 1, 0)
    assert states["m01"] == ("not_followed", 0, 0)
    assert "m06" not in states  # 'partiellement' is not a commitment under the pledge
    assert report.counts == {"decided": 1, "in_progress": 1, "abandoned": 1, "not_followed": 6}
    assert next(r for r in report.rows if r.question == "m03").amount == 150000


def test_followup_cli_in_text_csv_and_json(tmp_path: Path) -> None:
    text = _run("followup", str(FIXTURE), "--lang", "en")
    assert text.exit_code == 0
    assert "decided" in text.output
    assert "150000" in text.output
    french = _run("followup", str(FIXTURE), "--lang", "fr").output
    assert "décidé" in french
    rows = list(
        csv.DictReader(io.StringIO(_run("followup", str(FIXTURE), "--format", "csv").output))
    )
    assert {r["question"]: r["state"] for r in rows}["m03"] == "decided"
    out = tmp_path / "suivi.json"
    assert _run("followup", str(FIXTURE), "--format", "json", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["counts"]["decided"] == 1


def test_followup_of_a_project_without_follow_up_says_so(pacte: Path) -> None:
    shutil.rmtree(pacte / "followup")
    result = _run("followup", str(pacte), "--lang", "en")
    assert result.exit_code == 0
    assert "No follow-up yet" in result.output


def test_hostile_names_are_neutralised_in_the_follow_up_csv(pacte: Path) -> None:
    _edit(pacte / "respondents.yaml",
          lambda d: d["respondents"][0].update(name="=HYPERLINK(\"x\")\u202e🙂"))  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(_run("followup", str(pacte), "--format", "csv").output)))
    assert all(not row["name"].startswith("=") for row in rows)


# -- two neutral options: a position, and no opinion ----------------------------------------

POSITION_CODES = ("accord", "neutre", "desaccord", "nsp")
_FIXTURE_PROJECT = load_project(FIXTURE)


def _with_policy(folder: Path, policy: str) -> Path:
    (folder / "scoring.yaml").write_text(f"missing:\n  no_opinion: {policy}\n", encoding="utf-8")
    return folder


def _t02(report: Any) -> Any:
    item = next(i for i in report.lists if i.respondent == "liste-a")
    return next(c for c in item.breakdown if c.question == "t02")


@pytest.mark.parametrize(
    ("policy", "points", "maximum"), [("exclude", 0.0, 0.0), ("zero", 0.0, 1.0),
                                      ("neutral", 0.5, 1.0)]
)  # fmt: skip
def test_no_opinion_is_scored_as_a_missing_answer_per_the_policy(
    pacte: Path, policy: str, points: float, maximum: float
) -> None:
    contribution = _t02(civicquest.score(load_project(_with_policy(pacte, policy))))
    assert (contribution.case, contribution.points, contribution.maximum) == (
        "no_opinion", points, maximum)  # fmt: skip


def test_the_neutral_position_is_an_answer_in_the_middle() -> None:
    item = next(
        i for i in civicquest.score(load_project(FIXTURE)).lists if i.respondent == "liste-b"
    )
    contribution = next(c for c in item.breakdown if c.question == "t01")
    assert (contribution.case, contribution.value) == ("answered", 0.5)


@settings(deadline=None, max_examples=40)
@given(
    t01=st.sampled_from(POSITION_CODES), t02=st.sampled_from(POSITION_CODES),
    method=st.sampled_from(["wahl-o-mat", "city-block", "euclidean", "directional"]),
)  # fmt: skip
def test_no_opinion_under_exclude_matches_as_skipping_the_question(
    t01: str, t02: str, method: str
) -> None:
    project = _FIXTURE_PROJECT  # no scoring.yaml: missing.no_opinion is exclude
    answers = {"m01": "niveau_1", "t01": t01, "t02": t02}
    skipped = {k: v for k, v in answers.items() if v != "nsp"}
    assert civicquest.match_voter(project, answers, method).lists == civicquest.match_voter(
        project, skipped, method).lists  # fmt: skip


def test_a_list_saying_no_opinion_is_matched_as_a_list_that_skipped(pacte: Path) -> None:
    voter = {"t01": "accord", "t02": "desaccord"}
    said = civicquest.match_voter(load_project(pacte), voter)
    _edit(pacte / "responses" / "liste-a.yaml", lambda d: d["answers"].pop("t02"))
    skipped = civicquest.match_voter(load_project(pacte), voter)
    assert said.lists == skipped.lists
    assert "t02" in next(i for i in said.lists if i.respondent == "liste-a").missing


@pytest.mark.parametrize("policy", ["exclude", "neutral", "zero"])
def test_the_browser_script_treats_no_opinion_as_the_engine(
    pacte: Path, policy: str, tmp_path: Path
) -> None:
    from civicquest import MatchChoice
    from match_js import run_match_js
    from test_match_js import assert_same

    project = load_project(_with_policy(pacte, policy))
    choices = [MatchChoice(method=m, empty_voter="zero") for m in ("wahl-o-mat", "city-block")]
    tables = civicquest.matching_tables(project, choices)
    cases, expected = [], []
    for t01 in POSITION_CODES:
        for t02 in POSITION_CODES:
            answers = {"t01": t01, "t02": {"choice": t02, "important": True}, "m03": "niveau_2"}
            for choice in choices:
                cases.append({"method": choice.key, "answers": answers})
                expected.append(civicquest.match_voter(project, answers, choice.method,
                                                       empty_voter="zero"))  # fmt: skip
    for js, py in zip(run_match_js(tables, cases, tmp_path), expected, strict=True):
        assert_same(js, py, exact=True)


def test_no_opinion_under_neutral_counts_as_the_neutral_position(pacte: Path) -> None:
    project = load_project(_with_policy(pacte, "neutral"))
    said = civicquest.match_voter(project, {"t01": "nsp", "t02": "accord"})
    neutral = civicquest.match_voter(project, {"t01": "neutre", "t02": "accord"})
    assert said.lists == neutral.lists


# -- the follow-up page of the web report --------------------------------------------------


def _site(project: Any) -> dict[str, bytes]:
    output = civicquest.export(project, "report", results=civicquest.score(project))
    assert isinstance(output, dict)
    return dict(output)


def test_the_report_has_a_follow_up_page_only_with_follow_up_data(pacte: Path) -> None:
    _edit(pacte / "followup" / "liste-a.yaml", lambda d: d["commitments"]["m02"][0].update(
        note="<script>alert(1)</script>\u202e🙂"))  # fmt: skip
    site = _site(load_project(pacte))
    french = site["fr/followup.html"].decode("utf-8")
    assert "Suivi des engagements" in french
    assert "décidé" in french
    assert "150 000" in french
    assert "<script>alert(1)</script>" not in french
    assert "&lt;script&gt;" in french
    assert 'href="followup.html"' in site["fr/index.html"].decode("utf-8")
    assert "en/followup.html" in site
    aix = _site(load_project(civicquest.example_path("aix2026")))
    assert not any(path.endswith("followup.html") for path in aix)
    assert b"followup.html" not in aix["fr/index.html"]
