"""civicquest-tabular: CSV and XLSX load back with every answer and comment intact."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from typing import ClassVar

import openpyxl
import pytest
import yaml
from civicquest_tabular import neutralise, ooxml_unescape, restore
from hypothesis import given, settings
from hypothesis import strategies as st

from civicquest import example_path, export, load_project
from civicquest.models import Project
from civicquest.plugins import ExportOutput, ExportWarning, answer_label, answer_value
from civicquest.testing import (
    CARRIED,
    HOSTILE_STRINGS,
    ExporterConformance,
    aix2026,
    hostile_project,
    list_plugins,
    run_cli,
)

__all__ = ["aix2026"]  # fixture

AIX = load_project(example_path())


def read_csv(
    output: ExportOutput, delimiter: str = ",", encoding: str = "utf-8"
) -> list[dict[str, str]]:
    assert isinstance(output, bytes)
    text = output.decode(encoding)
    rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [{key: restore(value) for key, value in row.items()} for row in rows]


def read_xlsx(output: ExportOutput) -> dict[str, list[list[str]]]:
    assert isinstance(output, bytes)
    book = openpyxl.load_workbook(io.BytesIO(output))
    return {
        sheet.title: [
            [ooxml_unescape(str(c.value or "")) for c in row] for row in sheet.iter_rows()
        ]
        for sheet in book.worksheets
    }


def test_the_plugin_is_discovered_through_its_entry_point() -> None:
    info = {p.name: p for p in list_plugins(include_defaults=False)}["tabular"]
    assert info.distribution == "civicquest-tabular"


def _check_long(project: Project, rows: list[dict[str, str]]) -> None:
    by_key = {(r["respondent"], r["question"]): r for r in rows}
    assert len(rows) == len(project.respondents) * len(project.questionnaire.questions)
    for response in project.responses:
        if not response.consent_to_publish:
            assert {
                by_key[(response.respondent, q)]["answer_state"] for q in project.questions_by_id
            } == {"withheld"}
            continue
        for question_id, answer in response.answers.items():
            row = by_key[(response.respondent, question_id)]
            assert row["value"] == answer_value(answer)
            assert row["comment"] == (answer.comment or "")


def _check_wide(project: Project, rows: list[dict[str, str]]) -> None:
    by_list = {row["respondent"]: row for row in rows}
    for response in project.responses:
        if response.consent_to_publish:
            row = by_list[response.respondent]
            assert row["response_comment"] == (response.comment or "")
            for question_id, answer in response.answers.items():
                assert row[question_id] == answer_value(answer)
                assert row[f"{question_id}_comment"] == (answer.comment or "")


def _check_xlsx(project: Project, sheets: dict[str, list[list[str]]]) -> None:
    for theme in project.questionnaire.themes:
        header, *rows = sheets[theme.id]
        by_list = {row[0]: row for row in rows}
        for response in project.responses:
            if not response.consent_to_publish:
                continue
            row = by_list[response.respondent]
            for question_id, answer in response.answers.items():
                question = project.questions_by_id[question_id]
                if question.theme != theme.id:
                    continue
                column = next(i for i, h in enumerate(header) if h.startswith(f"{question_id} — "))
                assert row[column] == answer_label(project, question, answer, "fr")
                assert row[column + 1] == (answer.comment or "")


comments = st.text(st.characters(codec="utf-8"), max_size=60)


@settings(max_examples=25, deadline=None)
@given(texts=st.lists(comments, min_size=1, max_size=5))
def test_csv_and_xlsx_round_trip_any_text(texts: list[str]) -> None:
    project = hostile_project(AIX, tuple(texts))
    _check_long(project, read_csv(export(project, "csv")))
    _check_wide(project, read_csv(export(project, "csv", {"variant": "wide"})))
    _check_xlsx(project, read_xlsx(export(project, "xlsx")))


@pytest.mark.parametrize("options", [{"semicolon": True, "bom": True}, {}])
def test_csv_for_french_excel(aix2026: Project, options: dict[str, bool]) -> None:
    output = export(aix2026, "csv", options)
    assert isinstance(output, bytes)
    assert output.startswith(b"\xef\xbb\xbfquestionnaire;") == bool(options)
    rows = read_csv(output, ";" if options else ",", "utf-8-sig")
    _check_long(aix2026, rows)


def test_formulas_are_neutralised_in_csv(aix2026: Project) -> None:
    project = hostile_project(aix2026)
    output = export(project, "csv")
    assert isinstance(output, bytes)
    cells = [cell for row in csv.reader(io.StringIO(output.decode(), newline="")) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=HYPERLINK(" + '"http://evil.example";"cliquez ici")' in cells
    raw = export(project, "csv", {"neutralise": False})
    assert isinstance(raw, bytes)
    assert b"=HYPERLINK" in raw
    assert b"'=HYPERLINK" not in raw


def test_formulas_are_text_in_xlsx(aix2026: Project) -> None:
    output = export(hostile_project(aix2026), "xlsx")
    assert isinstance(output, bytes)
    book = openpyxl.load_workbook(io.BytesIO(output))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    risky = [c for c in cells if str(c.value or "").startswith(("=", "+", "-", "@"))]
    assert risky
    assert all(c.data_type == "s" and c.quotePrefix for c in risky)


def test_xlsx_layout(aix2026: Project) -> None:
    output = export(aix2026, "xlsx")
    assert isinstance(output, bytes)
    book = openpyxl.load_workbook(io.BytesIO(output))
    assert book.sheetnames == [
        "Questionnaire",
        "Listes",
        *(t.id for t in aix2026.questionnaire.themes),
    ]
    lists = book["Listes"]
    assert [c.value for c in lists[1]][:5] == [
        "Identifiant",
        "Liste",
        "Tête de liste",
        "Étiquette politique",
        "Statut",
    ]
    assert {c.value for c in lists["E"][1:]} <= {
        "a répondu",
        "réponse partielle",
        "en attente de réponse",
        "a refusé de répondre",
        "non sollicitée",
        "retirée",
        "a fusionné",
        "a répondu hors questionnaire",
    }
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "B2"
        assert 8 <= sheet.column_dimensions["B"].width <= 60


def test_xlsx_follows_the_language(aix2026: Project) -> None:
    output = export(aix2026, "xlsx", lang="en")
    assert isinstance(output, bytes)
    book = openpyxl.load_workbook(io.BytesIO(output))
    assert book.sheetnames[:2] == ["Questionnaire", "Lists"]
    assert [c.value for c in book["Lists"][1]][:5] == [
        "List id",
        "List",
        "Head of list",
        "Political label",
        "Status",
    ]
    assert "answered" in {c.value for c in book["Lists"]["E"][1:]}


def test_neutralise_is_reversible() -> None:
    for text in (*HOSTILE_STRINGS, "", "'", "''x", "plain"):
        assert restore(neutralise(text)) == text
        assert not neutralise(text).startswith(("=", "+", "-", "@", "\t", "\r"))


class TestCsvConformance(ExporterConformance):
    format_name = "csv"
    carries = CARRIED - {"response_comments"}

    def output_text(self, output: ExportOutput) -> str:
        return "\n".join("\n".join(row.values()) for row in read_csv(output))


class TestXlsxConformance(ExporterConformance):
    format_name = "xlsx"
    carries = CARRIED - {"response_comments", "evidence"}
    options: ClassVar[dict[str, object]] = {}

    def output_text(self, output: ExportOutput) -> str:
        sheets = read_xlsx(output)
        return "\n".join(cell for rows in sheets.values() for row in rows for cell in row)


EXCEL_LIMIT = 32_767


def _long_cells(output: ExportOutput, marker: str = "") -> list[str]:
    """The cells longer than 30,000 characters, or ending with ``marker``, as stored."""
    assert isinstance(output, bytes)
    book = openpyxl.load_workbook(io.BytesIO(output))
    values = [str(c.value or "") for s in book.worksheets for row in s.iter_rows() for c in row]
    return [v for v in values if len(v) > 30_000 or (marker and v.endswith(marker))]


@pytest.mark.parametrize(
    ("lang", "marker", "limit"),
    [
        ("fr", "… [texte complet : export CSV/JSON]", "32\u202f767 caractères"),
        ("en", "… [full text: CSV/JSON export]", "32,767 characters"),
    ],
)
def test_a_cell_over_excels_limit_is_cut_with_a_warning(
    aix2026: Project, lang: str, marker: str, limit: str
) -> None:
    comment = "mot " * 10_000
    project = hostile_project(aix2026, (comment,))
    with pytest.warns(ExportWarning) as caught:
        output = export(project, "xlsx", lang=lang)
    cells = _long_cells(output)
    assert cells
    assert all(len(cell) <= EXCEL_LIMIT and cell.endswith(marker) for cell in cells)
    assert all(comment.startswith(cell.removesuffix(marker)) for cell in cells)
    (warning,) = caught
    message = str(warning.message)
    assert limit in message  # numbers as the language writes them (CLDR)
    assert "CSV" in message
    assert f"{len(cells)} " in message


def test_a_cut_never_splits_an_escape_or_an_emoji(aix2026: Project) -> None:
    comment = "🗳\r" * 20_000
    with pytest.warns(ExportWarning):
        output = export(hostile_project(aix2026, (comment,)), "xlsx")
    marker = "… [texte complet : export CSV/JSON]"
    for cell in _long_cells(output, marker) or pytest.fail("no cut cell"):
        assert len(cell) > 25_000
        text = ooxml_unescape(cell).removesuffix(marker)
        assert comment.startswith(text)
        assert len(cell.encode("utf-16-le")) // 2 <= EXCEL_LIMIT


def test_a_cell_within_the_limit_is_whole_and_silent(aix2026: Project) -> None:
    comment = "é" * EXCEL_LIMIT
    output = export(hostile_project(aix2026, (comment,)), "xlsx")  # warnings are errors here
    assert comment in _long_cells(output)


def test_the_export_command_prints_the_warning_and_writes_the_file(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(example_path(), project)
    response = next((project / "responses").glob("*.yaml"))
    data = yaml.safe_load(response.read_text(encoding="utf-8"))
    data["comment"] = "mot " * 10_000
    response.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    target = tmp_path / "aix.xlsx"
    args = ["export", str(project), "-o", str(target), "--lang", "en", "--include-unpublished"]
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    assert "warning: 1 cell(s) exceeded Excel's limit" in result.stderr
    assert "Lists!" in result.stderr  # the sheet name follows --lang
    assert _long_cells(target.read_bytes())
