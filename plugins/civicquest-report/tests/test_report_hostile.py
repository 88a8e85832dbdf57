"""Hostile text in every field of the report renders as text: no script, no event handler and no
``javascript:`` link from the data ever reaches the parsed pages, and in Chromium a payload that
would set ``window.pwned`` never runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_hostile import BAD_URL, PAYLOAD, hostile_communes, hostile_report_project
from report_pages import (
    COMMUNE_PAGE_TYPES,
    METROPOLE,
    PAGE_TYPES,
    TERRITORY_PAGE_TYPES,
    build,
    pages,
)
from selenium.webdriver.remote.webdriver import WebDriver

import civicquest
from civicquest.models import Project
from civicquest.testing import aix2026, chromium, chromium_at_width, write_output

__all__ = ["aix2026", "chromium_at_width"]  # fixtures


@pytest.fixture(scope="module")
def hostile_site(aix2026: Project) -> dict[str, bytes]:
    return build(hostile_report_project(aix2026))


def test_hostile_text_never_becomes_markup(hostile_site: dict[str, bytes]) -> None:
    for path, page in pages(hostile_site).items():
        for tag, attributes in page.elements:
            assert not (tag == "img" and attributes.get("src") == "x"), path
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


def _every_page_type() -> list[str]:
    return ["index.html", *(f"{lang}/{page}" for lang in ("fr", "en") for page in PAGE_TYPES)]


def test_no_payload_runs_in_the_browser(hostile_site: dict[str, bytes], tmp_path: Path) -> None:
    folder = tmp_path / "site"
    write_output(hostile_site, folder, "report")
    with chromium() as browser:
        for page in _every_page_type():
            browser.get((folder / page).as_uri())
            assert browser.execute_script("return document.readyState") == "complete"
            assert browser.execute_script("return typeof window.pwned") == "undefined", page
            assert browser.execute_script("return document.title"), page


def test_pages_fit_the_screen_without_sideways_scrolling(
    aix2026: Project, chromium_at_width: WebDriver, tmp_path: Path
) -> None:
    folder = tmp_path / "site"
    write_output(build(aix2026), folder, "report")
    for page in _every_page_type():
        chromium_at_width.get((folder / page).as_uri())
        inner = chromium_at_width.execute_script("return document.documentElement.clientWidth")
        scroll = chromium_at_width.execute_script("return document.documentElement.scrollWidth")
        assert scroll <= inner, (page, scroll, inner)


def test_hostile_commune_names_render_as_text_and_never_run(tmp_path: Path) -> None:
    files = build(hostile_communes(civicquest.load_project(METROPOLE)))
    parsed = pages(files)
    for path, page in parsed.items():
        for tag, attributes in page.elements:
            assert not (tag == "img" and attributes.get("src") == "x"), path
            assert not [name for name in attributes if name.startswith("on")], (path, tag)
        assert not any("pwned" in script for script in page.script_texts), path
    shown = " ".join(PAYLOAD.split())
    assert parsed["en/index.html"].text.count(shown) >= 4  # territory and communes
    assert "x" * 20_000 in parsed["en/index.html"].text
    assert shown in parsed["en/across.html"].text
    assert shown in parsed["fr/communes/35051/index.html"].text
    folder = tmp_path / "site"
    write_output(files, folder, "report")
    with chromium() as browser:
        for lang in ("fr", "en"):
            for page in (*TERRITORY_PAGE_TYPES, *COMMUNE_PAGE_TYPES):
                browser.get((folder / lang / page).as_uri())
                assert browser.execute_script("return typeof window.pwned") == "undefined", page
