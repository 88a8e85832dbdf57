"""The report of a project of several communes (tests/fixtures/metropole): an overview of the
territory, a section per commune whose pages show only that commune's lists, questions asked in
some communes only shown there ("not applicable" elsewhere), and the communes compared on the
questions they share, by counts only."""

from __future__ import annotations

import csv
import io
import posixpath
import re
from typing import Any

import pytest
from report_pages import COMMUNE_PAGE_TYPES, METROPOLE, TERRITORY_PAGE_TYPES, Page, build, pages

import civicquest
from civicquest.models import Project
from civicquest.testing import run_cli

LANGS = ("fr", "en")


@pytest.fixture(scope="module")
def metropole() -> Project:
    return civicquest.load_project(METROPOLE)


@pytest.fixture(scope="module")
def site(metropole: Project) -> dict[str, bytes]:
    return build(metropole)


@pytest.fixture(scope="module")
def parsed(site: dict[str, bytes]) -> dict[str, Page]:
    return pages(site)


def _commune_of_list(project: Project) -> dict[str, str]:
    return {r.id: str(project.commune_of(r)) for r in project.respondents}


def _linked_lists(page: Page) -> set[str]:
    found = set()
    for tag, attributes in page.elements:
        match = (
            re.search(r"lists/([^/#]+)\.html", attributes.get("href", "")) if tag == "a" else None
        )
        if match:
            found.add(match.group(1))
    return found


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_type", TERRITORY_PAGE_TYPES + COMMUNE_PAGE_TYPES)
def test_every_page_type_exists_in_both_languages_with_a_switch(
    parsed: dict[str, Page], lang: str, page_type: str
) -> None:
    path = f"{lang}/{page_type}"
    page = parsed[path]
    assert page.lang == lang
    other = "en" if lang == "fr" else "fr"
    switch = [a for tag, a in page.elements if tag == "a" and a.get("hreflang") == other]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(path), switch[0]["href"]))
    assert target == f"{other}/{page_type}"


def test_each_commune_has_its_section_with_its_lists_only(
    metropole: Project, site: dict[str, bytes], parsed: dict[str, Page]
) -> None:
    communes = _commune_of_list(metropole)
    for lang in LANGS:
        for code in metropole.communes_by_code:
            folder = f"{lang}/communes/{code}/"
            own = {rid for rid, commune in communes.items() if commune == code}
            assert {p[len(folder) + 6 : -5] for p in site if p.startswith(folder + "lists/")} == own
            for path, page in parsed.items():
                if path.startswith(folder):
                    assert _linked_lists(page) <= own, path  # never a list of another commune
                    names = {r.name for r in metropole.respondents if r.id not in own}
                    assert not any(name in page.text for name in names), path
    # and the territory's pages compare no list at all
    for lang in LANGS:
        for page_type in TERRITORY_PAGE_TYPES:
            assert _linked_lists(parsed[f"{lang}/{page_type}"]) == set()
    assert not any(path.startswith(("fr/lists/", "fr/compare/")) for path in site)


def test_a_commune_section_shows_the_scores_and_ranks_within_it(
    metropole: Project, parsed: dict[str, Page]
) -> None:
    for code in metropole.communes_by_code:
        within = civicquest.score(metropole.for_commune(code))
        text = parsed[f"en/communes/{code}/compare/index.html"].text
        shown = [item for item in within.lists if item.themes]
        for item in shown:
            for theme in item.themes:
                value = civicquest.round_half_up(theme.score) if theme.score is not None else None
                assert f"{item.name} {value}" in text
        for item in within.lists:
            if item.rank is not None:
                rank = f"Rank under the method “commitment” {item.rank}"
                assert rank in parsed[f"en/communes/{code}/lists/{item.respondent}.html"].text


def test_the_overview_names_every_commune_and_how_many_lists_answered(
    metropole: Project, parsed: dict[str, Page]
) -> None:
    french, english = parsed["fr/index.html"].text, parsed["en/index.html"].text
    assert "Rennes 35238 3 2" in english  # 3 lists, 2 answered
    assert "Cesson-Sévigné 35051 2 1" in english
    assert "Betton 35024 1 … awaiting the return of the questionnaires" in english
    assert "Betton 35024 1 … en attente du retour des questionnaires" in french
    assert "Métropole fictive" in french
    for organiser in metropole.questionnaire.organisers:
        assert organiser.name in french
    assert "15 mars 2026" in french


def test_a_question_asked_in_some_communes_is_shown_only_there(
    site: dict[str, bytes], parsed: dict[str, Page]
) -> None:
    text = "Ouvrir le pont du métro aux vélos."
    for lang in LANGS:
        assert f"{lang}/communes/35238/questions/r3.html" in site
        assert text in parsed[f"{lang}/communes/35238/compare/index.html"].text
        for code in ("35051", "35024"):
            assert f"{lang}/communes/{code}/questions/r3.html" not in site
            assert text not in parsed[f"{lang}/communes/{code}/compare/index.html"].text
            index = parsed[f"{lang}/communes/{code}/questions/index.html"].text
            assert text in index  # said, never left blank
    index = parsed["fr/communes/35051/questions/index.html"].text
    assert f"{text} ⊘ non applicable : question non posée dans cette commune" in index
    assert f"{text} — asked in: Rennes ; not applicable elsewhere" in parsed["en/across.html"].text


def test_the_communes_are_compared_by_counts_on_shared_questions(
    metropole: Project, site: dict[str, bytes], parsed: dict[str, Page]
) -> None:
    comparison = civicquest.compare_communes(metropole)
    text = parsed["en/across.html"].text
    names = {c.insee_code: c.name for c in metropole.questionnaire.election.all_communes}
    labels = ["fort", "minimal", "aucun", "missing:no_reply", "missing:declined"]
    for row in comparison.rows:
        counts = " ".join(str(row.counts.get(label, 0)) for label in labels)
        assert f"{names[row.commune]} {row.lists} {counts}" in text
    assert "Engagement fort Engagement minimal Pas d'engagement no answer yet declined" in text
    assert "%" not in text
    assert "rank" not in text.lower().replace("ranked together", "")
    exported = civicquest.export(metropole, "across-csv", results=comparison)
    assert site["data/communes.csv"] == exported


def test_the_open_data_carries_each_lists_commune(
    metropole: Project, site: dict[str, bytes], parsed: dict[str, Page]
) -> None:
    communes = _commune_of_list(metropole)
    scores = list(csv.DictReader(io.StringIO(site["data/scores.csv"].decode("utf-8-sig"))))
    assert scores
    assert all(row["commune"] == communes[row["respondent"]] for row in scores)
    text = parsed["en/data.html"].text
    assert "Answers per commune, on the questions asked in every commune (CSV)" in text


def test_the_methodology_of_a_commune_recomputes_its_lists_only(parsed: dict[str, Page]) -> None:
    text = parsed["en/communes/35051/methodology.html"].text
    assert "civicquest score FOLDER --commune 35051 --method commitment --format json" in text
    assert "civicquest sensitivity FOLDER --commune 35051" in text
    assert "a rank is a rank within the commune" in text
    assert 'if item.commune == "35051":' in text


def test_the_voter_chooses_a_commune_first(
    metropole: Project, site: dict[str, bytes], parsed: dict[str, Page]
) -> None:
    links = {
        posixpath.normpath(posixpath.join("fr", a["href"]))
        for tag, a in parsed["fr/voter.html"].elements
        if tag == "a" and "communes/" in a.get("href", "")
    }
    assert links == {f"fr/communes/{code}/voter.html" for code in metropole.communes_by_code}
    rennes = parsed["fr/communes/35238/voter.html"]
    cesson = parsed["fr/communes/35051/voter.html"]
    assert "vq-r3" in rennes.ids
    assert "vq-r3" not in cesson.ids
    assert "vq-r1" in cesson.ids


def test_every_link_resolves_inside_the_site(
    site: dict[str, bytes], parsed: dict[str, Page]
) -> None:
    for path, page in parsed.items():
        for tag, _attribute, value in page.links():
            if tag == "a" and value.startswith(("https://", "http://", "mailto:")):
                continue
            assert "://" not in value, (path, value)
            assert not value.startswith("/"), (path, value)
            target, _, anchor = value.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            resolved = resolved if target else path
            assert resolved in site, (path, value)
            if anchor and resolved.endswith(".html"):
                assert anchor in parsed[resolved].ids, (path, value)


def _with_another_commune(project: Project) -> Project:
    """``project`` with a fourth commune and two answered lists in it."""
    data: dict[str, Any] = project.model_dump(mode="json", exclude_none=True)
    election = data["questionnaire"]["election"]
    election["communes"].append({"insee_code": "35210", "name": "Pacé"})
    for index, choice in enumerate(("fort", "aucun")):
        rid = f"pace-{index}"
        data["respondents"].append(
            {"id": rid, "commune": "35210", "status": "answered", "name": f"Pacé {index}"}
        )
        data["responses"].append(
            {
                "respondent": rid,
                "questionnaire": {"id": "velo-metropole-2026", "version": "1.0.0"},
                "consent_to_publish": True,
                "answers": {q: {"choice": choice} for q in ("r1", "r2", "e1")},
            }
        )
    return Project.model_validate(data)


def test_a_communes_pages_do_not_change_when_another_commune_is_added(
    metropole: Project, site: dict[str, bytes]
) -> None:
    larger = build(_with_another_commune(metropole))
    for path, content in site.items():
        if path.startswith(("fr/communes/", "en/communes/")):
            assert larger[path] == content, path
    assert "fr/communes/35210/lists/pace-0.html" in larger
    assert larger["fr/index.html"] != site["fr/index.html"]


def test_the_command_builds_the_multi_commune_site(tmp_path: Any) -> None:
    result = run_cli("report", str(METROPOLE), "-o", str(tmp_path / "site"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site" / "fr" / "communes" / "35238" / "index.html").is_file()
