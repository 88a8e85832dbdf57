"""What Google Forms, LimeSurvey and Excel (XLSX) produce, read with a mapping file."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from spreadsheet_import_helpers import DATA, responses, run_import, write_mapping
from test_french_reply import MAPPING, imported

from civicquest.models import Answer, Project
from civicquest.testing import aix2026, run_cli

__all__ = ["aix2026"]  # fixture

GOOGLE_FORMS = """\
Horodateur,Nom de votre liste,Vous engagez-vous à conclure des conventions ?,Commentaire (P01),\
Les associations doivent être associées,Combien de places ?,Publics prioritaires,Votre projet\r
2026/03/05 2:22:11 PM UTC+1,Aix Avenir,Engagement fort,"Oui, dès 2026",D'accord,"1 234,5",\
"Personnes sans abri, Travailleurs pauvres",Une ville solidaire\r
2026/03/07 9:01:00 AM UTC+1,aix-citoyenne,pas d'engagement,,Pas d’accord,30,Personnes migrantes,\r
"""
GOOGLE_MAPPING = {
    "respondent": {"column": "Nom de votre liste"},
    "received": "Horodateur",
    "consent": {"default": True},
    "questions": {
        "p01": {
            "column": "Vous engagez-vous à conclure des conventions ?",
            "comment": "Commentaire (P01)",
        },
        "p06": {"column": "Les associations doivent être associées"},
        "s03": {"column": "Combien de places ?"},
        "s15": {"column": "Publics prioritaires", "separator": ", "},
        "p05": {"column": "Votre projet"},
    },
}
LIMESURVEY = """\
"id","submitdate","lastpage","startlanguage","seed","liste","p01","p01[comment]","p06",\
"s15[SQ001]","s15[SQ002]","s15[SQ003]","s03"
"1","2026-03-05 14:22:11","3","fr","123","aix-avenir","A1","Oui, dès 2026","AO01","Y","",\
"Y","1234.5"
"2","2026-03-07 09:01:00","3","fr","456","aix-citoyenne","A3","","AO03","","Y","","30"
"""
LIMESURVEY_MAPPING = {
    "respondent": {"column": "liste"},
    "received": "submitdate",
    "date_order": "ymd",
    "consent": {"default": True},
    "questions": {
        "p01": {
            "column": "p01",
            "comment": "p01[comment]",
            "labels": {"A1": "engagement_fort", "A2": "engagement_minimal", "A3": "pas_engagement"},
        },
        "p06": {"column": "p06", "labels": {"AO01": "d_accord", "AO03": "pas_d_accord"}},
        "s15": {
            "options": {
                "columns": {
                    "s15[SQ001]": "sans_abri",
                    "s15[SQ002]": "personnes_migrantes",
                    "s15[SQ003]": "travailleurs_pauvres",
                }
            }
        },
        "s03": {"column": "s03"},
    },
    "ignore": ["id", "lastpage", "startlanguage", "seed"],
}


def test_google_forms(aix2026: Project, tmp_path: Path) -> None:
    mapping = write_mapping(tmp_path / "google.yaml", GOOGLE_MAPPING)
    result = run_import(aix2026, GOOGLE_FORMS.encode(), mapping, "google.csv")
    assert result.rejected == ()
    found = responses(result)
    avenir, citoyenne = found["aix-avenir"], found["aix-citoyenne"]
    assert avenir.received == dt.date(2026, 3, 5)
    assert avenir.answers == {
        "p01": Answer(choice="engagement_fort", comment="Oui, dès 2026"),
        "p06": Answer(choice="d_accord"),
        "s03": Answer(number=1234.5),
        "s15": Answer(choices=("sans_abri", "travailleurs_pauvres")),
        "p05": Answer(text="Une ville solidaire"),
    }
    assert citoyenne.answers == {
        "p01": Answer(choice="pas_engagement"),
        "p06": Answer(choice="pas_d_accord"),
        "s03": Answer(number=30),
        "s15": Answer(choices=("personnes_migrantes",)),
    }
    assert result.responses[1].answer_sources["p06"].where() == "google.csv:E3"


def test_limesurvey(aix2026: Project, tmp_path: Path) -> None:
    mapping = write_mapping(tmp_path / "lime.yaml", LIMESURVEY_MAPPING)
    result = run_import(aix2026, LIMESURVEY.encode(), mapping, "results-survey.csv")
    assert result.rejected == ()
    found = responses(result)
    assert found["aix-avenir"].answers == {
        "p01": Answer(choice="engagement_fort", comment="Oui, dès 2026"),
        "p06": Answer(choice="d_accord"),
        "s15": Answer(choices=("sans_abri", "travailleurs_pauvres")),
        "s03": Answer(number=1234.5),
    }
    assert found["aix-citoyenne"].answers["s15"] == Answer(choices=("personnes_migrantes",))
    assert found["aix-citoyenne"].received == dt.date(2026, 3, 7)


def test_limesurvey_without_ignore_reports_each_extra_column_once(
    aix2026: Project, tmp_path: Path
) -> None:
    mapping = write_mapping(tmp_path / "lime.yaml", {**LIMESURVEY_MAPPING, "ignore": []})
    result = run_import(aix2026, LIMESURVEY.encode(), mapping, "results-survey.csv")
    assert [(r.code, r.source.column, r.value) for r in result.rejected] == [
        ("unmapped_column", "A", "1"),
        ("unmapped_column", "C", "3"),
        ("unmapped_column", "D", "fr"),
        ("unmapped_column", "E", "123"),
    ]


def test_xlsx_reads_like_the_csv(aix2026: Project, tmp_path: Path) -> None:
    """The same reply typed in Excel: real dates, numbers and a second sheet before it."""
    rows = [[cell or None for cell in row] for row in _csv_rows()]
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    sheet = workbook.create_sheet("Réponses")
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=4):
        day, month, year = (int(part) for part in row[1].value.split("/"))
        row[1].value = dt.datetime(year, month, day, 10, 30)
        for cell in row[3:]:
            if cell.value is not None and cell.value.replace(",", "").isdigit():
                cell.value = float(cell.value.replace(",", "."))
    buffer = io.BytesIO()
    workbook.save(buffer)
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(MAPPING.read_text(encoding="utf-8") + "sheet: réponses\n", encoding="utf-8")
    result = run_import(aix2026, buffer.getvalue(), mapping, "reponses.xlsx")
    assert responses(result) == responses(imported(aix2026, "french_reply_cp1252.csv"))
    assert {r.source.sheet for r in result.rejected} == {"Réponses"}
    assert result.responses[0].answer_sources["p02"].where() == "reponses.xlsx:Réponses:F4"


def _csv_rows() -> list[list[str]]:
    from test_french_reply import cells

    return cells("french_reply_utf8_bom.csv")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8", "cp1252"])
def test_every_encoding_reads_the_same(aix2026: Project, encoding: str) -> None:
    text = (DATA / "french_reply_utf8_bom.csv").read_bytes().decode("utf-8-sig")
    result = run_import(aix2026, text.encode(encoding), MAPPING, "reply.csv")
    assert responses(result) == responses(imported(aix2026, "french_reply_utf8_bom.csv"))


def test_registered_through_its_entry_point() -> None:
    result = run_cli("plugins")
    assert result.exit_code == 0
    assert "spreadsheet-import 0.1.0 (civicquest-spreadsheet-import)\n  importers: spreadsheet" in (
        result.output
    )


def test_a_tick_neither_ticked_nor_empty_is_rejected_where_it_is(
    aix2026: Project, tmp_path: Path
) -> None:
    mapping = write_mapping(tmp_path / "lime.yaml", LIMESURVEY_MAPPING)
    content = LIMESURVEY.encode().replace(b'"AO01","Y","","Y"', b'"AO01","Y","peut-etre","Y"')
    result = run_import(aix2026, content, mapping, "results-survey.csv")
    assert [(r.code, r.source.where(), r.value) for r in result.rejected] == [
        ("unreadable_tick", "results-survey.csv:K2", "peut-etre")
    ]
    assert "s15" not in result.responses[0].data["answers"]
