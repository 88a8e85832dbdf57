"""Score and match results as exporters: text tables, CSV and JSON (``needs="results"``).

``civicquest score`` and ``civicquest match`` render their output through these exporters, and
``civicquest export --format score-csv`` reaches them too: :attr:`ExportInput.results` holds a
``ScoreReport`` (or a ``MatchReport`` for the ``match-*`` formats, which only
``civicquest match`` can give).

Display rounding is half up (:func:`civicquest.round_half_up`), as in the browser tools (never
``round()``, which rounds halves to even); numbers are written as the language writes them
(:mod:`civicquest.text.numbers`, CLDR) and words come from the catalogue (context ``results``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping, Sequence

from pydantic import BaseModel

from ..models import Questionnaire, localize
from ..models.results import ListScore, MatchReport, ScoreReport, UnscoredList
from ..models.scoring import MISSING_CASES
from ..plugins import Exporter, ExportInput, UsageError, hookimpl, neutralise
from ..text.catalog import N_, pgettext
from ..text.display import show_value
from ..text.labels import missing_case_label, unscored_label
from ..text.numbers import format_decimal, format_percent

__all__ = [
    "half_up",
    "match_table",
    "register_exporters",
    "score_csv",
    "score_table",
    "table_lines",
]

_WORDS = {  # English msgids, translated in the context "results"
    "rank": N_("results", "rank"),
    "list": N_("results", "list"),
    "overall": N_("results", "overall"),
    "levels": N_("results", "answers by level"),
    "unscored": N_("results", "not compared:"),
    "method": N_("results", "method: {method}"),
    "agreement": N_("results", "agreement"),
    "missing": N_("results", "no answer"),
    "waiting": N_("results", "waiting for the lists' answers"),
    "level": N_("results", "{label}: {count}"),
    "signs": N_("results", "signs"),
    "yes": N_("results", "yes"),
    "no": N_("results", "no"),
}


def half_up(value: float | None, lang: str = "en") -> str:
    """``value`` rounded half up, as ``lang`` writes numbers, or an en dash for no value."""
    return format_decimal(value, lang)


def _words(lang: str) -> dict[str, str]:
    return {key: pgettext("results", english, lang) for key, english in _WORDS.items()}


def score_table(
    report: ScoreReport,
    lang: str = "fr",
    communes: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
) -> str:
    """A plain-text table: one row per list, overall then per-theme scores, or level counts.

    With ``communes`` (INSEE code -> name, for a questionnaire sent in several communes), one
    table per commune under its name: lists are compared only within their commune.
    ``labels`` names each level (option code or ``missing:<case>``) for people; see
    :func:`level_names`.
    """
    words = _words(lang)
    words_labels = (words, labels or {})
    lines = [words["method"].format(method=report.reproducibility.method)]
    if communes is None:
        lines += ["", *_lists_table(report, report.lists, words_labels, lang)]
        return "\n".join(lines + _unscored_lines(report.unscored, words, lang))
    for code, name in communes.items():
        mine = [item for item in report.lists if item.commune == code]
        left = [item for item in report.unscored if item.commune == code]
        if not mine and not left:
            continue
        lines += ["", f"== {code} {show_value(name, 200)} =="]
        if any(item.status in _HAS_ANSWERS for item in mine):
            lines += _lists_table(report, mine, words_labels, lang)
        else:
            lines.append(words["waiting"])
        lines += _unscored_lines(left, words, lang)
    return "\n".join(lines)


_HAS_ANSWERS = frozenset({"answered", "partial", "outside_form"})


def _lists_table(
    report: ScoreReport,
    lists: Sequence[ListScore],
    words_labels: tuple[dict[str, str], Mapping[str, str]],
    lang: str,
) -> list[str]:
    words, labels = words_labels
    if report.ranked:
        head = (words["rank"], words["list"], words["overall"], *report.themes)
        rows = [
            (
                str(item.rank or "–"),
                item.name,
                half_up(item.score, lang),
                *(half_up(theme.score, lang) for theme in item.themes),
            )
            for item in lists
        ]
    else:
        head = (words["list"], words["levels"])
        rows = [
            (item.name, _levels_text(item.levels, lang, labels, words["level"])) for item in lists
        ]
    if report.pledge is not None:
        head = (*head, words["signs"])
        rows = [(*row, _signs(item, words, lang)) for row, item in zip(rows, lists, strict=True)]
    return table_lines([head, *rows])


def _signs(item: ListScore, words: dict[str, str], lang: str) -> str:
    """'yes (9)' or 'no (3)': whether the list signs, and how many measures it commits to."""
    answer = words["yes"] if item.signatory else words["no"]
    return f"{answer} ({format_decimal(item.commitments or 0, lang)})"


def _unscored_lines(left: Sequence[UnscoredList], words: dict[str, str], lang: str) -> list[str]:
    if not left:
        return []
    lines = ["", words["unscored"]]
    lines += [
        f"  {show_value(item.name, 200)} ({unscored_label(item.reason, lang)})" for item in left
    ]
    return lines


def _levels_text(
    levels: dict[str, int], lang: str, labels: Mapping[str, str], template: str
) -> str:
    return ", ".join(
        template.format(label=labels.get(level, level), count=format_decimal(count, lang))
        for level, count in levels.items()
    )


def level_names(questionnaire: Questionnaire, lang: str) -> dict[str, str]:
    """Each level of a score report (an option code, or ``missing:<case>``) as people read it:
    the option's label, or the missing case in words; never a raw code."""
    names = {f"missing:{case}": missing_case_label(case, lang) for case in MISSING_CASES}
    for scale in questionnaire.scales:
        for option in scale.options:
            label = localize(option.label, lang, questionnaire.default_language)
            names.setdefault(option.code, show_value(label, 80))
    return names


def score_csv(report: ScoreReport) -> str:
    """CSV: one row per list and theme (theme ``*`` is the overall score), with its commune.

    RFC 4180 like the tabular exports: CRLF rows, so that a line break of any kind in a name is
    quoted, and every text a spreadsheet would run as a formula neutralised (see ``restore``).
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    pledge = report.pledge is not None  # two more columns only for a pact to sign
    writer.writerow(
        ["respondent", "name", "status", "rank", "theme", "score", "points", "maximum", "commune"]
        + (["commitments", "signatory"] if pledge else [])
    )
    for item in report.lists:
        head = [*map(neutralise, (item.respondent, item.name, item.status)), item.rank or ""]
        tail = [neutralise(item.commune or "")]
        if pledge:
            tail += [str(item.commitments or 0), "true" if item.signatory else "false"]
        writer.writerow([*head, "*", _plain(item.score), "", "", *tail])
        for theme in item.themes:
            cells = (neutralise(theme.theme), _plain(theme.score), theme.points, theme.maximum)
            writer.writerow([*head, *cells, *tail])
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
    lines += table_lines([head, *rows])
    lines += _unscored_lines(report.unmatched, words, lang)
    return "\n".join(lines)


def table_lines(rows: Sequence[Sequence[str]]) -> list[str]:
    # Names come from files others wrote: escape control and direction characters for terminals.
    rows = [[show_value(cell, 200) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


# -- the exporters -------------------------------------------------------------------------


def _score_report(data: ExportInput, format_name: str) -> ScoreReport:
    if not isinstance(data.results, ScoreReport):
        raise UsageError(
            f"the {format_name!r} format shows a score report, not {_kind(data.results)}: "
            f"use score-json"
        )
    return data.results


def _match_report(data: ExportInput, format_name: str) -> MatchReport:
    if not isinstance(data.results, MatchReport):
        raise UsageError(
            f"the {format_name!r} format shows a voter's agreement with each list: run "
            f"'civicquest match PROJECT --answers VOTER_FILE' (--format table or json)"
        )
    return data.results


def _kind(value: object) -> str:
    return "nothing" if value is None else f"a {type(value).__name__}"


def score_table_export(data: ExportInput) -> bytes:
    """``civicquest score --format table``: the text table, in ``data.lang``."""
    report = _score_report(data, "score-table")
    several = data.project.questionnaire.election.communes
    communes = {c.insee_code: c.name for c in several} if several else None
    names = level_names(data.project.questionnaire, data.lang)
    return (score_table(report, data.lang, communes, names) + "\n").encode("utf-8")


def score_csv_export(data: ExportInput) -> bytes:
    """``civicquest score --format csv``: one row per list and theme, formulas neutralised."""
    return score_csv(_score_report(data, "score-csv")).encode("utf-8")


def results_json_export(data: ExportInput) -> bytes:
    """The result model as indented JSON, whatever the scoring method returned."""
    if not isinstance(data.results, BaseModel):
        raise UsageError(f"the JSON of results needs a result model, not {_kind(data.results)}")
    return (data.results.model_dump_json(indent=2) + "\n").encode("utf-8")


def match_table_export(data: ExportInput) -> bytes:
    """``civicquest match --format table``: agreements best first, one column per theme."""
    report = _match_report(data, "match-table")
    themes = tuple(theme.id for theme in data.project.questionnaire.themes)
    return (match_table(report, themes, data.lang) + "\n").encode("utf-8")


def match_json_export(data: ExportInput) -> bytes:
    """``civicquest match --format json``: the match report with its reproducibility record."""
    _match_report(data, "match-json")
    return results_json_export(data)


@hookimpl
def register_exporters() -> Iterator[Exporter]:
    plain, json_type = "text/plain; charset=utf-8", "application/json"
    yield Exporter(
        name="score-table",
        description="Notes en tableau lisible / scores as a text table",
        export=score_table_export,
        media_type=plain,
        needs="results",
    )
    yield Exporter(
        name="score-csv",
        description="Notes en CSV, une ligne par liste et thème / scores as CSV",
        export=score_csv_export,
        media_type="text/csv",
        needs="results",
    )
    yield Exporter(
        name="score-json",
        description="Notes en JSON, avec le détail / scores as JSON, with the breakdown",
        export=results_json_export,
        media_type=json_type,
        needs="results",
    )
    yield Exporter(
        name="match-table",
        description="Accord d'un électeur (civicquest match) / a voter's agreement, as a table",
        export=match_table_export,
        media_type=plain,
        needs="results",
    )
    yield Exporter(
        name="match-json",
        description="Accord d'un électeur en JSON (civicquest match) / a voter's agreement, JSON",
        export=match_json_export,
        media_type=json_type,
        needs="results",
    )
