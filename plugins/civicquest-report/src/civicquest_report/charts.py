"""Charts as inline, accessible SVG: per-theme bars for every list, and each list's profile.

Templates call these two functions where the charts belong and insert what they return as is:

- ``theme_bars(project, report, lang)`` on the comparison page: one figure per theme, one bar
  per list, in the order of ``report.lists`` (the order the score report publishes);
- ``list_profile(project, report, respondent, lang)`` on each list's page: that list's score on
  each theme, and overall.

Each figure is an SVG drawn by a Jinja2 template (autoescaped: a name is always text) with
``role="img"``, a ``<title>`` and a ``<desc>``, a visible caption and the data table next to it.
Every bar is labelled with its name and value, so colour is never the only cue; a list whose
score is none (every answer excluded) is said in words, never drawn as a 0 bar. Numbers are
written by Babel and rounded half up, like every output of civicquest. Nothing is fetched and
there is no script. Both return an empty :class:`~markupsafe.Markup` when there is nothing to draw
(a report without scores, such as the ``unranked`` and ``levels`` methods, or an unscored list).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from markupsafe import Markup

from civicquest.models import ListScore, Project, ScoreReport
from civicquest.plugins import format_decimal, text_of, translate, unscored_label

from .chart_drawing import Bar, BarChart, render_chart, render_section, short_label
from .typography import french_spacing

__all__ = ["list_profile", "theme_bars"]


def theme_bars(project: Project, report: ScoreReport, lang: str) -> Markup:
    """One bar chart per theme: each list's score on it, in the order of ``report.lists``."""
    if not _has_scores(report.lists):
        return Markup("")
    figures = [
        render_chart(_theme_chart(project, report, index, theme, lang))
        for index, theme in enumerate(report.themes)
    ]
    heading = translate("charts", "Scores by theme", lang)
    intro = translate(
        "charts",
        "How far each list commits on each theme, from 0 (no commitment) to 100 (every "
        "commitment asked for). The methodology page explains how the scores are computed.",
        lang,
    )
    return render_section("cq-theme-charts", heading, intro, figures)


def list_profile(project: Project, report: ScoreReport, respondent: str, lang: str) -> Markup:
    """One list's score on each theme, and overall: one bar per theme."""
    item = next((row for row in report.lists if row.respondent == respondent), None)
    if item is None or not _has_scores([item]):
        return Markup("")
    heading = translate("charts", "Its scores", lang)
    return render_section(
        "cq-profile", heading, "", [render_chart(_profile_chart(project, report, item, lang))]
    )


def _has_scores(lists: Sequence[ListScore]) -> bool:
    return any(item.themes for item in lists)


def _theme_chart(
    project: Project, report: ScoreReport, index: int, theme: str, lang: str
) -> BarChart:
    title = _theme_title(project, theme, lang)
    bars = tuple(_list_bar(item, theme, lang) for item in report.lists)
    return _spaced(
        lang,
        BarChart(
            id=f"cq-theme-chart-{index + 1}",
            title=translate(
                "charts", "Score of each list on the theme “{theme}”, from 0 to 100", lang
            ).format(theme=title),
            description=translate(
                "charts",
                "One horizontal bar per list, its length proportional to the score; {order}. "
                "The values are in the table that follows.",
                lang,
            ).format(order=_order_words(report, lang)),
            caption=translate("charts", "{theme}: score of each list (0 to 100)", lang).format(
                theme=title
            ),
            note=_unscored_note(report, lang),
            label_header=translate("charts", "List", lang),
            value_header=translate("charts", "Score on this theme (0 to 100)", lang),
            bars=bars,
        ),
    )


def _profile_chart(project: Project, report: ScoreReport, item: ListScore, lang: str) -> BarChart:
    overall = Bar(
        label=translate("charts", "Overall (weighted average of the themes)", lang),
        value=item.score,
        shown=_score_text(item.score, lang),
        overall=True,
    )
    themes = tuple(
        Bar(
            label=_theme_title(project, theme.theme, lang),
            value=theme.score,
            shown=_score_text(theme.score, lang),
        )
        for theme in item.themes
    )
    return _spaced(
        lang,
        BarChart(
            id=f"cq-profile-{item.respondent}",
            title=translate("charts", "Scores of {name} on each theme, from 0 to 100", lang).format(
                name=short_label(item.name)
            ),
            description=translate(
                "charts",
                "One horizontal bar per theme, its length proportional to the score, then the "
                "overall score (hatched). The values are in the table that follows.",
                lang,
            ),
            caption=translate(
                "charts", "{name}: score on each theme and overall (0 to 100)", lang
            ).format(name=short_label(item.name)),
            note="",
            label_header=translate("charts", "Theme", lang),
            value_header=translate("charts", "Score (0 to 100)", lang),
            bars=(*themes, overall),
        ),
    )


def _list_bar(item: ListScore, theme: str, lang: str) -> Bar:
    score = next((t.score for t in item.themes if t.theme == theme), None)
    return Bar(label=item.name, value=score, shown=_score_text(score, lang))


def _score_text(score: float | None, lang: str) -> str:
    if score is None:
        return translate("charts", "no score: all its answers excluded", lang)
    return format_decimal(score, lang)


def _theme_title(project: Project, theme: str, lang: str) -> str:
    found = next((t for t in project.questionnaire.themes if t.id == theme), None)
    return theme if found is None else text_of(project, found.title, lang)


def _order_words(report: ScoreReport, lang: str) -> str:
    if report.ranked and report.order == "score":
        return translate("charts", "lists in order of their overall score, highest first", lang)
    if report.order == "lot":
        seed = report.reproducibility.parameters.get("options", {}).get("seed")
        return translate(
            "charts", "lists in the order drawn by lot (published seed: {seed})", lang
        ).format(seed=seed)
    return translate("charts", "lists in alphabetical order", lang)


def _unscored_note(report: ScoreReport, lang: str) -> str:
    if not report.unscored:
        return ""
    names = ", ".join(
        f"{short_label(item.name)} ({unscored_label(item.reason, lang)})"
        for item in report.unscored
    )
    return translate("charts", "Not compared, so not drawn: {names}.", lang).format(names=names)


def _spaced(lang: str, chart: BarChart) -> BarChart:
    """In French, the chart's sentences get French spacing (U+202F before ``:`` and ``?``…), as
    the PDF's text does; the names in its bars and table are the lists' own, left as written."""
    if not lang.startswith("fr"):
        return chart
    return replace(
        chart,
        title=french_spacing(chart.title),
        description=french_spacing(chart.description),
        caption=french_spacing(chart.caption),
        note=french_spacing(chart.note),
    )
