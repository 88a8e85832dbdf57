"""The report's charts: valid accessible SVG, bars proportional to the scores, tables equal to
the score report (rounded half up), a list without score said in words, hostile names as text."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from civicquest_report.chart_drawing import AXIS_LENGTH
from civicquest_report.charts import list_profile, theme_bars
from hypothesis import given, settings
from hypothesis import strategies as st

import civicquest
from civicquest.models import ListScore, ScoreReport, ThemeScore
from civicquest.plugins import format_decimal
from civicquest.testing import HOSTILE_STRINGS

SVG = "{http://www.w3.org/2000/svg}"
PROJECT = civicquest.load_project(civicquest.example_path("aix2026"))
REPORT = civicquest.score(PROJECT)
THEMES = REPORT.themes


def svgs(markup: str) -> list[ET.Element]:
    """Every <svg> element of ``markup``, parsed by an XML parser (so they must be well formed)."""
    return [ET.fromstring(found) for found in re.findall(r"<svg\b.*?</svg>", markup, re.S)]


def bar_widths(svg: ET.Element) -> list[float]:
    return [
        float(rect.get("width", "nan"))
        for rect in svg.iter(f"{SVG}rect")
        if "cq-bar" in (rect.get("class") or "")
    ]


class _Tables(HTMLParser):
    """The data tables' rows: (header cell, value cell) as text."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables(markup: str) -> list[list[list[str]]]:
    parser = _Tables()
    parser.feed(markup)
    return [rows[1:] for rows in parser.tables]  # without the header row


def report_with(scores: list[list[float | None]], names: list[str] | None = None) -> ScoreReport:
    """``REPORT`` with generated lists: one per row of theme scores."""
    lists = tuple(
        ListScore(
            respondent=f"l{index}",
            name=(names or [f"Liste {index}"] * len(scores))[index],
            status="answered",
            score=next((s for s in row if s is not None), None),
            themes=tuple(
                ThemeScore(theme=theme, score=score, points=0, maximum=1, weight=1)
                for theme, score in zip(THEMES, row, strict=True)
            ),
        )
        for index, row in enumerate(scores)
    )
    return REPORT.model_copy(update={"lists": lists})


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_chart_is_an_svg_image_with_title_desc_caption_and_table(lang: str) -> None:
    markup = str(theme_bars(PROJECT, REPORT, lang)) + str(
        list_profile(PROJECT, REPORT, "aix-avenir", lang)
    )
    found = svgs(markup)
    assert len(found) == len(THEMES) + 1
    for svg in found:
        assert svg.get("role") == "img"
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert title is not None
        assert title.text
        assert desc is not None
        assert desc.text
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert svg.get("viewBox", "").startswith("0 0 350 ")
    assert markup.count("<figcaption") == len(found)
    assert markup.count('<table class="cq-chart-data">') == len(found)
    assert markup.count('<th scope="row">') == len(THEMES) * len(REPORT.lists) + len(THEMES) + 1
    ids = re.findall(r'\bid="([^"]+)"', markup)
    assert len(ids) == len(set(ids)), "an id repeated in the page"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_tables_show_the_report_rounded_half_up(lang: str) -> None:
    markup = str(theme_bars(PROJECT, REPORT, lang))
    for index, rows in enumerate(tables(markup)):
        theme = THEMES[index]
        expected = [
            [
                item.name,
                format_decimal(next(t.score for t in item.themes if t.theme == theme), lang),
            ]
            for item in REPORT.lists
        ]
        assert rows == expected
    profile = tables(str(list_profile(PROJECT, REPORT, "aix-avenir", lang)))[0]
    avenir = next(item for item in REPORT.lists if item.respondent == "aix-avenir")
    values = [row[1] for row in profile]
    assert values == [format_decimal(t.score, lang) for t in avenir.themes] + [
        format_decimal(avenir.score, lang)
    ]
    assert values[-1] == "65"  # 64.76 (docs/scoring.md), half up


def test_a_half_is_rounded_up_in_the_table() -> None:
    report = report_with([[62.5, 0.5, 99.5]])
    rows = [table[0][1] for table in tables(str(theme_bars(PROJECT, report, "en")))]
    assert rows == ["63", "1", "100"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(
            st.one_of(st.none(), st.floats(0, 100)), min_size=len(THEMES), max_size=len(THEMES)
        ),
        min_size=1,
        max_size=8,
    )
)
def test_bar_lengths_are_proportional_to_scores_and_none_is_never_a_bar(
    scores: list[list[float | None]],
) -> None:
    report = report_with(scores)
    markup = str(theme_bars(PROJECT, report, "fr"))
    for index, svg in enumerate(svgs(markup)):
        column = [row[index] for row in scores]
        drawn = [value for value in column if value is not None]
        widths = bar_widths(svg)
        assert len(widths) == len(drawn)  # a list without score has no bar, not a 0 bar
        for value, width in zip(drawn, widths, strict=True):
            assert 0 <= width <= AXIS_LENGTH
            assert width == pytest.approx(value * AXIS_LENGTH / 100, abs=0.006)
        pairs = sorted(zip(drawn, widths, strict=True))
        assert all(a[1] <= b[1] for a, b in itertools.pairwise(pairs))  # monotone
        words = svg.findall(f".//{SVG}text[@font-style='italic']")
        assert len(words) == len(column) - len(drawn)  # said in words instead


def test_a_list_without_score_is_said_in_words_in_the_chart_and_the_table() -> None:
    report = report_with([[40.0, None, 10.0], [20.0, 30.0, 0.0]])
    markup = str(theme_bars(PROJECT, report, "en"))
    second = svgs(markup)[1]
    assert len(bar_widths(second)) == 1
    assert "no score" in ET.tostring(second, encoding="unicode")
    assert tables(markup)[1][0][1].startswith("no score")
    assert bar_widths(svgs(markup)[2]) == [pytest.approx(AXIS_LENGTH * 0.1), 0.0]  # 0 is a score


def test_bars_follow_the_report_order_and_rank_words_only_when_ranked() -> None:
    unranked = civicquest.score(PROJECT, "unranked", order="lot", seed=2026)
    assert str(theme_bars(PROJECT, unranked, "en")) == ""  # no scores, nothing to draw
    alphabetical = REPORT.model_copy(
        update={
            "ranked": False,
            "order": "alphabetical",
            "lists": tuple(sorted(REPORT.lists, key=lambda i: i.name)),
        }
    )
    markup = str(theme_bars(PROJECT, alphabetical, "en"))
    assert [row[0] for row in tables(markup)[0]] == sorted(item.name for item in REPORT.lists)
    assert "alphabetical order" in markup
    assert "highest" not in markup
    assert "highest first" in str(theme_bars(PROJECT, REPORT, "en"))


def test_unscored_lists_are_named_with_their_reason() -> None:
    markup = str(theme_bars(PROJECT, REPORT, "fr"))
    for item in REPORT.unscored:
        assert item.name.replace("'", "&#39;") in markup
    assert "non sollicitée" in markup


@pytest.mark.parametrize("hostile", [*list(HOSTILE_STRINGS), '"onload="alert(1)', "\u202eevil"])
def test_hostile_names_stay_text_in_the_svg_and_the_table(hostile: str) -> None:
    report = report_with([[50.0, 60.0, 70.0]], names=[hostile])
    markup = str(theme_bars(PROJECT, report, "fr")) + str(list_profile(PROJECT, report, "l0", "fr"))
    for svg in svgs(markup):  # well formed: the name did not open any element
        assert {element.tag for element in svg.iter()} <= {
            f"{SVG}{tag}"
            for tag in ("svg", "title", "desc", "defs", "pattern", "rect", "line", "g", "text")
        }
        assert not any(name.startswith("on") for element in svg.iter() for name in element.attrib)
    assert "<script" not in markup
    assert "onload=" not in markup.replace("&#34;onload=", "")
    assert [table[0][0] for table in tables(markup)[: len(THEMES)]] == [hostile] * len(THEMES)
    label = " ".join(hostile.split())[:20]
    texts = " ".join(t.text or "" for svg in svgs(markup) for t in svg.iter(f"{SVG}text"))
    assert label in texts
