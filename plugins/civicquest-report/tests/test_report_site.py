"""The report site of the Aix example: every page type in both languages, statuses in words,
links that resolve inside the folder, nothing loaded from elsewhere, the same bytes twice."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from report_pages import Page, build, pages

import civicquest
from civicquest.models import Project
from civicquest.testing import aix2026, fresh_plugin_host, run_cli

__all__ = ["aix2026"]  # fixture

PAGE_TYPES = (
    "index.html",
    "compare/index.html",
    "compare/theme-partenariat.html",
    "compare/competence-commune.html",
    "lists/aix-ensemble.html",
    "questions/index.html",
    "questions/p01.html",
    "methodology.html",
    "data.html",
    "voter.html",
)


@pytest.fixture(scope="module")
def site(aix2026: Project) -> dict[str, bytes]:
    return build(aix2026)


@pytest.fixture(scope="module")
def parsed(site: dict[str, bytes]) -> dict[str, Page]:
    return pages(site)


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
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


def test_a_page_for_every_list_and_every_question(aix2026: Project, site: dict[str, bytes]) -> None:
    for lang in ("fr", "en"):
        for respondent in aix2026.respondents:
            assert f"{lang}/lists/{respondent.id}.html" in site
        for question in aix2026.questionnaire.questions:
            assert f"{lang}/questions/{question.id}.html" in site


def test_the_root_points_to_french_and_english(parsed: dict[str, Page]) -> None:
    links = {a.get("href") for tag, a in parsed["index.html"].elements if tag == "a"}
    assert links == {"fr/index.html", "en/index.html"}


STATUS_WORDS = {
    "answered": "Answered the questionnaire",
    "partial": "Answered part of the questionnaire (22 of 40 questions)",
    "pending": "Awaiting an answer",
    "declined": "Declined to answer",
    "outside_form": "Answered by letter, outside the form",
    "not_solicited": "Not solicited by the coalition",
    "withdrawn": "Withdrew from the election",
    "merged": "Merged into Aix Ensemble (liste fictive) from round 2.",
}
STATUS_MOTS = {
    "answered": "A répondu au questionnaire",
    "pending": "Réponse attendue",
    "declined": "A refusé de répondre",
    "outside_form": "A répondu par lettre, hors du formulaire",
    "not_solicited": "Non sollicitée par la coalition",
    "withdrawn": "S'est retirée de l'élection",
}


def test_the_home_page_says_every_status_in_words_with_its_reason(
    aix2026: Project, parsed: dict[str, Page]
) -> None:
    english, french = parsed["en/index.html"].text, parsed["fr/index.html"].text
    for words in STATUS_WORDS.values():
        assert words in english
    for words in STATUS_MOTS.values():
        assert words in french
    for respondent in aix2026.respondents:
        for detail in ("reason", "summary", "note"):
            value = getattr(respondent, detail, None)
            if value:
                assert _words(value) in english
                assert _words(value) in french
    withheld = "not published: the list did not consent to their publication"
    assert english.count(withheld) == 1  # Aix Écologie: shown as withheld, not as empty


def test_the_home_page_shows_the_coalition_its_letter_and_the_election(
    aix2026: Project, parsed: dict[str, Page]
) -> None:
    questionnaire = aix2026.questionnaire
    french = parsed["fr/index.html"].text
    for organiser in questionnaire.organisers:
        assert organiser.name in french
    intro = questionnaire.intro
    assert isinstance(intro, dict)
    assert _words(intro["fr"]) in french
    assert _words(intro["en"]) in parsed["en/index.html"].text
    assert "15 mars 2026" in french
    assert "22 mars 2026" in french
    assert "Aix-en-Provence" in french


def test_the_order_used_is_said(parsed: dict[str, Page]) -> None:
    assert "by their overall score under the method “commitment”" in parsed["en/index.html"].text


def test_an_unranked_report_is_in_the_order_drawn_by_lot_and_says_its_seed(
    aix2026: Project,
) -> None:
    report = civicquest.score(aix2026, "unranked", order="lot", seed=2026)
    output = civicquest.export(aix2026, "report", results=report)
    assert isinstance(output, dict)
    home = pages({"en/index.html": output["en/index.html"]})["en/index.html"]
    assert "drawn by lot with the published seed 2026" in home.text
    cards = [
        a["id"] for tag, a in home.elements if tag == "li" and "list-card" in a.get("class", "")
    ]
    scored = [item.respondent for item in report.lists]
    assert cards[: len(scored)] == [f"list-{rid}" for rid in scored]


def test_a_list_page_shows_answers_comments_and_evidence(
    aix2026: Project, parsed: dict[str, Page]
) -> None:
    for response in aix2026.responses:
        if not response.consent_to_publish:
            continue
        page = parsed[f"fr/lists/{response.respondent}.html"]
        for answer in response.answers.values():
            if answer.comment:
                assert _words(answer.comment) in page.text
            for source in answer.evidence:
                if source.url:
                    hrefs = {a.get("href") for tag, a in page.elements if tag == "a"}
                    assert source.url in hrefs


def test_withheld_answers_are_not_shown(aix2026: Project, parsed: dict[str, Page]) -> None:
    for response in aix2026.responses:
        if response.consent_to_publish:
            continue
        for path, page in parsed.items():
            for answer in response.answers.values():
                if answer.comment and len(answer.comment) > 20:
                    assert _words(answer.comment) not in page.text, path


def test_every_link_resolves_inside_the_site_and_nothing_is_loaded_from_elsewhere(
    site: dict[str, bytes], parsed: dict[str, Page]
) -> None:
    for path, page in parsed.items():
        for tag, _attribute, value in page.links():
            if tag == "a" and value.startswith(("https://", "http://", "mailto:")):
                continue  # a link the reader may follow, never a resource the page loads
            assert "://" not in value, (path, value)
            assert not value.startswith("/"), (path, value)
            target, _, anchor = value.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target or path))
            if not target:
                resolved = path
            assert resolved in site, (path, value)
            if anchor and resolved.endswith(".html"):
                assert anchor in parsed[resolved].ids, (path, value)


def test_the_stylesheet_loads_nothing_from_elsewhere(site: dict[str, bytes]) -> None:
    css = site["static/report.css"].decode()
    assert "url(" not in css
    assert "@import" not in css
    assert "@media print" in css


def test_the_site_is_the_same_bytes_twice(aix2026: Project, site: dict[str, bytes]) -> None:
    assert build(aix2026) == site


def test_the_open_data_is_in_the_site_and_described(
    site: dict[str, bytes], parsed: dict[str, Page]
) -> None:
    for path in ("data/reponses.csv", "data/reponses.xlsx", "data/projet.json", "data/scores.csv"):
        assert path in site
    assert "data/datapackage/datapackage.json" in site
    text = parsed["en/data.html"].text
    assert "Frictionless data package" in text
    assert "respondent_name" in text


def test_a_missing_exporter_is_said_on_the_data_page(aix2026: Project) -> None:
    with fresh_plugin_host(environ={"CIVICQUEST_LOAD_PLUGINS": "report"}):
        files = build(aix2026)
    assert "data/reponses.csv" not in files
    assert "data/projet.json" in files
    text = pages({"en/data.html": files["en/data.html"]})["en/data.html"].text
    assert "Not included: the exporter “csv” is not installed" in text


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_command_writes_the_same_folder_as_the_exporter(tmp_path: Path) -> None:
    project = str(civicquest.example_path("aix2026"))
    by_command = run_cli("report", project, "-o", str(tmp_path / "a"))
    assert by_command.exit_code == 0, by_command.output
    by_export = run_cli("export", project, "-f", "report", "-o", str(tmp_path / "b"))
    assert by_export.exit_code == 0, by_export.output
    written = _tree(tmp_path / "a")
    assert written == _tree(tmp_path / "b")
    assert ".civicquest-export.json" in written
    assert "fr/index.html" in written


def test_the_command_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("précieux")
    result = run_cli("report", str(civicquest.example_path("aix2026")), "-o", str(mine))
    assert result.exit_code == 2
    assert (mine / "notes.txt").read_text() == "précieux"
    assert sorted(p.name for p in mine.iterdir()) == ["notes.txt"]


def test_the_command_passes_scoring_options(tmp_path: Path) -> None:
    project = str(civicquest.example_path("aix2026"))
    options = ("--option", "method=unranked", "--option", "order=alphabetical")
    result = run_cli("report", project, "-o", str(tmp_path / "s"), *options)
    assert result.exit_code == 0, result.output
    home = (tmp_path / "s" / "en" / "index.html").read_text()
    assert "Lists are shown in alphabetical order" in home
