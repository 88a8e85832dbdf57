"""Hostile text in every field of the report renders as text: no script, no event handler and no
``javascript:`` link from the data ever reaches the parsed pages, and in Chromium a payload that
would set ``window.pwned`` never runs."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from report_hostile import BAD_URL, PAYLOAD, hostile_report_project
from report_pages import build, pages
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

from civicquest.models import Project
from civicquest.testing import aix2026, write_output

__all__ = ["aix2026"]  # fixture

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PAGE_TYPES = (
    "index.html",
    "fr/index.html",
    "en/compare/index.html",
    "fr/compare/theme-partenariat.html",
    "en/lists/aix-ensemble.html",
    "fr/lists/aix-quartiers.html",
    "en/questions/index.html",
    "fr/questions/p01.html",
    "en/methodology.html",
    "fr/data.html",
    "en/voter.html",
)


@pytest.fixture(scope="module")
def hostile_site(aix2026: Project) -> dict[str, bytes]:
    return build(hostile_report_project(aix2026))


def test_hostile_text_never_becomes_markup(hostile_site: dict[str, bytes]) -> None:
    for path, page in pages(hostile_site).items():
        for tag, attributes in page.elements:
            assert tag not in ("img", "svg"), (path, tag)
            assert not [name for name in attributes if name.startswith("on")], (path, tag)
            for name in ("href", "src", "action", "formaction"):
                assert not attributes.get(name, "").strip().lower().startswith("javascript:")
        assert not any("pwned" in script for script in page.script_texts), path


def test_hostile_text_is_shown_as_text(hostile_site: dict[str, bytes]) -> None:
    parsed = pages(hostile_site)
    home = parsed["en/index.html"].text
    assert home.count(" ".join(PAYLOAD.split())) >= 20  # names, reasons, letter, organisers…
    assert "x" * 20_000 in home  # the letter's intent, whole
    list_page = parsed["en/lists/aix-ensemble.html"].text
    assert BAD_URL in list_page  # an evidence URL that is not http(s) is shown, not linked
    assert "\u202e" in list_page


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


def test_no_payload_runs_in_the_browser(
    hostile_site: dict[str, bytes], browser: WebDriver, tmp_path: Path
) -> None:
    folder = tmp_path / "site"
    write_output(hostile_site, folder, "report")
    for page in PAGE_TYPES:
        browser.get((folder / page).as_uri())
        assert browser.execute_script("return document.readyState") == "complete"
        assert browser.execute_script("return typeof window.pwned") == "undefined", page
        assert browser.execute_script("return document.title"), page


@pytest.mark.parametrize("width", [390, 1280])
def test_pages_fit_the_screen_without_sideways_scrolling(
    aix2026: Project, browser: WebDriver, tmp_path: Path, width: int
) -> None:
    folder = tmp_path / "site"
    write_output(build(aix2026), folder, "report")
    browser.set_window_size(width, 900)
    for page in PAGE_TYPES:
        browser.get((folder / page).as_uri())
        inner = browser.execute_script("return document.documentElement.clientWidth")
        scroll = browser.execute_script("return document.documentElement.scrollWidth")
        assert scroll <= inner, (page, width, scroll, inner)
