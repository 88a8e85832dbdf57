"""Test helpers: our exports read back by the front ends' own parsers (node), and shown as text."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import warnings
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from civicquest import export
from civicquest.models import Project
from civicquest.plugins import ExportWarning

__all__ = ["JS", "exported", "mat_o_wahl", "open_election_compass", "shown", "update_golden"]

JS = Path(__file__).resolve().parents[1] / "js"
INSTALL = f"npm ci --prefix {JS.relative_to(JS.parents[2])}  (or: make node-deps)"


def exported(project: Project, fmt: str, lang: str = "fr", **options: Any) -> Any:
    """``export`` with its ExportWarnings kept quiet (tests about warnings ask for them)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExportWarning)
        return export(project, fmt, options, lang=lang)


def _node(script: str, *args: str) -> Any:
    node = shutil.which("node")
    assert node, "node is missing: install Node.js (apt-get install nodejs npm), then " + INSTALL
    for package in ("jquery-csv", "@intlify/core-base"):
        assert (JS / "node_modules" / package).is_dir(), f"{package} is missing: run {INSTALL}"
    run = subprocess.run(
        [node, str(JS / script), *args],
        cwd=JS,
        capture_output=True,
        check=False,
        env={**os.environ, "NODE_OPTIONS": ""},
    )
    assert run.returncode == 0, run.stderr.decode(errors="replace")
    return json.loads(run.stdout)


def mat_o_wahl(files: Mapping[str, bytes], folder: Path) -> Any:
    """What Mat-O-Wahl reads from an export (``js/mow-check.cjs``)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content)
    return _node("mow-check.cjs", str(folder))


def open_election_compass(config: bytes, folder: Path) -> Any:
    """What the OpenElectionCompass client shows from a configuration (``js/oec-check.cjs``)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.json"
    path.write_bytes(config)
    return _node("oec-check.cjs", str(path))


class _TextOnly(HTMLParser):
    """The text a browser shows for an HTML fragment; any element but ``<br>`` is an error."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.elements: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not attrs:
            self.parts.append("\n")
        else:
            self.elements.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.elements.append("/" + tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_comment(self, data: str) -> None:
        self.elements.append("!--")


def shown(fragment: str) -> str:
    """What Mat-O-Wahl's page shows for a cell it puts in as HTML; fails on any markup but <br>."""
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    assert parser.elements == [], (parser.elements, fragment[:120])
    assert "<" not in fragment.replace("<br />", "")
    assert ">" not in fragment.replace("<br />", "")
    assert "'" not in fragment
    assert '"' not in fragment
    return "".join(parser.parts)


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """``pytest --update-golden`` (the option of the repository's tests/conftest.py)."""
    try:
        return bool(request.config.getoption("--update-golden"))
    except ValueError:
        return False
