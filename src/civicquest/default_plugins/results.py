"""Readable renderings of score and match reports: text tables and CSV.

Display rounding is half up (:func:`civicquest.round_half_up`), as in the browser tools (never
``round()``, which rounds halves to even); numbers are written as the language writes them
(:mod:`civicquest.text.numbers`, CLDR) and words come from the catalogue (context ``results``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..models.results import MatchReport, ScoreReport, UnscoredList
from ..plugins import neutralise
from ..text.catalog import N_, pgettext
from ..text.display import show_value
from ..text.labels import unscored_label
from ..text.numbers import format_decimal, format_percent

__all__ = ["half_up", "match_table", "score_csv", "score_table"]

_WORDS = {  # English msgids, translated in the context "results"
    "rank": N_("results", "rank"),
    "list": N_("results", "list"),
    "overall": N_("results", "overall"),
    "levels": N_("results", "answers by level"),
    "unscored": N_("results", "not compared:"),
    "method": N_("results", "method: {method}"),
    "agreement": N_("results", "agreement"),
    "missing": N_("results", "no answer"),
}


def half_up(value: float | None, lang: str = "en") -> str:
    """``value`` rounded half up, as ``lang`` writes numbers, or an en dash for no value."""
    return format_decimal(value, lang)


def _words(lang: str) -> dict[str, str]:
    return {key: pgettext("results", english, lang) for key, english in _WORDS.items()}


def score_table(report: ScoreReport, lang: str = "fr") -> str:
    """A plain-text table: one row per list, overall then per-theme scores, or level counts."""
    words = _words(lang)
    if report.ranked:
        head = (words["rank"], words["list"], words["overall"], *report.themes)
        rows = [
            (
                str(item.rank or "–"),
                item.name,
                half_up(item.score, lang),
                *(half_up(theme.score, lang) for theme in item.themes),
            )
            for item in report.lists
        ]
    else:
        head = (words["list"], words["levels"])
        rows = [(item.name, _levels_text(item.levels, lang)) for item in report.lists]
    lines = [words["method"].format(method=report.reproducibility.method), ""]
    lines += _table([head, *rows])
    lines += _unscored_lines(report.unscored, words, lang)
    return "\n".join(lines)


def _unscored_lines(left: Sequence[UnscoredList], words: dict[str, str], lang: str) -> list[str]:
    if not left:
        return []
    lines = ["", words["unscored"]]
    lines += [
        f"  {show_value(item.name, 200)} ({unscored_label(item.reason, lang)})" for item in left
    ]
    return lines


def _levels_text(levels: dict[str, int], lang: str) -> str:
    return ", ".join(f"{label} {format_decimal(count, lang)}" for label, count in levels.items())


def score_csv(report: ScoreReport) -> str:
    """CSV: one row per list and theme (theme ``*`` is the overall score).

    RFC 4180 like the tabular exports: CRLF rows, so that a line break of any kind in a name is
    quoted, and names a spreadsheet would run as formulas neutralised (see ``restore``).
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["respondent", "name", "status", "rank", "theme", "score", "points", "maximum"])
    for item in report.lists:
        head = [item.respondent, neutralise(item.name), item.status, item.rank or ""]
        writer.writerow([*head, "*", _plain(item.score), "", ""])
        for theme in item.themes:
            writer.writerow([*head, theme.theme, _plain(theme.score), theme.points, theme.maximum])
    return buffer.getvalue()


def _plain(value: float | None) -> str:
    return "" if value is None else repr(value)


def match_table(report: MatchReport, themes: Sequence[str], lang: str = "fr") -> str:
    """A plain-text table of a voter's agreement with each list, best first."""
    words = _words(lang)
    head = (words["rank"], words["list"], words["agreement"], *themes, words["missing"])
    rows = [
        (
            ("=" if item.tied else "") + str(item.rank),
            item.name,
            format_percent(item.agreement, lang),
            *(half_up(theme.agreement, lang) for theme in item.themes),
            format_decimal(len(item.missing), lang),
        )
        for item in report.lists
    ]
    record = report.reproducibility
    rule = record.parameters.get("points", {}).get("rule")
    method = f"{record.method} ({rule})" if rule else record.method
    lines = [words["method"].format(method=method), ""]
    lines += _table([head, *rows])
    lines += _unscored_lines(report.unmatched, words, lang)
    return "\n".join(lines)


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    # Names come from files others wrote: escape control and direction characters for terminals.
    rows = [[show_value(cell, 200) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
