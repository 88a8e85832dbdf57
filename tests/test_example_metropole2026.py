"""The shipped multi-commune example: it validates clean, scores within each commune, has a
pledge rule, a second round with a merger and a follow-up, goes through every exporter and
builds the web report."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

import civicquest
from civicquest.analysis.followup import followup_report
from civicquest.cli import cli
from civicquest.exporting.pipeline import export
from civicquest.loading.examples import example_path
from civicquest.loading.project import check_project, load_project
from civicquest.models.project import Project
from civicquest.models.round_view import project_for_round
from civicquest.plugins import ExportWarning
from civicquest.plugins._manager import get_exporters
from civicquest.scoring.communes import compare_communes

EXAMPLE = example_path("metropole2026")
COMMUNES = ("44109", "44143", "44162", "44114", "44020")


@pytest.fixture(scope="module")
def metropole() -> Project:
    return load_project(EXAMPLE)


def test_the_example_validates_without_any_issue() -> None:
    result = check_project(EXAMPLE)
    assert result.issues == (), [issue.as_dict("en") for issue in result.issues]


def test_every_list_and_organiser_is_labelled_fictional(metropole: Project) -> None:
    assert all("(liste fictive)" in respondent.name for respondent in metropole.respondents)
    assert all("(association fictive)" in o.name for o in metropole.questionnaire.organisers)


def test_it_shows_every_status_a_first_round_can_have(metropole: Project) -> None:
    statuses = {respondent.status for respondent in metropole.respondents}
    assert statuses == {"answered", "partial", "pending", "declined", "outside_form",
                        "not_solicited"}  # fmt: skip
    communes = [c.insee_code for c in metropole.questionnaire.election.all_communes]
    assert communes == list(COMMUNES)
    assert {respondent.commune for respondent in metropole.respondents} == set(COMMUNES)


def test_a_pact_of_graded_commitments_with_questions_for_some_communes(metropole: Project) -> None:
    questions = metropole.questionnaire.questions
    commitments = [q for q in questions if q.kind == "commitment"]
    assert 12 <= len(commitments) <= 20
    restricted = {q.id: q.communes for q in questions if q.communes}
    assert restricted == {"m04": ("44109", "44143"), "a02": ("44162", "44114", "44020")}


def _one_commune(project: Project, code: str) -> Project:
    kept = {r.id for r in project.respondents if r.commune == code}
    return project.model_copy(
        update={
            "respondents": tuple(r for r in project.respondents if r.id in kept),
            "responses": tuple(r for r in project.responses if r.respondent in kept),
        }
    )


@pytest.mark.parametrize("code", COMMUNES)
def test_scores_and_ranks_are_within_each_commune(metropole: Project, code: str) -> None:
    together = civicquest.score(metropole)
    alone = civicquest.score(_one_commune(metropole, code))
    assert [s for s in together.lists if s.commune == code] == list(alone.lists)
    ranks = [s.rank for s in alone.lists]
    assert ranks == sorted(ranks)
    assert not ranks or ranks[0] == 1


def test_a_question_of_other_communes_counts_for_nothing(metropole: Project) -> None:
    report = civicquest.score(metropole)
    asked_in = {"m04": {"44109", "44143"}, "a02": {"44162", "44114", "44020"}}
    for listed in report.lists:
        used = {c.question for c in listed.breakdown if not c.excluded}
        for question, communes in asked_in.items():
            assert (question in used) == (listed.commune in communes), (listed.respondent, question)


def test_the_example_ranks_the_lists_the_docs_describe(metropole: Project) -> None:
    report = civicquest.score(metropole)
    first = {s.commune: s.respondent for s in report.lists if s.rank == 1 and s.score}
    assert first == {"44109": "nantes-respire", "44143": "reze-ecologie",
                     "44162": "herblain-solidaire", "44114": "orvault-nature"}  # fmt: skip
    assert all(s.score == 0 for s in report.lists if s.commune == "44020")


def _results(name: str, project: Project) -> Any:
    if name.startswith("across-"):
        return compare_communes(project)
    if name.startswith("match-"):
        voter = yaml.safe_load((EXAMPLE / "voter.yaml").read_text(encoding="utf-8"))
        return civicquest.match_voter(project, voter)
    return civicquest.score(project)


#: Voting-advice tools take three-level theses: the pact's graded commitments need a rule.
GRADED = {"mat-o-wahl": {"graded": "thirds"}, "open-election-compass": {"graded": "thirds"}}


@pytest.mark.parametrize("name", sorted({record.name for record in get_exporters().values()}))
def test_every_exporter_takes_the_example(metropole: Project, name: str) -> None:
    needs_results = get_exporters()[name].needs == "results"
    results = _results(name, metropole) if needs_results else None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        output = export(metropole, name, GRADED.get(name), results=results)
    assert [w.message for w in caught if not issubclass(w.category, ExportWarning)] == []
    assert output, name
    if isinstance(output, dict):
        assert all(isinstance(content, bytes) for content in output.values())


def test_the_report_command_builds_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = CliRunner().invoke(cli, ["report", str(EXAMPLE), "-o", str(site)])
    assert result.exit_code == 0, result.output
    home = (site / "fr" / "index.html").read_text(encoding="utf-8")
    for commune in ("Nantes", "Rezé", "Saint-Herblain", "Orvault", "Bouguenais"):
        assert commune in home
    rezé = (site / "fr" / "communes" / "44143" / "index.html").read_text(encoding="utf-8")
    assert "Rezé Ensemble (liste fictive)" in rezé
    assert "Rezé Ensemble (liste fictive)" not in home  # lists are shown within their commune


def test_init_from_the_example_by_name(tmp_path: Path) -> None:
    target = tmp_path / "p"
    result = CliRunner().invoke(cli, ["init", str(target), "--from", "metropole2026"])
    assert result.exit_code == 0, result.output
    assert check_project(target).ok


def test_a_list_signs_the_pact_with_eight_commitments_and_the_yearly_report(
    metropole: Project,
) -> None:
    report = civicquest.score(metropole)
    assert report.pledge is not None
    assert report.pledge.min_commitments == 8
    signed = {s.respondent: (s.signatory, s.commitments) for s in report.lists}
    assert signed["nantes-respire"] == (True, 16)
    assert signed["nantes-avenir"] == (False, 7)  # 7 < 8
    assert signed["herblain-audace"][0] is True


def test_round_two_is_in_nantes_and_reze_with_one_merger(metropole: Project) -> None:
    second = project_for_round(metropole, 2)
    assert {r.commune for r in second.respondents} == {"44109", "44143"}
    assert {r.id: r.status for r in second.respondents}["nantes-en-commun"] == "merged"
    before = {s.respondent: s for s in civicquest.score(metropole).lists}
    after = {s.respondent: s for s in civicquest.score(second).lists}
    kept, own = after["nantes-respire"].score, before["nantes-respire"].score
    assert kept is not None
    assert own is not None
    assert kept > own  # the level-3 commitments it kept from Nantes en Commun
    assert after["reze-ecologie"].score == before["reze-ecologie"].score
    assert "reze-demain" not in after


def test_the_elected_lists_are_followed_in_every_state(metropole: Project) -> None:
    report = followup_report(metropole)
    assert report.lists == ("nantes-respire", "herblain-solidaire")
    assert {row.state for row in report.rows} == {
        "decided", "in_progress", "intention", "abandoned", "not_followed"}  # fmt: skip
