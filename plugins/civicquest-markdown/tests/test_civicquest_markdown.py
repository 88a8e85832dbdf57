"""civicquest-markdown: documents render (CommonMark) to exactly the text written, never markup."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from civicquest_markdown import block, inline
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from civicquest import export
from civicquest.models import Project
from civicquest.plugins import ExportOutput
from civicquest.testing import ExporterConformance, aix2026, hostile_project, list_plugins

__all__ = ["aix2026"]  # fixture

RENDERER = MarkdownIt("commonmark")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)
        self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rendered(markdown: str) -> _Text:
    parser = _Text()
    parser.feed(RENDERER.render(markdown))
    return parser


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_the_plugin_is_discovered_through_its_entry_point() -> None:
    info = {p.name: p for p in list_plugins(include_defaults=False)}["markdown"]
    assert info.provides == {"exporters": ("markdown",)}


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_characters="\x00\r"), max_size=80))
def test_any_text_renders_as_itself_and_never_as_markup(text: str) -> None:
    parser = rendered(block(text))
    assert set(parser.tags) <= {"blockquote", "p", "br"}
    assert words("".join(parser.parts)) == words(text)


def test_an_inline_text_stays_inline() -> None:
    parser = rendered(f"**{inline('<img src=x onerror=alert(1)> # [a](b)')}**")
    assert parser.tags == ["p", "strong"]


def test_the_questionnaire_document_has_boxes_for_every_option(aix2026: Project) -> None:
    output = export(aix2026, "markdown", {"document": "questionnaire"})
    assert isinstance(output, bytes)
    text = output.decode()
    boxes = sum(
        len(aix2026.scales_by_id[q.scale].options)
        for q in aix2026.questionnaire.questions
        if hasattr(q, "scale")
    )
    assert text.count("- ☐ ") == boxes
    for question in aix2026.questionnaire.questions:
        assert f"### {question.id}. " in text


@pytest.mark.parametrize("document", ["answers", "questionnaire"])
def test_hostile_text_never_becomes_html(aix2026: Project, document: str) -> None:
    output = export(hostile_project(aix2026), "markdown", {"document": document})
    assert isinstance(output, bytes)
    tags = set(rendered(output.decode()).tags)
    assert tags <= {"h1", "h2", "h3", "p", "strong", "em", "blockquote", "br", "ul", "li"}


class TestMarkdownConformance(ExporterConformance):
    format_name = "markdown"

    def output_text(self, output: ExportOutput) -> str:
        assert isinstance(output, bytes)
        return "".join(rendered(output.decode()).parts)

    def normalise(self, text: str) -> str:
        return words(text)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40))
@example("Liste\r# Faux titre")
@example("a #")
@example("a\n##")
def test_a_heading_stays_one_heading_whatever_its_line_breaks(text: str) -> None:
    parser = rendered(f"## {inline(text)}")
    assert parser.tags == ["h2"]
    assert words("".join(parser.parts)) == words(text)


def test_a_carriage_return_in_a_list_name_keeps_its_heading(aix2026: Project) -> None:
    first = aix2026.respondents[0]
    renamed = first.model_copy(update={"name": "Liste\rpas un titre\r\n# Faux titre"})
    project = aix2026.model_copy(update={"respondents": (renamed, *aix2026.respondents[1:])})
    output = export(project, "markdown")
    assert isinstance(output, bytes)
    html = RENDERER.render(output.decode())
    assert "<h2>Liste pas un titre # Faux titre</h2>" in html
    assert html.count("<h1>") == 1
