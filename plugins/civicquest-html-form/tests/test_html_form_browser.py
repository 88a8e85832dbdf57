"""The offline form driven in headless Chromium (Debian's ``chromium`` and ``chromium-driver``)
with Selenium: filled with the keyboard as a list would, saved (a real download), read back."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.select import Select

from civicquest import check_project, example_path, export
from civicquest.models import Answer, Project, Response
from civicquest.plugins import format_number
from civicquest.testing import HOSTILE_STRINGS, aix2026

__all__ = ["aix2026"]  # fixture

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PAYLOADS = (
    "<script>window.pwned = 1</script>",
    '<img src=x onerror="window.pwned = 2">',
    "</script><script>window.pwned = 3</script>",
    '" autofocus onfocus="window.pwned = 4',
    "\u2028\u2029 \u202edroite à gauche\u202c " + "x" * 20_000,
)


def _as_html_reads(text: str) -> str:
    # HTML parsing turns every CR or CRLF into LF (a line end either way)
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not shutil.which(tool):
            # a failure, never a skip: .ci/run installs both
            pytest.fail(f"{tool} missing: apt-get install -y chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    yield driver
    driver.quit()


def _open(browser: WebDriver, project: Project, folder: Path) -> Path:
    """Export the form into ``folder``, open it, and send downloads to ``folder / "saved"``."""
    page = folder / "questionnaire.form.html"
    output = export(project, "html-form")
    assert isinstance(output, bytes)
    page.write_bytes(output)
    saved = folder / "saved"
    saved.mkdir()
    browser.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(saved)}
    )
    browser.get(page.as_uri())
    return saved


def _type(browser: WebDriver, element_id: str, text: str) -> None:
    browser.find_element(By.ID, element_id).send_keys(text)


def _press(browser: WebDriver, element_id: str) -> None:
    # space ticks a focused radio button or box, as a keyboard user does
    browser.find_element(By.ID, element_id).send_keys(Keys.SPACE)


def _fill_answer(browser: WebDriver, question_id: str, answer: Answer) -> None:
    if answer.choice is not None:
        _press(browser, f"a-{question_id}-{answer.choice}")
    for code in answer.choices or ():
        _press(browser, f"a-{question_id}-{code}")
    if answer.text is not None:
        _type(browser, f"a-{question_id}", answer.text)
    if answer.number is not None:
        _type(browser, f"a-{question_id}", format_number(answer.number))
    if answer.no_answer is not None:
        Select(browser.find_element(By.ID, f"na-{question_id}")).select_by_value(answer.no_answer)
    if answer.comment is not None:
        _type(browser, f"c-{question_id}", answer.comment)
    for evidence in answer.evidence:
        browser.find_element(
            By.CSS_SELECTOR, f".add-source[data-question='{question_id}']"
        ).send_keys(Keys.ENTER)
        source = browser.find_element(By.CSS_SELECTOR, f"#s-{question_id} li:last-child")
        for field, tag in (("url", "input"), ("title", "input"), ("excerpt", "textarea")):
            value = getattr(evidence, field)
            if value is not None:
                control = source.find_element(By.CSS_SELECTOR, f"{tag}[data-field='{field}']")
                control.send_keys(value)


def _fill(browser: WebDriver, response: Response) -> None:
    Select(browser.find_element(By.ID, "cq-respondent")).select_by_value(response.respondent)
    _press(browser, "cq-consent-yes" if response.consent_to_publish else "cq-consent-no")
    for question_id, answer in response.answers.items():
        _fill_answer(browser, question_id, answer)
    if response.comment is not None:
        _type(browser, "cq-comment", response.comment)


def _saved_files(folder: Path, wait: float) -> list[Path]:
    deadline = time.monotonic() + wait
    while True:
        files = [f for f in folder.iterdir() if not f.name.endswith(".crdownload")]
        if files or time.monotonic() > deadline:
            return files
        time.sleep(0.05)


@pytest.mark.parametrize("respondent", ["aix-ensemble", "aix-citoyenne", "aix-ecologie"])
def test_a_list_fills_and_saves_its_response(
    browser: WebDriver, aix2026: Project, tmp_path: Path, respondent: str
) -> None:
    original = next(r for r in aix2026.responses if r.respondent == respondent)
    saved = _open(browser, aix2026, tmp_path)
    _fill(browser, original)
    browser.find_element(By.ID, "cq-save").click()
    files = _saved_files(saved, wait=10)
    assert [f.name for f in files] == [f"reponse-{respondent}.json"]
    response = Response.model_validate(json.loads(files[0].read_text("utf-8")))
    assert response.answers == original.answers
    assert response.comment == original.comment
    assert response.consent_to_publish == original.consent_to_publish
    assert response.questionnaire == original.questionnaire
    assert response.channel == "form"
    assert "saved" not in browser.find_element(By.ID, "cq-summary").text
    _drop_into_the_project(files[0], tmp_path / "project", original)


def _drop_into_the_project(saved: Path, project: Path, original: Response) -> None:
    """The list sends the file back; the coalition puts it in responses/: the project validates
    with the saved answers in place of the recorded ones."""
    shutil.copytree(example_path(), project)
    (project / "responses" / f"{original.respondent}.yaml").unlink()
    shutil.copy(saved, project / "responses" / f"{original.respondent}.json")
    checked = check_project(project)
    assert checked.ok, [issue.where() + " " + issue.code for issue in checked.errors]
    assert checked.project is not None
    loaded = checked.project.responses_by_respondent[original.respondent]
    assert loaded.answers == original.answers


def test_a_required_question_left_empty_is_announced_and_blocks_saving(
    browser: WebDriver, aix2026: Project, tmp_path: Path
) -> None:
    required = next(q for q in aix2026.questionnaire.questions if q.required)
    original = next(r for r in aix2026.responses if r.respondent == "aix-ensemble")
    saved = _open(browser, aix2026, tmp_path)
    answers = {k: v for k, v in original.answers.items() if k != required.id}
    _fill(browser, original.model_copy(update={"answers": answers}))
    browser.find_element(By.ID, "cq-save").click()

    error = browser.find_element(By.ID, f"err-{required.id}")
    assert "obligatoire" in error.text
    assert error.get_attribute("aria-live") == "polite"
    controls = browser.find_elements(By.NAME, f"a-{required.id}")
    assert controls
    for control in controls:
        assert f"err-{required.id}" in (control.get_attribute("aria-describedby") or "").split()
        assert control.get_attribute("aria-invalid") == "true"
    summary = browser.find_element(By.ID, "cq-summary")
    assert summary.get_attribute("role") == "alert"
    assert required.id in summary.text
    assert browser.switch_to.active_element == controls[0]
    assert _saved_files(saved, wait=1) == []

    Select(browser.find_element(By.ID, f"na-{required.id}")).select_by_value("declined")
    browser.find_element(By.ID, "cq-save").click()
    assert len(_saved_files(saved, wait=10)) == 1
    assert error.text == ""


def test_hostile_texts_are_shown_never_run(
    browser: WebDriver, aix2026: Project, tmp_path: Path
) -> None:
    # required questions first: left empty, their texts go through the script's data into the
    # error summary
    order = sorted(aix2026.questionnaire.questions, key=lambda q: not q.required)
    hostile = dict(zip((q.id for q in order), PAYLOADS + HOSTILE_STRINGS, strict=False))
    questions = tuple(
        q.model_copy(update={"text": {"fr": hostile[q.id], "en": hostile[q.id]}})
        if q.id in hostile
        else q
        for q in aix2026.questionnaire.questions
    )
    respondents = tuple(
        r.model_copy(update={"name": s})
        for r, s in zip(aix2026.respondents, PAYLOADS, strict=False)
    )
    questionnaire = aix2026.questionnaire.model_copy(update={"questions": questions})
    project = aix2026.model_copy(
        update={"questionnaire": questionnaire, "respondents": respondents, "responses": ()}
    )
    _open(browser, project, tmp_path)
    browser.find_element(By.ID, "cq-save").click()  # the summary shows every question's text
    browser.find_element(By.ID, "cq-switch").click()
    browser.find_element(By.ID, "cq-save").click()
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    for question in questions:
        shown = browser.execute_script(
            "return document.querySelector(arguments[0]).textContent",
            f"#q-{question.id} legend span[lang='fr']",
        )
        assert shown == _as_html_reads(question.text["fr"])  # type: ignore[index]
    options = browser.find_elements(By.CSS_SELECTOR, "#cq-respondent option")
    names = {o.get_attribute("textContent") for o in options}
    assert set(PAYLOADS) <= names
    summary = browser.find_element(By.ID, "cq-summary").get_attribute("textContent") or ""
    assert all(_as_html_reads(s) in summary for s in PAYLOADS)
