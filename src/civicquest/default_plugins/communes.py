"""Results of a questionnaire sent in several communes, as exporters (``needs="results"``).

``score-table`` groups the lists by commune (see :mod:`.results`); here the comparison across
communes on the questions they share (``civicquest score PROJECT --across-communes``): counts of
answers per commune and question, never a score or a rank across communes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping, Sequence

from ..models.results import CommuneComparison
from ..plugins import Exporter, ExportInput, UsageError, hookimpl, neutralise
from ..text.catalog import N_, pgettext
from ..text.numbers import format_decimal
from .results import results_json_export, table_lines

__all__ = ["across_csv", "across_table", "register_exporters"]

_WORDS = {  # English msgids, translated in the context "results"
    "commune": N_("results", "commune"),
    "lists": N_("results", "lists"),
    "question": N_("results", "question {question}"),
    "title": N_("results", "Answers per commune, on the questions asked in every commune"),
}


def _words(lang: str) -> dict[str, str]:
    return {key: pgettext("results", english, lang) for key, english in _WORDS.items()}


def across_table(
    report: CommuneComparison,
    names: Mapping[str, str],
    lang: str = "fr",
    options: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """One block per shared question: a row per commune, a column per answer (the options in
    the scale's order, given per question in ``options``, then the missing cases)."""
    words = _words(lang)
    lines = [words["title"]]
    by_question: dict[str, list[tuple[str, int, dict[str, int]]]] = {}
    for row in report.rows:
        by_question.setdefault(row.question, []).append((row.commune, row.lists, row.counts))
    for question in report.questions:
        rows = by_question.get(question, [])
        seen = list(dict.fromkeys(label for _, _, counts in rows for label in counts))
        order = {code: i for i, code in enumerate((options or {}).get(question, ()))}
        labels = sorted(seen, key=lambda label: (label.startswith("missing:"), order.get(label, 0)))
        head = (words["commune"], words["lists"], *labels)
        body = [
            (
                f"{code} {names.get(code, '')}".rstrip(),
                format_decimal(lists, lang),
                *(format_decimal(counts.get(label, 0), lang) for label in labels),
            )
            for code, lists, counts in rows
        ]
        lines += ["", words["question"].format(question=question), *table_lines([head, *body])]
    return "\n".join(lines)


def across_csv(report: CommuneComparison, names: Mapping[str, str]) -> str:
    """CSV, one row per commune, question and answer: tidy data for a spreadsheet or a chart."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["commune", "commune_name", "question", "answer", "lists", "of_lists"])
    for row in report.rows:
        name = neutralise(names.get(row.commune, ""))
        for label, count in row.counts.items():
            writer.writerow([row.commune, name, row.question, label, count, row.lists])
    return buffer.getvalue()


def _comparison(data: ExportInput, format_name: str) -> CommuneComparison:
    if not isinstance(data.results, CommuneComparison):
        raise UsageError(
            f"the {format_name!r} format compares communes: run 'civicquest score PROJECT "
            f"--across-communes' (--format table, csv or json)"
        )
    return data.results


def _names(data: ExportInput) -> dict[str, str]:
    return {c.insee_code: c.name for c in data.project.questionnaire.election.all_communes}


def across_table_export(data: ExportInput) -> bytes:
    report = _comparison(data, "across-table")
    project = data.project
    scales = {scale.id: [o.code for o in scale.options] for scale in project.questionnaire.scales}
    options = {
        q.id: scales.get(getattr(q, "scale", ""), []) for q in project.questionnaire.questions
    }
    return (across_table(report, _names(data), data.lang, options) + "\n").encode("utf-8")


def across_csv_export(data: ExportInput) -> bytes:
    return across_csv(_comparison(data, "across-csv"), _names(data)).encode("utf-8")


def across_json_export(data: ExportInput) -> bytes:
    _comparison(data, "across-json")
    return results_json_export(data)


@hookimpl
def register_exporters() -> Iterator[Exporter]:
    yield Exporter(
        name="across-table",
        description="Réponses par commune sur les questions communes (civicquest score "
        "--across-communes) / answers per commune on shared questions, as a table",
        export=across_table_export,
        media_type="text/plain; charset=utf-8",
        needs="results",
    )
    yield Exporter(
        name="across-csv",
        description="Réponses par commune sur les questions communes, en CSV / answers per "
        "commune on shared questions, as CSV",
        export=across_csv_export,
        media_type="text/csv",
        needs="results",
    )
    yield Exporter(
        name="across-json",
        description="Réponses par commune sur les questions communes, en JSON / answers per "
        "commune on shared questions, as JSON",
        export=across_json_export,
        media_type="application/json",
        needs="results",
    )
