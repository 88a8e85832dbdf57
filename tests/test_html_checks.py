"""civicquest.testing's HTML checks find what they promise: the Nu HTML Checker's errors, file by
file in one run, and axe-core's serious violations at desktop and phone widths."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from civicquest.testing import WIDTHS, axe_violations, chromium_at_width, html_errors

__all__ = ["chromium_at_width"]  # fixture

VALID = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Réponses</title></head>
<body><main><h1>Réponses</h1><p>Un texte lisible.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="un point"></main></body></html>
"""
# an unclosed element, a duplicate id, an image without alt, no title: errors for the checker
INVALID = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"></head>
<body><div id="x"></div><div id="x"><span>texte</div><img src="a.png"></body></html>
"""
# text hard to read, an image without a text alternative, a field without a label
INACCESSIBLE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Inaccessible</title></head>
<body><main><h1>Titre</h1><p style="color:#ccc;background:#fff">gris pâle</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_valid_pages_have_no_error_and_errors_name_their_file(tmp_path: Path) -> None:
    valid = _write(tmp_path, "valide.html", VALID)
    invalid = _write(tmp_path, "invalide avec espace.html", INVALID)
    errors = html_errors([valid, invalid])
    assert errors
    assert {e.path for e in errors} == {invalid}
    assert any("Duplicate ID" in e.message for e in errors)
    assert all(e.line is not None and str(e).startswith(f"{invalid}:") for e in errors)


def test_no_page_means_no_run() -> None:
    assert html_errors([]) == []


def test_a_missing_checker_fails_and_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CIVICQUEST_HTML_CHECK_MODULES", str(tmp_path / "nowhere"))
    page = _write(tmp_path, "valide.html", VALID)
    with pytest.raises(pytest.fail.Exception, match="make node-deps"):
        html_errors([page])


def test_the_browser_is_as_wide_as_asked(
    chromium_at_width: WebDriver, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    chromium_at_width.get(_write(tmp_path, "valide.html", VALID).as_uri())
    width = request.node.callspec.params["chromium_at_width"]
    assert width in WIDTHS
    assert chromium_at_width.execute_script("return window.innerWidth") == width


def test_axe_finds_serious_violations(chromium_at_width: WebDriver, tmp_path: Path) -> None:
    chromium_at_width.get(_write(tmp_path, "inaccessible.html", INACCESSIBLE).as_uri())
    found = {v.rule for v in axe_violations(chromium_at_width)}
    assert {"color-contrast", "image-alt", "label"} <= found
    chromium_at_width.get(_write(tmp_path, "valide.html", VALID).as_uri())
    assert axe_violations(chromium_at_width) == []


def test_axe_keeps_only_the_impacts_asked(chromium_at_width: WebDriver, tmp_path: Path) -> None:
    chromium_at_width.get(_write(tmp_path, "inaccessible.html", INACCESSIBLE).as_uri())
    critical = axe_violations(chromium_at_width, impact=("critical",))
    assert critical
    assert {v.impact for v in critical} == {"critical"}
