"""Benchmark: import 100,000 rows of a generic CSV (40 questions) with the spreadsheet importer.

Generates, in a temporary folder, a French Excel-style CSV (semicolons, two title rows, French
labels, decimal commas, dd/mm/yyyy dates, a comment column per question) answering the Aix
questionnaire's 40 questions for 100,000 generated lists, and its mapping file. Prints rows per
second for the importer (decode, read, match every label, build every response with its sources)
beside reading the same file with the csv module alone, in the same run.

Usage: python benchmarks/bench_importing.py [--rows N] [--runs R]
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import resource
import tempfile
from pathlib import Path
from typing import Any

import yaml
from _timing import best_time
from civicquest_spreadsheet_import import SpreadsheetOptions, load_spreadsheet

from civicquest import example_path, load_project
from civicquest.models import Project
from civicquest.plugins import ImportResult, format_number, text_of


def bench_project(rows: int) -> Project:
    """The Aix questionnaire, asked to ``rows`` generated lists (built without re-validation)."""
    aix = load_project(example_path())
    model = aix.respondents[0]
    respondents = tuple(
        model.model_copy(update={"id": f"liste-{n:06d}", "name": f"Liste {n}"}) for n in range(rows)
    )
    return Project.model_construct(
        questionnaire=aix.questionnaire, respondents=respondents, responses=(), scoring=None
    )


def write_files(project: Project, rows: int, folder: Path) -> tuple[Path, Path]:
    """The CSV and its mapping file."""
    rng = random.Random(2026)
    questions = project.questionnaire.questions
    headers = ["Liste", "Date de réception", "Accord de publication"]
    for question in questions:
        headers += [f"{question.id.upper()} – question", f"{question.id.upper()} – commentaire"]
    labels = {
        question.id: [
            text_of(project, option.label, "fr")
            for option in project.scales_by_id[getattr(question, "scale", "")].options
        ]
        for question in questions
        if getattr(question, "scale", None)
    }
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows([["Collectif ; réponses"], ["Saisie du secrétariat"], headers])
    for n in range(rows):
        row = [f"Liste {n}", f"{rng.randint(1, 28):02d}/03/2026", rng.choice(("Oui", "Non"))]
        for question in questions:
            row.append(_cell(question.kind, labels.get(question.id, []), rng))
            row.append("Sous réserve du budget ; à voir" if rng.random() < 0.1 else "")
        writer.writerow(row)
    csv_path = folder / "reponses.csv"
    csv_path.write_text(buffer.getvalue(), encoding="utf-8")
    mapping = {
        "header_row": 3,
        "respondent": {"column": "Liste"},
        "received": "Date de réception",
        "consent": {"column": "Accord de publication"},
        "questions": {
            q.id: {
                "column": f"{q.id.upper()} – question",
                "comment": f"{q.id.upper()} – commentaire",
            }
            for q in questions
        },
    }
    mapping_path = folder / "mapping.yaml"
    mapping_path.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    return csv_path, mapping_path


def _cell(kind: str, labels: list[str], rng: random.Random) -> str:
    if kind == "number":
        return format_number(round(rng.uniform(0, 100), 1)).replace(".", ",")
    if kind == "open_text":
        return "Nous agirons avec les associations, quartier par quartier."
    if kind == "multiple_choice":
        return " ; ".join(rng.sample(labels, 2))
    return rng.choice(labels)


def read_with_csv_alone(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as file:
        return sum(1 for _ in csv.reader(file, delimiter=";"))


def import_file(project: Project, csv_path: Path, mapping_path: Path) -> ImportResult:
    options = SpreadsheetOptions(mapping=str(mapping_path))
    return load_spreadsheet(project, csv_path.read_bytes(), options, csv_path.name)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    project = bench_project(args.rows)
    with tempfile.TemporaryDirectory() as folder:
        csv_path, mapping_path = write_files(project, args.rows, Path(folder))
        size = csv_path.stat().st_size
        result = import_file(project, csv_path, mapping_path)
        if len(result.responses) != args.rows or result.rejected:
            raise SystemExit(f"expected {args.rows} responses and no rejection, got {result}")
        answers = sum(len(item.data["answers"]) for item in result.responses)
        del result
        baseline = best_time(lambda: read_with_csv_alone(csv_path), args.runs)
        importing = best_time(lambda: import_file(project, csv_path, mapping_path), args.runs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "rows": args.rows,
        "answers": answers,
        "csv_alone_s": baseline,
        "import_s": importing,
        "ratio": importing / baseline,
        "peak_rss_mb": peak,
    }
    print(
        f"{args.rows:,} rows × 40 questions ({size / 1e6:.0f} MB, {answers:,} answers placed)\n"
        f"  csv module alone : {baseline:6.2f} s  {args.rows / baseline:>10,.0f} rows/s\n"
        f"  spreadsheet import: {importing:6.2f} s  {args.rows / importing:>10,.0f} rows/s"
        f"  ({importing / baseline:.1f}× the csv module alone)\n"
        f"  peak RSS: {peak:,.0f} MB"
    )
    return figures


if __name__ == "__main__":
    main()
