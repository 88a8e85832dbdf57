"""Mistakes in the mapping file and in the cells: a clear, located message; nothing dropped."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from civicquest_spreadsheet_import import (
    Mapping,
    SpreadsheetOptions,
    load_spreadsheet,
    parse_number,
)
from spreadsheet_import_helpers import responses, run_import, write_mapping

from civicquest.models import Answer, Project
from civicquest.plugins import UsageError
from civicquest.testing import aix2026

__all__ = ["aix2026"]  # fixture

SMALL: dict[str, Any] = {
    "delimiter": ";",
    "respondent": {"column": "Liste"},
    "received": "Reçue le",
    "consent": {"column": "Publication"},
    "questions": {
        "p01": {"column": "P01", "comment": "P01 commentaire"},
        "s03": {"column": "S03"},
    },
}
HEADER = "Liste;Reçue le;Publication;P01;P01 commentaire;S03\n"


def run(project: Project, tmp_path: Path, body: str, mapping: dict[str, Any] = SMALL) -> Any:
    path = write_mapping(tmp_path / "mapping.yaml", mapping)
    return run_import(project, (HEADER + body).encode(), path, "reply.csv")


def test_a_typo_in_the_mapping_is_located(aix2026: Project, tmp_path: Path) -> None:
    path = tmp_path / "mapping.yaml"
    path.write_text(
        "respondent:\n  column: Liste\nquestions:\n  p01:\n    colum: P01\n", encoding="utf-8"
    )
    with pytest.raises(UsageError) as raised:
        run_import(aix2026, HEADER.encode(), path, "reply.csv")
    message = str(raised.value)
    assert f"{path}:5 questions.p01.colum: Extra inputs are not permitted" in message


def test_invalid_yaml_is_located(aix2026: Project, tmp_path: Path) -> None:
    path = tmp_path / "mapping.yaml"
    path.write_text("respondent: [\n", encoding="utf-8")
    with pytest.raises(UsageError, match=rf"{path}:2:1: the mapping file is not valid YAML"):
        run_import(aix2026, HEADER.encode(), path, "reply.csv")


def test_a_mapping_that_does_not_fit_the_file_lists_every_problem(
    aix2026: Project, tmp_path: Path
) -> None:
    mapping = {
        **SMALL,
        "questions": {
            "p01": {"column": "P1", "labels": {"Oui": "engagement_total"}},
            "zz9": {"column": "S03"},
        },
    }
    with pytest.raises(UsageError) as raised:
        run(aix2026, tmp_path, "", mapping)
    message = str(raised.value)
    assert "questions.p01.column: no column headed 'P1' (closest: 'P01')" in message
    assert "questions.p01.labels: 'engagement_total' is not an option of p01" in message
    assert "questions.zz9: no question 'zz9' in the questionnaire" in message


def test_no_mapping_is_a_usage_error(aix2026: Project) -> None:
    with pytest.raises(UsageError, match="--mapping"):
        load_spreadsheet(aix2026, HEADER.encode(), SpreadsheetOptions(), "reply.csv")


def test_unreadable_cells_are_rejected_where_they_are(aix2026: Project, tmp_path: Path) -> None:
    result = run(
        aix2026,
        tmp_path,
        "Aix Avenir;31/02/2026;peut-être;Engagement fort;Bien sûr;trente\n",
    )
    assert [(r.code, r.source.where(), r.value) for r in result.rejected] == [
        ("unreadable_date", "reply.csv:B2", "31/02/2026"),
        ("unreadable_consent", "reply.csv:C2", "peut-être"),
        ("unreadable_number", "reply.csv:F2", "trente"),
    ]
    (response,) = result.responses
    assert response.data["answers"] == {"p01": {"choice": "engagement_fort", "comment": "Bien sûr"}}


def test_an_unknown_list_rejects_its_whole_row(aix2026: Project, tmp_path: Path) -> None:
    result = run(aix2026, tmp_path, "Aix Avenri;05/03/2026;oui;Engagement fort;;30\n")
    assert result.responses == ()
    first, *others = result.rejected
    assert (first.code, first.suggestion, first.source.where()) == (
        "unknown_respondent",
        "aix-avenir",
        "reply.csv:A2",
    )
    assert [(r.code, r.value) for r in others] == [
        ("unknown_respondent", "05/03/2026"),
        ("unknown_respondent", "oui"),
        ("unknown_respondent", "Engagement fort"),
        ("unknown_respondent", "30"),
    ]


def test_a_second_row_for_the_same_list_is_rejected(aix2026: Project, tmp_path: Path) -> None:
    result = run(
        aix2026,
        tmp_path,
        "aix-avenir;;oui;Engagement fort;;\n;;;;;\nAix Avenir;;non;Pas d'engagement;;\n",
    )
    assert [r.data["respondent"] for r in result.responses] == ["aix-avenir"]
    assert {(r.code, r.source.row) for r in result.rejected} == {("duplicate_respondent", 4)}
    assert len(result.rejected) == 3  # the list, the consent and the answer of row 4


def test_a_comment_without_an_answer_is_kept(aix2026: Project, tmp_path: Path) -> None:
    result = run(aix2026, tmp_path, "aix-avenir;;oui;;Nous verrons;sans objet\n")
    assert result.rejected == ()
    assert responses(result)["aix-avenir"].answers == {
        "p01": Answer(no_answer="skipped", comment="Nous verrons"),
        "s03": Answer(no_answer="not_applicable"),
    }


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1 234,5", 1234.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("0,5", 0.5),
        ("-3", -3.0),
        ("1\u202f000", 1000.0),
        ("nan", None),
        ("1e999", None),
        ("", None),
        ("12 %", None),
    ],
)
def test_numbers_as_people_write_them(text: str, number: float | None) -> None:
    assert parse_number(text) == number


def test_the_documented_mapping_is_valid() -> None:
    """The example of docs/plugins/spreadsheet-import.md is a mapping file the importer reads."""
    page = Path(__file__).parents[3] / "docs" / "plugins" / "spreadsheet-import.md"
    (block,) = re.findall(r"```yaml\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
    mapping = Mapping.model_validate(yaml.safe_load(block))
    assert mapping.questions["s15"].separator == ", "
    assert mapping.ignore == ("Remarque interne",)
