"""Helpers for the report's tests: build a site, parse its pages with the standard library."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import civicquest
from civicquest.models import Project

__all__ = ["Page", "build", "pages", "parse"]


@dataclass
class Page:
    """A parsed page: its elements (tag, attributes), its text, its ids, its <html lang>."""

    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    text_parts: list[str] = field(default_factory=list)
    script_texts: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    @property
    def lang(self) -> str:
        return next(attrs.get("lang", "") for tag, attrs in self.elements if tag == "html")

    def links(self) -> list[tuple[str, str, str]]:
        """(tag, attribute, value) of every href and src."""
        return [
            (tag, name, value)
            for tag, attrs in self.elements
            for name, value in attrs.items()
            if name in ("href", "src")
        ]


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.page.elements.append((tag, values))
        if "id" in values:
            self.page.ids.add(values["id"])
        self.in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        (self.page.script_texts if self.in_script else self.page.text_parts).append(data)


def parse(html: bytes) -> Page:
    page = Page()
    parser = _Parser(page)
    parser.feed(html.decode("utf-8"))
    parser.close()
    return page


def build(project: Project) -> dict[str, bytes]:
    """The site of ``project`` with its default score report, as the exporter builds it."""
    output = civicquest.export(project, "report", results=civicquest.score(project))
    assert isinstance(output, dict)
    return dict(output)


def pages(files: dict[str, bytes]) -> dict[str, Page]:
    return {path: parse(content) for path, content in files.items() if path.endswith(".html")}
