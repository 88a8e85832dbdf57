"""A coalition's own French Excel export: semicolons, Windows-1252 or UTF-8 with BOM, two title
rows, misspelt labels, decimal commas, dd/mm/yyyy dates and a private column with a phone number.
Nothing is lost: every cell is placed in a response or rejected, located, with a suggestion."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from civicquest_spreadsheet_import import decode_bytes
from openpyxl.utils import get_column_letter
from spreadsheet_import_helpers import DATA, responses, run_import, write_mapping

from civicquest.models import Project
from civicquest.plugins import ImportResult
from civicquest.testing import aix2026

__all__ = ["aix2026"]  # fixture

MAPPING = DATA / "french_mapping.yaml"
VARIANTS = ("french_reply_cp1252.csv", "french_reply_utf8_bom.csv")
LISTS = ("aix-avenir", "aix-citoyenne", "aix-ecologie")
#: the misspelt cells of the file, and the code each one stands for
MISSPELT = {
    ("aix-avenir", "p01"): "engagement_minimal",
    ("aix-avenir", "p06"): "d_accord",
    ("aix-citoyenne", "i01"): "niveau_3",
    ("aix-ecologie", "s13"): "pas_d_accord",
}
PHONE = "06 12 34 56 78"


def imported(project: Project, name: str, mapping: Path = MAPPING) -> ImportResult:
    return run_import(project, (DATA / name).read_bytes(), mapping, name)


def cells(name: str) -> list[list[str]]:
    text, _ = decode_bytes((DATA / name).read_bytes())
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_the_two_encodings_are_what_they_claim() -> None:
    cp1252, bom = ((DATA / name).read_bytes() for name in VARIANTS)
    assert bom.startswith(b"\xef\xbb\xbf")
    with pytest.raises(UnicodeDecodeError):
        cp1252.decode("utf-8")
    assert decode_bytes(cp1252) == (bom[3:].decode("utf-8"), "windows-1252")


@pytest.mark.parametrize("name", VARIANTS)
def test_every_answer_comes_back_but_the_misspelt_ones(aix2026: Project, name: str) -> None:
    result = imported(aix2026, name)
    found = responses(result)
    assert sorted(found) == sorted(LISTS)
    for list_id in LISTS:
        expected = aix2026.responses_by_respondent[list_id]
        got = found[list_id]
        misspelt = {qid for (lid, qid) in MISSPELT if lid == list_id}
        assert got.received == expected.received
        assert got.consent_to_publish == expected.consent_to_publish
        assert got.comment == expected.comment
        assert got.questionnaire == expected.questionnaire
        assert set(got.answers) == set(expected.answers) - misspelt
        for question_id, answer in got.answers.items():
            # the coalition's spreadsheet has no column for evidence
            without_evidence = expected.answers[question_id].model_copy(update={"evidence": ()})
            assert answer == without_evidence, question_id


@pytest.mark.parametrize("name", VARIANTS)
def test_every_misspelling_is_rejected_with_the_closest_code(aix2026: Project, name: str) -> None:
    result = imported(aix2026, name)
    unknown = [r for r in result.rejected if r.code == "unknown_option"]
    rows = {row[0]: number for number, row in enumerate(cells(name), start=1)}
    names = {"aix-avenir": "Aix Avenir", "aix-citoyenne": "aix citoyenne"}
    names["aix-ecologie"] = "Aix Écologie (liste fictive)"
    assert {(r.source.row, r.suggestion) for r in unknown} == {
        (rows[names[list_id]], code) for (list_id, _), code in MISSPELT.items()
    }
    for rejected in unknown:
        assert rejected.source.file == name
        assert rejected.value in {"Engagment minimal", "D’acord", "Nivau 3", "Pas d'acord"}
        assert rejected.hint
    # the comment beside a misspelt answer is not dropped: it is rejected with it
    orphans = [r for r in result.rejected if r.code == "answer_not_placed"]
    comment = aix2026.responses_by_respondent["aix-avenir"].answers["p01"].comment
    assert [r.value for r in orphans] == [comment]


@pytest.mark.parametrize("name", VARIANTS)
def test_nothing_is_lost(aix2026: Project, name: str) -> None:
    """Each non-empty cell below the header is in a response or in ``rejected``."""
    result = imported(aix2026, name)
    rows = cells(name)
    header = rows[2]
    placed = set()
    for item in result.responses:
        row = item.source.row
        placed.update({(row, "A"), (row, "B"), (row, "C")})
        if item.data.get("comment"):
            placed.add((row, get_column_letter(header.index("Commentaire général") + 1)))
        for question_id, source in item.answer_sources.items():
            placed.add((row, source.column))
            if item.data["answers"][question_id].get("comment"):
                column = header.index(f"{question_id.upper()} – commentaire") + 1
                placed.add((row, get_column_letter(column)))
    rejected = {(r.source.row, r.source.column) for r in result.rejected}
    unmapped = {r.source.column for r in result.rejected if r.code == "unmapped_column"}
    for number, row in enumerate(rows[3:], start=4):
        for index, value in enumerate(row):
            letter = get_column_letter(index + 1)
            if value.strip() and letter not in unmapped:
                assert (number, letter) in placed | rejected, (number, letter, value)


@pytest.mark.parametrize("name", VARIANTS)
def test_the_private_column_is_reported_not_imported(aix2026: Project, name: str) -> None:
    result = imported(aix2026, name)
    (unmapped,) = [r for r in result.rejected if r.code == "unmapped_column"]
    assert "Remarque interne" in unmapped.message
    assert PHONE in unmapped.value
    assert (unmapped.source.row, unmapped.source.column) == (3, "CG")
    assert PHONE not in repr([item.data for item in result.responses])


def test_a_column_ignored_on_purpose_is_neither_imported_nor_reported(
    aix2026: Project, tmp_path: Path
) -> None:
    data = yaml.safe_load(MAPPING.read_text(encoding="utf-8"))
    data["ignore"] = ["remarque  INTERNE"]  # matched tolerantly
    mapping = write_mapping(tmp_path / "mapping.yaml", data)
    result = imported(aix2026, VARIANTS[0], mapping)
    assert {r.code for r in result.rejected} == {"unknown_option", "answer_not_placed"}
    assert PHONE not in repr([item.data for item in result.responses])


def test_the_example_of_the_docs_imports_the_same(aix2026: Project) -> None:
    example = Path(__file__).parents[3] / "examples" / "aix2026" / "imports"
    result = run_import(
        aix2026,
        (example / "reponses-collectif.csv").read_bytes(),
        example / "reponses-collectif.mapping.yaml",
        "reponses-collectif.csv",
    )
    assert responses(result) == responses(imported(aix2026, VARIANTS[0]))
    assert sorted(r.suggestion for r in result.rejected if r.suggestion) == sorted(
        MISSPELT.values()
    )
    assert "unmapped_column" not in {r.code for r in result.rejected}
