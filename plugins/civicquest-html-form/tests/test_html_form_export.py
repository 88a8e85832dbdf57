"""The ``html-form`` exporter: conformance, self-containment, and data safe inside <script>."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from civicquest_html_form import script_json
from hypothesis import given
from hypothesis import strategies as st

from civicquest import export
from civicquest.models import Project
from civicquest.plugins import ExportOutput
from civicquest.testing import HOSTILE_STRINGS, ExporterConformance, aix2026

__all__ = ["aix2026"]  # fixture


class _Text(HTMLParser):
    """The text a reader sees: element text and option labels, not the style or script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skipping = tag in {"script", "style"}

    def handle_endtag(self, tag: str) -> None:
        self.skipping = False

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _html(project: Project) -> str:
    output = export(project, "html-form")
    assert isinstance(output, bytes)
    return output.decode("utf-8")


class TestHtmlFormConformance(ExporterConformance):
    format_name = "html-form"
    carries = frozenset({"questions", "choices"})

    def output_text(self, output: ExportOutput) -> str:
        assert isinstance(output, bytes)
        parser = _Text()
        parser.feed(output.decode("utf-8"))
        return "\n".join(parser.parts)


def test_nothing_is_fetched_from_the_network(aix2026: Project) -> None:
    html = _html(aix2026)
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html)
    assert not re.search(r"\s(src|href)=", html)
    assert "default-src 'none'" in html


def test_both_languages_are_in_the_file(aix2026: Project) -> None:
    text = _html(aix2026)
    assert "Enregistrer" in text
    assert "Save" in text
    for question in aix2026.questionnaire.questions:
        assert isinstance(question.text, dict)
        for wording in question.text.values():
            assert wording.replace("'", "&#39;").replace('"', "&#34;") in text


def test_every_control_has_a_label(aix2026: Project) -> None:
    html = _html(aix2026)
    ids = re.findall(r'<(?:input|textarea|select)\b[^>]*\bid="([^"]+)"', html)
    labelled = set(re.findall(r'<label for="([^"]+)"', html))
    assert ids
    assert not set(ids) - labelled


@given(st.lists(st.sampled_from([*HOSTILE_STRINGS, "</script>", "\u2028\u2029", "<!--"])))
def test_script_data_cannot_end_its_element(strings: list[str]) -> None:
    text = str(script_json({"texts": strings}))
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == {"texts": strings}
