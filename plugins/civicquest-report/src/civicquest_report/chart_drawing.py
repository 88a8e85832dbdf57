"""Drawing a horizontal bar chart as inline SVG with its data table (no words of its own).

The geometry is computed here, in viewBox units; the markup is written by the Jinja2 templates
``charts/figure.html.j2`` and ``charts/bars.svg.j2`` (autoescaped), so a name is always text.
The viewBox is as wide as a phone's column, so that the labels stay readable at 390 px.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

__all__ = [
    "AXIS_LENGTH",
    "AXIS_START",
    "Bar",
    "BarChart",
    "DrawnBar",
    "bar_length",
    "label_lines",
    "layout",
    "render_chart",
    "render_section",
    "short_label",
]

#: viewBox width: a phone's column (390 px less its margins), so 13-unit text stays 13 px there
WIDTH = 350
AXIS_START = 4.0
AXIS_LENGTH = 290.0
TICKS = (0, 25, 50, 75, 100)
TOP = 24  # room for the tick labels above the first bar
LINE = 16  # height of a line of a label
BAR_ROW = 28  # the bar and its value, under the label
LABEL_LIMIT = 46  # characters on a line of a label
LABEL_LINES = 2  # lines of a label at most (the table has it whole)

#: characters XML 1.0 refuses (C0 controls but tab and line breaks, surrogates, U+FFFE/F)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_ENVIRONMENT = Environment(
    loader=PackageLoader("civicquest_report"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label, its value 0-100 (None: said in words, not drawn), the value shown."""

    label: str
    value: float | None
    shown: str
    overall: bool = False


@dataclass(frozen=True, slots=True)
class BarChart:
    """A chart and what is said about it; ``id`` must be unique in the page."""

    id: str
    title: str
    description: str
    caption: str
    note: str
    label_header: str
    value_header: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True, slots=True)
class DrawnBar:
    """A bar placed in the viewBox: where its label, bar and value go."""

    bar: Bar
    lines: tuple[tuple[str, int], ...]  # the label's lines and their baselines
    bar_y: int
    length: float | None
    value_x: float
    value_y: int


def bar_length(value: float) -> float:
    """The length of the bar of a score 0-100 (clamped), in viewBox units."""
    return AXIS_LENGTH * min(max(value, 0.0), 100.0) / 100.0


def short_label(text: str, limit: int = LABEL_LIMIT) -> str:
    """``text`` on one line, without what XML refuses, cut to ``limit`` characters with "…"."""
    flat = " ".join(xml_text(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def label_lines(text: str) -> tuple[str, ...]:
    """``text`` wrapped at word boundaries in at most two lines, the rest cut with "…"."""
    words = " ".join(xml_text(text).split()).split(" ")
    lines: list[str] = []
    while words and len(lines) < LABEL_LINES:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= LABEL_LIMIT:
            line += " " + words.pop(0)
        lines.append(line)
    if words or any(len(line) > LABEL_LIMIT for line in lines):
        lines[-1] = short_label(lines[-1] + " …", LABEL_LIMIT)
    return tuple(short_label(line) for line in lines)


def xml_text(text: str) -> str:
    """``text`` without the characters an XML parser refuses (no one's text)."""
    return _NOT_XML.sub("", text)


def layout(bars: tuple[Bar, ...]) -> tuple[tuple[DrawnBar, ...], int]:
    """Every bar placed, and the height of the viewBox."""
    drawn = []
    top = TOP
    for bar in bars:
        lines = label_lines(bar.label)
        below = top + LINE * len(lines)
        length = None if bar.value is None else bar_length(bar.value)
        drawn.append(
            DrawnBar(
                bar=bar,
                lines=tuple((line, top + 14 + LINE * n) for n, line in enumerate(lines)),
                bar_y=below + 4,
                length=length,
                value_x=AXIS_START + (length or 0.0) + (4 if length is not None else 0),
                value_y=below + 16,
            )
        )
        top = below + BAR_ROW
    return tuple(drawn), top + 4


def render_chart(chart: BarChart) -> Markup:
    """The figure: caption, SVG and data table."""
    drawn, height = layout(chart.bars)
    ticks = [(tick, AXIS_START + bar_length(tick)) for tick in TICKS]
    html = _ENVIRONMENT.get_template("charts/figure.html.j2").render(
        chart=chart,
        drawn=drawn,
        width=WIDTH,
        height=height,
        ticks=ticks,
        axis_start=AXIS_START,
        axis_length=AXIS_LENGTH,
        xml_text=xml_text,
        short_label=short_label,
    )
    return Markup(html)


def render_section(heading_id: str, heading: str, intro: str, figures: list[Markup]) -> Markup:
    """Charts under their own ``<h2>``, with an introduction (empty: none)."""
    template = _ENVIRONMENT.get_template("charts/section.html.j2")
    return Markup(
        template.render(heading_id=heading_id, heading=heading, intro=intro, figures=figures)
    )
