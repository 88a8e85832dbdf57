"""Helpers for the report's tests: build a site, parse its pages with the standard library."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import civicquest
from civicquest.models import Project

__all__ = [
    "COMMUNE_PAGE_TYPES",
    "METROPOLE",
    "PAGE_TYPES",
    "TERRITORY_PAGE_TYPES",
    "Page",
    "build",
    "pages",
    "parse",
]

#: the fictional project of three communes (docs/communes.md)
METROPOLE = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "metropole"
#: a multi-commune site: the territory's pages, under ``fr/`` and ``en/``
TERRITORY_PAGE_TYPES = ("index.html", "across.html", "data.html", "voter.html")
#: and one page of each type of a commune's section (Rennes, where r3 is asked)
COMMUNE_PAGE_TYPES = tuple(
    f"communes/35238/{page}"
    for page in (
        "index.html",
        "compare/index.html",
        "compare/theme-reseau.html",
        "lists/rennes-a.html",
        "lists/rennes-c.html",
        "questions/index.html",
        "questions/r3.html",
        "methodology.html",
        "voter.html",
    )
)

#: one page of each type, as a path under ``fr/`` and ``en/``
PAGE_TYPES = (
    "index.html",
    "compare/index.html",
    "compare/theme-partenariat.html",
    "compare/competence-commune.html",
    "lists/aix-ensemble.html",
    "lists/aix-quartiers.html",
    "questions/index.html",
    "questions/p01.html",
    "methodology.html",
    "data.html",
    "voter.html",
)


@dataclass
class Page:
    """A parsed page: its elements (tag, attributes), its text, its ids, its <html lang>."""

    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    text_parts: list[str] = field(default_factory=list)
    script_texts: list[str] = field(default_factory=list)  # of the scripts a browser runs
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
        self.script: str | None = None  # "run" or "data" inside a <script>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.page.elements.append((tag, values))
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "script":  # data for scripts (type="application/json") is not run
            script_type = values.get("type", "text/javascript").lower()
            self.script = "run" if script_type in ("text/javascript", "module") else "data"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.script = None

    def handle_data(self, data: str) -> None:
        if self.script is None:
            self.page.text_parts.append(data)
        elif self.script == "run":
            self.page.script_texts.append(data)


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
