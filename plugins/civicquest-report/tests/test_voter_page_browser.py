"""The voter page in headless Chromium (Debian's chromium + chromium-driver, Selenium): its
numbers equal ``civicquest match`` for 1,000 generated voters, a keyboard user can answer, and
hostile names and question texts are shown, never run."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_pages import METROPOLE
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

import civicquest
from civicquest.models import MatchReport, Project
from civicquest.testing import HOSTILE_STRINGS

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PAYLOADS = (
    "<script>window.pwned = 1</script>",
    '<img src=x onerror="window.pwned = 2">',
    "</script><script>window.pwned = 3</script>",
    '" autofocus onfocus="window.pwned = 4',
    "<!-- <script>window.pwned = 5</script>",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not shutil.which(tool):  # a failure, never a skip: .ci/run installs both
            pytest.fail(f"{tool} missing: apt-get install -y chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    options.add_argument("--window-size=390,844")  # a phone's width
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def aix() -> Project:
    return civicquest.load_project(civicquest.example_path("aix2026"))


def _open(
    browser: WebDriver, project: Project, folder: Path, lang: str = "fr", page: str = "voter.html"
) -> None:
    files = civicquest.export(project, "report", results=civicquest.score(project))
    assert isinstance(files, dict)
    for path, content in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    browser.get((folder / lang / page).as_uri())


def _voters(tables: civicquest.MatchingTables, count: int) -> list[dict[str, Any]]:
    chance = random.Random(2026)
    voters = []
    for _ in range(count):
        skip = chance.random()  # from voters who answer little to those who answer all
        levels = [-1 if chance.random() < skip else chance.randrange(len(q.codes))
                  for q in tables.questions]  # fmt: skip
        important = [chance.random() < 0.2 for _ in tables.questions]
        voters.append({"levels": levels, "important": important})
    return voters


def _answers(tables: civicquest.MatchingTables, voter: dict[str, Any]) -> dict[str, Any]:
    return {
        q.id: {"choice": q.codes[level], "important": flag}
        for q, level, flag in zip(
            tables.questions, voter["levels"], voter["important"], strict=True
        )
        if level >= 0
    }


def _expected_rows(report: MatchReport, lang: str) -> list[list[str]]:
    """The rows a reader sees: list id, rank (=N when tied), name, overall %, each theme %."""
    from civicquest.plugins import format_percent

    return [
        [item.respondent, ("=" if item.tied else "") + str(item.rank), item.name,
         format_percent(item.agreement, lang),
         *(format_percent(t.agreement, lang) for t in item.themes)]
        for item in report.lists
    ]  # fmt: skip


def test_the_page_shows_the_numbers_of_civicquest_match_for_1000_voters(
    browser: WebDriver, aix: Project, tmp_path: Path
) -> None:
    _open(browser, aix, tmp_path)
    tables = civicquest.matching_tables(aix)
    voters = _voters(tables, 1000)
    shown = browser.execute_script(
        "return arguments[0].map(function (v) {"
        " CivicquestVoter.set(v.levels, v.important); return CivicquestVoter.shown(); });",
        voters,
    )
    compared = 0
    for voter, page in zip(voters, shown, strict=True):
        answers = _answers(tables, voter)
        if not answers:  # the default method's policy: an empty voter is asked to answer
            assert page == []
            continue
        report = civicquest.match_voter(aix, answers)
        assert [section["method"] for section in page] == ["wahl-o-mat"]
        assert page[0]["rows"] == _expected_rows(report, "fr")
        compared += 1
    assert compared > 900
    # a few through the command line, as a voter file
    for voter, page in list(zip(voters, shown, strict=True))[:3]:
        voter_file = tmp_path / "voter.json"
        voter_file.write_text(json.dumps({"answers": _answers(tables, voter)}), encoding="utf-8")
        run = subprocess.run(
            [sys.executable, "-m", "civicquest", "match", str(civicquest.example_path("aix2026")),
             "--answers", str(voter_file), "--format", "json"],
            capture_output=True, check=True, text=True,
        )  # fmt: skip
        cli = json.loads(run.stdout)
        wanted = [[i["respondent"], civicquest.round_half_up(i["agreement"])] for i in cli["lists"]]
        assert [[row[0], int(row[3].split("\u202f")[0].split("\xa0")[0].rstrip("%"))]
                for row in page[0]["rows"]] == wanted  # fmt: skip


def test_a_keyboard_user_answers_and_sees_the_result(
    browser: WebDriver, aix: Project, tmp_path: Path
) -> None:
    _open(browser, aix, tmp_path, "en")
    tables = civicquest.matching_tables(aix)
    first = tables.questions[0].id
    body = browser.switch_to.active_element
    for _ in range(40):  # from the top of the page to the first question
        body.send_keys(Keys.TAB)
        body = browser.switch_to.active_element
        if body.get_attribute("name") == f"v-{first}":
            break
    levels, important = [], []
    for index, question in enumerate(tables.questions[:6]):
        focused = browser.switch_to.active_element
        assert focused.get_attribute("name") == f"v-{question.id}"
        level = index % len(question.codes)
        for _ in range(level + 1):  # from "skip" (the last), down wraps to the first option
            focused.send_keys(Keys.ARROW_DOWN)
            focused = browser.switch_to.active_element
        focused.send_keys(Keys.TAB)  # to "important"
        box = browser.switch_to.active_element
        assert box.get_attribute("id") == f"v-{question.id}-important"
        if index % 2 == 0:
            box.send_keys(Keys.SPACE)
        box.send_keys(Keys.TAB)
        levels.append(level)
        important.append(index % 2 == 0)
    answers = {
        q.id: {"choice": q.codes[level], "important": flag}
        for q, level, flag in zip(tables.questions, levels, important, strict=False)
    }
    results = browser.find_element("id", "cq-results")
    assert results.get_attribute("aria-live") == "polite"
    shown = browser.execute_script("return CivicquestVoter.shown()")
    assert shown[0]["rows"] == _expected_rows(civicquest.match_voter(aix, answers), "en")
    outline = browser.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_hostile_names_and_texts_are_shown_never_run(
    browser: WebDriver, aix: Project, tmp_path: Path
) -> None:
    texts = (*PAYLOADS, *HOSTILE_STRINGS)
    questions = tuple(
        q.model_copy(update={"text": {"fr": texts[i % len(texts)], "en": "x"}})
        for i, q in enumerate(aix.questionnaire.questions)
    )
    respondents = tuple(
        r.model_copy(update={"name": texts[i % len(texts)]}) for i, r in enumerate(aix.respondents)
    )
    project = aix.model_copy(
        update={
            "questionnaire": aix.questionnaire.model_copy(update={"questions": questions}),
            "respondents": respondents,
        }
    )
    _open(browser, project, tmp_path)
    tables = civicquest.matching_tables(project)
    levels = [0] * len(tables.questions)
    browser.execute_script(
        "CivicquestVoter.set(arguments[0], arguments[1])", levels, [False] * len(levels)
    )
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    names = {row[2] for row in browser.execute_script("return CivicquestVoter.shown()")[0]["rows"]}
    assert names == {item.name for item in tables.lists}
    assert names & set(PAYLOADS)


def test_each_communes_voter_page_shows_the_numbers_of_civicquest_match_commune(
    browser: WebDriver, tmp_path: Path
) -> None:
    metropole = civicquest.load_project(METROPOLE)
    compared = 0
    for code in metropole.communes_by_code:
        _open(browser, metropole, tmp_path / code, page=f"communes/{code}/voter.html")
        asked = metropole.for_commune(code, asked_only=True)  # as civicquest match --commune
        tables = civicquest.matching_tables(asked)
        voters = _voters(tables, 60)
        shown = browser.execute_script(
            "return arguments[0].map(function (v) {"
            " CivicquestVoter.set(v.levels, v.important); return CivicquestVoter.shown(); });",
            voters,
        )
        for voter, page in zip(voters, shown, strict=True):
            answers = _answers(tables, voter)
            if not answers:
                assert page == []
                continue
            report = civicquest.match_voter(asked, answers)
            assert page[0]["rows"] == _expected_rows(report, "fr")
            compared += len(report.lists)
        # one voter through the command line, the commune given as an option
        voter, page = next((v, p) for v, p in zip(voters, shown, strict=True) if p)
        voter_file = tmp_path / f"voter-{code}.json"
        voter_file.write_text(json.dumps({"answers": _answers(tables, voter)}), encoding="utf-8")
        run = subprocess.run(
            [sys.executable, "-m", "civicquest", "match", str(METROPOLE), "--commune", code,
             "--answers", str(voter_file), "--format", "json"],
            capture_output=True, check=True, text=True,
        )  # fmt: skip
        cli = json.loads(run.stdout)
        assert [row[0] for row in page[0]["rows"]] == [i["respondent"] for i in cli["lists"]]
    assert compared > 100  # Rennes and Cesson-Sévigné have lists to compare; Betton has none
