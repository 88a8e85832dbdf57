"""The tutorial's plugin, checked with civicquest's conformance suite."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from civicquest import export
from civicquest.models import Project
from civicquest.plugins import ExportOutput
from civicquest.testing import CARRIED, ExporterConformance, aix2026, hostile_project, list_plugins

__all__ = ["aix2026"]  # fixture


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.add(tag)


def test_the_plugin_is_discovered_through_its_entry_point() -> None:
    info = {p.name: p for p in list_plugins(include_defaults=False)}["example-html"]
    assert info.provides == {"exporters": ("html",)}


def test_hostile_text_is_escaped(aix2026: Project) -> None:
    output = export(hostile_project(aix2026), "html")
    assert isinstance(output, bytes)
    parser = _Tags()
    parser.feed(output.decode())
    assert parser.tags == {
        "html",
        "head",
        "meta",
        "title",
        "body",
        "main",
        "h1",
        "h2",
        "table",
        "tr",
        "th",
        "td",
        "br",
    }


class TestHtmlConformance(ExporterConformance):
    format_name = "html"
    carries = CARRIED - {"response_comments", "evidence"}

    def output_text(self, output: ExportOutput) -> str:
        assert isinstance(output, bytes)
        return html.unescape(output.decode().replace("<br>", "\n"))

    def normalise(self, text: str) -> str:
        return re.sub(r"\s+", " ", text)
